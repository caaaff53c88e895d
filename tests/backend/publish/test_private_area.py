"""The bucket's private area (``private/``: the backend catalog with the offices' webhook URLs) is
never the site's: ``sunlight publish`` neither deletes nor uploads there, whatever ``--prefix``
says, and ``sunlight catalog upload`` puts the backend catalog there and nowhere else. Against
moto server's S3 over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sunlight.cli import main
from sunlight.publish.errors import PublishError
from sunlight.publish.objects import Kind
from sunlight.publish.plan import Local, Remote, make_plan

PAGE = "<!DOCTYPE html><title>首页</title>\n".encode()
CATALOG_KEY = "private/catalog.json"


def _site(root: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def _keys(s3: Any, bucket: str) -> list[str]:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


def _backend_catalog() -> dict[str, Any]:
    """A backend catalog as ``sunlight build --backend-catalog`` writes it (webhook kept)."""
    return {
        "version": 1,
        "generated_on": "2026-12-24",
        "agency": {
            "name": "青石区城市管理行政执法局",
            "short_name": "青石城管",
            "site_url": "https://example.gov.cn",
        },
        "offices": [
            {
                "id": "supervision",
                "name": "法制监督科",
                "kind": "division",
                "roles": ["complaints_intake"],
                "webhook": "https://hooks.example.gov.cn/s3cr3t-token",
            }
        ],
    }


# --- publish never touches private/ ---------------------------------------------------------------


def test_publishing_at_the_bucket_s_top_keeps_the_private_catalog(capsys, tmp_path, s3, bucket) -> None:  # noqa: ANN001
    s3.put_object(Bucket=bucket, Key=CATALOG_KEY, Body=b'{"version": 1}')
    s3.put_object(Bucket=bucket, Key="old/page.html", Body=b"stale")
    site = _site(tmp_path / "out", {"index.html": PAGE})
    assert main(["publish", str(site), "--bucket", bucket, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["deleted"] == ["old/page.html"]
    assert _keys(s3, bucket) == ["index.html", CATALOG_KEY]


@pytest.mark.parametrize("prefix", ["private", "private/site", "/private/"])
def test_a_prefix_inside_the_private_area_is_refused(capsys, tmp_path, s3, bucket, prefix: str) -> None:  # noqa: ANN001
    site = _site(tmp_path / "out", {"index.html": PAGE})
    assert main(["publish", str(site), "--bucket", bucket, "--prefix", prefix]) == 2
    err = capsys.readouterr().err
    assert "private/" in err and "私有" in err and "private area" in err
    assert _keys(s3, bucket) == []


def test_a_site_with_a_private_folder_is_refused_at_the_bucket_s_top(capsys, tmp_path, s3, bucket) -> None:  # noqa: ANN001
    site = _site(tmp_path / "out", {"index.html": PAGE, "private/catalog.json": b"{}"})
    assert main(["publish", str(site), "--bucket", bucket]) == 2
    err = capsys.readouterr().err
    assert "private/catalog.json" in err and "私有" in err
    assert _keys(s3, bucket) == []  # refused before anything went up


def test_the_plan_refuses_keys_outside_its_prefix() -> None:
    """The plan's own guard: whatever the listing returned, nothing outside the prefix is planned."""
    local = [Local("index.html", Kind.INDEX, 10, "d")]
    remote = {"site/old.html": Remote(5), "elsewhere/x.html": Remote(5), "private/catalog.json": Remote(5)}
    plan = make_plan(local, remote, "site/")
    assert plan.deletes == ["site/old.html"]
    plan.deletes.append("private/catalog.json")
    with pytest.raises(PublishError) as refused:
        plan.check_scope()
    assert "private/catalog.json" in str(refused.value)


# --- sunlight catalog upload ----------------------------------------------------------------------


def test_catalog_upload_puts_the_backend_catalog_where_the_functions_read_it(
    capsys, tmp_path, s3, bucket
) -> None:  # noqa: ANN001
    path = tmp_path / "var" / "catalog.json"
    path.parent.mkdir()
    path.write_text(json.dumps(_backend_catalog(), ensure_ascii=False), encoding="utf-8")
    assert main(["catalog", "upload", str(path), "--bucket", bucket]) == 0
    assert CATALOG_KEY in capsys.readouterr().out
    assert _keys(s3, bucket) == [CATALOG_KEY]
    stored = s3.get_object(Bucket=bucket, Key=CATALOG_KEY)
    assert stored["ContentType"] == "application/json; charset=utf-8"
    assert stored["Body"].read() == path.read_bytes()

    from sunlight.s3catalog import S3Catalog  # what the Lambda does with it

    catalog = S3Catalog(f"s3://{bucket}/{CATALOG_KEY}").get()
    assert catalog.offices["supervision"].webhook == "https://hooks.example.gov.cn/s3cr3t-token"


def test_catalog_upload_accepts_the_folder_holding_catalog_json(capsys, tmp_path, s3, bucket) -> None:  # noqa: ANN001
    (tmp_path / "catalog.json").write_text(json.dumps(_backend_catalog()), encoding="utf-8")
    assert (
        main(["catalog", "upload", str(tmp_path), "--bucket", bucket, "--key", "private/v2/catalog.json"])
        == 0
    )
    assert _keys(s3, bucket) == ["private/v2/catalog.json"]


@pytest.mark.parametrize("key", ["site/catalog.json", "catalog.json", "private/../site/c.json", "private/"])
def test_catalog_upload_refuses_a_key_outside_the_private_area(
    capsys, tmp_path, s3, bucket, key: str
) -> None:  # noqa: ANN001
    (tmp_path / "catalog.json").write_text(json.dumps(_backend_catalog()), encoding="utf-8")
    assert main(["catalog", "upload", str(tmp_path / "catalog.json"), "--bucket", bucket, "--key", key]) == 2
    err = capsys.readouterr().err
    assert "--key" in err and "private/" in err and "私有" in err
    assert _keys(s3, bucket) == []


def test_catalog_upload_refuses_the_public_site_and_a_broken_catalog(capsys, tmp_path, s3, bucket) -> None:  # noqa: ANN001
    site = _site(
        tmp_path / "out", {"index.html": PAGE, "data/catalog.json": json.dumps(_backend_catalog()).encode()}
    )
    assert main(["catalog", "upload", str(site), "--bucket", bucket]) == 2
    err = capsys.readouterr().err
    assert "--backend-catalog" in err and "公开" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 7}', encoding="utf-8")
    assert main(["catalog", "upload", str(broken), "--bucket", bucket]) == 2
    assert "version" in capsys.readouterr().err
    assert _keys(s3, bucket) == []
