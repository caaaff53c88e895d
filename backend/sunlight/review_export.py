"""``sunlight review export --data DIR -o FILE [--now ISO]``: the finished 案卷评查 office reviews of
the store as a JSON file that ``sunlight build --reviews-from FILE`` publishes under ``/supervision/``.
The site build never opens the store: data flows one way, backend to site.

The file: ``{"format": "sunlight-case-reviews", "version": 1, "generated_at": ISO, "reviews": [...]}``,
each review ``{year, seed, sample_per_office, checklist, drawn_at, offices: [{office, office_name,
candidates, finished_at, cases: [{decision_id, scores, faults}]}]}`` (``service.case_reviews``);
offices not finished are left out; no staff account or name.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sunlight import bootstrap
from sunlight.api.serialize import plain
from sunlight.clock import from_environment as clock_from_environment
from sunlight.export_command import run_export
from sunlight.service.case_reviews import EXPORT_FORMAT, EXPORT_VERSION, export_reviews


def finished_reviews(data_dir: str | Path, now: str | None = None) -> list[dict[str, Any]]:
    """The finished office reviews of a ``--data`` directory's store (empty when there is none yet)."""
    config = bootstrap.Config.from_environment(data_dir=data_dir, now=now)
    if not config.catalog_path.exists():
        return []
    if not config.dynamodb_table and not (config.data_dir / bootstrap.STORE_FILE).exists():
        return []
    wiring = bootstrap.bootstrap(config)
    try:
        return plain(export_reviews(wiring.service.store, wiring.service.catalog))  # type: ignore[no-any-return]
    finally:
        wiring.close()


def export(data_dir: str | Path, now: str | None = None) -> dict[str, object]:
    moment = clock_from_environment(now)()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "generated_at": moment.isoformat(),
        "reviews": finished_reviews(data_dir, now),
    }


def run(args: argparse.Namespace) -> int:
    return run_export("sunlight review export", export, args)


def serve_reviews(data_dir: str | Path, reviews_from: str | None) -> list[Any]:
    """What ``sunlight serve`` publishes: the store's finished reviews, plus those of the
    ``--reviews-from`` file (e.g. the demo's sample) for the years the store has none of."""
    from sunlight_site.data.case_reviews import reviews_from_document

    found = reviews_from_document({"format": EXPORT_FORMAT, "reviews": finished_reviews(data_dir)}, "store")
    if reviews_from:
        from sunlight_site.build import reviews_snapshot

        years = {r.year for r in found}
        found += [r for r in reviews_snapshot(reviews_from) or [] if r.year not in years]
    return sorted(found, key=lambda r: r.year)
