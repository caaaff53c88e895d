"""The decisions a build published that the previous build did not: ``OUT/.sunlight-new-decisions.json``.

``sunlight alerts send`` reads it after each build and queues the e-mail alerts
(``sunlight.service.alerts``). The previous build's public ids come from the withdrawal memory
(``withdrawal_memory.read_memory``); with no previous build known, nothing counts as new, so a
first build (or a fresh output folder) mails no one about old decisions. A private dot file
(``sunlight.sitefiles``): never served, never published. Public fields only::

    {"version": 1, "decisions": [{"id", "doc_no", "party_name", "office", "office_name", "domain",
     "credit_code", "url"}, ...]}

The file depends on the content and the previous build only, so a rebuild of the same content
writes the same bytes as the build before it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sunlight_site.decisions.views import DecisionView

NEW_DECISIONS_FILE = ".sunlight-new-decisions.json"


def new_decisions_text(views: Iterable[DecisionView], public_before: frozenset[str] | None) -> str:
    fresh = [] if public_before is None else [v for v in views if v.id not in public_before]
    rows = [
        {
            "id": v.id,
            "doc_no": v.doc_no,
            "party_name": v.party_name,
            "office": v.office_id,
            "office_name": v.office_name,
            "domain": v.domain,
            "credit_code": v.credit_code,
            "url": v.url,
        }
        for v in sorted(fresh, key=lambda v: v.id)
    ]
    data = {"version": 1, "decisions": rows}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
