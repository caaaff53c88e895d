"""What the notices and reports say about periods and deadlines (dates written out by hand)."""

from __future__ import annotations

import datetime as dt

from sunlight.content.model import Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.publication import publish
from sunlight_site.decisions.views import view_of

from .conftest import OFFICES, POWERS, make

D = dt.date


def run(*decisions, today: D):
    return publish(
        list(decisions),
        offices=OFFICES,
        powers=POWERS,
        policy=Publication(),
        calendar=WorkingCalendar(),
        today=today,
    )


def test_an_expiry_notice_states_the_last_day_of_the_period() -> None:
    d = make(id="E", decided_on=D(2025, 1, 6), published_on=D(2025, 1, 8), disclosure_until=D(2025, 7, 5))
    (notice,) = run(d, today=D(2025, 12, 1)).withdrawn
    assert notice.reason == "公示期满" and notice.on == D(2025, 7, 6)  # first day no longer shown
    assert "公示期已于2025年7月5日届满" in notice.text
    assert "7月6日" not in notice.text


def test_an_expiry_notice_by_the_table_states_the_last_day() -> None:
    # 一般 of 2023-06-15 under order 58 (lenient): order 36's one year ended before it began, so
    # the decision was shown until 2026-03-31, the day before order 36 came into force.
    d = make(id="T", decided_on=D(2023, 6, 15), published_on=D(2023, 6, 19))
    (notice,) = run(d, today=D(2026, 11, 30)).withdrawn
    assert "2026年3月31日届满" in notice.text


def test_a_late_publication_after_a_make_up_saturday_deadline_says_so() -> None:
    # Decided Thu 2025-09-25: the 7th working day is Saturday 2025-10-11, a 调休 working day.
    d = make(id="S", decided_on=D(2025, 9, 25), published_on=D(2025, 10, 13))
    (late,) = run(d, today=D(2025, 12, 1)).late
    assert late.deadline == D(2025, 10, 11)
    problem = late.problem()
    assert "时限最后一日为调休工作日（星期六）" in problem.zh
    assert "2025-10-11" in problem.zh
    assert "make-up working day (Saturday)" in problem.en
    assert late.deadline_note == "时限最后一日为调休工作日（星期六）"


def test_a_late_publication_after_a_weekday_deadline_has_no_make_up_note() -> None:
    d = make(id="W", decided_on=D(2025, 9, 26), published_on=D(2025, 10, 14))  # due Mon 2025-10-13
    (late,) = run(d, today=D(2025, 12, 1)).late
    assert late.deadline == D(2025, 10, 13)
    assert late.deadline_note == "" and "调休" not in late.problem().zh


def test_a_licence_page_names_no_credit_repair_rule() -> None:
    licence = make(id="K", kind="行政许可", power_code="330217004000", decided_on=D(2025, 9, 10),
                   published_on=D(2025, 9, 12))  # fmt: skip
    penalty = make(id="P", decided_on=D(2025, 9, 10), published_on=D(2025, 9, 12))
    views = {p.id: view_of(p) for p in run(licence, penalty, today=D(2025, 10, 1)).public}
    assert not views["K"].credit_repair_notice
    assert views["P"].credit_repair_notice
