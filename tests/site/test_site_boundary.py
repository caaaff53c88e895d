"""The site build never reaches into the backend: it imports the shared pure code (``sunlight.domain``,
``sunlight.content``, ``sunlight.sitefiles``, ``sunlight.clock``) and reads the complaint figures
from the file ``sunlight stats export`` writes, so data flows one way."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from sunlight_site.build import BuildError, inspection_snapshot, stats_snapshot

SITE = Path(__file__).resolve().parents[2] / "site" / "sunlight_site"
BACKEND_ONLY = ("sunlight.service", "sunlight.store", "sunlight.api", "sunlight.bootstrap")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_sunlight_site_imports_nothing_of_the_backend() -> None:
    modules = sorted(SITE.rglob("*.py"))
    assert len(modules) > 20
    for path in modules:
        bad = {n for n in _imports(path) if any(n == f or n.startswith(f + ".") for f in BACKEND_ONLY)}
        assert not bad, f"{path.relative_to(SITE)} imports {sorted(bad)}"


def test_stats_come_from_the_exported_file(tmp_path: Path) -> None:
    row = {"office": "supervision", "office_name": "勤务监督处", "received": 3}
    path = tmp_path / "stats.json"
    path.write_text(
        json.dumps({"format": "sunlight-complaint-stats", "version": 1, "offices": [row]}), encoding="utf-8"
    )
    assert stats_snapshot(str(path)) == [row]
    assert stats_snapshot(None) is None


@pytest.mark.parametrize("content", [None, "not json", '{"offices": []}', "[1, 2]"])
def test_anything_else_is_refused_naming_the_command(tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "stats.json"
    if content is None:
        path = tmp_path  # a --data directory: the build does not open the store
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BuildError, match="sunlight stats export"):
        stats_snapshot(str(path))


def test_inspection_figures_come_from_the_same_file_and_older_files_have_none(tmp_path: Path) -> None:
    row = {"office": "squad-xinzhen", "registered": 2, "with_result": 1, "violations": 1, "flags": 0}
    path = tmp_path / "stats.json"
    document = {"format": "sunlight-complaint-stats", "version": 1, "offices": []}
    path.write_text(json.dumps(document), encoding="utf-8")
    assert inspection_snapshot(str(path)) is None  # written before inspection figures were exported
    path.write_text(json.dumps({**document, "inspections": [row]}), encoding="utf-8")
    assert inspection_snapshot(str(path)) == [row]
    path.write_text(json.dumps({**document, "inspections": "many"}), encoding="utf-8")
    with pytest.raises(BuildError, match="sunlight stats export"):
        inspection_snapshot(str(path))
