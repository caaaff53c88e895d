"""moto's standalone server as a process on 127.0.0.1, for the test suites that talk to AWS APIs over
HTTP (``tests/aws``, ``tests/backend`` through ``moto_serial.py``, ``tests/backend/publish``): each
suite's ``moto_endpoint`` fixture starts one with ``running_moto`` and its own command."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def moto_server() -> str:
    """The ``moto_server`` script of this virtualenv (``pip install -e '.[dev]'`` brings it)."""
    beside = Path(sys.executable).parent / "moto_server"
    found = str(beside) if beside.exists() else shutil.which("moto_server")
    if not found:
        raise RuntimeError("moto_server is not installed: pip install -e '.[dev]' (moto[server])")
    return found


def plain_command(port: int) -> list[str]:
    return [moto_server(), "-H", "127.0.0.1", "-p", str(port)]


@contextmanager
def running_moto(command: list[str], port: int) -> Iterator[str]:
    """Start ``command`` (a moto server listening on ``port``), wait until it answers, yield its URL,
    stop it after."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                urllib.request.urlopen(url + "/moto-api/", timeout=1).close()  # noqa: S310 - local test server
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto_server did not start on {url}") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
