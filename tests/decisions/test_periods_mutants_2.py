"""Disclosure periods (公示期限): where an agency's row ends (``until``), the national rules fill
the days up to the next row (``PeriodTable.timeline``), cut to fit.

The national rules (``docs/decisions.md``): the 2019 notice for every day before 2023-05-01 (so
up to 2023-04-30), NDRC order 58 from 2023-05-01 to 2026-03-31, order 36 from 2026-04-01. The
expected timelines below are worked out by hand from these dates: a fallback rule starts on the
day after the row's ``until`` (or on its own start, if later) and ends on the day before the next
row's ``from`` (or on its own end, if earlier).
"""

from __future__ import annotations

import datetime as dt

from sunlight.domain.periods import PeriodRule, PeriodTable, Span

D = dt.date.fromisoformat


def row(name: str, start: str | None = None, until: str | None = None) -> PeriodRule:
    return PeriodRule(
        id=name,
        source="",
        effective_from=D(start) if start else None,
        effective_until=D(until) if until else None,
        by_severity={"轻微": Span(3, 12), "一般": Span(3, 12), "严重": Span(6, 36)},
    )


def line(table: PeriodTable) -> list[tuple[str, dt.date | None, dt.date | None]]:
    return [(r.id, r.effective_from, r.effective_until) for r in table.timeline()]


def test_a_gap_between_rows_is_filled_up_to_the_day_before_the_next_row() -> None:
    # Row a ends 2023-12-31, row b starts 2024-06-01: order 58 (in force since 2023-05-01, until
    # 2026-03-31) fills 2024-01-01 to 2024-05-31; the 2019 notice ended before, order 36 starts after.
    table = PeriodTable([row("a", until="2023-12-31"), row("b", "2024-06-01"), row("c", "2025-01-01")])
    assert line(table) == [
        ("a", None, D("2023-12-31")),
        ("ndrc-order-58", D("2024-01-01"), D("2024-05-31")),
        ("b", D("2024-06-01"), None),
        ("c", D("2025-01-01"), None),
    ]
    assert table.in_force(D("2024-05-31")).id == "ndrc-order-58"
    assert table.in_force(D("2024-06-01")).id == "b"


def test_a_row_ending_the_day_before_the_next_one_leaves_no_gap() -> None:
    table = PeriodTable([row("a", until="2023-12-31"), row("b", "2024-01-01")])
    assert line(table) == [("a", None, D("2023-12-31")), ("b", D("2024-01-01"), None)]


def test_a_gap_under_order_36_ends_the_day_before_the_next_row() -> None:
    # Order 36 has no end of its own: the next row's start (2026-09-01) cuts it at 2026-08-31.
    table = PeriodTable([row("a", until="2026-05-31"), row("b", "2026-09-01")])
    assert line(table) == [
        ("a", None, D("2026-05-31")),
        ("ndrc-order-36", D("2026-06-01"), D("2026-08-31")),
        ("b", D("2026-09-01"), None),
    ]


def test_after_the_last_row_every_later_national_rule_keeps_its_own_end() -> None:
    # Row a ends 2022-12-31: the 2019 notice from 2023-01-01 to its own end 2023-04-30, then order
    # 58 (2023-05-01 to 2026-03-31) and order 36 (from 2026-04-01, no end).
    table = PeriodTable([row("a", until="2022-12-31")])
    assert line(table) == [
        ("a", None, D("2022-12-31")),
        ("ndrc-2019-527", D("2023-01-01"), D("2023-04-30")),
        ("ndrc-order-58", D("2023-05-01"), D("2026-03-31")),
        ("ndrc-order-36", D("2026-04-01"), None),
    ]


def test_a_national_rule_ending_on_the_first_day_of_the_gap_still_fills_it() -> None:
    # Row a ends 2023-04-29; the 2019 notice's last day is 2023-04-30, the first day of the gap.
    table = PeriodTable([row("a", until="2023-04-29")])
    assert line(table)[:3] == [
        ("a", None, D("2023-04-29")),
        ("ndrc-2019-527", D("2023-04-30"), D("2023-04-30")),
        ("ndrc-order-58", D("2023-05-01"), D("2026-03-31")),
    ]
    assert table.in_force(D("2023-04-30")).id == "ndrc-2019-527"


def test_a_national_rule_starting_on_the_next_rows_first_day_is_left_out() -> None:
    # Gap 2023-04-01 to 2023-04-30 (row b starts 2023-05-01, the day order 58 starts): 2019 only.
    table = PeriodTable([row("a", until="2023-03-31"), row("b", "2023-05-01")])
    assert line(table) == [
        ("a", None, D("2023-03-31")),
        ("ndrc-2019-527", D("2023-04-01"), D("2023-04-30")),
        ("b", D("2023-05-01"), None),
    ]


def test_a_row_of_one_day_is_followed_by_the_national_rules() -> None:
    table = PeriodTable([row("a", "2024-01-01", "2024-01-01")])
    assert line(table) == [
        ("a", D("2024-01-01"), D("2024-01-01")),
        ("ndrc-order-58", D("2024-01-02"), D("2026-03-31")),
        ("ndrc-order-36", D("2026-04-01"), None),
    ]
    assert table.in_force(D("2024-01-02")).id == "ndrc-order-58"


def test_the_table_s_own_fallback_fills_the_gap() -> None:
    other = PeriodRule(id="other", source="", effective_from=None, by_severity={"一般": Span(0, 6)})
    table = PeriodTable([row("a", until="2024-12-31")], fallback=(other,))
    assert line(table) == [("a", None, D("2024-12-31")), ("other", D("2025-01-01"), None)]


def test_two_undated_rules_the_first_has_no_known_end() -> None:
    table = PeriodTable([row("a"), row("b")])
    assert table.rule_until(0) is None
    assert table.rule_until(1) is None
