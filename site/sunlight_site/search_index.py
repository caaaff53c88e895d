"""The static search index: pagefind (extended build, which segments Chinese) over the built pages.

Only pages that carry ``data-pagefind-body`` are indexed: power items, public decisions and
notices. A withdrawn decision's notice has no such attribute, so it is never in the index; the
index is rebuilt from the pages of this build only (the writer's manifest), so a page of an
earlier build that is about to be deleted cannot leak into it.

pagefind writes its bundle (index, fragments and its own UI script and style) into a temporary
directory; the files are then written through the site's writer, which keeps unchanged files
untouched and deletes the fragments of an earlier index. A digest of the indexed pages is kept
in the bundle (``pagefind/sunlight-source.sha1``): when it matches, pagefind is not run again.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

MARKER = b"data-pagefind-body"
BUNDLE = "pagefind"
DIGEST_FILE = f"{BUNDLE}/sunlight-source.sha1"
INDEX_FORMAT = "pagefind-1.5/chinese-by-character"  # change it whenever staging changes


def indexable(out_dir: Path, paths: Iterable[str]) -> list[tuple[str, bytes]]:
    """(relative path, bytes) of the HTML pages of this build that ask to be indexed, sorted."""
    pages = []
    for rel in sorted(paths):
        if not rel.endswith(".html") or rel.startswith(f"{BUNDLE}/"):
            continue
        data = (out_dir / rel).read_bytes()
        if MARKER in data:
            pages.append((rel, data))
    return pages


def digest(pages: Iterable[tuple[str, bytes]]) -> str:
    """A key of the indexed pages and of how they are indexed (``INDEX_FORMAT``)."""
    h = hashlib.sha1(INDEX_FORMAT.encode())
    for rel, data in pages:
        h.update(rel.encode() + b"\0" + hashlib.sha1(data).digest())
    return h.hexdigest()


async def _index(site: str, target: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language="zh", output_path=target)
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(site)
    return int(result.get("page_count", 0))


def _run_async(func: Any, *args: Any) -> Any:
    """``asyncio.run(func(*args))``, in a thread of its own when this thread already runs a loop
    (a build started from async code, or next to Playwright's sync API in the tests)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(func(*args))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(func(*args))).result()


# Chinese is indexed character by character. pagefind's extended build segments Chinese with its
# own dictionary when indexing, but the browser splits the query with Intl.Segmenter (ICU), whose
# dictionary differs (渣土 is one word to the first, 渣|土 to the second), and a query word must be
# the start of an indexed word: such queries found nothing. With one word per character both
# sides agree; search.js sends a query of one run of characters as an exact phrase, so the
# characters must stand together and in order, and tidies the spaces out of the excerpts.
_CJK_PAIR = re.compile("(?<=[\u3400-\u9fff\uf900-\ufaff])(?=[\u3400-\u9fff\uf900-\ufaff])")


def spaced(html: str) -> str:
    """``html`` with a space between adjacent Chinese characters (what pagefind indexes)."""
    return _CJK_PAIR.sub(" ", html)


def _stage(pages: list[tuple[str, bytes]], stage: Path) -> None:
    """The pages to index, at their paths under ``stage``, Chinese spaced out (see ``spaced``)."""
    made: set[Path] = set()
    for rel, data in pages:
        target = stage / rel
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(spaced(data.decode("utf-8")).encode("utf-8"))


def bundle_files(out_dir: Path, pages: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Run pagefind over ``pages`` (one request: pagefind's service answers each request slowly);
    returns the bundle's files as (path under the site, bytes)."""
    parent = out_dir.resolve().parent
    with tempfile.TemporaryDirectory(prefix=".sunlight-search-", dir=parent) as tmp:
        stage, target = Path(tmp) / "site", os.path.join(tmp, BUNDLE)
        stage.mkdir()
        _stage(pages, stage)
        indexed = _run_async(_index, str(stage), target)
        if indexed != len(pages):
            raise RuntimeError(f"pagefind indexed {indexed} of {len(pages)} pages")
        files = []
        for dirpath, _, names in os.walk(target):
            for name in names:
                path = Path(dirpath) / name
                files.append((f"{BUNDLE}/{path.relative_to(target).as_posix()}", path.read_bytes()))
    return sorted(files)


def write_index(writer: Any, out_dir: Path) -> dict[str, int]:
    """Index this build's pages and write the bundle through ``writer``; returns figures (the same
    whether or not the previous bundle was reused, so a rebuild's report equals a full build's)."""
    pages = indexable(out_dir, list(writer.manifest))
    key = digest(pages).encode()
    previous = _previous_bundle(out_dir)
    if previous is not None and previous.get(DIGEST_FILE) == key:
        files = sorted(previous.items())  # same pages, same index: write it back unchanged
    else:
        files = [*bundle_files(out_dir, pages), (DIGEST_FILE, key)]
    for rel, data in files:
        writer.write_bytes(rel, data)
    return {"search_pages": len(pages), "search_files": len(files)}


def _previous_bundle(out_dir: Path) -> dict[str, bytes] | None:
    """The bundle the previous build wrote, if it is complete (listed in the writer's manifest)."""
    manifest = out_dir / ".sunlight-manifest"
    if not (out_dir / DIGEST_FILE).is_file() or not manifest.is_file():
        return None
    listed = [p for p in manifest.read_text("utf-8").splitlines() if p.startswith(f"{BUNDLE}/")]
    try:
        return {rel: (out_dir / rel).read_bytes() for rel in listed}
    except OSError:
        return None
