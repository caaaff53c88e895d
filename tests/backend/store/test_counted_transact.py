"""``Store.transact_counted``: filing limits counted and the filing written all or nothing (#12,
item 13). On SQLite both are one job of one group commit (one fsync, one wait in line); the other
stores count first and take the count back when the write fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sunlight.store.base import ConditionFailed, Count, EnqueueMessage, LimitExceeded, Store
from sunlight.store.sqlite import SqliteStore
from test_store_contract import T0, message

WINDOW = 60


@pytest.fixture
def store(make_store: Callable[[], Store]) -> Store:
    return make_store()


def _value(store: Store, key: str) -> int:
    return store.increment_counter(key, T0, WINDOW, amount=0)  # a read


def test_counts_and_writes_together(store: Store) -> None:
    counts = [Count("filing:client:a", WINDOW, 2), Count("filing:all", WINDOW, 3)]
    store.transact_counted(counts, [EnqueueMessage(message("m1"))], T0)
    store.transact_counted(counts, [EnqueueMessage(message("m2"))], T0)
    assert (_value(store, "filing:client:a"), _value(store, "filing:all")) == (2, 2)
    assert sorted(m.key for m in store.list_messages()) == ["m1", "m2"]


def test_over_a_limit_nothing_is_written_and_nothing_counted(store: Store) -> None:
    counts = [Count("filing:client:a", WINDOW, 1), Count("filing:all", WINDOW, 10)]
    store.transact_counted(counts, [EnqueueMessage(message("m1"))], T0)
    with pytest.raises(LimitExceeded) as refused:
        store.transact_counted(counts, [EnqueueMessage(message("m2"))], T0)
    assert refused.value.count.key == "filing:client:a"
    assert [m.key for m in store.list_messages()] == ["m1"]
    assert (_value(store, "filing:client:a"), _value(store, "filing:all")) == (1, 1)


def test_a_failed_write_takes_its_count_back(store: Store) -> None:
    counts = [Count("filing:all", WINDOW, 10)]
    store.transact_counted(counts, [EnqueueMessage(message("m1"))], T0)
    with pytest.raises(ConditionFailed):
        store.transact_counted(counts, [EnqueueMessage(message("m1"))], T0)  # key taken
    assert _value(store, "filing:all") == 1


def test_the_window_still_applies(store: Store) -> None:
    counts = [Count("filing:all", WINDOW, 1)]
    store.transact_counted(counts, [EnqueueMessage(message("m1"))], T0)
    later = T0 + dt.timedelta(seconds=WINDOW + 1)
    store.transact_counted(counts, [EnqueueMessage(message("m2", later))], later)  # a new window
    assert len(store.list_messages()) == 2


def test_on_sqlite_it_is_one_commit(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    before = store.commits
    store.transact_counted(
        [Count("filing:client:a", WINDOW, 5), Count("filing:all", WINDOW, 5)],
        [EnqueueMessage(message("m"))],
        T0,
    )
    assert store.commits - before == 1
    store.close()
