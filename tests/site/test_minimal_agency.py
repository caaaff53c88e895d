"""A new agency with only the required files builds, search included (#12)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from site_helpers import SMALL_AGENCY

pytestmark = pytest.mark.slow

DECISIONS = """id,doc_no,kind,party_type,party_name,credit_code,legal_rep,facts,basis,content,amount,office,decided_on
M-1,青城管罚决字〔2026〕第000001号,行政处罚,法人,某市青石商贸有限公司,91350100M000100Y43,王五,在青石路擅自占用道路堆放物料。,《城市市容和环境卫生管理条例》第三十六条,罚款人民币500元,500,bureau,2026-11-16
"""


def minimal_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for name in ("agency.yaml", "offices.yaml", "complaints.yaml"):
        shutil.copy(SMALL_AGENCY / name, content / name)
    (content / "decisions").mkdir()
    (content / "decisions" / "2026.csv").write_text(DECISIONS, encoding="utf-8")
    return content


def test_an_agency_with_no_powers_or_notices_builds_with_search(tmp_path: Path) -> None:
    from sunlight_site.build import build_site

    content = minimal_content(tmp_path)
    out = tmp_path / "out"
    report = build_site(content, out, dt.date(2026, 11, 20), search=True)
    assert report["errors"] == []
    assert report["counts"]["decisions_public"] == 1
    assert report["counts"]["search_pages"] == 1
    assert (out / "decisions" / "M-1" / "index.html").is_file()
    bundles = sorted(p.parent.name for p in (out / "pagefind").glob("*/pagefind-entry.json"))
    assert bundles, "no search bundle was written"
    # The search page loads the bundles that exist, the first one with pagefind's own script.
    search = (out / "search" / "index.html").read_text(encoding="utf-8")
    listed = search.split('data-bundles="', 1)[1].split('"', 1)[0].split()
    assert [url.strip("/").split("/")[1] for url in listed] == bundles
    assert (out / "pagefind" / bundles[0] / "pagefind.js").is_file()
