"""``sunlight publish --directory-keys`` (aws-cn, where CloudFront has no Functions to map
``/notices/`` to ``/notices/index.html``): each ``x/index.html`` also goes up under the key ``x/``,
with the page's headers, and the two keys are one unit for change detection, deletion and
invalidation. Against moto server's S3 and CloudFront over HTTP."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sunlight.cli import main

PAGE = "<!DOCTYPE html><title>公告</title><p>通知公告</p>\n".encode() * 10
FILES = {
    "index.html": PAGE + b"home",
    "notices/index.html": PAGE + b"list",
    "notices/N-1/index.html": PAGE + b"1",
    "notices/N-2/index.html": PAGE + b"2",
    "theme/css/site.css": b"body { color: #222; }\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "out"
    for rel, data in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def publish(capsys: pytest.CaptureFixture[str], site: Path, bucket: str, *extra: str) -> dict:
    capsys.readouterr()
    assert main(["publish", str(site), "--bucket", bucket, "--prefix", "site", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def keys(s3, bucket: str) -> list[str]:  # noqa: ANN001
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []))


def test_each_folder_page_is_also_its_folder_s_key(capsys, site, s3, bucket) -> None:  # noqa: ANN001
    result = publish(capsys, site, bucket, "--directory-keys")
    assert keys(s3, bucket) == [
        "site/index.html",  # the root is CloudFront's DefaultRootObject: no key "site/"
        "site/notices/",
        "site/notices/N-1/",
        "site/notices/N-1/index.html",
        "site/notices/N-2/",
        "site/notices/N-2/index.html",
        "site/notices/index.html",
        "site/theme/css/site.css",
    ]
    assert sorted(result["uploaded"]) == keys(s3, bucket)
    folder = s3.get_object(Bucket=bucket, Key="site/notices/N-1/")
    page = s3.get_object(Bucket=bucket, Key="site/notices/N-1/index.html")
    assert folder["ContentType"] == "text/html; charset=utf-8" == page["ContentType"]
    assert folder["CacheControl"] == page["CacheControl"] == "public, max-age=300"
    assert folder["Body"].read() == FILES["notices/N-1/index.html"]


def test_a_second_publish_uploads_nothing(capsys, site, bucket) -> None:  # noqa: ANN001
    publish(capsys, site, bucket, "--directory-keys")
    result = publish(capsys, site, bucket, "--directory-keys")
    assert result["uploaded"] == [] and result["deleted"] == []
    assert result["unchanged"] == len(FILES)  # a page and its folder key count once


def test_change_and_withdrawal_move_both_keys_and_invalidate_once(  # noqa: PLR0913
    capsys,
    site,
    s3,
    bucket,
    distribution,  # noqa: ANN001
) -> None:
    publish(capsys, site, bucket, "--directory-keys")
    (site / "notices/N-1/index.html").write_bytes(PAGE + b"1 amended")
    (site / "notices/N-2/index.html").unlink()
    result = publish(capsys, site, bucket, "--directory-keys", "--distribution", distribution)
    assert result["uploaded"] == ["site/notices/N-1/index.html", "site/notices/N-1/"]
    assert result["deleted"] == ["site/notices/N-2/", "site/notices/N-2/index.html"]
    assert result["invalidated"] == [
        "/notices/N-1/",
        "/notices/N-1/index.html",
        "/notices/N-2/",
        "/notices/N-2/index.html",
    ]
    assert s3.get_object(Bucket=bucket, Key="site/notices/N-1/")["Body"].read() == PAGE + b"1 amended"


def test_a_missing_folder_key_uploads_the_unit(capsys, site, s3, bucket) -> None:  # noqa: ANN001
    publish(capsys, site, bucket)  # published before, without the folder keys
    s3.put_object(Bucket=bucket, Key="site/notices/", Body=b"")  # e.g. a console "folder"
    result = publish(capsys, site, bucket, "--directory-keys")
    assert sorted(result["uploaded"]) == [
        "site/notices/",
        "site/notices/N-1/",
        "site/notices/N-1/index.html",
        "site/notices/N-2/",
        "site/notices/N-2/index.html",
        "site/notices/index.html",
    ]
    # and publishing without the option again removes the folder keys, as objects no longer built
    result = publish(capsys, site, bucket)
    assert result["deleted"] == ["site/notices/", "site/notices/N-1/", "site/notices/N-2/"]
    assert result["uploaded"] == []
