"""What the stores keep for the 12345 exchange (docs/exchange.md): partner accounts and the link of each
work order to its complaint.

- ``Partner``: the name (``12345``), the webhook URL and the secret *sealed* with the access-code key
  (``sunlight.service.partner_secrets``): the secret must be recoverable to compute HMACs, so it
  cannot be hashed; a copy of the store alone does not reveal it.
- ``OrderLink``: (partner, order number) -> tracking number, written by ``PutOrderLink`` in the
  same transaction as the complaint (must not exist): of two deliveries of one order exactly one
  files a complaint, the other reads the link.

Replays of a signed request are refused with the store's counters (``increment_counter``), which
expire on their own after the window.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True)
class Partner:
    name: str
    webhook: str
    sealed_secret: str
    created_at: dt.datetime
    rotated_at: dt.datetime | None = None


@dataclass(frozen=True)
class OrderLink:
    partner: str
    order_no: str
    tracking_no: str
    created_at: dt.datetime


@dataclass(frozen=True)
class PutOrderLink:
    """A transaction op: the link must not exist yet."""

    link: OrderLink


class PartnerStore(ABC):
    """The exchange's part of the store interface (``sunlight.store.base.Store`` inherits it)."""

    @abstractmethod
    def put_partner(self, partner: Partner, expected_new: bool) -> None:
        """Write ``partner``: a new name (``expected_new``) or an existing one (a rotated secret, a new
        webhook); ``ConditionFailed`` otherwise."""

    @abstractmethod
    def get_partner(self, name: str) -> Partner | None: ...

    @abstractmethod
    def list_partners(self) -> list[Partner]:
        """Every partner, by name."""

    @abstractmethod
    def get_order_link(self, partner: str, order_no: str) -> OrderLink | None: ...
