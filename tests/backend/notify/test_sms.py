"""The SMS channel (#13): log-only by default, wired by bootstrap, ready for a gateway."""

from __future__ import annotations

from pathlib import Path

import pytest
from sunlight import bootstrap
from sunlight.notify import DeliveryError, Message
from sunlight.notify.sms import GatewaySmsChannel, LogSmsChannel


def _sms() -> Message:
    return Message(
        id="m1", channel="sms", recipient="13912345678", subject="", body="您的投诉已提交", kind="receipt"
    )


def _config(**env: str) -> bootstrap.Config:
    return bootstrap.Config.from_environment(env, data_dir=Path("/nonexistent"))


def test_bootstrap_wires_the_log_only_sms_channel_by_default() -> None:
    assert isinstance(bootstrap.channels(_config())["sms"], LogSmsChannel)
    assert "sms" not in bootstrap.channels(_config(SUNLIGHT_SMS="none"))
    with pytest.raises(ValueError, match="SUNLIGHT_SMS"):
        bootstrap.channels(_config(SUNLIGHT_SMS="carrier-pigeon"))


def test_a_gateway_gets_number_and_text_and_its_failures_are_retried() -> None:
    sent: list[tuple[str, str]] = []

    class Gateway:
        down = False

        def send_sms(self, phone: str, text: str) -> None:
            if self.down:
                raise ConnectionError("gateway unreachable")
            sent.append((phone, text))

    gateway = Gateway()
    channel = GatewaySmsChannel(gateway)
    channel.send(_sms())
    assert sent == [("13912345678", "您的投诉已提交")]
    gateway.down = True
    with pytest.raises(DeliveryError):
        channel.send(_sms())
