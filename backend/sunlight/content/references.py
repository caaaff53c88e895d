"""Cross-checks between content files: every id a record names must exist.

Runs after each file was loaded on its own. Offices may be named by id or by exact name
wherever a person types them (personnel, inspection plans, statistics); those are resolved
to ids here.
"""

from __future__ import annotations

from collections.abc import Iterable

from sunlight.content.fields import check_unique
from sunlight.content.model import Content, Office, Where
from sunlight.content.oversight import check_oversight
from sunlight.domain.problems import Problem, Problems


def office_index(offices: Iterable[Office]) -> dict[str, str]:
    """Office id and exact name -> office id."""
    index: dict[str, str] = {}
    for office in offices:
        if office.name:
            index.setdefault(office.name, office.id)
        if office.id:
            index[office.id] = office.id
    return index


def all_streets(offices: Iterable[Office]) -> list[str]:
    """Every 街道/镇 some office covers, in order of first mention."""
    return list(dict.fromkeys(s for o in offices for s in o.streets))


def _line_of(record: object, key: str) -> int | None:
    """The line of ``key`` in a record that knows its field lines, else the record's line."""
    if isinstance(record, Where):
        return record.line_of(key)
    return getattr(record, "line", None)


def _missing(
    problems: Problems,
    record: object,
    key: str,
    value: str,
    zh: str,
    en: str,
    *,
    line: int | None = None,
    warning: bool = False,
) -> None:
    problems.add(
        Problem(
            zh,
            en,
            file=getattr(record, "source", ""),
            line=line if line is not None else _line_of(record, key),
            field=key,
            value=value,
            severity="warning" if warning else "error",
        )
    )


def check_references(content: Content, problems: Problems) -> None:
    offices = office_index(content.offices)
    office_ids = set(offices.values())
    streets = set(all_streets(content.offices))
    power_codes = {p.code for p in content.powers}
    chart_ids = {c.id for c in content.flowcharts}

    def missing(record: object, key: str, value: str, zh: str, en: str, *, warning: bool = False) -> None:
        _missing(problems, record, key, value, zh, en, warning=warning)

    check_unique(content.powers, "code", problems, zh_what="事项编码", en_what="power code")
    check_unique(content.flowcharts, "id", problems, zh_what="流程图编号", en_what="flowchart id")
    for power in content.powers:
        if power.office and power.office not in office_ids:
            missing(power, "office", power.office, "承办机构不存在", "office does not exist")
        if power.flowchart and power.flowchart not in chart_ids:
            missing(power, "flowchart", power.flowchart, "流程图不存在", "flowchart does not exist")

    check_unique(content.personnel, "cert_no", problems, zh_what="执法证号", en_what="certificate number")
    for person in content.personnel:
        if person.office:
            if person.office in offices:
                person.office = offices[person.office]
            else:
                missing(person, "office", person.office, "所属机构不存在", "office does not exist")

    for item in content.exemptions:
        if item.power_code and item.power_code not in power_codes:
            missing(
                item,
                "power_code",
                item.power_code,
                "事项编码不在权力清单中",
                "power code is not in the power list",
            )

    check_unique(content.inspection_plans, "id", problems, zh_what="抽查计划编号", en_what="plan id")
    plan_ids = {p.id for p in content.inspection_plans}
    for plan in content.inspection_plans:
        if plan.office:
            if plan.office in offices:
                plan.office = offices[plan.office]
            else:
                missing(plan, "office", plan.office, "实施机构不存在", "office does not exist")
    for result in content.inspection_results:
        if result.plan and result.plan not in plan_ids:
            missing(result, "plan", result.plan, "抽查计划不存在", "inspection plan does not exist")

    check_unique(content.points, "id", problems, zh_what="点位编号", en_what="point id")
    for point in content.points:
        if point.street and point.street not in streets:
            missing(
                point,
                "street",
                point.street,
                "该街道/镇不在任何机构的辖区内",
                "no office covers this street or town",
                warning=True,
            )

    for stats in content.stats:
        for label in stats.by_office:
            if label not in offices:
                missing(
                    stats,
                    "by_office",
                    label,
                    "统计中的机构不存在",
                    "office in the statistics does not exist",
                    warning=True,
                )
        for penalties in stats.penalties_by_office:
            if penalties.office not in offices:
                missing(
                    stats,
                    "penalties_by_office",
                    penalties.office,
                    "统计中的机构不存在",
                    "office in the statistics does not exist",
                    warning=True,
                )

    check_routing(content, problems, streets=streets, power_codes=power_codes)
    if not problems.errors:
        check_oversight(content, problems)


def check_routing(content: Content, problems: Problems, *, streets: set[str], power_codes: set[str]) -> None:
    """Routing rules name existing categories, powers, offices and streets; handlers exist."""
    config = content.complaints
    office_ids = {o.id for o in content.offices}
    categories = {c.id for c in config.categories}
    checks = (
        ("category", categories, "投诉类别不存在", "complaint category does not exist"),
        ("power_code", power_codes, "事项编码不在权力清单中", "power code is not in the power list"),
        ("office", office_ids, "被投诉机构不存在", "office does not exist"),
        ("street", streets, "该街道/镇不在任何机构的辖区内", "no office covers this street or town"),
    )
    for rule in config.routing:
        if rule.handler not in office_ids:
            _missing(
                problems,
                config,
                "handler",
                rule.handler,
                "处理机构不存在",
                "handling office does not exist",
                line=rule.line,
            )
        for key, known, zh, en in checks:
            if key in rule.match and rule.match[key] not in known:
                _missing(problems, config, f"match.{key}", rule.match[key], zh, en, line=rule.line)
        if rule.match.get("office") and rule.match["office"] == rule.handler:
            _missing(
                problems, config, "handler", rule.handler,
                "投诉不得交由被投诉机构自己处理", "a complaint must not be handled by the office it is about", line=rule.line,
            )  # fmt: skip
    designated = config.settings.get("designated_supervision")
    if designated:
        office = next((o for o in content.offices if o.id == designated), None)
        key = "settings.designated_supervision"
        if office is None:
            _missing(problems, config, key, designated, "指定监督机构不存在", "office does not exist")
        elif "supervision" not in office.roles:
            _missing(
                problems, config, key, designated,
                "指定监督机构须承担监督(supervision)职能", "the office needs the supervision role",
            )  # fmt: skip
