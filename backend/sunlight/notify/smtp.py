"""E-mail through an SMTP server named by a URL (``SUNLIGHT_SMTP_URL``).

``smtp://[user:password@]host[:port]`` (plain; add ``?starttls=1`` to upgrade) or
``smtps://...`` (TLS from the start). The sender is ``?from=`` or ``noreply@<host>``.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from urllib.parse import parse_qs, unquote, urlsplit

from sunlight.notify.base import DeliveryError, Message


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    use_ssl: bool = False
    starttls: bool = False
    username: str = ""
    password: str = ""
    sender: str = ""
    timeout: float = 10.0

    @classmethod
    def from_url(cls, url: str) -> SmtpSettings:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError(
                f"SUNLIGHT_SMTP_URL 应形如 smtp://host:port / must look like smtp://host:port, got {url!r}"
            )
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        use_ssl = parts.scheme == "smtps"
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if use_ssl else 25),
            use_ssl=use_ssl,
            starttls=query.get("starttls", "") in ("1", "true", "yes"),
            username=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            sender=query.get("from", "") or f"noreply@{parts.hostname}",
            timeout=float(query.get("timeout", "10")),
        )


class SmtpChannel:
    name = "email"

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    @classmethod
    def from_url(cls, url: str) -> SmtpChannel:
        return cls(SmtpSettings.from_url(url))

    def build(self, message: Message) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.settings.sender
        mail["To"] = message.recipient
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(localtime=True)
        mail["Message-ID"] = f"<{message.id}@sunlight>"
        mail["X-Sunlight-Message-Id"] = message.id
        if message.kind:
            mail["X-Sunlight-Kind"] = message.kind
        stop = message.payload.get("list_unsubscribe")
        if stop:  # e-mail alerts: one-click unsubscribe (RFC 8058)
            mail["List-Unsubscribe"] = f"<{stop}>"
            mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        mail.set_content(message.body)
        return mail

    def send(self, message: Message) -> None:
        if "@" not in message.recipient:
            raise DeliveryError(f"not an e-mail address: {message.recipient!r}", permanent=True)
        s = self.settings
        try:
            if s.use_ssl:
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout, context=ssl.create_default_context()
                )
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            with client:
                if s.starttls:
                    client.starttls(context=ssl.create_default_context())
                if s.username:
                    client.login(s.username, s.password)
                refused = client.send_message(self.build(message))
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"recipient refused: {exc.recipients}", permanent=True) from exc
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"SMTP {s.host}:{s.port}: {exc}") from exc
        if refused:
            raise DeliveryError(f"recipient refused: {refused}", permanent=True)
