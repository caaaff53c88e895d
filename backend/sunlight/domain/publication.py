"""Publication policy: which decisions are public on a build date, and in what form.

``publish(decisions, offices=..., powers=..., policy=..., calendar=..., today=...)`` sorts
every loaded decision into exactly one of:

- ``public``: shown on build date ``today``, as a :class:`PublicDecision` holding only
  publishable fields (natural persons masked as surname + 某, ``id_number`` and
  ``status_reason`` dropped);
- ``withdrawn``: once public, no longer: revoked (撤销), changed (变更), credit repaired
  (信用修复) or past its disclosure period (公示期满). Its permalink keeps a
  :class:`WithdrawalNotice`: id, reason, date, decision kind, 文书号, office, decision date,
  the takedown date when known (``sunlight.domain.withdrawals``) and, for 变更, the id of the
  decision that replaces it. Never the party, the facts, the content,
  the amount or the free-text ``status_reason`` (which may name people);
- ``held``: would be public, but one of its texts contains a personal number (ID, phone, bank
  card or account; every text field of the :class:`PublicDecision` is screened, see
  ``sunlight.domain.pii``) or what looks like the name of a person other than the party (a
  witness, an employee: found by a :data:`~sunlight.domain.person_names.NameFinder`), or the
  party's full name inside a longer word that masking left alone: not published, reported as
  a :class:`~sunlight.domain.problems.Problem` naming file, row, field, id and, for numbers,
  the kind and the label seen before it, with the number or name masked. A withdrawal notice
  whose texts (文书号, id, office) hold a personal number is held back the same way: no
  notice page;
- ``omitted``: not published by policy, with no page: natural persons when the policy is
  ``omit``, 简易程序 decisions unless the policy says ``publish``, minors when configured,
  轻微 decisions under a rule that does not publish them, decisions not yet due to appear
  (published or decided after ``today``), and decisions withdrawn before they were published.

It also gives the publication deadline of every published decision, ``late`` reports for
those published after it, and ``warnings`` (calendar years counted Monday-Friday, period
table problems, credit repair before the minimum period).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.disclosure_deadlines import Timing, WorkdayIndex, deadline_days
from sunlight.domain.period_rows import parse_period_table
from sunlight.domain.periods import Period
from sunlight.domain.person_names import NameFinder, default_finder
from sunlight.domain.pii import Hit, scan_fields
from sunlight.domain.problems import Problem
from sunlight.domain.publication_form import masked_persons, name_problems, problem_at, public_form
from sunlight.domain.publication_results import (
    LateReport,
    Omitted,
    PublicationResult,
    PublicDecision,
    WithdrawalNotice,
)

if TYPE_CHECKING:  # the content records are plain dataclasses; nothing is imported at run time
    from sunlight.content.model import Decision, Office, Power, Publication

WITHDRAWAL_REASONS = ("撤销", "变更", "信用修复", "公示期满")
OMISSION_REASONS = {
    "natural_person": ("自然人决定按本机关政策不公开", "decisions on natural persons are not published"),
    "simple_procedure": ("简易程序决定按本机关政策不公开", "simple-procedure decisions are not published"),
    "minor": ("涉及未成年人的决定不公开", "decisions on minors are not published"),
    "not_published_by_rule": ("按公示期限规则不予公示", "the disclosure rule does not publish it"),
    "not_yet": ("尚未到公示日期", "not yet due to be published"),
    "withdrawn_before_publication": ("公示前已撤销或变更", "withdrawn before it was published"),
}
_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
# Every text field of a PublicDecision is screened: the record's own (``supersedes`` joined),
# and those from the configuration or a short list of values, screened once per distinct set.
RECORD_FIELDS = ("id", "doc_no", "party_name", "credit_code", "legal_rep", "facts", "basis", "content")
SHARED_FIELDS = (
    "kind", "procedure", "party_type", "office", "office_name", "power_code", "power_name", "domain",
    "severity", "period_rule", "period_source",
)  # fmt: skip
SCANNED_FIELDS = (*RECORD_FIELDS, "supersedes", *SHARED_FIELDS)
NOTICE_FIELDS = ("id", "doc_no", "kind", "office", "office_name", "superseded_by")
_record_texts = operator.attrgetter(*RECORD_FIELDS)
_shared_texts = operator.attrgetter(*SHARED_FIELDS)
_notice_texts = operator.attrgetter(*NOTICE_FIELDS)
_RECORD_NAMES = (*RECORD_FIELDS, "supersedes")


@lru_cache(maxsize=4096)
def _screen_shared(texts: tuple[str, ...]) -> list[tuple[str, Hit]]:
    return scan_fields(SHARED_FIELDS, texts)


def publish(
    decisions: Iterable[Decision],
    *,
    offices: Iterable[Office],
    powers: Iterable[Power],
    policy: Publication,
    calendar: WorkingCalendar,
    today: dt.date,
    names: NameFinder | None = None,
) -> PublicationResult:
    """Apply the publication policy on build date ``today`` (see the module docstring).

    ``names`` finds person names in free text (default: jieba's tagger, see person_names)."""
    items = list(decisions)
    publisher = Publisher(
        items, offices=offices, powers=powers, policy=policy, calendar=calendar, today=today, names=names
    )
    publisher.add(items)
    return publisher.finish()


class Publisher:
    """``publish`` in steps, for a build that starts on the public decisions before all are known.

    Made with every decision (changed decisions name their successors across the whole feed);
    ``add(chunk)`` applies the policy to some of them and returns the chunk's public ones, in
    chunk order; ``finish()`` sorts and completes the result. ``publish`` = one ``add`` of all.
    """

    def __init__(
        self,
        decisions: Iterable[Decision],
        *,
        offices: Iterable[Office],
        powers: Iterable[Power],
        policy: Publication,
        calendar: WorkingCalendar,
        today: dt.date,
        names: NameFinder | None = None,
    ) -> None:
        self.names = names or default_finder()
        self.office_names = {o.id: o.name for o in offices}
        self.powers = {p.code: p for p in powers}
        self.policy, self.calendar, self.today = policy, calendar, today
        self.result = PublicationResult()
        table, _ = parse_period_table(policy.periods)  # its problems are reported by the loader
        rule = policy.rule

        # Many decisions share a day, kind, severity and domain: one lookup each (positional
        # arguments: the cheapest cache key).
        @cache
        def period_of(
            kind: str, severity: str, decided_on: dt.date, domain: str, until: dt.date | None
        ) -> Period:
            return table.period(
                kind=kind,
                severity=severity,
                decided_on=decided_on,
                today=today,
                domain=domain,
                rule=rule,
                disclosure_until=until,
            )

        index = WorkdayIndex(calendar)
        self.period_of = period_of
        self.deadline_of = cache(index.add)  # (decision day, working days allowed)
        self.working_days = cache(index.between)  # (decision day, publication day)
        self.successors: dict[str, list[str]] = {}
        for d in decisions:
            if d.status == "变更" and d.superseded_by:
                self.successors.setdefault(d.superseded_by, []).append(d.id)

    def add(self, decisions: Iterable[Decision]) -> list[PublicDecision]:
        public = self.result.public
        start = len(public)
        for d in decisions:
            if d.decided_on is None:
                continue  # the loader has reported it
            _one(d, self)
        return public[start:]

    def finish(self) -> PublicationResult:
        result = self.result
        public_ids = {p.id for p in result.public}
        result.withdrawn = [
            n if not n.superseded_by or n.superseded_by in public_ids else replace(n, superseded_by="")
            for n in sorted(result.withdrawn, key=lambda n: n.id)
        ]
        result.public.sort(key=lambda p: (p.published_on, p.decided_on, p.id), reverse=True)
        result.late.sort(key=lambda r: (r.office, r.decided_on, r.id))
        for zh, en in self.calendar.fallback_warnings():
            result.warnings.append(Problem(zh, en, file="calendar.yaml", severity="warning"))
        return result

    def timing(self, d: Decision, published_on: dt.date) -> Timing:
        assert d.decided_on is not None
        allowed = deadline_days(d.kind, self.policy.deadline_working_days)
        return Timing(
            d.id,
            d.office,
            d.decided_on,
            published_on,
            self.deadline_of(d.decided_on, allowed),
            allowed,
            self.working_days(d.decided_on, published_on),
        )


def _one(d: Decision, p: Publisher) -> None:
    assert d.decided_on is not None
    result, policy, today = p.result, p.policy, p.today
    natural = d.party_type == "自然人"
    if natural and policy.natural_persons == "omit":
        return _omit(result, d, "natural_person")
    if d.procedure == "简易程序" and policy.simple_procedure != "publish":
        return _omit(result, d, "simple_procedure")
    if policy.omit_minors and (d.minor or _is_minor(d.id_number, d.decided_on)):
        return _omit(result, d, "minor")
    if d.decided_on > today or (d.published_on is not None and d.published_on > today):
        return _omit(result, d, "not_yet")
    power = p.powers.get(d.power_code)
    domain = power.domain if power else d.domain
    period = p.period_of(d.kind, d.severity, d.decided_on, domain, d.disclosure_until)
    if not period.published:
        return _omit(result, d, "not_published_by_rule")
    if period.requested_until is not None:
        result.warnings.append(_capped(d, period))
    ended = period.ended_on
    reason, on = _withdrawal(d, ended, today)
    if reason:
        assert on is not None
        if d.published_on is not None and on <= d.published_on:
            return _omit(result, d, "withdrawn_before_publication")
        notice = WithdrawalNotice(
            id=d.id,
            reason=reason,
            on=on,
            kind=d.kind,
            doc_no=d.doc_no,
            office=d.office,
            office_name=p.office_names.get(d.office, d.office),
            decided_on=d.decided_on,
            superseded_by=d.superseded_by if reason == "变更" else "",
            period_until=period.until if reason == "公示期满" else None,
            withdrawn_on=d.withdrawn_on,
        )
        hits = scan_fields(NOTICE_FIELDS, _notice_texts(notice))
        if hits:  # nothing of the record is shown: no notice page, no compliance line
            return _hold(result, d, hits, ("撤下公告暂不发布", "withdrawal notice held back"))
        result.withdrawn.append(notice)
        if d.status == "信用修复" and period.repair_from and d.status_on and d.status_on < period.repair_from:
            result.warnings.append(
                problem_at(
                    d,
                    "status_on",
                    f"信用修复日期早于最短公示期届满日（{period.repair_from}）",
                    f"credit repair before the minimum disclosure period ends ({period.repair_from})",
                    "warning",
                )
            )
        if d.published_on is not None:
            _record(result, p.timing(d, d.published_on))
        return None
    published_on = d.published_on or today
    timing = p.timing(d, published_on)
    persons = masked_persons(d, natural)
    public = public_form(d, period, p.office_names, power, p.successors, natural, timing, persons)
    hits = scan_fields(_RECORD_NAMES, (*_record_texts(public), " ".join(public.supersedes)))
    hits += _screen_shared(_shared_texts(public))
    _hold(result, d, hits, ("该记录暂不公开", "record held back"))
    names = name_problems(d, public, persons, p.names)
    result.held.extend(names)
    if hits or names:
        return None
    _record(result, timing)
    result.public.append(public)
    return None


def _withdrawal(d: Decision, ended: dt.date | None, today: dt.date) -> tuple[str, dt.date | None]:
    """The reason and date the decision stopped being public, or ("", None) while it is."""
    status_on = d.status_on if d.status != "有效" else None
    if status_on is not None and status_on <= today and (ended is None or status_on < ended):
        return d.status, status_on
    if ended is not None and ended <= today:
        return "公示期满", ended
    return "", None


def _record(result: PublicationResult, timing: Timing) -> None:
    result.timings.append(timing)
    if not timing.on_time:
        result.late.append(
            LateReport(
                id=timing.id,
                office=timing.office,
                decided_on=timing.decided_on,
                published_on=timing.published_on,
                deadline=timing.deadline,
                working_days=timing.working_days,
                allowed_days=timing.allowed_days,
                late_by=timing.late_by,
                deadline_note=_deadline_note(timing.deadline),
            )
        )


def _deadline_note(deadline: dt.date) -> str:
    """A deadline on a weekend is a make-up working day (调休): say so (it is easily missed)."""
    if deadline.weekday() < 5:
        return ""
    return f"时限最后一日为调休工作日（{_WEEKDAYS[deadline.weekday()]}）"


def _capped(d: Decision, period: Period) -> Problem:
    """An explicit ``disclosure_until`` beyond what the rule allows, cut to its maximum."""
    cap, asked, rule = period.until, period.requested_until, period.rule
    zh_why, en_why = "", ""
    if rule.by_severity.get(d.severity, True) is None:  # e.g. 轻微 under order 36
        months = rule.if_necessary_months
        zh_why = f"（{d.severity}失信信息原则上不予公示，确有必要公示的不超过{months}个月）"
        en_why = f" ({d.severity} cases are not published, or for at most {months} months where necessary)"
    return problem_at(
        d,
        "disclosure_until",
        f"公示截止日期{asked}超过公示期限规则{rule.id}允许的最长期限{zh_why}，已按{cap}截止",
        f"disclosure_until {asked} is beyond the maximum of period rule {rule.id}{en_why}: shown until {cap}",
        "warning",
        str(asked),
    )


def _hold(result: PublicationResult, d: Decision, hits: list[tuple[str, Hit]], what: tuple[str, str]) -> None:
    """Report every hit: the field, the kind of number, the label seen, the number masked."""
    for name, hit in hits:
        zh, en = hit.reason
        result.held.append(problem_at(d, name, f"{zh}，{what[0]}", f"{en}; {what[1]}", "error", hit.masked))


def _omit(result: PublicationResult, d: Decision, reason: str) -> None:
    result.omitted.append(Omitted(d.id, reason))


def _is_minor(id_number: str, on: dt.date) -> bool:
    """True when an 18-character ID number shows the party under 18 on ``on``."""
    text = id_number.strip()
    if len(text) != 18 or not text[:17].isdigit():
        return False
    try:
        born = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    return (on.year - born.year - ((on.month, on.day) < (born.month, born.day))) < 18
