"""Partner secrets of the 12345 exchange, kept sealed in the store (docs/exchange.md).

A partner's secret keys an HMAC in both directions (the partner signs its orders, we sign our status
updates), so the server needs it back: it cannot be stored as a hash as staff tokens are. It is
stored sealed (``sunlight.service.sealing``: AES-256-GCM under a key derived from the access-code
key, ``sunlight.code_key``, kept outside the store), bound to the partner's name. A copy of the
store alone does not reveal a secret; a sealed secret copied onto another partner, or altered, does
not open. Losing the access-code key loses the secrets too: ``sunlight partner rotate`` issues new
ones.
"""

from __future__ import annotations

import secrets

from sunlight.service import sealing

PURPOSE = "partner-secret"


class SecretError(ValueError):
    """A sealed secret that does not open with this key for this partner."""


def new_secret() -> str:
    """64 hex characters (256 bits); the HMAC key is this text's ASCII bytes."""
    return secrets.token_hex(32)


def seal(secret: str, partner: str, code_key: bytes) -> str:
    return sealing.seal(secret, code_key, PURPOSE, partner)


def unseal(text: str, partner: str, code_key: bytes) -> str:
    try:
        return sealing.open_seal(text, code_key, PURPOSE, partner)
    except sealing.SealError:
        raise SecretError(f"the secret of partner {partner} does not open with this key") from None
