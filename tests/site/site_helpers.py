"""Helpers of the site tests (imported by name: ``from site_helpers import ...``)."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import importlib.util
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SMALL_AGENCY = ROOT / "tests" / "fixtures" / "small-agency"
SAMPLE = ROOT / "content"
TODAY = dt.date(2026, 11, 22)


def build(content: Path, out: Path, today: dt.date = TODAY) -> dict:
    from sunlight_site.build import build_site

    return build_site(content, out, today, search=False)


def run_axe(page: Any) -> list[dict]:
    """``run_axe`` of tests/conftest.py (loaded by path: every test folder has its own conftest)."""
    spec = importlib.util.spec_from_file_location("_sunlight_root_conftest", ROOT / "tests" / "conftest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run_axe(page)


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


def html_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)
