"""The DynamoDB store's 案卷评查 records (``sunlight.store.reviews``): one item per year,
``pk = RV#<year>``, ``sk = RV`` (docs/dynamodb.md), written with its audit item in one transaction."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sunlight.domain.case_review import Review, review_from_dict, review_to_dict
from sunlight.domain.complaints import AuditEvent
from sunlight.store import dynamo_items as items
from sunlight.store.base import ConditionFailed
from sunlight.store.dynamo_client import ConditionalCheckFailed, DynamoClient
from sunlight.store.dynamo_items import N, S

NEW = "attribute_not_exists(pk)"


def review_key(year: int) -> dict[str, Any]:
    return items.key(f"RV#{year}", "RV")


class DynamoReviews:
    client: DynamoClient

    def put_review(self, review: Review, expected_version: int | None, event: AuditEvent) -> None:
        version = (expected_version or 0) + 1
        item = {
            **review_key(review.year),
            "data": S(json.dumps(review_to_dict(replace(review, version=version)), ensure_ascii=False)),
            "version": N(version),
        }
        action: dict[str, Any] = {"Item": item}
        if expected_version is None:
            action["ConditionExpression"] = NEW
        else:
            action["ConditionExpression"] = "version = :v"
            action["ExpressionAttributeValues"] = {":v": N(expected_version)}
        entries = [{"Put": action}, {"Put": {"Item": items.audit_item(event), "ConditionExpression": NEW}}]
        try:
            self.client.transact_write(entries)
        except ConditionalCheckFailed as failed:
            raise ConditionFailed(min(failed.index, 1), review, "condition failed") from None

    def get_review(self, year: int) -> Review | None:
        item = self.client.get(review_key(year))
        return review_from_dict(json.loads(item["data"]["S"])) if item else None

    def all_reviews(self) -> list[Review]:
        """A scan (a handful of items: one per year)."""
        found = [
            review_from_dict(json.loads(item["data"]["S"]))
            for item in self.client.scan(
                FilterExpression="sk = :r", ExpressionAttributeValues={":r": S("RV")}
            )
        ]
        return sorted(found, key=lambda r: r.year)
