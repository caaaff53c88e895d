"""``build_catalog``: what the build hands the backend as ``data/catalog.json`` (version 1).

The schema is documented in ``docs/architecture.md``; the backend never reads ``content/``
itself. Nothing personal goes in: offices, powers, complaint categories, routing, settings,
calendar overrides and the ids of the decisions public on the build date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sunlight.content.complaints import MATCH_KEYS
from sunlight.content.model import ComplaintCategory, Content
from sunlight.content.references import all_streets

CATALOG_VERSION = 1


def _category(category: ComplaintCategory) -> dict[str, Any]:
    return {
        "id": category.id,
        "name": category.name,
        "accept_days": category.accept_days,
        "respond_days": category.respond_days,
        "remind_before_days": category.remind_before_days,
    }


def _personnel(content: Content) -> list[dict[str, Any]]:
    return [
        {
            "cert_no": p.cert_no,
            "name": p.name,
            "office": p.office,
            "area": p.area,
            "status": p.status,
            "valid_until": p.valid_until.isoformat() if p.valid_until else None,
        }
        for p in content.personnel
    ]


def _case_files(content: Content) -> list[dict[str, Any]]:
    return [
        {"id": d.id, "office": d.office, "decided_on": d.decided_on.isoformat()}
        for d in sorted(content.decisions, key=lambda d: d.id)
        if d.id and d.office and d.decided_on
    ]


def build_catalog(
    content: Content,
    today: dt.date,
    public_decision_ids: Iterable[str],
    *,
    private: bool = False,
    doc_nos: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The catalog dict, ready for ``json.dump`` (lists in content order, dates as ISO strings).

    The public catalog (``/data/catalog.json``) leaves out each office's ``webhook``: webhook URLs
    often carry a secret token. ``private=True`` keeps them, for the backend's own copy, which the
    build writes outside the web root (``--backend-catalog``).
    """
    agency = content.agency
    complaints = content.complaints
    return {
        "version": CATALOG_VERSION,
        "generated_on": today.isoformat(),
        "agency": {
            "name": agency.name,
            "short_name": agency.short_name,
            "site_url": agency.site_url,
            "region": agency.region,
            "phone": agency.phone,
            "email": agency.email,
        },
        "offices": [
            {
                "id": o.id,
                "name": o.name,
                "kind": o.kind,
                "parent": o.parent,
                "streets": list(o.streets),
                "roles": list(o.roles),
                "phone": o.phone,
                "email": o.email,
                **({"webhook": o.webhook} if private else {}),
            }
            for o in content.offices
        ],
        "streets": all_streets(content.offices),
        "powers": [
            {
                "code": p.code,
                "name": p.name,
                "type": p.type,
                "domain": p.domain,
                "office": p.office,
                "status": p.status,
            }
            for p in content.powers
        ],
        "complaints": {
            "categories": [_category(c) for c in complaints.categories],
            # Only the keys a rule gives; an empty match is the fallback.
            "routing": [
                {"match": {k: r.match[k] for k in MATCH_KEYS if r.match.get(k)}, "handler": r.handler}
                for r in complaints.routing
            ],
            "settings": {
                "extension_max_days": complaints.settings.get("extension_max_days", 15),
                "escalate_after_overdue_days": complaints.settings.get("escalate_after_overdue_days", 5),
                "review_window_days": complaints.settings.get("review_window_days", 30),
                "review_respond_days": complaints.settings.get("review_respond_days", 15),
                "designated_supervision": complaints.settings.get("designated_supervision"),
            },
            "feedback_categories": [_category(c) for c in complaints.feedback_categories],
        },
        "calendar": {
            "holidays": [d.isoformat() for d in content.calendar.holidays],
            "workdays": [d.isoformat() for d in content.calendar.workdays],
            "complete_years": list(content.calendar.complete_years),
        },
        "decisions": sorted(public_decision_ids),
        # record id -> 决定文书号 of the public decisions: a complaint may name its decision by either
        "decision_doc_nos": dict(sorted((doc_nos or {}).items())),
        # Only in the backend's copy (the public catalog carries nothing personal): what /personnel/
        # publishes, plus the certificate's end of validity, to check a 检查码's inspectors.
        **({"personnel": _personnel(content)} if private else {}),
        "inspection_plans": [p.id for p in content.inspection_plans],
        # 案卷评查 (docs/supervision.md): the settings; the backend's copy also lists every decision
        # record with its office and date (the draw's population), public or not.
        "case_review": {
            "sample_per_office": content.supervision.case_review_sample_per_office,
            "checklist": [
                {"item": c.item, "points": c.points} for c in content.supervision.case_review_checklist
            ],
        },
        **({"case_files": _case_files(content)} if private else {}),
        "supervision": {
            "inspection_code": {"window_days": content.supervision.inspection_code_window_days},
            "repeat_inspection": {
                "window_days": content.supervision.repeat_window_days,
                "max_offices": content.supervision.repeat_max_offices,
                "max_per_year": content.supervision.repeat_max_per_year,
            },
        },
    }
