"""Reading tabular content files: CSV, XLSX and JSONL, with Chinese or English headers.

API::

    table = read_table(path, aliases, name="content/decisions/2025-q3.csv")
    for row_no, row in table:        # rows are read lazily, one at a time
        row["decided_on"]            # only known columns; a blank cell is ""
    table.keys                       # the keys of the file's known columns, in file order
    table.problems                   # list[Problem]; complete once the rows have been iterated

``aliases`` maps a header label to its key (``{"决定日期": "decided_on", ...}``); the keys
themselves are always accepted, as are the extra ``keys`` given. Headers are compared after
Unicode NFKC normalisation (full-width ``（元）`` equals ``(元)``), trimming and lower-casing.

Formats:

- ``.csv``: UTF-8 with or without BOM, else GB18030 (what Chinese spreadsheet programs
  write). The first line is the header, after up to five title rows (rows with at most one
  filled cell, such as a merged "2025年行政处罚决定公示表" title), which are skipped. A row number is the line on which the record starts,
  the header being line 1 (a quoted cell may span lines).
- ``.xlsx``: the first worksheet, read with openpyxl in read-only mode; date cells come back
  as ``datetime``, numbers as ``int``/``float``. Title rows are skipped as for CSV. A row number is the sheet's row number.
- ``.jsonl``: one JSON object per line, keys as headers. A row number is the line.

Rows whose cells are all blank are skipped. Problems (each naming the file and line, in
Chinese and English): a file that cannot be decoded or opened, an unknown or repeated
header, a row with more cells than headers, a JSONL line that is not a JSON object.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sunlight.domain.problems import Problem

TABULAR_SUFFIXES = (".csv", ".xlsx", ".jsonl")
# Spreadsheet formats an agency may save by habit but that are not read: reported, never skipped.
UNREADABLE_SUFFIXES = (".xls", ".xlsb", ".xlsm", ".ods", ".et", ".numbers")


def unreadable_problem(name: str) -> Problem:
    """The problem for a spreadsheet file in a format the loader does not read."""
    return Problem(
        "不支持的表格格式，未读取：请另存为 .xlsx、CSV（UTF-8 或 GB18030）或 JSON Lines",
        "spreadsheet format not read: save it as .xlsx, CSV (UTF-8 or GB18030) or JSON Lines",
        file=name,
    )


MAX_TITLE_ROWS = 5

Row = dict[str, object]


def normalize_header(label: object) -> str:
    """The form headers are compared in: NFKC, no BOM, trimmed, lower-case."""
    return unicodedata.normalize("NFKC", str(label or "")).replace("\ufeff", "").strip().lower()


@dataclass
class Table:
    """One tabular file being read; iterate it for ``(row_no, row)`` pairs."""

    name: str
    keys: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: Iterator[tuple[int, Row]] = field(default_factory=lambda: iter(()))

    def __iter__(self) -> Iterator[tuple[int, Row]]:
        return self.rows

    def _problem(self, zh: str, en: str, line: int | None = None, field: str = "", value: str = "") -> None:
        self.problems.append(Problem(zh, en, file=self.name, line=line, field=field, value=value))


def read_table(
    path: Path, aliases: Mapping[str, str], *, name: str | None = None, keys: Iterable[str] = ()
) -> Table:
    """Open ``path`` and read its header; the rows follow lazily (see the module docstring)."""
    lookup = {normalize_header(k): k for k in (*aliases.values(), *keys)}
    lookup.update({normalize_header(label): key for label, key in aliases.items()})
    table = Table(name or str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _open_csv(path, lookup, table)
    elif suffix == ".xlsx":
        _open_xlsx(path, lookup, table)
    elif suffix == ".jsonl":
        table.rows = _jsonl_rows(path, lookup, table)
    else:
        table._problem(
            "不支持的文件类型，应为 .csv、.xlsx 或 .jsonl", "unsupported file type: use .csv, .xlsx or .jsonl"
        )
    return table


def _find_header(
    rows: Iterable[tuple[int, Sequence[object]]], lookup: Mapping[str, str]
) -> tuple[int, list[object]] | None:
    """The header row and its number, after any title rows (a merged "xx公示表" cell) above it.

    A leading row with at most one filled cell that is not itself a known header is a title
    or a blank row; at most ``MAX_TITLE_ROWS`` of them are skipped.
    """
    for skipped, (row_no, cells) in enumerate(rows):
        filled = [c for c in cells if c is not None and str(c).strip()]
        is_title = len(filled) <= 1 and not (filled and normalize_header(filled[0]) in lookup)
        if is_title and skipped < MAX_TITLE_ROWS:
            continue
        return row_no, list(cells)
    return None


def _columns(
    header: list[object], lookup: Mapping[str, str], table: Table, header_row: int = 1
) -> list[tuple[int, str]]:
    """(index, key) of each known column; unknown and repeated headers become problems."""
    columns: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, label in enumerate(header):
        norm = normalize_header(label)
        if not norm:
            continue
        key = lookup.get(norm)
        if key is None:
            table._problem("未知的表头", "unknown column header", header_row, str(label).strip())
        elif key in seen:
            table._problem("表头重复", "column appears twice", header_row, key, str(label).strip())
        else:
            seen.add(key)
            columns.append((index, key))
    table.keys = [key for _, key in columns]
    return columns


def _decode(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _open_csv(path: Path, lookup: Mapping[str, str], table: Table) -> None:
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        table._problem("无法读取文件", f"cannot read the file: {exc.strerror}")
        return
    if text is None:
        table._problem(
            "无法识别文件编码，请另存为 UTF-8 或 GB18030 编码的 CSV",
            "cannot decode the file: save it as CSV in UTF-8 or GB18030",
        )
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    found = _find_header(((reader.line_num, cells) for cells in reader), lookup)
    if found is None:
        return
    header_row, header = found
    columns = _columns(header, lookup, table, header_row)
    table.rows = _csv_rows(reader, columns, len(header), table)


def _csv_rows(
    reader: Iterator[list[str]], columns: list[tuple[int, str]], width: int, table: Table
) -> Iterator[tuple[int, Row]]:
    start = reader.line_num + 1  # type: ignore[attr-defined]
    keys = [key for _, key in columns]
    # The common case, every header known: zip the cells onto the keys (fast for big feeds).
    plain = [i for i, _ in columns] == list(range(width))
    strip = str.strip
    try:
        for cells in reader:
            row_no, start = start, reader.line_num + 1  # type: ignore[attr-defined]
            if not any(cells) or not any(c.strip() for c in cells):
                continue
            count = len(cells)
            if count > width and any(c.strip() for c in cells[width:]):
                table._problem("单元格多于表头", "more cells than headers", row_no)
            if plain and count >= width:
                yield row_no, dict(zip(keys, map(strip, cells), strict=False))  # extra cells: reported above
            else:
                yield row_no, {key: cells[i].strip() if i < count else "" for i, key in columns}
    except csv.Error as exc:
        table._problem("CSV 格式错误", f"malformed CSV: {exc}", reader.line_num)  # type: ignore[attr-defined]


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return value


def _open_xlsx(path: Path, lookup: Mapping[str, str], table: Table) -> None:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        table._problem("无法打开电子表格", f"cannot open the spreadsheet: {type(exc).__name__}")
        return
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    found = _find_header(enumerate(rows, start=1), lookup)
    if found is None:
        workbook.close()
        return
    header_row, header = found
    columns = _columns(header, lookup, table, header_row)
    table.rows = _xlsx_rows(workbook, rows, columns, len(header), table, header_row + 1)


def _xlsx_rows(
    workbook: object,
    rows: Iterator[tuple[object, ...]],
    columns: list[tuple[int, str]],
    width: int,
    table: Table,
    first_row: int,
) -> Iterator[tuple[int, Row]]:
    try:
        for row_no, cells in enumerate(rows, start=first_row):
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            if len(cells) > width and any(c not in (None, "") for c in cells[width:]):
                table._problem("单元格多于表头", "more cells than headers", row_no)
            count = len(cells)
            yield row_no, {key: _cell(cells[i]) if i < count else "" for i, key in columns}
    finally:
        workbook.close()  # type: ignore[attr-defined]


def _jsonl_rows(path: Path, lookup: Mapping[str, str], table: Table) -> Iterator[tuple[int, Row]]:
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        table._problem("无法读取文件", f"cannot read the file: {exc.strerror}")
        return
    if text is None:
        table._problem("无法识别文件编码，请使用 UTF-8", "cannot decode the file: use UTF-8")
        return
    keys_seen: dict[str, None] = {}
    unknown_seen: set[str] = set()
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            table._problem("JSON 格式错误", f"malformed JSON: {exc.msg}", line_no)
            continue
        if not isinstance(record, dict):
            table._problem("每行应为一个 JSON 对象", "each line must be a JSON object", line_no)
            continue
        row: Row = {}
        for label, value in record.items():
            key = lookup.get(normalize_header(label))
            if key is None:
                if label not in unknown_seen:
                    unknown_seen.add(label)
                    table._problem("未知的字段", "unknown field", line_no, str(label))
                continue
            keys_seen.setdefault(key)
            row[key] = _cell(value)
        table.keys = list(keys_seen)
        yield line_no, row
