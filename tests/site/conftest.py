"""Fixtures of the site tests: whole-site builds (once per session) and a local HTTP server."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL_AGENCY = ROOT / "tests" / "fixtures" / "small-agency"
SAMPLE = ROOT / "content"
TODAY = dt.date(2026, 11, 22)


def build(content: Path, out: Path, today: dt.date = TODAY) -> dict:
    from sunlight_site.build import build_site

    return build_site(content, out, today, search=False)


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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(directory: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def sample_url(sample_site: tuple[Path, dict]) -> Iterator[str]:
    yield from serve(sample_site[0])


@pytest.fixture(scope="session")
def small_url(small_site: tuple[Path, dict]) -> Iterator[str]:
    yield from serve(small_site[0])


def html_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)
