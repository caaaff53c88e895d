"""案卷评查 in real headless Chromium on a phone (390 x 844), against ``sunlight serve`` on the sample
agency with the demo's reviews (``--reviews-from scripts/demo/case-reviews.json``, as ``make demo``):
the published report page reads without JavaScript and passes axe; in the workbench the supervision
office draws 2025's sample, scores a case file (a score over the item's points is refused, naming
the item) and finishes an office; the panel passes axe."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from portal_process import ROOT, Portal, free_port, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
FULL = {"主体合法": 10, "事实清楚": 15, "证据充分": 15, "程序合法": 15, "适用法律正确": 15, "裁量适当": 10,
        "文书规范": 10, "法制审核": 10}  # fmt: skip


@pytest.fixture(scope="module")
def sample_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    running = Portal(
        ROOT / "content", tmp_path_factory.mktemp("reviews") / "data", free_port(),
        args=("--reviews-from", str(ROOT / "scripts" / "demo" / "case-reviews.json")),
    ).start(SUNLIGHT_NOW="2026-02-10T09:30:00+08:00")  # fmt: skip
    yield running
    running.stop()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="zh-CN", viewport=PHONE, device_scale_factor=1, java_script_enabled=True
    )
    yield context.new_page()
    context.close()


def test_the_report_page_reads_on_a_phone_without_javascript(
    browser: Any, phone: Any, sample_portal: Portal
) -> None:
    context = browser.new_context(locale="zh-CN", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_portal.url + "/supervision/")
    page.locator("main a", has_text="西片执法大队").click()
    page.wait_for_url("**/supervision/reviews/2025/brigade-west/")
    assert page.locator("h1").inner_text() == "2025年度案卷评查报告：西片执法大队"
    assert page.locator("[data-seed]").inner_text() == "5d0c8f3a9e7b41c2a6f08d1e3b7c9a24"
    assert page.locator("[data-review-cases] tbody tr").count() == 5
    context.close()
    for path in ("/supervision/reviews/2025/brigade-west/", "/supervision/"):
        phone.goto(sample_portal.url + path)
        # no sideways scroll of the page itself: the wide table scrolls in its own region
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert run_axe(phone) == []


def test_the_supervision_office_draws_scores_and_finishes(phone: Any, sample_portal: Portal) -> None:
    token = sample_portal.command(
        "staff", "add", "--office", "supervision", "--name", "勤务监督科评查员"
    ).stdout.strip()
    phone.goto(sample_portal.url + "/staff/")
    phone.fill("[data-token]", token)
    phone.locator("[data-signin-form] button[type=submit]").click()
    phone.locator("[data-review-form]").wait_for()
    phone.fill('[name="review.year"]', "2025")
    phone.locator("[data-review-form] button[type=submit]").click()
    phone.locator("[data-review-seed]").wait_for()
    seed = phone.locator("[data-review-seed]").inner_text()
    status, review = sample_portal.json(
        "GET", "/api/reviews/2025", headers={"Authorization": f"Bearer {token}"}
    )
    assert status == 200 and review["seed"] == seed
    east = phone.locator('[data-review-office="brigade-east"]')
    assert east.locator("form[data-review-case]").count() == 4  # 4 decisions in 2025: all drawn
    assert run_axe(phone) == []  # the panel with its forms, on a phone
    first = east.locator("form[data-review-case]").first
    for item, points in FULL.items():
        first.get_by_label(item, exact=False).fill(str(points))
    first.get_by_label("主体合法", exact=False).fill("12")  # over 10 points
    first.locator("button[type=submit]").click()
    first.locator("[role=alert]").filter(has_text="scores.主体合法").wait_for()
    first.get_by_label("主体合法", exact=False).fill("8")
    first.get_by_label("主要问题").fill("执法主体资格证明材料未归档")
    first.locator("button[type=submit]").click()
    first.locator("[data-review-total]").filter(has_text="总分 98").wait_for()
    east.locator("[data-review-finish]").click()
    east.locator("[role=alert]").last.filter(has_text="未评分").wait_for()  # three cases left
    for n in range(1, 4):
        case = phone.locator('[data-review-office="brigade-east"] form[data-review-case]').nth(n)
        for item, points in FULL.items():
            case.get_by_label(item, exact=False).fill(str(points))
        case.locator("button[type=submit]").click()
        case.locator("[data-review-total]").filter(has_text="总分 100").wait_for()
    phone.locator('[data-review-office="brigade-east"] [data-review-finish]').click()
    phone.locator('[data-review-office="brigade-east"] [data-review-finished="true"]').wait_for()
    status, review = sample_portal.json(
        "GET", "/api/reviews/2025", headers={"Authorization": f"Bearer {token}"}
    )
    office = next(o for o in review["offices"] if o["office"] == "brigade-east")
    assert office["finished"] is True and office["average_total"] == 99.5  # (98 + 100 * 3) / 4
    assert json.dumps(review, ensure_ascii=False).count("执法主体资格证明材料未归档") == 1
    assert run_axe(phone) == []
