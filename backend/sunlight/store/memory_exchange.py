"""The memory store's part of the 12345 exchange: partners and order links (``exchange_records``)."""

from __future__ import annotations

import threading

from sunlight.store.base import ConditionFailed
from sunlight.store.exchange_records import OrderLink, Partner, PartnerStore, PutOrderLink


class MemoryExchangeMixin(PartnerStore):
    _lock: threading.RLock
    partners: dict[str, Partner]
    order_links: dict[tuple[str, str], OrderLink]

    def _check_order_link(self, index: int, op: PutOrderLink, staged: dict[str, object]) -> None:
        key = f"x:{op.link.partner}\x00{op.link.order_no}"
        if key in staged or (op.link.partner, op.link.order_no) in self.order_links:
            raise ConditionFailed(index, op, "exists")
        staged[key] = op.link

    def _apply_order_link(self, link: OrderLink) -> None:
        self.order_links[(link.partner, link.order_no)] = link

    def put_partner(self, partner: Partner, expected_new: bool) -> None:
        with self._lock:
            if (partner.name in self.partners) == expected_new:
                raise ConditionFailed(0, partner, "exists" if expected_new else "missing")
            self.partners[partner.name] = partner

    def get_partner(self, name: str) -> Partner | None:
        with self._lock:
            return self.partners.get(name)

    def list_partners(self) -> list[Partner]:
        with self._lock:
            return [self.partners[k] for k in sorted(self.partners)]

    def get_order_link(self, partner: str, order_no: str) -> OrderLink | None:
        with self._lock:
            return self.order_links.get((partner, order_no))
