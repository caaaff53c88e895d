"""The public form of one decision (``sunlight.domain.publication``): its natural persons masked,
then the held-back reports for any person's name the masking could not account for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sunlight.domain.disclosure_deadlines import Timing
from sunlight.domain.masking import mask_in_text, mask_name, unmasked
from sunlight.domain.periods import Period
from sunlight.domain.person_names import NameFinder, sole_trader_person
from sunlight.domain.problems import Problem
from sunlight.domain.publication_results import PublicDecision

if TYPE_CHECKING:  # the content records are plain dataclasses; nothing is imported at run time
    from sunlight.content.model import Decision, Power

# Kinds no credit-repair rule governs (行政许可, 行政强制...): shown for the agency's own period.
OTHER_KINDS_RULE = "other-kinds"
OTHER_KINDS_SOURCE = "本机关公示政策（行政处罚以外的决定，无国家规定的公示期限）"


def public_form(
    d: Decision,
    period: Period,
    office_names: dict[str, str],
    power: Power | None,
    successors: dict[str, list[str]],
    natural: bool,
    timing: Timing,
    persons: tuple[str, ...],
) -> PublicDecision:
    assert d.decided_on is not None and period.until is not None
    name, legal_rep = d.party_name, d.legal_rep
    texts = {"facts": d.facts, "basis": d.basis, "content": d.content}
    if natural:
        name, legal_rep = mask_name(name), ""
    elif persons:  # a 个体工商户: its operator, and the name it is registered under if a person's
        for person in persons:
            name = name.replace(person, mask_name(person))  # 张三（个体工商户）, 李四水果店
        texts = {k: v.replace(d.party_name, name) for k, v in texts.items()}
        legal_rep = mask_name(legal_rep)
    for person in persons:
        texts = {k: mask_in_text(v, person) for k, v in texts.items()}
    return PublicDecision(  # positional, in field order: one per published decision on every build
        d.id,
        d.doc_no,
        d.kind,
        d.procedure,
        d.party_type,
        name,
        "" if natural else d.credit_code,
        legal_rep,
        texts["facts"],
        texts["basis"],
        texts["content"],
        d.amount,
        d.office,
        office_names.get(d.office, d.office),
        d.power_code,
        power.name if power else "",
        power.domain if power else d.domain,
        d.decided_on,
        timing.published_on,
        d.severity,
        period.until,
        period.repair_from,
        period.rule.id if period.credit else OTHER_KINDS_RULE,
        period.rule.source if period.credit else OTHER_KINDS_SOURCE,
        timing.deadline,
        timing.late_by,
        tuple(sorted(successors[d.id])) if d.id in successors else (),
    )


def masked_persons(d: Decision, natural: bool) -> tuple[str, ...]:
    """The natural persons' names a published record masks: a 自然人 party; for a 个体工商户 its
    operator (``legal_rep``, 经营者: a natural person, not an organisation's 法定代表人) and the
    name it is registered under when that is a person's name (张三（个体工商户）)."""
    if natural:
        return (d.party_name.strip(),)
    if d.party_type != "个体工商户":
        return ()
    named = sole_trader_person(d.party_name, d.legal_rep)
    operator = d.legal_rep.strip()
    found = [n for n in (named, operator) if n]
    return tuple(sorted(set(found), key=len, reverse=True))  # 张三丰 before 张三


def name_problems(
    d: Decision, public: PublicDecision, persons: tuple[str, ...], finder: NameFinder
) -> list[Problem]:
    """Held-back reports: the party's full name left in a longer word, or another person's name."""
    problems: list[Problem] = []
    allowed = {d.legal_rep.strip()} if not persons else set()  # an organisation's 法定代表人 is published
    for field_name in ("party_name", "facts", "basis", "content"):
        text = getattr(public, field_name)
        for person in persons:
            if unmasked(text, person):
                problems.append(
                    problem_at(
                        d,
                        field_name,
                        "含当事人姓名但无法确定其边界（可能是他人姓名），该记录暂不公开",
                        "contains the party's name inside a longer word (perhaps another person's name); "
                        "record held back",
                        "error",
                        mask_name(person),
                    )
                )
        if field_name == "party_name" or not text:
            continue
        for other in finder(text.replace(public.party_name, "当事人") if public.party_name else text):
            if other not in allowed:
                problems.append(
                    problem_at(
                        d,
                        field_name,
                        "含疑似他人姓名，该记录暂不公开",
                        "contains what looks like another person's name; record held back",
                        "error",
                        mask_name(other),
                    )
                )
    return problems


def problem_at(d: Decision, field_name: str, zh: str, en: str, severity: str, value: str = "") -> Problem:
    """A report about ``field_name`` of ``d``, naming its file, line and id."""
    return Problem(
        zh, en, file=d.source, line=d.line, field=field_name, value=value, record_id=d.id, severity=severity
    )
