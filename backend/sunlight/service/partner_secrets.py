"""Partner secrets of the 12345 exchange, kept sealed in the store (docs/exchange.md).

A partner's secret keys an HMAC in both directions (the partner signs its orders, we sign our status
updates), so the server needs it back: it cannot be stored as a hash as staff tokens are. It is
stored encrypted under keys derived (HMAC-SHA256) from the access-code key (``sunlight.code_key``: a
file beside the store, or an SSM SecureString on AWS): a SHAKE-256 keystream over the encryption
key, a random 128-bit nonce and the partner's name (the construction of the Idempotency-Key seal in
``service.codes``), then an HMAC-SHA256 tag over the nonce, the ciphertext and the name
(encrypt-then-MAC). Standard library only, so the Lambda package stays small. A copy of the store
alone does not reveal a secret; a sealed secret copied onto another partner, or altered, does not
open. Losing the access-code key loses the secrets too: ``sunlight partner rotate`` issues new ones.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

SCHEME = "sx1"
NONCE_BYTES = 16


class SecretError(ValueError):
    """A sealed secret that does not open with this key for this partner."""


def new_secret() -> str:
    """64 hex characters (256 bits); the HMAC key is this text's ASCII bytes."""
    return secrets.token_hex(32)


def _keys(code_key: bytes) -> tuple[bytes, bytes]:
    """The encryption and the MAC key, derived from the access-code key."""

    def derive(label: bytes) -> bytes:
        return hmac.new(code_key, b"sunlight/partner-secret/v1/" + label, hashlib.sha256).digest()

    return derive(b"enc"), derive(b"mac")


def _stream(key: bytes, nonce: bytes, partner: str, length: int) -> bytes:
    return hashlib.shake_256(key + nonce + partner.encode("utf-8")).digest(length)


def _tag(key: bytes, nonce: bytes, sealed: bytes, partner: str) -> bytes:
    framed = len(sealed).to_bytes(4, "big") + nonce + sealed + partner.encode("utf-8")
    return hmac.new(key, framed, hashlib.sha256).digest()


def seal(secret: str, partner: str, code_key: bytes) -> str:
    enc, mac = _keys(code_key)
    nonce = os.urandom(NONCE_BYTES)
    data = secret.encode("utf-8")
    sealed = bytes(a ^ b for a, b in zip(data, _stream(enc, nonce, partner, len(data)), strict=True))
    return f"{SCHEME}${nonce.hex()}${sealed.hex()}${_tag(mac, nonce, sealed, partner).hex()}"


def unseal(text: str, partner: str, code_key: bytes) -> str:
    enc, mac = _keys(code_key)
    try:
        scheme, nonce_hex, sealed_hex, tag_hex = text.split("$")
        nonce, sealed, tag = bytes.fromhex(nonce_hex), bytes.fromhex(sealed_hex), bytes.fromhex(tag_hex)
    except ValueError:
        raise SecretError(f"the secret of partner {partner} is not a sealed secret") from None
    if scheme != SCHEME or not hmac.compare_digest(tag, _tag(mac, nonce, sealed, partner)):
        raise SecretError(f"the secret of partner {partner} does not open with this key")
    plain = bytes(a ^ b for a, b in zip(sealed, _stream(enc, nonce, partner, len(sealed)), strict=True))
    return plain.decode("utf-8")
