"""The disclosure-period table around its changes, and the choice of rule (从旧兼从轻)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sunlight.domain.period_rows import parse_period_table
from sunlight.domain.periods import NATIONAL_RULES, PeriodTable, add_months

TABLE = PeriodTable()


def period(severity: str, decided: str, today: str, **kw: object):
    return TABLE.period(
        kind=str(kw.pop("kind", "行政处罚")),
        severity=severity,
        decided_on=dt.date.fromisoformat(decided),
        today=dt.date.fromisoformat(today),
        **kw,  # type: ignore[arg-type]
    )


def test_rule_in_force_by_date() -> None:
    assert TABLE.in_force(dt.date(2023, 4, 30)).id == "ndrc-2019-527"
    assert TABLE.in_force(dt.date(2023, 5, 1)).id == "ndrc-order-58"
    assert TABLE.in_force(dt.date(2026, 3, 31)).id == "ndrc-order-58"
    assert TABLE.in_force(dt.date(2026, 4, 1)).id == "ndrc-order-36"
    assert all(rule.source for rule in NATIONAL_RULES)


def test_before_2026_04_01_order_58_gives_three_years() -> None:
    p = period("一般", "2025-03-10", "2026-03-31")
    assert p.rule.id == "ndrc-order-58"
    # Civil Code count: 3 years from 2025-03-10 end at the end of 2028-03-10; 3 months at the
    # end of 2025-06-10, so credit repair may end the disclosure from 2025-06-11.
    assert p.until == dt.date(2028, 3, 10)
    assert p.repair_from == dt.date(2025, 6, 11)


def test_from_2026_04_01_the_more_lenient_order_36_applies_to_older_decisions() -> None:
    p = period("一般", "2025-03-10", "2026-04-01")
    assert p.rule.id == "ndrc-order-36"
    # One year would have ended 2026-03-09, before order 36 existed: it ends the day before.
    assert p.until == dt.date(2026, 3, 31)
    later = period("一般", "2025-09-10", "2026-04-01")
    assert later.until == dt.date(2026, 9, 10)


def test_at_decision_keeps_the_old_rule() -> None:
    p = period("一般", "2025-09-10", "2026-05-01", rule="at_decision")
    assert p.rule.id == "ndrc-order-58" and p.until == dt.date(2028, 9, 10)


def test_current_applies_todays_rule_even_when_harsher() -> None:
    # 严重 under order 58: min 3 months; under order 36: min 1 year (harsher).
    assert period("严重", "2025-09-10", "2026-05-01").repair_from == dt.date(2025, 12, 11)
    assert period("严重", "2025-09-10", "2026-05-01", rule="current").repair_from == dt.date(2026, 9, 11)


def test_minor_cases_under_order_36() -> None:
    assert not period("轻微", "2026-04-02", "2026-05-01").published
    old = period("轻微", "2025-09-10", "2026-05-01")
    assert old.published and old.until == dt.date(2026, 3, 31)  # shown until order 36 began


def test_special_domains_under_order_58() -> None:
    assert period("一般", "2024-01-15", "2024-02-01", domain="消防").repair_from == dt.date(2025, 1, 16)
    assert period("一般", "2024-01-15", "2024-02-01", domain="市政").repair_from == dt.date(2024, 4, 16)


def test_2019_rule_for_old_decisions() -> None:
    p = period("严重", "2022-06-01", "2022-07-01")
    assert p.rule.id == "ndrc-2019-527"
    assert p.repair_from == dt.date(2022, 12, 2) and p.until == dt.date(2025, 6, 1)


def test_explicit_disclosure_until_wins() -> None:
    p = period("一般", "2025-09-10", "2025-10-01", disclosure_until=dt.date(2025, 12, 31))
    assert p.until == dt.date(2025, 12, 31) and p.is_current(dt.date(2025, 12, 31))
    assert not p.is_current(dt.date(2026, 1, 1))


def test_other_kinds_are_not_credit_information() -> None:
    p = period("一般", "2025-09-10", "2025-10-01", kind="行政许可")
    assert p.repair_from is None and p.until == dt.date(2028, 9, 10)


def test_agency_table_and_simple_period_form() -> None:
    table, problems = parse_period_table(
        [
            {"severity": "一般", "min_months": 6, "max_months": 6},
            {"severity": "严重", "min_months": 12, "max_months": 24},
        ]
    )
    assert problems == []
    p = table.period(
        kind="行政处罚", severity="一般", decided_on=dt.date(2025, 1, 31), today=dt.date(2025, 2, 1)
    )
    assert p.until == dt.date(2025, 7, 31)  # 6 months from 2025-01-31 (民法典 art. 202)
    table, problems = parse_period_table(
        [
            {"id": "old", "一般": {"min_months": 3, "max_months": 36}},
            {
                "id": "new",
                "from": "2026-04-01",
                "一般": {"min_months": 3, "max_months": 12},
                "轻微": "不公示",
            },
        ]
    )
    assert problems == []
    assert table.in_force(dt.date(2026, 4, 1)).id == "new"


def test_agency_table_problems_name_the_field() -> None:
    _, problems = parse_period_table(
        [{"from": "2026-13-01", "一般": {"min_months": 12, "max_months": 3}, "typo": 1}]
    )
    fields = {p[0] for p in problems}
    assert "publication.periods[0].from" in fields
    assert "publication.periods[0].一般" in fields
    assert "publication.periods[0].typo" in fields
    assert all(zh and en for _, zh, en in problems)


@given(
    day=st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31)), months=st.integers(0, 48)
)
def test_add_months_never_overshoots(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day


@pytest.mark.parametrize("severity", ["轻微", "一般", "严重"])
def test_lenient_never_longer_than_at_decision(severity: str) -> None:
    for decided in ("2023-06-01", "2025-06-01", "2026-03-31", "2026-04-01"):
        lenient = period(severity, decided, "2026-06-01")
        strict = period(severity, decided, "2026-06-01", rule="at_decision")
        if strict.published:
            assert not lenient.published or lenient.until <= strict.until
