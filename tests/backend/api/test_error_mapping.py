"""Errors to HTTP in ONE place: the domain's errors carry a code and zh/en text only; the API's
``STATUS`` table gives each code its status, and one function builds every JSON error body (the
routes, the WSGI gateway and waitress's own errors)."""

from __future__ import annotations

import io
import json

from sunlight.api import errors as api_errors
from sunlight.api.errors import STATUS, domain_error_response, error_body, error_json
from sunlight.api.gateway import ChaliceWSGI
from sunlight.domain import errors as domain_errors
from sunlight.domain.errors import Conflict, DomainError, Invalid, RateLimited
from sunlight.domain.problems import Problem


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def test_the_domain_says_nothing_of_http() -> None:
    for cls in [DomainError, *_subclasses(DomainError)]:
        assert not hasattr(cls, "status"), cls
        assert not hasattr(cls, "to_dict"), cls


def test_every_error_code_has_its_status_written_out() -> None:
    expected = {
        "invalid": 422,
        "unauthorized": 401,
        "forbidden": 403,
        "not_found": 404,
        "conflict": 409,
        "rate_limited": 429,
        "bad_request": 400,
        "too_large": 413,
        "unsupported_media_type": 415,
    }
    classes = [
        *(
            getattr(domain_errors, n)
            for n in ("Invalid", "Unauthorized", "Forbidden", "NotFound", "Conflict", "RateLimited")
        ),
        *(getattr(api_errors, n) for n in ("BadRequest", "TooLarge", "UnsupportedMediaType")),
    ]
    assert {cls.code: STATUS[cls.code] for cls in classes} == expected


def test_a_domain_error_response() -> None:
    response = domain_error_response(
        Conflict("每件投诉只能延期一次", "a complaint can be extended once only", "action")
    )
    assert response.status_code == 409
    assert json.loads(response.body) == {
        "error": {
            "code": "conflict",
            "message": "每件投诉只能延期一次 / a complaint can be extended once only",
            "field": "action",
        }
    }
    limited = domain_error_response(RateLimited("太多", "too many", retry_after=900))
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "900"


def test_invalid_lists_every_problem() -> None:
    problems = [
        Problem("必填", "required", field="subject"),
        Problem("过长", "too long", field="description"),
    ]
    response = domain_error_response(Invalid(problems))
    assert response.status_code == 422
    assert json.loads(response.body)["error"] == {
        "code": "invalid",
        "message": "必填 / required",
        "field": "subject",
        "problems": [
            {"field": "subject", "message": "必填 / required"},
            {"field": "description", "message": "过长 / too long"},
        ],
    }


def test_the_gateway_builds_its_errors_with_the_same_function(chalice_app) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    body = b"".join(
        ChaliceWSGI(chalice_app, max_body=10)(
            {
                "REQUEST_METHOD": "POST",
                "PATH_INFO": "/api/complaints",
                "CONTENT_LENGTH": "11",
                "wsgi.input": io.BytesIO(b"x" * 11),
            },
            lambda status, headers: seen.append(status),
        )
    )
    assert seen == ["413 Payload Too Large"]
    assert json.loads(body) == error_body("too_large", "请求内容过大", "request body larger than 10 bytes")
    assert body == error_json("too_large", "请求内容过大", "request body larger than 10 bytes")
