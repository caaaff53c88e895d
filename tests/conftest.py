"""Fixtures shared by every test tier: a free port and a real headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Timing belongs in benchmarks, not in tests: no Hypothesis example may fail for being slow (on a
# loaded machine, or under mutation testing's tracing, a 200 ms deadline fails correct code).
settings.register_profile("sunlight", deadline=None)
settings.load_profile("sunlight")

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
NODE_MODULES = ROOT / "node_modules"


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds keep jieba's prefix dictionary in SUNLIGHT_CACHE_DIR (docs/names.md): the tests' own
    folder, not the user's ``~/.cache``; processes the tests start inherit it."""
    before = os.environ.get("SUNLIGHT_CACHE_DIR")
    os.environ["SUNLIGHT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("SUNLIGHT_CACHE_DIR", None)
    else:
        os.environ["SUNLIGHT_CACHE_DIR"] = before


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    raise RuntimeError(
        "Debian's chromium is not installed: run `make setup` as root, or apt-get install chromium"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A real headless Chromium (Debian's), driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN")
    p = context.new_page()
    yield p
    context.close()


def run_axe(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """Run axe-core (from node_modules, served by nobody but this file) on the open page.

    Returns the violations with impact "serious" or "critical".
    """
    # Evaluated through the DevTools protocol rather than added as a <script>: the pages' own
    # Content-Security-Policy forbids inline scripts, and axe is the test's, not the page's.
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate((NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]
