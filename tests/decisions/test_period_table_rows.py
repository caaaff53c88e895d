"""An agency's period table (``agency.yaml: publication.periods``): rows whose meaning is doubtful.

Three inputs used to be read silently against the agency's words: ``other_kinds: 不公示`` (read
as 0-36 months), a row's ``until`` (ignored: the row went on applying), and a second row
without ``from`` (it then applied to every day before the first dated row). Each is now
honoured or reported, with the field path. Expected dates are counted by hand with the Civil
Code (民法典 arts. 201, 202: N months from a day end on the corresponding day N months later)
on the national table of ``docs/decisions.md`` (order 58 from 2023-05-01: 3 months - 3 years;
order 36 from 2026-04-01: 一般 3 months - 1 year).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sunlight.domain.period_rows import parse_period_table
from sunlight.domain.periods import PeriodTable, Span

D = dt.date.fromisoformat
GENERAL_12 = {"min_months": 3, "max_months": 12}
GENERAL_24 = {"min_months": 3, "max_months": 24}
OTHER_KINDS_PROBLEM = (
    "其他类别的决定（行政许可等）应当公示（国办发〔2018〕118号），应填写 {min_months, max_months}，不能“不公示”",
    "decisions of other kinds (行政许可 ...) must be published (国办发〔2018〕118号): "
    "give {min_months, max_months}, not none",
)


def parsed(rows: list[object]) -> tuple[PeriodTable, list[tuple[str, str, str]]]:
    return parse_period_table(rows)  # type: ignore[arg-type]


def period(table: PeriodTable, decided: str, today: str, **kw: object):
    return table.period(
        kind=str(kw.pop("kind", "行政处罚")),
        severity=str(kw.pop("severity", "一般")),
        decided_on=D(decided),
        today=D(today),
        **kw,  # type: ignore[arg-type]
    )


# --- 1. other_kinds: decisions of other kinds must be published ------------------------------


@pytest.mark.parametrize("word", ["不公示", "none", "omit", "永久", 12])
def test_other_kinds_not_published_or_not_understood_is_an_error(word: object) -> None:
    table, problems = parsed([{"一般": GENERAL_12, "other_kinds": word}])
    assert problems == [("publication.periods[0].other_kinds", *OTHER_KINDS_PROBLEM)]
    # While the problem stands, the licences are held back rather than shown for 3 years: a
    # licence of 2025-01-15 is shown on its decision day at most, no longer on 2025-01-16.
    licence = period(table, "2025-01-15", "2025-02-01", kind="行政许可")
    assert licence.until == D("2025-01-15") and not licence.is_current(D("2025-01-16"))


def test_other_kinds_of_zero_months_is_an_error() -> None:
    _, problems = parsed([{"一般": GENERAL_12, "other_kinds": {"min_months": 0, "max_months": 0}}])
    assert problems == [
        (
            "publication.periods[0].other_kinds.max_months",
            "最长期限为0个月，决定作出当天即不再公示；其他类别的决定应当公示（国办发〔2018〕118号）",
            "max_months 0 ends the disclosure on the decision day; "
            "decisions of other kinds must be published (国办发〔2018〕118号)",
        )
    ]


def test_other_kinds_as_given_is_honoured() -> None:
    table, problems = parsed([{"一般": GENERAL_12, "other_kinds": {"min_months": 0, "max_months": 60}}])
    assert problems == []
    # A licence of 2025-01-15: 60 months, until 2030-01-15.
    assert period(table, "2025-01-15", "2025-02-01", kind="行政许可").until == D("2030-01-15")


# --- 2. until counts; overlapping and out-of-order rows are reported ---------------------------


def test_after_the_last_rows_until_the_national_rules_apply() -> None:
    table, problems = parsed([{"id": "a", "until": "2025-12-31", "一般": GENERAL_12}])
    assert problems == []
    assert table.in_force(D("2025-12-31")).id == "a"
    assert table.in_force(D("2026-01-01")).id == "ndrc-order-58"
    assert table.in_force(D("2026-03-31")).id == "ndrc-order-58"
    assert table.in_force(D("2026-04-01")).id == "ndrc-order-36"
    # 一般 of 2026-01-15 under order 58 (3 m - 3 y): until 2029-01-15, repair from 2026-04-16.
    p = period(table, "2026-01-15", "2026-02-01", rule="at_decision")
    assert p.rule.id == "ndrc-order-58" and p.until == D("2029-01-15") and p.repair_from == D("2026-04-16")
    # 一般 of 2025-12-31 still under "a" (12 months): until 2026-12-31.
    assert period(table, "2025-12-31", "2026-02-01", rule="at_decision").until == D("2026-12-31")


def test_a_gap_between_rows_takes_the_national_rules_and_is_reported_as_a_warning() -> None:
    rows = [
        {"id": "a", "until": "2024-06-30", "一般": GENERAL_12},
        {"id": "b", "from": "2025-01-01", "一般": GENERAL_24},
    ]
    warnings: list[tuple[str, str, str]] = []
    table, problems = parse_period_table(rows, warnings=warnings)
    assert problems == []
    assert warnings == [
        (
            "publication.periods[0].until",
            "2024-07-01 至 2024-12-31 本表未作规定，适用国家规定",
            "from 2024-07-01 to 2024-12-31 the table sets no period: the national rules apply",
        )
    ]
    assert table.in_force(D("2024-06-30")).id == "a"
    assert table.in_force(D("2024-07-01")).id == "ndrc-order-58"
    assert table.in_force(D("2024-12-31")).id == "ndrc-order-58"
    assert table.in_force(D("2025-01-01")).id == "b"
    # 一般 of 2024-09-10 under order 58: until 2027-09-10; of 2025-01-10 under "b": until 2027-01-10.
    assert period(table, "2024-09-10", "2024-10-01", rule="at_decision").until == D("2027-09-10")
    assert period(table, "2025-01-10", "2025-02-01", rule="at_decision").until == D("2027-01-10")


def test_no_gap_no_warning() -> None:
    warnings: list[tuple[str, str, str]] = []
    _, problems = parse_period_table(
        [
            {"id": "a", "until": "2024-12-31", "一般": GENERAL_12},
            {"id": "b", "from": "2025-01-01", "一般": GENERAL_24},
        ],
        warnings=warnings,
    )
    assert problems == [] and warnings == []


def test_lenient_choice_sees_the_national_rules_after_until() -> None:
    # 一般 of 2025-06-10 under "a" (3 m - 24 m): until 2027-06-10. "a" ends on 2025-12-31; then
    # order 58 (until 2028-06-10) and order 36 from 2026-04-01 (3 m - 1 y: until 2026-06-10,
    # no earlier than 2026-03-31). Built on 2026-06-01, the most lenient is order 36: 2026-06-10.
    table, _ = parsed([{"id": "a", "until": "2025-12-31", "一般": GENERAL_24}])
    p = period(table, "2025-06-10", "2026-06-01")
    assert p.rule.id == "ndrc-order-36" and p.until == D("2026-06-10")
    # Built on 2026-02-01, order 36 is not yet in force: "a" (2027-06-10) is more lenient than
    # order 58 (2028-06-10).
    q = period(table, "2025-06-10", "2026-02-01")
    assert q.rule.id == "a" and q.until == D("2027-06-10")


def test_a_gap_before_2023_takes_the_2019_notice_then_order_58() -> None:
    table, problems = parsed(
        [
            {"id": "a", "until": "2022-12-31", "一般": GENERAL_24},
            {"id": "b", "from": "2024-01-01", "一般": GENERAL_24},
        ]
    )
    assert problems == []
    assert table.in_force(D("2022-12-31")).id == "a"
    assert table.in_force(D("2023-01-01")).id == "ndrc-2019-527"
    assert table.in_force(D("2023-04-30")).id == "ndrc-2019-527"
    assert table.in_force(D("2023-05-01")).id == "ndrc-order-58"
    assert table.in_force(D("2023-12-31")).id == "ndrc-order-58"
    assert table.in_force(D("2024-01-01")).id == "b"
    # 一般 of 2021-06-10, built 2023-02-01: under "a" (24 months) until 2023-06-10; the 2019
    # notice (12 months: 2022-06-10) applies here from 2023-01-01, so it ends no earlier than
    # 2022-12-31, and that is the most lenient.
    p = period(table, "2021-06-10", "2023-02-01")
    assert p.rule.id == "ndrc-2019-527" and p.until == D("2022-12-31")


def test_an_until_overlapping_the_next_row_is_an_error() -> None:
    table, problems = parsed(
        [
            {"id": "a", "until": "2025-06-30", "一般": GENERAL_12},
            {"id": "b", "from": "2025-01-01", "一般": GENERAL_24},
        ]
    )
    assert problems == [
        (
            "publication.periods[0].until",
            "与下一行重叠：until 应早于下一行的 from（2025-01-01）",
            "overlaps the next row: until must be before the next row's from (2025-01-01)",
        )
    ]
    assert table.in_force(D("2025-03-01")).id == "b"  # the later row from its own start


def test_an_until_before_its_own_from_is_an_error() -> None:
    _, problems = parsed(
        [
            {"id": "a", "一般": GENERAL_12},
            {"id": "b", "from": "2025-01-01", "until": "2024-12-31", "一般": GENERAL_24},
        ]
    )
    assert problems == [
        (
            "publication.periods[1].until",
            "until 不得早于本行的 from",
            "until must not be before the row's from",
        )
    ]


def test_rows_out_of_order_are_an_error() -> None:
    table, problems = parsed(
        [
            {"id": "a", "一般": GENERAL_12},
            {"id": "c", "from": "2026-01-01", "一般": GENERAL_24},
            {"id": "b", "from": "2025-01-01", "一般": GENERAL_12},
        ]
    )
    assert problems == [
        (
            "publication.periods[2].from",
            "各行应按 from 日期先后排列：本行早于上一行的 from（2026-01-01）",
            "rows must be in order of from: this row starts before the previous row's from (2026-01-01)",
        )
    ]
    assert [r.id for r in table.rules] == ["a", "b", "c"]


def test_two_rows_starting_on_the_same_day_are_an_error() -> None:
    _, problems = parsed(
        [
            {"id": "a", "一般": GENERAL_12},
            {"id": "b", "from": "2025-01-01", "一般": GENERAL_12},
            {"id": "c", "from": "2025-01-01", "一般": GENERAL_24},
        ]
    )
    assert problems == [
        (
            "publication.periods[2].from",
            "与上一行的 from 相同（2025-01-01）：两行不能同一天生效",
            "the same from as the previous row (2025-01-01): two rows cannot start on the same day",
        )
    ]


# --- 3. only the first row may leave out from ------------------------------------------------


def test_a_second_row_without_from_is_an_error_and_left_out() -> None:
    table, problems = parsed(
        [
            {"id": "a", "一般": GENERAL_12},
            {"id": "b", "from": "2024-01-01", "一般": GENERAL_24},
            {"id": "c", "一般": {"min_months": 3, "max_months": 36}},
        ]
    )
    assert problems == [
        ("publication.periods[2].from", "只有第一行可以不填 from", "only the first row may leave out from")
    ]
    assert [r.id for r in table.rules] == ["a", "b"]
    # 一般 of 2023-06-01 under "a" (12 months): until 2024-06-01 (not 36 months, 2026-06-01).
    p = period(table, "2023-06-01", "2023-07-01", rule="at_decision")
    assert table.in_force(D("2023-06-01")).id == "a" and p.until == D("2024-06-01")


def test_the_first_row_may_have_a_from() -> None:
    table, problems = parsed([{"id": "a", "from": "2024-01-01", "一般": GENERAL_12}])
    assert problems == []
    assert table.rules[0].other_kinds == Span(0, 36)
