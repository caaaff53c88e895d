"""Shared records for the decision tests: a few offices and powers, and a decision factory."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sunlight.content.model import Decision, Office, Power, Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.credit_code import check_character

OFFICES = [
    Office(id="bureau", name="江州市明川区城市管理行政执法局", kind="bureau"),
    Office(id="squad-a", name="新镇中队", kind="squad", parent="bureau"),
    Office(id="squad-b", name="城南中队", kind="squad", parent="bureau"),
]
POWERS = [
    Power(code="330217001000", name="对擅自占用城市道路的处罚", type="行政处罚", domain="市政"),
    Power(code="330217002000", name="对乱倒建筑垃圾的处罚", type="行政处罚", domain="市容环卫"),
    Power(code="330217003000", name="对消防通道堆物的处罚", type="行政处罚", domain="消防"),
    Power(code="330217004000", name="户外广告设施设置许可", type="行政许可", domain="市容环卫"),
]


def credit_code(body: str = "91330100MA2") -> str:
    """A valid 统一社会信用代码 from a prefix, padded to 17 characters."""
    first17 = (body + "0" * 17)[:17]
    return first17 + check_character(first17)


def make(**fields: object) -> Decision:
    """A valid, public-looking 行政处罚 decision on an organisation; fields override."""
    base: dict[str, object] = {
        "id": "D1",
        "doc_no": "明城管罚决字〔2025〕第000101号",
        "kind": "行政处罚",
        "procedure": "一般程序",
        "party_type": "法人",
        "party_name": "江州明川示例建材有限公司",
        "credit_code": credit_code(),
        "legal_rep": "王建国",
        "facts": "当事人未经批准擅自占用城市道路堆放建筑材料。",
        "basis": "《城市道路管理条例》第四十二条",
        "content": "罚款人民币贰仟元整",
        "amount": Decimal("2000"),
        "office": "squad-a",
        "power_code": "330217001000",
        "decided_on": dt.date(2025, 9, 1),
        "published_on": dt.date(2025, 9, 3),
        "source": "content/decisions/test.csv",
        "line": 2,
    }
    base.update(fields)
    return Decision(**base)  # type: ignore[arg-type]


@pytest.fixture
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.fixture
def policy() -> Publication:
    return Publication()


def publish_on(
    *decisions: Decision,
    today: dt.date,
    policy: Publication | None = None,
    calendar: WorkingCalendar | None = None,
):  # -> PublicationResult
    """The publication policy over ``decisions`` with the offices and powers above."""
    from sunlight.domain.publication import publish

    return publish(
        list(decisions),
        offices=OFFICES,
        powers=POWERS,
        policy=policy or Publication(),
        calendar=calendar or WorkingCalendar(),
        today=today,
    )
