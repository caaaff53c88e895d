"""Journeys of #13 on a phone (390 x 844) against ``sunlight serve``: file a complaint and keep the
receipt, read the status in Beijing time, staff handle it in Chinese, the observer's 我的监督.

The portal runs with SUNLIGHT_NOW = 2026-12-24 10:00 Beijing time (02:00 UTC): every time shown to
people must read 10:00. Screenshots are kept under the test's tmp dir."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from portal_process import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
FILED_AT_BEIJING = "2026-12-24 10:00"  # SUNLIGHT_NOW of tests/forms/conftest.py
GROUPED = re.compile(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}")
FORM_PAGES = ("/complaints/new/", "/complaints/status/", "/feedback/", "/staff/")


@pytest.fixture
def phone(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", viewport=PHONE, device_scale_factor=1)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def _fill_complaint(page) -> None:  # type: ignore[no-untyped-def]
    page.select_option('[name="category"]', "arbitrary-fine")
    page.fill('[name="subject"]', "检查时未出示执法证件")
    page.fill('[name="description"]', "执法人员到店检查时未出示证件，当场开具罚款。")
    page.select_option('[name="office"]', "squad-east")
    page.fill('[name="reporter.name"]', "青石示例贸易有限公司")
    page.fill('[name="reporter.credit_code"]', "91350100M000100Y43")
    page.fill('[name="reporter.contact_name"]', "王经理")
    page.fill('[name="reporter.phone"]', "13800138000")


def _file_by_api(portal, subject: str) -> dict:  # type: ignore[no-untyped-def]
    status, _, body = portal.request(
        "POST",
        "/api/complaints",
        {
            "category": "arbitrary-fine",
            "subject": subject,
            "description": "请核实。",
            "reporter": {
                "type": "enterprise",
                "name": "青石示例贸易有限公司",
                "credit_code": "91350100M000100Y43",
                "contact_name": "王经理",
                "phone": "13800138000",
            },
            "office": "squad-east",
        },
    )
    assert status == 201, body
    return json.loads(body)


def test_buttons_are_filled_and_at_least_44px_tall_on_every_form(phone, portal) -> None:  # type: ignore[no-untyped-def]
    for path in FORM_PAGES:
        phone.goto(portal.url + path)
        buttons = phone.locator("main button:visible")
        assert buttons.count() >= 1, path
        for i in range(buttons.count()):
            b = buttons.nth(i)
            box = b.bounding_box()
            assert box is not None and box["height"] >= 44, (path, b.inner_text(), box)
            background = b.evaluate("el => getComputedStyle(el).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)", "transparent"), (
                path,
                background,
            )


def test_file_keep_the_receipt_and_read_the_status_in_beijing_time(phone, portal, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = phone
    page.goto(portal.url + "/complaints/new/")
    # every field the server requires says so
    for name in ("category", "subject", "description", "reporter.name"):
        label = page.locator(f'label[for="{page.get_attribute(f"[name={json.dumps(name)}]", "id")}"]')
        assert "必填" in label.inner_text(), name
    for name in ("reporter.credit_code", "reporter.contact_name"):
        label = page.locator(f'label[for="{page.get_attribute(f"[name={json.dumps(name)}]", "id")}"]')
        assert "企业必填" in label.inner_text(), name

    # a failed submit: an error summary at the top, focused, linking to each field, in Chinese only
    page.click("form[data-api-form] button[type=submit]")
    summary = page.locator("[data-error-summary]")
    summary.wait_for(state="visible")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    links = summary.locator("a")
    assert links.count() >= 4
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "#f-subject" in hrefs and "#f-category" in hrefs
    assert not re.search(r"[A-Za-z]{3,}", summary.inner_text()), summary.inner_text()  # no English half
    assert run_axe(page) == []
    page.screenshot(path=str(tmp_path / "error-summary-phone.png"))
    links.filter(has_text="事由").first.click()
    assert page.evaluate("document.activeElement.name") == "subject"

    _fill_complaint(page)
    page.click("form[data-api-form] button[type=submit]")
    code_el = page.locator("[data-access-code]")
    code_el.wait_for(state="visible")
    assert not summary.is_visible()
    code = code_el.inner_text()
    tracking_no = page.locator("[data-tracking-no]").inner_text()
    assert GROUPED.fullmatch(code), code
    assert re.fullmatch(r"TS-20261224-\w{6}", tracking_no)
    # the receipt: office, deadlines as dates, filing time in Beijing time
    receipt = page.locator("[data-receipt]")
    text = receipt.inner_text()
    assert "勤务监督科" in text and FILED_AT_BEIJING in text and "北京时间" in text
    assert re.search(r"受理期限\s*20\d\d-\d\d-\d\d", text) and re.search(r"答复期限\s*20\d\d-\d\d-\d\d", text)
    # copy buttons
    page.click("[data-copy-target=access-code]")
    page.locator("[data-copy-status]:has-text('已复制')").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == code
    page.click("[data-copy-target=tracking-no]")
    page.wait_for_function("async () => (await navigator.clipboard.readText()).startsWith('TS-')")
    assert run_axe(page) == []
    page.screenshot(path=str(tmp_path / "receipt-phone.png"), full_page=True)
    # the print view: the receipt alone
    assert page.locator("button[data-print]").is_visible()
    page.emulate_media(media="print")
    assert receipt.is_visible()
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator("form[data-api-form]").is_visible()
    page.screenshot(path=str(tmp_path / "receipt-print.png"), full_page=True)
    page.emulate_media(media="screen")

    # the status page: in the navigation, code accepted with dashes and in lower case, Beijing time
    page.goto(portal.url + "/")
    page.click(".site-nav summary")  # on a phone the menu is collapsed: open it first
    page.locator(".site-nav a", has_text="进度查询").first.click()
    page.wait_for_url("**/complaints/status/")
    page.fill('[name="tracking_no"]', tracking_no.lower())
    page.fill('[name="access_code"]', code.lower())
    assert page.get_attribute('[name="access_code"]', "type") == "password"
    toggle = page.locator("button[data-toggle-code]")
    toggle.click()
    assert page.get_attribute('[name="access_code"]', "type") == "text"
    assert toggle.get_attribute("aria-pressed") == "true"
    page.click("form[data-status-form] button[type=submit]")
    page.locator('[data-field="status_label"]').wait_for(state="visible")
    assert page.locator('[data-field="status_label"]').inner_text() == "待受理"
    assert page.locator('[data-field="filed_at"]').inner_text() == FILED_AT_BEIJING
    timeline = page.locator("[data-timeline]").inner_text()
    assert FILED_AT_BEIJING in timeline and "02:00" not in timeline
    assert run_axe(page) == []
    page.screenshot(path=str(tmp_path / "status-phone.png"), full_page=True)


def test_staff_handle_a_complaint_in_chinese(phone, portal, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = phone
    filed = _file_by_api(portal, "工作台中文名称测试")
    token = portal.command("staff", "add", "--office", "supervision", "--name", "值班员").stdout.strip()
    page.goto(portal.url + "/staff/")
    assert "sunlight staff" not in page.locator("main").inner_text()
    page.fill("[data-token]", token)
    page.click("form[data-signin-form] button[type=submit]")
    row = page.locator(f'tbody[data-inbox] tr:has-text("{filed["tracking_no"]}")')
    row.wait_for(state="visible")
    assert "乱罚款" in row.inner_text()
    row.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "inbox-phone.png"))
    row.locator("button").click()
    details = page.locator("[data-detail-fields]")
    details.wait_for(state="visible")
    shown = details.inner_text()
    assert "东湖街道中队" in shown and "乱罚款" in shown and "企业" in shown and "勤务监督科" in shown
    for raw in ("enterprise", "squad-east", "arbitrary-fine", "supervision"):
        assert raw not in shown, raw

    # only the fields of the chosen action
    def visible(name: str) -> bool:
        return bool(page.locator(f'form[data-action-form] [name="{name}"]').is_visible())

    page.select_option('[name="action"]', "transfer")
    assert visible("to_office") and visible("reason") and not visible("days") and not visible("text")
    page.select_option('[name="action"]', "respond")
    assert visible("text") and not visible("to_office") and not visible("days")
    page.select_option('[name="action"]', "accept")
    assert not any(visible(n) for n in ("text", "to_office", "reason", "days"))
    page.click("form[data-action-form] button[type=submit]")
    page.locator("[data-action-done]:has-text('操作已完成')").wait_for()
    assert page.input_value('[name="action"]') == ""  # the form is cleared
    trail = page.locator("[data-trail]").inner_text()
    assert "值班员" in trail and "staff:" not in trail
    assert FILED_AT_BEIJING in trail
    assert run_axe(page) == []
    page.screenshot(path=str(tmp_path / "workbench-phone.png"), full_page=True)


def test_observer_signs_in_once_and_sees_my_feedback(phone, portal, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = phone
    token = portal.command("observer", "add", "--name", "林监督员").stdout.strip()
    page.goto(portal.url + "/feedback/")
    contact = page.locator("fieldset", has_text="联系方式")
    assert contact.locator("input[type=password]").count() == 0  # the token is not a contact detail
    page.locator("[data-observer-signin] summary").click()
    page.fill("[data-observer-token]", token)
    page.click("[data-observer-signin] button[type=submit]")
    page.locator("[data-observer-name]:has-text('林监督员')").wait_for()

    page.select_option('[name="category"]', index=1)
    page.fill('[name="subject"]', "东湖中队检查频次过高")
    page.fill('[name="description"]', "本月同一商户被检查四次。")
    page.select_option('[name="office"]', "squad-east")
    page.click("form[data-api-form] button[type=submit]")
    page.locator("[data-tracking-no]").wait_for(state="visible")
    number = page.locator("[data-tracking-no]").inner_text()

    page.reload()  # the same browser session: still signed in
    mine = page.locator("[data-my-feedback]")
    mine.locator(f"tr:has-text('{number}')").wait_for()
    row = mine.locator(f"tr:has-text('{number}')").inner_text()
    assert "待受理" in row and re.search(r"20\d\d-\d\d-\d\d", row)
    assert page.locator("h2", has_text="我的监督").is_visible()
    assert run_axe(page) == []
    page.screenshot(path=str(tmp_path / "observer-phone.png"), full_page=True)


def test_compliance_shows_complaint_statistics_as_a_table(phone, portal) -> None:  # type: ignore[no-untyped-def]
    _file_by_api(portal, "统计表测试")
    phone.goto(portal.url + "/compliance/")
    table = phone.locator("table", has=phone.locator("caption", has_text="投诉办理"))
    table.locator("tbody tr th", has_text="勤务监督科").wait_for()
    # the count says what it counts (it differs from the list of /decisions/)
    assert "含公示期已届满、已撤下的" in phone.locator("main").inner_text()
    assert run_axe(phone) == []


def test_form_pages_use_full_width_punctuation_in_chinese_text(portal) -> None:  # type: ignore[no-untyped-def]
    site = portal.data / "site"
    half = re.compile(r"[\u4e00-\u9fff][,;:()!?]|[,;:()!?][\u4e00-\u9fff]")
    for path in FORM_PAGES:
        html = (site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        main = html[html.index("<main") : html.index("</main>")]
        text = re.sub(r"<[^>]+>", " ", main)
        assert not half.findall(text), (path, half.findall(text))
    script = (site / "theme" / "js" / "forms.js").read_text(encoding="utf-8")
    strings = re.findall(r'"([^"\n]*[\u4e00-\u9fff][^"\n]*)"', script)
    assert strings and not [s for s in strings if half.search(s)]
