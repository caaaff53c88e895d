"""The decision pages are valid HTML (the Nu HTML checker from node_modules, run with Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

VNU = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"
PAGES = [
    "decisions/index.html", "decisions/page/2/index.html", "decisions/MC2026-0001/index.html",
    "decisions/MC2026-0002/index.html", "decisions/MC2026-0007/index.html", "decisions/MC2026-0008/index.html",
    "decisions/office/brigade-east/index.html", "decisions/month/2026-10/index.html", "compliance/index.html",
    "search/index.html", "offices/brigade-east/index.html", "index.html",
]  # fmt: skip


def test_pages_are_valid_html(built_site: Path) -> None:
    if not VNU.exists() or shutil.which("java") is None:
        pytest.skip("the Nu HTML checker needs node_modules (npm ci) and Java")
    files = [str(built_site / p) for p in PAGES]
    proc = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    errors = [
        (Path(m.get("url", "")).parent.name, m["message"]) for m in messages if m.get("type") == "error"
    ]
    assert errors == []
