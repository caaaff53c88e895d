"""The 12345 exchange's service on every store (SQLite file, memory, DynamoDB on moto): the same order
delivered several times at once makes one complaint; a sealed secret opens only for its partner."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import threading
from collections.abc import Callable
from dataclasses import replace

import pytest
from complaint_catalog_sample import sample_catalog
from sunlight.code_key import StaticCodeKey
from sunlight.domain.errors import Unauthorized
from sunlight.domain.local_time import SHANGHAI
from sunlight.service import ComplaintService, exchange
from sunlight.service.partner_secrets import SecretError, seal, unseal
from sunlight.store.base import Store

NOW = dt.datetime(2026, 12, 24, 10, 0, tzinfo=SHANGHAI)  # 1798077600
KEY = StaticCodeKey(b"exchange-service-tests-" * 2)
ORDER = {
    "order_no": "GD-1",
    "received_at": "2026-12-24T09:00:00+08:00",
    "category": "arbitrary-fine",
    "subject": "罚款未开票据",
    "description": "来电人称罚款后未开具票据。",
    "reporter": {"name": "王女士", "phone": "13700137000"},
    "street": "新镇街道",
}


@pytest.fixture
def service(make_store: Callable[[], Store]) -> ComplaintService:
    return ComplaintService(make_store(), sample_catalog(), code_key=KEY)


def headers(secret: str, timestamp: int, body: bytes) -> dict[str, str]:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Timestamp": str(timestamp), "X-Signature": f"sha256={mac}"}


def test_one_order_delivered_six_times_at_once_is_one_complaint(service: ComplaintService) -> None:
    secret = exchange.add_partner(service.store, KEY.get(), "12345", "https://h.example/", NOW)[1]
    body = json.dumps(ORDER).encode()
    barrier = threading.Barrier(6)
    results: list[tuple[bool, str]] = []

    def go(n: int) -> None:
        signed = headers(secret, 1798077600 + n, body)  # each signed on its own: no replay
        barrier.wait()
        filed, _order = service.receive_order("12345", signed, body, json.loads, NOW)
        results.append((filed.created, filed.tracking_no))

    threads = [threading.Thread(target=go, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 6
    assert sum(created for created, _ in results) == 1
    assert len({number for _, number in results}) == 1
    assert len(service.store.all_complaints()) == 1


def test_a_sealed_secret_opens_only_for_its_partner_and_key(service: ComplaintService) -> None:
    secret = exchange.add_partner(service.store, KEY.get(), "12345", "https://h.example/", NOW)[1]
    p = service.store.get_partner("12345")
    assert p is not None and secret not in p.sealed_secret
    assert unseal(p.sealed_secret, "12345", KEY.get()) == secret
    with pytest.raises(SecretError):
        unseal(p.sealed_secret, "0571-12345", KEY.get())  # copied onto another partner
    with pytest.raises(SecretError):
        unseal(p.sealed_secret, "12345", b"another-key-" * 3)
    # a partner whose secret does not open (the key was lost) is refused like a bad signature
    service.store.put_partner(replace(p, sealed_secret=p.sealed_secret[:-2] + "00"), expected_new=False)
    body = json.dumps(ORDER).encode()
    with pytest.raises(Unauthorized):
        service.receive_order("12345", headers(secret, 1798077600, body), body, json.loads, NOW)


def test_sealing_is_randomised_and_tamper_evident() -> None:
    key, secret = KEY.get(), "ab" * 32
    first, second = seal(secret, "12345", key), seal(secret, "12345", key)
    assert first != second  # a fresh nonce each time
    assert unseal(first, "12345", key) == unseal(second, "12345", key) == secret
    scheme, data = first.split("$")
    raw = bytearray(base64.urlsafe_b64decode(data))
    raw[20] ^= 1  # one bit of the ciphertext
    with pytest.raises(SecretError):
        unseal(f"{scheme}${base64.urlsafe_b64encode(bytes(raw)).decode()}", "12345", key)
    with pytest.raises(SecretError):
        unseal("not sealed", "12345", key)
