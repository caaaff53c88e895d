"""The inspection-code methods of every store (SQLite, memory, DynamoDB on moto): conditional writes
with the audit event in the same write, lookups by code and by enterprise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest
from sunlight.domain.complaints import AuditEvent
from sunlight.domain.inspections import Inspection
from sunlight.store.base import ConditionFailed, Store

T0 = dt.datetime(2026, 12, 24, 2, 0, tzinfo=dt.UTC)
A = Inspection(
    code="7KQ2MXH4P9", office="squad-a", credit_code="91350100M000100Y43", enterprise_name="某某餐饮有限公司",
    inspectors=("C1", "C2"), scope="油烟", basis="CF-1", planned_on=dt.date(2026, 12, 26),
    valid_from=dt.date(2026, 12, 23), valid_until=dt.date(2026, 12, 29), registered_at=T0, registered_by="u1",
)  # fmt: skip


def event(code: str, seq: str, action: str) -> AuditEvent:
    return AuditEvent(f"INSPECTION-{code}", seq, T0, "staff:squad-a:u1", action, {"n": 1})


@pytest.fixture
def store(make_store: Callable[[], Store]) -> Store:
    return make_store()


def test_put_get_and_list(store: Store) -> None:
    store.put_inspection(A, None, event(A.code, "000001.00", "inspection_registered"))
    got = store.get_inspection(A.code)
    assert got == replace(A, version=1)
    b = replace(A, code="22222BBBBB", planned_on=dt.date(2026, 12, 20), credit_code="91110000600037341L")
    store.put_inspection(b, None, event(b.code, "000001.00", "inspection_registered"))
    c = replace(A, code="33333CCCCC", planned_on=dt.date(2026, 12, 1))
    store.put_inspection(c, None, event(c.code, "000001.00", "inspection_registered"))
    assert [i.code for i in store.enterprise_inspections(A.credit_code)] == ["33333CCCCC", "7KQ2MXH4P9"]
    assert [i.code for i in store.all_inspections()] == ["22222BBBBB", "33333CCCCC", "7KQ2MXH4P9"]
    assert store.get_inspection("NOPE") is None
    assert [e.action for e in store.audit_trail(f"INSPECTION-{A.code}")] == ["inspection_registered"]


def test_a_code_is_written_once_and_updated_on_its_version(store: Store) -> None:
    store.put_inspection(A, None, event(A.code, "000001.00", "inspection_registered"))
    with pytest.raises(ConditionFailed):
        store.put_inspection(
            replace(A, scope="别的"), None, event(A.code, "000001.01", "inspection_registered")
        )
    done = replace(A, result="no_violation", checked_on=dt.date(2026, 12, 26))
    with pytest.raises(ConditionFailed):
        store.put_inspection(done, 7, event(A.code, "000002.00", "inspection_result"))
    store.put_inspection(done, 1, event(A.code, "000002.00", "inspection_result"))
    assert store.get_inspection(A.code) == replace(done, version=2)
    assert store.enterprise_inspections(A.credit_code)[0].result == "no_violation"
    with pytest.raises(ConditionFailed):  # a second result races the first: the version moved
        store.put_inspection(done, 1, event(A.code, "000002.01", "inspection_result"))
    assert [e.action for e in store.audit_trail(f"INSPECTION-{A.code}")] == [
        "inspection_registered",
        "inspection_result",
    ]
