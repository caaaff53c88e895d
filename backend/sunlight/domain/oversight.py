"""Independent oversight: no office approves its own extension, reviews its own answer, or is chased
(催办) or escalated to (督办) over its own work.

Each function returns the office that may act, or "" when no independent office is left (then the
action is refused with ``NO_INDEPENDENT_OFFICE`` and the timer event is not sent to anyone).
``oversight_gaps`` lists the complaints for which that happens, for ``sunlight check``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import Complaint
from sunlight.domain.errors import Conflict
from sunlight.domain.routing import overseer_of, route


def no_independent_office(what_zh: str, what_en: str) -> Conflict:
    """The error of an action that only an independent office may take, when there is none."""
    return Conflict(
        f"本投诉没有独立于承办单位的监督单位,不能{what_zh}(任何单位不得监督自己)",
        f"no office independent of the handling office may {what_en} (no office oversees itself)",
        "action",
    )


def _independent(office: str, *acting: str) -> str:
    return office if office and office not in acting else ""


def extension_approver(c: Complaint) -> str:
    """The office that may approve an extension: the supervising office, never the handler itself."""
    return _independent(c.supervising_office, c.handling_office)


def review_office_for(catalog: Catalog, c: Complaint) -> str:
    """The office that reviews (复核) the handler's answer: the supervising office, else whoever oversees
    the handler now; never the handler itself nor the office complained about."""
    supervising = _independent(c.supervising_office, c.handling_office)
    if supervising:
        return supervising
    return _independent(overseer_of(catalog, c.handling_office, excluded=c.about_office), c.handling_office)


def chase_office(catalog: Catalog, c: Complaint, acting: str) -> str:
    """The office that receives the 催办 when ``acting`` (the handler or the reviewer) is late: the
    supervising office, else whoever oversees ``acting``; never ``acting`` nor the handler."""
    candidates = [c.supervising_office] if acting == c.handling_office else []
    candidates += [overseer_of(catalog, acting, excluded=c.about_office), c.supervising_office]
    candidates += _outside(catalog, acting)
    return next((o for o in candidates if _independent(o, acting, c.handling_office)), "")


def escalation_office(catalog: Catalog, c: Complaint, acting: str) -> str:
    """The office a 督办 goes to: the bureau, unless the complaint is about the bureau or the bureau is
    the one late; then whoever oversees the supervising office; never ``acting`` nor the handler, and
    never an office of the agency over an external one."""
    about = c.about_office
    bureau = catalog.bureau()
    candidates = []
    if bureau is not None and not catalog.in_conflict(bureau.id, about) and not catalog.is_external(acting):
        candidates.append(bureau.id)
    candidates += [overseer_of(catalog, c.supervising_office, excluded=about), c.supervising_office]
    candidates += _outside(catalog, acting)
    return next((o for o in candidates if _independent(o, acting, c.handling_office)), "")


def _outside(catalog: Catalog, acting: str) -> list[str]:
    """The last resort over a late office inside the agency: the supervisors outside it (the
    district 司法局's 行政执法监督), when every office inside is the late one or the handler."""
    if catalog.is_external(acting):
        return []
    return [o.id for o in catalog.external_offices()]


@dataclass(frozen=True)
class Gap:
    """A complaint (about ``about``, of ``category``) whose handler inside the agency has no independent
    office above it: nobody may approve its extension or review its answer."""

    about: str
    category: str
    handler: str


def oversight_gaps(catalog: Catalog) -> list[Gap]:
    """Every (office complained about, category) whose routed handler, inside the agency, has no
    independent supervisor. External handlers are overseen outside the system and are not gaps."""
    gaps: list[Gap] = []
    abouts = ["", *(o.id for o in catalog.offices.values() if not o.is_external)]
    for about in abouts:
        for category in catalog.categories:
            r = route(catalog, category=category, office=about)
            if catalog.is_external(r.handler):
                continue
            if not _independent(r.supervising, r.handler):
                gaps.append(Gap(about=about, category=category, handler=r.handler))
    return gaps
