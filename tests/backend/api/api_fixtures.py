"""Shared values of the API tests: a catalog, a valid complaint, a JSON client."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from chalice.test import Client
from sunlight.clock import SHANGHAI

NOW = dt.datetime(2026, 12, 24, 10, 0, tzinfo=SHANGHAI)
CREDIT_CODE = "91350100M000100Y43"

CATALOG: dict[str, Any] = {
    "version": 1,
    "generated_on": "2026-12-24",
    "agency": {
        "name": "青石区城市管理行政执法局",
        "short_name": "青石城管",
        "site_url": "https://example.gov.cn",
    },
    "offices": [
        {
            "id": "bureau",
            "name": "青石区城市管理行政执法局",
            "kind": "bureau",
            "parent": None,
            "roles": ["enforcement"],
        },
        {
            "id": "supervision",
            "name": "勤务监督科",
            "kind": "division",
            "parent": "bureau",
            "roles": ["supervision", "complaints_intake"],
            "email": "jd@example.gov.cn",
        },
        {
            "id": "squad-east",
            "name": "东湖街道中队",
            "kind": "squad",
            "parent": "bureau",
            "streets": ["东湖街道"],
            "roles": ["enforcement"],
            "email": "dh@example.gov.cn",
        },
        {
            "id": "squad-west",
            "name": "西山街道中队",
            "kind": "squad",
            "parent": "bureau",
            "streets": ["西山街道"],
            "roles": ["enforcement"],
        },
    ],
    "streets": ["东湖街道", "西山街道"],
    "powers": [
        {
            "code": "330217001000",
            "name": "擅自占道经营",
            "type": "行政处罚",
            "domain": "市容环卫",
            "office": "squad-east",
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
        ],
        "routing": [
            {"match": {"street": "西山街道"}, "handler": "squad-west"},
            {"match": {}, "handler": "squad-east"},
        ],
        "settings": {
            "extension_max_days": 15,
            "escalate_after_overdue_days": 5,
            "designated_supervision": "supervision",
        },
        "feedback_categories": [
            {
                "id": "correction",
                "name": "纠错",
                "accept_days": 3,
                "respond_days": 15,
                "remind_before_days": 3,
            }
        ],
    },
    "calendar": {"holidays": [], "workdays": []},
    "decisions": [],
    # 涉企检查码 (tests/backend/api/test_inspections_api.py)
    "personnel": [
        {
            "cert_no": "330199250008",
            "name": "黄敏",
            "office": "squad-east",
            "status": "active",
            "valid_until": "2029-12-31",
        },
        {
            "cert_no": "330199250009",
            "name": "周杰",
            "office": "squad-east",
            "status": "active",
            "valid_until": None,
        },
        {
            "cert_no": "330199250013",
            "name": "马超",
            "office": "squad-east",
            "status": "revoked",
            "valid_until": "2029-12-31",
        },
        {
            "cert_no": "330199250011",
            "name": "徐明",
            "office": "squad-west",
            "status": "active",
            "valid_until": "2029-12-31",
        },
    ],
    "inspection_plans": ["2026-yangchen"],
    "supervision": {
        "inspection_code": {"window_days": 3},
        "repeat_inspection": {"window_days": 30, "max_offices": 1, "max_per_year": 2},
    },
}


def complaint(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "category": "arbitrary-fine",
        "subject": "检查时未出示执法证件即开具罚单",
        "description": "2026年12月20日上午,执法人员到店检查,未出示证件,当场开具罚款。",
        "reporter": {
            "type": "enterprise",
            "name": "青石示例贸易有限公司",
            "credit_code": CREDIT_CODE,
            "contact_name": "王经理",
            "phone": "13800138000",
            "email": "wang@example.com",
        },
        "office": "squad-east",
        "street": "东湖街道",
        "occurred_on": "2026-12-20",
    }
    body.update(overrides)
    return body


class Api:
    """``chalice.test.Client`` with JSON in and out."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> Any:
        all_headers = {"content-type": "application/json", **(headers or {})}
        data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
        response = self.client.http.request(method, path, headers=all_headers, body=data)
        response.json = json.loads(response.body) if response.body else None
        return response

    def get(self, path: str, **kw: Any) -> Any:
        return self.request("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> Any:
        return self.request("POST", path, body, **kw)
