"""Who may see a complaint: ONE function, used by the staff views' permission check and by the stores,
which index a complaint under exactly these offices (``PutComplaint.offices``).

| office | sees the case | sees the reporter |
| --- | --- | --- |
| the handling office (承办) | yes | yes |
| the supervising office (监督, approves the extension) | yes | yes |
| the review office (复核) | yes | yes |
| the office a 督办 was escalated to | yes | no |
| the office complained about, or any office within it | never | never |

Who these offices are follows the routing and oversight rules (``sunlight.domain.routing``,
``sunlight.domain.oversight``): an external supervisor (kind ``external``) is one of them when the
complaint is about the bureau or its supervision office.
"""

from __future__ import annotations

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import Complaint


def named_offices(c: Complaint) -> frozenset[str]:
    """The offices a complaint names: handler, supervising office, reviewer, escalation target."""
    return frozenset({c.handling_office, c.supervising_office, c.review_office, c.escalated_to} - {""})


def visible_to(catalog: Catalog, c: Complaint) -> frozenset[str]:
    """The offices that may see ``c``: the offices it names (:func:`named_offices`) but never the office
    complained about nor any office within it (``Catalog.in_conflict``)."""
    return frozenset(o for o in named_offices(c) if not catalog.in_conflict(o, c.about_office))


def sees_reporter(catalog: Catalog, c: Complaint) -> frozenset[str]:
    """The offices that may also see who filed ``c``: the visible ones but the escalation target."""
    return visible_to(catalog, c) & {c.handling_office, c.supervising_office, c.review_office}


def may_see(catalog: Catalog, c: Complaint, office: str) -> bool:
    return office in visible_to(catalog, c)
