"""Tracking numbers, access codes, tokens and how they are stored (hashed, never in clear)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from typing import Any

from sunlight.service import sealing

# No 0/O, 1/I/L: people read these aloud and type them from paper.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TRACKING_RANDOM = 6
ACCESS_CODE_LENGTH = 10
HMAC_SCHEME = "hmac_sha256"
LEGACY_SCHEME = "pbkdf2_sha256"  # codes filed before the keyed hash: verified, then migrated
ZONE_NAME = "Asia/Shanghai"


def _random(length: int) -> str:
    """``length`` characters of ``ALPHABET`` from one draw of 128 random bits (one system call, not
    one a character); 31**10 is about 2**50, so the bias of the remainder is below 2**-78."""
    n = secrets.randbits(128)
    out = []
    for _ in range(length):
        n, digit = divmod(n, len(ALPHABET))
        out.append(ALPHABET[digit])
    return "".join(out)


def new_tracking_no(filed_on: dt.date, prefix: str = "TS") -> str:
    """E.g. ``TS-20261224-7KQ2MX``."""
    return f"{prefix}-{filed_on:%Y%m%d}-{_random(TRACKING_RANDOM)}"


def normalise_tracking_no(text: str) -> str:
    return text.strip().upper()


def new_access_code() -> str:
    return _random(ACCESS_CODE_LENGTH)


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def hash_access_code(code: str, key: bytes) -> str:
    """A keyed hash: ``hmac_sha256$<salt>$<HMAC-SHA-256(key, salt:code)>``. The code is random (~50
    bits), so a fast keyed hash is enough; without the key (kept outside the store,
    ``sunlight.code_key``) a copy of the store cannot test a guess."""
    salt = secrets.token_hex(8)
    return f"{HMAC_SCHEME}${salt}${_mac(key, salt, code)}"


def _mac(key: bytes, salt: str, code: str) -> str:
    return hmac.new(key, f"{salt}:{normalise_code(code)}".encode(), hashlib.sha256).hexdigest()


def verify_access_code(code: str, stored: str, key: bytes) -> bool:
    """Constant-time comparison against a stored hash: the keyed hash, or the PBKDF2 hash of codes filed
    before it (``needs_rehash``)."""
    try:
        scheme, *parts = stored.split("$")
        if scheme == HMAC_SCHEME:
            salt, expected = parts
            return hmac.compare_digest(_mac(key, salt, code), expected)
        if scheme == LEGACY_SCHEME:
            iterations, salt, expected = parts
            digest = hashlib.pbkdf2_hmac(
                "sha256", normalise_code(code).encode(), bytes.fromhex(salt), int(iterations)
            )
            return hmac.compare_digest(digest.hex(), expected)
    except (ValueError, TypeError):
        return False
    return False


def needs_rehash(stored: str) -> bool:
    """Whether a stored hash is of the old PBKDF2 kind, to be replaced on the next right code."""
    return not stored.startswith(HMAC_SCHEME + "$")


def new_token() -> str:
    return "slt_" + secrets.token_urlsafe(32)


def new_account_id() -> str:
    return secrets.token_hex(8)


def token_hash(token: str) -> str:
    """Tokens carry 256 random bits, so an unsalted SHA-256 is enough and allows lookup by hash."""
    return hashlib.sha256(("token:" + token.strip()).encode()).hexdigest()


def idempotency_key_hash(key: str) -> str:
    return hashlib.sha256(("idempotency:" + key).encode()).hexdigest()


def request_hash(value: Any) -> str:
    return hashlib.sha256(
        json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode()
    ).hexdigest()


def _keystream(key: str, salt: str, length: int) -> bytes:
    return hashlib.shake_256(f"seal:{salt}:{key}".encode()).digest(length)


def seal_code(code: str, idempotency_key: str) -> str:
    """Encrypt the access code with a key derived from the Idempotency-Key, which is not stored: only a
    client retrying with the same key can recover the code (``unseal_code``)."""
    salt = secrets.token_hex(8)
    data = code.encode()
    sealed = bytes(a ^ b for a, b in zip(data, _keystream(idempotency_key, salt, len(data)), strict=True))
    return f"{salt}${sealed.hex()}"


def unseal_code(sealed: str, idempotency_key: str) -> str:
    salt, hexdata = sealed.split("$")
    data = bytes.fromhex(hexdata)
    return bytes(
        a ^ b for a, b in zip(data, _keystream(idempotency_key, salt, len(data)), strict=True)
    ).decode()


# --- the access code in the receipt e-mail (#13) --------------------------------------------------

RECEIPT_PURPOSE = "receipt-code"


def seal_for_receipt(code: str, key: bytes, tracking_no: str) -> str:
    """The access code sealed (``sunlight.service.sealing``) for its complaint: the receipt e-mail
    waits in the outbox with this, and the code is put into the mail only when it is sent."""
    return sealing.seal(code, key, RECEIPT_PURPOSE, tracking_no)


def open_receipt_seal(sealed: str, key: bytes, tracking_no: str) -> str:
    return sealing.open_seal(sealed, key, RECEIPT_PURPOSE, tracking_no)
