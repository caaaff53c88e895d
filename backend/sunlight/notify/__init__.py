"""Notification channels: one module per channel (``smtp``, ``webhook``), each with ``send(message)``.

A channel raises :class:`DeliveryError` when a message could not be delivered; the outbox keeps
the message and retries it later with backoff, so nothing is lost while a server is down.
``sunlight.bootstrap`` builds the mapping of channel name -> channel the outbox delivers through.
"""

from sunlight.notify.base import Channel, DeliveryError, Message

__all__ = ["Channel", "DeliveryError", "Message"]
