"""The webhook channel against a real local http.server."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sunlight.notify import DeliveryError, Message
from sunlight.notify.webhook import WebhookChannel
from webhook_receiver import Receiver, running_receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as server:
        yield server


def _message(url: str) -> Message:
    return Message(
        id="outbox-42",
        channel="webhook",
        recipient=url,
        subject="催办:TS-20261224-ABCDEF 已超期",
        body="受理期限已过",
        kind="chase",
        tracking_no="TS-20261224-ABCDEF",
        office="supervision",
        payload={"due": "2026-12-29"},
    )


def test_posts_json_and_retry_after_server_error(receiver: Receiver) -> None:
    url = receiver.url
    channel = WebhookChannel(timeout=2)
    receiver.fail_next = 1
    with pytest.raises(DeliveryError) as info:
        channel.send(_message(url))
    assert not info.value.permanent  # 503: retried later
    channel.send(_message(url))
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    payload = json.loads(body)
    assert headers["X-Sunlight-Message-Id"] == "outbox-42"
    assert payload["kind"] == "chase"
    assert payload["subject"] == "催办:TS-20261224-ABCDEF 已超期"
    assert payload["tracking_no"] == "TS-20261224-ABCDEF"
    assert payload["data"] == {"due": "2026-12-29"}


def test_unreachable_and_bad_urls() -> None:
    channel = WebhookChannel(timeout=1)
    with pytest.raises(DeliveryError) as info:
        channel.send(_message("http://127.0.0.1:9/hook"))
    assert not info.value.permanent
    with pytest.raises(DeliveryError) as info:
        channel.send(_message("file:///etc/passwd"))
    assert info.value.permanent
