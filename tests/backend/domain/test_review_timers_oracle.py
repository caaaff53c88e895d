"""The review phase (复核) and the other clocks against fixed dates of the official calendar.

Every expected date below was counted by hand from the State Council's 2025 schedule
(国办发明电〔2024〕12号): 国庆节/中秋节 2025-10-01 to 2025-10-08 off; Sunday 2025-09-28 and
Saturday 2025-10-11 are working days (调休); Saturday 2025-09-27 is off. The offices come from
the sample catalog: 勤务监督处 ``supervision`` (the designated supervision office) and the bureau
``bureau`` above it.

Rules (docs/backend-domain.md, /spec domain.md): a reminder 3 working days before the deadline
to the office that must act; 催办 to the office that supervises it the working day after the
deadline is missed; escalation (督办) to the bureau 5 working days after the deadline; a review
is handled by the supervising office, so its 催办 goes to the office above the review office and
never to the review office itself.
"""

from __future__ import annotations

import datetime as dt

from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.catalog import OfficeInfo
from sunlight.domain.complaint_deadlines import current_clock, is_overdue, next_due, respond_due
from sunlight.domain.timers import TimerEvent, due_events

D = dt.date
CATALOG = sample_catalog()
NO = "TS-TEST-000001"


def under_review(opened: dt.date, **changes: object) -> states.Complaint:
    """A complaint about 新镇中队 handled by 东部大队: the 不满意 rating opened a review by 勤务监督处."""
    values: dict[str, object] = {
        "status": states.UNDER_REVIEW,
        "accepted_on": D(2025, 8, 4),
        "responded_on": D(2025, 8, 25),
        "rating": states.UNSATISFIED,
        "review_office": "supervision",
        "review_opened_on": opened,
        "review_respond_days": 15,
    }
    values.update(changes)
    return complaint(D(2025, 8, 1), **values)  # type: ignore[arg-type]


def by_kind(events: list[TimerEvent]) -> dict[str, TimerEvent]:
    return {e.kind: e for e in events}


# Review opened Wednesday 2025-09-10; 15 working days: 09-11 12 15 16 17 18 19 22 23 24 25 26,
# Sunday 09-28 (调休), 09-29, 09-30 -> due Tuesday 2025-09-30, the last day before 国庆.
OPENED = D(2025, 9, 10)
DUE = D(2025, 9, 30)


def test_review_deadline_is_fifteen_working_days_across_the_make_up_sunday() -> None:
    c = under_review(OPENED)
    clock = current_clock(c, CATALOG.calendar, CATALOG.settings)
    assert clock is not None
    assert (clock.phase, clock.started_on, clock.due) == ("review", OPENED, DUE)
    assert next_due(c, CATALOG.calendar, CATALOG.settings) == DUE
    assert not is_overdue(c, D(2025, 9, 30), CATALOG.calendar, CATALOG.settings)
    assert is_overdue(c, D(2025, 10, 1), CATALOG.calendar, CATALOG.settings)


def test_review_reminder_goes_to_the_review_office_three_working_days_before() -> None:
    c = under_review(OPENED)
    # 3 working days before 09-30: 09-29, Sunday 09-28 (调休), 09-26 -> Friday 2025-09-26.
    assert due_events(c, D(2025, 9, 25), CATALOG) == []
    for today in (D(2025, 9, 26), D(2025, 9, 27), D(2025, 9, 30)):
        assert due_events(c, today, CATALOG) == [
            TimerEvent(
                f"{NO}/review/2025-09-30/remind", "remind", "review", DUE, D(2025, 9, 26), "supervision"
            )
        ]


def test_overdue_review_is_chased_after_the_holiday_by_the_office_above_the_review_office() -> None:
    c = under_review(OPENED)
    overdue = TimerEvent(
        f"{NO}/review/2025-09-30/overdue", "overdue", "review", DUE, D(2025, 10, 1), "supervision"
    )
    # 10-01 to 10-08 are holidays: overdue from 10-01, but no 催办 before the next working day.
    assert due_events(c, D(2025, 10, 1), CATALOG) == [overdue]
    assert due_events(c, D(2025, 10, 8), CATALOG) == [overdue]
    events = by_kind(due_events(c, D(2025, 10, 9), CATALOG))
    assert sorted(events) == ["chase", "overdue"]
    assert events["chase"] == TimerEvent(
        f"{NO}/review/2025-09-30/chase", "chase", "review", DUE, D(2025, 10, 9), "bureau"
    )


def test_review_chase_never_goes_to_the_review_office_itself() -> None:
    c = under_review(OPENED)
    chase = by_kind(due_events(c, D(2025, 10, 9), CATALOG))["chase"]
    assert chase.office != c.review_office
    assert chase.office != c.about_office


def test_overdue_review_escalates_to_the_bureau_five_working_days_late() -> None:
    c = under_review(OPENED)
    # 5 working days after 09-30: 10-09, 10-10, Saturday 10-11 (调休), 10-13, 10-14.
    assert "escalate" not in by_kind(due_events(c, D(2025, 10, 13), CATALOG))
    events = by_kind(due_events(c, D(2025, 10, 14), CATALOG))
    assert sorted(events) == ["chase", "escalate", "overdue"]
    assert events["escalate"] == TimerEvent(
        f"{NO}/review/2025-09-30/escalate", "escalate", "review", DUE, D(2025, 10, 14), "bureau"
    )


def test_review_due_on_the_make_up_sunday_escalates_on_the_make_up_saturday() -> None:
    # Opened Monday 2025-09-08: 09-09 10 11 12 15 16 17 18 19 22 23 24 25 26, Sunday 09-28 -> due 09-28.
    c = under_review(D(2025, 9, 8))
    due = D(2025, 9, 28)
    events = by_kind(due_events(c, D(2025, 10, 11), CATALOG))
    assert sorted(events) == ["chase", "escalate", "overdue"]
    assert (events["overdue"].due, events["overdue"].fire_on) == (due, D(2025, 9, 29))
    assert (events["chase"].fire_on, events["chase"].office) == (D(2025, 9, 29), "bureau")
    # 09-29, 09-30, 10-09, 10-10, Saturday 10-11 (调休).
    assert (events["escalate"].fire_on, events["escalate"].office) == (D(2025, 10, 11), "bureau")
    assert "escalate" not in by_kind(due_events(c, D(2025, 10, 10), CATALOG))


def test_review_of_a_complaint_about_a_brigade_is_chased_outside_the_brigade() -> None:
    # About 东部大队 as a whole: the review office 勤务监督处 is chased by the bureau, never by the brigade.
    c = under_review(OPENED, about={"office": "brigade-east"}, handling_office="cases")
    chase = by_kind(due_events(c, D(2025, 10, 9), CATALOG))["chase"]
    assert chase.office == "bureau"


def test_review_of_a_complaint_about_the_bureau_is_never_chased_by_the_bureau() -> None:
    # A second supervision office (纪检监察室) can take the 催办 of the review by 勤务监督处.
    catalog = sample_catalog()
    catalog.offices["inspection"] = OfficeInfo(
        "inspection", "纪检监察室", kind="division", parent="bureau", roles=("supervision",)
    )
    c = under_review(OPENED, about={"office": "bureau"}, handling_office="cases")
    chase = by_kind(due_events(c, D(2025, 10, 9), catalog))["chase"]
    assert chase.office == "inspection"
    # Without one, nobody inside the agency is independent of both: no 催办 at all, never the bureau.
    events = by_kind(due_events(c, D(2025, 10, 9), CATALOG))
    assert "chase" not in events and events["overdue"].office == "supervision"


def test_review_without_a_review_office_is_run_by_the_handling_office() -> None:
    # A record from before review offices were stored: the handling office acts, the supervisor chases.
    c = under_review(OPENED, review_office="")
    remind = due_events(c, D(2025, 9, 26), CATALOG)
    assert [(e.kind, e.office) for e in remind] == [("remind", "brigade-east")]


def test_review_by_the_bureau_is_never_chased_or_escalated_to_the_bureau_itself() -> None:
    # 重复检查 goes to 勤务监督处, supervised by the bureau, so a 不满意 rating puts the review with the bureau.
    c = under_review(
        OPENED,
        category="repeat-inspection",
        handling_office="supervision",
        supervising_office="bureau",
        review_office="bureau",
    )
    # Inside the agency nobody oversees the bureau but the handler: no 催办, no 督办 (never to itself).
    events = by_kind(due_events(c, D(2025, 10, 14), CATALOG))
    assert sorted(events) == ["overdue"] and events["overdue"].office == "bureau"
    # With the district's external supervisor (司法局行政执法监督科) they go there.
    catalog = sample_catalog()
    catalog.offices["sfj"] = OfficeInfo(
        "sfj", "区司法局行政执法监督科", kind="external", parent="", roles=("supervision",)
    )
    events = by_kind(due_events(c, D(2025, 10, 14), catalog))
    assert events["chase"].office == "sfj" and events["escalate"].office == "sfj"
    assert events["chase"].fire_on == D(2025, 10, 9)  # the first working day after the holiday


# --- the accept and respond clocks on the same holiday ------------------------------------------

# Filed Friday 2025-09-26: 3 working days: Sunday 09-28 (调休), 09-29, 09-30 -> accept due 09-30.


def test_accept_clock_across_national_day() -> None:
    c = complaint(D(2025, 9, 26))
    assert due_events(c, D(2025, 9, 30), CATALOG) == []  # remind day = the filing day: skipped
    assert due_events(c, D(2025, 10, 8), CATALOG) == [
        TimerEvent(
            f"{NO}/accept/2025-09-30/overdue", "overdue", "accept", DUE, D(2025, 10, 1), "brigade-east"
        )
    ]
    events = by_kind(due_events(c, D(2025, 10, 14), CATALOG))
    assert (events["chase"].fire_on, events["chase"].office) == (D(2025, 10, 9), "supervision")
    assert (events["escalate"].fire_on, events["escalate"].office) == (D(2025, 10, 14), "bureau")
    assert "escalate" not in by_kind(due_events(c, D(2025, 10, 13), CATALOG))


def test_respond_clock_across_national_day() -> None:
    # Accepted Monday 2025-09-29; 15 working days: 09-30, 10-09, 10-10, Saturday 10-11, 10-13 14 15 16 17,
    # 10-20 21 22 23 24 27 -> due Monday 2025-10-27; remind 3 working days before: 10-22.
    c = complaint(D(2025, 9, 26), status=states.ACCEPTED, accepted_on=D(2025, 9, 29))
    due = D(2025, 10, 27)
    assert next_due(c, CATALOG.calendar, CATALOG.settings) == due
    assert due_events(c, D(2025, 10, 21), CATALOG) == []
    assert due_events(c, D(2025, 10, 22), CATALOG) == [
        TimerEvent(
            f"{NO}/respond/2025-10-27/remind", "remind", "respond", due, D(2025, 10, 22), "brigade-east"
        )
    ]
    events = by_kind(due_events(c, D(2025, 11, 3), CATALOG))
    # 10-28 (chase), then 10-28 29 30 31, 11-03: the 5th working day.
    assert (events["chase"].fire_on, events["chase"].office) == (D(2025, 10, 28), "supervision")
    assert (events["escalate"].fire_on, events["escalate"].office) == (D(2025, 11, 3), "bureau")
    assert "escalate" not in by_kind(due_events(c, D(2025, 10, 31), CATALOG))


def test_respond_clock_before_acceptance_is_projected_from_the_accept_deadline() -> None:
    # Not yet accepted: the respond clock would start on the accept deadline 09-30 -> 15 working days
    # 10-09 10 11 13 14 15 16 17 20 21 22 23 24 27 28 -> 2025-10-28.
    c = complaint(D(2025, 9, 26))
    assert respond_due(c, CATALOG.calendar) == D(2025, 10, 28)


def test_respond_clock_adds_paused_and_extension_days() -> None:
    # Accepted 2025-09-29 with 2 paused working days and a 3-day extension: 20 working days -> 11-03.
    c = complaint(
        D(2025, 9, 26), status=states.ACCEPTED, accepted_on=D(2025, 9, 29), paused_days=2, extended_days=3
    )
    assert next_due(c, CATALOG.calendar, CATALOG.settings) == D(2025, 11, 3)
