"""No personal data anywhere in the output: pages, feeds, downloads, the search index and its source."""

from __future__ import annotations

import gzip
import html
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from decisions_fixture import NATURAL_PERSON, PARTY_ORG, PLANTED

pytestmark = pytest.mark.slow


def readable(path: Path) -> str:
    """The text of an output file. pagefind's gzip-compressed index and fragments are unpacked, and
    in its files every space is removed: it stores Chinese one character per word (张 三 丰, with
    zero-width spaces too), which would hide a name from a plain search."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if path.suffix == ".xlsx":  # the 双公示 files: every XML part of the ZIP, character references read
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = b"".join(z.read(name) for name in z.namelist())
        data = html.unescape(parts.decode("utf-8")).encode("utf-8")
    text = data.decode("utf-8", errors="replace")
    if path.parent.name in ("pagefind", "fragment", "index", "filter") or "pagefind" in path.parts:
        text = re.sub(r"[\s\u200b]+", "", text)
    return text


def all_text(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): readable(p) for p in sorted(out.rglob("*")) if p.is_file()}


def test_no_planted_value_in_any_output_file(built_site: Path) -> None:
    texts = all_text(built_site)
    assert any("/fragment/" in name for name in texts), "the search index was not built"
    leaks = [(value, name) for name, text in texts.items() for value in PLANTED if value in text]
    assert leaks == []


def test_the_scan_reads_inside_the_search_index(built_site: Path) -> None:
    """A control: an organisation's name (public) is found in the decompressed search fragments,
    so the scan above would have found a planted value there too."""
    fragments = [t for n, t in all_text(built_site).items() if "/fragment/" in n]
    assert any(PARTY_ORG in t for t in fragments)
    assert any("张某" in t for t in fragments)


def test_the_scan_reads_inside_the_credit_spreadsheets(built_site: Path) -> None:
    """A control: the public organisation and the masked person are found inside the XLSX files."""
    sheets = [t for n, t in all_text(built_site).items() if n.endswith(".xlsx")]
    assert any(PARTY_ORG in t for t in sheets) and any("张某" in t for t in sheets)


def test_natural_person_is_shown_as_surname_only(built_site: Path) -> None:
    page = (built_site / "decisions/MC2026-0002/index.html").read_text("utf-8")
    assert "张某" in page and NATURAL_PERSON not in page
    assert "统一社会信用代码" not in page  # a natural person has none to show
    assert "信用修复告知" not in page  # the notice is for organisations
    compound = (built_site / "decisions/MC2026-0003/index.html").read_text("utf-8")
    assert "欧阳某" in compound


def test_held_back_records_have_no_page_and_are_reported(built_site: Path) -> None:
    import json

    report = json.loads((built_site / "build-report.json").read_text("utf-8"))
    held = {h["id"] for h in report["held_back"]}
    assert held == {"MC2026-0004", "MC2026-0005", "MC2026-0006", "MC2026-0011", "MC2026-0012", "MC2026-0013"}
    for record_id in held:
        assert not (built_site / "decisions" / record_id).exists()
    notice = [h for h in report["held_back"] if h["id"] == "MC2026-0013"]
    assert [h["field"] for h in notice] == ["doc_no"] and "撤下公告" in notice[0]["zh"]


def test_no_planted_number_in_any_output_whatever_its_separators(built_site: Path) -> None:
    """Every output read after NFKC with spaces, dashes, dots and slashes removed: a planted
    number written 137－2468－1357 or 137 2468 1357 is still found."""
    numbers = [re.sub(r"\D", "", unicodedata.normalize("NFKC", v)) for v in PLANTED]
    numbers = [n for n in numbers if len(n) >= 8]
    assert len(numbers) >= 8
    leaks = []
    for name, text in all_text(built_site).items():
        if name == "build-report.json":
            continue  # never served (see docs/site.md); it names held records, numbers masked
        flat = re.sub(r"[\s\-./·\u2010-\u2015\u2212]", "", unicodedata.normalize("NFKC", text))
        leaks += [(number, name) for number in numbers if number in flat]
    assert leaks == []


def test_search_index_leaves_out_labels_and_the_credit_repair_notice(built_site: Path) -> None:
    """The words every decision page repeats are not indexed (``search_index.EXCLUDE``): a query for
    信用修复 or for a field label would find every decision. The party's name still is."""
    fragments = [t for n, t in all_text(built_site).items() if "/fragment/" in n]
    org = [t for t in fragments if PARTY_ORG in t]
    assert org, "the organisation's decision is not in the index"
    for text in org:
        for boilerplate in (
            "信用修复告知",
            "国家信用修复管理办法",
            "决定文书号",
            "统一社会信用代码",
            "公示截止日期",
        ):
            assert boilerplate not in text
    page = (built_site / "decisions/MC2026-0001/index.html").read_text("utf-8")
    assert "信用修复告知" in page and "<dt>当事人</dt>" in page  # still on the page itself
