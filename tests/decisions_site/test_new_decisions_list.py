"""The build's private list of newly published decisions, read by ``sunlight alerts send``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from decisions_fixture import TODAY


def test_first_build_lists_nothing_next_build_lists_what_is_new(built_site: Path, fixture_content: Path, private_tmp: Path) -> None:  # fmt: skip
    from sunlight_site.build import build_site

    first = json.loads((built_site / ".sunlight-new-decisions.json").read_text("utf-8"))
    assert first == {"version": 1, "decisions": []}  # a first build mails no one about old decisions
    out = private_tmp / "out"
    shutil.copytree(built_site, out)
    # the previous build did not show MC2026-0001 (as if it was published since)
    memory = json.loads((out / ".sunlight-withdrawals.json").read_text("utf-8"))
    memory["public"].remove("MC2026-0001")
    (out / ".sunlight-withdrawals.json").write_text(json.dumps(memory), "utf-8")
    build_site(fixture_content, out, TODAY, search=False)
    again = json.loads((out / ".sunlight-new-decisions.json").read_text("utf-8"))
    [row] = again["decisions"]
    assert row["id"] == "MC2026-0001" and row["url"] == "/decisions/MC2026-0001/"
    assert row["office"] == "brigade-east" and row["doc_no"] == "明城管罚决字〔2026〕第0001号"
    from sunlight.sitefiles import is_build_private

    assert is_build_private(".sunlight-new-decisions.json")
