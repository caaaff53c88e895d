"""``sunlight publish SITE_DIR --bucket NAME ...``: read the built site, plan, upload, delete, invalidate."""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sunlight.publish.errors import PublishError
from sunlight.publish.objects import Headers, Kind, Prepared, classify, prepare
from sunlight.publish.plan import Local, Plan, Remote, keys_to_read, make_plan, normalize_prefix
from sunlight.sitefiles import is_build_private

T = TypeVar("T")


class Bucket(Protocol):
    def list_sizes(self, prefix: str) -> dict[str, int]: ...
    def read_digest(self, key: str) -> str | None: ...
    def put(self, key: str, body: bytes, headers: Headers, digest: str) -> None: ...
    def delete(self, keys: Sequence[str]) -> None: ...
    def invalidate(self, distribution: str, paths: Sequence[str]) -> str: ...


@dataclass
class Options:
    prefix: str = ""
    distribution: str | None = None
    dry_run: bool = False
    max_deletes: int = 256
    force: bool = False
    compress: str = "auto"
    workers: int = 16
    directory_keys: bool = False


@dataclass
class Result:
    plan: Plan
    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    invalidated: list[str] = field(default_factory=list)
    invalidation_id: str | None = None

    def as_json(self, dry_run: bool) -> dict[str, Any]:
        return {
            "uploaded": self.uploaded,
            "deleted": self.deleted,
            "unchanged": self.plan.unchanged,
            "invalidated": self.invalidated,
            "dry_run": dry_run,
        }


def site_files(site: Path) -> list[str]:
    """The relative paths of the site's public files (the build's own files left out)."""
    if not site.is_dir():
        raise PublishError(f"站点目录不存在：{site}", f"site directory not found: {site}")
    if not (site / "index.html").is_file():
        raise PublishError(
            f"{site} 中没有 index.html，不像是 sunlight build 的输出",
            f"{site} has no index.html: not the output of sunlight build",
        )
    rels = []
    for dirpath, dirnames, filenames in os.walk(site):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        base = Path(dirpath).relative_to(site).as_posix()
        for name in filenames:
            rel = name if base == "." else f"{base}/{name}"
            if not is_build_private(rel):
                rels.append(rel)
    return sorted(rels)


def parallel(workers: int, func: Callable[[str], T], items: Iterable[str]) -> list[T]:
    """``func`` over ``items`` in threads; the first error stops what has not started and is raised."""
    items = list(items)
    if not items:
        return []
    stop = threading.Event()

    def guarded(item: str) -> T | None:
        if stop.is_set():
            return None
        try:
            return func(item)
        except BaseException:
            stop.set()
            raise

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(guarded, item) for item in items]
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        for future in futures:
            if future in done and future.exception() is not None:
                stop.set()
                raise future.exception()  # type: ignore[misc]
        return [f.result() for f in futures]  # type: ignore[misc]


def publish(site: Path, bucket: Bucket, options: Options) -> Result:
    prefix = normalize_prefix(options.prefix)
    rels = site_files(site)
    kinds = classify(rels)

    def load(rel: str) -> Prepared:
        try:
            data = (site / rel).read_bytes()
        except OSError as exc:
            raise PublishError(
                f"无法读取 {rel}：{exc.strerror}", f"cannot read {rel}: {exc.strerror}"
            ) from exc
        return prepare(rel, data, kinds[rel], options.compress)

    def describe(rel: str) -> Local:
        obj = load(rel)
        return Local(rel, kinds[rel], len(obj.body), obj.digest)

    local = parallel(options.workers, describe, rels)
    sizes = bucket.list_sizes(prefix)
    to_read = [] if options.force else keys_to_read(local, sizes, prefix, options.directory_keys)
    digests = dict(zip(to_read, parallel(options.workers, bucket.read_digest, to_read), strict=True))
    remote = {key: Remote(size, digests.get(key)) for key, size in sizes.items()}
    plan = make_plan(local, remote, prefix, force=options.force, directory_keys=options.directory_keys)
    plan.check_scope()
    result = Result(plan, invalidated=plan.invalidation() if options.distribution else [])
    if options.dry_run:
        result.uploaded = [key for item in plan.uploads for key in plan.keys(item.rel)]
        result.deleted = list(plan.deletes)
        return result
    plan.check_deletes(options.max_deletes)

    def upload(rel: str) -> list[str]:
        obj = load(rel)  # read again: the plan keeps no bytes
        for key in plan.keys(rel):  # the page, then its folder key (--directory-keys)
            bucket.put(key, obj.body, obj.headers, obj.digest)
        return plan.keys(rel)

    for batch in plan.batches:  # each batch finished before the next starts
        for keys in parallel(options.workers, upload, [item.rel for item in batch]):
            result.uploaded += keys
    if plan.deletes:
        bucket.delete(plan.deletes)
        result.deleted = list(plan.deletes)
    if options.distribution and result.invalidated:
        result.invalidation_id = bucket.invalidate(options.distribution, result.invalidated)
    return result


def describe_plan(result: Result, dry_run: bool) -> str:
    plan = result.plan
    lines = []
    new = set(plan.new)
    if dry_run:
        lines.append("演练，未做任何更改 / dry run: nothing was changed")
        for batch in plan.batches:
            for item in batch:
                state = "new" if item.rel in new else "changed"
                for key in plan.keys(item.rel):
                    lines.append(f"  upload  {Kind(item.kind).name.lower():<11} {state:<7} {key}")
        lines += [f"  delete  {key}" for key in plan.deletes]
        lines += [f"  invalidate {path}" for path in result.invalidated]
    verb = "would upload" if dry_run else "uploaded"
    lines.append(
        f"{verb} {len(plan.uploads)} ({len(plan.new)} new, {len(plan.changed)} changed), "
        f"{plan.unchanged} unchanged, {len(plan.deletes)} deleted"
        + (f", {len(result.invalidated)} paths invalidated" if result.invalidated else "")
        + (f" ({result.invalidation_id})" if result.invalidation_id else "")
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from sunlight.publish.s3 import SiteBucket

    options = Options(
        prefix=args.prefix or "",
        distribution=args.distribution,
        dry_run=args.dry_run,
        max_deletes=args.max_deletes,
        force=args.force,
        compress=args.compress,
        workers=args.workers,
        directory_keys=args.directory_keys,
    )
    try:
        result = publish(Path(args.site_dir), SiteBucket(args.bucket, options.workers), options)
    except PublishError as exc:
        print(f"sunlight publish: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_json(options.dry_run), ensure_ascii=False, indent=1))
    else:
        print(describe_plan(result, options.dry_run))
    try:
        result.plan.check_deletes(options.max_deletes)  # a dry run shows the plan, then refuses too
    except PublishError as exc:
        print(f"sunlight publish: {exc}", file=sys.stderr)
        return 2
    return 0
