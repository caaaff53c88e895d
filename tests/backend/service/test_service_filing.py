"""Filing, idempotency, the reporter's view and the rate limit on wrong access codes."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading

import pytest
from service_helpers import NOW, at, command
from sunlight.service import (
    ComplaintService,
    Conflict,
    FileFeedback,
    Invalid,
    NotFound,
    RateLimited,
    ReporterInput,
    Unauthorized,
    codes,
)


def test_filing_returns_number_code_office_and_deadlines(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    assert re.fullmatch(r"TS-20261224-[2-9A-HJKMNP-Z]{6}", filed.tracking_no)
    assert len(filed.access_code) == 10
    assert filed.handling_office == "brigade-east" and filed.handling_office_name == "东部大队"
    assert filed.status == "submitted" and filed.created
    assert filed.accept_due == dt.date(2026, 12, 29)
    assert filed.respond_due == dt.date(2027, 1, 19)  # projected from the accept deadline
    assert any("2027" in w for w in filed.warnings)  # counted Monday-Friday


def test_access_code_is_stored_only_as_a_salted_hash(service: ComplaintService, tmp_path) -> None:  # type: ignore[no-untyped-def]
    filed = service.file_complaint(command(), "key-1", NOW)
    stored = service.store.get_complaint(filed.tracking_no)
    assert stored is not None and stored.access_hash.startswith("hmac_sha256$")
    raw = (tmp_path / "sunlight.sqlite3").read_bytes() + (tmp_path / "sunlight.sqlite3-wal").read_bytes()
    assert filed.access_code.encode() not in raw
    assert b"key-1" not in raw  # nor the Idempotency-Key


def test_filing_writes_audit_and_notifies_the_handling_office(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    trail = service.store.audit_trail(filed.tracking_no)
    assert [e.action for e in trail] == ["filed"]
    assert trail[0].detail["handling_office"] == "brigade-east"
    messages = [m for m in service.store.list_messages() if m.office]  # the reporter's receipt: #13
    assert {(m.channel, m.recipient) for m in messages} == {
        ("email", "east@example.gov.cn"),
        ("webhook", "http://127.0.0.1:9/hook"),
    }
    for m in messages:  # the reporter's identity stays in the workbench
        assert "王经理" not in m.body and "13800138000" not in m.body and "示例餐饮" not in m.body


def test_invalid_fields_are_all_reported(service: ComplaintService) -> None:
    bad = command(
        category="nope",
        reporter=ReporterInput(
            type="enterprise", name="某公司", credit_code="91350100M000100Y44", phone="123"
        ),
    )
    with pytest.raises(Invalid) as err:
        service.file_complaint(bad, None, NOW)
    fields = {p.field for p in err.value.problems}
    assert {"category", "reporter.credit_code", "reporter.phone"} <= fields
    assert " / " in err.value.message
    assert service.store.all_complaints() == []


def test_a_retry_with_the_same_key_returns_the_same_complaint(service: ComplaintService) -> None:
    first = service.file_complaint(command(), "retry-key", NOW)
    again = service.file_complaint(command(), "retry-key", NOW + dt.timedelta(seconds=5))
    assert again.tracking_no == first.tracking_no
    assert again.access_code == first.access_code  # recovered through the key, never stored in clear
    assert not again.created
    assert len(service.store.all_complaints()) == 1
    with pytest.raises(Conflict):
        service.file_complaint(command(subject="另一件事"), "retry-key", NOW)


def test_concurrent_retries_create_exactly_one_complaint(service: ComplaintService) -> None:
    results = []
    barrier = threading.Barrier(6)

    def go() -> None:
        barrier.wait()
        results.append(service.file_complaint(command(), "same-key", NOW))

    threads = [threading.Thread(target=go) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({r.tracking_no for r in results}) == 1 and len(results) == 6
    assert sum(r.created for r in results) == 1
    assert len({r.access_code for r in results}) == 1
    assert len(service.store.all_complaints()) == 1


def test_reporter_sees_status_deadlines_and_public_timeline(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    view = service.view_for_reporter(filed.tracking_no.lower(), filed.access_code, NOW, "1.2.3.4")
    assert view.status == "submitted" and view.status_label == "待受理"
    assert view.accept_due == dt.date(2026, 12, 29) and view.respond_due == dt.date(2027, 1, 19)
    assert [e.action for e in view.timeline] == ["filed"]
    assert not view.can_rate


def test_wrong_code_and_unknown_number_look_the_same(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    with pytest.raises(NotFound) as wrong:
        service.view_for_reporter(filed.tracking_no, "WRONGCODE2", NOW, "c1")
    with pytest.raises(NotFound) as unknown:
        service.view_for_reporter("TS-20261224-ZZZZZZ", filed.access_code, NOW, "c2")
    assert wrong.value.message == unknown.value.message


def test_repeated_wrong_codes_are_rate_limited_per_number(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    for n in range(5):
        with pytest.raises(NotFound):
            service.view_for_reporter(filed.tracking_no, f"WRONG{n}", NOW, f"client-{n}")
    with pytest.raises(RateLimited):  # a client that has failed may not try again until the window passes
        service.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "client-0")
    later = NOW + dt.timedelta(minutes=16)
    assert (
        service.view_for_reporter(filed.tracking_no, filed.access_code, later, "client-0").status
        == "submitted"
    )
    # a client that has not failed still gets through with the right code (#12: no lock-out by guessing)
    assert (
        service.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "client-new").status
        == "submitted"
    )


def test_repeated_wrong_codes_are_rate_limited_per_client(service: ComplaintService) -> None:
    for n in range(20):
        with pytest.raises(NotFound):
            service.view_for_reporter(f"TS-20261224-AAAA{n:02d}", "X", NOW, "203.0.113.9")
    filed = service.file_complaint(command(), None, NOW)
    with pytest.raises(RateLimited):
        service.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "203.0.113.9")
    assert service.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "198.51.100.1")


def test_correction_request_by_anyone_and_feedback_by_observer(service: ComplaintService) -> None:
    correction = FileFeedback(
        category="correction",
        subject="决定书日期有误",
        description="公示日期与文书不一致",
        decision_id="D-2026-0001",
    )
    filed = service.file_feedback(correction, None, None, NOW)
    assert filed.tracking_no.startswith("FK-") and filed.handling_office == "cases"
    with pytest.raises(Invalid) as err:  # anyone's request must say what it is about
        service.file_feedback(
            FileFeedback(category="correction", subject="s", description="d"), None, None, NOW
        )
    assert err.value.field == "page_url"
    observer = service.create_account("observer", "李代表", "", NOW).token
    obs = service.file_feedback(
        FileFeedback(
            category="observation", subject="建议", description="建议公开更多信息", street="老城街道"
        ),
        observer,
        None,
        NOW,
    )
    stored = service.store.get_complaint(obs.tracking_no)
    assert stored is not None and stored.kind == "feedback" and stored.reporter["type"] == "observer"
    with pytest.raises(Unauthorized):
        service.file_feedback(correction, "slt_not-a-token", None, NOW)


def test_accounts_store_only_token_hashes(service: ComplaintService, tmp_path) -> None:  # type: ignore[no-untyped-def]
    created = service.create_account("staff", "张三", "brigade-east", NOW)
    assert service.authenticate(created.token).office == "brigade-east"
    rows = (
        sqlite3.connect(tmp_path / "sunlight.sqlite3").execute("SELECT token_hash FROM accounts").fetchall()
    )
    assert rows == [(codes.token_hash(created.token),)] and created.token not in rows[0][0]
    with pytest.raises(Unauthorized):
        service.authenticate("slt_wrong")
    with pytest.raises(Invalid):
        service.create_account("staff", "李四", "nowhere", NOW)


def test_access_code_hash_verifies_normalised_input() -> None:
    key = b"0123456789abcdef0123456789abcdef"
    assert codes.verify_access_code("ABCDEF2345", codes.hash_access_code("abcd-ef2345", key), key)
    assert not codes.verify_access_code("ABCDEF2346", codes.hash_access_code("ABCDEF2345", key), key)
    assert not codes.verify_access_code("X", "garbage", key)


def test_naive_now_is_read_as_shanghai(service: ComplaintService) -> None:
    # 2026-12-24 23:30 in Shanghai is still the 24th; as UTC it would be the 25th's morning
    filed = service.file_complaint(command(), None, dt.datetime(2026, 12, 24, 23, 30))
    assert filed.tracking_no.startswith("TS-20261224-")
    utc = service.file_complaint(command(), None, at(2026, 12, 24, 23).astimezone(dt.UTC))
    assert utc.tracking_no.startswith("TS-20261224-")
