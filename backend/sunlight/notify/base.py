"""The channel interface shared by every delivery channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


class DeliveryError(Exception):
    """A message was not delivered this time; the outbox retries it later."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


@dataclass(frozen=True)
class Message:
    """One notification to one recipient.

    ``id`` is stable for the message (the outbox key): channels pass it on (``Message-ID``,
    ``X-Sunlight-Message-Id``) so a receiver can recognise a retry of something it already has.
    """

    id: str
    channel: str  # "email" | "webhook"
    recipient: str  # an e-mail address or a webhook URL
    subject: str
    body: str
    kind: str = ""  # new_complaint, reminder, chase (催办), escalation, response...
    data: dict[str, Any] = field(default_factory=dict)


class Channel(Protocol):
    name: str

    def send(self, message: Message) -> None:
        """Deliver ``message`` or raise :class:`DeliveryError`."""
        ...
