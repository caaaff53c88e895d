"""逐利执法 warning on /compliance/ and in /data/fines-by-office.csv and .json (issue #15).

The fixture: brigade-east's fines grow from 10000 元 (2025) to 12500 元 (2026), +25 %: flagged;
brigade-west's from 20000 元 to 22000 元, +10 %: not flagged. brigade-special's 2024 figures come
from stats/2024.yaml. Every expected figure is worked out by hand below.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import http.server
import importlib.util
import io
import json
import re
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from decisions_fixture import credit, row, write_content

_spec = importlib.util.spec_from_file_location("shared_conftest", Path(__file__).parents[1] / "conftest.py")
assert _spec and _spec.loader
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)
run_axe = _shared.run_axe

BUILD_DAY = dt.date(2027, 1, 15)  # 2025 and 2026 are both complete years
WITHDRAWN_PARTY = "江州市罚款撤销测试有限公司"
WITHDRAWN_DOC = "明城管罚决字〔2026〕第7701号"


def fine(n: int, office: str, day: str, amount: str, **kw: str) -> dict[str, str]:
    return row(
        id=f"MCF-{n:04d}", doc_no=f"明城管罚决字〔{day[:4]}〕第77{n:02d}号", party_name=f"江州市第{n}号罚款测试有限公司",
        credit_code=credit(f"91330100MA3F{n:04d}"), facts="当事人擅自占用城市道路堆放物料。",
        office=office, power_code="CF-SZ-001", amount=amount, content=f"罚款人民币{amount}元。",
        decided_on=day, published_on=(dt.date.fromisoformat(day) + dt.timedelta(days=2)).isoformat(), **kw,
    )  # fmt: skip


ROWS = [
    # brigade-east 2025: 2000 + 3000 + 5000 = 10000 元 (3 fines, none in the top band ≥ 1万元).
    fine(10, "brigade-east", "2025-03-03", "2000"),
    fine(11, "brigade-east", "2025-06-02", "3000"),
    fine(12, "brigade-east", "2025-12-01", "5000"),
    # brigade-east 2026: 2500 + 4000 (later revoked: still a decision made) + 6000 = 12500 元: +25 %.
    fine(20, "brigade-east", "2026-01-05", "2500"),
    {**fine(1, "brigade-east", "2026-04-01", "4000"), "party_name": WITHDRAWN_PARTY, "doc_no": WITHDRAWN_DOC,
     "status": "撤销", "status_on": "2026-06-01"},
    fine(22, "brigade-east", "2026-09-01", "6000"),
    # brigade-west 2025: 12000 (top band) + 8000 = 20000 元; 2026: 14000 (top band) + 8000 = 22000 元: +10 %.
    fine(30, "brigade-west", "2025-02-03", "12000"),
    fine(31, "brigade-west", "2025-05-06", "8000"),
    fine(40, "brigade-west", "2026-02-02", "14000"),
    fine(41, "brigade-west", "2026-05-06", "8000"),
]  # fmt: skip

EXPECTED_CSV = [
    ["office", "year", "decisions", "fines_total", "fines_average", "top_band_share", "growth", "flagged"],
    ["brigade-east", "2025", "3", "10000.00", "3333.33", "0", "", "false"],
    ["brigade-east", "2026", "3", "12500.00", "4166.67", "0", "0.25", "true"],
    ["brigade-special", "2024", "10", "1000.00", "100.00", "", "", "false"],
    ["brigade-west", "2025", "2", "20000.00", "10000.00", "0.5", "", "false"],
    ["brigade-west", "2026", "2", "22000.00", "11000.00", "0.5", "0.1", "false"],
]


@pytest.fixture(scope="module")
def fines_site() -> Iterator[Path]:
    from sunlight_site.build import build_site

    with tempfile.TemporaryDirectory(prefix="sunlight-fines-") as tmp:
        content = write_content(Path(tmp) / "content", ROWS)
        for stats in (content / "stats").glob("*.yaml"):  # the sample's figures out, ours in
            text = stats.read_text(encoding="utf-8")
            stats.write_text(re.sub(r"# 分机构行政处罚.*", "", text, flags=re.S), encoding="utf-8")
        with (content / "stats" / "2024.yaml").open("a", encoding="utf-8") as f:
            f.write("penalties_by_office:\n  brigade-special: {decisions: 10, fines_total: 1000}\n")
        out = Path(tmp) / "out"
        build_site(content, out, BUILD_DAY, search=False)
        yield out


def test_csv_columns_and_figures(fines_site: Path) -> None:
    raw = (fines_site / "data" / "fines-by-office.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == EXPECTED_CSV


def test_json_carries_the_source_and_office_names(fines_site: Path) -> None:
    doc = json.loads((fines_site / "data" / "fines-by-office.json").read_text(encoding="utf-8"))
    items = {(i["office"], i["year"]): i for i in doc["items"]}
    assert doc["dataset"] == "fines-by-office" and doc["count"] == 5
    east = items["brigade-east", 2026]
    assert east["flagged"] is True and east["reasons"] == ["growth"]
    assert east["growth"] == 0.25 and east["fines_total"] == 12500 and east["source"] == "feed"
    assert items["brigade-west", 2026]["flagged"] is False
    assert items["brigade-special", 2024]["source"] == "stats"
    assert items["brigade-special", 2024]["top_band_share"] is None
    assert doc["settings"] == {"threshold": 0.2, "top_band_rise": 0.15}


def test_compliance_page_has_the_chart_the_table_and_the_words(fines_site: Path) -> None:
    html = (fines_site / "compliance" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="fines-heading"') :]
    svg = section[section.index("<svg") : section.index("</svg>")]
    assert "<title" in svg and "<desc" in svg and 'role="img"' in svg
    assert "12,500" in svg or "1.25万" in svg
    sizes = [int(s) for s in re.findall(r'font-size="(\d+)"', svg)]
    assert sizes and min(sizes) >= 12
    table = section[section.index("<table") : section.index("</table>")]
    east_2026 = re.search(
        r"<tr>(?:(?!</tr>).)*东片执法大队(?:(?!</tr>).)*2026(?:(?!</tr>).)*</tr>", table, re.S
    )
    assert east_2026, table
    assert "12,500.00" in east_2026.group(0) and "25.0%" in east_2026.group(0)
    assert "预警" in east_2026.group(0)  # in words, not colour only
    west_2026 = re.search(
        r"<tr>(?:(?!</tr>).)*西片执法大队(?:(?!</tr>).)*2026(?:(?!</tr>).)*</tr>", table, re.S
    )
    assert west_2026 and "预警" not in west_2026.group(0) and "10.0%" in west_2026.group(0)
    assert "统计年报" in table and "执法决定数据" in table  # which source each row uses
    assert "20%" in section  # the threshold is stated


def test_no_withdrawn_decision_is_shown_individually(fines_site: Path) -> None:
    for rel in ("compliance/index.html", "data/fines-by-office.csv", "data/fines-by-office.json"):
        text = (fines_site / rel).read_text(encoding="utf-8-sig")
        assert WITHDRAWN_PARTY not in text and WITHDRAWN_DOC not in text and "MCF-0001" not in text


def test_data_index_lists_the_dataset(fines_site: Path) -> None:
    index = (fines_site / "data" / "index.html").read_text(encoding="utf-8")
    assert "/data/fines-by-office.csv" in index or "fines-by-office.csv" in index
    assert "分机构罚没款" in index


@pytest.fixture(scope="module")
def fines_url(fines_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(fines_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.browser
@pytest.mark.slow
def test_compliance_page_passes_axe_and_reads_on_a_phone(browser, fines_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 375, "height": 800}, java_script_enabled=True
    )
    try:
        page = context.new_page()
        page.goto(f"{fines_url}/compliance/")
        assert run_axe(page) == []
        assert page.locator("#fines-heading").is_visible()
        assert page.locator("figure.chart svg title").count() >= 1
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375 + 1, "the page scrolls sideways on a phone"
    finally:
        context.close()
