"""Official working days (工作日) and deadline arithmetic.

Order of authority for a date:

1. the agency's overrides (``content/calendar.yaml``: ``holidays`` and ``workdays``, i.e. 调休),
2. the official State Council calendar bundled with the ``chinese-calendar`` package,
3. for a year neither knows: Monday-Friday, and the year is recorded in ``fallback_years`` so
   callers can warn. Nothing here raises for an unknown year.

A year the bundled calendar lacks counts as known from the overrides only when the agency says
it listed the whole year: the year is in ``complete_years`` (``calendar.yaml:
complete_years``), or (files written before that key) ``holidays`` lists the year's fixed-date
statutory holidays, 1 January, 1 May and 1-3 October (《全国年节及纪念日放假办法》), which a
copy of the State Council's notice always does. A local closure alone does not: the year's
official holidays are still unknown, and its other days are counted Monday-Friday with a warning.

Deadlines: "within N working days of D" ends on ``add_working_days(D, N)``: the N-th working
day after D (D itself does not count).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import chinese_calendar

_ONE_DAY = dt.timedelta(days=1)


def _official(day: dt.date) -> bool | None:
    """Working day per the bundled official calendar, or None when it does not know the year."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


@dataclass
class WorkingCalendar:
    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    use_official: bool = True
    complete_years: frozenset[int] = frozenset()
    fallback_years: set[int] = field(default_factory=set)
    _cache: dict[dt.date, bool] = field(default_factory=dict, repr=False)
    _after: dict[tuple[dt.date, int], dt.date] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_overrides(
        cls,
        holidays: Iterable[dt.date] = (),
        workdays: Iterable[dt.date] = (),
        use_official: bool = True,
        complete_years: Iterable[int] = (),
    ) -> WorkingCalendar:
        return cls(frozenset(holidays), frozenset(workdays), use_official, frozenset(complete_years))

    def is_working_day(self, day: dt.date) -> bool:
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        if day in self.workdays:
            result = True
        elif day in self.holidays:
            result = False
        else:
            official = _official(day) if self.use_official else None
            if official is None:
                if not self.year_covered(day.year):
                    self.fallback_years.add(day.year)
                result = day.weekday() < 5
            else:
                result = official
        self._cache[day] = result
        return result

    def year_covered(self, year: int) -> bool:
        """True when the overrides list the whole ``year`` (see the module docstring)."""
        if year in self.complete_years:
            return True
        fixed = (dt.date(year, 1, 1), dt.date(year, 5, 1), *(dt.date(year, 10, d) for d in (1, 2, 3)))
        return all(day in self.holidays for day in fixed)

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` (``days`` >= 0; 0 returns ``start``)."""
        if days < 0:
            raise ValueError("days must not be negative")
        known = self._after.get((start, days))  # a filing asks for the same deadlines several times
        if known is not None:
            return known
        day = start
        remaining = days
        while remaining:
            day += _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        self._after[(start, days)] = day
        return day

    def subtract_working_days(self, end: dt.date, days: int) -> dt.date:
        """The working day that lies ``days`` working days before ``end``."""
        day = end
        remaining = days
        while remaining:
            day -= _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``; negative when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += _ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count

    def next_working_day(self, day: dt.date) -> dt.date:
        return self.add_working_days(day, 1)

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the first working day after it (the last day of a
        period to perform an act, 民法典 art. 203: a holiday moves it to the day after)."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def fallback_warnings(self) -> list[tuple[str, str]]:
        """(Chinese, English) warnings for each year counted Monday-Friday."""
        return [
            (
                f"{year}年官方节假日安排尚未收录,按周一至周五计算工作日;请在 calendar.yaml 中补充"
                f"该年的节假日与调休安排,并在 complete_years 中列出 {year}",
                f"no official calendar for {year}: counting Monday-Friday; add its holidays and "
                f"make-up days to calendar.yaml and list {year} under complete_years",
            )
            for year in sorted(self.fallback_years)
        ]
