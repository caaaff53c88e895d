"""``sunlight build --stats-from DATA``: the store's complaint figures go on /compliance/ and the
handling office's page; the public catalog stays without webhooks while the backend's has them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from sunlight.code_key import FileCodeKey
from sunlight.content.catalog import build_catalog
from sunlight.content.loader import load_content
from sunlight.service.catalog import load_catalog
from sunlight.service.commands import FileComplaint, ReporterInput
from sunlight.service.complaints import ComplaintService
from sunlight.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[3]
SUNLIGHT = ROOT / ".venv" / "bin" / "sunlight"
FILED_AT = dt.datetime(2026, 11, 16, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.mark.slow
def test_build_shows_the_complaint_snapshot(tmp_path: Path) -> None:
    content, _ = load_content(ROOT / "content")
    data = tmp_path / "data"
    data.mkdir()
    catalog_path = data / "catalog.json"
    catalog_path.write_text(
        json.dumps(build_catalog(content, FILED_AT.date(), [], private=True), ensure_ascii=False),
        encoding="utf-8",
    )
    store = SqliteStore(data / "sunlight.sqlite3")
    service = ComplaintService(
        store, load_catalog(catalog_path), code_key=FileCodeKey(data / "access-code.key")
    )
    for n in range(3):
        service.file_complaint(
            FileComplaint(
                category="rough-enforcement",
                subject=f"执法人员态度粗暴{n}",
                description="检查时未出示执法证件。",
                office="squad-xinzhen",
                reporter=ReporterInput(type="person", name="王小明", phone="13800138000"),
            ),
            None,
            FILED_AT,
        )
    store.close()

    out = tmp_path / "site"
    private = tmp_path / "backend-catalog.json"
    stats = tmp_path / "stats.json"  # the backend writes the figures; the build only reads the file
    exported = subprocess.run(
        [str(SUNLIGHT), "stats", "export", "--data", str(data), "-o", str(stats), "--now", "2026-11-22T10:00:00+08:00"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    done = subprocess.run(
        [str(SUNLIGHT), "build", str(ROOT / "content"), "-o", str(out), "--today", "2026-11-22",
         "--no-search", "--stats-from", str(stats), "--backend-catalog", str(private)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    html = (out / "compliance" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="complaints-heading"', 1)[1]
    supervision = next(o for o in content.offices if o.id == "supervision")
    assert supervision.name in section
    row = section.split(supervision.name, 1)[1].split("</tr>", 1)[0]
    assert "<td>3</td>" in row, row
    assert "王小明" not in html  # figures only, never who complained

    hooks = [o.webhook for o in content.offices if o.webhook]
    public = (out / "data" / "catalog.json").read_text(encoding="utf-8")
    assert hooks and not any(h in public for h in hooks)
    backend = json.loads(private.read_text(encoding="utf-8"))
    assert {o["webhook"] for o in backend["offices"] if o["webhook"]} == set(hooks)
    assert backend["decisions"] == json.loads(public)["decisions"]
