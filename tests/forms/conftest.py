"""The forms run against a real ``sunlight serve`` process, in real headless Chromium."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend" / "integration"))

from portal_process import FIXTURE, Portal, free_port  # noqa: E402

NOW = "2026-12-24T10:00:00+08:00"


@pytest.fixture(scope="session")
def portal(tmp_path_factory) -> Iterator[Portal]:  # type: ignore[no-untyped-def]
    running = Portal(FIXTURE, tmp_path_factory.mktemp("forms") / "data", free_port()).start(SUNLIGHT_NOW=NOW)
    yield running
    running.stop()
