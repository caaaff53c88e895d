"""moto's standalone server (S3 and CloudFront over HTTP), started for these tests and stopped after."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

MOTO_SERVER = (
    Path(os.environ.get("VIRTUAL_ENV", Path(__file__).resolve().parents[3] / ".venv")) / "bin" / "moto_server"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    port = _free_port()
    exe = str(MOTO_SERVER) if MOTO_SERVER.exists() else "moto_server"
    proc = subprocess.Popen(
        [exe, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while not _answers(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("moto_server did not start (pip install 'moto[server]')")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


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
