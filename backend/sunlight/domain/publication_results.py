"""What the publication policy gives (``sunlight.domain.publication.publish``): the public form of a
decision, the notice a withdrawn one leaves, the omitted ones, the late reports, and the result
that holds them all with its figures for the build report.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from sunlight.domain.disclosure_deadlines import Timing
from sunlight.domain.problems import Problem

ORGANISATIONS = frozenset(("法人", "非法人组织", "个体工商户"))  # get the credit-repair notice
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class PublicDecision(NamedTuple):
    """A decision as it may be shown: publishable fields only (immutable; a tuple is built at C
    speed, a frozen dataclass of this size took several times as long per record)."""

    id: str
    doc_no: str
    kind: str
    procedure: str
    party_type: str
    party_name: str  # natural persons: surname + 某
    credit_code: str
    legal_rep: str  # empty for natural persons
    facts: str
    basis: str
    content: str
    amount: Decimal | None
    office: str
    office_name: str
    power_code: str
    power_name: str
    domain: str
    decided_on: dt.date
    published_on: dt.date  # the build date when the feed left it empty
    severity: str
    disclosure_until: dt.date  # last day shown
    repair_from: dt.date | None  # earliest credit-repair date (行政处罚)
    period_rule: str  # id of the disclosure-period rule applied
    period_source: str
    deadline: dt.date
    late_by: int  # working days past the deadline, 0 when on time
    supersedes: tuple[str, ...] = ()  # ids of changed (变更) decisions this one replaces

    @property
    def is_organisation(self) -> bool:
        return self.party_type in ORGANISATIONS


@dataclass(frozen=True)
class WithdrawalNotice:
    """What a withdrawn decision's permalink still shows (no personal data)."""

    id: str
    reason: str  # 撤销 | 变更 | 信用修复 | 公示期满
    on: dt.date  # when it stopped being public
    kind: str
    doc_no: str
    office: str
    office_name: str
    decided_on: dt.date
    superseded_by: str = ""  # for 变更: the public decision that replaces it
    period_until: dt.date | None = None  # for 公示期满: the last day of the period
    withdrawn_on: dt.date | None = None  # 撤下日期: when it was taken down (None: not known)

    @property
    def title(self) -> str:
        return "公示期满" if self.reason == "公示期满" else "该信息已依法撤下"

    @property
    def text(self) -> str:
        """The sentence the notice page shows."""
        day = _chinese_date(self.on)
        if self.reason == "公示期满":  # the period's last day, not the first day it is gone
            last = _chinese_date(self.period_until or self.on - dt.timedelta(days=1))
            return f"该{self.kind}决定公示期已于{last}届满，依法不再公示。"
        why = {
            "撤销": "决定已于{}被撤销",
            "变更": "决定已于{}被变更",
            "信用修复": "当事人已于{}完成信用修复",
        }[self.reason].format(day)
        if self.withdrawn_on is None:  # the takedown date is not known: only the reason's date
            return f"因{why}，该{self.kind}决定已依法撤下。"
        return f"因{why}，该{self.kind}决定已于{_chinese_date(self.withdrawn_on)}依法撤下。"


@dataclass(frozen=True)
class Omitted:
    id: str
    reason: str  # a key of OMISSION_REASONS


@dataclass(frozen=True)
class LateReport:
    """A decision published later than its deadline."""

    id: str
    office: str
    decided_on: dt.date
    published_on: dt.date
    deadline: dt.date
    working_days: int  # decision -> publication
    allowed_days: int
    late_by: int
    deadline_note: str = ""  # e.g. 时限最后一日为调休工作日（星期六）

    def problem(self) -> Problem:
        note_zh = f"；{self.deadline_note}" if self.deadline_note else ""
        note_en = ""
        if self.deadline_note:
            note_en = f"; the last day was a make-up working day ({_DAY_NAMES[self.deadline.weekday()]})"
        return Problem(
            f"公示晚于时限：{self.working_days}个工作日（时限{self.allowed_days}个工作日，"
            f"最后一日为{self.deadline}{note_zh}）",
            f"published late: {self.working_days} working days (limit {self.allowed_days}, "
            f"last day {self.deadline}{note_en})",
            field="published_on",
            record_id=self.id,
            severity="warning",
        )


@dataclass
class PublicationResult:
    public: list[PublicDecision] = field(default_factory=list)
    withdrawn: list[WithdrawalNotice] = field(default_factory=list)
    held: list[Problem] = field(default_factory=list)
    omitted: list[Omitted] = field(default_factory=list)
    late: list[LateReport] = field(default_factory=list)
    timings: list[Timing] = field(default_factory=list)  # every published decision with a known date
    warnings: list[Problem] = field(default_factory=list)

    @property
    def held_ids(self) -> list[str]:
        return sorted({p.record_id for p in self.held})

    def counts(self) -> dict[str, object]:
        """Figures for the build report."""
        return {
            "public": len(self.public),
            "withdrawn": dict(Counter(n.reason for n in self.withdrawn)),
            "held": len(self.held_ids),
            "omitted": dict(Counter(o.reason for o in self.omitted)),
            "late": len(self.late),
        }


def _chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
