"""XLSX files whose bytes depend on their content only: a rebuild writes the same file.

openpyxl makes the package (workbook, styles, content types, properties, the sheet's frame
with its frozen header row); the rows are written here as the sheet's ``<sheetData>``, every
cell an inline string (ECMA-376 ``t="inlineStr"``): about 30 times faster than openpyxl's cell
objects (0.5 ms a row), which matters for an agency of 100,000 decisions. Every cell is text:
a value that starts like a formula (``=``, ``+``...) stays text, as typed, and amounts keep
their decimals exactly (0.300000). Characters XML cannot hold (control characters other than
tab, line feed and carriage return) are left out, as openpyxl would refuse them.

openpyxl stamps a workbook with the time it is saved (``docProps/core.xml``) and every ZIP entry
with the local time: ``xlsx_bytes`` gives the workbook fixed properties (``stamp``, the creator)
and writes each ZIP entry with a fixed date, so the same rows give the same bytes on any day.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a ZIP entry can hold
SHEET_PART = "xl/worksheets/sheet1.xml"
EMPTY_DATA = b"<sheetData></sheetData>"
ENTITIES = {"\r": "&#13;"}  # a carriage return survives XML's line-end normalisation


def _cell(ref: str, value: str) -> str:
    text = escape(ILLEGAL_CHARACTERS_RE.sub("", value), ENTITIES)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def sheet_data(rows: Sequence[Sequence[str]]) -> tuple[bytes, str]:
    """``<sheetData>`` of ``rows`` (empty cells left out) and the sheet's dimension (``A1:W3``)."""
    width = max((len(r) for r in rows), default=1) or 1
    letters = [get_column_letter(i) for i in range(1, width + 1)]
    parts = ["<sheetData>"]
    for number, row in enumerate(rows, 1):
        parts.append(f'<row r="{number}">')
        parts.extend(_cell(f"{letters[i]}{number}", str(v)) for i, v in enumerate(row) if v not in ("", None))
        parts.append("</row>")
    parts.append("</sheetData>")
    return "".join(parts).encode("utf-8"), f"A1:{letters[-1]}{max(len(rows), 1)}"


class _FixedDateZip(ZipFile):
    """A ZIP archive whose entries all carry ``ZIP_DATE`` and the same permissions; the empty
    ``<sheetData>`` of the sheet part is replaced with ``rows``."""

    rows: tuple[bytes, str] = (EMPTY_DATA, "A1")

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):  # type: ignore[no-untyped-def]
        if isinstance(zinfo_or_arcname, str):
            info = ZipInfo(zinfo_or_arcname, date_time=ZIP_DATE)
            info.compress_type = ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):  # type: ignore[no-untyped-def]
        """openpyxl writes a worksheet from a temporary file, which would carry its time."""
        with open(filename, "rb") as f:
            data = f.read()
        name = str(arcname or filename)
        if name == SHEET_PART:
            body, dimension = self.rows
            assert data.count(EMPTY_DATA) == 1, "the sheet frame has changed"
            data = data.replace(EMPTY_DATA, body).replace(
                b'<dimension ref="A1:A1"/>', f'<dimension ref="{dimension}"/>'.encode()
            )
        self.writestr(name, data)


def xlsx_bytes(
    sheet: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    stamp: dt.datetime,
    creator: str,
) -> bytes:
    """One sheet: a header row and the rows, every cell text. ``stamp`` (naive, UTC) is the
    workbook's created and modified time."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.freeze_panes = "A2"
    props = book.properties
    props.creator = creator
    props.last_modified_by = creator
    props.created = stamp
    props.modified = stamp
    buffer = io.BytesIO()
    archive = _FixedDateZip(buffer, "w", ZIP_DEFLATED)
    archive.rows = sheet_data([list(columns), *rows])
    ExcelWriter(book, archive).save()
    return buffer.getvalue()
