"""E-mail through the agency's SMTP relay whose URL (with its credentials) is a secret.

Used in the China partition, where SES is not offered: ``SUNLIGHT_MAIL=smtp`` with
``SUNLIGHT_SMTP_URL_PARAMETER`` (an SSM Parameter Store SecureString, read with decryption) or
``SUNLIGHT_SMTP_URL_SECRET`` (a Secrets Manager secret whose string is the URL). The URL has the form
of ``SUNLIGHT_SMTP_URL`` (``smtp.py``). It is fetched on the first send and again after ``ttl``
seconds, so a rotated password is picked up without a redeploy; it is never in the template, the
package or the environment.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sunlight.notify.base import DeliveryError, Message
from sunlight.notify.smtp import SmtpChannel


class SmtpRelayChannel:
    name = "email"

    def __init__(
        self,
        *,
        parameter: str = "",
        secret: str = "",
        ttl: float = 300,
        client_factory: Callable[[str], Any] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if bool(parameter) == bool(secret):
            raise ValueError(
                "需要且只需要 SUNLIGHT_SMTP_URL_PARAMETER 或 SUNLIGHT_SMTP_URL_SECRET 之一 / "
                "exactly one of SUNLIGHT_SMTP_URL_PARAMETER and SUNLIGHT_SMTP_URL_SECRET is needed"
            )
        self.parameter = parameter
        self.secret = secret
        self.ttl = ttl
        self._client_factory = client_factory
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._channel: SmtpChannel | None = None
        self._fetched_at = 0.0

    @property
    def source(self) -> str:
        return f"SSM parameter {self.parameter}" if self.parameter else f"secret {self.secret}"

    def _client(self, service: str) -> Any:
        if self._client_factory is not None:
            return self._client_factory(service)
        import boto3  # in the Lambda runtime; imported on first send, not at cold start

        return boto3.client(service)

    def fetch_url(self) -> str:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            if self.parameter:
                answer = self._client("ssm").get_parameter(Name=self.parameter, WithDecryption=True)
                return str(answer["Parameter"]["Value"])
            return str(self._client("secretsmanager").get_secret_value(SecretId=self.secret)["SecretString"])
        except (ClientError, BotoCoreError, KeyError) as exc:
            # Not permanent: the operator may create or fix the parameter; the outbox retries.
            raise DeliveryError(f"SMTP relay URL from {self.source}: {exc}") from exc

    def channel(self) -> SmtpChannel:
        with self._lock:
            now = self._monotonic()
            if self._channel is None or now - self._fetched_at >= self.ttl:
                url = self.fetch_url()
                try:
                    self._channel = SmtpChannel.from_url(url)
                except ValueError as exc:  # do not echo the URL: it holds the password
                    raise DeliveryError(f"{self.source} is not an smtp:// or smtps:// URL") from exc
                self._fetched_at = now
            return self._channel

    def send(self, message: Message) -> None:
        if "@" not in message.recipient:
            raise DeliveryError(f"not an e-mail address: {message.recipient!r}", permanent=True)
        self.channel().send(message)
