"""The static search index: pagefind (extended build) over the built pages, in shards.

Only pages that carry ``data-pagefind-body`` are indexed: power items, public decisions and
notices. A withdrawn decision's notice has no such attribute, so it is never in the index; the
index is made from the pages of this build only (the writer's manifest), so a page of an
earlier build that is about to be deleted cannot leak into it.

Shards: pagefind holds everything it indexes in memory (about 70 KB a page), so a city's
100,000 decisions in one index would need gigabytes. The index is split into shards, each a
complete pagefind bundle under ``/pagefind/<shard>/``: ``site`` (power items, notices, other
pages) and the decisions by decision date, a year to a shard when the year has at most
``MAX_SHARD_PAGES`` pages (``decisions-2025``), else a quarter (``decisions-2025-q3``), else a
month (``decisions-2025-09``); the search page merges them in the browser (pagefind's
``mergeIndex``). Each shard costs the browser requests on the first query (measured in
docs/benchmarks.md, "Search in the browser"), so shards are as few as memory allows. Each
shard is indexed by its own pagefind process, one after the other, so memory stays that of the
largest shard; and a shard whose pages did not change is not indexed again: its digest
(``/pagefind/<shard>/sunlight-source.sha1``) matches and the previous bundle's files are kept
as they are (``writer.keep``). Files go through the site's writer, which leaves unchanged files
untouched and deletes those of an index that is no more.

A rebuild does not read every page again to find what changed: ``.sunlight-search-pages``
remembers the digest of each page of the previous build (empty for a page not to index), and a
page the writer did not write in this build (its bytes did not change) keeps its digest. The
file depends only on the pages' bytes, so a rebuild writes the same one as a full build. A
build takes the file away when it starts (``take_known_pages``) and writes it anew at the end:
after a build that stopped half-way (pages rewritten, no new record) there is no record to
trust, and the next build reads every page.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Container, Iterable, Mapping
from pathlib import Path
from typing import Any

from sunlight.sitefiles import MANIFEST_NAME, SEARCH_DIGEST_NAME, SEARCH_PAGES_NAME

MARKER = b"data-pagefind-body"
BUNDLE = "pagefind"
DIGEST_NAME = SEARCH_DIGEST_NAME
# Part of every shard's digest: change it whenever staging or the pagefind command changes.
INDEX_FORMAT = "pagefind-1.5-cli/chinese-by-character/shards-by-year-quarter-month/no-labels/article"

# Text every page of a kind repeats is not indexed: the field labels of a ``dl.fields`` (决定文书号,
# 当事人 ...) and a decision's credit-repair notice. A query for a label or for 信用修复 would
# otherwise find every decision; and the boilerplate was a third of the words pagefind indexed.
EXCLUDE = ("dl.fields > dt", "section.credit-repair")


PAGES_CACHE = SEARCH_PAGES_NAME


def indexable(
    out_dir: Path, paths: Iterable[str], known: Mapping[str, str] | None = None, written: Container[str] = ()
) -> tuple[list[tuple[str, bytes]], dict[str, str]]:
    """(relative path, SHA-1 of its bytes) of the HTML pages of this build that ask to be indexed,
    sorted, and the hex digest of every HTML page ("" when not to index) for the next build. Only
    digests are kept: a city's pages would not fit in memory at once. A page in ``known`` (the
    previous build's digests) that is not ``written`` in this build is not read again."""
    known = known or {}
    pages, seen = [], {}
    root = str(out_dir)
    for rel in sorted(paths):
        if not rel.endswith(".html") or rel.startswith(f"{BUNDLE}/"):
            continue
        hexdigest = known.get(rel)
        if hexdigest is None or rel in written:
            with open(os.path.join(root, rel), "rb") as fh:
                data = fh.read()
            hexdigest = hashlib.sha1(data).hexdigest() if MARKER in data else ""
        seen[rel] = hexdigest
        if hexdigest:
            pages.append((rel, bytes.fromhex(hexdigest)))
    return pages, seen


def take_known_pages(out_dir: Path) -> dict[str, str]:
    """The page digests the previous build recorded, removing the record (see the module docstring)."""
    path = out_dir / PAGES_CACHE
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        data = None
    path.unlink(missing_ok=True)
    if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
        return {}
    pages = data.get("pages")
    if not isinstance(pages, dict):
        return {}
    return {rel: value for rel, value in pages.items() if isinstance(value, str)}


def digest(pages: Iterable[tuple[str, bytes]]) -> str:
    """A key of the indexed pages (path and content digest) and of how they are indexed."""
    h = hashlib.sha1(INDEX_FORMAT.encode())
    for rel, file_digest in pages:
        h.update(rel.encode() + b"\0" + file_digest)
    return h.hexdigest()


def _pagefind_binary() -> str:
    """The pagefind extended binary that the ``pagefind[extended]`` package installs."""
    from pagefind_bin_extended import get_executable

    return str(get_executable())


def _index(site: str, target: str) -> int:
    """Run pagefind over ``site`` into ``target``; returns the number of pages it indexed.

    The command line, not pagefind's Python service: the service answers "written" before its
    files are complete and then terminates the process, which left empty files in a bundle. The
    command exits only when everything is written.
    """
    proc = subprocess.run(
        [
            _pagefind_binary(),
            "--site",
            site,
            "--output-path",
            target,
            "--force-language",
            "zh",
            *(arg for selector in EXCLUDE for arg in ("--exclude-selectors", selector)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Indexed (\d+) pages?", proc.stdout)
    if proc.returncode != 0 or found is None:
        raise RuntimeError(f"pagefind failed ({proc.returncode}): {(proc.stderr or proc.stdout)[-500:]}")
    return int(found.group(1))


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


def indexed_part(html: str) -> str:
    """What pagefind indexes of a page: its ``<article data-pagefind-body>`` (every indexed template
    marks its one article so), in a document of its own; the whole page when there is no such
    article. Header, navigation and footer are never indexed, so they need not be staged."""
    marker = html.find(MARKER.decode())
    start = html.rfind("<article", 0, marker) if marker >= 0 else -1
    end = html.rfind("</article>")
    if start < 0 or end < marker:
        return html
    return f'<!DOCTYPE html><html lang="zh-CN"><body>{html[start : end + len("</article>")]}</body></html>'


def _stage(out_dir: Path, pages: list[tuple[str, bytes]], stage: Path) -> None:
    """The pages to index, at their paths under ``stage``: their indexed part, Chinese spaced out
    (see ``indexed_part`` and ``spaced``)."""
    made: set[Path] = set()
    for rel, _ in pages:
        target = stage / rel
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(spaced(indexed_part((out_dir / rel).read_text("utf-8"))).encode("utf-8"))


def bundle_files(out_dir: Path, pages: list[tuple[str, bytes]], name: str) -> list[tuple[str, bytes]]:
    """Run pagefind over ``pages`` (one request: pagefind's service answers each request slowly);
    returns the bundle's files as (path under the site, bytes), under ``pagefind/<name>/``."""
    parent = out_dir.resolve().parent
    with tempfile.TemporaryDirectory(prefix=".sunlight-search-", dir=parent) as tmp:
        stage, target = Path(tmp) / "site", os.path.join(tmp, BUNDLE)
        stage.mkdir()
        _stage(out_dir, pages, stage)
        indexed = _index(str(stage), target)
        if indexed != len(pages):
            raise RuntimeError(f"pagefind indexed {indexed} of {len(pages)} pages")
        files = []
        for dirpath, _, file_names in os.walk(target):
            for file_name in file_names:
                path = Path(dirpath) / file_name
                files.append((f"{BUNDLE}/{name}/{path.relative_to(target).as_posix()}", path.read_bytes()))
    return sorted(files)


PRIMARY = "site"
# What a merged (non-primary) shard needs; the UI scripts and styles come from the primary one.
UI_FILES = re.compile(r"^pagefind-(ui|component-ui|modular-ui)\.(js|css)$|^pagefind-highlight\.js$")


# The most pages one shard may hold when a longer stretch of time is cut into shorter ones:
# pagefind holds a shard in memory (about 70 KB a page: 214 MB for 2,400 decision pages, 534 MB
# for 7,200), and it runs beside the build process, which holds a city's decisions.
MAX_SHARD_PAGES = 4000


def month_of(rel: str, months: Mapping[str, str]) -> str | None:
    """The decision month (``YYYY-MM``) of a public decision's page, else None."""
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] == "decisions" and parts[1] in months:
        return months[parts[1]]
    return None


def _quarter(month: str) -> str:
    return f"{month[:4]}-q{(int(month[5:7]) + 2) // 3}"


def shard_names(counts: Mapping[str, int], cap: int = MAX_SHARD_PAGES) -> dict[str, str]:
    """The shard of each decision month, given the pages of each month: the longest stretch of
    the calendar that holds at most ``cap`` pages, a year (``decisions-2025``), else a quarter
    (``decisions-2025-q3``), else the month (``decisions-2025-09``, however many it holds).

    Few shards make a search quick in the browser (each shard costs requests on the first
    query); calendar stretches keep a day's changes to the shards of the months they touch."""
    per_year: dict[str, int] = {}
    per_quarter: dict[str, int] = {}
    for month, n in counts.items():
        per_year[month[:4]] = per_year.get(month[:4], 0) + n
        per_quarter[_quarter(month)] = per_quarter.get(_quarter(month), 0) + n
    names = {}
    for month in counts:
        if per_year[month[:4]] <= cap:
            names[month] = f"decisions-{month[:4]}"
        elif per_quarter[_quarter(month)] <= cap:
            names[month] = f"decisions-{_quarter(month)}"
        else:
            names[month] = f"decisions-{month}"
    return names


def shards(
    pages: list[tuple[str, bytes]], months: Mapping[str, str], cap: int = MAX_SHARD_PAGES
) -> dict[str, list[tuple[str, bytes]]]:
    """The indexed pages by shard: ``site`` (power items, notices, the rest) first, then the
    decision shards of ``shard_names`` in name order."""
    of = [(rel, data, month_of(rel, months)) for rel, data in pages]
    counts: dict[str, int] = {}
    for _, _, month in of:
        if month is not None:
            counts[month] = counts.get(month, 0) + 1
    names = shard_names(counts, cap)
    out: dict[str, list[tuple[str, bytes]]] = {}
    for rel, data, month in of:
        out.setdefault(PRIMARY if month is None else names[month], []).append((rel, data))
    # No empty shard: pagefind refuses to index nothing (an agency with no power list yet).
    return dict(sorted(out.items(), key=lambda kv: (kv[0] != PRIMARY, kv[0])))


def bundle_urls(names: Iterable[str]) -> list[str]:
    """The bundle paths the search page loads: the primary first, then the merged ones."""
    return [f"/{BUNDLE}/{name}/" for name in names]


def write_index(
    writer: Any, out_dir: Path, months: Mapping[str, str], known: Mapping[str, str] | None = None
) -> tuple[dict[str, int], list[str]]:
    """Index this build's pages shard by shard and write the bundles through ``writer``.

    ``months`` maps a public decision's id to its decision month; ``known`` is what
    ``take_known_pages`` took at the start of the build. Returns figures (the same
    whether or not a shard was reused, so a rebuild's report equals a full build's) and the
    bundle paths in load order (see ``bundle_urls``).
    """
    pages, seen = indexable(out_dir, list(writer.manifest), known, writer.written)
    groups = shards(pages, months)
    previous: dict[str, list[str]] = {}
    for rel in _previous_files(out_dir):  # pagefind/<shard>/...
        previous.setdefault(rel.split("/", 2)[1], []).append(rel)
    files = 0
    # The first bundle the search page loads carries pagefind's UI: ``site`` as a rule, the
    # oldest decision shard when the agency has no other page to index.
    ui_shard = next(iter(groups), "")
    for name, shard_pages in groups.items():
        prefix = f"{BUNDLE}/{name}/"
        key = digest(shard_pages).encode() + (b" ui" if name == ui_shard != PRIMARY else b"")
        old = sorted(previous.get(name, []))
        if (
            prefix + DIGEST_NAME in old
            and _read(out_dir, prefix + DIGEST_NAME) == key
            and _whole(out_dir, old)
        ):
            # Same pages, same index: the previous bundle stays as it is.
            for rel in old:
                writer.keep(rel)
            files += len(old)
            continue
        made = bundle_files(out_dir, shard_pages, name)
        if name != ui_shard:
            made = [(rel, data) for rel, data in made if not UI_FILES.match(rel.rsplit("/", 1)[-1])]
        bundle = [*made, (prefix + DIGEST_NAME, key)]
        for rel, data in bundle:
            writer.write_bytes(rel, data)
        files += len(bundle)
    record = {"format": INDEX_FORMAT, "pages": seen}
    writer.write_bytes(PAGES_CACHE, json.dumps(record, separators=(",", ":"), sort_keys=True).encode())
    figures = {"search_pages": len(pages), "search_shards": len(groups), "search_files": files}
    return figures, bundle_urls(groups)


def _whole(out_dir: Path, rels: list[str]) -> bool:
    """Every file of a previous bundle is there and not empty (pagefind writes no empty file)."""
    root = str(out_dir)
    for rel in rels:
        try:
            if os.stat(os.path.join(root, rel)).st_size == 0:
                return False
        except OSError:
            return False
    return True


def _previous_files(out_dir: Path) -> list[str]:
    """The bundle files the previous build wrote (as listed in the writer's manifest)."""
    manifest = out_dir / MANIFEST_NAME
    if not manifest.is_file():
        return []
    return [rel for rel in manifest.read_text("utf-8").splitlines() if rel.startswith(f"{BUNDLE}/")]


def _read(out_dir: Path, rel: str) -> bytes | None:
    try:
        return (out_dir / rel).read_bytes()
    except OSError:
        return None
