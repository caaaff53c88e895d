"""moto's standalone server on 127.0.0.1, started once for these tests and stopped after them.

Every test reaches it over HTTP through boto3's own ``AWS_ENDPOINT_URL`` (no code path of the product
knows it is talking to moto). Credentials are dummies; moto accepts any.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from moto_process import free_port, plain_command, running_moto


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    port = free_port()
    with running_moto(plain_command(port), port) as url:
        yield url


@pytest.fixture
def aws(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """boto3 clients made in the test (or by the product) talk to moto server in us-east-1."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_endpoint)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    return moto_endpoint
