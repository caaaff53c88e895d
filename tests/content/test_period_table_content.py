"""The period table of ``agency.yaml: publication.periods`` as ``sunlight check`` reports it.

Every problem names the file, the line and the field path of the row (the minimal
``agency.yaml`` has 8 lines, so ``publication:`` is line 9 and the first row starts on line 11).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sunlight.content.loader import load_content

from .conftest import write_content

SUNLIGHT = Path(sys.executable).parent / "sunlight"


def with_periods(root: Path, rows: str) -> None:
    agency = (root / "agency.yaml").read_text(encoding="utf-8")
    write_content(root, {"agency.yaml": agency + "publication:\n  periods:\n" + rows})


def messages(root: Path) -> tuple[list[str], list[str]]:
    _, problems = load_content(root)
    return [str(p) for p in problems.errors], [str(p) for p in problems.items if p.severity == "warning"]


def test_other_kinds_not_published_names_file_line_and_field(minimal: Path) -> None:
    with_periods(
        minimal,
        "    - id: a\n"  # line 11
        "      一般: {min_months: 3, max_months: 12}\n"
        "      other_kinds: 不公示\n",  # line 13
    )
    errors, _ = messages(minimal)
    assert errors == [
        "content/agency.yaml:13: publication.periods[0].other_kinds: "
        "其他类别的决定（行政许可等）应当公示（国办发〔2018〕118号），应填写 {min_months, max_months}，不能“不公示” / "
        "decisions of other kinds (行政许可 ...) must be published (国办发〔2018〕118号): "
        "give {min_months, max_months}, not none"
    ]


def test_overlapping_until_names_its_line(minimal: Path) -> None:
    with_periods(
        minimal,
        "    - id: a\n"  # line 11
        "      until: 2025-06-30\n"  # line 12
        "      一般: {min_months: 3, max_months: 12}\n"
        "    - {id: b, from: 2025-01-01, 一般: {min_months: 3, max_months: 24}}\n",
    )
    errors, _ = messages(minimal)
    assert errors == [
        "content/agency.yaml:12: publication.periods[0].until: "
        "与下一行重叠：until 应早于下一行的 from（2025-01-01） / "
        "overlaps the next row: until must be before the next row's from (2025-01-01)"
    ]


def test_a_gap_after_until_is_a_warning(minimal: Path) -> None:
    with_periods(
        minimal,
        "    - id: a\n"  # line 11
        "      一般: {min_months: 3, max_months: 12}\n"
        "      until: 2025-12-31\n",  # line 13
    )
    errors, warnings = messages(minimal)
    assert errors == []
    assert warnings == [
        "content/agency.yaml:13: publication.periods[0].until: "
        "2026-01-01 起本表未作规定，适用国家规定 / from 2026-01-01 on the table sets no period: the national rules apply"
    ]


def test_a_second_row_without_from_names_the_row(minimal: Path) -> None:
    with_periods(
        minimal,
        "    - {id: a, 一般: {min_months: 3, max_months: 12}}\n"  # line 11
        "    - {id: b, from: 2024-01-01, 一般: {min_months: 3, max_months: 24}}\n"
        "    - {id: c, 一般: {min_months: 3, max_months: 36}}\n",  # line 13
    )
    errors, _ = messages(minimal)
    assert errors == [
        "content/agency.yaml:13: publication.periods[2].from: 只有第一行可以不填 from / only the first row may leave out from"
    ]


def test_sunlight_check_fails_on_a_doubtful_table(minimal: Path) -> None:
    with_periods(
        minimal,
        "    - id: a\n"  # line 11
        "      一般: {min_months: 3, max_months: 12}\n"
        "      other_kinds: none\n"  # line 13
        "    - id: b\n"  # line 14
        "      一般: {min_months: 3, max_months: 24}\n",
    )
    result = subprocess.run(
        [str(SUNLIGHT), "check", minimal.name, "--today", "2026-06-01"],
        capture_output=True,
        text=True,
        cwd=minimal.parent,
        timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert any(
        line.startswith("content/agency.yaml:13: publication.periods[0].other_kinds: ") for line in lines
    )
    assert (
        "content/agency.yaml:14: publication.periods[1].from: 只有第一行可以不填 from / only the first row may leave out from"
        in lines
    )
    assert "Traceback" not in result.stderr
