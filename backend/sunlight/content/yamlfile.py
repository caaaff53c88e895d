"""YAML files that remember where each item was, so problems name ``file:line``.

``load_yaml(path, name, problems)`` parses with a safe loader whose mappings are
:class:`LineMap` (a ``dict`` with ``.line``, the line of the mapping, and ``.key_lines``,
the line of each key) and whose sequences are :class:`LineList` (a ``list`` with ``.line``
and ``.item_lines``). Lines count from 1. A key given twice in one mapping is a problem
(plain YAML would silently keep the last one). A syntax error becomes a problem at its
line and the function returns ``None``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sunlight.domain.problems import Problem, Problems

try:  # the C parser when libyaml is there; construction stays in Python either way
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class LineMap(dict[Any, Any]):
    """A mapping read from YAML, with the line of the mapping and of each key."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[Any, int] = {}
        self.duplicates: list[tuple[Any, int]] = []

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence read from YAML, with the line of the sequence and of each item."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class LineLoader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader building :class:`LineMap` and :class:`LineList`."""


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Any:
    data = LineMap()
    data.line = node.start_mark.line + 1
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)  # type: ignore[no-untyped-call]
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark
            ) from None
        line = key_node.start_mark.line + 1
        if key in data:
            data.duplicates.append((key, line))
        data[key] = loader.construct_object(value_node, deep=True)  # type: ignore[no-untyped-call]
        data.key_lines[key] = line


def _construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> Any:
    data = LineList()
    data.line = node.start_mark.line + 1
    yield data
    for child in node.value:
        data.append(loader.construct_object(child, deep=True))  # type: ignore[no-untyped-call]
        data.item_lines.append(child.start_mark.line + 1)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date such as 2025-02-30 that does not exist stays text, so the field check names it."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def line_of(data: object, default: int | None = None) -> int | None:
    """The line where a YAML mapping or sequence starts (``default`` for scalars)."""
    return getattr(data, "line", default) or default


def parse_yaml(text: str, name: str, problems: Problems) -> Any:
    """Parse YAML text; ``None`` (and a problem) on a syntax error."""
    try:
        data = yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "syntax error"
        problems.add(Problem("YAML 格式错误", f"YAML syntax error: {what}", file=name, line=line))
        return None
    except yaml.YAMLError as exc:
        problems.add(Problem("YAML 格式错误", f"YAML syntax error: {exc}", file=name))
        return None
    _report_duplicates(data, name, problems)
    return data


def load_yaml(path: Path, name: str, problems: Problems) -> Any:
    """Read and parse a YAML file (UTF-8, BOM allowed); ``None`` (and a problem) when it cannot."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.add(Problem("文件应为 UTF-8 编码", "the file must be UTF-8 encoded", file=name))
        return None
    except OSError as exc:
        problems.add(Problem("无法读取文件", f"cannot read the file: {exc.strerror}", file=name))
        return None
    return parse_yaml(text, name, problems)


def load_required_yaml(path: Path, name: str, problems: Problems) -> Any:
    """Like :func:`load_yaml`, for a file that must say something: an empty file is a problem."""
    before = len(problems.items)
    data = load_yaml(path, name, problems)
    if data is None and len(problems.items) == before:
        problems.add(Problem("文件为空", "the file is empty", file=name, line=1))
    return data


def _report_duplicates(data: Any, name: str, problems: Problems) -> None:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, LineMap):
            for key, line in item.duplicates:
                problems.add(Problem("键重复", "key given twice", file=name, line=line, field=str(key)))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def load_optional_mapping(path: Path, name: str, problems: Problems) -> dict[str, Any] | None:
    """An optional YAML file that must hold a mapping: None when it is missing, unreadable or not a
    mapping (the last reported as 文件内容应为映射, line 1)."""
    if not path.exists():
        return None
    return _mapping(load_yaml(path, name, problems), name, problems)


def load_required_mapping(path: Path, name: str, problems: Problems) -> dict[str, Any] | None:
    """A YAML file the content must have, holding a mapping: None, with the problem reported, when
    it is missing (缺少 FILE), empty, unreadable or not a mapping."""
    if not path.exists():
        problems.add(Problem(f"缺少 {path.name}", f"{path.name} is missing", file=name))
        return None
    return _mapping(load_required_yaml(path, name, problems), name, problems)


def _mapping(data: Any, name: str, problems: Problems) -> dict[str, Any] | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.add(Problem("文件内容应为映射", "the file must hold a mapping", file=name, line=1))
        return None
    return data
