"""Withdrawal within 3 working days (行政处罚法 arts. 48 and 85): the takedown date and its check.

Deadlines are counted by hand on the official 2025 calendar: 国庆/中秋 1-8 October 2025 off,
Sunday 28 September and Saturday 11 October 2025 working days (调休).
"""

from __future__ import annotations

import datetime as dt

from sunlight.content.model import Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.publication import publish
from sunlight.domain.publication_results import WithdrawalNotice
from sunlight.domain.withdrawals import (
    WITHDRAWAL_SOURCE,
    WITHDRAWAL_WORKING_DAYS,
    late_withdrawals,
    takedown_dates,
    withdrawal_deadline,
)

from .conftest import OFFICES, POWERS, make

D = dt.date
CAL = WorkingCalendar()
REVOKED_ON = D(2025, 9, 26)  # a Friday


def notice(
    reason: str = "撤销", on: D = REVOKED_ON, withdrawn_on: D | None = None, **kw: object
) -> WithdrawalNotice:
    base: dict[str, object] = {
        "id": "D1",
        "reason": reason,
        "on": on,
        "kind": "行政处罚",
        "doc_no": "明城管罚决字〔2025〕第000101号",
        "office": "squad-a",
        "office_name": "新镇中队",
        "decided_on": D(2025, 9, 1),
        "withdrawn_on": withdrawn_on,
    }
    base.update(kw)
    return WithdrawalNotice(**base)  # type: ignore[arg-type]


def test_the_rule_and_its_source() -> None:
    assert WITHDRAWAL_WORKING_DAYS == 3
    assert (
        "行政处罚法" in WITHDRAWAL_SOURCE
        and "第四十八条" in WITHDRAWAL_SOURCE
        and "第八十五条" in WITHDRAWAL_SOURCE
    )


def test_deadline_across_national_day_2025() -> None:
    # revoked Friday 26 Sep: Sun 28 (调休), Mon 29, Tue 30 -> due Tuesday 30 September
    assert withdrawal_deadline(D(2025, 9, 26), CAL) == D(2025, 9, 30)
    # revoked Tuesday 30 Sep: Thu 9, Fri 10, Sat 11 October (调休) -> due Saturday 11 October
    assert withdrawal_deadline(D(2025, 9, 30), CAL) == D(2025, 10, 11)
    # an agency may set a shorter limit: 1 working day after Tue 30 Sep is Thu 9 Oct
    assert withdrawal_deadline(D(2025, 9, 30), CAL, 1) == D(2025, 10, 9)


def test_late_and_on_time_withdrawals() -> None:
    on_time = notice(id="A", withdrawn_on=D(2025, 9, 30))
    late = notice(id="B", withdrawn_on=D(2025, 10, 9))  # 4 working days: 28, 29, 30 Sep, 9 Oct
    changed_late = notice(id="C", reason="变更", on=D(2025, 9, 30), withdrawn_on=D(2025, 10, 13))
    changed_on_time = notice(id="E", reason="变更", on=D(2025, 9, 30), withdrawn_on=D(2025, 10, 11))
    unknown = notice(id="F", withdrawn_on=None)
    reports = late_withdrawals([on_time, late, changed_late, changed_on_time, unknown], CAL)
    assert [(r.id, r.deadline, r.working_days, r.late_by) for r in reports] == [
        ("B", D(2025, 9, 30), 4, 1),
        ("C", D(2025, 10, 11), 4, 1),  # 9, 10, 11 (Sat, 调休), 13 October
    ]
    b = reports[0]
    assert b.office == "squad-a" and b.reason == "撤销" and b.reason_on == D(2025, 9, 26)
    assert b.withdrawn_on == D(2025, 10, 9) and b.allowed_days == 3
    problem = b.problem()
    assert problem.record_id == "B" and problem.field == "withdrawn_on" and problem.severity == "warning"
    assert "撤下" in problem.zh and "withdrawn" in problem.en and "2025-09-30" in problem.en


def test_only_revocations_and_changes_are_checked() -> None:
    """Art. 48 covers decisions revoked or changed; credit repair and the period's end are not checked."""
    repaired = notice(id="R", reason="信用修复", withdrawn_on=D(2025, 12, 1))
    expired = notice(id="X", reason="公示期满", withdrawn_on=D(2025, 12, 1))
    assert late_withdrawals([repaired, expired], CAL) == []


def test_takedown_dates_given_remembered_first_hidden_or_unknown() -> None:
    today = D(2025, 12, 1)
    given = notice(id="G", withdrawn_on=D(2025, 9, 29))
    remembered = notice(id="M")
    newly_hidden = notice(id="N")
    never_seen = notice(id="U")
    dated = takedown_dates(
        [given, remembered, newly_hidden, never_seen],
        remembered={"G": D(2025, 11, 1), "M": D(2025, 10, 20)},
        public_before={"N", "G"},
        today=today,
    )
    assert [(n.id, n.withdrawn_on) for n in dated] == [
        ("G", D(2025, 9, 29)),  # the feed's 撤下日期 wins
        ("M", D(2025, 10, 20)),  # the date an earlier build remembered
        ("N", today),  # public on the previous build, hidden on this one
        ("U", None),  # no earlier build saw it public: unknown, never guessed
    ]


def test_without_a_previous_build_nothing_is_guessed() -> None:
    (dated,) = takedown_dates([notice()], remembered={}, public_before=None, today=D(2025, 12, 1))
    assert dated.withdrawn_on is None


def test_notice_says_the_takedown_date_and_keeps_the_reason_date() -> None:
    n = notice(on=D(2025, 9, 26), withdrawn_on=D(2025, 10, 9))
    assert "2025年10月9日" in n.text and "撤下" in n.text
    assert "2025年9月26日" in n.text and "撤销" in n.text
    assert n.on == D(2025, 9, 26)
    unknown = notice(on=D(2025, 9, 26))
    assert "2025年9月26日" in unknown.text and "撤下" in unknown.text


def test_publish_carries_the_feed_takedown_date() -> None:
    d = make(status="撤销", status_on=D(2025, 9, 26), withdrawn_on=D(2025, 10, 9))
    (n,) = publish(
        [d], offices=OFFICES, powers=POWERS, policy=Publication(), calendar=CAL, today=D(2025, 12, 1)
    ).withdrawn
    assert n.on == D(2025, 9, 26) and n.withdrawn_on == D(2025, 10, 9)
