"""Where a filing's CPU time goes, in-process: ``PYTHONPATH=backend:site .venv/bin/python scripts/bench/filing_parts.py``.

Builds the small fixture agency as ``sunlight serve`` does (into a temporary data directory on
disk, no search index), wires the backend and calls the portal's WSGI application directly, from
``--threads`` threads (no HTTP server), first ``GET /api/health`` then ``POST /api/complaints``
with the complaint of ``api_throughput.py``. It prints, per request, the process's CPU time and,
for filings, the thread CPU time spent in the store's group-commit writes (the SQL statements and
their share of each ``COMMIT``) and in the idempotency lookup; the rest of a filing is the domain
and the API. The HTTP server's share is what ``api_throughput.py`` measures on top.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "backend"), str(ROOT / "site"), str(Path(__file__).resolve().parent)]

import api_throughput  # noqa: E402


def environ(method: str, path: str, body: bytes | None, headers: dict[str, str]) -> dict[str, Any]:
    env: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body or b""),
        "CONTENT_LENGTH": str(len(body or b"")),
    }
    for name, value in headers.items():
        if name == "Content-Type":
            env["CONTENT_TYPE"] = value
        else:
            env["HTTP_" + name.upper().replace("-", "_")] = value
    return env


class Timed:
    """Thread CPU time spent inside a method, summed over every thread."""

    def __init__(self, owner: type, name: str) -> None:
        self.total = 0.0
        self.lock = threading.Lock()
        original = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                with self.lock:
                    self.total += time.thread_time() - began

        setattr(owner, name, wrapper)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--threads", type=int, default=8)
    opts = parser.parse_args()
    os.environ.update(
        {
            "SUNLIGHT_NOW": "2026-12-24T10:00:00+08:00",
            "SUNLIGHT_BUILD_SEARCH": "0",
            "SUNLIGHT_FILING_LIMIT_PER_CLIENT": "0",
            "SUNLIGHT_FILING_LIMIT_GLOBAL": str(10 * opts.requests + 100),
        }
    )
    logging.basicConfig(level=logging.INFO, stream=open(os.devnull, "w"))  # noqa: SIM115 - for the process
    from sunlight import bootstrap, server
    from sunlight.clock import from_environment
    from sunlight.store import sqlite as sqlite_store
    from sunlight.store import sqlite_batch

    data = Path(tempfile.mkdtemp(prefix="sunlight-filing-parts-"))  # on disk: commits pay their fsync
    config = bootstrap.Config.from_environment(data_dir=str(data))
    server.build(api_throughput.FIXTURE, data / "site", from_environment(config.now))
    portal = server.make_portal(bootstrap.bootstrap(config), data / "site")
    writes = Timed(sqlite_batch.GroupCommit, "_write")
    lookups = Timed(sqlite_store.SqliteStore, "get_idempotency")

    def call(make: Callable[[int], tuple[str, str, bytes | None, dict[str, str]]], n: int) -> None:
        statuses: list[str] = []
        b"".join(portal(environ(*make(n)), lambda status, headers, *exc: statuses.append(status)))
        if not statuses[0].startswith(("200", "201")):
            raise SystemExit(f"unexpected answer: {statuses[0]}")

    def run(make: Callable[[int], tuple[str, str, bytes | None, dict[str, str]]], first: int) -> float:
        jobs = iter(range(first, first + opts.requests))
        lock = threading.Lock()

        def worker() -> None:
            while True:
                with lock:
                    n = next(jobs, None)
                if n is None:
                    return
                call(make, n)

        began = time.process_time()
        threads = [threading.Thread(target=worker) for _ in range(opts.threads)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return (time.process_time() - began) / opts.requests * 1000

    for n in range(50):  # warm up
        call(api_throughput.health, n)
        call(api_throughput.filing, n)
    health_ms = run(api_throughput.health, 1000)
    writes.total = lookups.total = 0.0
    filing_ms = run(api_throughput.filing, 100_000)
    per = 1000 / opts.requests
    print(f"{opts.requests} requests a route from {opts.threads} threads, in-process (no HTTP server)")
    print(f"GET /api/health: {health_ms:.3f} ms of CPU a request")
    print(f"POST /api/complaints: {filing_ms:.3f} ms of CPU a request, of which")
    print(f"  group-commit writes (SQL and COMMIT): {writes.total * per:.3f} ms")
    print(f"  idempotency lookup: {lookups.total * per:.3f} ms")
    print(f"  the rest (domain, API, threads): {filing_ms - (writes.total + lookups.total) * per:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
