"""The domain stays pure: no framework, database, network, file, clock or template import anywhere in it,
and not the content loader (``sunlight.content``): it takes plain values and returns plain values."""

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
    "sunlight.content",  # the content loader reads files; the domain gets plain values
    "sunlight.bootstrap",
    "sunlight.clock",  # reads the real clock and the environment
    "sunlight.notify",
    "sunlight.publish",
    "os",
    "io",
    "pathlib",
    "shutil",
    "subprocess",
    "tempfile",
    "glob",
    "threading",
    "multiprocessing",
    "asyncio",
    "logging",
    "csv",
    "yaml",
    "uuid",
    "random",
    "secrets",
    "time",
}


def _type_only(tree: ast.AST) -> set[ast.AST]:
    """Nodes under ``if TYPE_CHECKING:``: annotations only, never imported at run time."""
    skipped: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in node.body:
                skipped.update(ast.walk(child))
    return skipped


def imported(path: Path) -> set[str]:
    """The modules ``path`` imports at run time."""
    names: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = _type_only(tree)
    for node in ast.walk(tree):
        if node in type_only:
            continue
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
