"""What the decision pages, feeds, downloads and search show: one small view per decision.

Views are built once from the publication result (``sunlight.domain.publication``: records
already masked, only publishable fields) and shared by every page kind, feed and download, so
each page is rendered from a small, flat object whose derived values (URL, slugs, month,
formatted amount) are computed once here rather than in every template.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import quote

from sunlight.domain.decision_kinds import KINDS
from sunlight.domain.publication_results import ORGANISATIONS, PublicDecision

from sunlight_site.render.slugs import decision_kind_slug, domain_slug

NO_DOMAIN = "其他"


class DecisionView(NamedTuple):
    """Immutable and built at C speed (a tuple: a frozen dataclass took half again as long per
    view); templates read it by attribute, the render keys hash its fields in order."""

    id: str
    doc_no: str
    kind: str
    procedure: str
    party_type: str
    party_name: str
    credit_code: str
    legal_rep: str
    facts: str
    basis: str
    content: str
    amount: Decimal | None
    office_id: str
    office_name: str
    power_code: str
    power_name: str
    domain: str
    decided_on: dt.date
    published_on: dt.date
    disclosure_until: dt.date | None
    severity: str
    repair_from: dt.date | None  # earliest credit-repair date
    updated_on: dt.date
    # Derived once here so that templates only read plain attributes.
    url: str
    kind_slug: str
    domain_slug: str
    month: str  # YYYY-MM of the decision date
    # Organisations' 行政处罚 decisions get the credit-repair notice (信用修复告知, 两书同达); no
    # credit-repair rule governs licences and the other kinds (``decision_kinds.KINDS``).
    credit_repair_notice: bool
    amount_text: str
    power_url: str
    id_param: str  # the record id as a URL query value (the forms' decision_id)


_plain = re.compile(r"[A-Za-z0-9._~-]+").fullmatch  # needs no percent-encoding in a URL query
_kind_slug = lru_cache(maxsize=None)(decision_kind_slug)
_domain_slug = lru_cache(maxsize=None)(domain_slug)


def view_of(p: PublicDecision) -> DecisionView:
    domain = p.domain or NO_DOMAIN
    amount = p.amount
    return DecisionView(  # positional, in field order: built once per decision on every build
        p.id,
        p.doc_no,
        p.kind,
        p.procedure or "一般程序",
        p.party_type,
        p.party_name,
        p.credit_code,
        p.legal_rep,
        p.facts,
        p.basis,
        p.content,
        amount,
        p.office,
        p.office_name or p.office,
        p.power_code,
        p.power_name,
        domain,
        p.decided_on,
        p.published_on,
        p.disclosure_until,
        p.severity or "一般",
        p.repair_from,
        p.published_on,  # updated_on
        f"/decisions/{p.id}/",
        _kind_slug(p.kind),
        _domain_slug(domain),
        p.decided_on.isoformat()[:7],
        p.party_type in ORGANISATIONS and KINDS[p.kind].credit_repair,
        "" if amount is None else f"{amount:,.2f}",
        f"/powers/{p.power_code}/" if p.power_name else "",
        p.id if _plain(p.id) else quote(p.id, safe=""),
    )


# Newest first: decision date, then id (a C-level key; the views are sorted on every build).
sort_key = operator.attrgetter("decided_on", "id")


def decision_views(public: Iterable[PublicDecision]) -> list[DecisionView]:
    """Views of the public decisions, newest first (decision date, then id)."""
    views = [view_of(p) for p in public]
    views.sort(key=sort_key, reverse=True)
    return views
