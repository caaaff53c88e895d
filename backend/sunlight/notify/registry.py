"""Channels by name: the outbox hands every message to the channel its ``channel`` names."""

from __future__ import annotations

from collections.abc import Iterable

from sunlight.notify.base import Channel, DeliveryError, Message


class Channels:
    """A small registry: ``send(message)`` picks the channel named by ``message.channel``."""

    name = "registry"

    def __init__(self, channels: Iterable[Channel] = ()) -> None:
        self._by_name: dict[str, Channel] = {c.name: c for c in channels}

    def add(self, channel: Channel) -> None:
        self._by_name[channel.name] = channel

    def names(self) -> list[str]:
        return sorted(self._by_name)

    def get(self, name: str) -> Channel | None:
        return self._by_name.get(name)

    def send(self, message: Message) -> None:
        channel = self._by_name.get(message.channel)
        if channel is None:
            # Not permanent: configuring the channel later (e.g. SUNLIGHT_SMTP_URL) delivers it.
            raise DeliveryError(f"no channel configured for {message.channel!r}")
        channel.send(message)
