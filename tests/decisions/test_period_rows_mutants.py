"""An agency's table of disclosure periods (``domain/period_rows.py``): the row checks of
``docs/decisions.md`` that no test pinned before.

Only the first row may leave out ``from``; rows follow each other in order of ``from``; a row's
``until`` ends before the next row's ``from`` (a row of one day, ``from`` = ``until``, is fine);
after a row's ``until`` the national rules apply up to the next row, with a warning;
``other_kinds`` left out or empty is 0 - 36 months. Problems and warnings are written out word
for word, with their field paths; the dates in them are worked out by hand.
"""

from __future__ import annotations

import datetime as dt

from sunlight.domain.period_rows import parse_period_table
from sunlight.domain.periods import Span

D = dt.date.fromisoformat
GENERAL = {"min_months": 3, "max_months": 12}
MONTHS_PROBLEM = ("应为不小于0的整数（月数）", "must be a whole number of months, 0 or more")
ONLY_FIRST = ("只有第一行可以不填 from", "only the first row may leave out from")


def parsed(rows: list[dict[str, object]]):
    warnings: list[tuple[str, str, str]] = []
    table, problems = parse_period_table(rows, warnings=warnings)
    return table, problems, warnings


def national_from(first: str, last: str | None = None) -> tuple[str, str]:
    if last is None:
        return (
            f"{first} 起本表未作规定，适用国家规定",
            f"from {first} on the table sets no period: the national rules apply",
        )
    return (
        f"{first} 至 {last} 本表未作规定，适用国家规定",
        f"from {first} to {last} the table sets no period: the national rules apply",
    )


def test_a_later_row_with_an_empty_from_is_reported() -> None:
    table, problems, _ = parsed([{"id": "a", "一般": GENERAL}, {"id": "b", "from": "", "一般": GENERAL}])
    assert problems == [("publication.periods[1].from", *ONLY_FIRST)]
    assert [r.id for r in table.rules] == ["a"]


def test_rows_after_an_undated_later_row_are_still_read() -> None:
    rows = [
        {"id": "a", "一般": GENERAL},
        {"id": "b", "一般": GENERAL},
        {"id": "c", "from": "2024-01-01", "一般": GENERAL, "严重": "none"},
    ]
    table, problems, _ = parsed(rows)
    assert problems == [("publication.periods[1].from", *ONLY_FIRST)]
    assert [r.id for r in table.rules] == ["a", "c"]
    assert table.rules[1].effective_from == D("2024-01-01")
    assert table.rules[1].by_severity["严重"] is None


def test_an_empty_other_kinds_is_the_default_0_to_36_months() -> None:
    table, problems, _ = parsed([{"一般": GENERAL, "other_kinds": ""}])
    assert problems == []
    assert table.rules[0].other_kinds == Span(0, 36)


def test_a_wrong_other_kinds_period_is_reported_with_its_field_path() -> None:
    table, problems, _ = parsed([{"一般": GENERAL, "other_kinds": {"min_months": -1, "max_months": 12}}])
    assert problems == [("publication.periods[0].other_kinds.min_months", *MONTHS_PROBLEM)]
    assert table.rules[0].other_kinds == Span(0, 0)
    _, problems, _ = parsed([{"一般": GENERAL, "other_kinds": {"min_months": 24, "max_months": 12}}])
    assert problems == [
        (
            "publication.periods[0].other_kinds",
            "最短期限不得长于最长期限",
            "min_months must not exceed max_months",
        )
    ]


def test_an_until_on_the_next_rows_from_is_an_overlap() -> None:
    rows = [
        {"id": "a", "until": "2024-01-01", "一般": GENERAL},
        {"id": "b", "from": "2024-01-01", "一般": GENERAL},
    ]
    _, problems, _ = parsed(rows)
    assert problems == [
        (
            "publication.periods[0].until",
            "与下一行重叠：until 应早于下一行的 from（2024-01-01）",
            "overlaps the next row: until must be before the next row's from (2024-01-01)",
        )
    ]


def test_a_row_of_one_day_is_fine_and_the_national_rules_follow() -> None:
    table, problems, warnings = parsed([{"from": "2024-01-01", "until": "2024-01-01", "一般": GENERAL}])
    assert problems == []
    assert warnings == [("publication.periods[0].until", *national_from("2024-01-02"))]
    assert table.rules[0].effective_until == D("2024-01-01")


def test_the_gap_warning_follows_the_rows_in_date_order() -> None:
    # Row 0 (2024-01-01 to 2024-06-30) comes after row 1 (from 2023-01-01) by date: nothing
    # follows it, so the national rules apply from 2024-07-01 on.
    rows = [
        {"id": "a", "from": "2024-01-01", "until": "2024-06-30", "一般": GENERAL},
        {"id": "b", "from": "2023-01-01", "一般": GENERAL},
    ]
    _, problems, warnings = parsed(rows)
    assert problems == [
        (
            "publication.periods[1].from",
            "各行应按 from 日期先后排列：本行早于上一行的 from（2024-01-01）",
            "rows must be in order of from: this row starts before the previous row's from (2024-01-01)",
        )
    ]
    assert warnings == [("publication.periods[0].until", *national_from("2024-07-01"))]


def test_a_row_without_until_does_not_hide_a_later_rows_gap() -> None:
    rows = [
        {"id": "a", "一般": GENERAL},
        {"id": "b", "from": "2024-01-01", "until": "2024-12-31", "一般": GENERAL},
    ]
    _, problems, warnings = parsed(rows)
    assert problems == []
    assert warnings == [("publication.periods[1].until", *national_from("2025-01-01"))]


def test_a_gap_ends_the_day_before_the_next_row_not_a_later_one() -> None:
    rows = [
        {"id": "a", "until": "2023-12-31", "一般": GENERAL},
        {"id": "b", "from": "2024-06-01", "一般": GENERAL},
        {"id": "c", "from": "2025-01-01", "一般": GENERAL},
    ]
    _, problems, warnings = parsed(rows)
    assert problems == []
    assert warnings == [("publication.periods[0].until", *national_from("2024-01-01", "2024-05-31"))]
