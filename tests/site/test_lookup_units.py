"""The identifier lookup's keys and shards (``sunlight_site.decisions.lookup``), without a build.

The table of variants is ``tests/fixtures/lookup/keys.json``; the browser test
``test_lookup_browser.py`` checks ``lookup.js`` against the same table.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from sunlight_site.decisions.lookup import (
    digits_for,
    fnv1a,
    keys_of,
    normalise,
    shard_digits,
    shard_files,
    shard_of,
    table,
)

KEYS = json.loads((Path(__file__).parents[1] / "fixtures/lookup/keys.json").read_text("utf-8"))
VARIANTS = [(g["key"], text) for g in KEYS["groups"] for text in g["inputs"]]


@pytest.mark.parametrize(("key", "text"), VARIANTS)
def test_every_variant_normalises_to_its_key(key: str, text: str) -> None:
    assert normalise(text) == key


def test_keys_of_different_groups_differ() -> None:
    keys = [g["key"] for g in KEYS["groups"]]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("vector", KEYS["fnv1a"])
def test_fnv1a_matches_the_reference_vectors(vector: dict[str, str]) -> None:
    assert f"{fnv1a(vector['input']):08x}" == vector["hash"]


def test_shard_is_the_first_hex_digits_of_the_hash() -> None:
    assert shard_of("foobar", 2) == "bf"  # FNV-1a("foobar") = bf9cf968
    assert shard_of("foobar", 3) == "bf9"
    assert shard_of("a", 1) == "e"


def test_shard_digits_grow_with_the_keys() -> None:
    assert shard_digits(0) == 1
    assert shard_digits(128 * 16) == 1  # 16 shards of 128 keys
    assert shard_digits(128 * 16 + 1) == 2
    assert shard_digits(128 * 4096) == 3
    assert shard_digits(10**9) == 4  # at most 65,536 shards
    assert digits_for(131) == 1  # the sample agency
    assert digits_for(100_000) == 3  # a city: 4,096 shards


def view(**fields: object) -> SimpleNamespace:
    base: dict[str, object] = {
        "id": "MC-2026-0080",
        "doc_no": "明城管罚决字〔2026〕第000051号",
        "party_type": "法人",
        "party_name": "江州天成物业服务有限公司",
        "credit_code": "91330110MAMUWXDXNR",
        "kind": "行政处罚",
        "decided_on": dt.date(2026, 10, 20),
    }
    base.update(fields)
    return SimpleNamespace(**base)


def test_keys_are_document_number_id_credit_code_and_organisation_name() -> None:
    assert keys_of(view()) == {
        "明城管罚决字2026-51",
        "MC2026-80",
        "91330110MAMUWXDXNR",
        "江州天成物业服务有限公司",
    }


def test_natural_persons_masked_name_is_no_key() -> None:
    assert keys_of(view(party_type="自然人", party_name="田某", credit_code="")) == {
        "明城管罚决字2026-51",
        "MC2026-80",
    }


def test_sole_trader_name_masked_is_no_key_but_a_shop_name_is() -> None:
    masked = view(party_type="个体工商户", party_name="李某水果店", credit_code="")
    assert "李某水果店" not in keys_of(masked)
    shop = view(party_type="个体工商户", party_name="明川区明远水果店", credit_code="")
    assert "明川区明远水果店" in keys_of(shop)


def test_company_name_is_a_key_as_it_is() -> None:
    assert "江州市某甲建材有限公司" in keys_of(view(party_name="江州市某甲建材有限公司"))


def test_table_lists_every_decision_of_a_shared_key() -> None:
    a = view()
    b = view(id="MC-2026-0090", doc_no="明城管罚决字〔2026〕第000060号", decided_on=dt.date(2026, 11, 1))
    keys = table([b, a])
    assert keys["91330110MAMUWXDXNR"] == [
        (
            "MC-2026-0090",
            "明城管罚决字〔2026〕第000060号",
            "江州天成物业服务有限公司",
            "行政处罚",
            "2026-11-01",
        ),
        (
            "MC-2026-0080",
            "明城管罚决字〔2026〕第000051号",
            "江州天成物业服务有限公司",
            "行政处罚",
            "2026-10-20",
        ),
    ]
    assert [e[0] for e in keys["MC2026-80"]] == ["MC-2026-0080"]


def test_shard_files_put_each_key_in_the_shard_of_its_hash() -> None:
    keys = table(
        [view(), view(id="X-1", doc_no="明城管罚决字〔2026〕第000099号", credit_code="", party_name="某甲")]
    )
    files = dict(shard_files(keys, 2))
    found: dict[str, str] = {}
    for rel, data in files.items():
        assert rel.startswith("data/lookup/") and rel.endswith(".json")
        for key in json.loads(data):
            found[key] = rel
    assert set(found) == set(keys)
    # FNV-1a of the key's UTF-8 bytes, computed here by hand, not by the module
    h = 0x811C9DC5
    for byte in b"MC2026-80":
        h = ((h ^ byte) * 16777619) % 2**32
    assert found["MC2026-80"] == f"data/lookup/{h:08x}"[:14] + ".json"


def test_shard_files_are_the_same_bytes_for_the_same_keys_in_any_order() -> None:
    a, b = view(), view(id="MC-2026-0091", doc_no="明城管罚决字〔2026〕第000061号", credit_code="")
    assert list(shard_files(table([a, b]), 1)) == list(shard_files(dict(reversed(table([a, b]).items())), 1))
