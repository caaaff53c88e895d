"""The refusal of a late extension (延期), word for word (docs/backend-domain.md: 409 with the
missed date in both languages; the complaint stays overdue).

Accepted on Monday 2026-03-02, 15 working days end on Monday 2026-03-23 (no holiday in March
2026: 3-6, 9-13, 16-20, 23 March), counted by hand.
"""

from __future__ import annotations

import datetime as dt

from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.complaint_deadlines import extension_refusal

D = dt.date


def test_the_refusal_the_day_after_the_deadline_word_for_word() -> None:
    accepted = complaint(D(2026, 3, 2), status=states.ACCEPTED, accepted_on=D(2026, 3, 2))
    assert extension_refusal(accepted, D(2026, 3, 24), sample_catalog().calendar) == (
        "答复期限已于2026-03-23届满，不能再批准延期（逾期记录保留）",
        "the respond deadline passed on 2026-03-23: an extension can no longer be approved "
        "(the complaint stays overdue)",
    )
