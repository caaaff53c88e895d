"""The Lambda handler's cold import, measured from the unpacked zip as Lambda runs it.

    python scripts/aws/coldstart.py [dist/aws/deployment.zip] [--runs 21]

Unpacks the zip read-only, then runs ``python -S -B -X importtime -c 'import app'`` (no site-packages,
no bytecode written) ``--runs`` times, with the shipped .pyc and without it, interleaved. Prints the
minimum and median of ``app``'s cumulative import time and the child's CPU time (user + sys), which
other load on the machine disturbs less than the wall clock.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_once(root: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-S", "-B", "-X", "importtime", "-c", "import app"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": os.environ.get("PATH", "")},
        capture_output=True,
        text=True,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = [x for x in result.stderr.splitlines() if x.rstrip().endswith("| app")][-1]
    wall_ms = int(line.split("|")[1]) / 1000
    cpu_ms = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall_ms, cpu_ms


def unpack(zip_path: Path, target: Path, bytecode: bool) -> None:
    with zipfile.ZipFile(zip_path) as zipped:
        zipped.extractall(target)
    if not bytecode:
        for cache in list(target.rglob("__pycache__")):
            shutil.rmtree(cache)
    for path in sorted(target.rglob("*"), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("zip", nargs="?", type=Path, default=ROOT / "dist" / "aws" / "deployment.zip")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    print(f"{args.zip}: {args.zip.stat().st_size / 1e6:.2f} MB zipped; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        roots = {"with .pyc": Path(tmp) / "pyc", "sources only": Path(tmp) / "src"}
        unpack(args.zip, roots["with .pyc"], bytecode=True)
        unpack(args.zip, roots["sources only"], bytecode=False)
        samples: dict[str, list[tuple[float, float]]] = {k: [] for k in roots}
        for _ in range(args.runs):
            for label, root in roots.items():
                samples[label].append(run_once(root))
        for label, values in samples.items():
            wall = [w for w, _ in values]
            cpu = [c for _, c in values]
            print(
                f"{label:>13}: import app {min(wall):.0f} ms min, {statistics.median(wall):.0f} ms median; "
                f"process CPU {min(cpu):.0f} ms min, {statistics.median(cpu):.0f} ms median ({args.runs} runs)"
            )
        for root in roots.values():
            for path in root.rglob("*"):
                path.chmod(0o755 if path.is_dir() else 0o644)
            root.chmod(0o755)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
