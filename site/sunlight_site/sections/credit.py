"""The 双公示 export: ``/data/credit/`` with a file per kind and month of decision, CSV (UTF-8 with
BOM) and XLSX, in the national credit platform's collection template, and its index
(``index.html``, ``index.json``), linked from ``/data/``.

Thin glue: the rows are ``sunlight.domain.credit_export.monthly_rows`` over the decisions section's
publication result (masked, public records only: the site's own policy, no other path); the
columns are ``credit_export.yaml``'s or the template's. A month whose rows did not change gives
the same bytes on every build (``sunlight_site.data.spreadsheet``). A rebuild takes a month's XLSX
from the previous build when that month's key (a digest of everything the file is made from) is
the one ``.sunlight-credit-keys`` kept and the file on disk is the one recorded. See
docs/credit-export.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from sunlight.content.model import Content
from sunlight.domain.credit_export import TABLES, Body, default_columns, issuing_bodies, monthly_rows
from sunlight.domain.publication_results import PublicationResult

from sunlight_site.data.spreadsheet import ZIP_DATE, xlsx_bytes
from sunlight_site.data.tables import Dataset, csv_bytes
from sunlight_site.render.context import column
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

FOLDER = "data/credit"
KEYS_FILE = ".sunlight-credit-keys"  # a dot name: the build's own, never served (sunlight.sitefiles)
VERSION = f"1 openpyxl {openpyxl.__version__} {ZIP_DATE}"  # a new maker version remakes every XLSX


@dataclass(frozen=True)
class MonthTable:
    table: str  # penalties | licences
    kind: str  # 行政处罚 | 行政许可 (also the sheet's name)
    month: str  # YYYY-MM
    headers: list[str]
    rows: list[list[str]]
    creator: str

    @property
    def stem(self) -> str:
        return f"{self.table}-{self.month}"

    @property
    def stamp(self) -> dt.datetime:
        """The workbook's created/modified time: the month the file covers, not the build time."""
        year, month = (int(part) for part in self.month.split("-"))
        return dt.datetime(year, month, 1)

    def key(self) -> str:
        source = [VERSION, self.kind, self.month, self.creator, self.headers, self.rows]
        return hashlib.sha256(json.dumps(source, ensure_ascii=False).encode("utf-8")).hexdigest()

    def xlsx(self) -> bytes:
        return xlsx_bytes(self.kind, self.headers, self.rows, stamp=self.stamp, creator=self.creator)


def month_tables(result: PublicationResult | None, content: Content, site_url: str) -> list[MonthTable]:
    """Every month's table of both kinds, from the publication result."""
    public = result.public if result is not None else []
    agency = content.agency
    source = Body(agency.name, agency.credit_code)
    bodies = issuing_bodies(content.offices, source)
    tables = []
    for table, (kind, _) in TABLES.items():
        columns = getattr(content.credit_export, table) or default_columns(table)
        headers = [c.header for c in columns]
        months = monthly_rows(public, table, columns, bodies=bodies, source=source, site_url=site_url)
        tables += [
            MonthTable(table, kind, month, headers, rows, agency.name) for month, rows in months.items()
        ]
    return tables


def read_keys(out_dir: Path) -> dict[str, list[str]]:
    """stem -> [key, sha256 of the XLSX] of the previous build; empty when unreadable."""
    try:
        data = json.loads((out_dir / KEYS_FILE).read_text("utf-8"))
        return {str(k): [str(v[0]), str(v[1])] for k, v in data.items()}
    except (OSError, ValueError, TypeError, AttributeError, IndexError, KeyError):
        return {}


def reused_xlsx(out_dir: Path, t: MonthTable, key: str, known: dict[str, list[str]]) -> bytes | None:
    """The previous build's XLSX of this month when its key and its bytes are the ones recorded."""
    if known.get(t.stem, [""])[0] != key:
        return None
    try:
        data = (out_dir / FOLDER / f"{t.stem}.xlsx").read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == known[t.stem][1] else None


def index_json(entries: list[tuple[MonthTable, bytes, bytes]]) -> bytes:
    """The files with their counts and the SHA-256 of each: no build date, so it changes only
    when a file does."""
    items = [
        {
            "table": t.table,
            "kind": t.kind,
            "month": t.month,
            "count": len(t.rows),
            "csv": f"{t.stem}.csv",
            "xlsx": f"{t.stem}.xlsx",
            "csv_sha256": hashlib.sha256(csv).hexdigest(),
            "xlsx_sha256": hashlib.sha256(xlsx).hexdigest(),
        }
        for t, csv, xlsx in entries
    ]
    doc = {"dataset": "credit", "count": len(items), "files": items}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class CreditExportGenerator(SectionGenerator):
    def generate_context(self) -> None:
        self.tables = month_tables(self.state.publication, self.content, self.state.site["url"])
        dataset = Dataset(
            "credit",
            "双公示数据",
            "行政处罚、行政许可决定按月份的信用信息归集模板文件（CSV、XLSX）",
            sum(len(t.rows) for t in self.tables),
            ["credit/"],
        )
        self.state.datasets.append(dataset)

    def generate_output(self, writer: SiteWriter) -> None:
        known = read_keys(self.state.out_dir)
        keys: dict[str, list[str]] = {}
        entries = []
        for t in self.tables:
            key = t.key()
            xlsx = reused_xlsx(self.state.out_dir, t, key, known)
            if xlsx is None:
                xlsx = t.xlsx()
            csv = csv_bytes(t.headers, t.rows)
            writer.write_bytes(f"{FOLDER}/{t.stem}.csv", csv)
            writer.write_bytes(f"{FOLDER}/{t.stem}.xlsx", xlsx)
            keys[t.stem] = [key, hashlib.sha256(xlsx).hexdigest()]
            entries.append((t, csv, xlsx))
        writer.write_bytes(f"{FOLDER}/index.json", index_json(entries))
        writer.write_text(KEYS_FILE, json.dumps(keys, sort_keys=True, separators=(",", ":")) + "\n")
        by_month = {(t.month, t.table): t for t in self.tables}
        months = sorted({t.month for t in self.tables}, reverse=True)
        writer.write_page(
            "credit_index.html",
            f"{FOLDER}/index.html",
            {
                "active": "data",
                "column": column("开放数据"),
                "months": [
                    (m, by_month.get((m, "penalties")), by_month.get((m, "licences"))) for m in months
                ],
                "custom_columns": bool(
                    self.content.credit_export.penalties or self.content.credit_export.licences
                ),
            },
        )
