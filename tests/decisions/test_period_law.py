"""Disclosure periods against the law: dates written out from the rules, never computed.

Sources: NDRC order 58 (《失信行为纠正后的信用信息修复管理办法（试行）》: 3 months to 3 years,
at least 1 year for 食品, 药品, 特种设备, 安全生产, 消防); NDRC order 36 (《信用修复管理办法》,
from 2026-04-01: 轻微 not published, or at most 3 months where necessary; 一般 3 months to
1 year; 严重 1 to 3 years); the Civil Code (民法典) arts. 201-203: the day a period starts
from is not counted, a period in months ends on the corresponding day of the last month (or
that month's last day), and a disclosure period is not extended past a holiday.
"""

from __future__ import annotations

import datetime as dt

from sunlight.content.model import Power, Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.period_rows import parse_period_table
from sunlight.domain.periods import PeriodTable, add_months
from sunlight.domain.publication import publish

from .conftest import OFFICES, POWERS, make

D = dt.date
TABLE = PeriodTable()
AGENCY_SIMPLE = [  # agency.yaml: publication.period {一般: 3-12, 严重: 12-36}, as the loader passes it
    {
        "id": "agency",
        "source": "本机关公示政策(agency.yaml)",
        "一般": {"min_months": 3, "max_months": 12},
        "严重": {"min_months": 12, "max_months": 36},
    }
]
FOOD_AND_DRUG_POWERS = [
    *POWERS,
    Power(code="330217005000", name="对无证销售食品的处罚", type="行政处罚", domain="食品"),
    Power(code="330217006000", name="对销售假药的处罚", type="行政处罚", domain="药品"),
]


def run(*decisions, today: D, policy: Publication | None = None, powers=FOOD_AND_DRUG_POWERS):
    return publish(
        list(decisions),
        offices=OFFICES,
        powers=powers,
        policy=policy or Publication(),
        calendar=WorkingCalendar(),
        today=today,
    )


# --- item 6: the one-year minimum of order 58 ---------------------------------------------------


def test_order_58_one_year_minimum_covers_food_and_drugs_from_the_power_item() -> None:
    food = make(id="F", power_code="330217005000", decided_on=D(2024, 1, 15), published_on=D(2024, 1, 17))
    drug = make(id="Y", power_code="330217006000", decided_on=D(2024, 1, 15), published_on=D(2024, 1, 17))
    roads = make(id="R", power_code="330217001000", decided_on=D(2024, 1, 15), published_on=D(2024, 1, 17))
    result = run(food, drug, roads, today=D(2024, 2, 1))
    repair = {p.id: p.repair_from for p in result.public}
    # One year from 2024-01-15 ends at the end of 2025-01-15; repair may end it from 2025-01-16.
    assert repair["F"] == D(2025, 1, 16)
    assert repair["Y"] == D(2025, 1, 16)
    # Three months end at the end of 2024-04-15.
    assert repair["R"] == D(2024, 4, 16)


def test_a_decision_without_a_power_code_takes_its_domain_column() -> None:
    d = make(id="N", power_code="", domain="食品", decided_on=D(2024, 1, 15), published_on=D(2024, 1, 17))
    (p,) = run(d, today=D(2024, 2, 1)).public
    assert p.domain == "食品"
    assert p.repair_from == D(2025, 1, 16)


def test_every_special_domain_of_order_58() -> None:
    for domain in ("食品", "药品", "特种设备", "安全生产", "消防"):
        p = TABLE.period(
            kind="行政处罚", severity="一般", decided_on=D(2024, 3, 31), today=D(2024, 4, 1), domain=domain
        )
        assert p.repair_from == D(2025, 4, 1), domain  # one year ends 2025-03-31
    p = TABLE.period(
        kind="行政处罚", severity="一般", decided_on=D(2024, 3, 31), today=D(2024, 4, 1), domain="绿化"
    )
    assert p.repair_from == D(2024, 7, 1)  # three months end 2024-06-30 (no 31 June)


# --- item 7: 轻微 under the agency's simple period form ---------------------------------------------


def test_simple_period_form_does_not_publish_minor_cases() -> None:
    policy = Publication(periods=AGENCY_SIMPLE)
    d = make(id="M", severity="轻微", decided_on=D(2026, 5, 6), published_on=D(2026, 5, 8))
    result = run(d, today=D(2026, 6, 1), policy=policy)
    assert result.public == []
    assert [o.reason for o in result.omitted] == ["not_published_by_rule"]


def test_simple_period_form_shows_a_minor_case_with_an_explicit_end_for_at_most_three_months() -> None:
    policy = Publication(periods=AGENCY_SIMPLE)
    short = make(id="S", severity="轻微", decided_on=D(2026, 5, 6), published_on=D(2026, 5, 8),
                 disclosure_until=D(2026, 7, 1))  # fmt: skip
    long = make(id="L", severity="轻微", decided_on=D(2026, 5, 6), published_on=D(2026, 5, 8),
                disclosure_until=D(2027, 5, 6))  # fmt: skip
    result = run(short, long, today=D(2026, 6, 1), policy=policy)
    until = {p.id: p.disclosure_until for p in result.public}
    assert until == {"S": D(2026, 7, 1), "L": D(2026, 8, 6)}  # 3 months end at the end of 2026-08-06
    (warning,) = [w for w in result.warnings if w.record_id == "L"]
    assert warning.field == "disclosure_until" and "2026-08-06" in warning.zh and "2026-08-06" in warning.en
    assert not [w for w in result.warnings if w.record_id == "S"]


def test_order_36_caps_an_explicit_end_of_a_minor_case_at_three_months() -> None:
    d = make(id="M36", severity="轻微", decided_on=D(2026, 5, 6), published_on=D(2026, 5, 8),
             disclosure_until=D(2027, 12, 31))  # fmt: skip
    result = run(d, today=D(2026, 6, 1))
    (p,) = result.public
    assert p.disclosure_until == D(2026, 8, 6)
    assert any(w.record_id == "M36" and w.field == "disclosure_until" for w in result.warnings)
    # Gone on the day after the third month ends.
    later = run(d, today=D(2026, 8, 7))
    assert later.public == [] and [n.reason for n in later.withdrawn] == ["公示期满"]


# --- item 8: an explicit end beyond the rule's maximum ---------------------------------------------


def test_explicit_end_beyond_the_maximum_is_capped_with_a_warning_naming_the_record() -> None:
    d = make(id="X2030", severity="严重", decided_on=D(2025, 6, 10), published_on=D(2025, 6, 12),
             disclosure_until=D(2030, 1, 1), line=42)  # fmt: skip
    result = run(d, today=D(2026, 11, 30))
    (p,) = result.public
    assert p.disclosure_until == D(2028, 6, 10)  # three years from 2025-06-10
    (warning,) = [w for w in result.warnings if w.field == "disclosure_until"]
    assert warning.record_id == "X2030" and warning.line == 42 and warning.severity == "warning"
    assert "2028-06-10" in warning.zh and "2030-01-01" in warning.en
    assert run(d, today=D(2028, 6, 11)).public == []


def test_explicit_end_within_the_maximum_is_kept_without_a_warning() -> None:
    d = make(id="OK", decided_on=D(2025, 6, 10), published_on=D(2025, 6, 12), disclosure_until=D(2026, 6, 10))
    result = run(d, today=D(2025, 12, 1))
    assert result.public[0].disclosure_until == D(2026, 6, 10)
    assert not [w for w in result.warnings if w.field == "disclosure_until"]


# --- item 9: the Civil Code's count -----------------------------------------------------------------


def test_three_months_from_15_january_end_at_the_end_of_15_april() -> None:
    table, problems = parse_period_table(
        [{"id": "3m", "一般": {"min_months": 3, "max_months": 3}, "轻微": {"min_months": 3, "max_months": 3}}]
    )
    assert problems == []
    p = table.period(kind="行政处罚", severity="一般", decided_on=D(2025, 1, 15), today=D(2025, 1, 16))
    assert p.until == D(2025, 4, 15)
    assert p.repair_from == D(2025, 4, 16)
    assert p.is_current(D(2025, 4, 15)) and not p.is_current(D(2025, 4, 16))


def test_month_ends_clamp() -> None:
    assert add_months(D(2024, 2, 29), 36) == D(2027, 2, 28)
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    p = TABLE.period(
        kind="行政处罚", severity="严重", decided_on=D(2024, 2, 29), today=D(2024, 3, 1), rule="at_decision"
    )
    assert p.until == D(2027, 2, 28)
    one = parse_period_table([{"id": "1m", "一般": {"min_months": 1, "max_months": 1}}])[0]
    assert one.period(
        kind="行政处罚", severity="一般", decided_on=D(2025, 1, 31), today=D(2025, 2, 1)
    ).until == D(2025, 2, 28)


def test_a_disclosure_period_is_not_extended_past_a_holiday() -> None:
    # 严重 of Sunday 2023-10-01 under order 58: three years end on 2026-10-01, a National Day
    # holiday (2026-10-01..07 off). Art. 203's extension is for doing an act; a disclosure ends.
    p = TABLE.period(
        kind="行政处罚", severity="严重", decided_on=D(2023, 10, 1), today=D(2023, 10, 9), rule="at_decision"
    )
    assert p.until == D(2026, 10, 1)


def test_lenient_switchover_with_the_civil_code_count() -> None:
    old = TABLE.period(kind="行政处罚", severity="一般", decided_on=D(2025, 3, 10), today=D(2026, 3, 31))
    assert (
        old.rule.id == "ndrc-order-58" and old.until == D(2028, 3, 10) and old.repair_from == D(2025, 6, 11)
    )
    switched = TABLE.period(kind="行政处罚", severity="一般", decided_on=D(2025, 3, 10), today=D(2026, 4, 1))
    assert switched.rule.id == "ndrc-order-36" and switched.until == D(2026, 3, 31)
    later = TABLE.period(kind="行政处罚", severity="一般", decided_on=D(2025, 9, 10), today=D(2026, 4, 1))
    assert later.until == D(2026, 9, 10)


# --- item 14: kinds no NDRC rule governs ------------------------------------------------------------


def test_a_licence_names_no_ndrc_rule() -> None:
    d = make(
        id="K",
        kind="行政许可",
        power_code="330217004000",
        decided_on=D(2025, 9, 10),
        published_on=D(2025, 9, 12),
    )
    (p,) = run(d, today=D(2025, 10, 1)).public
    assert p.disclosure_until == D(2028, 9, 10) and p.repair_from is None
    assert "ndrc" not in p.period_rule
    assert "发展改革委" not in p.period_source and "信用修复" not in p.period_source
    penalty = run(make(id="P", decided_on=D(2025, 9, 10), published_on=D(2025, 9, 12)), today=D(2025, 10, 1))
    assert penalty.public[0].period_rule == "ndrc-order-58"
