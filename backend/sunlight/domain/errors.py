"""Typed errors of the complaint domain and service: a ``code`` and a Chinese and English text
(``field`` names the API field path; ``Invalid`` lists every problem found).

They say nothing of HTTP: the API maps each code to one status in ``sunlight.api.errors``.
"""

from __future__ import annotations

from sunlight.domain.problems import Problem


class DomainError(Exception):
    code = "error"

    def __init__(self, zh: str, en: str, field: str = "") -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
        self.field = field

    @property
    def message(self) -> str:
        return f"{self.zh} / {self.en}"


class Invalid(DomainError):
    """Bad input. ``problems`` holds every problem found; the first one names ``field``."""

    code = "invalid"

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("Invalid needs at least one problem")
        first = problems[0]
        super().__init__(first.zh, first.en, first.field)
        self.problems = list(problems)


class Unauthorized(DomainError):
    code = "unauthorized"


class Forbidden(DomainError):
    code = "forbidden"


class NotFound(DomainError):
    code = "not_found"


class Conflict(DomainError):
    code = "conflict"


class RateLimited(DomainError):
    code = "rate_limited"

    def __init__(self, zh: str, en: str, retry_after: int = 60) -> None:
        super().__init__(zh, en)
        self.retry_after = retry_after
