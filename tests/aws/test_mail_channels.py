"""E-mail on AWS: SES (v2 API) in the global partition, the agency's SMTP relay with its URL kept in
SSM Parameter Store or Secrets Manager in aws-cn. Both against moto server over HTTP, the relay
against a real SMTP server that checks the credentials."""

from __future__ import annotations

import socket
import uuid

import boto3
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sunlight import bootstrap
from sunlight.notify import DeliveryError, Message
from sunlight.notify.relay import SmtpRelayChannel
from sunlight.notify.ses import SesChannel
from sunlight.notify.smtp import SmtpChannel

SENDER = "portal@example.gov.cn"
# The test relay takes a login without TLS (on 127.0.0.1); aiosmtpd warns about that.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _message(recipient: str = "supervision@example.gov.cn") -> Message:
    return Message(
        id=f"msg-{uuid.uuid4().hex[:8]}",
        channel="email",
        recipient=recipient,
        subject="新投诉 TS-20261224-000001",
        body="请在3个工作日内受理。",
        kind="new_complaint",
    )


def _sent_count() -> int:
    return int(boto3.client("ses").get_send_quota()["SentLast24Hours"])


def test_ses_sends_from_a_verified_identity(aws: str) -> None:
    boto3.client("sesv2").create_email_identity(EmailIdentity=SENDER)
    before = _sent_count()
    SesChannel(sender=SENDER).send(_message())
    SesChannel(sender=SENDER).send(_message("office@example.gov.cn"))
    assert _sent_count() == before + 2


def test_ses_rejection_of_an_unverified_sender_is_permanent(aws: str) -> None:
    before = _sent_count()
    with pytest.raises(DeliveryError) as info:
        SesChannel(sender="nobody@unverified.example.cn").send(_message())
    assert info.value.permanent
    assert _sent_count() == before


def test_ses_unreachable_is_retried_later(monkeypatch: pytest.MonkeyPatch, aws: str) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens on the discard port
    with pytest.raises(DeliveryError) as info:
        SesChannel(sender=SENDER, connect_timeout=1, attempts=1).send(_message())
    assert not info.value.permanent


def test_ses_refuses_what_is_not_an_address(aws: str) -> None:
    with pytest.raises(DeliveryError) as info:
        SesChannel(sender=SENDER).send(_message("https://hooks.example.cn/x"))
    assert info.value.permanent


class _Relay:
    """A real SMTP relay that wants a login and keeps what it accepts."""

    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password
        self.logins: list[str] = []
        self.messages: list[bytes] = []

    def __call__(self, server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        ok = isinstance(auth_data, LoginPassword) and (
            auth_data.login.decode(),
            auth_data.password.decode(),
        ) == (self.user, self.password)
        if ok:
            self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok)

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def relay():  # type: ignore[no-untyped-def]
    handler = _Relay("sunlight", "s3cr@t-pw")
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=_free_port(),
        authenticator=handler,
        auth_require_tls=False,
        auth_required=True,
    )
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def test_relay_url_from_an_ssm_secure_string(aws: str, relay) -> None:  # type: ignore[no-untyped-def]
    handler, port = relay
    url = f"smtp://sunlight:s3cr%40t-pw@127.0.0.1:{port}?from=portal@example.gov.cn"
    boto3.client("ssm").put_parameter(
        Name="/sunlight/smtp-url", Value=url, Type="SecureString", Overwrite=True
    )
    channel = SmtpRelayChannel(parameter="/sunlight/smtp-url")
    channel.send(_message())
    assert handler.logins == ["sunlight"]
    assert len(handler.messages) == 1 and b"TS-20261224-000001" in handler.messages[0].replace(b"=\r\n", b"")


def test_relay_url_from_secrets_manager(aws: str, relay) -> None:  # type: ignore[no-untyped-def]
    handler, port = relay
    name = f"sunlight/smtp-{uuid.uuid4().hex[:6]}"
    url = f"smtp://sunlight:s3cr%40t-pw@127.0.0.1:{port}"
    boto3.client("secretsmanager").create_secret(Name=name, SecretString=url)
    SmtpRelayChannel(secret=name).send(_message())
    assert handler.logins == ["sunlight"]


def test_relay_parameter_missing_is_retried_later(aws: str) -> None:
    with pytest.raises(DeliveryError) as info:
        SmtpRelayChannel(parameter="/sunlight/no-such-parameter").send(_message())
    assert not info.value.permanent
    assert "/sunlight/no-such-parameter" in info.value.reason


def test_bootstrap_chooses_the_mail_channel_from_the_environment(tmp_path) -> None:  # type: ignore[no-untyped-def]
    def email(env: dict[str, str]):  # type: ignore[no-untyped-def]
        return bootstrap.channels(bootstrap.Config.from_environment(env, data_dir=tmp_path)).get("email")

    assert email({}) is None
    assert isinstance(email({"SUNLIGHT_SMTP_URL": "smtp://127.0.0.1:1025"}), SmtpChannel)
    ses = email({"SUNLIGHT_MAIL": "ses", "SUNLIGHT_MAIL_FROM": SENDER})
    assert isinstance(ses, SesChannel) and ses.sender == SENDER
    relayed = email({"SUNLIGHT_MAIL": "smtp", "SUNLIGHT_SMTP_URL_PARAMETER": "/sunlight/smtp-url"})
    assert isinstance(relayed, SmtpRelayChannel) and relayed.parameter == "/sunlight/smtp-url"
    assert isinstance(email({"SUNLIGHT_SMTP_URL_SECRET": "sunlight/smtp"}), SmtpRelayChannel)
    with pytest.raises(ValueError, match="SUNLIGHT_MAIL_FROM"):
        email({"SUNLIGHT_MAIL": "ses"})
    with pytest.raises(ValueError, match="SUNLIGHT_MAIL"):
        email({"SUNLIGHT_MAIL": "pigeon"})
    with pytest.raises(ValueError, match="SUNLIGHT_SMTP_URL"):
        email({"SUNLIGHT_MAIL": "smtp"})


def test_ses_alert_carries_one_click_unsubscribe_headers() -> None:
    stop = "https://zfgs.example.cn/api/alerts/unsubscribe?token=ab.cd"
    alert = Message(
        id="a1", channel="email", recipient="a@example.cn", subject="新执法决定", body="b", kind="alert",
        payload={"list_unsubscribe": stop},
    )  # fmt: skip
    headers = SesChannel(sender=SENDER, client=object()).request(alert)["Content"]["Simple"]["Headers"]
    assert {"Name": "List-Unsubscribe", "Value": f"<{stop}>"} in headers
    assert {"Name": "List-Unsubscribe-Post", "Value": "List-Unsubscribe=One-Click"} in headers
