"""Publication deadlines (公示时限) in working days, and per-office timeliness figures.

A decision must be published within N working days of its decision date: by default 7 for
行政处罚 and 行政许可, 20 for the other kinds (国办发〔2018〕118号; agency setting
``publication.deadline_working_days``). The deadline is ``decided_on + N`` working days
(the decision day itself does not count); a decision published after that day is late, and
its delay is the number of working days from the decision date to the publication date.

:class:`WorkdayIndex` answers these questions in constant time for many decisions: it
walks the :class:`~sunlight.domain.calendar.WorkingCalendar` once per day it needs (and no
further than needed, so a deadline that does not reach an unknown year raises no warning).
"""

from __future__ import annotations

import bisect
import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from sunlight.domain.calendar import WorkingCalendar

DEFAULT_DEADLINES = {"行政处罚": 7, "行政许可": 7, "default": 20}
_ONE_DAY = dt.timedelta(days=1)


def deadline_days(kind: str, table: Mapping[str, int] | None = None) -> int:
    """Working days allowed to publish a decision of ``kind``."""
    table = table or DEFAULT_DEADLINES
    if kind in table:
        return int(table[kind])
    return int(table.get("default", DEFAULT_DEADLINES.get(kind, DEFAULT_DEADLINES["default"])))


@dataclass
class WorkdayIndex:
    """Prefix counts of working days after ``base``: ``prefix[i]`` = working days in (base, base+i]."""

    calendar: WorkingCalendar
    base: dt.date = dt.date(2019, 1, 1)
    prefix: list[int] = field(default_factory=lambda: [0])

    def _offset(self, day: dt.date) -> int:
        if day < self.base:
            self._rebase(day - dt.timedelta(days=31))
        offset = (day - self.base).days
        while len(self.prefix) <= offset:
            nxt = self.base + dt.timedelta(days=len(self.prefix))
            self.prefix.append(self.prefix[-1] + (1 if self.calendar.is_working_day(nxt) else 0))
        return offset

    def _rebase(self, base: dt.date) -> None:
        end = self.base + dt.timedelta(days=len(self.prefix) - 1)
        self.base, self.prefix = base, [0]
        self._offset(end)

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when end < start)."""
        if end < start:
            return -self.between(end, start)
        first = self._offset(start)  # may move the base and replace ``prefix``: the earlier day first
        last = self._offset(end)
        return self.prefix[last] - self.prefix[first]

    def add(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start``."""
        if days <= 0:
            return start
        offset = self._offset(start)  # may move the base and replace ``prefix``
        target = self.prefix[offset] + days
        while self.prefix[-1] < target:  # one day at a time: never look further than needed
            self._offset(self._last() + _ONE_DAY)
        return self.base + dt.timedelta(days=bisect.bisect_left(self.prefix, target))

    def _last(self) -> dt.date:
        return self.base + dt.timedelta(days=len(self.prefix) - 1)


class Timing(NamedTuple):
    """When one published decision was due and published (one per published decision: a tuple)."""

    id: str
    office: str
    decided_on: dt.date
    published_on: dt.date
    deadline: dt.date
    allowed_days: int  # working days allowed
    working_days: int  # working days taken, decision -> publication

    @property
    def on_time(self) -> bool:
        return self.published_on <= self.deadline

    @property
    def late_by(self) -> int:
        """Working days past the deadline (0 when on time)."""
        return 0 if self.on_time else max(1, self.working_days - self.allowed_days)


@dataclass(frozen=True)
class OfficeTimeliness:
    """Figures for /compliance/: how promptly one office published its decisions."""

    office: str
    published: int
    on_time: int
    median_working_days: float | None  # decision -> publication
    median_late_by: float | None  # over the late ones only
    late_ids: tuple[str, ...]

    @property
    def share_on_time(self) -> float | None:
        return self.on_time / self.published if self.published else None


def timeliness(timings: Iterable[Timing], offices: Iterable[str] = ()) -> list[OfficeTimeliness]:
    """Per office (every office in ``offices`` appears, even with nothing published), sorted by id."""
    grouped: dict[str, list[Timing]] = {office: [] for office in offices}
    for timing in timings:
        grouped.setdefault(timing.office, []).append(timing)
    figures = []
    for office in sorted(grouped):
        rows = grouped[office]
        late = sorted((t for t in rows if not t.on_time), key=lambda t: (t.decided_on, t.id))
        figures.append(
            OfficeTimeliness(
                office=office,
                published=len(rows),
                on_time=len(rows) - len(late),
                median_working_days=statistics.median(t.working_days for t in rows) if rows else None,
                median_late_by=statistics.median(t.late_by for t in late) if late else None,
                late_ids=tuple(t.id for t in late),
            )
        )
    return figures
