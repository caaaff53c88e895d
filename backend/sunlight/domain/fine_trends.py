"""逐利执法 warning: penalty decisions and fines per office and year, and the offices whose fines
grow too fast or drift to the top of the 裁量基准 (docs/supervision.md).

Pure: plain values in, plain values out. The caller gives every decision record (public or not;
only aggregates come out) and, for the years the decision feed does not hold in full, the official
figures of ``stats/YYYY.yaml``.

- A *penalty decision* is a 行政处罚 record of any status except 变更 (a changed decision is
  replaced by the record that supersedes it, which is counted instead).
- ``fines_total``: the sum of the fines (元); ``fines_average``: that sum over the decisions that
  impose a fine (a 警告 is a decision, not a fine); 2 decimals.
- ``top_band_share``: of the fines imposed under a power whose 裁量基准 names amounts in 元, the
  share that reaches the heaviest band (``top_band_floor``); empty when no fine has one.
- ``growth``: this year's total over the previous year's, minus 1; empty without a previous year
  or when its total was 0. A year not ended on the build date is shown but not compared.
- ``flagged``: growth above ``threshold`` (reason ``growth``) or a top-band share that rose by more
  than ``top_band_rise`` (absolute, reason ``top_band``) over the previous year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PENALTY = "行政处罚"
SUPERSEDED = "变更"
DEFAULT_THRESHOLD = Decimal("0.20")
DEFAULT_TOP_BAND_RISE = Decimal("0.15")
CENT = Decimal("0.01")
SHARE = Decimal("0.0001")
# "1万元以上", "2000元以上", "1.5万元以上": the lowest fine of a band.
_FLOOR = re.compile(r"(\d+(?:\.\d+)?)\s*(万?)元以上")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*万?元")


@dataclass(frozen=True)
class FineWarningSettings:
    threshold: Decimal = DEFAULT_THRESHOLD  # growth of the fines total, as a fraction
    top_band_rise: Decimal = DEFAULT_TOP_BAND_RISE  # rise of the top-band share, absolute


@dataclass(frozen=True)
class PenaltyRecord:
    """What the warning needs of one decision record."""

    office: str
    decided_on: dt.date | None
    amount: Decimal | None
    top_band_floor: Decimal | None  # of the record's power; None: no benchmark with amounts
    kind: str = PENALTY
    status: str = "有效"


@dataclass(frozen=True)
class StatsFigures:
    """One office's penalty figures for a year, from ``stats/YYYY.yaml``."""

    office: str
    decisions: int
    fines_total: Decimal
    top_band_share: Decimal | None = None


@dataclass(frozen=True)
class FineTrendRow:
    office: str
    year: int
    decisions: int
    fines_total: Decimal
    fines_average: Decimal | None
    top_band_share: Decimal | None
    growth: Decimal | None
    top_band_rise: Decimal | None
    flagged: bool
    reasons: tuple[str, ...]  # "growth", "top_band"
    source: str  # "feed": counted from the decision records; "stats": stats/YYYY.yaml
    year_complete: bool


def top_band_floor(ranges: Sequence[str]) -> Decimal | None:
    """The lowest fine (元) of the heaviest band of a 裁量基准, given the ``range`` text of its rows:
    the highest "X元以上" of the rows. None unless at least two rows name amounts in 元 (a single
    band, or bands in multiples of a compensation standard, have no top band in 元)."""
    if sum(1 for text in ranges if _AMOUNT.search(text)) < 2:
        return None
    floors = [_yuan(number, wan) for text in ranges for number, wan in _FLOOR.findall(text)]
    return max(floors) if floors else None


def _yuan(number: str, wan: str) -> Decimal:
    value = Decimal(number)
    return _plain(value * 10000 if wan else value)


def _plain(value: Decimal) -> Decimal:
    """Without trailing zeros and never in exponent form (0.2500 -> 0.25, 1.0E+4 -> 10000)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]


def counted(record: PenaltyRecord) -> bool:
    return record.kind == PENALTY and record.status != SUPERSEDED and record.decided_on is not None


@dataclass
class _Tally:
    decisions: int = 0
    fines: int = 0
    total: Decimal = Decimal(0)
    benchmarked: int = 0
    top: int = 0

    def add(self, record: PenaltyRecord) -> None:
        self.decisions += 1
        if record.amount is None or record.amount <= 0:
            return
        self.fines += 1
        self.total += record.amount
        if record.top_band_floor is not None:
            self.benchmarked += 1
            self.top += record.amount >= record.top_band_floor


@dataclass(frozen=True)
class _Figures:
    decisions: int
    total: Decimal
    average: Decimal | None
    share: Decimal | None  # unrounded
    source: str


def fine_trends(
    records: Iterable[PenaltyRecord],
    stats: Mapping[int, Sequence[StatsFigures]],
    settings: FineWarningSettings,
    today: dt.date,
) -> list[FineTrendRow]:
    """One row per office and year, sorted by office then year. ``stats`` maps a year to the
    figures that replace the feed's for that whole year."""
    tallies: dict[tuple[str, int], _Tally] = defaultdict(_Tally)
    for record in records:
        if counted(record) and record.decided_on and record.decided_on.year not in stats:
            tallies[record.office, record.decided_on.year].add(record)
    figures: dict[tuple[str, int], _Figures] = {
        key: _Figures(
            t.decisions,
            t.total,
            (t.total / t.fines).quantize(CENT, ROUND_HALF_UP) if t.fines else None,
            Decimal(t.top) / t.benchmarked if t.benchmarked else None,
            "feed",
        )
        for key, t in tallies.items()
    }
    for year, items in stats.items():
        for item in items:
            average = (
                (item.fines_total / item.decisions).quantize(CENT, ROUND_HALF_UP) if item.decisions else None
            )
            figures[item.office, year] = _Figures(
                item.decisions, item.fines_total, average, item.top_band_share, "stats"
            )
    return [_row(office, year, figures, settings, today) for office, year in sorted(figures)]


def _row(
    office: str,
    year: int,
    figures: Mapping[tuple[str, int], _Figures],
    settings: FineWarningSettings,
    today: dt.date,
) -> FineTrendRow:
    now = figures[office, year]
    before = figures.get((office, year - 1))
    complete = year < today.year
    growth = rise = None
    if complete and before is not None:
        if before.total > 0:
            growth = now.total / before.total - 1
        if now.share is not None and before.share is not None:
            rise = now.share - before.share
    reasons = tuple(
        reason
        for reason, hit in (
            ("growth", growth is not None and growth > settings.threshold),
            ("top_band", rise is not None and rise > settings.top_band_rise),
        )
        if hit
    )
    return FineTrendRow(
        office=office,
        year=year,
        decisions=now.decisions,
        fines_total=now.total,
        fines_average=now.average,
        top_band_share=_fraction(now.share),
        growth=_fraction(growth),
        top_band_rise=_fraction(rise),
        flagged=bool(reasons),
        reasons=reasons,
        source=now.source,
        year_complete=complete,
    )


def _fraction(value: Decimal | None) -> Decimal | None:
    """4 decimals, trailing zeros dropped (0.2500 -> 0.25)."""
    if value is None:
        return None
    return _plain(value.quantize(SHARE, ROUND_HALF_UP))
