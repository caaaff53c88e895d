"""逐利执法 figures at their edges, worked out by hand (docs/supervision.md): a 1 元 fine and a 0 元
one, averages and shares on an exact half (rounded half up), a growth over a previous total of
1 元, a top-band rise of exactly the threshold, a 裁量基准 with one band or none "以上"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sunlight.domain.fine_trends import (
    FineTrendRow,
    FineWarningSettings,
    PenaltyRecord,
    StatsFigures,
    fine_trends,
    top_band_floor,
)

TODAY = dt.date(2026, 11, 30)
SETTINGS = FineWarningSettings()  # growth above 0.20, top-band rise above 0.15


def fine(amount: str | None, year: int = 2025, floor: str | None = None) -> PenaltyRecord:
    return PenaltyRecord(
        office="squad-1",
        decided_on=dt.date(year, 6, 1),
        amount=None if amount is None else Decimal(amount),
        top_band_floor=None if floor is None else Decimal(floor),
    )


def test_one_band_in_yuan_has_no_top_band() -> None:
    assert top_band_floor(["1万元以上"]) is None
    assert top_band_floor(["1万元以上", "警告"]) is None


def test_bands_without_a_floor() -> None:
    assert top_band_floor(["500元以下", "500元至1000元"]) is None
    assert top_band_floor(["500元以下", "1000元以上"]) == Decimal(1000)


def test_a_fine_of_one_yuan_counts_one_of_zero_does_not() -> None:
    [row] = fine_trends([fine("1"), fine("3"), fine("0"), fine(None)], {}, SETTINGS, TODAY)
    assert (row.decisions, row.fines_total, row.fines_average) == (4, Decimal("4"), Decimal("2.00"))


def test_the_average_rounds_half_a_cent_up() -> None:
    [row] = fine_trends([fine("100.01"), fine("100.00")], {}, SETTINGS, TODAY)
    assert row.fines_average == Decimal("100.01")  # 200.01 / 2 = 100.005
    stats = {2024: [StatsFigures("squad-1", 2, Decimal("200.01"))]}
    [row] = fine_trends([], stats, SETTINGS, TODAY)
    assert row.fines_average == Decimal("100.01")


def test_stats_of_a_year_without_decisions() -> None:
    stats = {2024: [StatsFigures("squad-1", 0, Decimal("0"))]}
    [row] = fine_trends([], stats, SETTINGS, TODAY)
    assert (row.decisions, row.fines_total, row.fines_average, row.source) == (0, Decimal("0"), None, "stats")


def test_growth_over_a_previous_total_of_one_yuan_and_a_share_rounded_half_up() -> None:
    records = [fine("1", 2023), fine("2", 2024), fine("3200", 2025, "5000"), fine("3300", 2026)]
    records += [fine("3300", 2026, "1000")] + [fine("1", 2026, "1000")] * 31  # 1 of 32 in the top band
    rows = fine_trends(records, {}, SETTINGS, TODAY)
    assert [(r.year, r.growth, r.flagged, r.reasons) for r in rows] == [
        (2023, None, False, ()),
        (2024, Decimal("1"), True, ("growth",)),  # 2 / 1 - 1
        (2025, Decimal("1599"), True, ("growth",)),
        (2026, None, False, ()),  # the year is not over
    ]
    assert rows[3].top_band_share == Decimal("0.0313")  # 1 / 32 = 0.03125


def test_growth_rounded_half_up() -> None:
    rows = fine_trends([fine("3200", 2024), fine("3300", 2025)], {}, SETTINGS, TODAY)
    assert rows[1].growth == Decimal("0.0313")  # 3300 / 3200 - 1 = 0.03125


def test_a_top_band_rise_of_exactly_the_threshold_is_not_flagged() -> None:
    before = [fine("5000", 2024, "5000")] + [fine("100", 2024, "5000")] * 3  # 1 of 4: 0.25
    after = [fine("5000", 2025, "5000")] * 2 + [fine("105", 2025, "5000")] * 3  # 2 of 5: 0.40
    rows = fine_trends(before + after, {}, SETTINGS, TODAY)
    assert rows == [
        FineTrendRow(
            office="squad-1",
            year=2024,
            decisions=4,
            fines_total=Decimal("5300"),
            fines_average=Decimal("1325.00"),
            top_band_share=Decimal("0.25"),
            growth=None,
            top_band_rise=None,
            flagged=False,
            reasons=(),
            source="feed",
            year_complete=True,
        ),
        FineTrendRow(
            office="squad-1",
            year=2025,
            decisions=5,
            fines_total=Decimal("10315"),
            fines_average=Decimal("2063.00"),
            top_band_share=Decimal("0.4"),
            growth=Decimal("0.9462"),  # 10315 / 5300 - 1 = 0.946226...
            top_band_rise=Decimal("0.15"),
            flagged=True,
            reasons=("growth",),  # not top_band: 0.15 is not above 0.15
            source="feed",
            year_complete=True,
        ),
    ]


def test_the_current_year_is_not_complete() -> None:
    [row] = fine_trends([fine("100", 2026)], {}, SETTINGS, TODAY)
    assert row.year_complete is False
