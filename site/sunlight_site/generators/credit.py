"""The 双公示 export: ``/data/credit/`` with a file per kind and month of decision, CSV (UTF-8 with
BOM) and XLSX, in the national credit platform's collection template, and its index
(``index.html``, ``index.json``), linked from ``/data/``.

Thin glue: the rows are ``sunlight.domain.credit_export.monthly_rows`` over the decisions section's
publication result (masked, public records only: the site's own policy, no other path); the
columns are ``credit_export.yaml``'s or the template's. A month whose rows did not change gives
the same bytes on every build (``sunlight_site.spreadsheet``). See docs/credit-export.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sunlight.content.model import Content
from sunlight.domain.credit_export import TABLES, Body, default_columns, issuing_bodies, monthly_rows
from sunlight.domain.publication import PublicationResult

from sunlight_site.context import column
from sunlight_site.generators.base import SectionGenerator
from sunlight_site.opendata import Dataset, csv_bytes
from sunlight_site.spreadsheet import xlsx_bytes
from sunlight_site.writer import SiteWriter

FOLDER = "data/credit"


@dataclass(frozen=True)
class MonthFile:
    table: str  # penalties | licences
    kind: str  # 行政处罚 | 行政许可
    month: str  # YYYY-MM
    count: int
    csv: bytes
    xlsx: bytes

    @property
    def stem(self) -> str:
        return f"{self.table}-{self.month}"


def month_files(result: PublicationResult | None, content: Content, site_url: str) -> list[MonthFile]:
    """Every month's file of both tables, from the publication result."""
    public = result.public if result is not None else []
    agency = content.agency
    source = Body(agency.name, agency.credit_code)
    bodies = issuing_bodies(content.offices, source)
    chosen = content.credit_export
    files = []
    for table, (kind, _) in TABLES.items():
        columns = getattr(chosen, table) or default_columns(table)
        headers = [c.header for c in columns]
        for month, rows in monthly_rows(
            public, table, columns, bodies=bodies, source=source, site_url=site_url
        ).items():
            year, number = (int(part) for part in month.split("-"))
            stamp = dt.datetime(year, number, 1)  # the month the file covers: fixed, not the build time
            files.append(
                MonthFile(
                    table,
                    kind,
                    month,
                    len(rows),
                    csv_bytes(headers, rows),
                    xlsx_bytes(kind, headers, rows, stamp=stamp, creator=agency.name),
                )
            )
    return files


def index_json(files: list[MonthFile]) -> bytes:
    """The files with their counts and the SHA-256 of each: no build date, so it changes only
    when a file does."""
    items = [
        {
            "table": f.table,
            "kind": f.kind,
            "month": f.month,
            "count": f.count,
            "csv": f"{f.stem}.csv",
            "xlsx": f"{f.stem}.xlsx",
            "csv_sha256": hashlib.sha256(f.csv).hexdigest(),
            "xlsx_sha256": hashlib.sha256(f.xlsx).hexdigest(),
        }
        for f in files
    ]
    doc = {"dataset": "credit", "count": len(items), "files": items}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class CreditExportGenerator(SectionGenerator):
    def generate_context(self) -> None:
        self.files = month_files(self.state.publication, self.content, self.state.site["url"])
        rows = sum(f.count for f in self.files)
        dataset = Dataset(
            "credit",
            "双公示数据",
            "行政处罚、行政许可决定按月份的信用信息归集模板文件（CSV、XLSX）",
            rows,
            ["credit/"],
        )
        self.state.extra("data").setdefault("datasets", []).append(dataset)

    def generate_output(self, writer: SiteWriter) -> None:
        for f in self.files:
            writer.write_bytes(f"{FOLDER}/{f.stem}.csv", f.csv)
            writer.write_bytes(f"{FOLDER}/{f.stem}.xlsx", f.xlsx)
        writer.write_bytes(f"{FOLDER}/index.json", index_json(self.files))
        months = sorted({f.month for f in self.files}, reverse=True)
        by_month = {(f.month, f.table): f for f in self.files}
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
        self.count("credit_files", 2 * len(self.files))


GENERATORS = [CreditExportGenerator]
