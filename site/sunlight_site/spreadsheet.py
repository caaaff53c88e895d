"""XLSX files whose bytes depend on their content only: a rebuild writes the same file.

openpyxl stamps a workbook with the time it is saved (``docProps/core.xml``: created,
modified) and every ZIP entry with the local time. ``xlsx_bytes`` gives the workbook fixed
properties (``stamp``, the creator) and writes each ZIP entry with a fixed date, so the same
rows give the same bytes on any day. Every cell is text: a value that starts like a formula
(``=``, ``+``...) stays text, as typed (no formula is ever written), and amounts keep their
decimals exactly (0.300000).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.writer.excel import ExcelWriter

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a ZIP entry can hold


class _FixedDateZip(ZipFile):
    """A ZIP archive whose entries all carry ``ZIP_DATE`` and the same permissions."""

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
            self.writestr(str(arcname or filename), f.read())


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
    ws.append(list(columns))
    for row in rows:
        ws.append(list(row))
    for line in ws.iter_rows():
        for cell in line:
            if cell.value is not None and cell.data_type != TYPE_STRING:
                cell.value = str(cell.value)
                cell.data_type = TYPE_STRING  # "=1+1" stays the text "=1+1"
    ws.freeze_panes = "A2"
    props = book.properties
    props.creator = creator
    props.last_modified_by = creator
    props.created = stamp
    props.modified = stamp
    buffer = io.BytesIO()
    ExcelWriter(book, _FixedDateZip(buffer, "w", ZIP_DEFLATED)).save()
    return buffer.getvalue()
