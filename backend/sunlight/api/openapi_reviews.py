"""The 案卷评查 paths of the OpenAPI document (docs/supervision.md): supervision staff only."""

from __future__ import annotations

from typing import Any

from sunlight.api.openapi_builders import BEARER, BODY_ERRORS, op, path_param

REVIEW = {
    "type": "object",
    "properties": {
        "year": {"type": "integer"},
        "seed": {"type": "string", "description": "抽取种子 / the seed of the draw (32 hex digits)"},
        "sample_per_office": {"type": "integer"},
        "checklist": {"type": "array"},
        "offices": {"type": "array"},
    },
    "required": ["year", "seed", "offices"],
}


def paths() -> dict[str, Any]:
    year = path_param("year", 8)
    return {
        "/api/reviews": {
            "post": op(
                "抽取年度评查案卷(监督机构) / draw the year's case-file review sample (supervision office)",
                "201",
                (*BODY_ERRORS, "401", "403", "409"),
                {"type": "object", "properties": {"year": {"type": "integer"}}, "required": ["year"]},
                security=BEARER,
                result=REVIEW,
            )
        },
        "/api/reviews/{year}": {
            "get": op(
                "年度评查案卷及评分(监督机构、监督员) / the year's sample and scores",
                errors=("401", "403", "404", "422"),
                params=[year],
                security=BEARER,
                result=REVIEW,
            )
        },
        "/api/reviews/{year}/cases/{decision_id}/score": {
            "post": op(
                "案卷评分(各评查项目 0 至该项分值) / score a case file (each item 0 to its points)",
                errors=(*BODY_ERRORS, "401", "403", "404", "409"),
                body={
                    "type": "object",
                    "properties": {
                        "scores": {
                            "type": "object",
                            "additionalProperties": {"type": "integer", "minimum": 0},
                        },
                        "faults": {"type": "string", "maxLength": 2000},
                    },
                    "required": ["scores"],
                },
                params=[year, path_param("decision_id", 200)],
                security=BEARER,
                result=REVIEW,
            )
        },
        "/api/reviews/{year}/offices/{office}/finish": {
            "post": op(
                "某机构评查完成(此后公开报告) / mark an office's review finished (then published)",
                errors=(*BODY_ERRORS, "401", "403", "404", "409"),
                body={"type": "object"},
                params=[year, path_param("office", 200)],
                security=BEARER,
                result=REVIEW,
            )
        },
    }
