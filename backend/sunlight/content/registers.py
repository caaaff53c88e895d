"""Shared helper for the small tabular registers (``personnel.csv``, ``points.csv``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from sunlight.content.fields import Fields, source_name
from sunlight.content.tabular import TABULAR_SUFFIXES, UNREADABLE_SUFFIXES, read_table, unreadable_problem
from sunlight.domain.problems import Problem, Problems


def find_register(root: Path, stem: str) -> Path | None:
    """``root/<stem>.csv`` (or ``.xlsx``/``.jsonl``), the first that exists."""
    for suffix in TABULAR_SUFFIXES:
        path = root / f"{stem}{suffix}"
        if path.exists():
            return path
    return None


def register_rows(
    root: Path, stem: str, aliases: Mapping[str, str], required: tuple[str, ...], problems: Problems
) -> Iterator[Fields]:
    """One :class:`Fields` per row of the register; missing required columns are problems."""
    path = find_register(root, stem)
    if path is None:
        for suffix in UNREADABLE_SUFFIXES:
            if (root / f"{stem}{suffix}").is_file():
                problems.add(unreadable_problem(source_name(root, root / f"{stem}{suffix}")))
        return
    name = source_name(root, path)
    table = read_table(path, aliases, name=name)
    if path.suffix != ".jsonl" and table.keys:
        for key in required:
            if key not in table.keys:
                problems.add(
                    Problem("缺少必需的列", "required column is missing", file=name, line=1, field=key)
                )
    for row_no, row in table:
        yield Fields(row, name, problems, line=row_no)
    problems.extend(table.problems)


def enum_alias(f: Fields, key: str, mapping: Mapping[str, str], default: str) -> str:
    """A value given as the English key or a Chinese word, returned as the English key."""
    value = f.text(key)
    if not value:
        return default
    if value in mapping:
        return mapping[value]
    options = "、".join(dict.fromkeys(mapping))
    f.error(
        key, f"取值无效，应为:{options}", f"invalid value; one of: {', '.join(dict.fromkeys(mapping))}", value
    )
    return default
