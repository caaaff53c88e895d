"""The writer: unchanged files untouched, bulk rendering from a shared context, the manifest."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.writers import FileOverwriteFailedError
from sunlight_site.build import THEME_DIR
from sunlight_site.render.writer import MANIFEST_NAME, SiteWriter


def make_writer(out: Path, tmp_path: Path | None = None) -> SiteWriter:
    settings = {"THEME": str(THEME_DIR), "JINJA_ENVIRONMENT": {"autoescape": True}}
    if tmp_path is not None:
        (tmp_path / "tpl").mkdir(exist_ok=True)
        (tmp_path / "tpl" / "item.html").write_text("{{ title }}|{{ shared_value }}|{{ site_name }}", "utf-8")
        settings["THEME_TEMPLATES_OVERRIDES"] = [str(tmp_path / "tpl")]
        settings["JINJA_GLOBALS"] = {"site_name": "站点"}
    return SiteWriter(str(out), settings=settings)


def test_identical_bytes_leave_the_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = make_writer(out)
    assert first.write_bytes("a/b/index.html", "第一版".encode()) is True
    target = out / "a/b/index.html"
    before = target.stat()
    second = make_writer(out)
    assert second.write_bytes("a/b/index.html", "第一版".encode()) is False
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert second.stats.unchanged == 1 and second.stats.written == 0
    third = make_writer(out)
    assert third.write_bytes("a/b/index.html", "第二版".encode()) is True
    assert target.read_text("utf-8") == "第二版"


def test_same_size_different_bytes_are_rewritten(tmp_path: Path) -> None:
    make_writer(tmp_path).write_bytes("x.txt", b"abc")
    assert make_writer(tmp_path).write_bytes("x.txt", b"abd") is True
    assert (tmp_path / "x.txt").read_bytes() == b"abd"


def test_writing_one_path_twice_is_an_error(tmp_path: Path) -> None:
    w = make_writer(tmp_path)
    w.write_bytes("x.txt", b"1")
    with pytest.raises(FileOverwriteFailedError):
        w.write_bytes("x.txt", b"2")
    w.write_bytes("x.txt", b"3", override=True)
    assert (tmp_path / "x.txt").read_bytes() == b"3"


def test_finish_deletes_what_the_previous_build_wrote_and_this_one_did_not(tmp_path: Path) -> None:
    w = make_writer(tmp_path)
    w.write_text("keep/index.html", "k")
    w.write_text("gone/deep/index.html", "g")
    (tmp_path / "foreign.txt").write_text("not ours", "utf-8")
    assert w.finish() == []
    assert (tmp_path / MANIFEST_NAME).read_text("utf-8") == "gone/deep/index.html\nkeep/index.html\n"

    w2 = make_writer(tmp_path)
    w2.write_text("keep/index.html", "k")
    assert w2.finish() == ["gone/deep/index.html"]
    assert not (tmp_path / "gone").exists()  # empty directories go too
    assert (tmp_path / "keep/index.html").exists()
    assert (tmp_path / "foreign.txt").exists()  # never written by the site: left alone
    assert (tmp_path / MANIFEST_NAME).read_text("utf-8") == "keep/index.html\n"


def test_write_many_renders_each_page_from_its_own_small_context(tmp_path: Path) -> None:
    w = make_writer(tmp_path / "out", tmp_path)
    shared = {"shared_value": "共享", "title": "默认"}
    items = [(f"p/{i}/index.html", {"title": f"<第{i}页>"}) for i in range(3)]
    assert w.write_many("item.html", items, shared) == 3
    assert (tmp_path / "out/p/1/index.html").read_text("utf-8") == "&lt;第1页&gt;|共享|站点"
    assert shared == {"shared_value": "共享", "title": "默认"}  # the shared context is never modified
    assert w.render("item.html", {}, shared) == "默认|共享|站点"


def test_pelican_writes_go_through_the_same_primitive(tmp_path: Path) -> None:
    w = make_writer(tmp_path)
    with w._open_w(str(tmp_path / "feeds" / "x.atom"), "utf-8") as fh:
        fh.write("<feed/>")
    assert (tmp_path / "feeds/x.atom").read_text("utf-8") == "<feed/>"
    assert "feeds/x.atom" in w.manifest
    with w._open_w(str(tmp_path / "feeds" / "x.atom"), "utf-8", override=True) as fh:
        fh.write("<feed/>")
    assert w.stats.unchanged == 1


def test_a_changed_file_is_replaced_not_rewritten_in_place(tmp_path: Path) -> None:
    make_writer(tmp_path).write_bytes("a.html", b"old")
    before = (tmp_path / "a.html").stat().st_ino
    make_writer(tmp_path).write_bytes("a.html", b"new!")
    assert (tmp_path / "a.html").read_bytes() == b"new!"
    assert (tmp_path / "a.html").stat().st_ino != before  # renamed into place
    assert not list(tmp_path.glob("*.partial"))


def test_written_lists_only_changed_files_and_keep_joins_the_manifest(tmp_path: Path) -> None:
    first = make_writer(tmp_path)
    first.write_bytes("a.txt", b"1")
    first.write_bytes("b.txt", b"2")
    first.finish()
    second = make_writer(tmp_path)
    second.write_bytes("a.txt", b"1")  # same bytes: not written
    second.write_bytes("b.txt", b"3")
    second.keep("c.txt")
    assert second.written == {"b.txt"}
    assert second.manifest == {"a.txt", "b.txt", "c.txt"} and second.stats.unchanged == 2
    with pytest.raises(FileOverwriteFailedError):
        second.keep("a.txt")


def test_a_second_writer_over_the_same_output_merges_into_the_site_writer(tmp_path: Path) -> None:
    from sunlight_site.render.output import OutputWriter

    site, pages = make_writer(tmp_path), OutputWriter(str(tmp_path), settings={"THEME": str(THEME_DIR)})
    site.write_bytes("index.html", b"home")
    pages.write_bytes("decisions/D1/index.html", b"one")
    site.absorb(pages)
    assert site.manifest == {"index.html", "decisions/D1/index.html"} and site.stats.written == 2
    assert site.written == {"index.html", "decisions/D1/index.html"}
    other = OutputWriter(str(tmp_path), settings={"THEME": str(THEME_DIR)})
    other.write_bytes("index.html", b"home again")
    with pytest.raises(FileOverwriteFailedError, match="index.html"):
        site.absorb(other)
