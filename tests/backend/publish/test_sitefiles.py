"""Which files of a build's output are the build's own (kept for the next build, never published)."""

from __future__ import annotations

import pytest
from sunlight.sitefiles import is_build_private


@pytest.mark.parametrize(
    "rel",
    [
        "build-report.json",  # the build report: file paths and held-back record ids
        ".sunlight-manifest",  # the writer's list of written files
        ".sunlight-render-keys",  # the decision render cache
        ".sunlight-search-pages",  # the search index's page digests
        "pagefind/site/sunlight-source.sha1",  # a search shard's source digest
        "pagefind/decisions-2025/sunlight-source.sha1",
        "decisions/D-1/index.html.partial",  # a half-written file of an interrupted build
        ".sunlight-search-x1/site/index.html",  # anything in a dot folder
        "notices/.DS_Store",
    ],
)
def test_private(rel: str) -> None:
    assert is_build_private(rel)


@pytest.mark.parametrize(
    "rel",
    [
        "index.html",
        "data/catalog.json",
        "data/decisions.json",
        "feeds/decisions.atom",
        "pagefind/site/pagefind-entry.json",
        "pagefind/site/pagefind.js",
        "theme/css/site.css",
        "notices/build-report.json",  # only the report at the top is the build's
    ],
)
def test_public(rel: str) -> None:
    assert not is_build_private(rel)


def test_the_build_writes_its_private_files_under_these_names() -> None:
    from sunlight_site import build
    from sunlight_site.data import search_index
    from sunlight_site.decisions import render_keys as decision_cache
    from sunlight_site.render import output

    for name in (
        build.REPORT_NAME,
        output.MANIFEST_NAME,
        decision_cache.KEYS_FILE,
        search_index.PAGES_CACHE,
        "pagefind/site/" + search_index.DIGEST_NAME,
        "x/index.html" + output.PARTIAL_SUFFIX,
    ):
        assert is_build_private(name), name
