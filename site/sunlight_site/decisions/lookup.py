"""The identifier lookup: a public decision found by what is in its owner's hand, without a server.

Keys: a decision's 决定文书号, its record id (记录编号), its party's 统一社会信用代码 and, for an
organisation (法人, 非法人组织, 个体工商户), its party name as published. A natural person's name is
published masked (张某): it is no key, and neither is a 个体工商户's name in which the person's
name it is registered under was masked (李某水果店).

Each key is normalised by ``normalise`` (``sunlight.domain.identifiers``, mirrored in ``theme/static/js/lookup.js``; both are
tested against ``tests/fixtures/lookup/keys.json``), hashed with 32-bit FNV-1a over its UTF-8
bytes, and the first ``digits`` hex digits of the hash name its shard,
``/data/lookup/<hex>.json``: ``{key: [[id, 文书号, 当事人, 类别, 决定日期], ...]}``. The browser
normalises the query the same way and fetches the one shard that can hold it. ``digits`` grows
with the number of public decisions so that a shard holds at most about ``KEYS_PER_SHARD`` keys
(a few KB), from a small agency (16 shards) to a city of 100,000 decisions (4,096 shards); the
pages that look up carry it (``data-lookup-digits``).

Only the build's public decisions are keys: a withdrawn or held-back decision is in no shard.
Shards go through the site's writer: a rebuild rewrites only the shards whose bytes changed,
and one no key falls into any more is deleted with the rest of the previous build's leftovers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sunlight.domain.identifiers import normalise_identifier
from sunlight.domain.masking import MASK
from sunlight.domain.publication_results import ORGANISATIONS

DIRECTORY = "data/lookup"
KEYS_PER_SHARD = 128
MAX_DIGITS = 4

normalise = normalise_identifier  # the lookup key of a text


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of ``text``'s UTF-8 bytes."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_of(key: str, digits: int) -> str:
    """The shard (``digits`` lower-case hex digits) that holds ``key``."""
    return f"{fnv1a(key):08x}"[:digits]


def shard_digits(keys: int, per_shard: int = KEYS_PER_SHARD) -> int:
    """The fewest hex digits (1 to ``MAX_DIGITS``) that spread ``keys`` at about ``per_shard``
    keys a shard."""
    digits = 1
    while digits < MAX_DIGITS and keys > per_shard * 16**digits:
        digits += 1
    return digits


def digits_for(decisions: int) -> int:
    """The shard digits for ``decisions`` public decisions (at most four keys each): known before
    the keys are made, so that the pages that look up can say it."""
    return shard_digits(4 * decisions)


def keys_of(view: Any) -> set[str]:
    """The keys of a decision view (``sunlight_site.decisions.views.DecisionView``)."""
    raw = [view.doc_no, view.id, view.credit_code]
    masked = view.party_type == "个体工商户" and MASK in view.party_name  # 李某水果店
    if view.party_type in ORGANISATIONS and not masked:
        raw.append(view.party_name)
    return {k for k in (normalise(r) for r in raw if r) if k}


Entry = tuple[str, str, str, str, str]


def table(views: Iterable[Any]) -> dict[str, list[Entry]]:
    """Key -> the decisions it finds (newest first when ``views`` are), for the public ``views``."""
    out: dict[str, list[Entry]] = {}
    for v in views:
        entry = (v.id, v.doc_no, v.party_name, v.kind, v.decided_on.isoformat())
        for key in keys_of(v):
            out.setdefault(key, []).append(entry)
    return out


def shard_files(keys: dict[str, list[Entry]], digits: int) -> Iterator[tuple[str, bytes]]:
    """(path under the site, bytes) of each shard that holds a key, in path order; keys sorted."""
    shards: dict[str, list[str]] = {}
    for key in keys:
        shards.setdefault(shard_of(key, digits), []).append(key)
    for name in sorted(shards):
        doc = {key: keys[key] for key in sorted(shards[name])}
        data = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        yield f"{DIRECTORY}/{name}.json", data.encode("utf-8")


def write(writer: Any, views: Sequence[Any], digits: int) -> int:
    """Write the lookup of ``views`` through the site's ``writer`` in shards of ``digits`` hex
    digits (``digits_for``); returns the number of shards."""
    keys = table(views)
    count = 0
    for rel, data in shard_files(keys, digits):
        writer.write_bytes(rel, data)
        count += 1
    return count
