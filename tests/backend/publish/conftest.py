"""moto's standalone server (S3 and CloudFront over HTTP), started for these tests and stopped after."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from moto_process import free_port, plain_command, running_moto


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """A plain moto server (S3 and CloudFront), not the serialised one of the store tests."""
    port = free_port()
    with running_moto(plain_command(port), port) as url:
        yield url


@pytest.fixture
def aws(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """Dummy credentials and region, and boto3's own endpoint variables, for this test only."""
    for name in [n for n in os.environ if n.startswith("AWS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", moto_endpoint)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDFRONT", moto_endpoint)
    import boto3

    # boto3's default session keeps what it read when first used (an earlier test's region): a fresh one
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    return moto_endpoint


@pytest.fixture
def s3(aws: str):  # noqa: ANN201 - a boto3 client
    import boto3

    return boto3.session.Session().client("s3", region_name="us-east-1")


@pytest.fixture
def bucket(s3) -> str:  # noqa: ANN001
    name = f"site-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return name


@pytest.fixture
def cloudfront(aws: str):  # noqa: ANN201
    import boto3

    return boto3.session.Session().client("cloudfront", region_name="us-east-1")


@pytest.fixture
def distribution(cloudfront, bucket: str) -> str:  # noqa: ANN001
    config = {
        "CallerReference": uuid.uuid4().hex,
        "Comment": "test",
        "Enabled": True,
        "Origins": {
            "Quantity": 1,
            "Items": [
                {
                    "Id": "site",
                    "DomainName": f"{bucket}.s3.amazonaws.com",
                    "S3OriginConfig": {"OriginAccessIdentity": ""},
                }
            ],
        },
        "DefaultCacheBehavior": {
            "TargetOriginId": "site",
            "ViewerProtocolPolicy": "redirect-to-https",
            "MinTTL": 0,
            "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
        },
    }
    answer = cloudfront.create_distribution(DistributionConfig=config)
    return str(answer["Distribution"]["Id"])
