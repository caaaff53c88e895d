"""The small fixture agency built with a fixed date equals the committed golden files."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from refresh import CHOSEN, EXPECTED, build_fixture, expected_name

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    build_fixture(out)
    return out


@pytest.mark.parametrize("rel", CHOSEN)
def test_matches_golden_file(built: Path, rel: str) -> None:
    expected = EXPECTED / expected_name(rel)
    assert expected.exists(), f"no golden file for {rel}: run `make golden`"
    actual = (built / rel).read_text("utf-8")
    wanted = expected.read_text("utf-8")
    if actual != wanted:
        diff = "".join(
            difflib.unified_diff(wanted.splitlines(True), actual.splitlines(True), "expected", "built", n=2)
        )
        pytest.fail(f"{rel} differs from its golden file (run `make golden` if intended):\n{diff[:4000]}")
