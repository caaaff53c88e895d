"""The per-office inspection-code figures (#14) travel the one way data flows: the store ->
``sunlight stats export`` -> ``sunlight build --stats-from`` -> a static table on /compliance/ (read
without JavaScript) and ``/data/inspection-stats.csv`` / ``.json``. Offices only, never an enterprise."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import pytest
from site_helpers import run_axe, serve
from sunlight.code_key import FileCodeKey
from sunlight.content.catalog import build_catalog
from sunlight.content.loader import load_content
from sunlight.service.catalog import load_catalog
from sunlight.service.complaints import ComplaintService
from sunlight.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
SUNLIGHT = ROOT / ".venv" / "bin" / "sunlight"
BEIJING = dt.timezone(dt.timedelta(hours=8))
DAY1 = dt.datetime(2026, 11, 16, 10, 0, tzinfo=BEIJING)
DAY3 = dt.datetime(2026, 11, 18, 16, 0, tzinfo=BEIJING)
ENTERPRISE = "栖霞示例独有名称贸易有限公司"  # appears nowhere in content/
CREDIT_CODE = "91350100M000100Y43"


def _registration(inspectors: list[str], planned_on: str) -> dict[str, object]:
    return {
        "credit_code": CREDIT_CODE,
        "enterprise_name": ENTERPRISE,
        "inspectors": inspectors,
        "scope": "门前三包",
        "basis": "CF-HB-001",
        "planned_on": planned_on,
    }


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    content, _ = load_content(ROOT / "content")
    data = tmp_path / "data"
    data.mkdir()
    catalog_path = data / "catalog.json"
    catalog_path.write_text(
        json.dumps(build_catalog(content, DAY1.date(), [], private=True), ensure_ascii=False),
        encoding="utf-8",
    )
    store = SqliteStore(data / "sunlight.sqlite3")
    service = ComplaintService(
        store, load_catalog(catalog_path), code_key=FileCodeKey(data / "access-code.key")
    )
    squad = service.create_account("staff", "新镇中队办事员", "squad-xinzhen", DAY1).token
    brigade = service.create_account("staff", "专项大队办事员", "brigade-special", DAY1).token
    first = service.register_inspection(squad, _registration(["330199250008"], "2026-11-17"), DAY1)
    service.register_inspection(squad, _registration(["330199250009"], "2026-11-18"), DAY1)
    service.register_inspection(brigade, _registration(["330199250005"], "2026-11-18"), DAY1)
    service.record_inspection_result(
        squad, str(first["code"]), {"result": "violation", "checked_on": "2026-11-17"}, DAY3
    )
    store.close()
    stats = tmp_path / "stats.json"
    done = subprocess.run(
        [str(SUNLIGHT), "stats", "export", "--data", str(data), "-o", str(stats), "--now", DAY3.isoformat()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return stats


@pytest.mark.slow
def test_the_export_carries_the_inspection_figures_per_office(exported: Path) -> None:
    document = json.loads(exported.read_text(encoding="utf-8"))
    rows = {r["office"]: r for r in document["inspections"]}
    # squad-xinzhen: 2 registered, 1 with a result (1/2), that one a violation (1/1)
    assert (rows["squad-xinzhen"]["registered"], rows["squad-xinzhen"]["with_result"]) == (2, 1)
    assert (rows["squad-xinzhen"]["with_result_share"], rows["squad-xinzhen"]["violation_share"]) == (
        0.5,
        1.0,
    )
    assert (rows["brigade-special"]["registered"], rows["brigade-special"]["with_result"]) == (1, 0)
    assert rows["brigade-special"]["violation_share"] is None
    assert ENTERPRISE not in exported.read_text(encoding="utf-8")
    assert CREDIT_CODE not in exported.read_text(encoding="utf-8")


def _build(exported: Path, out: Path) -> None:
    done = subprocess.run(
        [str(SUNLIGHT), "build", str(ROOT / "content"), "-o", str(out), "--today", "2026-11-18",
         "--no-search", "--stats-from", str(exported)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_the_build_shows_them_without_javascript_and_in_open_data(exported: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(exported, out)
    content, _ = load_content(ROOT / "content")
    names = {o.id: o.name for o in content.offices}

    html = (out / "compliance" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="inspections-heading"', 1)[1].split("</section>", 1)[0]
    # the same enterprise inspected by two offices within 30 days (max_offices 1): one 多头检查 flag
    # that both offices take part in
    squad_row = section.split(names["squad-xinzhen"], 1)[1].split("</tr>", 1)[0]
    assert squad_row.endswith("<td>2</td><td>1（50.0%）</td><td>1（100.0%）</td><td>1</td>"), squad_row
    brigade_row = section.split(names["brigade-special"], 1)[1].split("</tr>", 1)[0]
    assert brigade_row.endswith("<td>1</td><td>0（0.0%）</td><td>0（—）</td><td>1</td>"), brigade_row
    assert "暂无数据" not in section

    text = (out / "data" / "inspection-stats.csv").read_bytes().decode("utf-8-sig")
    rows = {r["机构编号"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["squad-xinzhen"]["检查机构"] == names["squad-xinzhen"]
    assert (rows["squad-xinzhen"]["登记检查"], rows["squad-xinzhen"]["已登记结果"]) == ("2", "1")
    assert (rows["squad-xinzhen"]["发现违法"], rows["brigade-special"]["登记检查"]) == ("1", "1")
    assert (rows["squad-xinzhen"]["已登记结果比例"], rows["brigade-special"]["发现违法比例"]) == ("0.5", "")
    document = json.loads((out / "data" / "inspection-stats.json").read_text(encoding="utf-8"))
    assert {r["office"]: r["registered"] for r in document["items"]} == {
        "squad-xinzhen": 2,
        "brigade-special": 1,
    }
    assert "inspection-stats.csv" in (out / "data" / "index.html").read_text(encoding="utf-8")
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".csv", ".json", ".xml"}:
            body = path.read_text(encoding="utf-8", errors="replace")
            assert ENTERPRISE not in body, path


@pytest.mark.browser
def test_the_static_table_reads_on_a_phone_without_javascript_and_passes_axe(  # type: ignore[no-untyped-def]
    exported: Path, tmp_path: Path, browser
) -> None:
    out = tmp_path / "site"
    _build(exported, out)
    for root in serve(out):
        url = root + "/compliance/"
        quiet = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
        page = quiet.new_page()
        page.goto(url)
        rows = page.locator("table[data-inspection-stats] tbody tr")
        assert rows.count() == 2
        assert "1（50.0%）" in rows.nth(0).inner_text() + rows.nth(1).inner_text()
        quiet.close()
        live = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
        page = live.new_page()
        page.goto(url)  # no API behind this static server: the built table stays
        page.locator("table[data-inspection-stats] tbody th").first.wait_for()
        assert run_axe(page) == []
        live.close()
