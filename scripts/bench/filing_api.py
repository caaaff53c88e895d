"""Filing against hello-world on one `sunlight serve` (SQLite), side by side in one run.

    .venv/bin/python scripts/bench/filing_api.py [--content content] [--clients 16] [--requests 200]

Starts `sunlight serve` on a fresh data directory with the filing limits off (a load test), then
sends the same number of requests at the same concurrency to `GET /api/health` and to
`POST /api/complaints` (a valid complaint each), and prints requests/s and p50/p99 latency of each
and the ratio. Every request opens its own connection, as a browser filing once does.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-12-24T10:00:00+08:00"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _complaint(n: int, category: str) -> bytes:
    body = {
        "category": category,
        "subject": f"执法检查中未出示证件(第{n}件)",
        "description": "执法人员未出示执法证件即开具罚单。",
        "reporter": {"type": "person", "name": "张三", "phone": "13800138000"},
        "street": "新镇街道",  # a street of the sample agency (content/offices.yaml)
    }
    return json.dumps(body, ensure_ascii=False).encode()


def _one(url: str, data: bytes | None) -> tuple[float, int]:
    headers = {"Content-Type": "application/json"} if data is not None else {}
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - local server
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return time.perf_counter() - start, status


def _run(url: str, bodies: list[bytes | None], clients: int) -> dict[str, float]:
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda b: _one(url, b), bodies))
    wall = time.perf_counter() - start
    times = sorted(t for t, _ in results)
    bad = [s for _, s in results if s >= 300]
    if bad:
        raise SystemExit(f"{url}: {len(bad)} failed requests, e.g. status {bad[0]}")
    return {
        "per_s": len(bodies) / wall,
        "p50_ms": statistics.median(times) * 1000,
        "p99_ms": times[max(0, int(len(times) * 0.99) - 1)] * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "SUNLIGHT_NOW": NOW,
            "SUNLIGHT_BUILD_SEARCH": "0",
            "SUNLIGHT_FILING_LIMIT_PER_CLIENT": "0",
            "SUNLIGHT_FILING_LIMIT_GLOBAL": "0",
        }
        command = [str(Path(sys.executable).with_name("sunlight")), "serve", args.content]
        command += ["--port", str(port), "--data", f"{tmp}/data", "--tick-seconds", "3600"]
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 300
            while True:
                try:
                    if _one(base + "/api/health", None)[1] == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("sunlight serve did not start")
                time.sleep(0.3)
            with urllib.request.urlopen(base + "/api/open311/v2/services.json") as answer:  # noqa: S310
                category = json.loads(answer.read())[0]["service_code"]
            warm = [_complaint(-n, category) for n in range(1, 17)]
            _run(base + "/api/complaints", warm, args.clients)
            health = _run(base + "/api/health", [None] * args.requests, args.clients)
            filing = _run(
                base + "/api/complaints",
                [_complaint(n, category) for n in range(args.requests)],
                args.clients,
            )
        finally:
            server.terminate()
            server.wait(30)
    print(f"| {args.requests} requests, {args.clients} clients | per s | p50 ms | p99 ms |")
    print("| --- | ---: | ---: | ---: |")
    for name, row in (("GET /api/health", health), ("POST /api/complaints", filing)):
        print(f"| {name} | {row['per_s']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} |")
    print(f"\nfiling / hello-world throughput: {filing['per_s'] / health['per_s']:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
