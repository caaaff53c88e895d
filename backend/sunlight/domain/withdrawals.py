"""Withdrawal of a published decision: the takedown date and the 3-working-day check.

《中华人民共和国行政处罚法》第四十八条第二款: a published decision that is changed (变更) or
revoked (撤销), or confirmed unlawful or void, is withdrawn within 三日 and the reason stated;
第八十五条: the law's 三日 are working days (工作日, not counting statutory holidays). The same
rule is repeated for housing and construction enforcement (住房和城乡建设部令第55号).

- ``withdrawn_on`` (撤下日期) is when the record was actually taken down. The feed may give it;
  otherwise it is the build date of the first build that hid the record, which the site build
  remembers (``takedown_dates``); when no earlier build saw the record public the date is
  unknown and never guessed.
- The deadline is ``WITHDRAWAL_WORKING_DAYS`` working days after the status date
  (``status_on``: the day of the revocation or change), counted by the ``WorkingCalendar``;
  an agency may set a shorter limit (``publication.withdrawal_working_days``).
- Only 撤销 and 变更 are checked: the article does not govern credit repair (信用修复) or the
  end of the disclosure period (公示期满).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.problems import Problem

if TYPE_CHECKING:
    from sunlight.domain.publication_results import WithdrawalNotice

WITHDRAWAL_WORKING_DAYS = 3
WITHDRAWAL_SOURCE = "《中华人民共和国行政处罚法》第四十八条第二款、第八十五条"
CHECKED_REASONS = frozenset(("撤销", "变更"))


@dataclass(frozen=True)
class LateWithdrawal:
    """A revoked or changed decision taken down later than the limit."""

    id: str
    office: str
    reason: str  # 撤销 | 变更
    reason_on: dt.date  # status_on
    withdrawn_on: dt.date
    deadline: dt.date
    working_days: int  # status_on -> withdrawn_on
    allowed_days: int
    late_by: int

    def problem(self) -> Problem:
        return Problem(
            f"撤下晚于时限：{self.reason}后{self.working_days}个工作日才撤下"
            f"（时限{self.allowed_days}个工作日，应于{self.deadline}前）",
            f"withdrawn late: taken down {self.working_days} working days after the {self.reason} "
            f"(limit {self.allowed_days}, due {self.deadline})",
            field="withdrawn_on",
            value=self.withdrawn_on.isoformat(),
            record_id=self.id,
            severity="warning",
        )


def withdrawal_deadline(
    reason_on: dt.date, calendar: WorkingCalendar, days: int = WITHDRAWAL_WORKING_DAYS
) -> dt.date:
    """The last day to take a decision down: ``days`` working days after ``reason_on``."""
    return calendar.add_working_days(reason_on, days)


def late_withdrawals(
    notices: Iterable[WithdrawalNotice], calendar: WorkingCalendar, days: int = WITHDRAWAL_WORKING_DAYS
) -> list[LateWithdrawal]:
    """The revoked or changed decisions with a known takedown date after their deadline, by office and id."""
    late = []
    for n in notices:
        if n.reason not in CHECKED_REASONS or n.withdrawn_on is None:
            continue
        deadline = withdrawal_deadline(n.on, calendar, days)
        if n.withdrawn_on <= deadline:
            continue
        taken = calendar.working_days_between(n.on, n.withdrawn_on)
        late.append(
            LateWithdrawal(
                n.id, n.office, n.reason, n.on, n.withdrawn_on, deadline, taken, days, taken - days
            )
        )
    return sorted(late, key=lambda r: (r.office, r.reason_on, r.id))


def takedown_dates(
    notices: Iterable[WithdrawalNotice],
    *,
    remembered: Mapping[str, dt.date],
    public_before: Collection[str] | None,
    today: dt.date,
) -> list[WithdrawalNotice]:
    """Each notice with its takedown date: the feed's, else the remembered one, else ``today``
    when the previous build showed the record (``public_before``; None: no previous build known),
    else unknown (None)."""
    dated = []
    for n in notices:
        on = n.withdrawn_on or remembered.get(n.id)
        if on is None and public_before is not None and n.id in public_before:
            on = today
        dated.append(n if on == n.withdrawn_on else replace(n, withdrawn_on=on))
    return dated
