"""Access codes (#12 items 6, 7, 13): a keyed hash, the rate limit counted before verifying, no write
on a successful read, equal work for unknown numbers, and the reporter not locked out by guessers.
On every store (SQLite, memory, DynamoDB on moto)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import threading
from collections.abc import Callable, Iterator

import pytest
from complaint_catalog_sample import sample_catalog
from service_helpers import NOW, command
from sunlight.code_key import FileCodeKey, StaticCodeKey
from sunlight.service import ComplaintService, NotFound, RateLimited, codes
from sunlight.service.limits import WRONG_CODES_PER_NUMBER
from sunlight.store.base import Store
from sunlight.store.dynamodb import DynamoStore

KEY = StaticCodeKey(b"k" * 32)


@pytest.fixture
def svc(make_store: Callable[[], Store]) -> Iterator[ComplaintService]:
    store = make_store()
    yield ComplaintService(store, sample_catalog(), code_key=KEY)
    store.close()


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stored hash each verification of an access code was run against."""
    seen: list[str] = []
    real = codes.verify_access_code

    def counting(code: str, stored: str, key: bytes) -> bool:
        seen.append(stored)
        return real(code, stored, key)

    monkeypatch.setattr(codes, "verify_access_code", counting)
    return seen


# --- item 13: a keyed hash ------------------------------------------------------------------------


def test_the_code_is_stored_as_an_hmac_with_a_key_kept_outside_the_store(svc: ComplaintService) -> None:
    filed = svc.file_complaint(command(), None, NOW)
    stored = svc.store.get_complaint(filed.tracking_no)
    assert stored is not None
    scheme, salt, digest = stored.access_hash.split("$")
    assert scheme == "hmac_sha256" and filed.access_code not in stored.access_hash
    import hmac

    expected = hmac.new(b"k" * 32, f"{salt}:{filed.access_code}".encode(), hashlib.sha256).hexdigest()
    assert digest == expected
    assert svc.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "c").status == "submitted"
    other_key = ComplaintService(svc.store, svc.catalog, code_key=StaticCodeKey(b"x" * 32))
    with pytest.raises(NotFound):  # a stolen store without the key: the hash proves nothing
        other_key.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "c")


def test_an_old_pbkdf2_code_works_and_is_migrated_on_its_next_right_check(svc: ComplaintService) -> None:
    from dataclasses import replace

    from sunlight.service import actions
    from sunlight.store.base import PutComplaint

    filed = svc.file_complaint(command(), None, NOW)
    c = svc.store.get_complaint(filed.tracking_no)
    assert c is not None
    salt = "00112233445566778899aabbccddeeff"
    digest = hashlib.pbkdf2_hmac("sha256", b"ABCDE23456", bytes.fromhex(salt), 1000).hex()
    legacy = replace(c, access_hash=f"pbkdf2_sha256$1000${salt}${digest}")  # as filed before the change
    svc.store.transact(
        [PutComplaint(legacy, c.version, actions.timer_on(svc.store, svc.catalog, legacy, NOW))]
    )
    with pytest.raises(NotFound):  # a wrong code migrates nothing
        svc.view_for_reporter(filed.tracking_no, "ABCDE23457", NOW, "c1")
    assert svc.store.get_complaint(filed.tracking_no).access_hash.startswith("pbkdf2_sha256$")  # type: ignore[union-attr]
    assert svc.view_for_reporter(filed.tracking_no, "abcde-23456", NOW, "c2").status == "submitted"
    migrated = svc.store.get_complaint(filed.tracking_no)
    assert migrated is not None and migrated.access_hash.startswith("hmac_sha256$")
    assert migrated.status == c.status and migrated.next_due == c.next_due
    assert svc.view_for_reporter(filed.tracking_no, "ABCDE23456", NOW, "c3").status == "submitted"


def test_the_key_file_is_created_once_with_mode_0600(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "data" / "access-code.key"
    first = FileCodeKey(path).get()
    assert len(first) >= 32
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert FileCodeKey(path).get() == first  # another process, a restart: the same key


# --- item 6: no write on a successful read; equal work; the atomic limit --------------------------


def test_a_right_code_writes_nothing(svc: ComplaintService, store_kind: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    filed = svc.file_complaint(command(), None, NOW)
    for n in range(3):
        assert svc.view_for_reporter(filed.tracking_no, filed.access_code, NOW, f"c{n}")
    for key in (f"wrong-code:number:{filed.tracking_no}", "wrong-code:client:c0"):
        assert svc.store.increment_counter(key, NOW, 900, amount=0) == 0
    if store_kind == "sqlite":  # not even an empty counter row
        import sqlite3

        db = sqlite3.connect(tmp_path / "store.sqlite3")
        assert db.execute("SELECT COUNT(*) FROM counters WHERE key LIKE 'wrong-code:%'").fetchone() == (0,)


def test_a_counter_read_writes_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from sunlight.store.sqlite import SqliteStore

    store = SqliteStore(tmp_path / "s.sqlite3")
    assert store.increment_counter("k", NOW, 60, amount=0) == 0
    assert sqlite3.connect(tmp_path / "s.sqlite3").execute("SELECT COUNT(*) FROM counters").fetchone() == (0,)


def test_an_unknown_number_costs_the_same_verification(
    svc: ComplaintService, verifications: list[str]
) -> None:
    filed = svc.file_complaint(command(), None, NOW)
    with pytest.raises(NotFound):
        svc.view_for_reporter(filed.tracking_no, "WRONGCODE2", NOW, "c1")
    with pytest.raises(NotFound):
        svc.view_for_reporter("TS-20261224-ZZZZZZ", "WRONGCODE2", NOW, "c2")
    with pytest.raises(NotFound):
        svc.view_for_reporter("", "WRONGCODE2", NOW, "c3")
    assert len(verifications) == 3
    assert {h.split("$")[0] for h in verifications} == {"hmac_sha256"}


def test_concurrent_wrong_codes_reach_verification_exactly_the_limit(
    svc: ComplaintService, verifications: list[str]
) -> None:
    filed = svc.file_complaint(command(), None, NOW)
    outcomes: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(20)

    def guess(n: int) -> None:
        start.wait()
        for m in range(5):
            try:
                svc.view_for_reporter(filed.tracking_no, f"GUESS{n:02d}{m}", NOW, "203.0.113.9")
                result = "ok"
            except NotFound:
                result = "wrong"
            except RateLimited:
                result = "limited"
            with lock:
                outcomes.append(result)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 100
    wrong = outcomes.count("wrong")
    assert wrong + outcomes.count("limited") == 100 and len(verifications) == wrong
    if isinstance(svc.store, DynamoStore):
        # The two counters are two items, added one after the other (``Store.count_attempt``'s
        # default): under contention an attempt may see the number's count of one moment and the
        # client's of another, so a guess can be limited early (its number count within 5, its
        # client count already past 20) or pass as the client's first attempt. The limits still
        # bound what is verified: 5 on the number, plus at most the client's first attempt.
        assert 1 <= wrong <= WRONG_CODES_PER_NUMBER + 1
    else:  # one transaction counts both and judges them: exactly the limit
        assert wrong == WRONG_CODES_PER_NUMBER == 5


def test_concurrent_wrong_codes_without_a_client_address_are_limited_too(
    svc: ComplaintService, verifications: list[str]
) -> None:
    filed = svc.file_complaint(command(), None, NOW)
    errors: list[type] = []

    def guess(n: int) -> None:
        try:
            svc.view_for_reporter(filed.tracking_no, f"GUESS{n:03d}", NOW, "")
        except (NotFound, RateLimited) as exc:
            errors.append(type(exc))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors.count(NotFound) == 5 and len(verifications) == 5


# --- item 7: guessers cannot lock the reporter out -----------------------------------------------


def test_the_right_code_from_a_client_that_has_not_failed_gets_through(svc: ComplaintService) -> None:
    filed = svc.file_complaint(command(), None, NOW)
    for n in range(8):
        with pytest.raises((NotFound, RateLimited)):
            svc.view_for_reporter(filed.tracking_no, f"WRONG{n}", NOW, "198.51.100.66")
    with pytest.raises(RateLimited):  # the guesser, even with the right code
        svc.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "198.51.100.66")
    assert (
        svc.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "203.0.113.1").status == "submitted"
    )
    assert (
        svc.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "203.0.113.1").status == "submitted"
    )


def test_a_client_that_failed_on_a_number_under_attack_waits_for_the_window(svc: ComplaintService) -> None:
    filed = svc.file_complaint(command(), None, NOW)
    for n in range(5):
        with pytest.raises(NotFound):
            svc.view_for_reporter(filed.tracking_no, f"WRONG{n}", NOW, f"guesser-{n}")
    with pytest.raises(NotFound):  # a new client may try once more: the guess is counted
        svc.view_for_reporter(filed.tracking_no, "TYPO234567", NOW, "reporter")
    with pytest.raises(RateLimited):  # it has failed now: the per-number limit applies to it
        svc.view_for_reporter(filed.tracking_no, filed.access_code, NOW, "reporter")
    later = NOW + dt.timedelta(minutes=16)
    assert (
        svc.view_for_reporter(filed.tracking_no, filed.access_code, later, "reporter").status == "submitted"
    )
