"""Fixtures of the site tests: whole-site builds (once per session) and a local HTTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from site_helpers import SAMPLE, SMALL_AGENCY, build, serve


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The small fixture agency built once: (output dir, build report)."""
    out = tmp_path_factory.mktemp("small-site")
    return out, build(SMALL_AGENCY, out)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The sample agency of ``content/`` built once: (output dir, build report)."""
    if not (SAMPLE / "agency.yaml").exists():
        pytest.skip("the sample content is not there yet")
    out = tmp_path_factory.mktemp("sample-site")
    return out, build(SAMPLE, out)


@pytest.fixture(scope="session")
def sample_url(sample_site: tuple[Path, dict]) -> Iterator[str]:
    yield from serve(sample_site[0])
