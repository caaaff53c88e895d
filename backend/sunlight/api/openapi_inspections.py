"""The 涉企检查码 (inspection code) paths of the OpenAPI document (docs/inspections.md)."""

from __future__ import annotations

from typing import Any

from sunlight.api import parse
from sunlight.api.openapi_builders import BEARER, BODY_ERRORS, obj, op, path_param

INSPECTION_CODE = path_param("code", 64, "检查码 (10 characters, grouped 5-5) / inspection code")
INSPECTION_REGISTERED = {
    "type": "object",
    "required": ["code", "valid_from", "valid_until", "verify_url", "qr_svg"],
    "properties": {
        "code": {"type": "string"},
        "valid_from": {"type": "string", "format": "date"},
        "valid_until": {"type": "string", "format": "date"},
        "verify_url": {"type": "string"},
        "qr_svg": {"type": "string", "description": "SVG QR code of verify_url"},
    },
}
INSPECTION_VIEW = {
    "type": "object",
    "required": ["code", "state", "valid"],
    "properties": {
        "code": {"type": "string"},
        "state": {"type": "string", "enum": ["valid", "unknown", "expired", "not_yet_valid", "used"]},
        "valid": {"type": "boolean"},
        "office_name": {"type": "string"},
        "inspectors": {"type": "array"},
        "enterprise_name": {"type": "string", "description": "only with the matching credit_code"},
    },
}


def paths() -> dict[str, Any]:
    return {
        "/api/inspections": {
            "post": op(
                "登记涉企检查,取得检查码 / register a planned inspection and get its 检查码",
                "201",
                (*BODY_ERRORS, "401", "403", "409"),
                {
                    **obj(
                        parse.INSPECTION, ("credit_code", "enterprise_name", "scope", "basis", "planned_on")
                    ),
                    "properties": {
                        **obj(parse.INSPECTION)["properties"],
                        "inspectors": {
                            "type": "array",
                            "maxItems": parse.MAX_INSPECTORS,
                            "items": {"type": "string", "maxLength": 64},
                            "description": "执法证号 / certificate numbers",
                        },
                    },
                },
                security=BEARER,
                result=INSPECTION_REGISTERED,
            )
        },
        "/api/inspections/flags": {
            "get": op(
                "重复检查、多头检查提示(监督机构、监督员) / enterprises flagged for repeated or multi-office inspections",
                errors=("401", "403"),
                security=BEARER,
                result={"type": "object", "properties": {"items": {"type": "array"}}, "required": ["items"]},
            )
        },
        "/api/inspections/{code}/result": {
            "post": op(
                "登记检查结果(登记机构) / record the result (the registering office)",
                errors=(*BODY_ERRORS, "401", "403", "404", "409"),
                body=obj(parse.INSPECTION_RESULT, ("result", "checked_on")),
                params=[INSPECTION_CODE],
                security=BEARER,
                result=INSPECTION_VIEW,
            )
        },
        "/api/verify/inspection/{code}": {
            "get": op(
                "核验检查码(任何人;企业名称仅在输入其统一社会信用代码后显示) / verify a 检查码 (anyone; the "
                "enterprise only with its credit code)",
                errors=("429",),
                params=[
                    INSPECTION_CODE,
                    {"name": "credit_code", "in": "query", "schema": {"type": "string", "maxLength": 64}},
                ],
                result=INSPECTION_VIEW,
            )
        },
    }
