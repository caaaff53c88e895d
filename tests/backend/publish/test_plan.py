"""The publish plan: what to upload, in which order, what to delete and invalidate (pure)."""

from __future__ import annotations

import pytest
from sunlight.publish.errors import PublishError, TooManyDeletes
from sunlight.publish.objects import Kind
from sunlight.publish.plan import Local, Remote, invalidation_paths, keys_to_read, make_plan, normalize_prefix


def loc(rel: str, kind: Kind, size: int = 10, digest: str = "d") -> Local:
    return Local(rel, kind, size, digest)


def test_unchanged_objects_are_not_uploaded() -> None:
    local = [loc("a/index.html", Kind.PAGE), loc("theme/site.css", Kind.ASSET)]
    remote = {"site/a/index.html": Remote(10, "d"), "site/theme/site.css": Remote(10, "d")}
    plan = make_plan(local, remote, "site/")
    assert plan.uploads == [] and plan.deletes == [] and plan.unchanged == 2
    assert plan.invalidation() == []


def test_a_changed_digest_or_size_uploads_again() -> None:
    local = [loc("a/index.html", Kind.PAGE, 10, "new"), loc("b/index.html", Kind.PAGE, 11, "d")]
    remote = {"a/index.html": Remote(10, "old"), "b/index.html": Remote(10, None)}
    plan = make_plan(local, remote, "")
    assert [u.rel for u in plan.uploads] == ["a/index.html", "b/index.html"]
    assert plan.changed == ["a/index.html", "b/index.html"] and plan.new == []


def test_an_object_without_our_digest_counts_as_changed() -> None:
    plan = make_plan([loc("a.css", Kind.ASSET)], {"a.css": Remote(10, None)}, "")
    assert plan.changed == ["a.css"]


def test_force_uploads_everything() -> None:
    plan = make_plan([loc("a.css", Kind.ASSET)], {"a.css": Remote(10, "d")}, "", force=True)
    assert [u.rel for u in plan.uploads] == ["a.css"]


def test_batches_run_assets_pages_lists_feeds_search_then_sitemaps_new_before_changed() -> None:
    local = [
        loc("sitemap.xml", Kind.SITEMAP),
        loc("search/index.html", Kind.SEARCH_PAGE),
        loc("pagefind/site/pagefind-entry.json", Kind.SEARCH),
        loc("feeds/d.atom", Kind.FEED),
        loc("index.html", Kind.INDEX),
        loc("offices/o1/index.html", Kind.PAGE, digest="changed"),
        loc("decisions/D-2/index.html", Kind.PAGE),
        loc("theme/site.css", Kind.ASSET, digest="changed"),
        loc("pagefind/site/fragment/zh_1234567.pf_fragment", Kind.ASSET),
    ]
    remote = {"offices/o1/index.html": Remote(10, "d"), "theme/site.css": Remote(10, "d")}
    plan = make_plan(local, remote, "")
    assert [[u.rel for u in batch] for batch in plan.batches] == [
        ["pagefind/site/fragment/zh_1234567.pf_fragment"],
        ["theme/site.css"],
        ["decisions/D-2/index.html"],
        ["offices/o1/index.html"],
        ["index.html"],
        ["feeds/d.atom"],
        ["pagefind/site/pagefind-entry.json"],
        ["search/index.html"],
        ["sitemap.xml"],
    ]


def test_objects_no_longer_built_are_deleted_only_under_the_prefix() -> None:
    local = [loc("a/index.html", Kind.PAGE)]
    remote = {
        "site/a/index.html": Remote(10, "d"),
        "site/gone/index.html": Remote(5),
        "site/build-report.json": Remote(5),
        "other/x.html": Remote(5),
        "sitex/y.html": Remote(5),
    }
    plan = make_plan(local, remote, "site/")
    assert plan.deletes == ["site/build-report.json", "site/gone/index.html"]
    assert plan.invalidation() == ["/build-report.json", "/gone/", "/gone/index.html"]


def test_delete_guard() -> None:
    remote = {f"p{i}.html": Remote(1) for i in range(3)}
    plan = make_plan([], remote, "")
    plan.check_deletes(3)
    plan.check_deletes(-1)
    with pytest.raises(TooManyDeletes) as err:
        plan.check_deletes(2)
    assert "--max-deletes" in str(err.value) and "将删除 3 个对象" in str(err.value)


def test_keys_to_read_are_those_of_the_same_size() -> None:
    local = [loc("a.html", Kind.PAGE, 10), loc("b.html", Kind.PAGE, 12), loc("c.html", Kind.PAGE, 1)]
    assert keys_to_read(local, {"s/a.html": 10, "s/b.html": 11}, "s/") == ["s/a.html"]


@pytest.mark.parametrize(
    ("given", "expected"), [(None, ""), ("", ""), ("/", ""), ("site", "site/"), ("/a/b/", "a/b/")]
)
def test_prefix(given: str | None, expected: str) -> None:
    assert normalize_prefix(given) == expected


def test_bad_prefix() -> None:
    with pytest.raises(PublishError):
        normalize_prefix("a/../b")


def test_invalidation_of_a_few_paths() -> None:
    rels = ["index.html", "decisions/D-1/index.html", "data/decisions.csv", "feeds/d.atom"]
    assert invalidation_paths(rels) == [
        "/",
        "/data/decisions.csv",
        "/decisions/D-1/",
        "/decisions/D-1/index.html",
        "/feeds/d.atom",
        "/index.html",
    ]


def test_invalidation_paths_are_percent_encoded() -> None:
    assert invalidation_paths(["pages/关于/index.html"]) == [
        "/pages/%E5%85%B3%E4%BA%8E/",
        "/pages/%E5%85%B3%E4%BA%8E/index.html",
    ]


def test_many_paths_collapse_to_top_folder_wildcards() -> None:
    rels = [f"decisions/D-{i}/index.html" for i in range(60)] + ["index.html", "404.html", "feeds/d.atom"]
    # 120 decision paths + "/", "/index.html", "/404.html", "/feeds/d.atom" = 124 > 100
    assert invalidation_paths(rels) == ["/", "/404.html", "/decisions/*", "/feeds/d.atom", "/index.html"]


def test_exactly_100_paths_do_not_collapse() -> None:
    rels = [f"decisions/D-{i}.json" for i in range(100)]
    assert len(invalidation_paths(rels)) == 100


def test_too_many_wildcards_collapse_to_everything() -> None:
    rels = [f"s{i}/a{j}.css" for i in range(16) for j in range(7)]  # 112 paths in 16 folders
    assert invalidation_paths(rels) == ["/*"]
