"""docs/content-contract.md documents every field the loaders accept (an undocumented key fails)."""

from __future__ import annotations

import re
from pathlib import Path

from sunlight.content import (
    agency,
    complaints,
    credit_export,
    exemptions,
    inspections,
    offices,
    pages,
    personnel,
    points,
    powers,
    stats,
    supervision,
)

DOC = (Path(__file__).resolve().parents[2] / "docs" / "content-contract.md").read_text(encoding="utf-8")
PROSE = re.sub(r"```.*?```", "", DOC, flags=re.S)  # fenced examples aside
CODE_SPANS = set(re.findall(r"`([^`]+)`", PROSE))
WORDS = set(re.findall(r"[A-Za-z_]+", " ".join(CODE_SPANS)))


def test_every_yaml_key_is_documented() -> None:
    keys = {
        *agency.AGENCY_KEYS, *agency.PUBLICATION_KEYS, *offices.OFFICE_KEYS, *powers.POWER_KEYS,
        *inspections.PLAN_KEYS, *inspections.RESULT_KEYS, *exemptions.ITEM_KEYS, *exemptions.LISTS,
        *stats.STATS_KEYS, *stats.OUTCOME_KEYS, *complaints.CATEGORY_KEYS, *complaints.MATCH_KEYS,
        *complaints.SETTINGS, "holidays", "workdays", "feedback_categories", "routing", "handler",
        *supervision.BLOCKS, *(k for keys in supervision.SETTINGS.values() for k in keys),
        *credit_export.ITEM_KEYS, "columns", "penalties", "licences",
    }  # fmt: skip
    missing = sorted(k for k in keys if k not in WORDS)
    assert missing == []


def test_every_table_column_and_label_is_documented() -> None:
    for module in (personnel, points):
        for label, key in module.ALIASES.items():
            assert key in WORDS, key
            assert label in DOC, label


def test_every_page_metadata_key_is_documented() -> None:
    documented = {w.lower() for w in re.findall(r"[A-Za-z_]+", DOC)}
    assert sorted(k for k in pages.KNOWN_KEYS if k not in documented) == []
