"""From a decision to a complaint on a phone: open the decision, tap 对此决定投诉, the form arrives
with the decision, the office and the power item filled in, and the 文书号 is accepted too."""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from portal_process import FIXTURE, Portal, free_port, run_axe
from sunlight.domain.credit_code import complete_credit_code

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOW = "2026-12-24T10:00:00+08:00"
RECORD = "QS-2026-0001"
DOC_NO = "青石城管罚决字〔2026〕第000001号"
POWER = "330217001000"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
SCREENSHOTS = Path(os.environ.get("SUNLIGHT_SCREENSHOTS", "/tmp/sunlight-screenshots"))


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Iterator[Portal]:  # type: ignore[no-untyped-def]
    content = tmp_path_factory.mktemp("journey") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "decisions").mkdir()
    with (content / "decisions" / "2026.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "doc_no", "kind", "party_type", "party_name", "credit_code", "legal_rep", "facts",
                    "basis", "content", "amount", "office", "power_code", "decided_on", "published_on"])  # fmt: skip
        w.writerow([RECORD, DOC_NO, "行政处罚", "法人", "青石示例餐饮有限公司", complete_credit_code("91350100M0001000"),
                    "王建国", "当事人占用人行道堆放杂物。", "《城市市容和环境卫生管理条例》第三十四条",
                    "罚款人民币500元。", "500", "squad-east", POWER, "2026-12-01", "2026-12-03"])  # fmt: skip
    running = Portal(content, content.parent / "data", free_port()).start(SUNLIGHT_NOW=NOW)
    yield running
    running.stop()


def test_complain_from_a_decision_on_a_phone(browser, portal) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(f"{portal.url}/decisions/{RECORD}/")
        assert page.locator("dd", has_text=RECORD).first.is_visible()  # the record id is on the page
        assert page.get_by_role("heading", name="救济途径").is_visible()
        assert run_axe(page) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "decision-phone.png"), full_page=True)
        button = page.get_by_role("link", name="对此决定投诉")
        box = button.bounding_box()
        assert box is not None and box["height"] >= 44
        button.tap()
        page.wait_for_url("**/complaints/new/**")
        page.wait_for_function("document.querySelector('[name=decision_id]').value !== ''")
        assert page.input_value('[name="decision_id"]') == RECORD
        assert page.input_value('[name="office"]') == "squad-east"
        assert page.input_value('[name="power_code"]') == POWER
        page.screenshot(path=str(SCREENSHOTS / "complaint-prefilled-phone.png"), full_page=True)

        # The owner types the 文书号 from the paper instead: accepted, kept as the record id.
        page.fill('[name="decision_id"]', "青石城管罚决字[2026]1号")
        page.select_option('[name="category"]', "arbitrary-fine")
        page.fill('[name="subject"]', "罚款决定认定事实有误")
        page.fill('[name="description"]', "杂物为临时卸货,十分钟内已清理。")
        page.fill('[name="reporter.name"]', "青石示例餐饮有限公司")
        page.fill('[name="reporter.credit_code"]', "91350100M000100Y43")
        page.fill('[name="reporter.contact_name"]', "王经理")
        page.fill('[name="reporter.phone"]', "13800138000")
        page.locator("form[data-api-form] button[type=submit]").tap()
        page.locator("[data-tracking-no]").wait_for(state="visible")
        tracking_no = page.locator("[data-tracking-no]").inner_text()
        assert tracking_no
    finally:
        context.close()
