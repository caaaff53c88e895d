"""The SMTP channel against a real aiosmtpd server that is first down, then up."""

from __future__ import annotations

import pytest
from aiosmtpd.controller import Controller
from mail_helpers import Mailbox, free_port
from sunlight.notify import DeliveryError, Message
from sunlight.notify.smtp import SmtpChannel, SmtpSettings


def _message(n: int) -> Message:
    return Message(
        id=f"msg-{n}",
        channel="email",
        recipient="supervision@example.gov.cn",
        subject=f"新投诉 TS-20261224-{n:06d}",
        body=f"请在3个工作日内受理。编号 {n}",
        kind="new_complaint",
    )


def test_settings_from_url() -> None:
    s = SmtpSettings.from_url("smtps://user:p%40ss@mail.example.cn?from=portal@example.cn&starttls=1")
    assert (s.host, s.port, s.use_ssl, s.starttls) == ("mail.example.cn", 465, True, True)
    assert (s.username, s.password, s.sender) == ("user", "p@ss", "portal@example.cn")
    assert SmtpSettings.from_url("smtp://127.0.0.1:1025").port == 1025
    with pytest.raises(ValueError, match="SUNLIGHT_SMTP_URL"):
        SmtpSettings.from_url("http://127.0.0.1:1025")


def test_down_then_up_every_message_arrives_once() -> None:
    port = free_port()
    channel = SmtpChannel.from_url(f"smtp://127.0.0.1:{port}?timeout=2")
    pending = [_message(n) for n in range(5)]

    # Server down: every send fails with DeliveryError, nothing is dropped.
    still_pending = []
    for message in pending:
        with pytest.raises(DeliveryError) as info:
            channel.send(message)
        assert not info.value.permanent
        still_pending.append(message)

    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        for message in still_pending:
            channel.send(message)
    finally:
        controller.stop()

    ids = [m["X-Sunlight-Message-Id"] for m in handler.messages]
    assert sorted(ids) == [f"msg-{n}" for n in range(5)]
    first = next(m for m in handler.messages if m["X-Sunlight-Message-Id"] == "msg-0")
    assert first["Subject"] == "新投诉 TS-20261224-000000"
    assert first["To"] == "supervision@example.gov.cn"
    assert "请在3个工作日内受理" in first.get_content()


def test_bad_recipient_is_permanent() -> None:
    channel = SmtpChannel.from_url("smtp://127.0.0.1:9")
    bad = Message(id="x", channel="email", recipient="not-an-address", subject="s", body="b", kind="test")
    with pytest.raises(DeliveryError) as info:
        channel.send(bad)
    assert info.value.permanent


def test_alert_mail_carries_one_click_unsubscribe_headers() -> None:
    from sunlight.notify.smtp import SmtpChannel

    stop = "https://zfgs.example.cn/api/alerts/unsubscribe?token=ab.cd"
    alert = Message(
        id="a1", channel="email", recipient="a@example.cn", subject="新执法决定", body="b", kind="alert",
        payload={"list_unsubscribe": stop},
    )  # fmt: skip
    mail = SmtpChannel.from_url("smtp://127.0.0.1:2525").build(alert)
    # RFC 8058: an HTTPS URI in List-Unsubscribe and exactly this List-Unsubscribe-Post value
    assert mail["List-Unsubscribe"] == f"<{stop}>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    plain = SmtpChannel.from_url("smtp://127.0.0.1:2525").build(Message(
        id="a2", channel="email", recipient="a@example.cn", subject="s", body="b", kind="receipt"
    ))  # fmt: skip
    assert plain["List-Unsubscribe"] is None
