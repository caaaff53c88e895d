"""The late-withdrawal check to the letter: the warning's exact texts, field and value, a shorter
limit set by the agency, and notices the check skips. Counted by hand on the official 2025
calendar (国庆/中秋 1-8 October off; Sunday 28 September and Saturday 11 October worked)."""

from __future__ import annotations

import datetime as dt

from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.problems import Problem
from sunlight.domain.publication_results import WithdrawalNotice
from sunlight.domain.withdrawals import LateWithdrawal, late_withdrawals

D = dt.date
CAL = WorkingCalendar()


def notice(id_: str, reason: str, on: dt.date, withdrawn_on: dt.date | None) -> WithdrawalNotice:
    return WithdrawalNotice(
        id=id_,
        reason=reason,
        on=on,
        kind="行政处罚",
        doc_no="明城管罚决字〔2025〕第000101号",
        office="squad-a",
        office_name="新镇中队",
        decided_on=D(2025, 9, 1),
        withdrawn_on=withdrawn_on,
    )


def test_the_late_withdrawal_warning_word_for_word() -> None:
    # revoked Friday 26 September, due Tuesday 30 September (Sun 28 调休, Mon 29, Tue 30);
    # taken down Thursday 9 October: the 4th working day after (28, 29, 30 September, 9 October)
    late = late_withdrawals([notice("D1", "撤销", D(2025, 9, 26), D(2025, 10, 9))], CAL)
    assert late == [
        LateWithdrawal("D1", "squad-a", "撤销", D(2025, 9, 26), D(2025, 10, 9), D(2025, 9, 30), 4, 3, 1)
    ]
    assert late[0].problem() == Problem(
        "撤下晚于时限：撤销后4个工作日才撤下（时限3个工作日，应于2025-09-30前）",
        "withdrawn late: taken down 4 working days after the 撤销 (limit 3, due 2025-09-30)",
        field="withdrawn_on",
        value="2025-10-09",
        record_id="D1",
        severity="warning",
    )


def test_an_agency_limit_of_one_working_day() -> None:
    # revoked Friday 26 September: 1 working day ends on Sunday 28 (调休); Monday 29 is the 2nd
    taken_monday = [notice("D1", "变更", D(2025, 9, 26), D(2025, 9, 29))]
    assert late_withdrawals(taken_monday, CAL) == []
    assert late_withdrawals(taken_monday, CAL, 1) == [
        LateWithdrawal("D1", "squad-a", "变更", D(2025, 9, 26), D(2025, 9, 29), D(2025, 9, 28), 2, 1, 1)
    ]


def test_a_skipped_notice_does_not_end_the_check() -> None:
    notices = [
        notice("D0", "公示期满", D(2025, 9, 26), D(2025, 12, 1)),  # not governed by the article
        notice("D2", "撤销", D(2025, 9, 26), None),  # takedown date unknown
        notice("D1", "撤销", D(2025, 9, 26), D(2025, 10, 9)),
    ]
    assert [r.id for r in late_withdrawals(notices, CAL)] == ["D1"]
