"""The synthetic agency generator: deterministic, and its output passes `sunlight check`."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from sunlight.domain.credit_code import is_valid_credit_code

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "generate_agency.py"
SUNLIGHT = Path(sys.executable).parent / "sunlight"


def generate(out: Path, *args: str) -> None:
    subprocess.run([sys.executable, str(SCRIPT), str(out), *args], check=True, timeout=120)


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_output_is_deterministic_and_passes_check(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    args = ("--powers", "30", "--decisions", "2000", "--seed", "7")
    generate(first, *args)
    generate(second, *args)
    generate(other, "--powers", "30", "--decisions", "2000", "--seed", "8")
    assert files_of(first) == files_of(second)
    assert files_of(first) != files_of(other)

    result = subprocess.run(
        [str(SUNLIGHT), "check", str(first), "--today", "2026-01-15"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (
        "0 errors, 0 held back, 0 warnings" in result.stderr and "30 powers, 2000 decisions" in result.stderr
    )

    rows = []
    for path in sorted((first / "decisions").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    assert len(rows) == 2000
    assert {r["决定日期"][:4] for r in rows} == {"2023", "2024", "2025"}
    assert {r["决定类别"] for r in rows} == {"行政处罚", "行政许可", "行政强制", "行政检查", "其他"}
    assert len({r["执法机关"] for r in rows}) >= 10
    codes = [r["统一社会信用代码"] for r in rows if r["统一社会信用代码"]]
    assert codes and all(is_valid_credit_code(c) for c in codes)


def test_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "not empty" in result.stderr
