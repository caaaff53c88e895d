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
DEFAULT_MAX_DELETES = 256
# The bucket's private area: the backend catalog (offices' webhook URLs), read by the functions
# only (``sunlight catalog upload``). Never the site's, whatever ``--prefix`` says.
PRIVATE_PREFIX = "private/"


def in_private_area(key: str) -> bool:
    return key.startswith(PRIVATE_PREFIX)


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


def directory_key(rel: str) -> str | None:
    """``x/index.html`` -> ``x/``, the key a directory URL asks S3 for where no CloudFront Function
    maps it to the page (``--directory-keys``); None for the root page (the distribution's
    ``DefaultRootObject``) and every other file."""
    return rel[: -len("index.html")] if rel.endswith("/index.html") else None


def unit_keys(rel: str, prefix: str, directory_keys: bool) -> list[str]:
    """The keys one site file goes up under: its own, and with ``directory_keys`` its folder's."""
    folder = directory_key(rel) if directory_keys else None
    return [prefix + rel] + ([prefix + folder] if folder else [])


@dataclass
class Plan:
    prefix: str
    directory_keys: bool = False  # each x/index.html also under x/, one unit with it
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

    def keys(self, rel: str) -> list[str]:
        """Every key the file ``rel`` goes up under (its folder's too with ``directory_keys``)."""
        return unit_keys(rel, self.prefix, self.directory_keys)

    def rel(self, key: str) -> str:
        return key[len(self.prefix) :]

    def invalidation(self) -> list[str]:
        """The CloudFront paths to invalidate: changed and deleted objects (new ones were never
        cached, except as an error response for CloudFront's short error-caching time)."""
        return invalidation_paths([*self.changed, *(self.rel(k) for k in self.deletes)])

    def check_scope(self) -> None:
        """Refuse a plan that would upload or delete a key outside ``prefix`` or in the private area
        (``make_plan`` plans none; this holds whatever the listing or the site folder held)."""
        keys = [key for item in self.uploads for key in self.keys(item.rel)] + self.deletes
        for key in keys:
            if not key.startswith(self.prefix) or in_private_area(key):
                raise PublishError(
                    f"拒绝写入或删除 {key}：它在发布前缀“{self.prefix}”之外，或在存储桶的私有区 "
                    f"{PRIVATE_PREFIX}（后端目录所在）",
                    f"refusing to upload or delete {key}: it is outside the prefix {self.prefix!r} or "
                    f"in the bucket's private area {PRIVATE_PREFIX} (the backend catalog's)",
                )

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
    if in_private_area(clean + "/"):
        raise PublishError(
            f"--prefix {prefix} 位于存储桶的私有区 {PRIVATE_PREFIX}（后端目录所在），站点不能发布到这里",
            f"--prefix {prefix} is in the bucket's private area {PRIVATE_PREFIX} (the backend catalog's); "
            "the site cannot be published there",
        )
    return clean + "/" if clean else ""


def keys_to_read(
    local: Iterable[Local], remote_sizes: Mapping[str, int], prefix: str, directory_keys: bool = False
) -> list[str]:
    """Keys whose metadata digest must be read: in the bucket with the same size as the upload
    (a different size is a change, no need to ask)."""
    return sorted(
        key
        for item in local
        for key in unit_keys(item.rel, prefix, directory_keys)
        if remote_sizes.get(key, -1) == item.size
    )


def make_plan(
    local: Sequence[Local],
    remote: Mapping[str, Remote],
    prefix: str,
    force: bool = False,
    directory_keys: bool = False,
) -> Plan:
    """A file and its folder key (``directory_keys``) are one unit: unchanged only when both are in
    the bucket with the file's digest, else both go up; both are built, so neither is deleted."""
    plan = Plan(prefix, directory_keys)
    groups: dict[tuple[Kind, int], list[Local]] = {}
    for item in local:
        there = [remote.get(key) for key in plan.keys(item.rel)]
        if there[0] is None:
            plan.new.append(item.rel)
            groups.setdefault((item.kind, 0), []).append(item)
        elif force or any(t is None or t.size != item.size or t.digest != item.digest for t in there):
            plan.changed.append(item.rel)
            groups.setdefault((item.kind, 1), []).append(item)
        else:
            plan.unchanged += 1
    plan.batches = [sorted(groups[g], key=lambda i: i.rel) for g in sorted(groups)]
    built = {key for item in local for key in plan.keys(item.rel)}
    plan.deletes = sorted(
        k for k in remote if k.startswith(prefix) and k not in built and not in_private_area(k)
    )
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
