"""E-mail through Amazon SES (the v2 API, ``sesv2`` ``SendEmail``), used in the global partition.

``SUNLIGHT_MAIL=ses`` with ``SUNLIGHT_MAIL_FROM`` (a verified identity). Region, credentials and
endpoint come from boto3's own configuration (on Lambda: the function's role and region). SES is
not offered in the China partition: there, mail goes through the agency's relay (``relay.py``).
"""

from __future__ import annotations

from typing import Any

from sunlight.notify.base import DeliveryError, Message

# SES answers that retrying cannot fix (https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html)
PERMANENT = {
    "MessageRejected",
    "MailFromDomainNotVerifiedException",
    "NotFoundException",
    "BadRequestException",
    "AccountSuspendedException",
}


class SesChannel:
    name = "email"

    def __init__(
        self, sender: str, client: Any = None, *, connect_timeout: float = 5, attempts: int = 3
    ) -> None:
        self.sender = sender
        self._client = client
        self.connect_timeout = connect_timeout
        self.attempts = attempts

    @property
    def client(self) -> Any:
        if self._client is None:
            import boto3  # in the Lambda runtime; imported on first send, not at cold start
            from botocore.config import Config

            config = Config(
                connect_timeout=self.connect_timeout,
                read_timeout=10,
                retries={"max_attempts": self.attempts, "mode": "standard"},
            )
            self._client = boto3.client("sesv2", config=config)
        return self._client

    def request(self, message: Message) -> dict[str, Any]:
        headers = [{"Name": "X-Sunlight-Message-Id", "Value": message.id}]
        if message.kind:
            headers.append({"Name": "X-Sunlight-Kind", "Value": message.kind})
        stop = message.payload.get("list_unsubscribe")
        if stop:  # e-mail alerts: one-click unsubscribe (RFC 8058)
            headers.append({"Name": "List-Unsubscribe", "Value": f"<{stop}>"})
            headers.append({"Name": "List-Unsubscribe-Post", "Value": "List-Unsubscribe=One-Click"})
        return {
            "FromEmailAddress": self.sender,
            "Destination": {"ToAddresses": [message.recipient]},
            "Content": {
                "Simple": {
                    "Subject": {"Data": message.subject, "Charset": "UTF-8"},
                    "Body": {"Text": {"Data": message.body, "Charset": "UTF-8"}},
                    "Headers": headers,
                }
            },
            "EmailTags": [{"Name": "kind", "Value": message.kind or "message"}],
        }

    def send(self, message: Message) -> None:
        if "@" not in message.recipient:
            raise DeliveryError(f"not an e-mail address: {message.recipient!r}", permanent=True)
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.send_email(**self.request(message))
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            raise DeliveryError(f"SES {code}: {exc}", permanent=code in PERMANENT) from exc
        except BotoCoreError as exc:
            raise DeliveryError(f"SES: {exc}") from exc
