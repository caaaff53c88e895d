"""逐利执法 warning (issue #15): fines per office and year, growth and the top band of the 裁量基准.

Every expected figure below is worked out by hand from the records written in the test.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from sunlight.domain.fine_trends import (
    FineWarningSettings,
    PenaltyRecord,
    StatsFigures,
    fine_trends,
    top_band_floor,
)

TODAY = dt.date(2026, 11, 20)
# CF-SZ-001's 裁量基准 in content/powers/shizheng.yaml: the heaviest band starts at 1万元.
SZ001 = ["处2000元以下罚款", "处2000元以上1万元以下罚款", "处1万元以上2万元以下罚款"]


def rec(office: str, day: str, amount: str | None, floor: str | None = "10000", **kw: str) -> PenaltyRecord:
    return PenaltyRecord(
        office=office,
        decided_on=dt.date.fromisoformat(day),
        amount=None if amount is None else D(amount),
        top_band_floor=None if floor is None else D(floor),
        kind=kw.get("kind", "行政处罚"),
        status=kw.get("status", "有效"),
    )


def by_key(rows):  # type: ignore[no-untyped-def]
    return {(r.office, r.year): r for r in rows}


def test_top_band_floor_reads_the_heaviest_band_of_the_benchmark() -> None:
    assert top_band_floor(SZ001) == D(10000)
    # Order does not matter; 1.5万元 = 15000 元.
    assert top_band_floor(["处1.5万元以上3万元以下罚款", "处5000元以下罚款"]) == D(15000)
    assert top_band_floor(["警告或处500元以下罚款", "处500元以上5000元以下罚款"]) == D(500)
    # Bands that name no fixed amount, or a single band: no benchmark for this measure.
    assert top_band_floor(["按树木补偿标准1倍处罚款", "按树木补偿标准2倍以上3倍以下处罚款"]) is None
    assert top_band_floor(["处500元以下罚款"]) is None
    assert top_band_floor([]) is None


def test_growth_of_25_percent_is_flagged_and_10_percent_is_not() -> None:
    records = [
        # brigade-east 2025: 2000 + 3000 + 5000 = 10000 元 in 3 decisions; none reaches 10000.
        rec("brigade-east", "2025-03-01", "2000"),
        rec("brigade-east", "2025-06-01", "3000"),
        rec("brigade-east", "2025-12-31", "5000"),
        # brigade-east 2026: 2500 + 4000 + 6000 = 12500 元: +25 %.
        rec("brigade-east", "2026-01-01", "2500"),
        rec("brigade-east", "2026-04-01", "4000"),
        rec("brigade-east", "2026-09-01", "6000"),
        # brigade-west 2025: 12000 (top band) + 8000 = 20000 元.
        rec("brigade-west", "2025-02-01", "12000"),
        rec("brigade-west", "2025-05-01", "8000"),
        # brigade-west 2026: 14000 (top band) + 8000 = 22000 元: +10 %, share still 1/2.
        rec("brigade-west", "2026-02-01", "14000"),
        rec("brigade-west", "2026-05-01", "8000"),
    ]
    rows = by_key(fine_trends(records, {}, FineWarningSettings(), today=dt.date(2027, 1, 10)))
    east, west = rows["brigade-east", 2026], rows["brigade-west", 2026]
    assert (east.decisions, east.fines_total, east.fines_average) == (3, D("12500"), D("4166.67"))
    assert east.growth == D("0.25") and east.top_band_share == D(0)
    assert east.flagged and east.reasons == ("growth",)
    assert (west.decisions, west.fines_total, west.fines_average) == (2, D("22000"), D("11000.00"))
    assert west.growth == D("0.1") and west.top_band_share == D("0.5")
    assert not west.flagged and west.reasons == ()
    first = rows["brigade-east", 2025]
    assert (first.decisions, first.fines_total, first.growth, first.flagged) == (3, D("10000"), None, False)
    assert first.fines_average == D("3333.33") and first.source == "feed"
    assert [
        (r.office, r.year) for r in fine_trends(records, {}, FineWarningSettings(), dt.date(2027, 1, 10))
    ] == [
        ("brigade-east", 2025),
        ("brigade-east", 2026),
        ("brigade-west", 2025),
        ("brigade-west", 2026),
    ]


def test_exactly_the_threshold_is_not_flagged_and_the_threshold_is_a_setting() -> None:
    records = [rec("a", "2024-05-01", "1000"), rec("a", "2025-05-01", "1200")]  # +20 %
    assert not by_key(fine_trends(records, {}, FineWarningSettings(), TODAY))["a", 2025].flagged
    lower = FineWarningSettings(threshold=D("0.15"))
    assert by_key(fine_trends(records, {}, lower, TODAY))["a", 2025].flagged


def test_a_sharp_rise_of_the_top_band_share_is_flagged() -> None:
    records = [
        # 2024: 1 of 5 fines in the top band (0.2); 4 x 1000 + 10000 = 14000 元.
        *[rec("a", "2024-05-01", "1000") for _ in range(4)],
        rec("a", "2024-06-01", "10000"),
        # 2025: 2 of 5 in the top band (0.4); 3 x 1000 + 10000 + 1000 = 14000 元 (growth 0).
        *[rec("a", "2025-05-01", "1000") for _ in range(3)],
        rec("a", "2025-06-01", "10000"),
        rec("a", "2025-07-01", "1000", floor="500"),  # another power whose top band starts at 500 元
    ]
    row = by_key(fine_trends(records, {}, FineWarningSettings(), TODAY))["a", 2025]
    assert row.fines_total == D(14000) and row.growth == D(0)
    assert row.top_band_share == D("0.4") and row.top_band_rise == D("0.2")
    assert row.flagged and row.reasons == ("top_band",)
    # A rise of 0.2 is not "sharp" when the setting asks for more than 0.25.
    calm = FineWarningSettings(top_band_rise=D("0.25"))
    assert not by_key(fine_trends(records, {}, calm, TODAY))["a", 2025].flagged


def test_share_counts_only_fines_under_a_benchmark_and_average_only_fines() -> None:
    records = [
        rec("a", "2025-01-01", "10000"),  # top band
        rec("a", "2025-01-02", "3000"),  # lower band
        rec("a", "2025-01-03", "50000", floor=None),  # power without a benchmark: not in the share
        rec("a", "2025-01-04", None),  # 警告: a decision, no fine
        rec("b", "2025-01-05", "800", floor=None),  # no benchmark at all: share empty
    ]
    rows = by_key(fine_trends(records, {}, FineWarningSettings(), TODAY))
    a = rows["a", 2025]
    assert (a.decisions, a.fines_total) == (4, D(63000))
    assert a.fines_average == D("21000.00")  # 63000 / 3 fines (the warning is not a fine)
    assert a.top_band_share == D("0.5")  # 1 of the 2 fines under a benchmark
    assert rows["b", 2025].top_band_share is None


def test_every_record_counts_except_superseded_and_other_kinds() -> None:
    records = [
        rec("a", "2025-01-01", "1000", status="撤销"),  # withdrawn: still a decision that was made
        rec("a", "2025-01-02", "2000", status="信用修复"),
        rec("a", "2025-01-03", "4000", status="变更"),  # replaced by the next one: counted once
        rec("a", "2025-01-04", "3000"),
        rec("a", "2025-01-05", "9000", kind="行政强制"),
    ]
    row = by_key(fine_trends(records, {}, FineWarningSettings(), TODAY))["a", 2025]
    assert (row.decisions, row.fines_total) == (3, D(6000))


def test_the_year_in_progress_is_shown_but_not_compared() -> None:
    records = [rec("a", "2025-05-01", "1000"), rec("a", "2026-05-01", "5000")]
    row = by_key(fine_trends(records, {}, FineWarningSettings(), TODAY))["a", 2026]
    assert row.fines_total == D(5000) and not row.year_complete
    assert row.growth is None and not row.flagged


def test_a_year_with_stats_figures_takes_them_instead_of_the_feed() -> None:
    records = [
        rec("a", "2024-11-20", "500"),  # the feed starts in November 2024: incomplete
        rec("a", "2025-03-01", "1000"),
        rec("a", "2025-04-01", "2000"),
    ]
    stats = {
        2024: [StatsFigures(office="a", decisions=120, fines_total=D("2500"), top_band_share=D("0.1"))],
    }
    rows = by_key(fine_trends(records, stats, FineWarningSettings(), TODAY))
    y2024, y2025 = rows["a", 2024], rows["a", 2025]
    assert (y2024.source, y2024.decisions, y2024.fines_total) == ("stats", 120, D(2500))
    assert y2024.fines_average == D("20.83")  # 2500 / 120
    assert y2024.top_band_share == D("0.1")
    assert (y2025.source, y2025.fines_total) == ("feed", D(3000))
    assert y2025.growth == D("0.2") and not y2025.flagged  # 3000 / 2500 - 1, not more than 0.20


def test_growth_is_empty_after_a_year_without_fines() -> None:
    records = [rec("a", "2024-05-01", None), rec("a", "2025-05-01", "1000")]
    row = by_key(fine_trends(records, {}, FineWarningSettings(), TODAY))["a", 2025]
    assert row.growth is None and not row.flagged


def test_figures_never_print_in_exponent_form() -> None:
    records = [rec("a", "2024-05-01", "100"), rec("a", "2025-05-01", "1100")]  # growth 10.0
    row = by_key(fine_trends(records, {}, FineWarningSettings(), TODAY))["a", 2025]
    assert str(row.growth) == "10"
    assert str(top_band_floor(["处1万元以下", "处1万元以上2万元以下"])) == "10000"
