"""Stable ASCII slugs for Chinese category names (domains, power types, decision kinds).

Used in URLs such as ``/powers/domain/<slug>/`` and ``/feeds/domains/<slug>.atom``. A slug never
changes once published: known names have a fixed slug in the tables below; an unknown name gets a
deterministic fallback ``x-<first 8 hex digits of the SHA-1 of its UTF-8 bytes>``, so the same name
gives the same slug on every build and machine. ASCII names are lower-cased and hyphenated.
"""

from __future__ import annotations

import hashlib
import re

from sunlight.domain.decision_kinds import DECISION_KINDS

DOMAIN_SLUGS: dict[str, str] = {
    "市容环卫": "city-appearance",
    "绿化": "greening",
    "市政": "municipal",
    "环境保护": "environment",
    "水务": "water",
    "建设": "construction",
    "物业管理": "property",
    "城乡规划": "planning",
    "燃气": "gas",
    "交通": "transport",
    "公安交通": "traffic",
    "工商": "commerce",
    "食品安全": "food-safety",
    "房屋管理": "housing",
    "市场监管": "market",
    "其他": "other",
}

POWER_TYPE_SLUGS: dict[str, str] = {
    "行政处罚": "penalty",
    "行政强制": "coercion",
    "行政检查": "inspection",
    "行政许可": "licence",
    "行政征收": "levy",
    "行政给付": "benefit",
    "行政确认": "confirmation",
    "行政奖励": "reward",
    "行政裁决": "adjudication",
    "其他": "other",
}

# Decision kinds share most names with power types; the same slug for the same name.
DECISION_KIND_SLUGS: dict[str, str] = {name: POWER_TYPE_SLUGS[name] for name in DECISION_KINDS}

_ASCII_RE = re.compile(r"[^a-z0-9]+")


def fallback_slug(name: str) -> str:
    """A deterministic slug for a name no table knows."""
    text = name.strip()
    if text and text.isascii():
        slug = _ASCII_RE.sub("-", text.lower()).strip("-")
        if slug:
            return slug
    return "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _lookup(table: dict[str, str], name: str) -> str:
    return table.get(name.strip()) or fallback_slug(name)


def domain_slug(name: str) -> str:
    return _lookup(DOMAIN_SLUGS, name)


def power_type_slug(name: str) -> str:
    return _lookup(POWER_TYPE_SLUGS, name)


def decision_kind_slug(name: str) -> str:
    return _lookup(DECISION_KIND_SLUGS, name)
