"""The complaint, status, feedback and staff pages in headless Chromium against a real server."""

from __future__ import annotations

import pytest
from portal_process import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

POWER = "330217001000"


def _fill_complaint(page, phone: str = "13800138000") -> None:  # type: ignore[no-untyped-def]
    page.select_option('[name="category"]', "arbitrary-fine")
    page.fill('[name="subject"]', "检查时未出示执法证件")
    page.fill('[name="description"]', "执法人员到店检查时未出示证件,当场开具罚款。")
    page.fill('[name="reporter.name"]', "青石示例贸易有限公司")
    page.fill('[name="reporter.credit_code"]', "91350100M000100Y43")
    page.fill('[name="reporter.contact_name"]', "王经理")
    page.fill('[name="reporter.phone"]', phone)


def test_complaint_form_prefills_validates_files_and_links_to_status(page, portal) -> None:  # type: ignore[no-untyped-def]
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{portal.url}/complaints/new/?power_code={POWER}&office=squad-east&decision_id=D-1")
    assert page.input_value('[name="power_code"]') == POWER
    assert page.input_value('[name="office"]') == "squad-east"
    assert page.input_value('[name="decision_id"]') == "D-1"
    for name in ("category", "subject", "description", "reporter.name", "reporter.phone", "office", "street"):
        field_id = page.get_attribute(f'[name="{name}"]', "id")
        assert page.locator(f'label[for="{field_id}"]').is_visible(), name
    assert run_axe(page) == []

    _fill_complaint(page, phone="12345")
    page.click("form[data-api-form] button[type=submit]")
    error = page.locator('[data-error-for="reporter.phone"]')
    error.wait_for(state="visible")
    assert "电话" in error.inner_text()
    assert error.get_attribute("aria-live") == "polite"
    assert page.get_attribute('[name="reporter.phone"]', "aria-invalid") == "true"

    page.fill('[name="reporter.phone"]', "13800138000")
    page.click("form[data-api-form] button[type=submit]")
    tracking = page.locator("[data-tracking-no]")
    tracking.wait_for(state="visible")
    tracking_no = tracking.inner_text()
    access_code = page.locator("[data-access-code]").inner_text()
    assert tracking_no.startswith("TS-") and len(access_code) >= 6
    assert run_axe(page) == []

    page.click("[data-status-link]")
    page.locator('[data-field="status_label"]').wait_for(state="visible")
    assert page.locator('[data-field="tracking_no"]').inner_text() == tracking_no
    assert page.locator('[data-field="status_label"]').inner_text() == "待受理"
    assert "#" not in page.url  # the fragment is cleared after use
    assert not any(access_code in url for url in requested), "the access code never goes into a URL sent"
    assert run_axe(page) == []


def test_status_page_wrong_code(page, portal) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{portal.url}/complaints/status/")
    page.fill('[name="tracking_no"]', "TS-20261224-AAAAAA")
    page.fill('[name="access_code"]', "wrong")
    page.click("form[data-status-form] button[type=submit]")
    alert = page.locator("form[data-status-form] [data-form-error], form[data-status-form] [data-error-for]")
    alert.filter(has_text="查询码").first.wait_for(state="visible")
    shown = alert.filter(has_text="查询码").first
    assert shown.get_attribute("role") == "alert" or shown.get_attribute("aria-live") == "polite"
    assert run_axe(page) == []


def test_feedback_form(page, portal) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{portal.url}/feedback/?page_url={portal.url}/powers/{POWER}/")
    assert page.input_value('[name="page_url"]').endswith(f"/powers/{POWER}/")
    assert run_axe(page) == []
    page.select_option('[name="category"]', index=1)
    page.fill('[name="subject"]', "事项办理时限有误")
    page.fill('[name="description"]', "页面所列时限与法规不一致。")
    page.select_option('[name="office"]', "squad-east")
    page.click("form[data-api-form] button[type=submit]")
    page.locator("[data-tracking-no]").wait_for(state="visible")
    assert page.locator("[data-tracking-no]").inner_text()


def test_staff_workbench(page, portal) -> None:  # type: ignore[no-untyped-def]
    created = portal.request(
        "POST",
        "/api/complaints",
        {
            "category": "other",
            "subject": "工作台测试投诉",
            "description": "请受理。",
            "reporter": {"type": "person", "name": "李四", "phone": "13900139000"},
            "street": "东湖街道",
        },
    )
    assert created[0] == 201, created
    import json

    tracking_no = json.loads(created[2])["tracking_no"]
    added = portal.command("staff", "add", "--office", "supervision", "--name", "值班员")
    assert added.returncode == 0, added.stderr
    page.goto(f"{portal.url}/staff/")
    assert run_axe(page) == []
    page.fill("[data-token]", "wrong-token")
    page.click("form[data-signin-form] button[type=submit]")
    page.locator("form[data-signin-form] [data-error-summary]:has-text('令牌无效')").wait_for(state="visible")

    page.fill("[data-token]", added.stdout.strip())
    page.click("form[data-signin-form] button[type=submit]")
    row = page.locator(f'tbody[data-inbox] button:text("{tracking_no}")')
    row.wait_for(state="visible")
    row.click()
    page.locator("[data-detail]").wait_for(state="visible")
    assert (
        "李四" in page.locator("[data-detail-fields]").inner_text()
    )  # the handling office sees the reporter
    page.select_option('[name="action"]', "accept")
    page.click("form[data-action-form] button[type=submit]")
    page.locator("[data-action-done]:has-text('操作已完成')").wait_for()
    assert "办理中" in page.locator("[data-detail-fields]").inner_text()
    assert "已受理" in page.locator("[data-trail]").inner_text()  # the domain's label, rendered into the page
    assert run_axe(page) == []


def test_pages_read_without_javascript(browser, portal) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        java_script_enabled=False, locale="zh-CN", viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    try:
        for path in ("/complaints/new/", "/complaints/status/", "/feedback/", "/staff/"):
            page.goto(portal.url + path)
            assert "JavaScript" in page.locator("noscript").first.inner_text() or page.content().count(
                "noscript"
            )
            assert page.locator("h1").is_visible()
        page.goto(portal.url + "/complaints/new/")
        page.screenshot(path=str(portal.data.parent / "complaint-phone.png"), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, "no horizontal scrolling on a phone"
    finally:
        context.close()


def test_forms_pages_are_valid_html(portal) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    site = portal.data / "site"
    pages = [
        str(site / p / "index.html") for p in ("complaints/new", "complaints/status", "feedback", "staff")
    ]
    vnu = root / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", *pages], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_reporter_rates_the_response_on_the_status_page(page, portal) -> None:  # type: ignore[no-untyped-def]
    import json

    status, _, body = portal.request(
        "POST",
        "/api/complaints",
        {
            "category": "arbitrary-fine",
            "subject": "评价测试",
            "description": "请答复。",
            "reporter": {"type": "person", "name": "赵六", "phone": "13700137000"},
            "street": "青石镇",
        },
    )
    assert status == 201, body
    filed = json.loads(body)
    token = portal.command("staff", "add", "--office", "supervision", "--name", "答复员").stdout.strip()
    auth = {"Authorization": f"Bearer {token}"}
    path = f"/api/complaints/{filed['tracking_no']}/actions"
    assert portal.request("POST", path, {"action": "accept"}, auth)[0] == 200
    assert portal.request("POST", path, {"action": "respond", "text": "经核实,罚款已撤销。"}, auth)[0] == 200

    page.goto(
        f"{portal.url}/complaints/status/#tracking_no={filed['tracking_no']}&access_code={filed['access_code']}"
    )
    page.locator('[data-field="response"]:has-text("罚款已撤销")').wait_for()
    assert page.locator("form[data-rating-form]").is_visible()
    page.select_option('[name="rating"]', "满意")
    page.fill('[name="comment"]', "处理及时")
    page.click("form[data-rating-form] button[type=submit]")
    page.locator('[data-field="rating"]:has-text("满意")').wait_for()
    assert not page.locator("form[data-rating-form]").is_visible()
    assert run_axe(page) == []
