"""The 案卷评查 records of every store (SQLite, memory, DynamoDB on moto): conditional writes with the
audit event in the same write; the SQLite migration 9 on a file of an earlier schema."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sunlight.domain.case_review import CaseScore, ChecklistItem, OfficeReview, Review
from sunlight.domain.complaints import AuditEvent
from sunlight.store.base import ConditionFailed, Store
from sunlight.store.sqlite import SqliteStore
from sunlight.store.sqlite_schema import MIGRATIONS, statements

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
R = Review(
    year=2025, seed="00ff" * 8, sample_per_office=2,
    checklist=(ChecklistItem("主体合法", 40), ChecklistItem("程序合法", 60)),
    offices=(OfficeReview("squad-a", ("D3", "D1"), 4), OfficeReview("squad-b", ("D9",), 1)),
    drawn_at=T0, drawn_by="u1",
)  # fmt: skip


def event(seq: str, action: str) -> AuditEvent:
    return AuditEvent("REVIEW-2025", seq, T0, "staff:supervision:u1", action, {"n": 1})


@pytest.fixture
def store(make_store: Callable[[], Store]) -> Store:
    return make_store()


def test_put_get_update_and_list(store: Store) -> None:
    assert store.get_review(2025) is None and store.all_reviews() == []
    store.put_review(R, None, event("000001.00", "review_drawn"))
    assert store.get_review(2025) == replace(R, version=1)
    with pytest.raises(ConditionFailed):  # drawn once
        store.put_review(replace(R, seed="1" * 32), None, event("000001.01", "review_drawn"))
    scored = R.with_office(
        replace(
            R.offices[0],
            scores=(CaseScore("D3", (("主体合法", 40), ("程序合法", 55)), "送达回证缺日期", T0, "u2"),),
        )
    )
    with pytest.raises(ConditionFailed):  # a stale version
        store.put_review(scored, 5, event("000002.00", "review_scored"))
    store.put_review(scored, 1, event("000002.00", "review_scored"))
    got = store.get_review(2025)
    assert got is not None and got.version == 2
    assert got.office("squad-a").score_of("D3").total == 95  # type: ignore[union-attr]
    assert got.office("squad-a").score_of("D3").faults == "送达回证缺日期"  # type: ignore[union-attr]
    with pytest.raises(ConditionFailed):  # the same write again: the version moved on
        store.put_review(scored, 1, event("000002.01", "review_scored"))
    store.put_review(
        replace(R, year=2024), None, AuditEvent("REVIEW-2024", "000001.00", T0, "x", "review_drawn", {})
    )
    assert [r.year for r in store.all_reviews()] == [2024, 2025]
    assert [e.action for e in store.audit_trail("REVIEW-2025")] == ["review_drawn", "review_scored"]


def test_the_audit_event_and_the_record_are_one_write(store: Store) -> None:
    store.put_review(R, None, event("000001.00", "review_drawn"))
    with pytest.raises(ConditionFailed):  # the event's key is taken: nothing is written
        store.put_review(replace(R, seed="2" * 32), 1, event("000001.00", "review_scored"))
    assert store.get_review(2025) == replace(R, version=1)
    assert len(store.audit_trail("REVIEW-2025")) == 1


def test_sqlite_migration_9_upgrades_a_file_of_schema_7(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    raw = sqlite3.connect(path)
    raw.executescript("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT);")
    for number, script in enumerate(MIGRATIONS[:7], start=1):
        for statement in statements(script):
            raw.execute(statement)
        raw.execute("INSERT INTO schema_migrations VALUES (?, '2026-11-22T00:00:00.000000Z')", (number,))
    raw.commit()
    raw.close()
    store = SqliteStore(path)
    applied = [r[0] for r in store._conn().execute("SELECT version FROM schema_migrations ORDER BY version")]  # noqa: SLF001
    assert 9 in applied and applied == sorted(set(applied))
    store.put_review(R, None, event("000001.00", "review_drawn"))
    assert store.get_review(2025) == replace(R, version=1)
    store.close()
