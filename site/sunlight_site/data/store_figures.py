"""The store's public figures given to the build with ``--stats-from`` (``sunlight stats export``):
per-office complaint figures and inspection-code figures, as ``/data/complaint-stats.*`` and
``/data/inspection-stats.*`` and the rows of the tables on ``/compliance/``. Offices only: the rows
carry no complainant and no enterprise (the backend aggregates them so)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sunlight_site.data.tables import Dataset, csv_bytes, json_bytes

# (JSON key of a row, CSV column)
COMPLAINT_COLUMNS = (
    ("office", "机构编号"),
    ("office_name", "办理机构"),
    ("received", "收到投诉"),
    ("accepted_on_time", "按时受理"),
    ("responded", "已答复"),
    ("responded_on_time", "按时答复"),
    ("overdue_now", "当前超期"),
    ("average_days_to_respond", "平均答复用时(工作日)"),
    ("rated", "已评价"),
    ("satisfied", "满意及基本满意"),
    ("satisfaction", "满意率"),
)
INSPECTION_COLUMNS = (
    ("office", "机构编号"),
    ("office_name", "检查机构"),
    ("registered", "登记检查"),
    ("with_result", "已登记结果"),
    ("with_result_share", "已登记结果比例"),
    ("violations", "发现违法"),
    ("violation_share", "发现违法比例"),
    ("flags", "重复、多头检查提示"),
)
DATASETS = {
    "complaint-stats": (
        "涉企投诉办理情况",
        "各机构收到的涉企投诉件数、按时受理和答复、超期、满意率（只有数字，不含投诉人）",
    ),
    "inspection-stats": (
        "涉企检查登记情况",
        "各机构登记的涉企检查、已登记结果和发现违法的比例、重复多头检查提示（只列机构，不列企业）",
    ),
}


def share_text(count: object, share: object) -> str:
    """``1（50.0%）``; ``0（—）`` when there is nothing to divide by."""
    shown = "—" if share is None else f"{float(share) * 100:.1f}%"  # type: ignore[arg-type]
    return f"{count}（{shown}）"


def inspection_cells(row: Mapping[str, Any]) -> list[str]:
    """The cells after the office name of a row of the /compliance/ inspections table."""
    return [
        str(row.get("registered", 0)),
        share_text(row.get("with_result", 0), row.get("with_result_share")),
        share_text(row.get("violations", 0), row.get("violation_share")),
        str(row.get("flags", 0)),
    ]


def _plain_rows(
    rows: Iterable[Mapping[str, Any]], columns: tuple[tuple[str, str], ...]
) -> list[dict[str, Any]]:
    return [{key: row.get(key) for key, _ in columns} for row in rows]


def write_figures(
    writer: Any, today: dt.date, name: str, rows: list[dict[str, Any]], columns: tuple[tuple[str, str], ...]
) -> Dataset:
    """``data/<name>.csv`` and ``.json``: one row per office, the columns in ``columns``' order."""
    items = _plain_rows(rows, columns)
    writer.write_bytes(
        f"data/{name}.csv",
        csv_bytes([label for _, label in columns], [[i[k] for k, _ in columns] for i in items]),
    )
    writer.write_bytes(f"data/{name}.json", json_bytes(name, today, items))
    title, description = DATASETS[name]
    return Dataset(name, title, description, len(items), [f"{name}.csv", f"{name}.json"])
