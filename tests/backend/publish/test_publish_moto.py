"""``sunlight publish`` against moto's standalone server (S3 and CloudFront over HTTP), on a small
hand-made site: headers, what is uploaded, deleted and invalidated, the guard, dry run, resume."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from sunlight.cli import main

CSS = b"body { color: #222; }\n" * 100  # 2,200 bytes
PAGE = "<!DOCTYPE html><title>决定</title><p>行政处罚决定书</p>\n".encode() * 40

FILES = {
    "index.html": PAGE,
    "decisions/index.html": PAGE,
    "decisions/D-1/index.html": PAGE + b"1",
    "decisions/D-2/index.html": PAGE + b"2",
    "feeds/decisions.atom": b'<?xml version="1.0" encoding="utf-8"?><feed/>',
    "feeds/decisions.rss": b'<?xml version="1.0" encoding="utf-8"?><rss/>',
    "data/decisions.csv": "\ufeffid,名称\nD-1,甲\n".encode(),
    "data/decisions.json": b'{"items": []}',
    "theme/css/site.css": CSS,
    "theme/js/search.js": b"var x = 1;\n",
    "theme/img/chart.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    "pagefind/site/pagefind-entry.json": b'{"version": "1.5.2"}',
    "pagefind/site/fragment/zh_20138a4.pf_fragment": b"\x1f\x8b binary",
    "search/index.html": PAGE,
    # the build's own files: never uploaded
    "build-report.json": b'{"held_back": [{"id": "D-9"}]}',
    ".sunlight-manifest": b"index.html\n",
    ".sunlight-render-keys": b"{}",
    ".sunlight-search-pages": b"{}",
    "pagefind/site/sunlight-source.sha1": b"a79b9cba",
    "decisions/D-3/index.html.partial": b"<half",
}
PRIVATE = {
    "build-report.json",
    ".sunlight-manifest",
    ".sunlight-render-keys",
    ".sunlight-search-pages",
    "pagefind/site/sunlight-source.sha1",
    "decisions/D-3/index.html.partial",
}
PUBLIC = sorted(set(FILES) - PRIVATE)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "out"
    for rel, data in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def publish(capsys: pytest.CaptureFixture[str], site: Path, bucket: str, *extra: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["publish", str(site), "--bucket", bucket, "--json", *extra])
    out = capsys.readouterr().out
    return code, (json.loads(out) if out.strip() else {})


def keys(s3, bucket: str) -> list[str]:  # noqa: ANN001
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


def test_first_publish_uploads_every_public_file_and_no_private_one(capsys, site, s3, bucket) -> None:  # noqa: ANN001
    code, result = publish(capsys, site, bucket)
    assert code == 0
    assert sorted(result["uploaded"]) == PUBLIC
    assert result["deleted"] == [] and result["unchanged"] == 0 and result["invalidated"] == []
    assert keys(s3, bucket) == PUBLIC
    body = s3.get_object(Bucket=bucket, Key="decisions/D-1/index.html")["Body"].read()
    assert body == FILES["decisions/D-1/index.html"]


HEADERS = {
    "index.html": ("text/html; charset=utf-8", "public, max-age=300"),
    "decisions/D-1/index.html": ("text/html; charset=utf-8", "public, max-age=300"),
    "feeds/decisions.atom": ("application/xml; charset=utf-8", "public, max-age=300"),
    "feeds/decisions.rss": ("application/xml; charset=utf-8", "public, max-age=300"),
    "data/decisions.csv": ("text/csv; charset=utf-8", "public, max-age=300"),
    "data/decisions.json": ("application/json; charset=utf-8", "public, max-age=300"),
    "theme/css/site.css": ("text/css; charset=utf-8", "public, max-age=600"),
    "theme/js/search.js": ("text/javascript; charset=utf-8", "public, max-age=600"),
    "theme/img/chart.svg": ("image/svg+xml; charset=utf-8", "public, max-age=600"),
    "pagefind/site/pagefind-entry.json": ("application/json; charset=utf-8", "no-cache"),
    "pagefind/site/fragment/zh_20138a4.pf_fragment": (
        "application/octet-stream",
        "public, max-age=31536000, immutable",
    ),
}


def test_content_type_and_cache_control(capsys, site, s3, bucket) -> None:  # noqa: ANN001
    assert publish(capsys, site, bucket)[0] == 0
    for key, (ctype, cache) in HEADERS.items():
        head = s3.head_object(Bucket=bucket, Key=key)
        assert (head["ContentType"], head["CacheControl"]) == (ctype, cache), key
        assert "ContentEncoding" not in head, key  # auto: CloudFront compresses these itself


def test_gzip_mode_stores_text_gzipped_with_content_encoding(capsys, site, s3, bucket) -> None:  # noqa: ANN001
    assert publish(capsys, site, bucket, "--compress", "gzip")[0] == 0
    for key in ("index.html", "theme/css/site.css"):
        obj = s3.get_object(Bucket=bucket, Key=key)
        assert obj["ContentEncoding"] == "gzip"
        assert gzip.decompress(obj["Body"].read()) == FILES[key]
    small = s3.head_object(Bucket=bucket, Key="theme/js/search.js")  # 11 bytes: not worth it
    assert "ContentEncoding" not in small
    binary = s3.head_object(Bucket=bucket, Key="pagefind/site/fragment/zh_20138a4.pf_fragment")
    assert "ContentEncoding" not in binary
    # and a second publish in the same mode uploads nothing
    assert publish(capsys, site, bucket, "--compress", "gzip")[1]["uploaded"] == []


def test_second_publish_uploads_nothing(capsys, site, bucket) -> None:  # noqa: ANN001
    publish(capsys, site, bucket)
    code, result = publish(capsys, site, bucket)
    assert code == 0
    assert result == {
        "uploaded": [],
        "deleted": [],
        "unchanged": len(PUBLIC),
        "invalidated": [],
        "dry_run": False,
    }


def test_change_upload_delete_and_invalidate(capsys, site, s3, bucket, cloudfront, distribution) -> None:  # noqa: ANN001
    publish(capsys, site, bucket, "--distribution", distribution)
    (site / "decisions/D-1/index.html").write_bytes(PAGE + b"changed")
    (site / "decisions/index.html").write_bytes(PAGE + b"list changed")
    (site / "decisions/D-2/index.html").unlink()
    (site / "decisions/D-4").mkdir()
    (site / "decisions/D-4/index.html").write_bytes(PAGE + b"4")
    code, result = publish(capsys, site, bucket, "--distribution", distribution)
    assert code == 0
    assert result["uploaded"] == [  # the new page, then the changed page, then the list
        "decisions/D-4/index.html",
        "decisions/D-1/index.html",
        "decisions/index.html",
    ]
    assert result["deleted"] == ["decisions/D-2/index.html"]
    assert result["unchanged"] == len(PUBLIC) - 3  # two changed, one deleted
    expected_paths = [
        "/decisions/",
        "/decisions/D-1/",
        "/decisions/D-1/index.html",
        "/decisions/D-2/",
        "/decisions/D-2/index.html",
        "/decisions/index.html",
    ]
    assert result["invalidated"] == expected_paths
    assert "decisions/D-2/index.html" not in keys(s3, bucket)
    invalidations = cloudfront.list_invalidations(DistributionId=distribution)["InvalidationList"]
    assert invalidations["Quantity"] == 1  # the first publish only added objects: nothing to invalidate
    inv_id = invalidations["Items"][0]["Id"]
    inv = cloudfront.get_invalidation(DistributionId=distribution, Id=inv_id)["Invalidation"]
    assert sorted(inv["InvalidationBatch"]["Paths"]["Items"]) == expected_paths


def test_without_distribution_nothing_is_invalidated(capsys, site, bucket) -> None:  # noqa: ANN001
    publish(capsys, site, bucket)
    (site / "index.html").write_bytes(PAGE + b"x")
    assert publish(capsys, site, bucket)[1]["invalidated"] == []


def test_delete_guard_refuses_and_changes_nothing(capsys, site, s3, bucket) -> None:  # noqa: ANN001
    publish(capsys, site, bucket)
    for rel in ("decisions/D-1/index.html", "decisions/D-2/index.html", "feeds/decisions.rss"):
        (site / rel).unlink()
    (site / "index.html").write_bytes(PAGE + b"new home")
    before = {k: s3.head_object(Bucket=bucket, Key=k)["ETag"] for k in keys(s3, bucket)}
    capsys.readouterr()
    code = main(["publish", str(site), "--bucket", bucket, "--max-deletes", "2"])
    err = capsys.readouterr().err
    assert code == 2
    assert "将删除 3 个对象" in err and "more than --max-deletes 2" in err
    after = {k: s3.head_object(Bucket=bucket, Key=k)["ETag"] for k in keys(s3, bucket)}
    assert after == before  # not even the changed home page went up
    code, result = publish(capsys, site, bucket, "--max-deletes", "3")
    assert code == 0 and len(result["deleted"]) == 3


def test_dry_run_prints_the_plan_and_changes_nothing(capsys, site, s3, bucket) -> None:  # noqa: ANN001
    code, result = publish(capsys, site, bucket, "--dry-run")
    assert code == 0 and result["dry_run"] is True
    assert sorted(result["uploaded"]) == PUBLIC
    assert keys(s3, bucket) == []
    capsys.readouterr()
    assert main(["publish", str(site), "--bucket", bucket, "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "dry run" in text and "upload  page        new     decisions/D-1/index.html" in text
    assert keys(s3, bucket) == []


def test_prefix_keeps_other_keys(capsys, site, s3, bucket) -> None:  # noqa: ANN001
    s3.put_object(Bucket=bucket, Key="elsewhere/keep.txt", Body=b"x")
    code, result = publish(capsys, site, bucket, "--prefix", "/site/")
    assert code == 0 and "site/index.html" in result["uploaded"]
    assert "elsewhere/keep.txt" in keys(s3, bucket)
    (site / "index.html").unlink()
    (site / "index.html").write_bytes(b"<p>home</p>")
    (site / "decisions/D-2/index.html").unlink()
    assert publish(capsys, site, bucket, "--prefix", "site")[1]["deleted"] == [
        "site/decisions/D-2/index.html"
    ]
    assert "elsewhere/keep.txt" in keys(s3, bucket)


def test_an_interrupted_publish_is_finished_by_the_next(capsys, site, s3, bucket, monkeypatch) -> None:  # noqa: ANN001
    from sunlight.publish import s3 as adapter

    real_put = adapter.SiteBucket.put
    calls = {"n": 0}

    def flaky_put(self, key, body, headers, digest) -> None:  # noqa: ANN001
        calls["n"] += 1
        if calls["n"] > 5:
            raise adapter.PublishError("网络中断", "connection lost")
        real_put(self, key, body, headers, digest)

    monkeypatch.setattr(adapter.SiteBucket, "put", flaky_put)
    code = main(["publish", str(site), "--bucket", bucket, "--workers", "1"])
    assert code == 2
    partial = keys(s3, bucket)
    assert len(partial) == 5
    monkeypatch.setattr(adapter.SiteBucket, "put", real_put)
    code, result = publish(capsys, site, bucket)
    assert code == 0
    assert sorted(result["uploaded"]) == sorted(set(PUBLIC) - set(partial))
    assert result["unchanged"] == 5
    assert keys(s3, bucket) == PUBLIC


def test_missing_bucket_is_a_clear_error(capsys, site, aws) -> None:  # noqa: ANN001
    capsys.readouterr()
    assert main(["publish", str(site), "--bucket", "no-such-bucket-here"]) == 2
    err = capsys.readouterr().err
    assert "存储桶不存在" in err and "bucket not found" in err and "no-such-bucket-here" in err


def test_not_a_built_site(capsys, tmp_path, aws) -> None:  # noqa: ANN001
    assert main(["publish", str(tmp_path), "--bucket", "b"]) == 2
    assert "not the output of sunlight build" in capsys.readouterr().err
