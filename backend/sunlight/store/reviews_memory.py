"""The in-memory store's 案卷评查 records (``sunlight.store.reviews``)."""

from __future__ import annotations

import threading
from dataclasses import replace

from sunlight.domain.case_review import Review
from sunlight.domain.complaints import AuditEvent
from sunlight.store.base import ConditionFailed


class MemoryReviews:
    _lock: threading.RLock
    audit: dict[tuple[str, str], AuditEvent]
    reviews: dict[int, Review]

    def put_review(self, review: Review, expected_version: int | None, event: AuditEvent) -> None:
        with self._lock:
            current = self.reviews.get(review.year)
            if (current is None) != (expected_version is None) or (
                current is not None and current.version != expected_version
            ):
                raise ConditionFailed(0, review, "version mismatch")
            if (event.tracking_no, event.seq) in self.audit:
                raise ConditionFailed(1, event, "audit event exists")
            self.reviews[review.year] = replace(review, version=(expected_version or 0) + 1)
            self.audit[(event.tracking_no, event.seq)] = event

    def get_review(self, year: int) -> Review | None:
        with self._lock:
            return self.reviews.get(year)

    def all_reviews(self) -> list[Review]:
        with self._lock:
            return [self.reviews[y] for y in sorted(self.reviews)]
