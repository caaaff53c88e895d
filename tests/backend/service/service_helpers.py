"""Fixtures for the service tests: a real SQLite store in a temporary directory, the sample catalog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from complaint_catalog_sample import CREDIT_CODE
from sunlight.service import ComplaintService, FileComplaint, ReporterInput
from sunlight.service.outbox import DeliveryError, OutboundMessage

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(y: int, m: int, d: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(y, m, d, hour, tzinfo=SHANGHAI)


NOW = at(2026, 12, 24)


def command(**changes: object) -> FileComplaint:
    reporter = ReporterInput(
        type="enterprise",
        name="上海示例餐饮管理有限公司",
        credit_code=CREDIT_CODE,
        contact_name="王经理",
        phone="13800138000",
        email="wang@example.com",
    )
    values: dict[str, object] = {
        "category": "arbitrary-fine",
        "subject": "执法人员未出示证件即开具罚单",
        "description": "执法人员在门店前检查时未出示执法证件,当场要求缴纳罚款。",
        "reporter": reporter,
        "office": "squad-xinzhen",
        "street": "新镇街道",
        "occurred_on": "2026-12-20",
    }
    values.update(changes)
    return FileComplaint(**values)  # type: ignore[arg-type]


def without_receipt(**changes: object) -> FileComplaint:
    """A complaint whose reporter gave a landline and no e-mail: only the offices get messages."""
    reporter = ReporterInput(
        type="enterprise",
        name="上海示例餐饮管理有限公司",
        credit_code=CREDIT_CODE,
        contact_name="王经理",
        phone="021-55556666",
    )
    return command(reporter=reporter, **changes)


def staff(service: ComplaintService, office: str) -> str:
    return service.create_account("staff", f"{office}办理人", office, NOW).token


@dataclass
class RecordingChannel:
    """An in-process channel for unit tests (the real SMTP and webhook channels have their own tests)."""

    sent: list[OutboundMessage] = field(default_factory=list)
    down: bool = False

    def send(self, message: OutboundMessage) -> None:
        if self.down:
            raise DeliveryError("connection refused")
        self.sent.append(message)
