"""Time ``sunlight publish`` of the sample agency to moto server: a first publish into an empty
bucket, then a second of the same build (which uploads nothing).

    .venv/bin/python scripts/bench/publish_moto.py [--site DIR] [--workers 16]

Builds ``content/`` with its search index into a temporary folder (or publishes ``--site``),
starts ``moto_server`` on a free port, runs ``sunlight publish`` as a process each time (wall
time, start-up included) and stops the server."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site")
    parser.add_argument("--workers", default="16")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(args.site) if args.site else Path(tmp) / "site"
        if not args.site:
            subprocess.run(
                [BIN / "sunlight", "build", ROOT / "content", "-o", site, "--today", "2026-11-22"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        files = sum(1 for p in site.rglob("*") if p.is_file())
        port = free_port()
        env = {
            **os.environ,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL_S3": f"http://127.0.0.1:{port}",
            "AWS_ENDPOINT_URL_CLOUDFRONT": f"http://127.0.0.1:{port}",
        }
        server = subprocess.Popen(
            [BIN / "moto_server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            subprocess.run(
                [BIN / "python", "-c", "import boto3; boto3.client('s3').create_bucket(Bucket='bench')"],
                env=env,
                check=True,
            )
            print(f"sample agency: {files} files in {site}")
            for label in ("first publish (empty bucket)", "second publish (same build)"):
                start = time.perf_counter()
                done = subprocess.run(
                    [BIN / "sunlight", "publish", site, "--bucket", "bench", "--workers", args.workers],
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                print(f"{label}: {time.perf_counter() - start:.2f} s; {done.stdout.strip()}")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
