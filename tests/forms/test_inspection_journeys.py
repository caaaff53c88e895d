"""Journeys of the 涉企检查码 (#14) on a phone (390 x 844) against ``sunlight serve``: staff register an
inspection, the enterprise verifies the code (valid), sees its own name only after typing its credit
code, complains from there with the form prefilled; a revoked 执法证 shows invalid.

The portal runs with SUNLIGHT_NOW = 2026-12-24 10:00 Beijing time (tests/forms/conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from portal_process import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
NAME = "青石示例餐饮有限公司"
CREDIT = "91350100M000100Y43"


@pytest.fixture
def phone(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", viewport=PHONE, device_scale_factor=1)
    yield context.new_page()
    context.close()


def _register_in_the_workbench(phone, portal) -> str:  # type: ignore[no-untyped-def]
    token = portal.command("staff", "add", "--office", "squad-east", "--name", "东湖中队内勤").stdout.strip()
    phone.goto(portal.url + "/staff/")
    phone.fill("[data-token]", token)
    phone.locator("[data-signin-form] button[type=submit]").click()
    phone.locator("[data-inspection-form]").wait_for()
    phone.fill('[name="inspection.credit_code"]', CREDIT)
    phone.fill('[name="inspection.enterprise_name"]', NAME)
    phone.fill('[name="inspection.inspectors"]', "沪31999901001，沪31999901002")
    phone.fill('[name="inspection.scope"]', "油烟净化设施运行情况")
    phone.fill('[name="inspection.basis"]', "330217001000")
    phone.fill('[name="inspection.planned_on"]', "2026-12-24")
    phone.locator("[data-inspection-form] button[type=submit]").click()
    done = phone.locator("[data-inspection-done]")
    done.wait_for()
    assert "2026-12-21 至 2026-12-27" in done.inner_text()  # planned day ± 3 days
    assert phone.locator("[data-inspection-qr] img").get_attribute("src").startswith("data:image/svg+xml")
    return phone.locator("[data-inspection-code]").inner_text()


def test_enterprise_verifies_a_code_and_complains_from_it(phone, portal) -> None:  # type: ignore[no-untyped-def]
    code = _register_in_the_workbench(phone, portal)
    phone.goto(portal.url + "/")
    phone.locator("footer a[href='/verify/']").click()
    phone.fill('[name="code"]', code.lower().replace("-", " "))
    phone.locator("[data-verify-form] button[type=submit]").click()
    result = phone.locator('[data-verify-result="valid"]')
    result.wait_for()
    text = result.inner_text()
    assert "张伟" in text and "沪31999901001" in text and "油烟净化设施运行情况" in text
    assert NAME not in phone.content()  # not before the credit code
    phone.fill('[name="credit_code"]', "91110000MA00000000")
    phone.locator("[data-enterprise-form] button[type=submit]").click()
    phone.locator("[data-enterprise-answer]").filter(has_text="不符").wait_for()
    assert NAME not in phone.content()
    phone.fill('[name="credit_code"]', CREDIT)
    phone.locator("[data-enterprise-form] button[type=submit]").click()
    phone.locator(f"[data-enterprise-name='{NAME}']").wait_for()
    assert run_axe(phone) == []  # the answer, on a phone, passes axe
    phone.locator("[data-complain]").click()
    phone.wait_for_url("**/complaints/new/**")
    assert phone.input_value('[name="inspection_code"]') == code
    assert phone.input_value('[name="office"]') == "squad-east"
    assert phone.input_value('[name="category"]') == "repeat-inspection"
    phone.fill('[name="subject"]', "同一周内被两个单位检查")
    phone.fill('[name="description"]', "本周已接受检查，又有检查。")
    phone.fill('[name="reporter.name"]', NAME)
    phone.fill('[name="reporter.credit_code"]', CREDIT)
    phone.fill('[name="reporter.contact_name"]', "王经理")
    phone.fill('[name="reporter.phone"]', "13800138000")
    with phone.expect_response("**/api/complaints") as answer:
        phone.locator("form[data-api-form] button[type=submit]").click()
    assert answer.value.status == 201, answer.value.text()
    token = portal.command("staff", "add", "--office", "supervision", "--name", "监督员").stdout.strip()
    filed = json.loads(answer.value.text())
    status, view = portal.json(
        "GET", f"/api/complaints/{quote(filed['tracking_no'])}", headers={"Authorization": f"Bearer {token}"}
    )
    assert status == 200 and code in json.dumps(view, ensure_ascii=False)


def test_a_revoked_certificate_is_invalid_and_an_active_one_valid(phone, portal) -> None:  # type: ignore[no-untyped-def]
    phone.goto(portal.url + "/verify/")
    phone.fill('[name="code"]', "沪31999901003")
    phone.locator("[data-verify-form] button[type=submit]").click()
    result = phone.locator('[data-verify-result="invalid"]')
    result.wait_for()
    assert "已注销" in result.inner_text() and "王强" in result.inner_text()
    phone.fill('[name="code"]', "沪31999901001")
    phone.locator("[data-verify-form] button[type=submit]").click()
    phone.locator('[data-verify-result="valid"]').wait_for()
    phone.fill('[name="code"]', "ABCDE-FGHJK")
    phone.locator("[data-verify-form] button[type=submit]").click()
    phone.locator('[data-verify-result="invalid"]').filter(has_text="不存在").wait_for()


def test_two_offices_in_a_week_reach_supervision_and_no_public_page(phone, portal) -> None:  # type: ignore[no-untyped-def]
    other = "青石示例五金有限公司"
    other_credit = "91110000600037341L"
    for office, cert, day in (
        ("squad-east", "沪31999901002", "2026-12-22"),
        ("bureau", "沪31999901004", "2026-12-24"),
    ):
        token = portal.command("staff", "add", "--office", office, "--name", f"{office} 内勤").stdout.strip()
        status, body = portal.json(
            "POST",
            "/api/inspections",
            {"credit_code": other_credit, "enterprise_name": other, "inspectors": [cert], "scope": "店招店牌",
             "basis": "330217001000", "planned_on": day},
            headers={"Authorization": f"Bearer {token}"},
        )  # fmt: skip
        assert status == 201, body
    supervisor = portal.command("staff", "add", "--office", "supervision", "--name", "督查员").stdout.strip()
    status, flags = portal.json(
        "GET", "/api/inspections/flags", headers={"Authorization": f"Bearer {supervisor}"}
    )
    assert status == 200
    assert [(f["enterprise_name"], f["kind"]) for f in flags["items"]] == [(other, "multi_office")]
    phone.goto(portal.url + "/staff/")
    phone.fill("[data-token]", supervisor)
    phone.locator("[data-signin-form] button[type=submit]").click()
    phone.locator("[data-flags-load]").click()
    assert other in phone.locator('[data-flag="multi_office"]').inner_text()
    phone.goto(portal.url + "/compliance/")
    phone.locator("table[data-inspection-stats] tbody th").first.wait_for()
    for path in ("/compliance/", "/verify/", "/", "/data/", "/api/stats/inspections", "/api/stats"):
        status, _, page = portal.request("GET", path)
        assert other not in page.decode("utf-8", "replace"), path
    assert other not in phone.content()
