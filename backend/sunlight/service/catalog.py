"""Load ``data/catalog.json`` (written by the site build) into a typed ``Catalog``.

Schema: ``docs/architecture.md``. A catalog that cannot be used (not JSON, wrong version, a
routing rule naming an unknown office) raises ``CatalogError`` listing every problem.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.case_review import CaseFile, ChecklistItem
from sunlight.domain.catalog import Catalog, Category, OfficeInfo, RoutingRule, Settings
from sunlight.domain.inspections import Inspector
from sunlight.domain.problems import Problem

MATCH_KEYS = ("category", "power_code", "office", "street")


class CatalogError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def load_catalog(path: str | Path) -> Catalog:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogError(
            [Problem("无法读取目录文件", f"cannot read the catalog: {exc}", file=str(path))]
        ) from exc
    return catalog_from_dict(data, source=str(path))


def _categories(items: Any) -> dict[str, Category]:
    out: dict[str, Category] = {}
    for item in items or []:
        out[str(item["id"])] = Category(
            id=str(item["id"]),
            name=str(item.get("name") or item["id"]),
            accept_days=int(item.get("accept_days", 3)),
            respond_days=int(item.get("respond_days", 15)),
            remind_before_days=int(item.get("remind_before_days", 3)),
        )
    return out


def _dates(items: Any) -> list[dt.date]:
    return [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)) for d in items or []]


def _case_review_settings(data: Mapping[str, Any]) -> dict[str, Any]:
    """案卷评查: the sample size and checklist, and (backend copy only) every decision record."""
    review = data.get("case_review") or {}
    out: dict[str, Any] = {
        "case_files": tuple(
            CaseFile(str(c["id"]), str(c["office"]), dt.date.fromisoformat(str(c["decided_on"])))
            for c in data.get("case_files") or []
        )
    }
    if review.get("sample_per_office"):
        out["case_review_sample_per_office"] = int(review["sample_per_office"])
    if review.get("checklist"):
        out["case_review_checklist"] = tuple(
            ChecklistItem(str(c["item"]), int(c["points"])) for c in review["checklist"]
        )
    return out


def _inspection_settings(data: Mapping[str, Any]) -> dict[str, Any]:
    """The 执法人员 (backend copy only), the 双随机 plan ids and the ``supervision.yaml`` values."""
    supervision = data.get("supervision") or {}
    code = supervision.get("inspection_code") or {}
    repeat = supervision.get("repeat_inspection") or {}
    return {
        "personnel": {
            str(p["cert_no"]): Inspector(
                cert_no=str(p["cert_no"]),
                name=str(p.get("name") or ""),
                office=str(p.get("office") or ""),
                status=str(p.get("status") or "active"),
                valid_until=dt.date.fromisoformat(str(p["valid_until"])) if p.get("valid_until") else None,
            )
            for p in data.get("personnel") or []
        },
        "inspection_plans": frozenset(str(i) for i in data.get("inspection_plans") or ()),
        "inspection_window_days": int(code.get("window_days", 3)),
        "repeat_window_days": int(repeat.get("window_days", 30)),
        "repeat_max_offices": int(repeat.get("max_offices", 1)),
        "repeat_max_per_year": int(repeat.get("max_per_year", 2)),
    }


def catalog_from_dict(data: Mapping[str, Any], source: str = "catalog.json") -> Catalog:
    problems: list[Problem] = []
    if data.get("version") != 1:
        problems.append(
            Problem("目录版本不受支持", f"unsupported catalog version {data.get('version')!r}", file=source)
        )
        raise CatalogError(problems)
    try:
        offices = {
            str(o["id"]): OfficeInfo(
                id=str(o["id"]),
                name=str(o.get("name") or o["id"]),
                kind=str(o.get("kind") or ""),
                parent=o.get("parent") or None,
                streets=tuple(o.get("streets") or ()),
                roles=tuple(o.get("roles") or ()),
                email=str(o.get("email") or ""),
                webhook=str(o.get("webhook") or ""),
                phone=str(o.get("phone") or ""),
            )
            for o in data.get("offices") or []
        }
        complaints = data.get("complaints") or {}
        raw_settings = complaints.get("settings") or {}
        settings = Settings(
            extension_max_days=int(raw_settings.get("extension_max_days", 15)),
            escalate_after_overdue_days=int(raw_settings.get("escalate_after_overdue_days", 5)),
            review_window_days=int(raw_settings.get("review_window_days", 30)),
            review_respond_days=int(raw_settings.get("review_respond_days", 15)),
            designated_supervision=raw_settings.get("designated_supervision") or None,
        )
        rules = []
        for n, rule in enumerate(complaints.get("routing") or [], start=1):
            match = tuple((k, str(v)) for k, v in (rule.get("match") or {}).items() if k in MATCH_KEYS and v)
            handler = str(rule.get("handler") or "")
            if handler not in offices:
                problems.append(
                    Problem(
                        "分办规则的承办单位不存在",
                        f"routing rule {n}: unknown handler office",
                        file=source,
                        field="complaints.routing.handler",
                        value=handler,
                    )
                )
            rules.append(RoutingRule(match=match, handler=handler))
        calendar_data = data.get("calendar") or {}
        calendar = WorkingCalendar.from_overrides(
            _dates(calendar_data.get("holidays")),
            _dates(calendar_data.get("workdays")),
            complete_years=(int(y) for y in calendar_data.get("complete_years") or ()),
        )
        agency = data.get("agency") or {}
        catalog = Catalog(
            agency_name=str(agency.get("name") or ""),
            site_url=str(agency.get("site_url") or ""),
            offices=offices,
            streets=frozenset(str(s) for s in data.get("streets") or ()),
            powers={str(p["code"]): str(p.get("office") or "") for p in data.get("powers") or []},
            categories=_categories(complaints.get("categories")),
            feedback_categories=_categories(complaints.get("feedback_categories")),
            routing=tuple(rules),
            settings=settings,
            decisions=frozenset(str(d) for d in data.get("decisions") or ()),
            decision_doc_nos={str(k): str(v) for k, v in (data.get("decision_doc_nos") or {}).items()},
            calendar=calendar,
            **_inspection_settings(data),
            **_case_review_settings(data),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CatalogError([Problem("目录文件格式错误", f"malformed catalog: {exc!r}", file=source)]) from exc
    if settings.designated_supervision and settings.designated_supervision not in offices:
        problems.append(
            Problem(
                "指定监督部门不存在",
                "designated supervision office is unknown",
                file=source,
                field="complaints.settings.designated_supervision",
            )
        )
    for office in offices.values():
        if office.parent and office.parent not in offices:
            problems.append(
                Problem(
                    "上级单位不存在",
                    "parent office is unknown",
                    file=source,
                    field="offices.parent",
                    value=office.parent,
                    record_id=office.id,
                )
            )
    if problems:
        raise CatalogError(problems)
    return catalog
