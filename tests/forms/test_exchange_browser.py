"""A 12345 work order in the staff workbench: its trail names the hotline as the source."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from portal_process import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EPOCH = 1798077600  # the portal's SUNLIGHT_NOW, 2026-12-24 10:00 Beijing time


def test_workbench_trail_names_the_hotline(page, portal) -> None:  # type: ignore[no-untyped-def]
    added = portal.command("partner", "add", "--name", "12345", "--webhook", "http://127.0.0.1:9/")
    assert added.returncode == 0, added.stderr
    secret = added.stdout.strip()
    body = json.dumps(
        {
            "order_no": "GD-WORKBENCH-1",
            "received_at": "2026-12-24T09:30:00+08:00",
            "category": "乱罚款",
            "subject": "热线转来：罚款未开票据",
            "description": "来电人称罚款后未开具票据。",
            "reporter": {"name": "赵女士", "phone": "13700137000"},
            "street": "东湖街道",
        },
        ensure_ascii=False,
    ).encode()
    mac = hmac.new(secret.encode(), f"{EPOCH}.".encode() + body, hashlib.sha256).hexdigest()
    status, _headers, answer = portal.request(
        "POST",
        "/api/exchange/12345/orders",
        raw=body,
        headers={"X-Timestamp": str(EPOCH), "X-Signature": f"sha256={mac}"},
    )
    assert status == 201, answer
    filed = json.loads(answer)
    staff = portal.command("staff", "add", "--office", filed["handling_office"], "--name", "值班员")
    assert staff.returncode == 0, staff.stderr
    page.goto(f"{portal.url}/staff/")
    page.fill("[data-token]", staff.stdout.strip())
    page.click("form[data-signin-form] button[type=submit]")
    row = page.locator(f'tbody[data-inbox] button:text("{filed["tracking_no"]}")')
    row.wait_for(state="visible")
    row.click()
    page.locator("[data-detail]").wait_for(state="visible")
    trail = page.locator("[data-trail]").inner_text()
    assert "热线工单（12345）" in trail and "工作人员" not in trail
    assert run_axe(page) == []
