"""Open311 GeoReport v2: complaint categories as services, complaints as service requests.

- ``GET services.json``: one service per complaint category (``service_code`` = category id).
- ``POST requests.json``: file a complaint from GeoReport fields (form-encoded or JSON). Our own
  fields ride in ``attribute[...]``: ``office``, ``power_code``, ``decision_id``, ``occurred_on``,
  ``subject``, ``reporter_type``, ``enterprise_name``, ``credit_code``. ``address_string`` is the
  street (街道/镇). The answer carries ``service_request_id`` (the tracking number) and, once,
  ``access_code``, which following the request needs (header ``X-Access-Code``).
- ``GET requests/<id>.json``: the request's status for its reporter (``open`` until answered).

Complaints are confidential, so ``GET requests.json`` lists only the request named by
``service_request_id`` and only with its access code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sunlight.domain.catalog import Catalog
from sunlight.domain.errors import Invalid
from sunlight.domain.local_time import SHANGHAI, aware
from sunlight.domain.problems import Problem
from sunlight.service.commands import FileComplaint, ReporterInput

ATTRIBUTES = (
    "office",
    "power_code",
    "decision_id",
    "occurred_on",
    "subject",
    "reporter_type",
    "enterprise_name",
    "credit_code",
)
# GeoReport fields we accept; those we have no use for are accepted and ignored.
FIELDS = ("service_code", "description", "address_string", "first_name", "last_name", "phone", "email")
IGNORED = ("api_key", "jurisdiction_id", "lat", "long", "address_id", "device_id", "account_id", "media_url")
CLOSED_STATES = frozenset({"responded", "rated", "closed"})
SUBJECT_CHARS = 40


def services(catalog: Catalog) -> list[dict[str, Any]]:
    return [
        {
            "service_code": c.id,
            "service_name": c.name,
            "description": f"涉企执法投诉:{c.name}(受理时限{c.accept_days}个工作日,答复时限{c.respond_days}个工作日)",
            "metadata": False,
            "type": "realtime",
            "keywords": "涉企投诉,执法监督",
            "group": "涉企投诉",
        }
        for c in catalog.categories.values()
    ]


def _flatten(body: Mapping[str, Any]) -> dict[str, str]:
    """``attribute[office]=x`` (form) and ``{"attribute": {"office": "x"}}`` (JSON) alike."""
    out: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in body.items():
        if key == "attribute" and isinstance(value, Mapping):
            for name, item in value.items():
                out[f"attribute[{name}]"] = item
        else:
            out[key] = value
    for key, value in list(out.items()):
        if value is None:
            del out[key]
        elif not isinstance(value, str | int | float) or isinstance(value, bool):
            problems.append(Problem("应为字符串", "must be a string", field=key))
        else:
            out[key] = str(value).strip()
    if problems:
        raise Invalid(problems)
    return out


def file_request(body: Mapping[str, Any]) -> FileComplaint:
    values = _flatten(body)
    attrs: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in values.items():
        if key.startswith("attribute[") and key.endswith("]"):
            name = key[len("attribute[") : -1]
            if name in ATTRIBUTES:
                attrs[name] = value
            else:
                problems.append(Problem("未知字段", "unknown field", field=key))
        elif key not in FIELDS and key not in IGNORED:
            problems.append(Problem("未知字段", "unknown field", field=key))
    if problems:
        raise Invalid(problems)
    person = f"{values.get('last_name', '')}{values.get('first_name', '')}".strip()
    enterprise = attrs.get("reporter_type", "") == "enterprise" or bool(attrs.get("credit_code"))
    description = values.get("description", "")
    reporter = ReporterInput(
        type="enterprise" if enterprise else (attrs.get("reporter_type") or "person"),
        name=attrs.get("enterprise_name", "") if enterprise else person,
        credit_code=attrs.get("credit_code", ""),
        contact_name=person,
        phone=values.get("phone", ""),
        email=values.get("email", ""),
    )
    return FileComplaint(
        category=values.get("service_code", ""),
        subject=attrs.get("subject") or description[:SUBJECT_CHARS],
        description=description,
        reporter=reporter,
        office=attrs.get("office", ""),
        power_code=attrs.get("power_code", ""),
        street=values.get("address_string", ""),
        decision_id=attrs.get("decision_id", ""),
        occurred_on=attrs.get("occurred_on", ""),
    )


def filed(result: Any) -> list[dict[str, Any]]:
    return [
        {
            "service_request_id": result.tracking_no,
            "access_code": result.access_code,
            "service_notice": f"已提交,由{result.handling_office_name}办理,{result.accept_due.isoformat()}前受理",
            "account_id": None,
        }
    ]


def _end_of_day(day: Any) -> str | None:
    return f"{day.isoformat()}T23:59:59+08:00" if day else None


def request(view: Any) -> dict[str, Any]:
    """A ``ReporterView`` as a GeoReport service request."""
    updated = view.timeline[-1].at if view.timeline else view.filed_at
    return {
        "service_request_id": view.tracking_no,
        "status": "closed" if view.status in CLOSED_STATES else "open",
        "status_notes": view.status_label,
        "service_name": view.category_name,
        "service_code": view.category,
        "description": view.subject,
        "agency_responsible": view.handling_office_name,
        "service_notice": view.response or None,
        "requested_datetime": aware(view.filed_at).astimezone(SHANGHAI).isoformat(),
        "updated_datetime": aware(updated).astimezone(SHANGHAI).isoformat(),
        "expected_datetime": _end_of_day(view.review_due or view.respond_due),
        "address": None,
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def request_id(file_name: str) -> str:
    """``TS-20261224-ABCDEF.json`` -> ``TS-20261224-ABCDEF``."""
    return file_name[: -len(".json")] if file_name.endswith(".json") else file_name
