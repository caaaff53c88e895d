"""``make deploy``: a dry run creates the change set, prints it and deletes it; ``--execute`` runs
it. The artifacts go to moto server's S3; CloudFormation's answers are stubbed (botocore's Stubber
checks every request's parameters against the API model)."""

from __future__ import annotations

import io
import json
import sys
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.stub import ANY, Stubber

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "aws"))

from deploy import deploy  # noqa: E402

TEMPLATE = {
    "Transform": "AWS::Serverless-2016-10-31",
    "Resources": {
        "APIHandler": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "./deployment.zip"}},
        "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
    },
}
CHANGES = [
    {
        "Type": "Resource",
        "ResourceChange": {
            "Action": "Add",
            "LogicalResourceId": "Table",
            "ResourceType": "AWS::DynamoDB::Table",
        },
    },
    {
        "Type": "Resource",
        "ResourceChange": {
            "Action": "Add",
            "LogicalResourceId": "APIHandler",
            "ResourceType": "AWS::Lambda::Function",
        },
    },
]


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "sam.json").write_text(json.dumps(TEMPLATE))
    (tmp_path / "deployment.zip").write_bytes(b"PK fake zip")
    return tmp_path


def _stub(cfn, execute: bool) -> Stubber:  # type: ignore[no-untyped-def]
    stub = Stubber(cfn)
    stub.add_client_error("describe_stacks", "ValidationError", "Stack with id sunlight does not exist")
    stub.add_response(
        "create_change_set",
        {"Id": "arn:aws:cloudformation:us-east-1:123456789012:changeSet/x/y"},
        {
            "StackName": "sunlight",
            "ChangeSetName": ANY,
            "ChangeSetType": "CREATE",
            "TemplateURL": ANY,
            "Parameters": [{"ParameterKey": "MailFrom", "ParameterValue": "portal@example.gov.cn"}],
            "Capabilities": ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
        },
    )
    stub.add_response("describe_change_set", {"Status": "CREATE_PENDING", "Changes": []})
    stub.add_response("describe_change_set", {"Status": "CREATE_COMPLETE", "Changes": []})
    stub.add_response("describe_change_set", {"Status": "CREATE_COMPLETE", "Changes": CHANGES})
    if execute:
        stub.add_response("execute_change_set", {})
        stub.add_response(
            "describe_stacks",
            {
                "Stacks": [
                    {
                        "StackName": "sunlight",
                        "CreationTime": "2026-01-01T00:00:00Z",
                        "StackStatus": "CREATE_COMPLETE",
                    }
                ]
            },
        )
    else:
        stub.add_response("delete_change_set", {})
        stub.add_response("delete_stack", {})
    stub.activate()
    return stub


@pytest.mark.parametrize("execute", [False, True])
def test_change_set_dry_run_and_execute(aws: str, dist: Path, execute: bool) -> None:
    bucket = f"artifacts-{uuid.uuid4().hex[:8]}"
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=bucket)
    cfn = boto3.client("cloudformation")
    stub = _stub(cfn, execute)
    out = io.StringIO()
    rows = deploy(
        cfn=cfn,
        s3=s3,
        dist=dist,
        stack="sunlight",
        bucket=bucket,
        parameters={"MailFrom": "portal@example.gov.cn"},
        execute=execute,
        out=out,
        poll=0,
    )
    stub.assert_no_pending_responses()
    assert [r["LogicalResourceId"] for r in rows] == ["Table", "APIHandler"]
    printed = out.getvalue()
    assert "Add" in printed and "AWS::DynamoDB::Table" in printed
    assert ("dry run" in printed) is not execute
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
    (template_key,) = [k for k in keys if k.endswith(".json")]
    (code_key,) = [k for k in keys if k.endswith(".zip")]
    uploaded = json.loads(s3.get_object(Bucket=bucket, Key=template_key)["Body"].read())
    assert uploaded["Resources"]["APIHandler"]["Properties"]["CodeUri"] == {"Bucket": bucket, "Key": code_key}
    assert s3.get_object(Bucket=bucket, Key=code_key)["Body"].read() == b"PK fake zip"
