"""The backend's catalog from a private S3 key, against moto server: read once, then a conditional
GET at most every N seconds; a changed object replaces the catalog without a restart."""

from __future__ import annotations

import json
import uuid
from typing import Any

import boto3
import pytest
from sunlight import bootstrap
from sunlight.s3catalog import S3Catalog
from sunlight.service.catalog import CatalogError


def _catalog(*offices: tuple[str, str]) -> dict[str, Any]:
    return {
        "version": 1,
        "generated_on": "2026-12-24",
        "agency": {
            "name": "青石区城市管理行政执法局",
            "short_name": "青石城管",
            "site_url": "https://example.gov.cn",
        },
        "offices": [
            {"id": oid, "name": name, "kind": "division", "roles": ["complaints_intake"]}
            for oid, name in offices
        ],
    }


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def bucket(aws: str) -> str:
    name = f"sunlight-{uuid.uuid4().hex[:10]}"
    boto3.client("s3").create_bucket(Bucket=name)
    return name


def _put(bucket: str, data: dict[str, Any] | bytes) -> None:
    body = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode()
    boto3.client("s3").put_object(Bucket=bucket, Key="private/catalog.json", Body=body)


def test_reads_once_then_revalidates_by_etag(bucket: str) -> None:
    _put(bucket, _catalog(("supervision", "勤务监督科")))
    clock = Clock()
    source = S3Catalog(f"s3://{bucket}/private/catalog.json", refresh=60, monotonic=clock)

    assert list(source.get().offices) == ["supervision"]
    first_etag = source.etag
    assert first_etag and source.requests == 1

    clock.t += 59  # within the interval: no request at all
    source.get()
    assert source.requests == 1

    cached = source.get()
    clock.t += 2  # past it: one conditional GET, answered 304: the same catalog object, not re-parsed
    assert source.get() is cached
    assert source.requests == 2 and source.etag == first_etag

    _put(bucket, _catalog(("supervision", "勤务监督科"), ("squad-east", "东湖街道中队")))
    source.get()  # still within the interval since the last check: not seen yet
    assert list(source.get().offices) == ["supervision"]
    clock.t += 60
    assert list(source.get().offices) == ["supervision", "squad-east"]
    assert source.requests == 3 and source.etag != first_etag


def test_a_broken_upload_keeps_the_last_good_catalog(bucket: str) -> None:
    _put(bucket, _catalog(("supervision", "勤务监督科")))
    clock = Clock()
    source = S3Catalog(f"s3://{bucket}/private/catalog.json", refresh=10, monotonic=clock)
    source.get()
    _put(bucket, b"{not json")
    clock.t += 10
    assert list(source.get().offices) == ["supervision"]
    _put(bucket, {"version": 99})
    clock.t += 10
    assert list(source.get().offices) == ["supervision"]


def test_no_catalog_at_all_is_an_error_naming_the_url(bucket: str) -> None:
    with pytest.raises(CatalogError, match=f"s3://{bucket}/private/catalog.json"):
        S3Catalog(f"s3://{bucket}/private/catalog.json").get()
    with pytest.raises(ValueError, match="s3://bucket/key"):
        S3Catalog("s3://only-a-bucket")


def test_the_lambda_wiring_picks_up_a_new_catalog_without_a_restart(bucket: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sunlight.store.memory import MemoryStore

    _put(bucket, _catalog(("supervision", "勤务监督科")))
    env = {"SUNLIGHT_CATALOG": f"s3://{bucket}/private/catalog.json", "SUNLIGHT_CATALOG_REFRESH": "0"}
    config = bootstrap.Config.from_environment(env, data_dir=tmp_path)
    assert config.catalog_url == env["SUNLIGHT_CATALOG"]
    bootstrap.install(bootstrap.bootstrap(config, store=MemoryStore()))
    try:
        assert list(bootstrap.current().service.catalog.offices) == ["supervision"]
        _put(bucket, _catalog(("supervision", "勤务监督科"), ("squad-west", "西山街道中队")))
        assert list(bootstrap.current().service.catalog.offices) == ["supervision", "squad-west"]
    finally:
        bootstrap.install(None)
