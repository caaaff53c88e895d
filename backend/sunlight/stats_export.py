"""``sunlight stats export --data DIR -o FILE [--now ISO]``: the store's per-office figures as a JSON
file that ``sunlight build --stats-from FILE`` shows on ``/compliance/`` and publishes in ``/data/``:
complaint figures (the rows of ``GET /api/stats``) and inspection-code figures (the rows of
``GET /api/stats/inspections``). The site build never opens the store: data flows one way, backend
to site.

The file: ``{"format": "sunlight-complaint-stats", "version": 1, "generated_at": ISO,
"offices": [row...], "inspections": [row...]}``; figures per office only, never who complained and
never an enterprise. (``inspections`` is absent in files written before it existed.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sunlight import bootstrap
from sunlight.clock import from_environment as clock_from_environment
from sunlight.export_command import run_export

FORMAT = "sunlight-complaint-stats"
VERSION = 1


def export(data_dir: str | Path, now: str | None = None) -> dict[str, object]:
    """The statistics document of the store in ``data_dir`` (no rows when there is no store yet)."""
    moment = clock_from_environment(now)()
    figures = bootstrap.store_figures(data_dir, now)
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": moment.isoformat(),
        "offices": figures["offices"],
        "inspections": figures["inspections"],
    }


def run(args: argparse.Namespace) -> int:
    return run_export("sunlight stats export", export, args)
