"""API tests run the real Chalice app through ``chalice.test.Client`` on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_fixtures import CATALOG, NOW, Api
from chalice.test import Client
from sunlight import bootstrap
from sunlight.clock import fixed_clock
from sunlight.server import load_chalice_app
from sunlight.service.catalog import catalog_from_dict
from sunlight.service.complaints import ComplaintService
from sunlight.store.sqlite import SqliteStore


@pytest.fixture(scope="session")
def chalice_app() -> Any:
    return load_chalice_app()


@pytest.fixture
def wiring(tmp_path) -> Iterator[bootstrap.Wiring]:  # type: ignore[no-untyped-def]
    store = SqliteStore(tmp_path / "store.sqlite3")
    service = ComplaintService(store, catalog_from_dict(CATALOG))
    wired = bootstrap.Wiring(service=service, clock=fixed_clock(NOW), channels={})
    bootstrap.install(wired)
    yield wired
    bootstrap.install(None)
    store.close()


@pytest.fixture
def api(chalice_app, wiring) -> Iterator[Api]:  # type: ignore[no-untyped-def]
    with Client(chalice_app) as client:
        yield Api(client)
