"""The in-memory store's 案卷评查 records (``sunlight.store.reviews``)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sunlight.domain.case_review import Review
from sunlight.domain.complaints import AuditEvent


class MemoryReviews:
    _lock: threading.RLock
    reviews: dict[int, Review]
    _put_versioned: Callable[..., None]  # MemoryStore's: the record and its audit event together

    def put_review(self, review: Review, expected_version: int | None, event: AuditEvent) -> None:
        self._put_versioned(self.reviews, review.year, review, expected_version, event)

    def get_review(self, year: int) -> Review | None:
        with self._lock:
            return self.reviews.get(year)

    def all_reviews(self) -> list[Review]:
        with self._lock:
            return [self.reviews[y] for y in sorted(self.reviews)]
