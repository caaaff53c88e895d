"""Benchmarks of the site build (``make bench``); prints a Markdown report for docs/benchmarks.md.

Scenarios (pick with ``--only``):

- ``peers``: N decision pages + a paginated index (50 a page) + an Atom feed of the newest 100,
  built side by side from the same synthetic records by Sunlight, plain Pelican, Hugo and a
  floor that only writes the same files (``--peers-n``, default 20,000).
- ``city``: a whole city-scale site (``--city-n`` decisions, default 100,000) with every page
  kind: wall time and peak memory; then a rebuild after one day's 300 new and 20 withdrawn
  decisions: time, files rewritten, and byte identity with a full build of the same content.
- ``agency``: the sample agency (``content/``) and a synthetic agency with 2,000 power items.
- ``search``: the same 24,000 decision pages indexed as 1, 4, 10 and 40 search shards, and the
  time headless Chromium on a throttled network takes to show a first result for each.
- ``api``: filings per second and p50/p99 latency beside a hello-world route (``/api/health``)
  of the same ``sunlight serve`` (waitress), on the SQLite store and on the DynamoDB store
  against moto server (``bench/api_throughput.py``; ``--api-n`` requests, ``--api-clients``);
  then the floor of a durable filing on the same server stack: a bare WSGI application's
  hello-world beside a filing with no rules that writes the same rows (``bench/filing_floor.py``;
  ``--floor-n`` requests a route, default 4,000: a few seconds, and 200 swing by ±10 points).

Every build runs as a child process; wall time is measured around it. Peak memory is the larger
of the child's own maximum resident set size (``os.wait4``) and the peak, sampled every 50 ms, of
the PSS summed over the child and every process it starts (``bench/memory.py``): page workers
and pagefind count too.

Inputs and outputs go to a RAM file system (``/dev/shm``) when there is one, so that the
figures measure the generators rather than the disk's writeback (on this project's machine the
same 20,000 small files took anything from 3 to 16 s to write to disk, run after run);
``--disk`` puts them in the system's temporary directory instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "scripts" / "bench"
sys.path.insert(0, str(BENCH))

import peers  # noqa: E402
import records as recs  # noqa: E402
from memory import TreeMemory  # noqa: E402

PY = sys.executable


@dataclass
class Run:
    name: str
    seconds: float
    peak_mb: float
    files: int
    ok: bool = True
    note: str = ""
    stdout: str = ""


def measure(name: str, cmd: list[str], out: Path | None = None, cwd: Path | None = None) -> Run:
    """Run ``cmd`` as a child; wall time and peak memory: the larger of the child's own peak RSS
    (``os.wait4``) and the sampled peak of the PSS summed over it and its descendants (``memory``)."""
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out_f, stderr=err_f)
        with TreeMemory(proc.pid) as tree:
            _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out_f.seek(0)
        err_f.seek(0)
        stdout, stderr = out_f.read().decode(errors="replace"), err_f.read().decode(errors="replace")
    files = count_files(out) if out and out.exists() else 0
    ok = proc.returncode == 0
    note = "" if ok else (stderr.strip().splitlines() or ["failed"])[-1]
    peak_mb = max(usage.ru_maxrss, tree.peak_kb) / 1024
    print(
        f"  {name}: {seconds:.2f} s, {peak_mb:.0f} MB (own RSS {usage.ru_maxrss / 1024:.0f} MB, "
        f"tree PSS {tree.peak_kb / 1024:.0f} MB), {files} files {note}",
        file=sys.stderr,
    )
    return Run(name, seconds, peak_mb, files, ok, note, stdout)


def count_files(root: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(root))


def tree_digest(root: Path) -> dict[str, str]:
    digest = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = Path(dirpath) / f
            digest[str(p.relative_to(root))] = hashlib.sha1(p.read_bytes()).hexdigest()
    return digest


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return f"{os.cpu_count()} CPUs ({cpu}), {mem_kb / 1024 / 1024:.0f} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def file_system(path: Path) -> str:
    """The type of the file system holding ``path`` (from /proc/mounts), e.g. tmpfs or ext4."""
    best, kind = "", "unknown"
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return kind
    target = str(path.resolve())
    for line in mounts:
        parts = line.split()
        inside = len(parts) > 2 and (target == parts[1] or target.startswith(parts[1].rstrip("/") + "/"))
        if inside and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


# ---------------------------------------------------------------- peers


def bench_peers(n: int, work: Path, rounds: int) -> list[str]:
    records = recs.make_records(n)
    csv_path = work / "records.csv"
    recs.write_csv(records, csv_path)
    pel_content, pel_conf = peers.prepare_pelican(records, work / "pelican")
    hugo_project = peers.prepare_hugo(records, work)
    sunlight_content = work / "sunlight-content"
    sunlight_shape_setup(csv_path, sunlight_content)

    def runs() -> list[tuple[str, list[str], Path, Path | None]]:
        o = work / "out"
        return [
            (
                "Sunlight",
                [PY, str(BENCH / "sunlight_shape.py"), str(sunlight_content), str(o / "sunlight")],
                o / "sunlight",
                None,
            ),
            (
                "plain Pelican",
                [PY, "-m", "pelican", str(pel_content), "-o", str(o / "pelican"), "-s", str(pel_conf), "-q"],
                o / "pelican",
                None,
            ),
            ("Hugo", [peers.hugo_binary(), "--quiet", "-d", str(o / "hugo")], o / "hugo", hugo_project),
            (
                "floor (writes only)",
                [PY, str(BENCH / "floor.py"), str(csv_path), str(o / "floor")],
                o / "floor",
                None,
            ),
        ]

    best: dict[str, Run] = {}
    for _ in range(rounds):
        for name, cmd, out, cwd in runs():
            shutil.rmtree(out, ignore_errors=True)
            run = measure(name, cmd, out, cwd)
            if name not in best or (run.ok and run.seconds < best[name].seconds):
                best[name] = run
    hugo = best["Hugo"].seconds
    lines = [
        f"### Peers' shape: {n:,} decision pages + index (50 a page) + Atom feed of the newest 100",
        "",
        f"Best of {rounds} rounds, cold output directory each time.",
        "",
        "| generator | wall time (s) | x Hugo | peak memory (MB) | files written |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for run in best.values():
        ratio = f"{run.seconds / hugo:.2f}" if run.ok else "-"
        lines.append(
            f"| {run.name} | {run.seconds:.2f} | {ratio} | {run.peak_mb:.0f} | {run.files:,} |"
            + (f" failed: {run.note}" if not run.ok else "")
        )
    stages = _stages(best["Sunlight"].stdout)
    if stages:
        lines += [
            "",
            "Sunlight's best round by stage (s, wall time from the start of each to the start of the "
            "next; pages are rendered and written by forked children from the publishing stage on): "
            + ", ".join(f"{k.replace('_', ' ')} {v:.2f}" for k, v in stages.items())
            + ".",
        ]
    s, p = best["Sunlight"].seconds, best["plain Pelican"].seconds
    lines += [
        "",
        f"Sunlight = {s / hugo:.2f} x Hugo (target <= 0.5); plain Pelican / Sunlight = {p / s:.1f} (target >= 10).",
    ]
    return lines


def _stages(stdout: str) -> dict[str, float]:
    import json

    for line in reversed(stdout.strip().splitlines()):
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict):
            return {str(k): float(v) for k, v in data.items()}
    return {}


def sunlight_shape_setup(csv_path: Path, content: Path) -> None:
    """A content directory holding the benchmark records as Sunlight's decision feed."""
    import sunlight_shape

    sunlight_shape.write_content(csv_path, content)


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=["peers", "city", "agency", "search", "api"],
        help="scenarios (default: all)",
    )
    parser.add_argument("--peers-n", type=int, default=20_000)
    parser.add_argument("--city-n", type=int, default=100_000)
    parser.add_argument("--api-n", type=int, default=200, help="requests per route of the api scenario")
    parser.add_argument("--api-clients", type=int, default=16, help="concurrent clients of the api scenario")
    parser.add_argument(
        "--floor-n",
        type=int,
        default=4000,
        help="requests per route of the api scenario's floor (quick: keep it high)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the peer scenario (best is kept)")
    parser.add_argument("--work", help="work directory (default: a temporary one, removed afterwards)")
    parser.add_argument(
        "--disk", action="store_true", help="temporary work directory on disk, not in /dev/shm"
    )
    args = parser.parse_args(argv)
    scenarios = args.only or ["peers", "city", "agency", "search", "api"]
    ram = None if args.disk or not os.access("/dev/shm", os.W_OK) else "/dev/shm"
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="sunlight-bench-", dir=ram))
    work.mkdir(parents=True, exist_ok=True)
    report = [
        f"## `{' '.join(['make bench'] if not argv and len(sys.argv) == 1 else ['python scripts/bench.py', *sys.argv[1:]])}`",
        "",
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {machine()}",
        f"- work directory (inputs and outputs): {work} on {file_system(work)}",
        "",
    ]
    try:
        if "peers" in scenarios:
            report += bench_peers(args.peers_n, work / "peers", args.rounds) + [""]
        if "city" in scenarios:
            import bench_city

            report += bench_city.run(args.city_n, work / "city", measure, tree_digest, count_files) + [""]
        if "agency" in scenarios:
            import bench_city

            report += bench_city.run_agency(work / "agency", measure) + [""]
        if "search" in scenarios:
            import search_browser

            report += search_browser.run(work / "search") + [""]
        if "api" in scenarios:
            import api_throughput
            import filing_floor

            report += api_throughput.run(work / "api", args.api_n, args.api_clients) + [""]
            report += filing_floor.run(args.floor_n, args.api_clients) + [""]
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
