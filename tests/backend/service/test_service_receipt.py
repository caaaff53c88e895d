"""The receipt (回执) sent to the reporter after filing: e-mail and SMS through the outbox (#13)."""

from __future__ import annotations

import logging

from service_helpers import NOW, RecordingChannel, command
from sunlight.notify.sms import LogSmsChannel
from sunlight.service import ComplaintService, FileFeedback, ReporterInput


def _reporter_messages(service: ComplaintService) -> list:  # type: ignore[type-arg]
    return [m for m in service.store.list_messages() if m.office == ""]


def test_the_receipt_is_e_mailed_with_number_deadlines_office_and_beijing_time(
    service: ComplaintService,
) -> None:
    filed = service.file_complaint(command(), None, NOW)
    mails = [m for m in _reporter_messages(service) if m.channel == "email"]
    [mail] = mails
    assert mail.recipient == "wang@example.com"
    assert mail.kind == "receipt" and mail.tracking_no == filed.tracking_no
    assert filed.tracking_no in mail.subject
    for text in (filed.tracking_no, "东部大队", "2026-12-29", "2027-01-19", "2026-12-24 10:00", "北京时间"):
        assert text in mail.body, text
    assert "https://cg.example.gov.cn/complaints/status/" in mail.body


def test_the_access_code_never_goes_into_the_outbox_in_clear(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    code = filed.access_code
    grouped = f"{code[:4]}-{code[4:8]}-{code[8:]}"
    for m in service.store.list_messages():
        assert code not in m.body and grouped not in m.body and code not in str(m.payload)


def test_the_receipt_goes_by_sms_to_a_mobile_number(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    [sms] = [m for m in _reporter_messages(service) if m.channel == "sms"]
    assert sms.recipient == "13800138000"
    assert filed.tracking_no in sms.body and "2027-01-19" in sms.body
    assert len(sms.body) <= 140


def test_no_receipt_without_an_address_and_no_sms_to_a_landline(service: ComplaintService) -> None:
    reporter = ReporterInput(
        type="enterprise",
        name="上海示例餐饮管理有限公司",
        credit_code=command().reporter.credit_code,
        contact_name="王经理",
        phone="021-55556666",
        email="",
    )
    service.file_complaint(command(reporter=reporter), None, NOW)
    assert _reporter_messages(service) == []


def test_feedback_with_an_e_mail_gets_a_receipt_too(service: ComplaintService) -> None:
    filed = service.file_feedback(
        FileFeedback(
            category="correction",
            subject="公示页面当事人名称有误",
            description="名称少了一个字。",
            decision_id="",
            page_url="/decisions/",
            email="li@example.com",
        ),
        None,
        None,
        NOW,
    )
    [mail] = _reporter_messages(service)
    assert mail.recipient == "li@example.com" and filed.tracking_no in mail.body


def test_log_sms_channel_logs_a_masked_number_and_sends_nothing(service: ComplaintService, caplog) -> None:  # type: ignore[no-untyped-def]
    service.file_complaint(command(), None, NOW)
    email = RecordingChannel()
    with caplog.at_level(logging.INFO, logger="sunlight.notify.sms"):
        result = service.deliver_outbox(NOW, {"email": email, "webhook": email, "sms": LogSmsChannel()})
    assert result.failed == 0 and result.delivered == 4  # two office messages, the e-mail and the SMS
    logged = caplog.text
    assert "138****8000" in logged and "13800138000" not in logged
    assert not [m for m in service.store.list_messages(delivered=False) if m.channel == "sms"]
