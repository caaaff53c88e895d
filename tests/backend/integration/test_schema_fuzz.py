"""Schemathesis generates requests from /api/openapi.json and sends them to a real ``sunlight serve``:
whatever it sends, the answer is never a 5xx, and every error has the API's error shape."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from portal_process import FIXTURE, Portal, free_port
from sunlight.api.openapi import document

pytestmark = pytest.mark.slow

schema = schemathesis.openapi.from_dict(document())


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Iterator[Portal]:  # type: ignore[no-untyped-def]
    running = Portal(FIXTURE, tmp_path_factory.mktemp("fuzz") / "data", free_port())
    running.start(SUNLIGHT_NOW="2026-12-24T10:00:00+08:00")
    yield running
    running.stop()


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_never_a_server_error(case, portal) -> None:  # type: ignore[no-untyped-def]
    response = case.call(base_url=portal.url, timeout=30)
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
    if response.status_code >= 400 and response.status_code != 405:
        error = json.loads(response.text)["error"]
        assert error["code"] and " / " in error["message"], response.text[:300]
    assert "Traceback" not in response.text
