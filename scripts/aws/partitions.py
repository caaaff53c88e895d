"""Which AWS services a partition offers, from botocore's own endpoint data (no network).

``offered("sesv2", "aws-cn")`` is False because botocore's ``endpoints.json`` lists no SES region in
the China partition; :func:`missing_services` names every service a CloudFormation template uses
(resource types, IAM actions, the mail channel it selects) that its partition does not offer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3

# CloudFormation namespaces (AWS::<Namespace>::...) and IAM action prefixes whose botocore service
# name is not simply the lower-cased name.
NAMESPACES = {
    "ApiGateway": ["apigateway"],
    "Serverless": ["lambda"],  # SAM: AWS::Serverless::Function; its Api and events are listed below
    "CloudFront": ["cloudfront"],
}
SAM_TYPES = {"AWS::Serverless::Api": ["apigateway"]}
SAM_EVENTS = {"Schedule": ["events"], "Api": ["apigateway"], "SQS": ["sqs"]}
IAM_PREFIXES = {"ses": ["sesv2"], "execute-api": ["apigateway"]}
MAIL_SERVICES = {"ses": ["sesv2"], "smtp": []}


def regions(service: str, partition: str) -> list[str]:
    session = boto3.session.Session()
    return session.get_available_regions(service, partition_name=partition, allow_non_regional=True)


def offered(service: str, partition: str) -> bool:
    return bool(regions(service, partition))


def mail_channel(partition: str) -> str:
    """``ses`` where the partition offers SES (v2 API), else the agency's SMTP relay."""
    return "ses" if offered("sesv2", partition) else "smtp"


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _actions(statement: dict[str, Any]) -> list[str]:
    action = statement.get("Action", [])
    return [action] if isinstance(action, str) else list(action)


def services_used(template: dict[str, Any]) -> dict[str, str]:
    """botocore service name -> where the template uses it (for messages)."""
    used: dict[str, str] = {}
    for name, resource in (template.get("Resources") or {}).items():
        rtype = str(resource.get("Type", ""))
        parts = rtype.split("::")
        if len(parts) == 3 and parts[0] == "AWS":
            for service in SAM_TYPES.get(rtype) or NAMESPACES.get(parts[1]) or [parts[1].lower()]:
                used.setdefault(service, f"{name} ({rtype})")
        props = resource.get("Properties") or {}
        for event in (props.get("Events") or {}).values():
            for service in SAM_EVENTS.get(str(event.get("Type")), []):
                used.setdefault(service, f"{name} event {event.get('Type')}")
        variables = (props.get("Environment") or {}).get("Variables") or {}
        for service in MAIL_SERVICES.get(str(variables.get("SUNLIGHT_MAIL", "")), []):
            used.setdefault(service, f"{name} SUNLIGHT_MAIL={variables['SUNLIGHT_MAIL']}")
        for node in _walk(resource):
            if "Effect" in node and "Action" in node:
                for action in _actions(node):
                    prefix = action.split(":", 1)[0]
                    if prefix in ("*", "sts"):
                        continue
                    for service in IAM_PREFIXES.get(prefix, [prefix]):
                        used.setdefault(service, f"{name} action {action}")
    return used


def missing_services(template: dict[str, Any], partition: str) -> list[str]:
    """Every service the template uses that ``partition`` does not offer, with where it is used."""
    return [
        f"{service}: {where}"
        for service, where in sorted(services_used(template).items())
        if not offered(service, partition)
    ]
