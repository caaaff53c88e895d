"""The 12345 exchange's records in every store (SQLite file, memory, DynamoDB on the moto server):
partner accounts written once and then updated, and each work order linked to one complaint in the
same transaction as the complaint itself."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from complaint_builders import complaint
from sunlight.domain.complaints import AuditEvent
from sunlight.store.base import AppendAudit, ConditionFailed, PutComplaint, Store
from sunlight.store.exchange_records import OrderLink, Partner, PutOrderLink

T0 = dt.datetime(2026, 12, 24, 2, 0, tzinfo=dt.UTC)
P = Partner("12345", "https://hotline.example.gov.cn/hook", "aesgcm$00$11", T0)


@pytest.fixture
def store(make_store: Callable[[], Store]) -> Store:
    return make_store()


def test_a_partner_is_created_once_then_updated(store: Store) -> None:
    store.put_partner(P, expected_new=True)
    assert store.get_partner("12345") == P
    with pytest.raises(ConditionFailed):
        store.put_partner(replace(P, webhook="https://evil.example/"), expected_new=True)
    assert store.get_partner("12345") == P
    rotated = replace(P, sealed_secret="aesgcm$22$33", rotated_at=T0 + dt.timedelta(days=1))
    store.put_partner(rotated, expected_new=False)
    assert store.get_partner("12345") == rotated
    with pytest.raises(ConditionFailed):  # an update of a partner that does not exist
        store.put_partner(replace(P, name="110"), expected_new=False)
    store.put_partner(replace(P, name="0571-12345"), expected_new=True)
    assert [p.name for p in store.list_partners()] == ["0571-12345", "12345"]
    assert store.get_partner("nobody") is None


def test_an_order_links_to_the_complaint_filed_with_it_once(store: Store) -> None:
    c = complaint(
        dt.date(2026, 12, 24), tracking_no="TS-20261224-AAAAAA", partner="12345", partner_order="A-1"
    )
    link = OrderLink("12345", "A-1", c.tracking_no, T0)
    event = AuditEvent(c.tracking_no, "000001.00", T0, "partner:12345", "filed", {})
    store.transact([PutComplaint(c, None), AppendAudit(event), PutOrderLink(link)])
    assert store.get_order_link("12345", "A-1") == link
    assert store.get_complaint(c.tracking_no).partner_order == "A-1"  # type: ignore[union-attr]
    # the same order again (another tracking number drawn): nothing at all is written
    d = replace(c, tracking_no="TS-20261224-BBBBBB")
    again = OrderLink("12345", "A-1", d.tracking_no, T0)
    with pytest.raises(ConditionFailed) as info:
        store.transact([PutComplaint(d, None), PutOrderLink(again)])
    assert info.value.op_index == 1
    assert store.get_complaint(d.tracking_no) is None
    assert store.get_order_link("12345", "A-1") == link
    # the same number from another partner is another order
    other = OrderLink("0571-12345", "A-1", d.tracking_no, T0)
    store.transact([PutComplaint(d, None), PutOrderLink(other)])
    assert store.get_order_link("0571-12345", "A-1") == other
    assert store.get_order_link("12345", "A-2") is None


def test_the_partner_fields_of_a_complaint_survive_the_store(store: Store) -> None:
    c = complaint(
        dt.date(2026, 12, 24), partner="12345", partner_order="A-9", partner_due=dt.date(2027, 1, 4)
    )
    store.transact([PutComplaint(c, None)])
    got = store.get_complaint(c.tracking_no)
    assert got is not None
    assert (got.partner, got.partner_order, got.partner_due) == ("12345", "A-9", dt.date(2027, 1, 4))


@pytest.mark.parametrize("store_kind", ["sqlite"])
def test_sqlite_migration_8_creates_the_exchange_tables(
    make_store: Callable[[], Store], tmp_path: Path
) -> None:
    store = make_store()
    store.put_partner(P, expected_new=True)
    raw = sqlite3.connect(tmp_path / "store.sqlite3")
    assert raw.execute("SELECT version FROM schema_migrations WHERE version = 8").fetchone() == (8,)
    assert raw.execute("SELECT name, webhook FROM partners").fetchall() == [
        ("12345", "https://hotline.example.gov.cn/hook")
    ]
    raw.close()
