"""Cell value parsing: dates in every accepted form, numbers, booleans."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sunlight.content.values import ValueProblem, parse_bool, parse_date, parse_decimal, parse_int

EXCEL_EPOCH = dt.date(1899, 12, 30)


@pytest.mark.parametrize(
    "value",
    ["2025-09-28", "2025/9/28", "2025/09/28", "2025年9月28日", " 2025年09月28日 ", "2025-09-28 00:00:00", "2025.9.28",
     dt.date(2025, 9, 28), dt.datetime(2025, 9, 28, 14, 30), 45928, 45928.0, "45928"],
)  # fmt: skip
def test_every_accepted_form_gives_the_date(value: object) -> None:
    assert parse_date(value) == dt.date(2025, 9, 28)


@pytest.mark.parametrize(
    "value", ["2025-02-30", "2025年13月1日", "28/09/2025", "昨天", "", True, None, [2025]]
)
def test_bad_dates_raise_a_bilingual_problem(value: object) -> None:
    with pytest.raises(ValueProblem) as info:
        parse_date(value)
    problem = info.value.problem(file="content/decisions/a.csv", line=7, field="decided_on")
    text = str(problem)
    assert text.startswith("content/decisions/a.csv:7: decided_on: ")
    assert " / " in text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.zh)


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)))
def test_date_forms_round_trip(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}/{day.month}/{day.day}") == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day
    assert parse_date((day - EXCEL_EPOCH).days) == day
    assert parse_date(dt.datetime.combine(day, dt.time(23, 59))) == day


def test_decimals_and_integers() -> None:
    assert parse_decimal("1,000.50") == Decimal("1000.50")
    assert parse_decimal("2000元") == Decimal(2000)
    assert parse_decimal(0.1) == Decimal("0.1")
    assert parse_int("12") == 12 and parse_int(12.0) == 12
    for bad in ("abc", "nan", True):
        with pytest.raises(ValueProblem):
            parse_decimal(bad)
    with pytest.raises(ValueProblem, match="不得小于"):
        parse_decimal("-1", minimum=Decimal(0))
    with pytest.raises(ValueProblem):
        parse_int(12.5)


def test_booleans() -> None:
    assert parse_bool("是") is True and parse_bool("否") is False
    assert parse_bool("TRUE") is True and parse_bool("") is False
    with pytest.raises(ValueProblem):
        parse_bool("maybe")
