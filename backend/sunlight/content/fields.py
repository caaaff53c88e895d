"""Reading the fields of one record (a YAML mapping or a table row) with problems on the side.

Every reader method returns a usable value (a default when the field is missing or wrong)
and adds a :class:`Problem` naming file, line and field, so a loader goes on and one run
reports every problem::

    f = Fields(item, name, problems)
    f.allow("code", "name", "type")        # any other key is an unknown-field error
    code = f.text("code", required=True)
    kind = f.enum("type", POWER_TYPES, required=True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from sunlight.content.values import (
    ValueProblem,
    is_blank,
    parse_date,
    parse_decimal,
    parse_float,
    parse_int,
)
from sunlight.content.yamlfile import LineList, LineMap
from sunlight.domain.problems import Problem, Problems

T = TypeVar("T")


class Fields:
    """The fields of one record; ``line`` is used when the data does not know its own lines."""

    def __init__(
        self,
        data: Mapping[str, Any],
        file: str,
        problems: Problems,
        *,
        line: int | None = None,
        record_id: str = "",
    ) -> None:
        self.data = data
        self.file = file
        self.problems = problems
        self.line = data.line if isinstance(data, LineMap) else line
        self.record_id = record_id

    def key_lines(self) -> dict[str, int]:
        """The line of each key (YAML only; empty for table rows)."""
        return {str(k): v for k, v in self.data.key_lines.items()} if isinstance(self.data, LineMap) else {}

    def line_of(self, key: str) -> int | None:
        if isinstance(self.data, LineMap):
            return self.data.line_of(key)
        return self.line

    def error(self, key: str, zh: str, en: str, value: object = "", *, line: int | None = None) -> None:
        self.problems.add(
            Problem(
                zh,
                en,
                file=self.file,
                line=line if line is not None else self.line_of(key),
                field=key,
                value="" if value is None else str(value),
                record_id=self.record_id,
            )
        )

    def warning(self, key: str, zh: str, en: str, value: object = "") -> None:
        self.problems.add(
            Problem(
                zh,
                en,
                file=self.file,
                line=self.line_of(key),
                field=key,
                value=str(value),
                record_id=self.record_id,
                severity="warning",
            )
        )

    def allow(self, *keys: str) -> None:
        """Every key not in ``keys`` is an error: a typo must not pass silently."""
        allowed = set(keys)
        for key in self.data:
            if key not in allowed:
                self.error(str(key), "未知字段(拼写错误？)", "unknown field (a typo?)")

    def has(self, key: str) -> bool:
        return not is_blank(self.data.get(key))

    def _missing(self, key: str) -> None:
        self.error(key, "必填字段缺失", "required field is missing")

    def _parse(self, key: str, parse: Callable[[object], T], required: bool) -> T | None:
        value = self.data.get(key)
        if is_blank(value):
            if required:
                self._missing(key)
            return None
        try:
            return parse(value)
        except ValueProblem as exc:
            self.problems.add(
                exc.problem(file=self.file, line=self.line_of(key), field=key, record_id=self.record_id)
            )
            return None

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(key)
        if is_blank(value):
            if required:
                self._missing(key)
            return default
        if isinstance(value, (dict, list)):
            self.error(key, "应为文字，不能是列表或映射", "must be text, not a list or mapping")
            return default
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value).strip()

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        return self._parse(key, parse_date, required)

    def integer(self, key: str, *, required: bool = False, minimum: int | None = None) -> int | None:
        return self._parse(key, lambda v: parse_int(v, minimum=minimum), required)

    def decimal(self, key: str, *, required: bool = False, minimum: Decimal | None = None) -> Decimal | None:
        return self._parse(key, lambda v: parse_decimal(v, minimum=minimum), required)

    def number(self, key: str, *, required: bool = False) -> float | None:
        return self._parse(key, parse_float, required)

    def enum(self, key: str, choices: Iterable[str], *, default: str = "", required: bool = False) -> str:
        value = self.text(key, required=required, default=default)
        options = tuple(choices)
        if value and value not in options:
            self.error(
                key,
                f"取值无效，应为:{'、'.join(options)}",
                f"invalid value; one of: {', '.join(options)}",
                value,
            )
            return default
        return value

    def texts(self, key: str) -> list[str]:
        """A list of strings; a single string counts as a one-item list."""
        value = self.data.get(key)
        if is_blank(value):
            return []
        if isinstance(value, str):
            return [value.strip()]
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) or v is None for v in value):
            self.error(key, "应为文字列表", "must be a list of text")
            return []
        return [str(v).strip() for v in value]

    def mapping(self, key: str, *, required: bool = False) -> LineMap | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        if not isinstance(value, dict):
            self.error(key, "应为映射(键: 值)", "must be a mapping (key: value)")
            return None
        return value  # type: ignore[return-value]

    def records(self, key: str, *, required: bool = False) -> list[tuple[int | None, LineMap]]:
        """A list of mappings, each with its line; items that are not mappings are errors."""
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return []
        if not isinstance(value, list):
            self.error(key, "应为列表", "must be a list")
            return []
        out: list[tuple[int | None, LineMap]] = []
        for index, item in enumerate(value):
            line = value.line_of(index) if isinstance(value, LineList) else self.line_of(key)
            if isinstance(item, dict):
                out.append((line, item))  # type: ignore[arg-type]
            else:
                self.error(
                    f"{key}[{index + 1}]", "应为映射(键: 值)", "must be a mapping (key: value)", line=line
                )
        return out


def items_of(data: Any, file: str, problems: Problems, *, list_key: str | None = None) -> list[LineMap]:
    """The mappings of a YAML file holding one mapping, a list of them, or ``{list_key: [...]}``."""
    if data is None:
        return []
    if isinstance(data, dict) and list_key is not None and list_key in data and len(data) == 1:
        data = data[list_key]
    if isinstance(data, dict):
        return [data]  # type: ignore[list-item]
    if isinstance(data, list):
        out: list[LineMap] = []
        for index, item in enumerate(data):
            if isinstance(item, dict):
                out.append(item)  # type: ignore[arg-type]
            else:
                line = data.line_of(index) if isinstance(data, LineList) else None
                problems.add(
                    Problem(
                        "每一项应为映射(键: 值)",
                        "each item must be a mapping (key: value)",
                        file=file,
                        line=line,
                    )
                )
        return out
    problems.add(Problem("文件内容应为映射或列表", "the file must hold a mapping or a list", file=file))
    return []


def check_unique(records: Iterable[Any], key: str, problems: Problems, *, zh_what: str, en_what: str) -> None:
    """Each value of ``record.<key>`` given once; repeats are errors at the repeating record."""
    first: dict[str, Any] = {}
    for record in records:
        value = getattr(record, key)
        if not value:
            continue
        if value in first:
            other = first[value]
            problems.add(
                Problem(
                    f"{zh_what}重复(首次出现于 {other.source}:{other.line})",
                    f"duplicate {en_what} (first at {other.source}:{other.line})",
                    file=record.source,
                    line=record.line_of(key) if hasattr(record, "line_of") else record.line,
                    field=key,
                    value=str(value),
                )
            )
        else:
            first[value] = record


def source_name(root: Path, path: Path) -> str:
    """How problems name a file: relative to the content root's parent (``content/powers/a.yaml``)."""
    try:
        return (Path(root.name) / path.relative_to(root)).as_posix()
    except ValueError:
        return path.as_posix()
