"""Routing: which office handles a complaint and which office supervises it.

1. The ordered rules of ``complaints.yaml``: the first rule whose every given key matches
   (category, power_code, office complained about, street) names the handler. No rule
   matching: the office with the ``complaints_intake`` role, else the bureau.
2. The conflict rule: the office complained about (or an office below it) never handles the
   complaint, never sees it and never learns who complained. It goes to the first of
   (``conflict_chain``): the nearest ancestor with the ``supervision`` role, the designated
   supervision office, the agency's supervision offices, an ``external`` office, then the
   parent and the ancestors above it. A complaint about the bureau as a whole, or about an
   office with the ``supervision`` role, goes to an ``external`` office whatever the rules
   say, when the catalog has one: nobody inside the agency is independent of them.
3. The supervising office of a complaint (it receives 催办, approves an extension and handles
   a review) is found from the handler (``oversight_chain``): the nearest supervising ancestor,
   the designated office, the agency's supervision offices, the parent and the ancestors above
   it, and only then an ``external`` office; never the office complained about nor the handler
   itself. An external handler is overseen only by another external office.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sunlight.domain.catalog import SUPERVISION, Catalog, OfficeInfo
from sunlight.domain.errors import Invalid
from sunlight.domain.problems import Problem


@dataclass(frozen=True)
class Route:
    handler: str
    supervising: str
    rule: int | None  # 1-based index of the matching rule; None for the default
    conflict: bool  # True when the conflict rule moved the complaint away from the rule's handler


def _first_allowed(
    candidates: Iterable[OfficeInfo | None], catalog: Catalog, excluded: str, skip: str = ""
) -> str:
    for office in candidates:
        if office is None or office.id == skip:
            continue
        if catalog.in_conflict(office.id, excluded):
            continue
        return office.id
    return ""


def conflict_chain(catalog: Catalog, about: str) -> list[OfficeInfo | None]:
    """Candidates to take a complaint about ``about`` away from it, best first."""
    ancestors = list(catalog.ancestors(about))
    designated = catalog.settings.designated_supervision
    outward = catalog.external_offices() if goes_outside(catalog, about) else []
    return [
        *outward,
        *(a for a in ancestors if SUPERVISION in a.roles),
        catalog.office(designated) if designated else None,
        *catalog.supervision_offices(),
        *catalog.external_offices(),
        *ancestors,
        catalog.bureau(),
    ]


def oversight_chain(catalog: Catalog, office_id: str) -> list[OfficeInfo | None]:
    """Candidates to oversee ``office_id``'s handling of a complaint, best first."""
    if catalog.is_external(office_id):
        return [*catalog.external_offices()]
    ancestors = list(catalog.ancestors(office_id))
    designated = catalog.settings.designated_supervision
    return [
        *(a for a in ancestors if SUPERVISION in a.roles),
        catalog.office(designated) if designated else None,
        *catalog.supervision_offices(),
        *ancestors,
        catalog.bureau(),
        *catalog.external_offices(),
    ]


def goes_outside(catalog: Catalog, about: str) -> bool:
    """A complaint about the bureau as a whole or about one of its supervision offices goes to an
    external office when there is one."""
    office = catalog.office(about)
    if office is None or office.is_external or not catalog.external_offices():
        return False
    bureau = catalog.bureau()
    return (bureau is not None and office.id == bureau.id) or SUPERVISION in office.roles


def overseer_of(catalog: Catalog, office_id: str, excluded: str = "") -> str:
    """The office that oversees ``office_id`` (never ``office_id`` itself nor anything within
    ``excluded``); "" when there is none."""
    return _first_allowed(oversight_chain(catalog, office_id), catalog, excluded, skip=office_id)


def taker_of(catalog: Catalog, about: str) -> str:
    """The office that takes a complaint about ``about`` under the conflict rule ("" for none)."""
    return _first_allowed(conflict_chain(catalog, about), catalog, about, skip=about)


def default_handler(catalog: Catalog) -> str:
    for office in catalog.offices.values():
        if "complaints_intake" in office.roles:
            return office.id
    bureau = catalog.bureau()
    return bureau.id if bureau else ""


def route(
    catalog: Catalog, *, category: str, power_code: str = "", office: str = "", street: str = ""
) -> Route:
    facts = {"category": category, "power_code": power_code, "office": office, "street": street}
    handler, rule_no = "", None
    for n, rule in enumerate(catalog.routing, start=1):
        if rule.matches(facts):
            handler, rule_no = rule.handler, n
            break
    if not handler:
        handler = default_handler(catalog)
    conflict = False
    outside = goes_outside(catalog, office) and not catalog.is_external(handler)
    if outside or catalog.in_conflict(handler, office):
        conflict = True
        handler = taker_of(catalog, office)
    if not handler:
        raise Invalid(
            [
                Problem(
                    "找不到可受理该投诉的单位",
                    "no office may handle a complaint about this office",
                    field="office",
                    value=office,
                )
            ]
        )
    supervising = overseer_of(catalog, handler, excluded=office) or handler
    return Route(handler=handler, supervising=supervising, rule=rule_no, conflict=conflict)


def transfer_target_problem(catalog: Catalog, to_office: str, current: str, about: str) -> Problem | None:
    """Why a transfer to ``to_office`` is not allowed, or None."""
    if to_office not in catalog.offices:
        return Problem("转办单位不存在", "unknown office", field="to_office", value=to_office)
    if to_office == current:
        return Problem("不能转办给本单位", "the complaint is already with this office", field="to_office")
    if catalog.in_conflict(to_office, about):
        return Problem("不能转办给被投诉单位", "never to the office complained about", field="to_office")
    if goes_outside(catalog, about) and not catalog.is_external(to_office):
        return Problem(
            "对本局或其监督机构的投诉须由外部监督机构办理",
            "a complaint about the bureau or its supervision office stays with an external office",
            field="to_office",
            value=to_office,
        )
    return None
