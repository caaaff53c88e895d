"""The SQLite store's 案卷评查 records (``sunlight.store.reviews``): table ``case_reviews``, one row
per year, created by migration 9 (``MIGRATION``, registered in ``sqlite_schema``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace

from sunlight.domain.case_review import Review, review_from_dict, review_to_dict
from sunlight.domain.complaints import AuditEvent

MIGRATION_NUMBER = 9
MIGRATION = """
CREATE TABLE case_reviews (
    year INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
);
"""


class SqliteReviews:
    _conn: Callable[[], sqlite3.Connection]
    _put_versioned: Callable[..., None]  # SqliteStore's: the row and its audit event in one write

    def put_review(self, review: Review, expected_version: int | None, event: AuditEvent) -> None:
        version = (expected_version or 0) + 1
        data = json.dumps(
            review_to_dict(replace(review, version=version)), ensure_ascii=False, sort_keys=True
        )
        self._put_versioned(
            "case_reviews", ("year", review.year), version, expected_version, data, {}, (review, event)
        )

    def get_review(self, year: int) -> Review | None:
        row = self._conn().execute("SELECT data FROM case_reviews WHERE year=?", (year,)).fetchone()
        return review_from_dict(json.loads(row[0])) if row else None

    def all_reviews(self) -> list[Review]:
        rows = self._conn().execute("SELECT data FROM case_reviews ORDER BY year")
        return [review_from_dict(json.loads(r[0])) for r in rows]
