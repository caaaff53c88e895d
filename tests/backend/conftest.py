"""Stores for the backend tests: every suite that takes ``make_store`` runs on each kind of store.

``dynamodb`` runs against moto's standalone server (``moto_server`` on 127.0.0.1, a free port),
started once per session only when a test asks for it, with dummy credentials set for the tests.
(``moto_serial.py`` runs it one request at a time: DynamoDB's per-item atomicity, which moto lacks.)
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from moto_process import free_port, running_moto
from sunlight.store.base import Store

STORE_KINDS = ["sqlite", "memory", "dynamodb"]
MOTO_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "cn-north-1",
    "AWS_REGION": "cn-north-1",
}


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """A moto server for the whole session: its URL (the environment points boto3 at nothing else)."""
    port = free_port()
    command = [sys.executable, str(Path(__file__).with_name("moto_serial.py")), str(port)]
    with running_moto(command, port) as url:
        saved = {k: os.environ.get(k) for k in MOTO_ENV}
        os.environ.update(MOTO_ENV)
        try:
            yield url
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def dynamodb_store(endpoint: str, table: str | None = None) -> Store:
    from sunlight.store.dynamodb import DynamoStore

    store = DynamoStore.connect(table or f"sunlight-{uuid.uuid4().hex[:12]}", endpoint_url=endpoint)
    store.create_table()
    return store


@pytest.fixture(params=STORE_KINDS)
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_store(
    store_kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[], Store]]:
    """A factory of the store of ``store_kind``; calling it again "reopens" the same data."""
    opened: list[Store] = []
    if store_kind == "sqlite":
        from sunlight.store.sqlite import SqliteStore

        def factory() -> Store:
            return SqliteStore(tmp_path / "store.sqlite3")
    elif store_kind == "memory":
        from sunlight.store.memory import MemoryStore

        shared = MemoryStore()

        def factory() -> Store:
            return shared
    else:
        endpoint = request.getfixturevalue("moto_endpoint")
        table = f"sunlight-{uuid.uuid4().hex[:12]}"
        first = dynamodb_store(endpoint, table)
        stores = [first]

        def factory() -> Store:
            if stores:
                return stores.pop()
            from sunlight.store.dynamodb import DynamoStore

            return DynamoStore.connect(table, endpoint_url=endpoint)

    def make() -> Store:
        store = factory()
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def dynamo_store(moto_endpoint: str) -> Iterator[Store]:
    """A DynamoDB store on a new table of the session's moto server."""
    store = dynamodb_store(moto_endpoint)
    yield store
    store.close()
