"""The notification outbox seen from the delivery side: messages, channels, delivery errors.

A message is written to the outbox in the same store transaction as the state change that
causes it; ``ComplaintService.deliver_outbox`` claims due messages with a lease, hands each to
the channel named by ``message.channel`` and marks it delivered, or reschedules it with
exponential backoff when the channel raises ``DeliveryError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

EMAIL = "email"
WEBHOOK = "webhook"
SMS = "sms"


@dataclass(frozen=True)
class OutboundMessage:
    id: str
    channel: str  # "email" | "webhook" | "sms"
    recipient: str  # an e-mail address, a webhook URL or a mobile number
    subject: str
    body: str  # plain text, Chinese
    kind: str  # new_complaint | reminder | overdue | chase | escalation | transfer | review | response | ...
    tracking_no: str = ""
    office: str = ""  # the office it goes to ("" for the reporter)
    payload: dict[str, object] = field(default_factory=dict)  # JSON body of a webhook
    attempts: int = 0


class DeliveryError(Exception):
    """A channel could not deliver; the message stays queued and is retried later."""


class Channel(Protocol):
    def send(self, message: OutboundMessage) -> None:
        """Deliver or raise ``DeliveryError``."""
        ...
