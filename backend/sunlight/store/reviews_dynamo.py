"""The DynamoDB store's 案卷评查 records (``sunlight.store.reviews``): one item per year,
``pk = RV#<year>``, ``sk = RV`` (docs/dynamodb.md), written with its audit item in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sunlight.domain.case_review import Review, review_from_dict, review_to_dict
from sunlight.domain.complaints import AuditEvent
from sunlight.store import dynamo_items as items
from sunlight.store.dynamo_client import DynamoClient
from sunlight.store.dynamo_items import S

NEW = "attribute_not_exists(pk)"


def review_key(year: int) -> dict[str, Any]:
    return items.key(f"RV#{year}", "RV")


class DynamoReviews:
    client: DynamoClient
    _put_versioned: Callable[..., None]  # DynamoStore's: the record and its audit event in one transaction

    def put_review(self, review: Review, expected_version: int | None, event: AuditEvent) -> None:
        version = (expected_version or 0) + 1
        data = json.dumps(review_to_dict(replace(review, version=version)), ensure_ascii=False)
        self._put_versioned([review_key(review.year)], data, version, expected_version, (review, event))

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
