"""Framed rendering (the page frame once, the blocks per page) gives the bytes of a full render."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from markupsafe import Markup
from pelican.writers import FileOverwriteFailedError
from sunlight.content.model import Agency
from sunlight.domain.publication_results import PublicDecision, WithdrawalNotice
from sunlight_site.build import THEME_DIR
from sunlight_site.decisions import page_stream as decision_parallel
from sunlight_site.decisions import pages as decision_pages
from sunlight_site.decisions.page_frame import FramedTemplate
from sunlight_site.decisions.page_stream import PageStream, PageWorkerError
from sunlight_site.decisions.views import decision_views
from sunlight_site.render import atom as feeds
from sunlight_site.render.pagination import paginate
from sunlight_site.render.writer import SiteWriter

THEME = THEME_DIR
SETTINGS = {
    "THEME": str(THEME),
    "JINJA_ENVIRONMENT": {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True},
}


def public(i: int, **over: object) -> PublicDecision:
    values: dict[str, object] = dict(
        id=f"D{i:04d}", doc_no=f"明城管罚决字〔2026〕第{i:04d}号", kind="行政处罚", procedure="一般程序",
        party_type="法人", party_name=f"江州市<第{i}号>&公司", credit_code="91330100MA2B3C4D1A", legal_rep="王建国",
        facts="当事人 <script>alert(1)</script> 遗撒渣土。", basis="某条例", content="罚款。", amount=Decimal("1234.5"),
        office="brigade-east", office_name="东片执法大队", power_code="CF-1", power_name="某处罚", domain="市容环卫",
        decided_on=dt.date(2026, 10, i % 28 + 1), published_on=dt.date(2026, 10, 28), severity="一般",
        disclosure_until=dt.date(2027, 10, 1), repair_from=dt.date(2027, 1, 1), period_rule="r", period_source="s",
        deadline=dt.date(2026, 11, 1), late_by=0,
    )  # fmt: skip
    values.update(over)
    return PublicDecision(**values)  # type: ignore[arg-type]


@pytest.fixture
def writer(private_tmp: Path) -> SiteWriter:
    return SiteWriter(str(private_tmp), settings=SETTINGS)


def context() -> dict[str, object]:
    agency = Agency(name="明川区<城管>局", site_url="https://x.example", site_code="1")
    nav = [
        {"key": "decisions", "title": "执法决定", "url": "/decisions/"},
        {"key": "home", "title": "首页", "url": "/"},
    ]
    groups = [{"title": "执法公示", "items": nav}]
    feed_title = functools.partial(feeds.feed_title, agency.name)  # as sunlight_site.render.context does
    return {
        "site": {
            "agency": agency,
            "domain": "x.example",
            "nav": nav,
            "nav_groups": groups,
            "pages": [],
            "feed_title": feed_title,
        }
    }


def full_render(writer: SiteWriter, template: str, variables: dict[str, object]) -> str:
    macros = writer.env.get_template("macros.html").module
    return writer.render(template, {**variables, "active": "decisions", "m": macros}, context())


def test_decision_page_matches_a_full_render(writer: SiteWriter) -> None:
    views = decision_views(
        [public(1), public(2, party_type="自然人", party_name="张某", credit_code="", legal_rep="")]
    )
    frame = FramedTemplate(
        writer.env,
        "decision.html",
        {**context(), "m": writer.env.get_template("macros.html").module, "active": "decisions"},
    )
    for v in views:
        page = {
            "d": v,
            "article_meta": {"title": v.doc_no, "pubdate": "2026-10-28 00:00", "source": "东片执法大队"},
        }
        framed = frame.render(page)
        assert framed == full_render(writer, "decision.html", page)
        assert "&lt;script&gt;" in framed and "<script>alert" not in framed
        assert 'aria-current="page">执法决定' in framed  # the frame's navigation marks the section


def test_list_and_notice_pages_match_a_full_render(writer: SiteWriter) -> None:
    views = decision_views([public(i) for i in range(1, 8)])
    shared = {**context(), "m": writer.env.get_template("macros.html").module, "active": "decisions"}
    lists = FramedTemplate(writer.env, "decision_list.html", shared)
    for pager in paginate(views, 3, "/decisions/"):
        page = {"pager": pager, "heading": "行政执法决定公示", "trail": [("行政执法决定公示", None)], "feed": "",
                "browse": Markup("<p>browse</p>"), "column": {"name": "n", "type": "t"}}  # fmt: skip
        assert lists.render(page) == full_render(writer, "decision_list.html", page)
    notice = WithdrawalNotice(id="D9", reason="撤销", on=dt.date(2026, 11, 2), kind="行政处罚", doc_no="号",
                              office="brigade-east", office_name="东片执法大队", decided_on=dt.date(2026, 9, 1))  # fmt: skip
    frame = FramedTemplate(writer.env, "decision_withdrawn.html", shared)
    assert frame.render({"w": notice}) == full_render(writer, "decision_withdrawn.html", {"w": notice})


def test_parallel_writing_gives_the_same_files_and_manifest(private_tmp: Path) -> None:
    views = decision_views([public(i) for i in range(1, 2501)])
    outs = []
    for workers in (1, 2):
        w = SiteWriter(str(private_tmp / f"w{workers}"), settings=SETTINGS)
        decision_pages.write_decisions(w, views, context(), workers=workers)
        outs.append(
            (
                w.manifest,
                w.stats.written,
                {p: (private_tmp / f"w{workers}" / p).read_bytes() for p in sorted(w.manifest)[:50]},
            )
        )
    assert outs[0][0] == outs[1][0] and len(outs[0][0]) == 2500
    assert outs[0][1] == outs[1][1] == 2500
    assert outs[0][2] == outs[1][2]


def test_background_pages_join_the_manifest_and_clashes_are_errors(private_tmp: Path) -> None:
    views = decision_views([public(i) for i in range(1, 2201)])
    w = SiteWriter(str(private_tmp / "bg"), settings=SETTINGS)
    pending = decision_pages.start_decisions(w, views, context(), workers=2)
    w.write_bytes("data/other.txt", b"written meanwhile")  # the parent goes on while children write
    assert pending.wait() == 2200
    assert len(w.manifest) == 2201 and w.stats.written == 2201
    assert (
        (private_tmp / "bg" / "decisions" / "D2200" / "index.html")
        .read_bytes()
        .startswith(b"<!DOCTYPE html>")
    )

    # A path handed to a child refuses a second write at once; one still queued, when its turn comes.
    for page in ("D0001", "D2200"):
        clash = SiteWriter(str(private_tmp / f"clash-{page}"), settings=SETTINGS)
        pending = decision_pages.start_decisions(clash, views, context(), workers=2)
        try:
            clash.write_bytes(f"decisions/{page}/index.html", b"the same path, written meanwhile")
        except FileOverwriteFailedError:
            assert pending.wait() == 2200
            continue
        with pytest.raises(FileOverwriteFailedError, match=page):
            pending.wait()


class FailingFrame:
    def render_many(self, pages: list[tuple[str, object]]) -> Iterator[tuple[str, bytes]]:
        for path, _ in pages:
            if path == "p/1500":
                raise KeyError("模板出错 / template broke")
            yield path, path.encode()


def test_a_failing_child_fails_the_build_with_its_traceback(private_tmp: Path) -> None:
    w = SiteWriter(str(private_tmp / "fail"), settings=SETTINGS)
    stream = PageStream(w, FailingFrame(), workers=2)
    stream.add((f"p/{i}", {}) for i in range(3000))
    with pytest.raises(PageWorkerError, match="(?s)KeyError.*template broke"):
        stream.wait()
    assert (private_tmp / "fail" / "p" / "2999").read_bytes() == b"p/2999"  # the other children finished
    assert not any(p.name.endswith(".partial") for p in (private_tmp / "fail" / "p").iterdir())


def test_children_report_which_pages_they_rewrote(private_tmp: Path) -> None:
    views = decision_views([public(i) for i in range(1, 2201)])
    first = SiteWriter(str(private_tmp / "w"), settings=SETTINGS)
    decision_pages.write_decisions(first, views, context(), workers=2)
    assert len(first.written) == 2200
    changed = decision_views(
        [public(i, basis="新的依据") if i in (5, 2100) else public(i) for i in range(1, 2201)]
    )
    second = SiteWriter(str(private_tmp / "w"), settings=SETTINGS)
    decision_pages.write_decisions(second, changed, context(), workers=2)
    assert second.written == {"decisions/D0005/index.html", "decisions/D2100/index.html"}
    assert second.stats.unchanged == 2198 and len(second.manifest) == 2200


class CountingFrame:
    def render_many(self, pages: list[tuple[str, object]]) -> Iterator[tuple[str, bytes]]:
        for path, _ in pages:
            yield path, f"{path} {os.getpid()}".encode()


def test_flushed_pages_are_shared_by_the_children_and_this_process(private_tmp: Path) -> None:
    w = SiteWriter(str(private_tmp / "flush"), settings=SETTINGS)
    stream = PageStream(w, CountingFrame(), workers=2)
    stream.add((f"p/{i}/index.html", {}) for i in range(5000))  # two batches go to children at once
    stream.flush()  # the other 1,000 to two more children, sharing them slice by slice
    assert len(w.manifest) == 5000  # every path is taken: a second write is an error from now on
    with pytest.raises(FileOverwriteFailedError):
        w.write_bytes("p/4999/index.html", b"again")
    assert stream.wait() == 5000
    assert len(w.written) == 5000 and w.stats.written == 5000
    writers = {
        (private_tmp / "flush" / "p" / str(i) / "index.html").read_bytes().split()[1] for i in range(5000)
    }
    assert len(writers) >= 3  # the pages were written by several processes
    for i in (0, 3999, 4000, 4999):
        assert (
            (private_tmp / "flush" / "p" / str(i) / "index.html").read_bytes().startswith(f"p/{i}/".encode())
        )


def test_page_streams_share_one_limit_of_children(private_tmp: Path) -> None:
    """A second stream does not fork while the first one's children fill the slots: every child
    copies what it touches of the build's memory, so more children than workers only cost it."""
    w = SiteWriter(str(private_tmp / "limit"), settings=SETTINGS)
    first = PageStream(w, CountingFrame(), workers=2)
    first.add((f"a/{i}/index.html", {}) for i in range(4000))  # two batches: two children
    assert decision_parallel._children_running[0] == 2
    second = PageStream(w, CountingFrame(), workers=2)
    second.add((f"b/{i}/index.html", {}) for i in range(2500))
    second.flush()  # no free slot: one child for the flushed pages, not two
    assert decision_parallel._children_running[0] == 3
    assert second.wait() == 2500 and first.wait() == 4000
    assert decision_parallel._children_running[0] == 0
    assert len(w.manifest) == 6500 and w.stats.written == 6500


def test_without_shared_memory_flush_gives_even_shares(
    private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_shared_memory(pages: object) -> None:
        raise OSError("no /dev/shm")

    monkeypatch.setattr(decision_parallel, "_Shared", no_shared_memory)
    w = SiteWriter(str(private_tmp / "even"), settings=SETTINGS)
    stream = PageStream(w, CountingFrame(), workers=2)
    stream.add((f"p/{i}/index.html", {}) for i in range(3000))
    stream.flush()
    assert stream.wait() == 3000 and len(w.written) == 3000 and len(w.manifest) == 3000
