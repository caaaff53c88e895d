"""The DynamoDB store's part of the 12345 exchange (docs/dynamodb.md): partners and order links.

- a partner: ``pk = P``, ``sk = P#<name>`` (GetItem; every partner: Query ``pk = P``);
- a work order's complaint: ``pk = XO#<partner>#<order no>``, ``sk = XO``, put with
  ``attribute_not_exists(pk)`` in the filing's transaction.
"""

from __future__ import annotations

from typing import Any

from sunlight.store.base import ConditionFailed
from sunlight.store.columns import from_ts, ts
from sunlight.store.dynamo_client import ConditionalCheckFailed, DynamoClient
from sunlight.store.dynamo_items import S, key
from sunlight.store.exchange_records import OrderLink, Partner, PartnerStore, PutOrderLink

NEW = "attribute_not_exists(pk)"


def partner_key(name: str) -> dict[str, Any]:
    return key("P", f"P#{name}")


def order_key(partner: str, order_no: str) -> dict[str, Any]:
    return key(f"XO#{partner}#{order_no}", "XO")


def partner_item(p: Partner) -> dict[str, Any]:
    item = {
        **partner_key(p.name),
        "name": S(p.name),
        "webhook": S(p.webhook),
        "sealed_secret": S(p.sealed_secret),
        "created_at": S(ts(p.created_at)),
    }
    if p.rotated_at is not None:
        item["rotated_at"] = S(ts(p.rotated_at))
    return item


def partner_of(item: dict[str, Any]) -> Partner:
    rotated = item.get("rotated_at")
    return Partner(
        item["name"]["S"],
        item["webhook"]["S"],
        item["sealed_secret"]["S"],
        from_ts(item["created_at"]["S"]),  # type: ignore[arg-type]
        from_ts(rotated["S"]) if rotated else None,
    )


def order_link_entry(op: PutOrderLink) -> dict[str, Any]:
    link = op.link
    item = {
        **order_key(link.partner, link.order_no),
        "partner": S(link.partner),
        "order_no": S(link.order_no),
        "tracking_no": S(link.tracking_no),
        "created_at": S(ts(link.created_at)),
    }
    return {"Put": {"Item": item, "ConditionExpression": NEW}}


class DynamoExchangeMixin(PartnerStore):
    client: DynamoClient

    def put_partner(self, partner: Partner, expected_new: bool) -> None:
        try:
            self.client.put(partner_item(partner), NEW if expected_new else "attribute_exists(pk)")
        except ConditionalCheckFailed:
            raise ConditionFailed(0, partner, "exists" if expected_new else "missing") from None

    def get_partner(self, name: str) -> Partner | None:
        item = self.client.get(partner_key(name))
        return partner_of(item) if item else None

    def list_partners(self) -> list[Partner]:
        found = self.client.query(
            KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": S("P")}, ConsistentRead=True
        )
        return sorted((partner_of(i) for i in found), key=lambda p: p.name)

    def get_order_link(self, partner: str, order_no: str) -> OrderLink | None:
        item = self.client.get(order_key(partner, order_no))
        if not item:
            return None
        return OrderLink(
            item["partner"]["S"],
            item["order_no"]["S"],
            item["tracking_no"]["S"],
            from_ts(item["created_at"]["S"]),  # type: ignore[arg-type]
        )
