"""API tests run the real Chalice app through ``chalice.test.Client`` on each real store: a SQLite
file and DynamoDB (moto server); ``make_store`` comes from ``tests/backend/conftest.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from api_fixtures import CATALOG, NOW, Api
from chalice.test import Client
from sunlight import bootstrap
from sunlight.clock import fixed_clock
from sunlight.code_key import StaticCodeKey
from sunlight.server import load_chalice_app
from sunlight.service.catalog import catalog_from_dict
from sunlight.service.complaints import ComplaintService
from sunlight.service.limits import Limits
from sunlight.store.base import Store


@pytest.fixture(scope="session")
def chalice_app() -> Any:
    return load_chalice_app()


@pytest.fixture(params=["sqlite", "dynamodb"])
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def filing_limits() -> Limits:
    """The API tests file many complaints from one test client: no filing limits, unless a module
    overrides this fixture (``test_filing_limits.py``)."""
    return Limits.off()


@pytest.fixture
def wiring(make_store: Callable[[], Store], filing_limits: Limits) -> Iterator[bootstrap.Wiring]:
    store = make_store()
    service = ComplaintService(
        store, catalog_from_dict(CATALOG), code_key=StaticCodeKey(b"api-tests-" * 4), limits=filing_limits
    )
    wired = bootstrap.Wiring(service=service, clock=fixed_clock(NOW), channels={})
    bootstrap.install(wired)
    yield wired
    bootstrap.install(None)


@pytest.fixture
def api(chalice_app, wiring) -> Iterator[Api]:  # type: ignore[no-untyped-def]
    with Client(chalice_app) as client:
        yield Api(client)
