"""API throughput (``scripts/bench.py --only api``): filings per second and p50/p99 latency against a
hello-world route of the same server, on each store, in one run.

For each store, ``sunlight serve`` (waitress, 8 threads; the small fixture agency, no search
index, the timer loop parked) is started as a process on a free port:

- SQLite (WAL), the file in a fresh ``--data`` folder;
- DynamoDB, ``SUNLIGHT_STORE=dynamodb://TABLE`` against ``moto_server`` (started here on
  127.0.0.1; ``serve`` creates the table as ``store init`` does), once as it is and once
  serialised (one request at a time, as the store tests run it).

Then ``clients`` threads, each with its own keep-alive HTTP connection, send ``requests`` requests
in all, first ``GET /api/health`` (the hello-world route: no store, no hashing), then
``POST /api/complaints`` (a complaint with a fresh ``Idempotency-Key`` each). Wall time is from
the first request sent to the last answer read; latency is per request, at the client. The client
runs on the same machine (its threads cost CPU too), as the server's own logging does. The server
process's CPU time (user + system, all threads, from ``/proc``) during each route's run, divided by
its requests, is the figure the machine's load disturbs least: with one Python process serving both
routes, filing's share of hello-world throughput is about the inverse of their CPU ratio.

Filing limits: every request comes from one address, so the per-client limit is lifted
(``SUNLIGHT_FILING_LIMIT_PER_CLIENT=0``); the global limit stays on, set above the run's filings,
so that counting each filing against it is part of what is measured.

The SQLite file lives on disk (the system's temporary directory), not in the RAM work directory
of ``make bench``: each commit's fsync is part of what a filing costs.
"""

from __future__ import annotations

import http.client
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "small-agency"
BIN = Path(sys.executable).parent
STARTUP_SECONDS = 180

COMPLAINT = {  # valid for the fixture agency (tests/backend/api/api_fixtures.py's complaint())
    "category": "arbitrary-fine",
    "subject": "检查时未出示执法证件即开具罚单",
    "description": "2026年12月20日上午,执法人员到店检查,未出示证件,当场开具罚款。",
    "reporter": {
        "type": "person",
        "name": "王某某",
        "phone": "13800138000",
        "email": "wang@example.com",
    },
    "office": "squad-east",
    "street": "东湖街道",
    "occurred_on": "2026-12-20",
}


@dataclass
class Measured:
    store: str
    route: str
    requests: int
    ok: int
    seconds: float
    latencies_ms: list[float]
    failures: dict[str, int]
    server_cpu_seconds: float = 0.0  # user + system time of the server process during the route's run

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms(self) -> float:
        """The server's CPU time per request (all its threads; ms)."""
        return self.server_cpu_seconds / self.requests * 1000 if self.requests else 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (``/proc/PID/stat``, Linux), 0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(samples: list[float], p: float) -> float:
    """Nearest rank: the smallest sample with at least ``p`` % of the samples at or below it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(url: str, proc: subprocess.Popen[bytes], what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
                raise RuntimeError(f"{what} did not start ({url})\n{tail}") from None
            time.sleep(0.3)


def serve_env(extra: dict[str, str], filings: int = 200) -> dict[str, str]:
    path = os.pathsep.join([str(ROOT / "backend"), str(ROOT / "site"), os.environ.get("PYTHONPATH", "")])
    return {
        **os.environ,
        "PYTHONPATH": path,
        "SUNLIGHT_BUILD_SEARCH": "0",
        "SUNLIGHT_NOW": "2026-12-24T10:00:00+08:00",
        "PYTHONUNBUFFERED": "1",
        "SUNLIGHT_FILING_LIMIT_PER_CLIENT": "0",  # one address sends everything
        "SUNLIGHT_FILING_LIMIT_GLOBAL": str(2 * filings + 100),  # on, and above the run's filings
        **extra,
    }


def start_serve(
    data: Path, port: int, extra: dict[str, str], filings: int = 200
) -> tuple[subprocess.Popen[bytes], Path]:
    data.mkdir(parents=True, exist_ok=True)
    log = data.parent / f"serve-{port}.log"
    cmd = [sys.executable, "-c", "import sys; from sunlight.cli import main; sys.exit(main())"]
    cmd += ["serve", str(FIXTURE), "--port", str(port), "--data", str(data), "--tick-seconds", "86400"]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=serve_env(extra, filings), stdout=out, stderr=subprocess.STDOUT)
    wait_until(f"http://127.0.0.1:{port}/api/health", proc, "sunlight serve", log)
    return proc, log


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


Request = Callable[[int], tuple[str, str, bytes | None, dict[str, str]]]


def health(_: int) -> tuple[str, str, bytes | None, dict[str, str]]:
    return "GET", "/api/health", None, {}


def filing(n: int) -> tuple[str, str, bytes | None, dict[str, str]]:
    body = dict(COMPLAINT, subject=f"{COMPLAINT['subject']} {n}")
    headers = {"Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex}
    return "POST", "/api/complaints", json.dumps(body, ensure_ascii=False).encode(), headers


def hammer(
    port: int, make: Request, requests: int, clients: int
) -> tuple[int, float, list[float], dict[str, int]]:
    """``requests`` requests from ``clients`` threads: answered 2xx, wall seconds, latencies (ms),
    and the other answers (status and the start of the body) with their counts."""
    jobs = iter(range(requests))
    lock = threading.Lock()
    latencies: list[float] = []
    ok = [0]
    failed: dict[str, int] = {}
    start = threading.Barrier(clients + 1)

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        start.wait()
        while True:
            with lock:
                n = next(jobs, None)
            if n is None:
                break
            method, path, body, headers = make(n)
            sent = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                answer = conn.getresponse()
                text = answer.read()
                status = answer.status
                if not 200 <= status < 300:
                    with lock:
                        key = f"{status} {text[:160].decode(errors='replace')}"
                        failed[key] = failed.get(key, 0) + 1
                if answer.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            except (OSError, http.client.HTTPException) as exc:
                status = 0
                with lock:
                    failed[f"no answer: {exc}"] = failed.get(f"no answer: {exc}", 0) + 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            took = (time.perf_counter() - sent) * 1000
            with lock:
                latencies.append(took)
                ok[0] += 200 <= status < 300
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    return ok[0], time.perf_counter() - began, latencies, failed


def measure_store(store: str, port: int, filings: int, clients: int, pid: int = 0) -> list[Measured]:
    hammer(port, health, clients * 2, clients)  # warm up: connections, imports, first queries
    hammer(port, filing, 2, 1)
    results = []
    for route, make in (("GET /api/health", health), ("POST /api/complaints", filing)):
        cpu_before = cpu_seconds(pid)
        ok, seconds, latencies, failed = hammer(port, make, filings, clients)
        used = cpu_seconds(pid) - cpu_before
        results.append(Measured(store, route, filings, ok, seconds, latencies, failed, used))
        print(
            f"  {store} {route}: {filings / seconds:.1f}/s, p50 {percentile(latencies, 50):.0f} ms, "
            f"p99 {percentile(latencies, 99):.0f} ms, server CPU {used / filings * 1000:.2f} ms a request, "
            f"{ok} ok",
            file=sys.stderr,
        )
    return results


def hash_us() -> float:
    """One access-code hash as the service makes it at filing (``codes.hash_access_code``), in µs."""
    sys.path.insert(0, str(ROOT / "backend"))
    from sunlight.service.codes import hash_access_code

    began = time.perf_counter()
    for _ in range(1000):
        hash_access_code("ABCD2345XY", b"k" * 32)
    return (time.perf_counter() - began) / 1000 * 1e6


MOTO_SERIAL = ROOT / "tests" / "backend" / "moto_serial.py"  # moto server, one request at a time


def start_moto(work: Path, serial: bool) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    log = (work / f"moto-{port}.log").open("wb")
    cmd = [sys.executable, str(MOTO_SERIAL), str(port)] if serial else [str(BIN / "moto_server")]
    if not serial:
        cmd += ["-H", "127.0.0.1", "-p", str(port)]
    proc = subprocess.Popen(cmd, stdout=log, stderr=log)
    log.close()
    wait_until(f"http://127.0.0.1:{port}/moto-api/", proc, "moto_server")
    return proc, f"http://127.0.0.1:{port}"


def dynamodb_env(endpoint: str) -> dict[str, str]:
    return {
        "SUNLIGHT_STORE": f"dynamodb://bench-{uuid.uuid4().hex[:8]}",
        "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }


STORES = [
    ("SQLite (WAL)", None),
    ("DynamoDB (moto server)", False),
    ("DynamoDB (moto server, serialised)", True),
]


def run(work: Path, filings: int = 200, clients: int = 16, sqlite_only: bool = False) -> list[str]:
    """SQLite (its file on disk), then DynamoDB on moto server as it is (threaded: it fails some
    concurrent transactions), then on moto server serialised as the store tests run it (DynamoDB's
    per-item atomicity, which moto lacks; ``tests/backend/moto_serial.py``)."""
    work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    measured: list[Measured] = []
    for i, (store, moto) in enumerate(STORES[:1] if sqlite_only else STORES):
        moto_proc, extra = None, {}
        if moto is not None:
            moto_proc, endpoint = start_moto(work, serial=moto)
            extra = dynamodb_env(endpoint)
        on_disk = Path(tempfile.mkdtemp(prefix="sunlight-api-")) if moto is None else None
        try:
            port = free_port()
            proc, _ = start_serve((on_disk or work) / f"data-{i}", port, extra, filings)
            try:
                measured += measure_store(store, port, filings, clients, proc.pid)
            finally:
                stop(proc)
        finally:
            if moto_proc is not None:
                stop(moto_proc)
            if on_disk is not None:
                shutil.rmtree(on_disk, ignore_errors=True)
    load_after = os.getloadavg()
    return report(measured, filings, clients, load_before, load_after, hash_us())


def report(
    measured: list[Measured],
    filings: int,
    clients: int,
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
    hash_micros: float,
) -> list[str]:
    lines = [
        f"### API throughput: {filings} requests per route at {clients} concurrent clients, `sunlight serve` (waitress)",
        "",
        f"- load average (1, 5, 15 min) before: {', '.join(f'{x:.1f}' for x in load_before)}; "
        f"after: {', '.join(f'{x:.1f}' for x in load_after)} ({os.cpu_count()} CPUs)",
        f"- SQLite's file on disk ({tempfile.gettempdir()}), so each commit pays its fsync",
        f"- one access-code hash (HMAC-SHA-256, as at filing): {hash_micros:.0f} µs",
        "",
        *table(measured, "store"),
    ]
    by_store: dict[str, dict[str, Measured]] = {}
    for m in measured:
        by_store.setdefault(m.store, {})[m.route] = m
    for store, routes in by_store.items():
        hello, filed = routes["GET /api/health"], routes["POST /api/complaints"]
        share, cpu = beside(filed, hello)
        lines.append(
            f"- {store}: filing at {share:.0f} % of hello-world throughput "
            f"(goal on SQLite: at least 50 %); filing p99 {percentile(filed.latencies_ms, 99):.0f} ms "
            f"(goal: under 100 ms); a filing costs the server {cpu:.1f} × the CPU of a hello-world request"
        )
    return lines


def table(measured: list[Measured], first: str) -> list[str]:
    """The Markdown table of ``measured`` (its first column headed ``first``), then each answer
    that was not 2xx with its count."""
    lines = [
        f"| {first} | route | requests | 2xx | per second | p50 ms | p99 ms | server CPU ms a request |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for m in measured:
        lines.append(
            f"| {m.store} | {m.route} | {m.requests} | {m.ok} | {m.per_second:.1f} | "
            f"{percentile(m.latencies_ms, 50):.0f} | {percentile(m.latencies_ms, 99):.0f} | {m.cpu_ms:.2f} |"
        )
    lines.append("")
    for m in measured:
        for what, count in m.failures.items():
            lines.append(f"- {m.store}, {m.route}: {count} answered `{' '.join(what.split())}`")
    return lines


def beside(m: Measured, hello: Measured) -> tuple[float, float]:
    """``m``'s throughput as a percentage of ``hello``'s, and its CPU a request as a multiple of it."""
    share = m.per_second / hello.per_second * 100 if hello.per_second else 0.0
    return share, m.cpu_ms / hello.cpu_ms if hello.cpu_ms else 0.0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filings", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--sqlite-only", action="store_true", help="skip the DynamoDB (moto) rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(run(Path(tmp), args.filings, args.clients, args.sqlite_only)))
