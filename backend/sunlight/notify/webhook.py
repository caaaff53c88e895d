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
        body = json.dumps(self.payload(message), ensure_ascii=False).encode("utf-8")
        post_json(
            message.recipient,
            body,
            {"User-Agent": self.user_agent, "X-Sunlight-Message-Id": message.id},
            self.timeout,
            "webhook",
        )


def post_json(
    url: str,
    body: bytes,
    headers: dict[str, str],
    timeout: float,
    label: str,
    retried: tuple[int, ...] = (408, 429),
) -> None:
    """POST ``body`` (JSON) to ``url``; a 2xx is delivered. Raises ``DeliveryError``: permanent for a
    URL that is not http(s) and for a 4xx other than ``retried``, otherwise to be retried."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise DeliveryError(f"not an http(s) URL: {url!r}", permanent=True)
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        raise DeliveryError(
            f"{label} answered {exc.code}", permanent=400 <= exc.code < 500 and exc.code not in retried
        ) from exc
    except (OSError, ValueError) as exc:
        raise DeliveryError(f"{label} {url}: {exc}") from exc
    if not 200 <= status < 300:
        raise DeliveryError(f"{label} answered {status}")
