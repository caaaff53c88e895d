"""案卷评查 (case-file review) storage: the contract every store fulfils (docs/supervision.md).

One record per year (``sunlight.domain.case_review.Review``: the seed, the checklist and each
office's sample and scores), written with optimistic versions; every write carries its audit event
(``tracking_no`` ``REVIEW-<year>``) in the same atomic write. The stores implement it in their own
modules: ``reviews_memory``, ``reviews_sqlite`` (migration 9), ``reviews_dynamo`` (items ``RV#``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from sunlight.domain.case_review import Review
from sunlight.domain.complaints import AuditEvent


def audit_key(year: int) -> str:
    """The audit trail of a year's review lives beside the complaints' under this key."""
    return f"REVIEW-{year}"


class ReviewStore(ABC):
    @abstractmethod
    def put_review(self, review: Review, expected_version: int | None, event: AuditEvent) -> None:
        """Write ``review`` with version ``expected_version + 1`` (1 when new: the year must not exist
        yet) and its audit ``event`` atomically, or raise ``ConditionFailed``."""

    @abstractmethod
    def get_review(self, year: int) -> Review | None: ...

    @abstractmethod
    def all_reviews(self) -> list[Review]:
        """Every year's review, by year (the export for the site)."""
