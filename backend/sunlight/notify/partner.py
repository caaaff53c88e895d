"""Status updates to an exchange partner's webhook (12345, docs/exchange.md).

The outbox message names the partner (``recipient``); the channel looks up its webhook URL and
secret when it sends (a rotated secret or a new URL applies to what is still queued), and POSTs the
message's payload as JSON signed as the partner signs its orders: ``X-Timestamp`` (Unix seconds, at
sending) and ``X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">``. ``X-Sunlight-Message-Id``
is the same for every attempt of one update: the partner may use it to drop a repeat.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from sunlight.domain.exchange import signature
from sunlight.notify.base import DeliveryError, Message
from sunlight.notify.webhook import post_json

Lookup = Callable[[str], "tuple[str, bytes] | None"]


class PartnerWebhookChannel:
    name = "partner"

    def __init__(
        self,
        lookup: Lookup,
        timeout: float = 5.0,
        user_agent: str = "Sunlight-Exchange/1",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.lookup = lookup
        self.timeout = timeout
        self.user_agent = user_agent
        self.clock = clock

    def send(self, message: Message) -> None:
        try:
            found = self.lookup(message.recipient)
        except Exception as exc:  # the store or the key unavailable: retried later
            raise DeliveryError(f"partner {message.recipient}: {exc}") from exc
        if found is None:
            raise DeliveryError(f"no partner {message.recipient!r}", permanent=True)
        url, secret = found
        body = json.dumps({"id": message.id, **message.payload}, ensure_ascii=False).encode("utf-8")
        timestamp = str(int(self.clock()))
        headers = {
            "User-Agent": self.user_agent,
            "X-Sunlight-Message-Id": message.id,
            "X-Timestamp": timestamp,
            "X-Signature": signature(secret, timestamp, body),
        }
        post_json(url, body, headers, self.timeout, "partner webhook", retried=(401, 408, 429))
