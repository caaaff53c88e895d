"""``make deploy``: the CloudFormation change set that deploying ``dist/<partition>/`` would make.

    python scripts/aws/deploy.py --partition aws --stack sunlight --artifact-bucket BUCKET \\
        [--parameter MailFrom=portal@example.gov.cn ...] [--execute]

Uploads the Lambda zip and the template to the artifact bucket (content-addressed keys), creates a
change set (CREATE for a new stack, UPDATE otherwise), prints every change, then deletes it again,
unless ``--execute`` (``make deploy DEPLOY=1``), which executes it and waits for the stack. Uses the
credentials and region of the environment (boto3's own: AWS_PROFILE, AWS_REGION, ...). Environment
defaults: ``STACK``, ``ARTIFACT_BUCKET``, ``PARAMS`` ("Key=Value Key=Value").
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CAPABILITIES = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
NO_CHANGES = ("didn't contain changes", "No updates are to be performed")


def upload(s3: Any, bucket: str, body: bytes, suffix: str) -> str:
    key = f"sunlight/{hashlib.sha256(body).hexdigest()[:32]}{suffix}"
    s3.put_object(Bucket=bucket, Key=key, Body=body)
    return key


def with_code(template: dict[str, Any], bucket: str, key: str) -> dict[str, Any]:
    out = copy.deepcopy(template)
    for resource in out["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = {"Bucket": bucket, "Key": key}
    return out


def stack_exists(cfn: Any, stack: str) -> bool:
    from botocore.exceptions import ClientError

    try:
        stacks = cfn.describe_stacks(StackName=stack)["Stacks"]
    except ClientError as exc:
        if "does not exist" in str(exc):
            return False
        raise
    return bool(stacks) and stacks[0]["StackStatus"] != "REVIEW_IN_PROGRESS"


def changes(cfn: Any, stack: str, name: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"StackName": stack, "ChangeSetName": name}
    while True:
        page = cfn.describe_change_set(**kwargs)
        out.extend(c["ResourceChange"] for c in page.get("Changes", []) if "ResourceChange" in c)
        if not page.get("NextToken"):
            return out
        kwargs["NextToken"] = page["NextToken"]


def print_changes(rows: list[dict[str, Any]], out: Any = sys.stdout) -> None:
    print(f"{'action':<8} {'resource':<28} {'type':<44} replacement", file=out)
    for c in rows:
        print(
            f"{c.get('Action', ''):<8} {c.get('LogicalResourceId', ''):<28} {c.get('ResourceType', ''):<44} "
            f"{c.get('Replacement', '')}",
            file=out,
        )


def deploy(
    *,
    cfn: Any,
    s3: Any,
    dist: Path,
    stack: str,
    bucket: str,
    parameters: dict[str, str],
    execute: bool,
    out: Any = sys.stdout,
    poll: float = 5.0,
) -> list[dict[str, Any]]:
    template = json.loads((dist / "sam.json").read_text(encoding="utf-8"))
    code_key = upload(s3, bucket, (dist / "deployment.zip").read_bytes(), ".zip")
    body = json.dumps(with_code(template, bucket, code_key), ensure_ascii=False).encode("utf-8")
    template_key = upload(s3, bucket, body, ".json")
    template_url = f"{s3.meta.endpoint_url}/{bucket}/{template_key}"  # the region's own S3 endpoint
    kind = "UPDATE" if stack_exists(cfn, stack) else "CREATE"
    name = f"sunlight-{time.strftime('%Y%m%d-%H%M%S')}"
    cfn.create_change_set(
        StackName=stack,
        ChangeSetName=name,
        ChangeSetType=kind,
        TemplateURL=template_url,
        Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in sorted(parameters.items())],
        Capabilities=CAPABILITIES,
    )
    while True:
        described = cfn.describe_change_set(StackName=stack, ChangeSetName=name)
        if described["Status"] in ("CREATE_COMPLETE", "FAILED"):
            break
        time.sleep(poll)
    rows: list[dict[str, Any]] = []
    if described["Status"] == "FAILED":
        reason = described.get("StatusReason", "")
        if not any(text in reason for text in NO_CHANGES):
            _discard(cfn, stack, name, kind)
            raise SystemExit(f"变更集创建失败 / the change set failed: {reason}")
        print(f"{stack}: no changes", file=out)
    else:
        rows = changes(cfn, stack, name)
        print(f"{stack} ({kind}), change set {name}:", file=out)
        print_changes(rows, out)
    if execute and rows:
        cfn.execute_change_set(StackName=stack, ChangeSetName=name)
        waiter = "stack_create_complete" if kind == "CREATE" else "stack_update_complete"
        cfn.get_waiter(waiter).wait(StackName=stack, WaiterConfig={"Delay": 15, "MaxAttempts": 240})
        print(f"{stack}: {kind.lower()} complete", file=out)
    else:
        _discard(cfn, stack, name, kind)
        if rows:
            print("dry run: nothing changed (make deploy DEPLOY=1 executes it)", file=out)
    return rows


def _discard(cfn: Any, stack: str, name: str, kind: str) -> None:
    cfn.delete_change_set(StackName=stack, ChangeSetName=name)
    if kind == "CREATE":  # a CREATE change set leaves an empty stack in REVIEW_IN_PROGRESS
        cfn.delete_stack(StackName=stack)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partition", default="aws", choices=["aws", "aws-cn"])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--stack", default=os.environ.get("STACK", "sunlight"))
    parser.add_argument("--artifact-bucket", default=os.environ.get("ARTIFACT_BUCKET", ""))
    parser.add_argument("--parameter", action="append", default=os.environ.get("PARAMS", "").split())
    parser.add_argument("--execute", action="store_true")
    args = parser.parse_args(argv)
    if not args.artifact_bucket:
        parser.error("--artifact-bucket (or ARTIFACT_BUCKET) is required: an S3 bucket in the target region")
    parameters = dict(p.split("=", 1) for p in args.parameter if p)
    import boto3

    session = boto3.session.Session()
    deploy(
        cfn=session.client("cloudformation"),
        s3=session.client("s3"),
        dist=args.dist / args.partition,
        stack=args.stack,
        bucket=args.artifact_bucket,
        parameters=parameters,
        execute=args.execute,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
