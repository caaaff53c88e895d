"""Working days and publication timeliness against literal dates of the official 2025 calendar
(国办发明电〔2024〕12号: 国庆节/中秋节 2025-10-01 to 10-08 off; Sunday 09-28 and Saturday 10-11
worked) and the default publication deadlines (国办发〔2018〕118号: 7 working days for 行政处罚 and
行政许可, 20 for other decisions)."""

from __future__ import annotations

import datetime as dt

import pytest
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.disclosure_deadlines import Timing, deadline_days, timeliness

D = dt.date


def test_next_and_previous_working_days_around_national_day() -> None:
    cal = WorkingCalendar()
    assert cal.next_working_day(D(2025, 9, 30)) == D(2025, 10, 9)
    assert cal.next_working_day(D(2025, 9, 26)) == D(2025, 9, 28)  # the make-up Sunday
    assert cal.next_working_day(D(2025, 10, 10)) == D(2025, 10, 11)  # the make-up Saturday
    assert cal.subtract_working_days(D(2025, 10, 9), 1) == D(2025, 9, 30)
    assert cal.subtract_working_days(D(2025, 9, 29), 1) == D(2025, 9, 28)
    assert cal.subtract_working_days(D(2025, 10, 13), 3) == D(2025, 10, 9)
    assert cal.subtract_working_days(D(2025, 10, 13), 0) == D(2025, 10, 13)


def test_a_negative_number_of_days_is_refused() -> None:
    with pytest.raises(ValueError, match="^days must not be negative$"):
        WorkingCalendar().add_working_days(D(2025, 9, 30), -1)


def test_without_the_official_calendar_monday_to_friday_counts() -> None:
    cal = WorkingCalendar.from_overrides(use_official=False)
    assert cal.is_working_day(D(2025, 10, 1))  # a Wednesday
    assert not cal.is_working_day(D(2025, 9, 28))  # a Sunday
    assert cal.fallback_years == {2025}
    local = WorkingCalendar.from_overrides(holidays=[D(2025, 10, 10)], workdays=[D(2025, 10, 12)])
    assert not local.is_working_day(D(2025, 10, 10))
    assert local.is_working_day(D(2025, 10, 12))
    assert not local.is_working_day(D(2025, 10, 1))


def test_a_year_nobody_lists_warns_even_when_another_year_has_overrides() -> None:
    cal = WorkingCalendar.from_overrides(holidays=[D(2027, 1, 1)], workdays=[D(2027, 2, 6)])
    assert cal.is_working_day(D(2028, 3, 1))  # Wednesday, counted Monday-Friday
    assert cal.fallback_years == {2028}
    assert cal.fallback_warnings() == [
        (
            "2028年官方节假日安排尚未收录,按周一至周五计算工作日;请在 calendar.yaml 中补充"
            "该年的节假日与调休安排,并在 complete_years 中列出 2028",
            "no official calendar for 2028: counting Monday-Friday; add its holidays and "
            "make-up days to calendar.yaml and list 2028 under complete_years",
        )
    ]


@pytest.mark.parametrize(
    ("kind", "table", "days"),
    [
        ("行政处罚", None, 7),
        ("行政许可", None, 7),
        ("行政强制", None, 20),
        ("行政处罚", {"行政处罚": 5, "default": 15}, 5),
        ("行政检查", {"行政处罚": 5, "default": 15}, 15),
        # A table without "default": the kinds it does not list keep their legal default.
        ("行政处罚", {"行政许可": 5}, 7),
        ("行政检查", {"行政许可": 5}, 20),
    ],
)
def test_publication_deadline_days(kind: str, table: dict[str, int] | None, days: int) -> None:
    assert deadline_days(kind, table) == days


def timing(
    id: str, office: str, decided: dt.date, published: dt.date, deadline: dt.date, taken: int
) -> Timing:
    return Timing(id, office, decided, published, deadline, 7, taken)


def test_timeliness_per_office_with_late_decisions_in_date_order() -> None:
    # Decided Friday 2025-09-26: the 7th working day is 2025-10-13; decided Wednesday 09-24: 10-10.
    # Working days taken, counted on the calendar: to 10-13: 7, 10-14: 8, 10-20: 12; 09-24 to 10-15: 11.
    rows = [
        timing("D-3", "brigade-east", D(2025, 9, 26), D(2025, 10, 20), D(2025, 10, 13), 12),
        timing("D-1", "brigade-east", D(2025, 9, 26), D(2025, 10, 13), D(2025, 10, 13), 7),
        timing("D-2", "brigade-east", D(2025, 9, 24), D(2025, 10, 15), D(2025, 10, 10), 11),
        timing("D-0", "brigade-east", D(2025, 9, 26), D(2025, 10, 14), D(2025, 10, 13), 8),
        timing("W-1", "brigade-west", D(2025, 9, 26), D(2025, 9, 29), D(2025, 10, 13), 2),
    ]
    figures = timeliness(rows, ["squad-xinzhen", "brigade-east"])
    assert [f.office for f in figures] == ["brigade-east", "brigade-west", "squad-xinzhen"]
    east, west, squad = figures
    assert (east.published, east.on_time, east.late_ids) == (4, 1, ("D-2", "D-0", "D-3"))
    assert east.median_working_days == 9.5  # 7, 8, 11, 12
    assert east.median_late_by == 4  # late by 4 (D-2), 1 (D-0), 5 (D-3)
    assert east.share_on_time == 0.25
    assert (west.published, west.on_time, west.late_ids, west.median_working_days) == (1, 1, (), 2)
    assert west.median_late_by is None
    assert (squad.published, squad.on_time, squad.median_working_days, squad.share_on_time) == (
        0,
        0,
        None,
        None,
    )
