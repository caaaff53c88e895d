"""The files a site build keeps in its output folder for itself: never served, never published.

The build (``sunlight_site``) takes these names from here, ``sunlight serve`` refuses to serve
them and ``sunlight publish`` never uploads them, so the three cannot drift apart. The rule:

* ``build-report.json`` at the top (file paths and held-back record ids: for the operator);
* any name starting with a dot, or inside a dot folder: the writer's manifest
  (``.sunlight-manifest``), the render keys (``.sunlight-render-keys``), the search index's page
  digests (``.sunlight-search-pages``), the person-name verdicts (``.sunlight-name-verdicts``),
  the 双公示 files' keys (``.sunlight-credit-keys``),
  and whatever an editor or OS leaves (``.DS_Store``);
* ``sunlight-source.sha1`` in a search shard (the digest of the pages the shard was made from);
* ``*.partial``: a file the writer was writing when a build stopped.

A new file a build keeps for the next build must get a dot name (or be added here).
"""

from __future__ import annotations

REPORT_NAME = "build-report.json"
MANIFEST_NAME = ".sunlight-manifest"
RENDER_KEYS_NAME = ".sunlight-render-keys"
SEARCH_PAGES_NAME = ".sunlight-search-pages"
NAME_VERDICTS_NAME = ".sunlight-name-verdicts"  # where person names were found, per text hash
SEARCH_DIGEST_NAME = "sunlight-source.sha1"
PARTIAL_SUFFIX = ".partial"

PRIVATE_AT_TOP = frozenset(
    {REPORT_NAME, MANIFEST_NAME, RENDER_KEYS_NAME, SEARCH_PAGES_NAME, NAME_VERDICTS_NAME}
)


def is_build_private(rel_path: str) -> bool:
    """Whether ``rel_path`` (relative to the output folder, ``/``-separated) is the build's own."""
    parts = rel_path.strip("/").split("/")
    return (
        rel_path in PRIVATE_AT_TOP
        or any(part.startswith(".") for part in parts)
        or parts[-1] == SEARCH_DIGEST_NAME
        or parts[-1].endswith(PARTIAL_SUFFIX)
    )
