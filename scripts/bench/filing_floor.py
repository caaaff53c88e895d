"""The least a durable filing can cost on this server stack, beside a hello-world request of the same
server: ``.venv/bin/python scripts/bench/filing_floor.py [--requests N] [--clients C]`` (also part of
``scripts/bench.py --only api``).

Two servers, each waitress with 8 threads as ``sunlight serve``, one after the other, each with
three routes:

- ``hello`` (GET): a small JSON body;
- ``file`` (POST, the benchmark's complaint): only what no durable filing can do without: parse
  the JSON body, check that six fields are non-empty text, draw a tracking number, an access code
  and its keyed hash (``sunlight.service.codes``), and write the rows a filing of the portal writes
  (the complaint, two inbox rows, its audit event, two outbox messages, the idempotency record and a
  counter) as one job of the SQLite store's own group commit (``SqliteStore``: its migrations,
  its writing connection, WAL with ``synchronous = FULL``), on disk;
  answered 201 once the batch is committed;
- ``file-one-row`` (POST): the same, writing one row instead: the least a durable write can be.

The first server is a bare WSGI application (``/hello``, ``/file``, ``/file-one-row``); the second
puts the same work under ``/api/`` behind the portal's own layers: a Chalice app with the API's
error middleware and guard, the gateway's Lambda-style event (``ChaliceWSGI``), the access log and
the security headers (``sunlight.server.Portal``); its ``/api/hello`` answers as ``/api/health``.

What the floor leaves out is all that ``POST /api/complaints`` does besides: validation rules and
their messages, routing, deadlines in working days, the receipt and office messages, the filing
limits, the idempotency lookup, sealing the code. So each floor's throughput beside its server's
hello-world is the best any filing with the same durable writes could reach on that stack. The
requests are sent by ``api_throughput.hammer`` (same clients, same machine).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "backend"), str(HERE)]

import api_throughput  # noqa: E402

FIELDS = ("category", "subject", "description", "office", "street", "occurred_on")
NOW = "2026-12-24T02:00:00Z"
FILED_ON = dt.date(2026, 12, 24)
SHANGHAI = ZoneInfo("Asia/Shanghai")
BODY = "您的投诉已受理。" * 40  # an outbox message's text, about the length of a receipt


class Floor:
    """The durable work of a filing without its rules, on a SQLite file made by the store's migrations."""

    def __init__(self, store_path: Path) -> None:
        from sunlight.store.sqlite import SqliteStore

        # The store itself: its migrations, its writing connection's settings (WAL, synchronous =
        # FULL, temporary files in memory) and its group commit, as a filing of the portal gets them.
        self.store = SqliteStore(store_path)
        self.write = self.store._write  # noqa: SLF001 - a bare job of the store's group commit
        self.write(
            lambda conn: conn.execute(
                "INSERT OR IGNORE INTO counters VALUES ('floor', 0, '9999-12-31T00:00:00Z')"
            )
        )
        self.key = secrets.token_bytes(32)

    def file(self, body: bytes, idempotency_key: str, one_row: bool) -> bytes | None:
        """The answer's JSON once the rows are committed; None when a field is missing."""
        from sunlight.service.codes import hash_access_code, new_access_code, new_tracking_no

        data = json.loads(body)
        if not all(isinstance(data.get(f), str) and data[f] for f in FIELDS):
            return None
        tracking_no, code = new_tracking_no(FILED_ON), new_access_code()
        code_hash = hash_access_code(code, self.key)
        key_hash = hmac.new(self.key, idempotency_key.encode(), hashlib.sha256).hexdigest()
        doc = json.dumps({**data, "tracking_no": tracking_no, "code_hash": code_hash}, ensure_ascii=False)

        def work(conn: sqlite3.Connection) -> None:
            if one_row:  # the least a durable write can be: one row
                conn.execute(
                    "INSERT INTO idempotency VALUES (?, ?, ?, ?, ?)",
                    (key_hash, code_hash, tracking_no, doc, NOW),
                )
                return
            conn.execute("UPDATE counters SET value = value + 1 WHERE key = 'floor'")
            conn.execute(
                "INSERT INTO complaints (version, status, handling_office, supervising_office, review_office,"
                " escalated_to, is_open, next_due, timer_on, data, tracking_no)"
                " VALUES (1, 'submitted', 'squad-east', 'supervision', '', '', 1, '2026-12-31', '2026-12-29', ?, ?)",
                (doc, tracking_no),
            )
            conn.executemany(
                "INSERT INTO inbox (office, tracking_no) VALUES (?, ?)",
                [("squad-east", tracking_no), ("supervision", tracking_no)],
            )
            conn.execute(
                "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?)",
                (tracking_no, "0001", NOW, "reporter", "file", "{}"),
            )
            for n, recipient in enumerate(("office@example.com", "reporter@example.com")):
                conn.execute(
                    "INSERT INTO outbox (id, key, channel, recipient, subject, body, kind, tracking_no, office,"
                    " payload, created_at, next_attempt_at, attempts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)",
                    (secrets.token_hex(16), f"{tracking_no}/{n}", "email", recipient, "投诉已受理", BODY,
                     "filed", tracking_no, "squad-east", "{}", NOW, NOW),
                )  # fmt: skip
            conn.execute(
                "INSERT INTO idempotency VALUES (?, ?, ?, ?, ?)", (key_hash, code_hash, tracking_no, "", NOW)
            )

        self.write(work)
        return json.dumps({"tracking_no": tracking_no, "access_code": code}).encode()


def bare_application(floor: Floor) -> Callable[..., Iterable[bytes]]:
    """``/hello`` and the floor's routes as a WSGI application of a few lines."""
    hello = json.dumps({"status": "ok"}).encode()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ["PATH_INFO"]
        if path == "/hello":
            out: bytes | None = hello
        else:
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            out = floor.file(body, environ.get("HTTP_IDEMPOTENCY_KEY", ""), path.endswith("one-row"))
        if out is None:
            start_response("422 Unprocessable Entity", [("Content-Length", "0")])
            return [b""]
        status = "200 OK" if path == "/hello" else "201 Created"
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(out)))])
        return [out]

    return app


def stack_application(floor: Floor) -> Callable[..., Iterable[bytes]]:
    """The same routes under ``/api/`` through the portal's own layers: a Chalice app with the API's
    error middleware and guard, the gateway's Lambda-style event (``ChaliceWSGI``) and the portal's
    access log and security headers (``sunlight.server.Portal``); ``/api/hello`` answers as
    ``/api/health`` does."""
    import datetime as dt

    from chalice import Response
    from sunlight.api.errors import guard, json_response, normalize
    from sunlight.api.gateway import ChaliceWSGI, ThreadLocalChalice
    from sunlight.server import Portal

    api = ThreadLocalChalice(app_name="floor", configure_logs=False)
    api.register_middleware(normalize, "http")

    @api.route("/api/hello", methods=["GET"])
    @guard
    def hello() -> Response:
        return json_response({"status": "ok", "now": dt.datetime.now(SHANGHAI).isoformat()})

    def filed(one_row: bool) -> Response:
        request = api.current_request
        body = floor.file(request.raw_body, request.headers.get("idempotency-key", ""), one_row)
        if body is None:
            return json_response({"error": "invalid"}, 422)
        return Response(body=body.decode(), status_code=201, headers={"Content-Type": "application/json"})

    @api.route("/api/file", methods=["POST"], content_types=["application/json"])
    @guard
    def file() -> Response:
        return filed(False)

    @api.route("/api/file-one-row", methods=["POST"], content_types=["application/json"])
    @guard
    def file_one_row() -> Response:
        return filed(True)

    def no_site(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        start_response("404 Not Found", [("Content-Length", "0")])
        return [b""]

    return Portal(ChaliceWSGI(api), no_site)


def serve(port: int, store_path: Path, stack: bool) -> None:
    from waitress import serve as waitress_serve

    if stack:  # logging as `sunlight serve` sets it up: the portal's access log is part of a request
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    floor = Floor(store_path)
    app = stack_application(floor) if stack else bare_application(floor)
    waitress_serve(app, host="127.0.0.1", port=port, threads=8, _quiet=True)


def requests_for(prefix: str) -> list[tuple[str, api_throughput.Request]]:
    """(route, request maker) for the three routes under ``prefix``: the filing's body is the
    benchmark's complaint (``api_throughput.filing``), with its fresh ``Idempotency-Key``."""

    def hello(_: int) -> tuple[str, str, bytes | None, dict[str, str]]:
        return "GET", f"{prefix}/hello", None, {}

    def filing(path: str) -> api_throughput.Request:
        def make(n: int) -> tuple[str, str, bytes | None, dict[str, str]]:
            method, _, body, headers = api_throughput.filing(n)
            return method, path, body, headers

        return make

    return [
        (f"GET {prefix}/hello", hello),
        (f"POST {prefix}/file", filing(f"{prefix}/file")),
        (f"POST {prefix}/file-one-row", filing(f"{prefix}/file-one-row")),
    ]


def measure(stack: bool, requests: int, clients: int, tmp: Path) -> list[api_throughput.Measured]:
    name = "the portal's layers" if stack else "bare WSGI"
    port = api_throughput.free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "backend"), str(ROOT / "site")])}
    store = tmp / f"floor-{port}.sqlite3"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--serve", str(port), str(store)]
    cmd += ["--stack"] if stack else []
    with (tmp / f"floor-{port}.log").open("wb") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    routes = requests_for("/api" if stack else "")
    try:
        api_throughput.wait_until(
            f"http://127.0.0.1:{port}{routes[0][0].split()[1]}", proc, "the floor server"
        )
        for _, make in routes:  # warm up
            api_throughput.hammer(port, make, clients * 2, clients)
        measured = []
        for route, make in routes:
            before = api_throughput.cpu_seconds(proc.pid)
            ok, seconds, latencies, failed = api_throughput.hammer(port, make, requests, clients)
            used = api_throughput.cpu_seconds(proc.pid) - before
            measured.append(
                api_throughput.Measured(name, route, requests, ok, seconds, latencies, failed, used)
            )
            print(f"  floor, {name}: {route} {requests / seconds:.1f}/s", file=sys.stderr)
        return measured
    finally:
        api_throughput.stop(proc)


def run(requests: int = 200, clients: int = 16) -> list[str]:
    """Both servers, each route, as report lines."""
    with tempfile.TemporaryDirectory(prefix="sunlight-floor-") as tmp:  # on disk: commits pay their fsync
        measured = measure(False, requests, clients, Path(tmp)) + measure(True, requests, clients, Path(tmp))
    lines = [
        f"### The floor of a durable filing: {requests} requests per route at {clients} concurrent clients",
        "",
        "`scripts/bench/filing_floor.py`: waitress (8 threads) serving a hello-world route and a filing",
        "with no rules (parse, number, code and its keyed hash, a filing's rows in one group-commit job,",
        "on disk), first as a bare WSGI application, then through the portal's own layers (Chalice,",
        "the gateway's event, the access log and the security headers).",
        "",
        *api_throughput.table(measured, "server"),
    ]
    for server in (measured[:3], measured[3:]):
        hello = server[0]
        for m in server[1:]:
            share, cpu = api_throughput.beside(m, hello)
            lines.append(
                f"- {m.store}: `{m.route}` at {share:.0f} % of the same server's hello-world throughput, "
                f"{cpu:.1f} × its CPU a request"
            )
    return lines


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--serve", nargs=2, metavar=("PORT", "STORE"), help=argparse.SUPPRESS)
    parser.add_argument("--stack", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), Path(args.serve[1]), args.stack)
    else:
        print("\n".join(run(args.requests, args.clients)))
