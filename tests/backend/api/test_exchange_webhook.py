"""Status updates of a 12345 work order reach the partner's webhook (a real local http.server), signed
with the partner's secret (checked here with the hmac module), through the outbox: retried after a
failure, never sent twice; on both stores (SQLite file, DynamoDB on moto)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterator
from typing import Any

import pytest
from api_fixtures import NOW, Api
from sunlight import bootstrap
from sunlight.service import exchange
from test_exchange_api import order, post
from webhook_receiver import Receiver, running_receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver("/12345/status") as server:
        yield server


@pytest.fixture
def secret(wiring: Any, receiver: Receiver) -> str:
    service = wiring.service
    return exchange.add_partner(service.store, service.code_key.get(), "12345", receiver.url, NOW)[1]


def verified(headers: dict[str, str], body: bytes, secret: str) -> dict[str, Any]:
    """The body, once its signature is checked independently of the code under test."""
    timestamp = headers["X-Timestamp"]
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Signature"], "sha256=" + expected)
    assert abs(int(timestamp) - dt.datetime.now(dt.UTC).timestamp()) < 60  # signed when sent
    return json.loads(body)


def deliver(wiring: Any, at: dt.datetime) -> Any:
    channels = {"partner": bootstrap.partner_channel(wiring.service)}
    return wiring.service.deliver_outbox(at, channels)


def staff(wiring: Any, office: str) -> dict[str, str]:
    created = wiring.service.create_account("staff", f"{office} 办事员", office, NOW)
    return {"authorization": f"Bearer {created.token}"}


def test_accepted_and_responded_reach_the_webhook_signed_once_each(
    api: Api, wiring: Any, receiver: Receiver, secret: str
) -> None:
    filed = post(api, order(), secret)
    assert filed.status_code == 201
    number = filed.json["tracking_no"]
    deliver(wiring, NOW)
    assert receiver.received == []  # filing is answered in the response itself: nothing to tell yet

    squad = staff(wiring, "squad-east")
    assert (
        api.post(f"/api/complaints/{number}/actions", {"action": "accept"}, headers=squad).status_code == 200
    )
    receiver.fail_next = 1  # the hotline's server is down at first
    first = deliver(wiring, NOW)
    assert receiver.received == [] and first.failed >= 1
    deliver(wiring, NOW + dt.timedelta(seconds=30))  # backoff not over: not sent again yet
    assert receiver.received == []
    deliver(wiring, NOW + dt.timedelta(minutes=2))
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    update = verified(headers, body, secret)
    assert update["order_no"] == "GD20261224000123"
    assert update["tracking_no"] == number
    assert update["status"] == "accepted" and update["status_label"] == "办理中"
    assert [e["event"] for e in update["events"]] == ["accepted"]
    assert update["handling_office"] == "squad-east"
    assert headers["X-Sunlight-Message-Id"] == update["id"]
    text = body.decode("utf-8")
    assert "李先生" not in text and "13900139000" not in text  # the caller stays with the hotline

    deliver(wiring, NOW + dt.timedelta(hours=2))
    assert len(receiver.received) == 1  # delivered once: never again

    answer = "经核实，执法人员已当场出示证件，罚款依据充分；已向当事人说明。"
    r = api.post(f"/api/complaints/{number}/actions", {"action": "respond", "text": answer}, headers=squad)
    assert r.status_code == 200, r.json
    deliver(wiring, NOW + dt.timedelta(hours=3))
    assert len(receiver.received) == 2
    update = verified(*receiver.received[1], secret)
    assert update["status"] == "responded"
    assert update["events"] == [{"event": "responded", "label": "已答复", "text": answer}]


def test_a_note_is_not_told_and_a_rotated_secret_signs_what_is_still_queued(
    api: Api, wiring: Any, receiver: Receiver, secret: str
) -> None:
    number = post(api, order(), secret).json["tracking_no"]
    squad = staff(wiring, "squad-east")
    note = {"action": "note", "text": "内部：先电话联系当事人"}
    assert api.post(f"/api/complaints/{number}/actions", note, headers=squad).status_code == 200
    assert (
        api.post(f"/api/complaints/{number}/actions", {"action": "accept"}, headers=squad).status_code == 200
    )
    service = wiring.service
    _partner, new = exchange.rotate_secret(service.store, service.code_key.get(), "12345", NOW)
    deliver(wiring, NOW)
    assert len(receiver.received) == 1  # the accept; the note is internal
    headers, body = receiver.received[0]
    assert "先电话联系" not in body.decode("utf-8")
    with pytest.raises(AssertionError):
        verified(headers, body, secret)  # the old secret no longer signs
    assert verified(headers, body, new)["events"][0]["event"] == "accepted"


def test_a_timer_marking_the_order_overdue_is_told(
    api: Api, wiring: Any, receiver: Receiver, secret: str
) -> None:
    number = post(api, order(), secret).json["tracking_no"]
    # filed Thursday 2026-12-24, 3 working days to accept: due Tuesday 2026-12-29; nobody accepts
    later = dt.datetime(2026, 12, 30, 9, 0, tzinfo=NOW.tzinfo)
    wiring.service.tick(later)
    deliver(wiring, later)
    events = [e["event"] for _h, b in receiver.received for e in json.loads(b)["events"]]
    assert events == ["overdue"]
    update = verified(*receiver.received[0], secret)
    assert update["tracking_no"] == number and update["overdue"] == ["accept"]
