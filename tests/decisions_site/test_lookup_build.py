"""The identifier lookup a build writes (``/data/lookup/``): public decisions only, and a rebuild
rewrites only the shards whose content changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from decisions_fixture import NATURAL_PERSON, ORG_CODE, PARTY_ORG, TODAY, decision_rows, row, write_feed

pytestmark = pytest.mark.slow

# Withdrawn (撤销, 变更, 信用修复, 公示期满) and held back (personal numbers in free text).
NOT_PUBLIC = [
    "MC2026-0007",
    "MC2026-0008",
    "MC2026-0009",
    "MC2022-0010",
    "MC2026-0004",
    "MC2026-0005",
    "MC2026-0006",
]


def shards(site: Path) -> dict[str, dict[str, list[list[str]]]]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in sorted((site / "data/lookup").glob("*.json"))}


def entries(site: Path) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for doc in shards(site).values():
        out.update(doc)
    return out


def test_public_decision_is_found_by_each_of_its_keys(built_site: Path) -> None:
    keys = entries(built_site)
    for key in ("明城管罚决字2026-1", "MC2026-1", ORG_CODE, PARTY_ORG):  # 〔2026〕第0001号; MC2026-0001
        assert [e[0] for e in keys[key]] == ["MC2026-0001"], key
    assert keys["MC2026-1"][0] == [
        "MC2026-0001",
        "明城管罚决字〔2026〕第0001号",
        PARTY_ORG,
        "行政处罚",
        "2026-10-10",
    ]


def test_withdrawn_and_held_back_decisions_are_in_no_shard(built_site: Path) -> None:
    text = "".join((built_site / "data/lookup" / name).read_text("utf-8") for name in shards(built_site))
    for decision_id in NOT_PUBLIC:
        assert decision_id not in text
    assert "江州市撤销测试有限公司" not in text
    assert "江州市某甲建材有限公司" not in text  # held back: its name is no key either


def test_natural_persons_are_found_by_document_number_only(built_site: Path) -> None:
    keys = entries(built_site)
    assert [e[0] for e in keys["明城管罚决字2026-2"]] == ["MC2026-0002"]
    assert "张某" not in keys
    text = json.dumps(keys, ensure_ascii=False)
    assert NATURAL_PERSON not in text


def test_pages_that_look_up_say_the_shard_digits(built_site: Path) -> None:
    digits = len(next(iter(shards(built_site))).removesuffix(".json"))
    assert f'data-lookup-digits="{digits}"' in (built_site / "decisions/index.html").read_text("utf-8")
    assert f'data-lookup-digits="{digits}"' in (built_site / "search/index.html").read_text("utf-8")
    assert 'id="lookup"' not in (built_site / "decisions/page/2/index.html").read_text("utf-8")


def test_rebuild_rewrites_only_the_shards_that_changed(fixture_content: Path, private_tmp: Path) -> None:
    from sunlight_site.build import build_site

    content = private_tmp / "content"
    shutil.copytree(fixture_content, content)
    site = private_tmp / "site"
    build_site(content, site, TODAY, search=False)
    before = {name: (site / "data/lookup" / name).stat().st_mtime_ns for name in shards(site)}
    old = shards(site)

    rows = decision_rows()
    rows.append(row(id="MC2026-3000", doc_no="明城管罚决字〔2026〕第3000号", party_name="江州市新来商店", party_type="个体工商户", facts="当事人占道经营。",
                    decided_on="2026-11-10", published_on="2026-11-12"))  # fmt: skip
    write_feed(content, rows)
    build_site(content, site, TODAY, search=False)
    new = shards(site)
    changed = sorted(name for name in new if new[name] != old.get(name))
    assert changed and len(changed) <= 3  # the new decision's keys: 文书号, id, name
    for name in new:
        mtime = (site / "data/lookup" / name).stat().st_mtime_ns
        assert (mtime == before.get(name)) == (name not in changed), name
    assert [e[0] for e in entries(site)["江州市新来商店"]] == ["MC2026-3000"]
