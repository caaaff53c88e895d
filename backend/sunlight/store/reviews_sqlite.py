"""The SQLite store's 案卷评查 records (``sunlight.store.reviews``): table ``case_reviews``, one row
per year, created by migration 9 (``MIGRATION``, registered in ``sqlite_schema``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sunlight.domain.case_review import Review, review_from_dict, review_to_dict
from sunlight.domain.complaints import AuditEvent
from sunlight.store.base import AppendAudit, ConditionFailed

MIGRATION_NUMBER = 9
MIGRATION = """
CREATE TABLE case_reviews (
    year INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
);
"""


class SqliteReviews:
    _write: Callable[..., Any]
    _conn: Callable[[], sqlite3.Connection]
    _apply: Callable[..., Any]

    def put_review(self, review: Review, expected_version: int | None, event: AuditEvent) -> None:
        version = (expected_version or 0) + 1
        data = json.dumps(
            review_to_dict(replace(review, version=version)), ensure_ascii=False, sort_keys=True
        )

        def work(conn: sqlite3.Connection) -> None:
            if expected_version is None:
                try:
                    conn.execute(
                        "INSERT INTO case_reviews (year, version, data) VALUES (?, ?, ?)",
                        (review.year, version, data),
                    )
                except sqlite3.IntegrityError as exc:
                    raise ConditionFailed(0, review, str(exc)) from None
            else:
                cursor = conn.execute(
                    "UPDATE case_reviews SET version=?, data=? WHERE year=? AND version=?",
                    (version, data, review.year, expected_version),
                )
                if cursor.rowcount != 1:
                    raise ConditionFailed(0, review, "version mismatch")
            try:
                self._apply(conn, AppendAudit(event))
            except sqlite3.IntegrityError as exc:
                raise ConditionFailed(1, event, str(exc)) from None

        self._write(work)

    def get_review(self, year: int) -> Review | None:
        row = self._conn().execute("SELECT data FROM case_reviews WHERE year=?", (year,)).fetchone()
        return review_from_dict(json.loads(row[0])) if row else None

    def all_reviews(self) -> list[Review]:
        rows = self._conn().execute("SELECT data FROM case_reviews ORDER BY year")
        return [review_from_dict(json.loads(r[0])) for r in rows]
