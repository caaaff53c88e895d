"""One build of the fixture agency (full of personal data), shared by the tests of this folder."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from decisions_fixture import TODAY, write_content


@pytest.fixture(scope="session")
def fixture_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_content(tmp_path_factory.mktemp("decisions-content") / "content")


@pytest.fixture(scope="session")
def built_site(fixture_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture agency built with its search index (about 3 s)."""
    from sunlight_site.build import build_site

    out = tmp_path_factory.mktemp("decisions-site") / "out"
    build_site(fixture_content, out, TODAY, search=True)
    return out


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built fixture site over HTTP on 127.0.0.1 (a thread of this process)."""
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass
