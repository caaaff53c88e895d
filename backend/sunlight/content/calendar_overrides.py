"""``calendar.yaml``: the agency's working-day overrides (holidays and 调休 workdays).

The bundled official calendar (``chinese-calendar``) knows the State Council's published
years; this file adds a year it does not know yet, or a local day off. Items are dates, or
``{date, note}`` mappings. ``complete_years`` lists the years whose whole official calendar the
file holds (so that a year with only a local closure still warns; see
``sunlight.domain.calendar``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sunlight.content.fields import Fields, source_name
from sunlight.content.model import CalendarOverrides
from sunlight.content.values import ValueProblem, parse_date
from sunlight.content.yamlfile import LineList, load_yaml
from sunlight.domain.problems import Problem, Problems


def load_calendar(root: Path, problems: Problems) -> CalendarOverrides:
    path = root / "calendar.yaml"
    name = source_name(root, path)
    overrides = CalendarOverrides(source=name)
    if not path.exists():
        return overrides
    data = load_yaml(path, name, problems)
    if data is None:
        return overrides
    if not isinstance(data, dict):
        problems.add(
            Problem(
                "文件内容应为映射(holidays 与 workdays)",
                "the file must hold a mapping with holidays and workdays",
                file=name,
                line=1,
            )
        )
        return overrides
    f = Fields(data, name, problems)
    f.allow("holidays", "workdays", "complete_years")
    overrides.line = f.line
    overrides.holidays = _dates(f, "holidays")
    overrides.workdays = _dates(f, "workdays")
    overrides.complete_years = _years(f)
    both = set(overrides.holidays) & set(overrides.workdays)
    for day in sorted(both):
        f.error(
            "workdays",
            "同一日期既是假日又是工作日",
            "a date is both a holiday and a workday",
            day.isoformat(),
        )
    return overrides


def _years(f: Fields) -> list[int]:
    value = f.data.get("complete_years")
    if value is None:
        return []
    if not isinstance(value, list):
        f.error("complete_years", "应为年份列表，如 [2027]", "must be a list of years, e.g. [2027]")
        return []
    years: list[int] = []
    for item in value:
        if isinstance(item, int) and not isinstance(item, bool) and 2000 <= item <= 2100:
            years.append(item)
        else:
            f.error(
                "complete_years", "应为 2000 至 2100 之间的年份", "must be a year from 2000 to 2100", item
            )
    return sorted(set(years))


def _dates(f: Fields, key: str) -> list[dt.date]:
    value = f.data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        f.error(key, "应为日期列表", "must be a list of dates")
        return []
    days: list[dt.date] = []
    for index, item in enumerate(value):
        line = value.line_of(index) if isinstance(value, LineList) else f.line_of(key)
        if isinstance(item, dict):
            d = Fields(item, f.file, f.problems, line=line)
            d.allow("date", "note")
            day = d.date("date", required=True)
            if day is not None:
                days.append(day)
            continue
        try:
            days.append(parse_date(item))
        except ValueProblem as exc:
            f.problems.add(exc.problem(file=f.file, line=line, field=key))
    seen: set[dt.date] = set()
    for day in days:
        if day in seen:
            f.warning(key, "日期重复", "date listed twice", day.isoformat())
        seen.add(day)
    return sorted(seen)
