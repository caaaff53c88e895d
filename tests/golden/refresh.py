"""Golden files of the site: build the small fixture agency and keep chosen pages and feeds.

``python -m tests.golden.refresh`` (``make golden``) rebuilds them into ``tests/golden/expected/``
after an intended change; review the diff before committing. ``test_golden.py`` builds the same
fixture and compares.

Chosen files avoid Graphviz's SVG (its layout differs between Graphviz versions); the
flowchart pages are tested by content instead.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "small-agency"
EXPECTED = HERE / "expected"
TODAY = dt.date(2026, 11, 22)

CHOSEN = (
    "powers/index.html",
    "powers/type/penalty/index.html",
    "powers/330217001000/index.html",
    "powers/330217003000/index.html",
    "exemptions/index.html",
    "inspections/index.html",
    "stats/2025/index.html",
    "notices/index.html",
    "notices/2025-national-day/index.html",
    "feeds/notices.atom",
    "feeds/powers.atom",
    "data/powers.csv",
    "data/powers.json",
    "data/points.csv",
)


def build_fixture(out: Path) -> None:
    from sunlight_site.build import build_site

    build_site(FIXTURE, out, TODAY, search=False)


def expected_name(rel: str) -> str:
    return rel.replace("/", "__")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        build_fixture(out)
        if EXPECTED.exists():
            shutil.rmtree(EXPECTED)
        EXPECTED.mkdir(parents=True)
        for rel in CHOSEN:
            shutil.copyfile(out / rel, EXPECTED / expected_name(rel))
    print(f"refreshed {len(CHOSEN)} golden files in {EXPECTED.relative_to(ROOT)}; review with git diff")
    return 0


if __name__ == "__main__":
    sys.exit(main())
