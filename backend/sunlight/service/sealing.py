"""Secrets the server must read back later, kept in the store only encrypted: AES-256-GCM (the
``cryptography`` library) under a key derived by HKDF-SHA256 from the access-code key
(``sunlight.code_key``: a file beside the store, or an SSM SecureString on AWS), one derived key per
purpose, and bound to a context (what the secret belongs to) as associated data. A copy of the store
alone reveals nothing; a sealed value copied onto another context, or altered, does not open.

Used for the access code waiting in the outbox for the receipt e-mail (purpose ``receipt-code``,
context the tracking number) and for the 12345 exchange's partner secrets (``partner-secret``,
context the partner's name).
"""

from __future__ import annotations

import base64
import functools
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SCHEME = "aesgcm1"
NONCE_BYTES = 12


class SealError(ValueError):
    """A sealed value that cannot be opened: another key, another purpose or context, or damaged."""


@functools.lru_cache(maxsize=8)  # a few purposes, one key in use (two while it is being replaced)
def _cipher(key: bytes, purpose: str) -> AESGCM:
    info = f"sunlight/{purpose}/v1".encode()
    return AESGCM(HKDF(algorithm=SHA256(), length=32, salt=None, info=info).derive(key))


def seal(text: str, key: bytes, purpose: str, context: str) -> str:
    """``text`` encrypted for ``purpose``, bound to ``context``: ``aesgcm1$<base64url nonce+ciphertext>``."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = _cipher(key, purpose).encrypt(nonce, text.encode("utf-8"), context.encode("utf-8"))
    return f"{SCHEME}${base64.urlsafe_b64encode(nonce + sealed).decode()}"


def open_seal(sealed: str, key: bytes, purpose: str, context: str) -> str:
    scheme, _, data = sealed.partition("$")
    if scheme != SCHEME:
        raise SealError(f"unknown seal scheme {scheme!r}")
    try:
        raw = base64.urlsafe_b64decode(data.encode())
        plain = _cipher(key, purpose).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode("utf-8"))
    except (InvalidTag, ValueError) as exc:
        raise SealError(f"the sealed value for {context} does not open with this key") from exc
    return plain.decode("utf-8")
