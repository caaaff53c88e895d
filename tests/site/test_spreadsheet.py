"""sunlight_site.data.spreadsheet: XLSX bytes that depend on the rows only, every cell text."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import openpyxl
import pytest
from sunlight_site.data.spreadsheet import xlsx_bytes

STAMP = dt.datetime(2026, 3, 1)


def make() -> bytes:
    return xlsx_bytes(
        "行政处罚", ["名称", "金额"], [["江州市某公司", "0.300000"]], stamp=STAMP, creator="明川区"
    )


def test_same_rows_same_bytes_at_another_time(monkeypatch: pytest.MonkeyPatch) -> None:
    first = make()
    later = time.time() + 86400 * 40  # forty days later, as a build next month would run
    monkeypatch.setattr(time, "time", lambda: later)
    assert make() == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert core.count("2026-03-01T00:00:00Z") == 2  # created and modified


def test_cells_are_text_and_a_formula_stays_text() -> None:
    data = xlsx_bytes("s", ["a", "b", "c"], [["=1+1", "0.300000", "+86"]], stamp=STAMP, creator="x")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[2]] == ["=1+1", "0.300000", "+86"]
    assert [c.data_type for c in sheet[2]] == ["s", "s", "s"]
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.properties.creator == "x" and book.properties.modified == STAMP


def test_whitespace_line_ends_escapes_and_empty_cells_read_back() -> None:
    rows = [[" 前后空格 ", "a\nb", "a\r\nb", "<&>\"'", "", "控制\x01字符"]]
    data = xlsx_bytes("s", ["1", "2", "3", "4", "5", "6"], rows, stamp=STAMP, creator="x")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[2]] == [" 前后空格 ", "a\nb", "a\r\nb", "<&>\"'", None, "控制字符"]
    assert sheet.dimensions == "A1:F2" and sheet.freeze_panes == "A2"


def test_a_header_only_sheet() -> None:
    sheet = openpyxl.load_workbook(
        io.BytesIO(xlsx_bytes("s", ["a", "b"], [], stamp=STAMP, creator="x"))
    ).active
    assert [[c.value for c in r] for r in sheet.iter_rows()] == [["a", "b"]]
