"""DynamoDB's limits, enforced by the store itself (moto accepts more than DynamoDB does).

Limits from the DynamoDB developer guide: 100 items per TransactWriteItems, 25 per
BatchWriteItem, 400 KB per item, 1 MB per query page; throttled requests must be retried.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError
from sunlight.store.base import AppendAudit, EnqueueMessage, MarkTimerFired, Store, StoreError
from sunlight.store.dynamo_client import DynamoClient, Throttled
from sunlight.store.dynamodb import DynamoStore

T0 = dt.datetime(2026, 12, 24, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def dynamo(dynamo_store: Store) -> DynamoStore:
    assert isinstance(dynamo_store, DynamoStore)
    return dynamo_store


def _error(code: str, **extra: Any) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": code}, **extra}, "Op")


class FakeRaw:
    """A boto3 client stand-in: answers from a script, records each call."""

    def __init__(self, answers: dict[str, list[Any]]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def call(**kwargs: Any) -> Any:
            self.calls.append((name, kwargs))
            answer = self.answers[name].pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer

        return call


def test_more_than_100_items_in_a_transaction_is_refused(dynamo: DynamoStore) -> None:
    ops = [MarkTimerFired(f"t{n}", T0) for n in range(101)]
    with pytest.raises(StoreError, match="at most 100 items"):
        dynamo.transact(ops)
    assert not dynamo.timer_fired("t0")  # nothing written
    dynamo.transact(ops[:100])  # exactly 100 is allowed
    assert dynamo.timer_fired("t99")


def test_an_item_over_400_kb_is_refused(dynamo: DynamoStore) -> None:
    from sunlight.domain.complaints import AuditEvent

    big = AuditEvent("TS-1", "000001.00", T0, "reporter", "filed", {"text": "字" * 140_000})  # 420 KB UTF-8
    with pytest.raises(StoreError, match="400 KB"):
        dynamo.transact([AppendAudit(big)])
    assert dynamo.audit_trail("TS-1") == []
    fits = AuditEvent("TS-1", "000001.00", T0, "reporter", "filed", {"text": "字" * 100_000})  # 300 KB
    dynamo.transact([AppendAudit(fits)])
    assert len(dynamo.audit_trail("TS-1")[0].detail["text"]) == 100_000


def test_queries_follow_last_evaluated_key(dynamo: DynamoStore) -> None:
    from sunlight.domain.complaints import AuditEvent

    events = [
        AuditEvent("TS-1", f"{n:06d}.00", T0, "reporter", "note", {"pad": "x" * 200_000}) for n in range(8)
    ]
    for event in events:  # 8 x 200 KB: more than one 1 MB page
        dynamo.transact([AppendAudit(event)])
    pages: list[int] = []
    real = dynamo.client.raw.query

    def counting(**kwargs: Any) -> Any:
        answer = real(**kwargs)
        pages.append(len(answer["Items"]))
        return answer

    dynamo.client.raw.query = counting  # type: ignore[method-assign]
    try:
        assert [e.seq for e in dynamo.audit_trail("TS-1")] == [f"{n:06d}.00" for n in range(8)]
    finally:
        dynamo.client.raw.query = real  # type: ignore[method-assign]
    assert len(pages) > 1 and sum(pages) == 8


def test_batch_writes_go_25_at_a_time_and_unprocessed_items_are_sent_again() -> None:
    items = [{"pk": {"S": f"X#{n}"}, "sk": {"S": "X"}} for n in range(60)]
    leftover = {"t": [{"PutRequest": {"Item": items[3]}}]}
    raw = FakeRaw({"batch_write_item": [{"UnprocessedItems": leftover}, {}, {}, {"UnprocessedItems": {}}]})
    slept: list[float] = []
    client = DynamoClient(raw, "t", sleep=slept.append)
    assert client.batch_write(items) == 4
    sizes = [len(kwargs["RequestItems"]["t"]) for _, kwargs in raw.calls]
    assert sizes == [25, 1, 25, 10]  # the unprocessed item again, alone, after a pause
    assert raw.calls[1][1]["RequestItems"]["t"][0]["PutRequest"]["Item"] == items[3]
    assert len(slept) == 1


def test_batch_writes_on_moto_server(dynamo: DynamoStore) -> None:
    items = [{"pk": {"S": f"X#{n}"}, "sk": {"S": "X"}} for n in range(60)]
    assert dynamo.client.batch_write(items) == 3
    assert dynamo.client.get({"pk": {"S": "X#59"}, "sk": {"S": "X"}}) is not None


def test_throttling_is_retried_with_growing_pauses_then_given_up() -> None:
    raw = FakeRaw(
        {
            "get_item": [
                _error("ProvisionedThroughputExceededException"),
                _error("ThrottlingException"),
                {"Item": {"pk": {"S": "a"}}},
            ]
        }
    )
    slept: list[float] = []
    client = DynamoClient(raw, "t", sleep=slept.append)
    assert client.get({"pk": {"S": "a"}, "sk": {"S": "a"}}) == {"pk": {"S": "a"}}
    assert len(slept) == 2 and slept[1] > slept[0] * 0.99 / 2  # backoff with jitter
    always = FakeRaw({"get_item": [_error("ThrottlingException") for _ in range(20)]})
    with pytest.raises(Throttled):
        DynamoClient(always, "t", sleep=lambda _s: None).get({"pk": {"S": "a"}, "sk": {"S": "a"}})
    assert len(always.calls) == 8


def test_a_cancelled_transaction_names_the_failing_op() -> None:
    reasons = [{"Code": "None"}, {"Code": "None"}, {"Code": "None"}, {"Code": "ConditionalCheckFailed"}]
    raw = FakeRaw(
        {"transact_write_items": [_error("TransactionCanceledException", CancellationReasons=reasons)]}
    )
    store = DynamoStore(DynamoClient(raw, "t"))
    from sunlight.store.base import ConditionFailed
    from sunlight.store.base import QueuedMessage as Q

    m = Q("m", "k", "email", "a@b.cn", "s", "b", "k", "TS-1", "o", T0, T0)
    with pytest.raises(ConditionFailed) as failed:  # items: timer, message, its key guard, timer
        store.transact([MarkTimerFired("a", T0), EnqueueMessage(m), MarkTimerFired("b", T0)])
    assert failed.value.op_index == 2


def test_a_transaction_conflict_is_retried() -> None:
    conflict = _error("TransactionCanceledException", CancellationReasons=[{"Code": "TransactionConflict"}])
    raw = FakeRaw({"transact_write_items": [conflict, {}]})
    store = DynamoStore(DynamoClient(raw, "t", sleep=lambda _s: None))
    store.transact([MarkTimerFired("a", T0)])
    assert len(raw.calls) == 2
