"""Disclosure periods (公示期限) of decisions, as a table of rules with effective dates.

Each :class:`PeriodRule` says, for decisions of each severity (失信程度: 轻微, 一般, 严重), the
minimum and maximum disclosure period in months counted from the decision date, or that such
decisions are not published at all (``None``). Credit repair (信用修复) may end the disclosure
once the minimum has run; at the end of the maximum the decision stops being shown.

Periods are counted by the Civil Code (民法典 arts. 201-203, see ``docs/decisions.md``): the
decision day is not counted, so N months from 2025-01-15 end at the end of 2025-04-15
(:func:`add_months`, clamped to the month's end); credit repair may end it from 2025-04-16.
A disclosure period is not extended when its last day is a holiday (art. 203's extension is
for the last day of a period to perform an act; a disclosure is a burden on the party).

The national rules (see ``docs/decisions.md`` for the sources):

========================  ==========  ==========  ==========  =====================================
rule                      轻微        一般        严重         notes
========================  ==========  ==========  ==========  =====================================
发改办财金〔2019〕527号     3 m – 1 y   3 m – 1 y   6 m – 3 y   first row: every decision before 2023-05-01
NDRC order 58 (2023)      3 m – 3 y   3 m – 3 y   3 m – 3 y   食品, 药品, 特种设备, 安全生产, 消防: ≥ 1 y
NDRC order 36 (2026)      not shown   3 m – 1 y   1 y – 3 y   from 2026-04-01; 轻微 ≤ 3 m if necessary
========================  ==========  ==========  ==========  =====================================

The periods apply to 行政处罚. Other decision kinds (行政许可, 行政强制...) are shown for
``other_kinds`` (by default 0 – 3 years), an agency setting rather than a national rule; they
are always published (国办发〔2018〕118号), so ``other_kinds`` cannot be ``不公示``.

An agency's table (:func:`sunlight.domain.period_rows.parse_period_table`) is read row by row: only the first row may leave
out ``from``, rows follow each other in order of ``from``, and a row's ``until`` must end before
the next row's ``from``. After a row's ``until``, until the next row starts (or for good, after
the last row), the national rules apply (:meth:`PeriodTable.timeline`), with a warning.

Which rule applies (``rule`` in ``agency.yaml: publication``):

- ``lenient`` (default, 从旧兼从轻): the rule in force on the decision date, unless a rule that
  came into force later (and is in force by the build date) is more lenient to the party: not
  shown at all, else the shorter maximum, else the shorter minimum;
- ``at_decision``: the rule in force on the decision date;
- ``current``: the rule in force on the build date.

An explicit ``disclosure_until`` in the feed wins over the table for the end date, within the
rule's maximum (beyond it: capped, and :attr:`Period.requested_until` keeps what was asked for,
so the caller can warn). A severity a rule does not publish (轻微 under order 36) is shown only
with an explicit ``disclosure_until``, for at most ``if_necessary_months`` (3: order 36 allows
up to 3 months where the authority deems it necessary), with no minimum period.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

SEVERITIES = ("轻微", "一般", "严重")
_ONE_DAY = dt.timedelta(days=1)
CREDIT_KIND = "行政处罚"  # the kind the credit-repair rules govern; others use ``other_kinds``
ORDER_36_FROM = dt.date(2026, 4, 1)  # 轻微 not published from this day (NDRC order 36)


@dataclass(frozen=True)
class Span:
    """Minimum and maximum disclosure period, in months from the decision date."""

    min_months: int
    max_months: int


@dataclass(frozen=True)
class PeriodRule:
    id: str
    source: str
    effective_from: dt.date | None  # None: applies to everything before the next rule
    by_severity: Mapping[str, Span | None]  # None: not published
    effective_until: dt.date | None = None  # inclusive; None: until the next rule
    special_domains: frozenset[str] = frozenset()
    special_min_months: int | None = None
    other_kinds: Span = Span(0, 36)
    if_necessary_months: int | None = 3  # an unpublished severity with an explicit end: at most this

    def span(self, kind: str, severity: str, domain: str = "") -> Span | None:
        if kind != CREDIT_KIND:
            return self.other_kinds
        span = self.by_severity.get(severity, self.by_severity.get("一般"))
        if span is not None and self.special_min_months and domain in self.special_domains:
            span = Span(max(span.min_months, self.special_min_months), span.max_months)
        return span


NATIONAL_RULES: tuple[PeriodRule, ...] = (
    PeriodRule(
        id="ndrc-2019-527",
        source="国家发展改革委办公厅《关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知》"
        "（发改办财金〔2019〕527号）",
        effective_from=None,
        by_severity={"轻微": Span(3, 12), "一般": Span(3, 12), "严重": Span(6, 36)},
    ),
    PeriodRule(
        id="ndrc-order-58",
        source="《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令第58号）",
        effective_from=dt.date(2023, 5, 1),
        by_severity={"轻微": Span(3, 36), "一般": Span(3, 36), "严重": Span(3, 36)},
        special_domains=frozenset({"食品", "药品", "特种设备", "安全生产", "消防"}),
        special_min_months=12,
    ),
    PeriodRule(
        id="ndrc-order-36",
        source="《信用修复管理办法》（国家发展改革委令第36号）",
        effective_from=dt.date(2026, 4, 1),
        by_severity={"轻微": None, "一般": Span(3, 12), "严重": Span(12, 36)},
    ),
)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (2025-01-31 + 1 -> 2025-02-28).

    Also the last day of a period of ``months`` months counted from ``day`` (民法典 arts. 201,
    202: the start day is not counted; the period ends on the corresponding day of the last
    month, or on that month's last day when it has none).
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Period:
    """The outcome for one decision on one build date."""

    rule: PeriodRule
    published: bool  # False: the rule says such decisions are not shown
    until: dt.date | None  # last day shown (inclusive); None when never shown
    repair_from: dt.date | None  # earliest credit-repair date (行政处罚 only)
    limit: dt.date | None = None  # the latest end an explicit disclosure_until may set
    requested_until: dt.date | None = None  # an explicit disclosure_until cut down to ``until``
    credit: bool = True  # False: a kind no credit-repair rule governs (行政许可, 行政强制...)

    def is_current(self, today: dt.date) -> bool:
        return self.published and self.until is not None and today <= self.until

    @property
    def ended_on(self) -> dt.date | None:
        """The first day the decision is no longer shown."""
        return self.until + _ONE_DAY if self.until else None


@dataclass
class PeriodTable:
    rules: list[PeriodRule] = field(default_factory=lambda: list(NATIONAL_RULES))
    # Where no rule of ``rules`` is in force (after a row's ``until``): the national rules.
    fallback: tuple[PeriodRule, ...] = NATIONAL_RULES

    def __post_init__(self) -> None:
        self.rules.sort(key=lambda r: r.effective_from or dt.date.min)

    def rule_until(self, index: int) -> dt.date | None:
        rule = self.rules[index]
        if rule.effective_until:
            return rule.effective_until
        if index + 1 < len(self.rules):
            start = self.rules[index + 1].effective_from
            return start - _ONE_DAY if start else None
        return None

    def timeline(self) -> list[PeriodRule]:
        """The rules in date order, with the fallback rules, cut to fit, after a rule's ``until``
        up to the next rule's start (or for good after the last rule)."""
        line: list[PeriodRule] = []
        for index, rule in enumerate(self.rules):
            line.append(rule)
            end = rule.effective_until
            if end is None or (rule.effective_from is not None and end < rule.effective_from):
                continue  # no end, or an end before the start (reported by the parser)
            following = self.rules[index + 1].effective_from if index + 1 < len(self.rules) else None
            if index + 1 < len(self.rules) and (following is None or following <= end + _ONE_DAY):
                continue  # the next rule starts the next day (or earlier: reported as an overlap)
            line.extend(self._fallback(end + _ONE_DAY, following))
        return line

    def _fallback(self, start: dt.date, stop: dt.date | None) -> list[PeriodRule]:
        """The fallback rules in force from ``start`` up to the day before ``stop``, cut to fit."""
        national = PeriodTable(list(self.fallback), fallback=())
        out: list[PeriodRule] = []
        for index, rule in enumerate(national.rules):
            begins = rule.effective_from or dt.date.min
            ends = national.rule_until(index)
            if (ends is not None and ends < start) or (stop is not None and begins >= stop):
                continue
            last = stop - _ONE_DAY if stop is not None else None
            if ends is not None and (last is None or ends < last):
                last = ends
            out.append(replace(rule, effective_from=max(begins, start), effective_until=last))
        return out

    @staticmethod
    def _index_in_force(line: list[PeriodRule], day: dt.date) -> int:
        chosen = 0
        for index, rule in enumerate(line):
            if rule.effective_from is None or rule.effective_from <= day:
                chosen = index
        return chosen

    def in_force(self, day: dt.date) -> PeriodRule:
        """The rule in force on ``day`` (the first rule for days before every rule; a fallback
        rule for days after a rule's ``until`` that no later rule covers)."""
        line = self.timeline()
        return line[self._index_in_force(line, day)]

    def candidates(self, decided_on: dt.date, today: dt.date) -> list[PeriodRule]:
        """The rule in force on the decision date and every later one in force by ``today``."""
        line = self.timeline()
        start = self._index_in_force(line, decided_on)
        later = [r for r in line[start + 1 :] if r.effective_from and r.effective_from <= today]
        return [line[start], *later]

    def period(
        self,
        *,
        kind: str,
        severity: str,
        decided_on: dt.date,
        today: dt.date,
        domain: str = "",
        rule: str = "lenient",
        disclosure_until: dt.date | None = None,
    ) -> Period:
        if rule == "at_decision":
            options = [self.in_force(decided_on)]
        elif rule == "current":
            options = [self.in_force(today)]
        else:
            options = self.candidates(decided_on, today)
        outcomes = [self._outcome(r, kind, severity, domain, decided_on) for r in options]
        best = min(outcomes, key=_leniency)
        if disclosure_until is None or best.limit is None:
            return best
        until = min(disclosure_until, best.limit)
        repair = best.repair_from
        if not best.published and best.credit:
            repair = decided_on + _ONE_DAY  # no minimum: repair once the obligations are met
        requested = disclosure_until if disclosure_until > best.limit else None
        return Period(best.rule, True, until, repair, best.limit, requested, best.credit)

    @staticmethod
    def _outcome(rule: PeriodRule, kind: str, severity: str, domain: str, decided_on: dt.date) -> Period:
        span = rule.span(kind, severity, domain)
        credit = kind == CREDIT_KIND
        start = rule.effective_from
        if span is None:
            # Not shown under this rule: a decision made before it stopped being shown when it
            # came into force; one made under it is never shown, unless the feed gives an end
            # (then for at most ``if_necessary_months``).
            months = rule.if_necessary_months
            limit = add_months(decided_on, months) if months is not None else None
            if start and decided_on < start:
                shown = start - _ONE_DAY
                return Period(rule, True, shown, None, max(shown, limit or shown), None, credit)
            return Period(rule, False, None, None, limit, None, credit)
        until = add_months(decided_on, span.max_months)  # the last day (民法典 arts. 201, 202)
        if start and decided_on < start:
            # A later, more lenient rule ends the disclosure no earlier than its own start.
            until = max(until, start - _ONE_DAY)
        # Credit repair may end the disclosure the day after the minimum period's last day.
        repair = add_months(decided_on, span.min_months) + _ONE_DAY if credit else None
        until = max(until, decided_on)
        return Period(rule, True, until, repair, until, None, credit)


def _leniency(period: Period) -> tuple[int, dt.date, dt.date]:
    if not period.published:
        return (0, dt.date.min, dt.date.min)
    return (1, period.until or dt.date.min, period.repair_from or dt.date.min)
