"""An agency's table of disclosure periods (``agency.yaml: publication.periods`` or the simple
``publication.period``), read into a :class:`~sunlight.domain.periods.PeriodTable`.

Rows are read one by one and every doubtful row is reported as ``(field path, Chinese, English)``
rather than guessed at: only the first row may leave out ``from``; rows follow each other in
order of ``from``; a row's ``until`` ends before the next row's ``from`` (after it, until the next
row, the national rules apply, with a warning); ``other_kinds`` is a span of months, never
``不公示`` (other decision kinds are always published, 国办发〔2018〕118号). The rules the table
feeds are in ``periods``; ``docs/decisions.md`` has the whole convention.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace

from sunlight.domain.periods import (
    ORDER_36_FROM,
    SEVERITIES,
    PeriodRule,
    PeriodTable,
    Span,
)

SEVERITY_ALIASES = {"minor": "轻微", "general": "一般", "serious": "严重"}
_ONE_DAY = dt.timedelta(days=1)


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


def _months(value: object, where: str, problems: list[tuple[str, str, str]]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        problems.append((where, "应为不小于0的整数（月数）", "must be a whole number of months, 0 or more"))
        return None
    return value


def _span(value: object, where: str, problems: list[tuple[str, str, str]]) -> Span | None:
    if value is None or value in ("不公示", "none", "omit"):
        return None
    if not isinstance(value, Mapping):
        problems.append(
            (where, "应为 {min_months, max_months} 或“不公示”", "must be {min_months, max_months} or none")
        )
        return Span(0, 0)
    low = _months(value.get("min_months", 0), f"{where}.min_months", problems)
    high = _months(value.get("max_months"), f"{where}.max_months", problems)
    if low is None or high is None:
        return Span(0, 0)
    if low > high:
        problems.append((where, "最短期限不得长于最长期限", "min_months must not exceed max_months"))
    return Span(low, high)


def _single_rule(rows: list[Mapping[str, object]]) -> dict[str, object]:
    """``agency.yaml: publication.period`` (per severity, no dates): one rule for every date."""
    rule: dict[str, object] = {"id": "agency", "source": "agency.yaml: publication.period"}
    for row in rows:
        rule[str(row["severity"])] = {k: v for k, v in row.items() if k != "severity"}
    return rule


def parse_period_table(
    raw: Iterable[Mapping[str, object]], *, warnings: list[tuple[str, str, str]] | None = None
) -> tuple[PeriodTable, list[tuple[str, str, str]]]:
    """An agency's table from ``agency.yaml: publication.periods``.

    Returns the table (the national table when ``raw`` is empty) and problems as
    ``(field path, Chinese, English)``. Rows of ``{severity, min_months, max_months}`` (the
    simple ``publication.period`` form) make one rule for every date. Otherwise each row: ``id``, ``source``, ``from`` (omit for the
    first row), ``until`` (optional), ``轻微``/``一般``/``严重`` (``{min_months, max_months}``
    or ``不公示``), ``special_domains`` with ``special_min_months``, ``other_kinds``
    (``{min_months, max_months}``). Gaps after a row's ``until`` (the national rules apply)
    are added to ``warnings`` when given, in the same form.
    """
    rows = list(raw)
    problems: list[tuple[str, str, str]] = []
    if not rows:
        return PeriodTable(), problems
    if all(isinstance(r, Mapping) and "severity" in r for r in rows):
        rows = [_single_rule(rows)]
    rules: list[PeriodRule] = []
    rows_where: list[str] = []  # the field path of each rule's row
    implicit_minor: set[int] = set()  # rows that do not name 轻微 (by object id)
    known = {"id", "source", "from", "until", "special_domains", "special_min_months", "other_kinds"}
    for index, row in enumerate(rows):
        where = f"publication.periods[{index}]"
        if not isinstance(row, Mapping):
            problems.append((where, "应为键值表", "must be a mapping"))
            continue
        by_severity: dict[str, Span | None] = {}
        for key, value in row.items():
            name = SEVERITY_ALIASES.get(str(key), str(key))
            if name in SEVERITIES:
                by_severity[name] = _span(value, f"{where}.{key}", problems)
            elif name not in known:
                problems.append((f"{where}.{key}", "未知的键", "unknown key"))
        if "一般" not in by_severity:
            problems.append(
                (f"{where}.一般", "缺少“一般”失信程度的期限", "the 一般 (general) period is required")
            )
            by_severity["一般"] = Span(3, 12)
        minor_given = "轻微" in by_severity
        by_severity.setdefault("轻微", by_severity["一般"])  # settled below when not given
        by_severity.setdefault("严重", by_severity["一般"])
        dates: dict[str, dt.date | None] = {"from": None, "until": None}
        for key in dates:
            if row.get(key) not in (None, ""):
                try:
                    dates[key] = _date(row[key])
                except ValueError:
                    problems.append(
                        (f"{where}.{key}", "日期格式应为 2026-04-01", "date must look like 2026-04-01")
                    )
        special = row.get("special_min_months")
        other = _other_kinds(row.get("other_kinds"), f"{where}.other_kinds", problems)
        rule = PeriodRule(
            id=str(row.get("id") or f"rule-{index + 1}"),
            source=str(row.get("source") or ""),
            effective_from=dates["from"],
            effective_until=dates["until"],
            by_severity=by_severity,
            special_domains=frozenset(str(d) for d in row.get("special_domains") or ()),  # type: ignore[union-attr]
            special_min_months=_months(special, f"{where}.special_min_months", problems)
            if special is not None
            else None,
            other_kinds=other,
        )
        if rules and rule.effective_from is None:
            if row.get("from") in (None, ""):
                problems.append(
                    (f"{where}.from", "只有第一行可以不填 from", "only the first row may leave out from")
                )
            continue  # not in force on any day it could be told apart by
        if rules:
            _check_order(rules[-1], rule, where, rows_where[-1], problems)
        _check_until(rule, where, problems)
        rules.append(rule)
        rows_where.append(where)
        if not minor_given:
            implicit_minor.add(id(rule))
    if not rules:
        return PeriodTable(), problems
    if warnings is not None:
        warnings.extend(_gaps(rules, rows_where))
    return _settle_minor(PeriodTable(rules), implicit_minor), problems


def _other_kinds(value: object, where: str, problems: list[tuple[str, str, str]]) -> Span:
    """``other_kinds``: left out or empty, 0 - 3 years; never ``不公示`` (国办发〔2018〕118号
    makes every 行政执法决定 public). While wrong: 0 - 0 months (held back, never published)."""
    if value is None or value == "":
        return Span(0, 36)
    if not isinstance(value, Mapping):
        problems.append(
            (
                where,
                "其他类别的决定（行政许可等）应当公示（国办发〔2018〕118号），应填写 {min_months, max_months}，不能“不公示”",
                "decisions of other kinds (行政许可 ...) must be published (国办发〔2018〕118号): "
                "give {min_months, max_months}, not none",
            )
        )
        return Span(0, 0)
    span = _span(value, where, problems) or Span(0, 0)
    given = value.get("max_months")
    if type(given) is int and given == 0:
        problems.append(
            (
                f"{where}.max_months",
                "最长期限为0个月，决定作出当天即不再公示；其他类别的决定应当公示（国办发〔2018〕118号）",
                "max_months 0 ends the disclosure on the decision day; "
                "decisions of other kinds must be published (国办发〔2018〕118号)",
            )
        )
    return span


def _check_order(
    previous: PeriodRule,
    rule: PeriodRule,
    where: str,
    previous_where: str,
    problems: list[tuple[str, str, str]],
) -> None:
    """A row after another starts later than it, and after its ``until``."""
    start, before = rule.effective_from, previous.effective_from
    assert start is not None  # only the first row has no start
    if before is not None and start == before:
        problems.append(
            (
                f"{where}.from",
                f"与上一行的 from 相同（{before}）：两行不能同一天生效",
                f"the same from as the previous row ({before}): two rows cannot start on the same day",
            )
        )
    elif before is not None and start < before:
        problems.append(
            (
                f"{where}.from",
                f"各行应按 from 日期先后排列：本行早于上一行的 from（{before}）",
                f"rows must be in order of from: this row starts before the previous row's from ({before})",
            )
        )
    elif previous.effective_until is not None and previous.effective_until >= start:
        problems.append(
            (
                f"{previous_where}.until",
                f"与下一行重叠：until 应早于下一行的 from（{start}）",
                f"overlaps the next row: until must be before the next row's from ({start})",
            )
        )


def _check_until(rule: PeriodRule, where: str, problems: list[tuple[str, str, str]]) -> None:
    if rule.effective_until and rule.effective_from and rule.effective_until < rule.effective_from:
        problems.append(
            (f"{where}.until", "until 不得早于本行的 from", "until must not be before the row's from")
        )


def _gaps(rules: list[PeriodRule], rows_where: list[str]) -> list[tuple[str, str, str]]:
    """Warnings for the days after a row's ``until`` that no later row covers (the national
    rules apply there, see :meth:`PeriodTable.timeline`)."""
    order = sorted(range(len(rules)), key=lambda i: rules[i].effective_from or dt.date.min)
    notes: list[tuple[str, str, str]] = []
    for position, index in enumerate(order):
        rule = rules[index]
        end = rule.effective_until
        if end is None or (rule.effective_from is not None and end < rule.effective_from):
            continue
        first = end + _ONE_DAY
        following = rules[order[position + 1]].effective_from if position + 1 < len(order) else None
        if following is None:
            notes.append(
                (
                    f"{rows_where[index]}.until",
                    f"{first} 起本表未作规定，适用国家规定",
                    f"from {first} on the table sets no period: the national rules apply",
                )
            )
        elif following > first:
            last = following - _ONE_DAY
            notes.append(
                (
                    f"{rows_where[index]}.until",
                    f"{first} 至 {last} 本表未作规定，适用国家规定",
                    f"from {first} to {last} the table sets no period: the national rules apply",
                )
            )
    return notes


def _settle_minor(table: PeriodTable, implicit: set[int]) -> PeriodTable:
    """轻微 where a row does not name it: not published when the row is in force on or after
    2026-04-01 (NDRC order 36; the simple ``publication.period`` form is in force on every date),
    else as 一般 (order 58 and the 2019 notice knew no separate 轻微 class)."""
    for index, rule in enumerate(table.rules):
        if id(rule) not in implicit:
            continue
        end = table.rule_until(index)
        if end is None or end >= ORDER_36_FROM:
            table.rules[index] = replace(rule, by_severity={**rule.by_severity, "轻微": None})
    return table
