"""Partner secrets of the 12345 exchange, kept sealed in the store (docs/exchange.md).

A partner's secret keys an HMAC in both directions (the partner signs its orders, we sign our status
updates), so the server needs it back: it cannot be stored as a hash as staff tokens are. It is
stored encrypted with AES-256-GCM (``cryptography``) under a key derived from the access-code key
(``sunlight.code_key``: a file beside the store, or an SSM SecureString on AWS), with the partner's
name as associated data. A copy of the store alone (a backup, a table export) does not reveal a
secret, and a sealed secret copied onto another partner does not open. Losing the access-code key
loses the secrets too: ``sunlight partner rotate`` then issues new ones.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SCHEME = "aesgcm"
CONTEXT = b"sunlight/partner-secret/v1"


class SecretError(ValueError):
    """A sealed secret that does not open with this key."""


def new_secret() -> str:
    """64 hex characters (256 bits); the HMAC key is this text's ASCII bytes."""
    return secrets.token_hex(32)


def _key(code_key: bytes) -> bytes:
    return hmac.new(code_key, CONTEXT, hashlib.sha256).digest()


def seal(secret: str, partner: str, code_key: bytes) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_key(code_key)).encrypt(nonce, secret.encode("utf-8"), partner.encode("utf-8"))
    return f"{SCHEME}${nonce.hex()}${sealed.hex()}"


def unseal(sealed: str, partner: str, code_key: bytes) -> str:
    try:
        scheme, nonce, data = sealed.split("$")
        if scheme != SCHEME:
            raise ValueError(scheme)
        plain = AESGCM(_key(code_key)).decrypt(bytes.fromhex(nonce), bytes.fromhex(data), partner.encode())
    except (ValueError, InvalidTag) as exc:
        raise SecretError(f"the secret of partner {partner} does not open with this key") from exc
    return plain.decode("utf-8")
