"""``sunlight publish`` of the sample agency, built for real (with its search index), to moto
server: after a one-decision change, a withdrawal and a removal, exactly the files whose bytes
changed go up, the removed page is deleted, and the build's own files never reach the bucket.

The oracle is the two builds' outputs compared byte by byte, independently of the publisher."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from sunlight.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
TODAY = dt.date(2026, 11, 22)
CSV_FILE = "decisions/2024-11_2025-06.csv"
# The build's own files, as docs/site.md lists them.
PRIVATE = {".sunlight-manifest", ".sunlight-render-keys", ".sunlight-search-pages", "build-report.json"}


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def public(files: dict[str, bytes]) -> set[str]:
    # the build's own files (sunlight.sitefiles): these names, dot files (the withdrawal memory, the
    # name verdicts, the list of new decisions ...) and the search shards' digests
    return {
        rel
        for rel in files
        if rel not in PRIVATE
        and not any(part.startswith(".") for part in rel.split("/"))
        and not rel.endswith("/sunlight-source.sha1")
    }


def edit_row(content: Path, decision_id: str, **changes: str) -> None:
    path = content / CSV_FILE
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    kept = []
    for row in rows:
        if row["id"] == decision_id:
            if changes.get("remove"):
                continue
            row.update(changes)
        kept.append(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(kept)


def build(content: Path, out: Path) -> dict[str, bytes]:
    from sunlight_site.build import build_site

    build_site(content, out, TODAY, search=True)
    return snapshot(out)


def publish(capsys: pytest.CaptureFixture[str], out: Path, bucket: str, *extra: str) -> dict:
    capsys.readouterr()
    assert main(["publish", str(out), "--bucket", bucket, "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def bucket_keys(s3, bucket: str) -> set[str]:  # noqa: ANN001
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return {item["Key"] for page in pages for item in page.get("Contents", [])}


def test_publish_follows_the_builds(capsys, tmp_path, s3, bucket, cloudfront, distribution) -> None:  # noqa: ANN001
    content, out = tmp_path / "content", tmp_path / "out"
    shutil.copytree(ROOT / "content", content)
    first = build(content, out)
    assert set(first) >= PRIVATE and any(r.endswith("/sunlight-source.sha1") for r in first)

    result = publish(capsys, out, bucket, "--distribution", distribution)
    assert set(result["uploaded"]) == public(first)
    assert bucket_keys(s3, bucket) == public(first)  # no build-private file in the bucket
    assert publish(capsys, out, bucket)["uploaded"] == []  # same build again: nothing

    # one decision's facts change: its page and what lists it, nothing else
    page = "decisions/MC-2024-0004/index.html"
    assert page in first
    edit_row(
        content,
        "MC-2024-0004",
        facts="经查，当事人于2024年11月1日在西山镇西山路未按规定堆放建筑垃圾（已更正）。",
    )
    second = build(content, out)
    changed = {rel for rel in public(second) if first.get(rel) != second[rel]}
    result = publish(capsys, out, bucket, "--distribution", distribution)
    assert set(result["uploaded"]) == changed
    assert page in changed
    assert sorted(r for r in changed if r.startswith("decisions/MC-")) == [page]
    assert set(result["deleted"]) == public(first) - public(second)  # the search shard's old hashed parts
    assert f"/{page}" in result["invalidated"] or "/decisions/*" in result["invalidated"]
    assert result["unchanged"] == len(public(second)) - len(changed)

    # withdrawn (撤销): the permalink keeps a notice (re-uploaded), the lists change
    edit_row(content, "MC-2024-0004", status="撤销", status_on="2026-11-01")
    third = build(content, out)
    changed = {rel for rel in public(third) if second.get(rel) != third[rel]}
    result = publish(capsys, out, bucket)
    assert set(result["uploaded"]) == changed and page in changed
    assert set(result["deleted"]) == public(second) - public(third)
    body = s3.get_object(Bucket=bucket, Key=page)["Body"].read().decode()
    assert "已更正" not in body  # the withdrawn decision's facts are gone from the bucket

    # a decision taken out of the content: its page leaves the bucket
    gone = "decisions/MC-2024-0009/index.html"
    assert gone in third
    edit_row(content, "MC-2024-0009", remove="yes")
    fourth = build(content, out)
    removed = public(third) - public(fourth)
    assert gone in removed
    result = publish(capsys, out, bucket)
    assert set(result["deleted"]) == removed
    assert bucket_keys(s3, bucket) == public(fourth)
