"""One table definition: the stack's ``AWS::DynamoDB::Table`` is the table ``sunlight store init``
creates. The expected layout is read back from moto server (``DescribeTable``,
``DescribeTimeToLive``) after ``store init`` made it, never from the function that renders both."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

import boto3
import pytest
from sunlight.cli import main

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "aws"))

from package import merge_template  # noqa: E402


def created_by_store_init(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> dict[str, Any]:
    """What ``sunlight store init`` makes on moto server, in CloudFormation's property shape."""
    table = f"sunlight-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("SUNLIGHT_STORE", f"dynamodb://{table}")
    assert main(["store", "init"]) == 0
    assert "created" in capsys.readouterr().out
    client = boto3.client("dynamodb")
    described = client.describe_table(TableName=table)["Table"]
    ttl = client.describe_time_to_live(TableName=table)["TimeToLiveDescription"]
    assert ttl["TimeToLiveStatus"] in ("ENABLED", "ENABLING")
    return {
        "KeySchema": described["KeySchema"],
        "AttributeDefinitions": described["AttributeDefinitions"],
        "GlobalSecondaryIndexes": [
            {k: g[k] for k in ("IndexName", "KeySchema", "Projection")}
            for g in described["GlobalSecondaryIndexes"]
        ],
        "TimeToLiveSpecification": {"AttributeName": ttl["AttributeName"], "Enabled": True},
        "BillingMode": described["BillingModeSummary"]["BillingMode"],
    }


def as_sets(props: dict[str, Any]) -> dict[str, Any]:
    """Order-free view: attribute definitions and indexes are sets, key schemas stay ordered."""
    return {
        "KeySchema": props["KeySchema"],
        "AttributeDefinitions": sorted(
            (a["AttributeName"], a["AttributeType"]) for a in props["AttributeDefinitions"]
        ),
        "GlobalSecondaryIndexes": sorted(
            (
                g["IndexName"],
                tuple((k["AttributeName"], k["KeyType"]) for k in g["KeySchema"]),
                g["Projection"]["ProjectionType"],
            )
            for g in props["GlobalSecondaryIndexes"]
        ),
        "TimeToLiveSpecification": props["TimeToLiveSpecification"],
        "BillingMode": props["BillingMode"],
    }


@pytest.mark.parametrize("partition", ["aws", "aws-cn"])
def test_the_stack_s_table_is_the_one_store_init_creates(
    aws: str, partition: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = created_by_store_init(monkeypatch, capsys)
    table = merge_template(partition)["Resources"]["Table"]
    assert table["Type"] == "AWS::DynamoDB::Table"
    assert as_sets(table["Properties"]) == as_sets(expected)
    # what the stack adds to the layout: kept on delete, recoverable, encrypted
    assert table["DeletionPolicy"] == "Retain"
    assert table["Properties"]["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}


def test_the_store_queries_every_index_the_stack_defines(aws: str) -> None:
    """Seven indexes, by name, as docs/dynamodb.md lists them (written here, not read from the code)."""
    names = {
        g["IndexName"]
        for g in merge_template("aws")["Resources"]["Table"]["Properties"]["GlobalSecondaryIndexes"]
    }
    assert names == {
        "inbox_handling",
        "inbox_supervising",
        "inbox_review",
        "inbox_escalated",
        "timers_due",
        "outbox_due",
        "complaints_all",
    }


# --- the response headers: CloudFront sends what `sunlight serve` sends ----------------------------


def served_by_sunlight_serve() -> dict[str, str]:
    """The headers ``sunlight serve``'s WSGI application adds to a page (a site that sets none)."""
    from sunlight.server import Portal

    def site(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [b"<!DOCTYPE html>"]

    seen: list[tuple[str, str]] = []
    Portal(site, site)(
        {"PATH_INFO": "/", "REQUEST_METHOD": "GET"}, lambda status, headers, *exc: seen.extend(headers)
    )
    return {name.lower(): value for name, value in seen if name.lower() != "content-type"}


def sent_by_cloudfront(policy: dict[str, Any]) -> dict[str, str]:
    """The headers a CloudFront response headers policy adds, per CloudFront's documentation of
    ``SecurityHeadersConfig`` (ContentTypeOptions is always ``nosniff``; HSTS is CloudFront's only)."""
    config = policy["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    sent = {
        "content-security-policy": config["ContentSecurityPolicy"]["ContentSecurityPolicy"],
        "x-content-type-options": "nosniff",
        "referrer-policy": config["ReferrerPolicy"]["ReferrerPolicy"],
        "x-frame-options": config["FrameOptions"]["FrameOption"],
    }
    for custom in policy["ResponseHeadersPolicyConfig"].get("CustomHeadersConfig", {}).get("Items", []):
        sent[custom["Header"].lower()] = custom["Value"]
    return sent


@pytest.mark.parametrize("partition", ["aws", "aws-cn"])
def test_cloudfront_sends_the_security_headers_of_sunlight_serve(partition: str) -> None:
    served = served_by_sunlight_serve()
    assert "frame-ancestors 'none'" in served["content-security-policy"]
    policy = merge_template(partition)["Resources"]["SecurityHeaders"]["Properties"]
    assert sent_by_cloudfront(policy) == served
    hsts = policy["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]["StrictTransportSecurity"]
    assert hsts["AccessControlMaxAgeSec"] >= 31536000 and hsts["Override"] is True
