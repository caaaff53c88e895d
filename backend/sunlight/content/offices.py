"""``offices.yaml``: the agency's offices as a tree (bureau, divisions, brigades, squads), and the
supervisors outside it (kind ``external``: no parent, role ``supervision``, an e-mail address)."""

from __future__ import annotations

import re
from pathlib import Path

from sunlight.content.fields import Fields, check_unique, items_of, source_name
from sunlight.content.model import EXTERNAL_KIND, OFFICE_KINDS, OFFICE_ROLES, Office
from sunlight.content.yamlfile import load_required_yaml
from sunlight.domain.problems import Problem, Problems

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OFFICE_KEYS = ("id", "name", "kind", "parent", "streets", "roles", "phone", "email", "webhook", "credit_code")


def load_offices(root: Path, problems: Problems) -> list[Office]:
    path = root / "offices.yaml"
    name = source_name(root, path)
    if not path.exists():
        problems.add(Problem("缺少 offices.yaml", "offices.yaml is missing", file=name))
        return []
    offices = [
        _office(item, name, problems)
        for item in items_of(load_required_yaml(path, name, problems), name, problems, list_key="offices")
    ]
    check_offices(offices, problems)
    return offices


def _office(item: dict[str, object], name: str, problems: Problems) -> Office:
    f = Fields(item, name, problems)
    f.allow(*OFFICE_KEYS)
    office = Office(source=name, line=f.line)
    office.remember_lines(f.key_lines())
    office.id = f.text("id", required=True)
    f.record_id = office.id
    if office.id and not SLUG.match(office.id):
        f.error(
            "id",
            "编号应为小写英文字母、数字和连字符",
            "must be a slug: lower-case ascii letters, digits, hyphens",
            office.id,
        )
    office.name = f.text("name", required=True)
    office.kind = f.enum("kind", OFFICE_KINDS, required=True)
    office.parent = f.text("parent") or None
    office.streets = f.texts("streets")
    office.roles = f.texts("roles")
    for role in office.roles:
        if role not in OFFICE_ROLES:
            f.error(
                "roles",
                f"职能无效，应为:{'、'.join(OFFICE_ROLES)}",
                f"invalid role; one of: {', '.join(OFFICE_ROLES)}",
                role,
            )
    office.roles = [r for r in office.roles if r in OFFICE_ROLES]
    office.phone = f.text("phone")
    office.email = f.text("email")
    if office.email and "@" not in office.email:
        f.error("email", "电子邮箱格式不正确", "not an e-mail address", office.email)
    office.webhook = f.text("webhook")
    office.credit_code = f.text("credit_code")  # checked with the agency's (content.credit_export)
    if office.webhook and not office.webhook.startswith(("https://", "http://")):
        f.error("webhook", "应为 http(s) 网址", "must be an http(s) URL", office.webhook)
    return office


def check_offices(offices: list[Office], problems: Problems) -> None:
    """Unique ids and names; parents exist; the tree has one root and no cycle; external offices
    stand outside it."""
    check_unique(offices, "id", problems, zh_what="机构编号", en_what="office id")
    check_unique(offices, "name", problems, zh_what="机构名称", en_what="office name")
    by_id = {o.id: o for o in offices if o.id}
    check_external(offices, by_id, problems)
    roots = [o for o in offices if o.parent is None and o.kind != EXTERNAL_KIND]
    if offices and len(roots) != 1:
        where = roots[1] if len(roots) > 1 else offices[0]
        problems.add(
            Problem(
                f"应有且只有一个上级为空的机构(现有 {len(roots)} 个)",
                f"exactly one office must have no parent (found {len(roots)})",
                file=where.source,
                line=where.line,
                field="parent",
            )
        )
    for office in offices:
        if office.parent is not None and office.parent not in by_id:
            problems.add(
                Problem(
                    "上级机构不存在",
                    "parent office does not exist",
                    file=office.source,
                    line=office.line,
                    field="parent",
                    value=office.parent,
                    record_id=office.id,
                )
            )
    reported: set[str] = set()
    for office in offices:
        seen: list[str] = []
        current: Office | None = office
        while current is not None and current.parent is not None:
            if current.id in seen:
                cycle = seen[seen.index(current.id) :]
                if not reported.intersection(cycle):
                    reported.update(cycle)
                    problems.add(
                        Problem(
                            "上级机构形成循环",
                            "parent offices form a cycle",
                            file=office.source,
                            line=office.line,
                            field="parent",
                            value=" -> ".join([*cycle, current.id]),
                            record_id=office.id,
                        )
                    )
                break
            seen.append(current.id)
            current = by_id.get(current.parent)
    if offices and not any("supervision" in o.roles for o in offices):
        first = offices[0]
        problems.add(
            Problem(
                "至少一个机构应承担监督(supervision)职能",
                "at least one office must have the supervision role",
                file=first.source,
                line=first.line,
                field="roles",
            )
        )


def check_external(offices: list[Office], by_id: dict[str, Office], problems: Problems) -> None:
    """An external office has no parent and is no office's parent, supervises, and has an e-mail."""
    for office in offices:
        if office.kind == EXTERNAL_KIND:
            checks = (
                (office.parent is not None, "parent", "外部监督机构不得有上级机构", "an external office has no parent"),
                ("supervision" not in office.roles, "roles", "外部监督机构须承担监督(supervision)职能",
                 "an external office needs the supervision role"),
                (not office.email, "email", "外部监督机构须有电子邮箱", "an external office needs an e-mail address"),
            )  # fmt: skip
            for failed, field, zh, en in checks:
                if failed:
                    value = office.parent if field == "parent" else ""
                    where = {"file": office.source, "line": office.line_of(field), "field": field}
                    problems.add(Problem(zh, en, value=value, record_id=office.id, **where))
        parent = by_id.get(office.parent or "")
        if parent is not None and parent.kind == EXTERNAL_KIND:
            problems.add(
                Problem(
                    "外部监督机构不能作为上级机构",
                    "an external office cannot be a parent",
                    file=office.source,
                    line=office.line,
                    field="parent",
                    value=office.parent,
                    record_id=office.id,
                )
            )
