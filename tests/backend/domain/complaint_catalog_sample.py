"""A small catalog for the complaint tests: a bureau, a supervision division, an intake centre,
two brigades with a squad each, and routing rules that exercise the conflict rule."""

from __future__ import annotations

import copy
from typing import Any

from sunlight.domain.catalog import Catalog
from sunlight.service.catalog import catalog_from_dict

# Valid 统一社会信用代码 (the example of GB 32100-2015).
CREDIT_CODE = "91350100M000100Y43"

_BASE: dict[str, Any] = {
    "version": 1,
    "generated_on": "2026-11-22",
    "agency": {"name": "示例区城市管理行政执法局", "site_url": "https://cg.example.gov.cn"},
    "offices": [
        {
            "id": "bureau",
            "name": "示例区城市管理行政执法局",
            "kind": "bureau",
            "parent": None,
            "roles": [],
            "email": "bureau@example.gov.cn",
        },
        {
            "id": "supervision",
            "name": "勤务监督处",
            "kind": "division",
            "parent": "bureau",
            "roles": ["supervision"],
            "email": "jiandu@example.gov.cn",
        },
        {
            "id": "cases",
            "name": "案件管理中心",
            "kind": "division",
            "parent": "bureau",
            "roles": ["complaints_intake"],
            "email": "anjian@example.gov.cn",
        },
        {
            "id": "brigade-east",
            "name": "东部大队",
            "kind": "brigade",
            "parent": "bureau",
            "streets": ["新镇街道"],
            "roles": ["enforcement"],
            "email": "east@example.gov.cn",
            "webhook": "http://127.0.0.1:9/hook",
        },
        {
            "id": "squad-xinzhen",
            "name": "新镇中队",
            "kind": "squad",
            "parent": "brigade-east",
            "streets": ["新镇街道"],
            "roles": ["enforcement"],
            "email": "xinzhen@example.gov.cn",
        },
        {
            "id": "brigade-west",
            "name": "西部大队",
            "kind": "brigade",
            "parent": "bureau",
            "streets": ["老城街道"],
            "roles": ["enforcement"],
            "email": "west@example.gov.cn",
        },
        {
            "id": "squad-laocheng",
            "name": "老城中队",
            "kind": "squad",
            "parent": "brigade-west",
            "streets": ["老城街道"],
            "roles": ["enforcement"],
            "email": "laocheng@example.gov.cn",
        },
    ],
    "streets": ["新镇街道", "老城街道"],
    "powers": [
        {
            "code": "310114-CF-001",
            "name": "擅自占道经营",
            "type": "行政处罚",
            "domain": "市容环卫",
            "office": "brigade-east",
            "status": "active",
        }
    ],
    "complaints": {
        "categories": [
            {
                "id": "arbitrary-fine",
                "name": "乱罚款",
                "accept_days": 3,
                "respond_days": 15,
                "remind_before_days": 3,
            },
            {
                "id": "repeat-inspection",
                "name": "重复检查",
                "accept_days": 3,
                "respond_days": 15,
                "remind_before_days": 3,
            },
            {"id": "other", "name": "其他", "accept_days": 3, "respond_days": 15, "remind_before_days": 3},
        ],
        "routing": [
            {"match": {"category": "repeat-inspection"}, "handler": "supervision"},
            {"match": {"street": "新镇街道"}, "handler": "brigade-east"},
            {"match": {"office": "squad-laocheng"}, "handler": "squad-laocheng"},
            {"match": {}, "handler": "cases"},
        ],
        "settings": {
            "extension_max_days": 15,
            "escalate_after_overdue_days": 5,
            "review_window_days": 30,
            "review_respond_days": 15,
            "designated_supervision": "supervision",
        },
        "feedback_categories": [
            {
                "id": "correction",
                "name": "信息纠错",
                "accept_days": 3,
                "respond_days": 10,
                "remind_before_days": 2,
            },
            {
                "id": "observation",
                "name": "监督意见",
                "accept_days": 3,
                "respond_days": 15,
                "remind_before_days": 3,
            },
        ],
    },
    "calendar": {"holidays": [], "workdays": []},
    "decisions": ["D-2026-0001"],
}


def catalog_dict() -> dict[str, Any]:
    return copy.deepcopy(_BASE)


def sample_catalog(
    holidays: list[str] | None = None,
    workdays: list[str] | None = None,
    complete_years: list[int] | None = None,
    **settings: Any,
) -> Catalog:
    data = catalog_dict()
    data["calendar"] = {
        "holidays": holidays or [],
        "workdays": workdays or [],
        "complete_years": complete_years or [],
    }
    data["complaints"]["settings"].update(settings)
    return catalog_from_dict(data)


def complaint_values(**overrides: str) -> dict[str, str]:
    values = {
        "category": "arbitrary-fine",
        "subject": "执法人员未出示证件即开具罚单",
        "description": "2026年12月20日上午,执法人员在门店前检查时未出示执法证件,当场要求缴纳罚款。",
        "reporter.type": "enterprise",
        "reporter.name": "上海示例餐饮管理有限公司",
        "reporter.credit_code": CREDIT_CODE,
        "reporter.contact_name": "王经理",
        "reporter.phone": "13800138000",
        "reporter.email": "wang@example.com",
        "office": "squad-xinzhen",
        "street": "新镇街道",
        "power_code": "",
        "decision_id": "",
        "occurred_on": "2026-12-20",
    }
    values.update(overrides)
    return values
