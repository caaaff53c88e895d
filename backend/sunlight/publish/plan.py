"""What a publish does: which objects to upload, in which order, what to delete and invalidate.

Pure: it compares the site's files (``Local``: relative path, kind, size and digest as uploaded)
with the bucket's objects (``Remote``: size, and the digest from the object's metadata when it
was read) and returns a ``Plan``. No boto3 here.

Order (docs/deploy.md): uploads go in batches, each finished before the next starts: by
``Kind`` (assets, pages, lists, feeds, search entries, the search page, sitemaps), and within a
kind the objects new to the bucket before the changed ones, so a changed page never points at
a page not uploaded yet. Deletions come after every upload.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from sunlight.publish.errors import PublishError, TooManyDeletes
from sunlight.publish.objects import Kind

# CloudFront bills invalidation paths past the first 1,000 a month (a wildcard counts as one)
# and allows 15 wildcard paths in progress at a time.
MAX_INVALIDATION_PATHS = 100
MAX_WILDCARDS = 15


@dataclass(frozen=True)
class Local:
    rel: str
    kind: Kind
    size: int  # bytes as uploaded
    digest: str


@dataclass(frozen=True)
class Remote:
    size: int
    digest: str | None = None  # None: not read (or an object this tool did not upload)


@dataclass
class Plan:
    prefix: str
    batches: list[list[Local]] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)  # keys
    unchanged: int = 0
    changed: list[str] = field(default_factory=list)  # rels that existed with other bytes or headers
    new: list[str] = field(default_factory=list)  # rels not in the bucket

    @property
    def uploads(self) -> list[Local]:
        return [item for batch in self.batches for item in batch]

    def key(self, rel: str) -> str:
        return self.prefix + rel

    def rel(self, key: str) -> str:
        return key[len(self.prefix) :]

    def invalidation(self) -> list[str]:
        """The CloudFront paths to invalidate: changed and deleted objects (new ones were never
        cached, except as an error response for CloudFront's short error-caching time)."""
        return invalidation_paths([*self.changed, *(self.rel(k) for k in self.deletes)])

    def check_deletes(self, max_deletes: int) -> None:
        """Refuse a plan deleting more than ``max_deletes`` objects (``-1``: no limit)."""
        if 0 <= max_deletes < len(self.deletes):
            raise TooManyDeletes(
                f"将删除 {len(self.deletes)} 个对象，超过 --max-deletes {max_deletes}；"
                "请检查站点目录与 --prefix，确认无误后调高 --max-deletes",
                f"would delete {len(self.deletes)} objects, more than --max-deletes {max_deletes}; "
                "check SITE_DIR and --prefix, then raise --max-deletes if this is intended",
            )


def normalize_prefix(prefix: str | None) -> str:
    """``--prefix``: no leading slash, one trailing slash (``""`` for the bucket's top)."""
    clean = (prefix or "").strip("/")
    if any(part in ("", ".", "..") for part in clean.split("/")) and clean:
        raise PublishError(f"--prefix 无效：{prefix}", f"--prefix is not a clean key prefix: {prefix}")
    return clean + "/" if clean else ""


def keys_to_read(local: Iterable[Local], remote_sizes: Mapping[str, int], prefix: str) -> list[str]:
    """Keys whose metadata digest must be read: in the bucket with the same size as the upload
    (a different size is a change, no need to ask)."""
    return sorted(prefix + item.rel for item in local if remote_sizes.get(prefix + item.rel, -1) == item.size)


def make_plan(local: Sequence[Local], remote: Mapping[str, Remote], prefix: str, force: bool = False) -> Plan:
    plan = Plan(prefix)
    groups: dict[tuple[Kind, int], list[Local]] = {}
    for item in local:
        there = remote.get(prefix + item.rel)
        if there is None:
            plan.new.append(item.rel)
            groups.setdefault((item.kind, 0), []).append(item)
        elif force or there.size != item.size or there.digest != item.digest:
            plan.changed.append(item.rel)
            groups.setdefault((item.kind, 1), []).append(item)
        else:
            plan.unchanged += 1
    plan.batches = [sorted(groups[g], key=lambda i: i.rel) for g in sorted(groups)]
    built = {prefix + item.rel for item in local}
    plan.deletes = sorted(k for k in remote if k.startswith(prefix) and k not in built)
    plan.new.sort()
    plan.changed.sort()
    return plan


def invalidation_paths(rels: Iterable[str]) -> list[str]:
    """CloudFront paths for these site paths: ``/x/index.html`` also gives ``/x/``.

    More than ``MAX_INVALIDATION_PATHS`` paths collapse: every top folder with two or more paths
    becomes ``/folder/*`` (files at the top stay as they are); if that still leaves more than
    ``MAX_INVALIDATION_PATHS`` paths or more than ``MAX_WILDCARDS`` wildcards, ``/*``."""
    paths: set[str] = set()
    for rel in rels:
        paths.add("/" + quote(rel))
        if posixpath.basename(rel) == "index.html":
            folder = posixpath.dirname(rel)
            paths.add("/" + quote(folder + "/") if folder else "/")
    if len(paths) <= MAX_INVALIDATION_PATHS:
        return sorted(paths)
    by_top: dict[str, set[str]] = {}
    for path in paths:
        top = path[1:].split("/", 1)[0] if path.count("/") > 1 else ""
        by_top.setdefault(top, set()).add(path)
    collapsed: set[str] = set(by_top.pop("", set()))
    for top, members in by_top.items():
        collapsed |= {f"/{top}/*"} if len(members) > 1 else members
    wildcards = sum(p.endswith("*") for p in collapsed)
    if len(collapsed) > MAX_INVALIDATION_PATHS or wildcards > MAX_WILDCARDS:
        return ["/*"]
    return sorted(collapsed)
