"""What the build remembers about withdrawals for the next one: ``OUT/.sunlight-withdrawals.json``.

The feed may leave 撤下日期 (``withdrawn_on``) empty; the takedown date is then the build date
of the first build that hid the record (``sunlight.domain.withdrawals.takedown_dates``). To
know it, each build keeps the ids it showed and the takedown dates it knows::

    {"version": 1, "public": ["MC-1", ...], "withdrawn": {"MC-0": "2026-11-21", ...}}

Unlike the other dot files this one is an input of the next build: deleting it (or building
into a fresh folder) loses the remembered dates, and the notices of records withdrawn without a
撤下日期 in the feed then give no takedown date (nothing is guessed). Copying the file into a
fresh output folder gives the same pages as the build that wrote it. For a record whose date
matters, write it into the feed's 撤下日期 column: the feed always wins.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sunlight.domain.publication_results import WithdrawalNotice

MEMORY_FILE = ".sunlight-withdrawals.json"


@dataclass(frozen=True)
class WithdrawalMemory:
    remembered: dict[str, dt.date]
    public_before: frozenset[str] | None  # None: no previous build remembered


def read_memory(out_dir: Path) -> WithdrawalMemory:
    try:
        data = json.loads((out_dir / MEMORY_FILE).read_text("utf-8"))
        public = frozenset(str(i) for i in data["public"])
        remembered = {str(k): dt.date.fromisoformat(v) for k, v in data["withdrawn"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return WithdrawalMemory({}, None)
    return WithdrawalMemory(remembered, public)


def memory_text(public_ids: Iterable[str], notices: Iterable[WithdrawalNotice]) -> str:
    data = {
        "version": 1,
        "public": sorted(public_ids),
        "withdrawn": {
            n.id: n.withdrawn_on.isoformat() for n in sorted(notices, key=lambda n: n.id) if n.withdrawn_on
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
