"""The domain stays pure: no framework, database, network or template import anywhere in it."""

from __future__ import annotations

import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[3] / "backend" / "sunlight" / "domain"
FORBIDDEN = {
    "chalice",
    "boto3",
    "botocore",
    "sqlite3",
    "pelican",
    "jinja2",
    "smtplib",
    "socket",
    "urllib",
    "http",
    "requests",
    "waitress",
    "sunlight.store",
    "sunlight.service",
    "sunlight.api",
}


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_domain_module_imports_an_adapter() -> None:
    modules = sorted(DOMAIN.glob("*.py"))
    assert len(modules) > 5
    for path in modules:
        bad = {n for n in imported(path) if any(n == f or n.startswith(f + ".") for f in FORBIDDEN)}
        assert not bad, f"{path.name} imports {sorted(bad)}"
