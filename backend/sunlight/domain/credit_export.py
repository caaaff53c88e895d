"""The 双公示 export: public 行政处罚 and 行政许可 decisions in the national credit platform's
collection template (信用信息归集模板), one table per kind and month.

Pure column logic: which decisions a file holds, the template's columns in its order, each
cell's text, and the checks of an agency's own column list (``credit_export.yaml``, read by
``sunlight.content.credit_export``). The site writes the files (CSV and XLSX).

The rows come from the publication result only (:class:`~sunlight.domain.publication.PublicDecision`:
masked, publishable fields), so the export shows exactly what the site shows and nothing the
site holds back, has withdrawn or lets expire. 轻微 decisions are never exported, even where the
site shows one for a while under an explicit ``disclosure_until`` (order 36: 轻微失信 is not
published as credit information). The template's identity columns (证件类型, 证件号码) stay empty:
an ID number is never published.

Column order follows the template (see docs/credit-export.md for the public descriptions used):
the 21 penalty columns of the issue's list with the natural-person identity columns after
法定代表人, where the template has them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sunlight.domain.publication_results import PublicDecision

PENALTY_COLUMNS = (
    "行政相对人名称",
    "行政相对人类别",
    "统一社会信用代码",
    "法定代表人",
    "证件类型",
    "证件号码",
    "行政处罚决定书文号",
    "违法行为类型",
    "违法事实",
    "处罚依据",
    "处罚类别",
    "处罚内容",
    "罚款金额（万元）",
    "没收违法所得、没收非法财物的金额（万元）",
    "暂扣或吊销证照名称及编号",
    "处罚决定日期",
    "处罚有效期",
    "公示截止期",
    "处罚机关",
    "处罚机关统一社会信用代码",
    "数据来源单位",
    "数据来源单位统一社会信用代码",
    "备注",
)
LICENCE_COLUMNS = (
    "行政相对人名称",
    "行政相对人类别",
    "统一社会信用代码",
    "法定代表人",
    "证件类型",
    "证件号码",
    "行政许可决定文书名称",
    "行政许可决定文书号",
    "许可类别",
    "许可证书名称",
    "许可编号",
    "许可内容",
    "许可决定日期",
    "有效期自",
    "有效期至",
    "许可机关",
    "许可机关统一社会信用代码",
    "当前状态",
    "数据来源单位",
    "数据来源单位统一社会信用代码",
    "备注",
)
# table -> (decision kind, template columns); the table names are the files' name stems
TABLES = {"penalties": ("行政处罚", PENALTY_COLUMNS), "licences": ("行政许可", LICENCE_COLUMNS)}
# Public fields of a decision an added column may take (``field:``), plus ``url`` (its page).
# Not ``published_on``: a feed may leave it empty (the build date), which would change a file
# on every build.
SOURCE_FIELDS = (
    "id", "doc_no", "kind", "procedure", "party_type", "party_name", "credit_code", "legal_rep", "facts",
    "basis", "content", "amount", "office", "office_name", "power_code", "power_name", "domain",
    "decided_on", "severity", "disclosure_until", "url",
)  # fmt: skip
NOT_EXPORTED_SEVERITY = "轻微"
PARTY_CATEGORIES = {
    "法人": "法人及非法人组织",
    "非法人组织": "法人及非法人组织",
    "个体工商户": "个体工商户",
    "自然人": "自然人",
}
LICENCE_DOCUMENT = "行政许可决定书"
CURRENT = "有效"  # every exported record is in force: a withdrawn one is not exported
WAN = Decimal(10000)
SIX_PLACES = Decimal("0.000001")
# 行政处罚法 (2021) art. 9, in its order: the category and the words of a 处罚内容 that name it.
PENALTY_KINDS = (
    ("警告", ("警告",)),
    ("通报批评", ("通报批评",)),
    ("罚款", ("罚款",)),
    ("没收违法所得", ("没收违法所得",)),
    ("没收非法财物", ("没收非法财物",)),
    ("暂扣许可证件", ("暂扣",)),
    ("降低资质等级", ("降低资质等级",)),
    ("吊销许可证件", ("吊销",)),
    ("限制开展生产经营活动", ("限制开展生产经营活动",)),
    ("责令停产停业", ("责令停产停业", "责令停业")),
    ("责令关闭", ("责令关闭",)),
    ("限制从业", ("限制从业",)),
    ("行政拘留", ("行政拘留",)),
)
OTHER_PENALTY = "其他"
_WAIVED = re.compile(r"(?:不予|免予|免于|免除|不再)[^，。；;,、]*")


@dataclass(frozen=True)
class Column:
    """One column of an exported file: its header and where its cells come from: a template
    column's value (``template``), a public field of the decision (``field``) or a fixed text
    (``value``). ``field`` or ``value`` on a template column replaces the template's value."""

    header: str
    template: str = ""
    field: str = ""
    value: str | None = None


@dataclass(frozen=True)
class Body:
    """An authority as the template names it: 处罚机关/许可机关 or 数据来源单位."""

    name: str
    credit_code: str = ""


class OfficeLike(Protocol):
    id: str
    name: str
    parent: str | None
    credit_code: str


def default_columns(table: str) -> tuple[Column, ...]:
    """The template's columns, unchanged."""
    return tuple(Column(name, template=name) for name in TABLES[table][1])


def column_problems(table: str, columns: Sequence[Column]) -> list[tuple[int | None, str, str, str, str]]:
    """What is wrong with an agency's column list: ``(index or None, key, zh, en, value)``.

    Every template column must be listed once (renamed, moved, or given another value); added
    columns need a header and a value or a field; headers are unique."""
    template = TABLES[table][1]
    found: list[tuple[int | None, str, str, str, str]] = []
    seen_headers: set[str] = set()
    seen_templates: set[str] = set()
    for index, c in enumerate(columns):
        if c.template and c.template not in template:
            found.append((index, "column", "未知的模板列", "unknown template column", c.template))
        elif c.template and c.template in seen_templates:
            found.append((index, "column", "模板列重复", "template column listed twice", c.template))
        if c.template:
            seen_templates.add(c.template)
        if c.field and c.field not in SOURCE_FIELDS:
            zh = f"未知的字段，应为:{'、'.join(SOURCE_FIELDS)}"
            en = f"unknown field; one of: {', '.join(SOURCE_FIELDS)}"
            found.append((index, "field", zh, en, c.field))
        if not c.template and not c.field and c.value is None:
            found.append(
                (
                    index,
                    "column",
                    "新增列须填写 value 或 field",
                    "an added column needs a value or a field",
                    c.header,
                )
            )
        if not c.header:
            found.append((index, "header", "列名不能为空", "the header is empty", ""))
        elif c.header in seen_headers:
            found.append((index, "header", "列名重复", "duplicate header", c.header))
        seen_headers.add(c.header)
    missing = [name for name in template if name not in seen_templates]
    if missing:
        zh = "缺少模板列（模板列可改名、调整顺序，不可删除）"
        en = "template columns missing (they may be renamed or moved, not removed)"
        found.append((None, "columns", zh, en, "、".join(missing)))
    return found


def issuing_bodies(offices: Iterable[OfficeLike], agency: Body) -> dict[str, Body]:
    """Office id -> the authority its decisions are issued in the name of: the office itself or
    its nearest parent with a ``credit_code`` of its own (a 街道办事处 enforcing in its own name),
    else the agency."""
    by_id = {o.id: o for o in offices}
    bodies: dict[str, Body] = {}
    for office in by_id.values():
        current: OfficeLike | None = office
        seen: set[str] = set()
        body = agency
        while current is not None and current.id not in seen:
            seen.add(current.id)
            if current.credit_code:
                body = Body(current.name, current.credit_code)
                break
            current = by_id.get(current.parent) if current.parent else None
        bodies[office.id] = body
    return bodies


def wan_yuan(amount: Decimal | None) -> str:
    """元 as 万元 with the template's six decimals: 3000 -> 0.300000; None -> empty."""
    if amount is None:
        return ""
    return str((amount / WAN).quantize(SIX_PLACES, rounding=ROUND_HALF_UP))


def violation_type(power_name: str) -> str:
    """违法行为类型 from the power item's name: 对擅自占用城市道路的处罚 -> 擅自占用城市道路."""
    name = power_name.strip()
    if name.startswith("对") and name.endswith("的处罚"):
        return name[1:-3]
    return name


def penalty_categories(content: str, amount: Decimal | None) -> str:
    """处罚类别: the art. 9 categories the 处罚内容 names (a fine amount counts as 罚款), ``；``
    between several; 其他 when it names none. A clause that waives (免予罚款, 不予处罚) names none."""
    content = _WAIVED.sub("", content)  # 免予罚款, 不予处罚: not a penalty imposed
    found = []
    for category, words in PENALTY_KINDS:
        named = any(w in content for w in words)
        if category == "罚款":
            named = named or (amount is not None and amount > 0)
        if category == "没收非法财物":  # 没收 of anything but 违法所得
            named = named or content.replace("没收违法所得", "").find("没收") >= 0
        if named:
            found.append(category)
    return "；".join(found) or OTHER_PENALTY


def exported(p: PublicDecision, table: str) -> bool:
    return p.kind == TABLES[table][0] and p.severity != NOT_EXPORTED_SEVERITY


def template_values(table: str, p: PublicDecision, issuer: Body, source: Body) -> dict[str, str]:
    """The template's cells of one public decision."""
    party = {
        "行政相对人名称": p.party_name,  # masked as the site shows it
        "行政相对人类别": PARTY_CATEGORIES.get(p.party_type, p.party_type),
        "统一社会信用代码": p.credit_code,
        "法定代表人": p.legal_rep,
        "证件类型": "",
        "证件号码": "",
    }
    tail = {"数据来源单位": source.name, "数据来源单位统一社会信用代码": source.credit_code, "备注": ""}
    if table == "penalties":
        return {
            **party,
            "行政处罚决定书文号": p.doc_no,
            "违法行为类型": violation_type(p.power_name),
            "违法事实": p.facts,
            "处罚依据": p.basis,
            "处罚类别": penalty_categories(p.content, p.amount),
            "处罚内容": p.content,
            "罚款金额（万元）": wan_yuan(p.amount),
            "没收违法所得、没收非法财物的金额（万元）": "",
            "暂扣或吊销证照名称及编号": "",
            "处罚决定日期": p.decided_on.isoformat(),
            "处罚有效期": "",
            "公示截止期": _date(p.disclosure_until),
            "处罚机关": issuer.name,
            "处罚机关统一社会信用代码": issuer.credit_code,
            **tail,
        }
    return {
        **party,
        "行政许可决定文书名称": LICENCE_DOCUMENT,
        "行政许可决定文书号": p.doc_no,
        "许可类别": "",
        "许可证书名称": "",
        "许可编号": "",
        "许可内容": p.content,
        "许可决定日期": p.decided_on.isoformat(),
        "有效期自": p.decided_on.isoformat(),
        "有效期至": "",
        "许可机关": issuer.name,
        "许可机关统一社会信用代码": issuer.credit_code,
        "当前状态": CURRENT,
        **tail,
    }


def field_value(p: PublicDecision, name: str, site_url: str) -> str:
    if name == "url":
        return f"{site_url}/decisions/{p.id}/"
    value = getattr(p, name)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def monthly_rows(
    public: Iterable[PublicDecision],
    table: str,
    columns: Sequence[Column],
    *,
    bodies: dict[str, Body],
    source: Body,
    site_url: str = "",
) -> dict[str, list[list[str]]]:
    """Month of the decision date (``YYYY-MM``) -> the rows of that month's file, oldest decision
    first (then by record id); months in order."""
    chosen = sorted((p for p in public if exported(p, table)), key=lambda p: (p.decided_on, p.id))
    months: dict[str, list[list[str]]] = {}
    for p in chosen:
        template = template_values(table, p, bodies.get(p.office, source), source)
        row = []
        for c in columns:
            if c.value is not None:
                row.append(c.value)
            elif c.field:
                row.append(field_value(p, c.field, site_url))
            else:
                row.append(template.get(c.template, ""))
        months.setdefault(p.decided_on.isoformat()[:7], []).append(row)
    return months


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""
