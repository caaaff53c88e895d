"""One build of the fixture agency (full of personal data), shared by the tests of this folder.

The builds live in private temporary directories, not pytest's ``tmp_path``: pytest's numbered
base directory is shared by every pytest run of the same user on the machine, and a concurrent
run prunes older ones, which removed a session's site while its tests were reading it.
"""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from decisions_fixture import TODAY, write_content


@pytest.fixture(scope="session")
def session_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sunlight-decisions-site-") as tmp:
        yield Path(tmp)


@pytest.fixture
def private_tmp() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sunlight-decisions-test-") as tmp:
        yield Path(tmp)


@pytest.fixture(scope="session")
def fixture_content(session_dir: Path) -> Path:
    return write_content(session_dir / "content")


@pytest.fixture(scope="session")
def built_site(fixture_content: Path, session_dir: Path) -> Path:
    """The fixture agency built with its search index (about 3 s)."""
    from sunlight_site.build import build_site

    out = session_dir / "out"
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
