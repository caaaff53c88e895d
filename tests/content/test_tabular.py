"""The tabular reader on real files: CSV in UTF-8, UTF-8 with BOM and GB18030, XLSX, JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sunlight.content.tabular import read_table

ALIASES = {"记录编号": "id", "决定日期": "decided_on", "罚款金额(元)": "amount", "当事人名称": "party_name"}
CHINESE = "记录编号,当事人名称,决定日期,罚款金额（元）\n"
ROWS = "D1,明川味香阁餐饮有限公司,2025/9/28,500\nD2,江州宏远建设工程有限公司,2025年10月11日,\n"


def read_all(path: Path) -> tuple[list[str], list[tuple[int, dict[str, object]]], list[str]]:
    table = read_table(path, ALIASES, name=f"content/decisions/{path.name}")
    rows = list(table)
    return table.keys, rows, [str(p) for p in table.problems]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b"")],
    ids=["utf8", "utf8-bom", "gb18030"],
)
def test_csv_encodings_with_chinese_headers(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(prefix + (CHINESE + ROWS).encode(encoding))
    keys, rows, problems = read_all(path)
    assert problems == []
    assert keys == ["id", "party_name", "decided_on", "amount"]
    assert rows == [
        (2, {"id": "D1", "party_name": "明川味香阁餐饮有限公司", "decided_on": "2025/9/28", "amount": "500"}),
        (
            3,
            {
                "id": "D2",
                "party_name": "江州宏远建设工程有限公司",
                "decided_on": "2025年10月11日",
                "amount": "",
            },
        ),
    ]


def test_csv_english_keys_and_row_numbers_a_person_sees(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text('id,party_name\nD1,"一家\n跨两行的公司"\n\nD2,乙公司\n,\n', encoding="utf-8")
    keys, rows, problems = read_all(path)
    assert problems == []
    assert [n for n, _ in rows] == [2, 5]  # the quoted cell spans lines 2-3; line 4 is blank
    assert rows[0][1]["party_name"] == "一家\n跨两行的公司"


def test_unknown_and_repeated_headers_are_problems(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,当事人名陈,决定日期,decided_on\nD1,x,2025-01-01,2025-01-02\n", encoding="utf-8")
    keys, rows, problems = read_all(path)
    assert "content/decisions/c.csv:1: 当事人名陈: 未知的表头 / unknown column header" in problems
    assert any(
        p.startswith("content/decisions/c.csv:1: decided_on: 表头重复 / column appears twice")
        for p in problems
    )
    assert rows == [(2, {"id": "D1", "decided_on": "2025-01-01"})]


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(b"\xff\xfe\x00i\x00d\x00\n\x00")
    keys, rows, problems = read_all(path)
    assert rows == []
    assert problems == [
        "content/decisions/d.csv: 无法识别文件编码，请另存为 UTF-8 或 GB18030 编码的 CSV / cannot decode the file: save it as CSV in UTF-8 or GB18030"
    ]


def test_xlsx_with_real_date_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["记录编号", "当事人名称", "决定日期", "罚款金额(元)"])
    sheet.append(["D1", " 甲公司 ", dt.datetime(2025, 9, 28), 500])
    sheet.append([None, None, None, None])
    sheet.append(["D2", "乙公司", dt.date(2025, 10, 11), 1200.5])
    sheet["C4"].number_format = "yyyy-mm-dd"
    path = tmp_path / "e.xlsx"
    book.save(path)
    keys, rows, problems = read_all(path)
    assert problems == []
    assert rows[0] == (
        2,
        {"id": "D1", "party_name": "甲公司", "decided_on": dt.datetime(2025, 9, 28), "amount": 500},
    )
    assert rows[1][0] == 4  # the sheet's own row number; the blank row 3 is skipped
    assert isinstance(rows[1][1]["decided_on"], dt.datetime) and rows[1][1]["amount"] == 1200.5


def test_broken_xlsx_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    path.write_bytes(b"not a zip file")
    _, rows, problems = read_all(path)
    assert rows == [] and problems[0].startswith(
        "content/decisions/f.xlsx: 无法打开电子表格 / cannot open the spreadsheet"
    )


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    lines = [
        json.dumps({"id": "D1", "决定日期": "2025-09-28", "amount": 500}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "D2", "colour": "red", "amount": None}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    keys, rows, problems = read_all(path)
    assert rows == [
        (1, {"id": "D1", "decided_on": "2025-09-28", "amount": 500}),
        (5, {"id": "D2", "amount": ""}),
    ]
    assert any(p.startswith("content/decisions/g.jsonl:3: JSON 格式错误 / malformed JSON") for p in problems)
    assert "content/decisions/g.jsonl:4: 每行应为一个 JSON 对象 / each line must be a JSON object" in problems
    assert "content/decisions/g.jsonl:5: colour: 未知的字段 / unknown field" in problems


def test_title_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("2025年行政处罚决定公示表,,,\n,,,\n" + CHINESE + ROWS, encoding="utf-8")
    keys, rows, problems = read_all(csv_path)
    assert problems == [] and keys == ["id", "party_name", "decided_on", "amount"]
    assert [n for n, _ in rows] == [4, 5]

    book = Workbook()
    sheet = book.active
    sheet.append(["江州市明川区城市管理行政执法局行政处罚决定公示表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["记录编号", "当事人名称", "决定日期", "备注"])
    sheet.append(["D1", "甲公司", dt.datetime(2025, 9, 28), "x"])
    xlsx_path = tmp_path / "t.xlsx"
    book.save(xlsx_path)
    keys, rows, problems = read_all(xlsx_path)
    assert keys == ["id", "party_name", "decided_on"]
    assert problems == ["content/decisions/t.xlsx:2: 备注: 未知的表头 / unknown column header"]
    assert rows == [(3, {"id": "D1", "party_name": "甲公司", "decided_on": dt.datetime(2025, 9, 28)})]


cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
    | st.just("\n"),
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(cells, cells, cells, cells), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_csv_round_trip_property(
    tmp_path: Path, rows: list[tuple[str, str, str, str]], encoding: str
) -> None:
    """Whatever a spreadsheet program writes comes back cell for cell, with the line it starts on."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["记录编号", "当事人名称", "决定日期", "罚款金额(元)"])
    writer.writerows(rows)
    path = tmp_path / "p.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    expected = []
    line = 2
    for row in rows:
        if any(c.strip() for c in row):
            expected.append(
                (
                    line,
                    dict(
                        zip(
                            ["id", "party_name", "decided_on", "amount"],
                            (c.strip() for c in row),
                            strict=True,
                        )
                    ),
                )
            )
        line += 1 + sum(c.count("\n") for c in row)
    _, got, problems = read_all(path)
    assert problems == []
    assert got == expected


def test_extra_cells_and_unsupported_files(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id,party_name\nD1,甲,多余\nD2,乙,\n", encoding="utf-8")
    _, rows, problems = read_all(path)
    assert problems == ["content/decisions/x.csv:2: 单元格多于表头 / more cells than headers"]
    assert [r for _, r in rows] == [{"id": "D1", "party_name": "甲"}, {"id": "D2", "party_name": "乙"}]
    other = tmp_path / "x.xls"
    other.write_bytes(b"\xd0\xcf\x11\xe0")
    _, rows, problems = read_all(other)
    assert rows == [] and problems == [
        "content/decisions/x.xls: 不支持的文件类型，应为 .csv、.xlsx 或 .jsonl / unsupported file type: use .csv, .xlsx or .jsonl"
    ]
