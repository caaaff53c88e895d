"""Text messages (短信) to a reporter's mobile number: the channel ``sms`` of the outbox.

``LogSmsChannel`` is the default: it writes each message to the log (logger ``sunlight.notify.sms``)
with the number masked (``138****8000``) and sends nothing, so the outbox empties while no gateway is
contracted. A real gateway is one class with ``send_sms(phone, text)`` passed to
:class:`GatewaySmsChannel`; its failures become :class:`DeliveryError` and are retried with backoff.
Messages carry the tracking number and deadlines, never the access code (a text message is easily
read by others; the receipt e-mail brings it, docs/backend.md).
"""

from __future__ import annotations

import logging
from typing import Protocol

from sunlight.notify.base import DeliveryError, Message

log = logging.getLogger("sunlight.notify.sms")
SMS = "sms"


def mask_phone(phone: str) -> str:
    """``13800138000`` -> ``138****8000``."""
    digits = phone.strip()
    return digits[:3] + "****" + digits[-4:] if len(digits) >= 8 else "****"


class SmsGateway(Protocol):
    def send_sms(self, phone: str, text: str) -> None:
        """Send or raise (any exception is retried later)."""
        ...


class LogSmsChannel:
    """Logs instead of sending: the default until an SMS gateway is configured."""

    name = SMS

    def send(self, message: Message) -> None:
        log.info(
            "SMS to %s (%s %s), no gateway configured, not sent: %s",
            mask_phone(message.recipient),
            message.kind,
            message.tracking_no,
            message.body,
        )


class GatewaySmsChannel:
    """Sends through an SMS gateway client (an operator's or a cloud SMS service's)."""

    name = SMS

    def __init__(self, gateway: SmsGateway) -> None:
        self.gateway = gateway

    def send(self, message: Message) -> None:
        try:
            self.gateway.send_sms(message.recipient, message.body)
        except DeliveryError:
            raise
        except Exception as exc:  # noqa: BLE001 - any gateway failure is retried by the outbox
            raise DeliveryError(f"SMS gateway: {exc}") from exc
