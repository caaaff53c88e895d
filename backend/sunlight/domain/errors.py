"""Typed errors of the complaint domain and service; the API maps each to one HTTP status.

| error | status |
| --- | --- |
| ``Invalid`` | 422 (``field`` names the API field path) |
| ``Unauthorized`` | 401 |
| ``Forbidden`` | 403 |
| ``NotFound`` | 404 |
| ``Conflict`` | 409 |
| ``RateLimited`` | 429 (``retry_after`` seconds) |
"""

from __future__ import annotations

from sunlight.domain.problems import Problem


class DomainError(Exception):
    code = "error"
    status = 400

    def __init__(self, zh: str, en: str, field: str = "") -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
        self.field = field

    @property
    def message(self) -> str:
        return f"{self.zh} / {self.en}"

    def to_dict(self) -> dict[str, object]:
        body: dict[str, object] = {"code": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        return {"error": body}


class Invalid(DomainError):
    """Bad input. ``problems`` holds every problem found; the first one names ``field``."""

    code = "invalid"
    status = 422

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("Invalid needs at least one problem")
        first = problems[0]
        super().__init__(first.zh, first.en, first.field)
        self.problems = list(problems)

    def to_dict(self) -> dict[str, object]:
        body = super().to_dict()
        body["error"]["problems"] = [  # type: ignore[index]
            {"field": p.field, "message": p.message()} for p in self.problems
        ]
        return body


class Unauthorized(DomainError):
    code = "unauthorized"
    status = 401


class Forbidden(DomainError):
    code = "forbidden"
    status = 403


class NotFound(DomainError):
    code = "not_found"
    status = 404


class Conflict(DomainError):
    code = "conflict"
    status = 409


class RateLimited(DomainError):
    code = "rate_limited"
    status = 429

    def __init__(self, zh: str, en: str, retry_after: int = 60) -> None:
        super().__init__(zh, en)
        self.retry_after = retry_after
