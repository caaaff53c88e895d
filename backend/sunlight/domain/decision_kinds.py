"""What each kind of decision is called, field by field: one description per kind.

A 行政许可 is no penalty: its basis is a 许可依据, not a 处罚依据, and no credit-repair notice goes
with it; an inspection that found nothing has 检查情况, not 主要违法事实. ``KINDS`` holds, per
decision kind (决定类别), the label of each field that depends on the kind, and whether the
credit-repair rules (信用修复) govern it. ``REPRESENTATIVES`` says what the party's representative
is called by party type. ``COLUMNS`` are the public fields with the labels of the open-data
columns, which hold every kind and so use the general terms.

The content loader accepts exactly the kinds named here; the decision pages, the feeds' entry
summaries and ``/data/decisions.csv`` read their labels from here: a new kind or field is added in
this module (and, for a new field, in the record types that carry it). Labels follow the field
names of the national 双公示 data standards (行政许可: 许可内容; 行政处罚: 违法事实, 处罚依据,
处罚内容) and the laws' own words (《行政强制法》: 强制措施; 《行政复议法》第二十条: 六十日;
《行政诉讼法》第四十六条: 六个月).

Pure data: no I/O.
"""

from __future__ import annotations

from typing import NamedTuple


class DecisionKind(NamedTuple):
    """The labels of one kind's kind-dependent fields; templates read them as attributes."""

    name: str
    party: str  # 当事人 (the person or organisation the decision is about)
    facts: str
    basis: str
    content: str
    amount: str
    credit_repair: bool  # 信用修复告知 (organisations' 行政处罚 only)


class _Kinds(dict[str, DecisionKind]):
    """Kind name -> description; a kind no entry names reads as 其他."""

    def __missing__(self, key: str) -> DecisionKind:
        return self[OTHER]


OTHER = "其他"
KINDS: dict[str, DecisionKind] = _Kinds(
    (k.name, k)
    for k in (
        DecisionKind("行政处罚", "当事人", "主要违法事实", "处罚依据", "处罚内容", "罚款金额（元）", True),
        DecisionKind("行政许可", "被许可人", "审查情况", "许可依据", "许可内容", "金额（元）", False),
        DecisionKind("行政强制", "当事人", "主要事实", "强制依据", "强制措施内容", "金额（元）", False),
        DecisionKind("行政检查", "检查对象", "检查情况", "检查依据", "检查结果", "金额（元）", False),
        DecisionKind("行政确认", "当事人", "审查情况", "确认依据", "确认内容", "金额（元）", False),
        DecisionKind(OTHER, "当事人", "主要事实", "决定依据", "决定内容", "金额（元）", False),
    )
)
DECISION_KINDS: tuple[str, ...] = tuple(KINDS)


class _Representatives(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "法定代表人"


# party type -> what its representative (``legal_rep``) is called; a natural person has none
REPRESENTATIVES: dict[str, str] = _Representatives(
    {"法人": "法定代表人", "非法人组织": "负责人", "个体工商户": "经营者", "自然人": ""}
)

# The public fields, in the order of the open-data columns: (key, column label). The columns hold
# decisions of every kind, so the kind-dependent fields have general labels.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "记录编号"),
    ("doc_no", "决定文书号"),
    ("kind", "决定类别"),
    ("procedure", "程序类型"),
    ("party_type", "当事人类型"),
    ("party_name", "当事人名称"),
    ("credit_code", "统一社会信用代码"),
    ("legal_rep", "法定代表人（负责人、经营者）"),
    ("facts", "主要事实"),
    ("basis", "决定依据"),
    ("content", "决定内容"),
    ("amount", "金额(元)"),
    ("office", "执法机关编号"),
    ("office_name", "执法机关"),
    ("power_code", "事项编码"),
    ("domain", "领域"),
    ("decided_on", "决定日期"),
    ("published_on", "公示日期"),
    ("disclosure_until", "公示截止日期"),
    ("severity", "失信程度"),
)

# 救济途径 when neither the decision's power item nor the agency gives a text.
DEFAULT_REMEDY = "可以依法申请行政复议或者提起行政诉讼。"
# One sentence: filing a complaint or a correction request does not stop the periods of review
# and of suit (《行政复议法》(2023) 第二十条: sixty days; 《行政诉讼法》第四十六条: six months).
REVIEW_PERIODS = (
    "投诉或纠错不停止行政复议、行政诉讼期限的计算：对决定不服的，可以自知道或者应当知道该决定之日起"
    "六十日内申请行政复议（《中华人民共和国行政复议法》第二十条），或者自知道或者应当知道作出该决定之日起"
    "六个月内提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。"
)


def kind_of(name: str) -> DecisionKind:
    """The description of the kind ``name`` (其他 for a kind no entry names)."""
    return KINDS[name]


# Everything above, as text: part of the decision pages' render keys, so a changed label
# re-renders the pages it appears on.
FINGERPRINT = repr((tuple(KINDS.values()), dict(REPRESENTATIVES), COLUMNS, DEFAULT_REMEDY, REVIEW_PERIODS))
