"""Office webhooks: POST the message as JSON to the office's ``webhook`` URL."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from sunlight.notify.base import DeliveryError, Message


class WebhookChannel:
    name = "webhook"

    def __init__(self, timeout: float = 5.0, user_agent: str = "Sunlight-Notify/1") -> None:
        self.timeout = timeout
        self.user_agent = user_agent

    @staticmethod
    def payload(message: Message) -> dict[str, object]:
        return {
            "id": message.id,
            "kind": message.kind,
            "tracking_no": message.tracking_no,
            "office": message.office,
            "subject": message.subject,
            "body": message.body,
            "data": message.payload,
        }

    def send(self, message: Message) -> None:
        if urlsplit(message.recipient).scheme not in ("http", "https"):
            raise DeliveryError(f"not an http(s) URL: {message.recipient!r}", permanent=True)
        body = json.dumps(self.payload(message), ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(
            message.recipient,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": self.user_agent,
                "X-Sunlight-Message-Id": message.id,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as exc:
            raise DeliveryError(
                f"webhook answered {exc.code}", permanent=400 <= exc.code < 500 and exc.code not in (408, 429)
            ) from exc
        except (OSError, ValueError) as exc:
            raise DeliveryError(f"webhook {message.recipient}: {exc}") from exc
        if not 200 <= status < 300:
            raise DeliveryError(f"webhook answered {status}")
