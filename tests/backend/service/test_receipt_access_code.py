"""The receipt e-mail carries the access code (查询码) as well as the tracking number (#13), yet the
outbox never holds the code in clear: it is sealed with a key derived from the access-code key
(kept outside the store), opened only when the mail is sent, and removed once it was delivered."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from service_helpers import NOW, RecordingChannel, command
from sunlight.code_key import StaticCodeKey
from sunlight.notify.sms import LogSmsChannel
from sunlight.notify.smtp import SmtpChannel
from sunlight.service import ComplaintService
from sunlight.service.codes import open_receipt_seal, seal_for_receipt
from sunlight.service.sealing import SealError
from sunlight.store.sqlite import SqliteStore

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "notify"))
from mail_helpers import Mailbox, free_port  # noqa: E402


def _grouped(code: str) -> str:
    """ABCD-EFGH-JK, as the receipt page shows it (#13)."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def test_the_receipt_mail_brings_the_access_code_through_a_real_smtp_server(
    service: ComplaintService,
) -> None:
    filed = service.file_complaint(command(), None, NOW)
    code = filed.access_code
    # in the outbox: neither the code nor its grouped form, in the body or the payload
    for m in service.store.list_messages():
        assert code not in m.body + str(m.payload) and _grouped(code) not in m.body + str(m.payload)
    port = free_port()
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        channels = {
            "email": SmtpChannel.from_url(f"smtp://127.0.0.1:{port}?timeout=5"),
            "webhook": RecordingChannel(),
            "sms": LogSmsChannel(),
        }
        result = service.deliver_outbox(NOW, channels)
    finally:
        controller.stop()
    assert result.failed == 0
    [mail] = [m for m in mailbox.messages if m["To"] == "wang@example.com"]
    text = mail.get_content()
    assert filed.tracking_no in text and f"查询码：{_grouped(code)}" in text
    # the office's mails never carry it
    for other in mailbox.messages:
        if other["To"] != "wang@example.com":
            assert code not in other.get_content() and _grouped(code) not in other.get_content()
    # delivered: the sealed copy is gone from the store
    [stored] = [m for m in service.store.list_messages(delivered=True) if m.recipient == "wang@example.com"]
    assert "sealed_code" not in stored.payload


def test_a_failed_send_keeps_the_seal_for_the_retry(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    failing = RecordingChannel(down=True)
    service.deliver_outbox(NOW, {"email": failing, "webhook": RecordingChannel(), "sms": LogSmsChannel()})
    [queued] = [m for m in service.store.list_messages(delivered=False) if m.recipient == "wang@example.com"]
    assert queued.payload.get("sealed_code")
    retry = RecordingChannel()
    later = NOW.replace(hour=12)
    service.deliver_outbox(later, {"email": retry, "webhook": RecordingChannel(), "sms": LogSmsChannel()})
    [sent] = [m for m in retry.sent if m.recipient == "wang@example.com"]
    assert f"查询码：{_grouped(filed.access_code)}" in sent.body
    assert "sealed_code" not in sent.payload  # channels never see the sealed value


def test_the_sms_receipt_never_carries_the_code(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    sms = RecordingChannel()
    service.deliver_outbox(NOW, {"email": RecordingChannel(), "webhook": RecordingChannel(), "sms": sms})
    [text] = [m for m in sms.sent if m.channel == "sms"]
    assert filed.access_code not in text.body and _grouped(filed.access_code) not in text.body


def test_a_copy_of_the_store_without_the_key_cannot_open_the_seal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = SqliteStore(tmp_path / "s.sqlite3")
    service = ComplaintService(store, _catalog(), code_key=StaticCodeKey(b"k" * 32))
    filed = service.file_complaint(command(), None, NOW)
    [mail] = [m for m in store.list_messages() if m.recipient == "wang@example.com"]
    sealed = str(mail.payload["sealed_code"])
    assert open_receipt_seal(sealed, b"k" * 32, filed.tracking_no) == filed.access_code
    with pytest.raises(SealError):
        open_receipt_seal(sealed, b"x" * 32, filed.tracking_no)  # another key
    with pytest.raises(SealError):
        open_receipt_seal(sealed, b"k" * 32, "TS-20261224-OTHER2")  # moved to another complaint
    store.close()


def test_sealing_twice_gives_different_texts() -> None:
    key = b"k" * 32
    a, b = seal_for_receipt("ABCDEFGHJK", key, "T"), seal_for_receipt("ABCDEFGHJK", key, "T")
    assert a != b and "ABCDEFGHJK" not in a


def test_a_seal_that_cannot_be_opened_still_sends_the_receipt_without_the_code(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = SqliteStore(tmp_path / "s.sqlite3")
    ComplaintService(store, _catalog(), code_key=StaticCodeKey(b"old-key-" * 4)).file_complaint(
        command(), None, NOW
    )
    rotated = ComplaintService(store, _catalog(), code_key=StaticCodeKey(b"new-key-" * 4))
    email = RecordingChannel()
    result = rotated.deliver_outbox(
        NOW, {"email": email, "webhook": RecordingChannel(), "sms": LogSmsChannel()}
    )
    assert result.failed == 0
    [mail] = [m for m in email.sent if m.recipient == "wang@example.com"]
    assert "查询码无法附上" in mail.body
    store.close()


def _catalog():  # type: ignore[no-untyped-def]
    from complaint_catalog_sample import sample_catalog

    return sample_catalog()
