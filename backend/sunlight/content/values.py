"""Parsing of single cell values: dates, decimals, integers, booleans.

Cells come from CSV (strings), spreadsheets (``datetime``/``date``, ``int``/``float``),
JSONL and YAML (native values). Each parser accepts all of those and raises
:class:`ValueProblem` with a Chinese and an English message when it cannot; callers turn
that into a :class:`sunlight.domain.problems.Problem` naming file, line and field::

    try:
        decided_on = parse_date(cell)
    except ValueProblem as exc:
        problems.add(exc.problem(file=name, line=row, field="decided_on"))
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from sunlight.domain.problems import Problem

# Excel's 1900 date system: serial 1 is 1900-01-01, and day 60 is the fictitious 1900-02-29,
# so for every serial after 60 the epoch is 1899-12-30.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
_DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_SERIAL_RE = re.compile(r"^\d{1,7}(?:\.0+)?$")
_TRUE = frozenset({"true", "yes", "y", "1", "是", "对", "真"})
_FALSE = frozenset({"false", "no", "n", "0", "否", "错", "假", ""})


class ValueProblem(ValueError):
    """A value that cannot be read; carries the Chinese and English explanation."""

    def __init__(self, zh: str, en: str, value: object = "") -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
        self.value = "" if value is None else str(value)

    def problem(self, *, file: str = "", line: int | None = None, field: str = "", **extra: str) -> Problem:
        """The :class:`Problem` for this value at the given place."""
        return Problem(self.zh, self.en, file=file, line=line, field=field, value=self.value, **extra)


def is_blank(value: object) -> bool:
    """True for ``None`` and strings of only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def excel_serial_to_date(serial: float) -> dt.date:
    """The date of an Excel (1900 system) serial day number."""
    if isinstance(serial, bool) or not 1 <= serial <= _EXCEL_MAX_SERIAL:
        raise ValueProblem("日期序号超出范围", "spreadsheet date serial out of range", serial)
    whole = int(serial)
    if whole < 60:  # before Excel's fictitious 1900-02-29
        return dt.date(1899, 12, 31) + dt.timedelta(days=whole)
    return _EXCEL_EPOCH + dt.timedelta(days=whole)


def parse_date(value: object) -> dt.date:
    """A date from ``2025-09-28``, ``2025/9/28``, ``2025年9月28日``, a date cell or an Excel serial.

    A time part (``2025-09-28 00:00:00``, as spreadsheet exports write it) is ignored.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            value = int(value)  # a date-time serial: keep the day
        return excel_serial_to_date(value)
    if not isinstance(value, str):
        raise ValueProblem("不是日期", "not a date", value)
    text = value.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass  # fall through for the regular message
    match = _DATE_RE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueProblem("日期不存在", "no such date", value) from None
    if _SERIAL_RE.match(text):
        return excel_serial_to_date(float(text))
    raise ValueProblem(
        "日期格式应为 2025-09-28、2025/9/28 或 2025年9月28日",
        "date must look like 2025-09-28, 2025/9/28 or 2025年9月28日",
        value,
    )


def parse_decimal(value: object, *, minimum: Decimal | None = None) -> Decimal:
    """A decimal number; thousands separators (``1,000.50``) and a trailing 元 are allowed."""
    if isinstance(value, bool):
        raise ValueProblem("不是数字", "not a number", value)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").removesuffix("元").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueProblem("不是数字", "not a number", value) from None
    else:
        raise ValueProblem("不是数字", "not a number", value)
    if not number.is_finite():
        raise ValueProblem("不是有限数字", "not a finite number", value)
    if minimum is not None and number < minimum:
        raise ValueProblem(f"不得小于 {minimum}", f"must not be less than {minimum}", value)
    return number


def parse_int(value: object, *, minimum: int | None = None) -> int:
    """An integer; ``12.0`` from a spreadsheet counts, ``12.5`` does not."""
    if isinstance(value, bool):
        raise ValueProblem("不是整数", "not a whole number", value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+(?:\.0+)?\s*", value):
        number = int(float(value)) if "." in value else int(value)
    else:
        raise ValueProblem("不是整数", "not a whole number", value)
    if minimum is not None and number < minimum:
        raise ValueProblem(f"不得小于 {minimum}", f"must not be less than {minimum}", value)
    return number


def parse_bool(value: object) -> bool:
    """``true``/``false``, ``yes``/``no``, ``1``/``0``, ``是``/``否``; an empty cell is false."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueProblem("应为“是”或“否”", "must be yes or no", value)


def parse_float(value: object) -> float:
    """A float (coordinates)."""
    if isinstance(value, bool):
        raise ValueProblem("不是数字", "not a number", value)
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        raise ValueProblem("不是数字", "not a number", value) from None
