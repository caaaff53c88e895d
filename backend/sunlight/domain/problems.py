"""Problems found in input: one type shared by the content checker and the API.

A problem names where it is (file and line or row, or an API field), the field, and says
what is wrong in Chinese and in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one record.

    ``str(problem)`` gives the form operators read:
    ``content/decisions/2025-q3.csv:118: credit_code: 统一社会信用代码校验位错误 / check digit is wrong (91310114MA1GT35X1C)``
    """

    zh: str
    en: str
    file: str = ""
    line: int | None = None
    field: str = ""
    value: str = ""
    record_id: str = ""
    severity: str = "error"  # "error" or "warning"

    def location(self) -> str:
        if not self.file:
            return ""
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def message(self) -> str:
        return f"{self.zh} / {self.en}"

    def __str__(self) -> str:
        parts = [p for p in (self.location(), self.field) if p]
        text = self.message()
        if self.value:
            text += f" ({self.value})"
        return ": ".join([*parts, text])

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "id": self.record_id,
            "message": self.message(),
            "zh": self.zh,
            "en": self.en,
            "value": self.value,
            "severity": self.severity,
        }


@dataclass
class Problems:
    """An accumulator: validators add to it and go on, so one run reports every problem."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def error(self, zh: str, en: str, **where: object) -> None:
        self.items.append(Problem(zh, en, **where))  # type: ignore[arg-type]

    def warning(self, zh: str, en: str, **where: object) -> None:
        self.items.append(Problem(zh, en, severity="warning", **where))  # type: ignore[arg-type]

    def extend(self, other: Problems | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def __bool__(self) -> bool:
        return bool(self.errors)
