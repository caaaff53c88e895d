"""Typed records of the content contract (see docs/content-contract.md).

Each record keeps ``source`` (file path relative to the content root's parent, e.g.
``content/powers/a.yaml``) and ``line`` (YAML line or CSV/XLSX row) so later stages can
report problems precisely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sunlight.domain.case_review import DEFAULT_CHECKLIST, DEFAULT_SAMPLE_PER_OFFICE, ChecklistItem
from sunlight.domain.credit_export import Column
from sunlight.domain.decision_kinds import DECISION_KINDS  # noqa: F401  (the kinds the loader accepts)

POWER_TYPES = (
    "行政处罚",
    "行政强制",
    "行政检查",
    "行政许可",
    "行政征收",
    "行政给付",
    "行政确认",
    "行政奖励",
    "行政裁决",
    "其他",
)
OFFICE_KINDS = ("bureau", "division", "brigade", "squad", "street", "external")
EXTERNAL_KIND = "external"  # a supervisor outside the agency's tree (e.g. the district 司法局)
OFFICE_ROLES = ("supervision", "legal_review", "complaints_intake", "enforcement")
PARTY_TYPES = ("法人", "非法人组织", "个体工商户", "自然人")
DECISION_STATUSES = ("有效", "撤销", "变更", "信用修复")


@dataclass
class Where:
    source: str = ""
    line: int | None = None

    def remember_lines(self, field_lines: dict[str, int]) -> None:
        """Keep the line of each field (YAML records), so later checks can point at the field.

        Kept outside the dataclass fields: ``asdict`` and comparisons do not see it.
        """
        self._field_lines = field_lines

    def line_of(self, key: str) -> int | None:
        """The line of field ``key`` (or of its head, for ``settings.x``) when known, else the record's."""
        lines: dict[str, int] = getattr(self, "_field_lines", {})
        return lines.get(key) or lines.get(key.split(".", 1)[0]) or self.line


@dataclass
class Publication:
    """Publication policy from ``agency.yaml: publication`` (defaults: domain.md)."""

    natural_persons: str = "mask"  # "mask" | "omit"
    simple_procedure: str = "omit"  # "omit" | "publish"
    deadline_working_days: dict[str, int] = field(
        default_factory=lambda: {"行政处罚": 7, "行政许可": 7, "default": 20}
    )
    # Optional agency override of the disclosure period table (see sunlight.domain.periods).
    periods: list[dict[str, Any]] = field(default_factory=list)
    # The agency.yaml line of each row and key of ``periods``, by field path (for problems).
    period_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    omit_minors: bool = False
    withdrawal_working_days: int = 3  # 行政处罚法 arts. 48, 85 (sunlight.domain.withdrawals); may be shorter
    rule: str = "lenient"  # "lenient" (从旧兼从轻) | "at_decision" | "current"


@dataclass
class Agency(Where):
    name: str = ""
    short_name: str = ""
    site_url: str = ""
    region: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    sponsor: str = ""
    site_code: str = ""
    icp: str = ""
    police_record: str = ""
    remedy: str = ""  # 救济途径 of decisions whose power item gives none
    credit_code: str = ""  # the agency's 统一社会信用代码 (双公示 export: 处罚机关, 数据来源单位)
    publication: Publication = field(default_factory=Publication)

    @property
    def site_domain(self) -> str:
        return self.site_url.split("://", 1)[-1].split("/", 1)[0]


@dataclass
class Office(Where):
    id: str = ""
    name: str = ""
    kind: str = ""
    parent: str | None = None
    streets: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    phone: str = ""
    email: str = ""
    webhook: str = ""
    credit_code: str = ""  # 统一社会信用代码 of an office that acts in its own name (双公示 export)


@dataclass
class LegalBasis:
    law: str
    article: str = ""
    text: str = ""


@dataclass
class DiscretionRow:
    circumstance: str
    range: str


@dataclass
class Power(Where):
    code: str = ""
    name: str = ""
    type: str = ""
    domain: str = ""
    subject: str = ""
    office: str = ""
    basis: list[LegalBasis] = field(default_factory=list)
    time_limit_days: int | None = None
    discretion: list[DiscretionRow] = field(default_factory=list)
    flowchart: str = ""
    guide: str = ""  # Markdown
    remedy: str = ""
    status: str = "active"  # active | retired
    retired_on: dt.date | None = None
    updated_on: dt.date | None = None


@dataclass
class FlowNode:
    id: str
    label: str
    kind: str  # start | step | decision | end
    time_limit: str = ""
    note: str = ""


@dataclass
class FlowEdge:
    source: str  # "from" in the file
    target: str  # "to" in the file
    label: str = ""


@dataclass
class Flowchart(Where):
    id: str = ""
    title: str = ""
    nodes: list[FlowNode] = field(default_factory=list)
    edges: list[FlowEdge] = field(default_factory=list)


@dataclass
class Person(Where):
    name: str = ""
    cert_no: str = ""
    office: str = ""
    area: str = ""
    domains: tuple[str, ...] = ()
    valid_until: dt.date | None = None
    status: str = "active"  # active | revoked | expired


@dataclass
class Exemption(Where):
    list: str = ""  # no_penalty | lighter | mitigated | no_coercion
    code: str = ""
    violation: str = ""
    conditions: str = ""
    basis: str = ""
    power_code: str = ""


@dataclass
class InspectionPlan(Where):
    id: str = ""
    title: str = ""
    subject: str = ""
    basis: str = ""
    objects: str = ""
    content: str = ""
    ratio: str = ""
    method: str = ""
    frequency: str = ""
    office: str = ""


@dataclass
class InspectionResult(Where):
    plan: str = ""
    object_name: str = ""
    credit_code: str = ""
    checked_on: dt.date | None = None
    result: str = ""


@dataclass
class Point(Where):
    id: str = ""
    location: str = ""
    street: str = ""
    lat: float | None = None
    lng: float | None = None
    violations: str = ""
    since: dt.date | None = None
    status: str = ""


@dataclass
class ReviewItem(Where):
    code: str = ""
    title: str = ""
    criteria: str = ""
    basis: str = ""


@dataclass
class YearStats(Where):
    year: int = 0
    total: int | None = None
    by_kind: dict[str, int] = field(default_factory=dict)
    by_domain: dict[str, int] = field(default_factory=dict)
    by_office: dict[str, int] = field(default_factory=dict)
    amount_cny: Decimal | None = None
    exemptions: int | None = None
    reconsiderations: dict[str, int] = field(default_factory=dict)  # {total, upheld, revoked}
    lawsuits: dict[str, int] = field(default_factory=dict)
    # 分机构行政处罚 (optional): official penalty figures per office, for a year the decision feed
    # does not hold in full (逐利执法 warning, docs/supervision.md)
    penalties_by_office: list[OfficePenalties] = field(default_factory=list)


@dataclass
class OfficePenalties:
    office: str
    decisions: int
    fines_total: Decimal
    top_band_share: Decimal | None = None


@dataclass
class CalendarOverrides(Where):
    holidays: list[dt.date] = field(default_factory=list)
    workdays: list[dt.date] = field(default_factory=list)
    complete_years: list[int] = field(default_factory=list)  # years whose whole calendar is listed


@dataclass
class ComplaintCategory:
    id: str
    name: str
    accept_days: int = 3
    respond_days: int = 15
    remind_before_days: int = 3
    line: int | None = None


@dataclass
class RoutingRule:
    match: dict[str, str]
    handler: str
    line: int | None = None


@dataclass
class ComplaintsConfig(Where):
    categories: list[ComplaintCategory] = field(default_factory=list)
    routing: list[RoutingRule] = field(default_factory=list)
    # Categories of supervision feedback and correction requests (POST /api/feedback).
    feedback_categories: list[ComplaintCategory] = field(default_factory=list)
    # Other timer settings (extension, escalation, review window...), see docs.
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class Decision(Where):
    """One row of the decision feed, as given (before masking and policy)."""

    id: str = ""
    doc_no: str = ""
    kind: str = ""
    procedure: str = "一般程序"
    party_type: str = ""
    party_name: str = ""
    credit_code: str = ""
    legal_rep: str = ""
    id_number: str = ""
    facts: str = ""
    basis: str = ""
    content: str = ""
    amount: Decimal | None = None
    office: str = ""  # resolved to an office id by validation
    power_code: str = ""
    domain: str = ""  # 领域: for a decision without a power code (else the power item's)
    decided_on: dt.date | None = None
    published_on: dt.date | None = None
    severity: str = "一般"
    disclosure_until: dt.date | None = None
    status: str = "有效"
    status_on: dt.date | None = None
    status_reason: str = ""
    superseded_by: str = ""
    minor: bool = False
    withdrawn_on: dt.date | None = None  # 撤下日期: when it was taken down (see domain/withdrawals.py)


@dataclass
class Page(Where):
    """A Markdown page or notice; Pelican reads these itself, the loader only checks them."""

    slug: str = ""
    title: str = ""
    date: dt.datetime | None = None


@dataclass
class SupervisionSettings(Where):
    """``supervision.yaml`` (optional): the 检查码 window, the repeated-inspection thresholds and
    the 逐利执法 warning's thresholds."""

    inspection_code_window_days: int = 3
    repeat_window_days: int = 30
    repeat_max_offices: int = 1
    repeat_max_per_year: int = 2
    fine_growth_threshold: Decimal = Decimal("0.20")  # fine_growth_warning.threshold
    fine_top_band_rise: Decimal = Decimal("0.15")  # fine_growth_warning.top_band_rise
    # 案卷评查 (``case_review``, docs/supervision.md)
    case_review_sample_per_office: int = DEFAULT_SAMPLE_PER_OFFICE
    case_review_checklist: tuple[ChecklistItem, ...] = DEFAULT_CHECKLIST


@dataclass
class CreditExport(Where):
    """``credit_export.yaml`` (optional): the 双公示 files' columns; empty: the national template."""

    penalties: tuple[Column, ...] = ()
    licences: tuple[Column, ...] = ()


@dataclass
class Content:
    """Everything loaded from one content directory."""

    root: str = ""
    agency: Agency = field(default_factory=Agency)
    offices: list[Office] = field(default_factory=list)
    powers: list[Power] = field(default_factory=list)
    flowcharts: list[Flowchart] = field(default_factory=list)
    personnel: list[Person] = field(default_factory=list)
    exemptions: list[Exemption] = field(default_factory=list)
    inspection_plans: list[InspectionPlan] = field(default_factory=list)
    inspection_results: list[InspectionResult] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    legal_review: list[ReviewItem] = field(default_factory=list)
    stats: list[YearStats] = field(default_factory=list)
    calendar: CalendarOverrides = field(default_factory=CalendarOverrides)
    complaints: ComplaintsConfig = field(default_factory=ComplaintsConfig)
    supervision: SupervisionSettings = field(default_factory=SupervisionSettings)
    credit_export: CreditExport = field(default_factory=CreditExport)
    decisions: list[Decision] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    notices: list[Page] = field(default_factory=list)

    def office(self, office_id: str) -> Office | None:
        return next((o for o in self.offices if o.id == office_id), None)

    def power(self, code: str) -> Power | None:
        return next((p for p in self.powers if p.code == code), None)
