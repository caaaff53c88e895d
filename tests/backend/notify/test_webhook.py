"""The webhook channel against a real local http.server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sunlight.notify import DeliveryError, Message
from sunlight.notify.webhook import WebhookChannel


class Receiver(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.received: list[tuple[dict[str, str], dict]] = []
        self.fail_next = 0


class Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if self.server.fail_next:
            self.server.fail_next -= 1
            self.send_response(503)
            self.end_headers()
            return
        self.server.received.append((dict(self.headers), json.loads(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


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
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    channel = WebhookChannel(timeout=2)
    receiver.fail_next = 1
    with pytest.raises(DeliveryError) as info:
        channel.send(_message(url))
    assert not info.value.permanent  # 503: retried later
    channel.send(_message(url))
    assert len(receiver.received) == 1
    headers, payload = receiver.received[0]
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
