"""The one place that calls boto3 for DynamoDB: a small typed client that enforces DynamoDB's limits
itself (a local server such as moto is more lenient) and turns AWS errors into the store's own.

- ``transact_write``: at most 100 items (``StoreError`` beyond: a transaction cannot be split);
  ``TransactionCanceledException`` with a ``ConditionalCheckFailed`` reason becomes
  ``ConditionFailed`` naming the item; conflicts and throttling are retried with backoff.
- ``batch_write``: split into batches of 25; ``UnprocessedItems`` are sent again with backoff.
- ``query`` / ``scan``: follow ``LastEvaluatedKey`` until the end (or ``limit`` items).
- every item written is checked against the 400 KB item limit first.
- throttling (``ProvisionedThroughputExceededException``, ``ThrottlingException``,
  ``RequestLimitExceeded``) and 5xx errors are retried with exponential backoff and jitter.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sunlight.store.base import StoreError

MAX_TRANSACTION_ITEMS = 100
MAX_BATCH_WRITE = 25
MAX_ITEM_BYTES = 400 * 1024
MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 0.05
BACKOFF_CAP_SECONDS = 5.0

RETRYABLE = {
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "InternalServerError",
    "ServiceUnavailable",
    "TransactionInProgressException",
}
RETRYABLE_REASONS = {"ThrottlingError", "TransactionConflict", "ProvisionedThroughputExceeded"}

Item = dict[str, Any]  # DynamoDB attribute-value form: {"pk": {"S": "..."}, ...}


class ConditionalCheckFailed(StoreError):
    """A single-item write's condition failed (``index`` is the item of a transaction, else 0)."""

    def __init__(self, index: int = 0, message: str = "") -> None:
        super().__init__(f"condition failed on item {index}: {message}")
        self.index = index


class TableMissing(StoreError):
    def __init__(self, table: str) -> None:
        super().__init__(f"DynamoDB 表 {table} 不存在,请先运行 `sunlight store init` / table {table} missing")


class Throttled(StoreError):
    """Still throttled after every retry."""


def item_size(item: Mapping[str, Any]) -> int:
    """DynamoDB's item size: attribute names plus values (UTF-8 bytes; numbers counted generously)."""
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: Mapping[str, Any]) -> int:
    ((kind, inner),) = value.items()
    if kind in ("S", "N"):
        return len(str(inner).encode()) + (1 if kind == "N" else 0)
    if kind == "B":
        return len(inner)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "M":
        return 3 + sum(len(k.encode()) + _value_size(v) + 1 for k, v in inner.items())
    if kind == "L":
        return 3 + sum(_value_size(v) + 1 for v in inner)
    return sum(len(str(v).encode()) for v in inner)  # SS / NS / BS


def check_item_size(item: Mapping[str, Any]) -> None:
    size = item_size(item)
    if size > MAX_ITEM_BYTES:
        raise StoreError(
            f"记录过大({size} 字节,上限 {MAX_ITEM_BYTES}) / item of {size} bytes exceeds DynamoDB's 400 KB limit"
        )


def _code(exc: Exception) -> str:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


class DynamoClient:
    """Typed calls on one table; ``raw`` is a boto3 DynamoDB client (or a fake with the same methods)."""

    def __init__(self, raw: Any, table: str, sleep: Callable[[float], None] = time.sleep) -> None:
        self.raw = raw
        self.table = table
        self.sleep = sleep

    @classmethod
    def connect(cls, table: str, endpoint_url: str | None = None, region: str | None = None) -> DynamoClient:
        import os

        import boto3
        from botocore.config import Config

        region = (
            region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "cn-north-1"
        )
        config = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30)
        # endpoint_url None: boto3 reads AWS_ENDPOINT_URL_DYNAMODB itself (a local server)
        raw = boto3.session.Session().client(
            "dynamodb", region_name=region, endpoint_url=endpoint_url, config=config
        )
        return cls(raw, table)

    # --- retries -------------------------------------------------------------------------------

    def _call(self, name: str, **kwargs: Any) -> dict[str, Any]:
        for attempt in range(MAX_ATTEMPTS):
            try:
                return dict(getattr(self.raw, name)(**kwargs))
            except Exception as exc:  # botocore.exceptions.ClientError and friends
                code = _code(exc)
                if code == "ResourceNotFoundException":
                    raise TableMissing(self.table) from None
                if code == "ConditionalCheckFailedException":
                    raise ConditionalCheckFailed(0, str(exc)) from None
                if code == "TransactionCanceledException":
                    reasons = list(getattr(exc, "response", {}).get("CancellationReasons") or [])
                    codes = [str(r.get("Code") or "None") for r in reasons]
                    if "ConditionalCheckFailed" in codes:
                        raise ConditionalCheckFailed(
                            codes.index("ConditionalCheckFailed"), str(exc)
                        ) from None
                    if not set(codes) & RETRYABLE_REASONS:
                        raise StoreError(f"transaction cancelled: {codes}") from None
                elif code not in RETRYABLE:
                    if code:
                        raise StoreError(f"DynamoDB {name}: {code}: {exc}") from None
                    raise
                if attempt == MAX_ATTEMPTS - 1:
                    raise Throttled(f"DynamoDB {name}: still {code} after {MAX_ATTEMPTS} attempts") from None
                self._backoff(attempt)
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> None:
        ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2**attempt)
        self.sleep(random.uniform(ceiling / 2, ceiling))  # noqa: S311 - jitter, not security

    # --- writes --------------------------------------------------------------------------------

    def transact_write(self, items: Sequence[Item]) -> None:
        """``items`` are TransactWriteItems entries ({"Put": {...}} / {"Update": {...}}); the table name is added."""
        if not items:
            return
        if len(items) > MAX_TRANSACTION_ITEMS:
            raise StoreError(
                f"一次事务最多 {MAX_TRANSACTION_ITEMS} 项(本次 {len(items)} 项) / a DynamoDB transaction holds at most"
                f" {MAX_TRANSACTION_ITEMS} items, not {len(items)}"
            )
        for entry in items:
            for action in entry.values():
                action["TableName"] = self.table
                if "Item" in action:
                    check_item_size(action["Item"])
        self._call("transact_write_items", TransactItems=list(items))

    def put(self, item: Item, condition: str = "", values: Item | None = None) -> None:
        check_item_size(item)
        kwargs: dict[str, Any] = {"TableName": self.table, "Item": item}
        if condition:
            kwargs["ConditionExpression"] = condition
        if values:
            kwargs["ExpressionAttributeValues"] = values
        self._call("put_item", **kwargs)

    def update(
        self,
        key: Item,
        expression: str,
        condition: str = "",
        values: Item | None = None,
        names: dict[str, str] | None = None,
    ) -> Item:
        """Update one item; its new attributes. ``ConditionalCheckFailed`` when ``condition`` fails."""
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "Key": key,
            "UpdateExpression": expression,
            "ReturnValues": "ALL_NEW",
        }
        if condition:
            kwargs["ConditionExpression"] = condition
        if values:
            kwargs["ExpressionAttributeValues"] = values
        if names:
            kwargs["ExpressionAttributeNames"] = names
        return dict(self._call("update_item", **kwargs).get("Attributes") or {})

    def batch_write(self, items: Sequence[Item]) -> int:
        """Put ``items`` in batches of 25, sending ``UnprocessedItems`` again with backoff; the number of calls."""
        calls = 0
        for start in range(0, len(items), MAX_BATCH_WRITE):
            for item in items[start : start + MAX_BATCH_WRITE]:
                check_item_size(item)
            pending: list[Item] = [
                {"PutRequest": {"Item": i}} for i in items[start : start + MAX_BATCH_WRITE]
            ]
            for attempt in range(MAX_ATTEMPTS):
                calls += 1
                answer = self._call("batch_write_item", RequestItems={self.table: pending})
                pending = list((answer.get("UnprocessedItems") or {}).get(self.table) or [])
                if not pending:
                    break
                if attempt == MAX_ATTEMPTS - 1:
                    raise Throttled(f"DynamoDB batch_write_item: {len(pending)} items still unprocessed")
                self._backoff(attempt)
        return calls

    # --- reads ---------------------------------------------------------------------------------

    def get(self, key: Item) -> Item | None:
        answer = self._call("get_item", TableName=self.table, Key=key, ConsistentRead=True)
        return answer.get("Item")

    def query(self, *, limit: int | None = None, **kwargs: Any) -> Iterator[Item]:
        """Every item of a query, page after page (``LastEvaluatedKey``)."""
        yield from self._pages("query", limit, **kwargs)

    def scan(self, *, limit: int | None = None, **kwargs: Any) -> Iterator[Item]:
        yield from self._pages("scan", limit, **kwargs)

    def _pages(self, name: str, limit: int | None, **kwargs: Any) -> Iterator[Item]:
        kwargs["TableName"] = self.table
        seen = 0
        while True:
            answer = self._call(name, **kwargs)
            for item in answer.get("Items") or []:
                yield item
                seen += 1
                if limit is not None and seen >= limit:
                    return
            last = answer.get("LastEvaluatedKey")
            if not last:
                return
            kwargs["ExclusiveStartKey"] = last

    # --- the table -----------------------------------------------------------------------------

    def describe(self) -> dict[str, Any] | None:
        try:
            return dict(self._call("describe_table", TableName=self.table)["Table"])
        except TableMissing:
            return None

    def create_table(self, definition: Mapping[str, Any], ttl_attribute: str) -> bool:
        """Create the table (and its TTL) unless it exists; True when created now."""
        created = False
        if self.describe() is None:
            try:
                self._call("create_table", TableName=self.table, **definition)
                created = True
            except StoreError as exc:
                if "ResourceInUseException" not in str(exc):
                    raise
            for _ in range(600):
                table = self.describe()
                if table and table.get("TableStatus") == "ACTIVE":
                    break
                self.sleep(0.5)
        ttl = self._call("describe_time_to_live", TableName=self.table).get("TimeToLiveDescription", {})
        if ttl.get("TimeToLiveStatus") not in ("ENABLED", "ENABLING"):
            self._call(
                "update_time_to_live",
                TableName=self.table,
                TimeToLiveSpecification={"Enabled": True, "AttributeName": ttl_attribute},
            )
        return created
