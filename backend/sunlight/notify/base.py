"""The channel interface shared by every delivery channel.

Messages are the outbox's ``OutboundMessage``; a channel raises :class:`DeliveryError` (a kind of
the outbox's own ``DeliveryError``, so the outbox reschedules it with backoff).
"""

from __future__ import annotations

from typing import Protocol

from sunlight.service.outbox import DeliveryError as OutboxDeliveryError
from sunlight.service.outbox import OutboundMessage

Message = OutboundMessage


class DeliveryError(OutboxDeliveryError):
    """A message was not delivered this time. ``permanent`` says a retry cannot help (bad address)."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class Channel(Protocol):
    name: str

    def send(self, message: Message) -> None:
        """Deliver ``message`` or raise :class:`DeliveryError`."""
        ...
