"""Splitting a list into pages with pretty URLs: ``/x/``, ``/x/page/2/``, ``/x/page/3/`` ...

``paginate(items, per_page, base_url)`` gives one ``Pager`` per page; templates render it with the
``pagination`` macro of ``macros.html``. An empty list still gives one (empty) page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    base_url: str
    items: Sequence[Any]
    total: int

    def url(self, number: int) -> str:
        return self.base_url if number == 1 else f"{self.base_url}page/{number}/"

    @property
    def path(self) -> str:
        """The output file of this page, relative to the site root."""
        return self.url(self.number).lstrip("/") + "index.html"

    @property
    def previous_url(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None

    def window(self, size: int = 2) -> list[int | None]:
        """Page numbers to show: first, last and ``size`` either side of this one; None is a gap."""
        shown = sorted(
            {1, self.count, *range(max(1, self.number - size), min(self.count, self.number + size) + 1)}
        )
        out: list[int | None] = []
        for n in shown:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out


def paginate(items: Sequence[Any], per_page: int, base_url: str) -> list[Pager]:
    if not base_url.endswith("/"):
        base_url += "/"
    count = max(1, -(-len(items) // per_page))
    return [
        Pager(n, count, base_url, items[(n - 1) * per_page : n * per_page], len(items))
        for n in range(1, count + 1)
    ]
