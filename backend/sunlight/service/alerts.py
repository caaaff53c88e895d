"""E-mail alerts of new public decisions, the way FixMyStreet's local alerts work.

Anyone may subscribe an e-mail address to an office (``office``: its id), a domain (``domain``:
its Chinese name) or a party (``credit_code``: a 统一社会信用代码). Double opt-in: ``subscribe``
stores the subscription unconfirmed and queues a confirmation mail whose link carries a random
token; only the token's hash is stored (``codes.token_hash``), and ``confirm`` activates the
subscription whose hash it is. After each build, ``enqueue_alerts`` queues one mail per active
subscription and new decision it matches (outbox key ``alert:<token hash>:<decision id>``: a
second run queues nothing). Every alert carries a one-click unsubscribe link (also as the
``List-Unsubscribe`` header, RFC 8058): ``<token hash>.<HMAC-SHA-256(key, token hash)>``, so
the stored hash alone cannot unsubscribe anyone, and the raw token need not be kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote

from sunlight.domain.credit_code import is_valid_credit_code, normalise_credit_code
from sunlight.domain.errors import DomainError
from sunlight.service.codes import new_token, token_hash
from sunlight.service.limits import refused
from sunlight.service.outbox import EMAIL
from sunlight.store.base import (
    ConditionFailed,
    Count,
    EnqueueMessage,
    LimitExceeded,
    PutSubscription,
    QueuedMessage,
    Store,
    Subscription,
)

KINDS = {"office": "执法机关", "domain": "领域", "credit_code": "统一社会信用代码"}
EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")
MAX_VALUE = 100


class AlertError(DomainError):
    """Invalid subscription input (400), naming the field."""

    code = "invalid"

    def __init__(self, field: str, zh: str, en: str) -> None:
        super().__init__(zh, en, field)


@dataclass(frozen=True)
class NewDecision:
    """A decision published by the latest build (``OUT/.sunlight-new-decisions.json``)."""

    id: str
    doc_no: str
    party_name: str
    office: str
    office_name: str
    domain: str
    credit_code: str
    url: str  # site-relative


def clean(email: str, kind: str, value: str) -> tuple[str, str, str]:
    email = email.strip().lower()
    if len(email) > 254 or not EMAIL_PATTERN.match(email):
        raise AlertError("email", "电子邮箱格式不正确", "email is not a valid e-mail address")
    if kind not in KINDS:
        raise AlertError(
            "kind",
            "订阅类别应为执法机关、领域或统一社会信用代码",
            "kind must be office, domain or credit_code",
        )
    value = value.strip()
    if not value or len(value) > MAX_VALUE:
        raise AlertError("value", f"请填写要订阅的{KINDS[kind]}", f"value (the {kind}) is required")
    if kind == "credit_code":
        value = normalise_credit_code(value)
        if not is_valid_credit_code(value):
            raise AlertError(
                "value", "统一社会信用代码不正确", "value is not a valid unified social credit code"
            )
    return email, kind, value


def _message(
    key: str, recipient: str, subject: str, body: str, kind: str, now: dt.datetime, **payload: object
) -> QueuedMessage:
    return QueuedMessage(
        id=uuid.uuid4().hex, key=key, channel=EMAIL, recipient=recipient, subject=subject, body=body,
        kind=kind, tracking_no="", office="", created_at=now, next_attempt_at=now, payload=dict(payload),
    )  # fmt: skip


def subscribe(
    store: Store,
    email: str,
    kind: str,
    value: str,
    now: dt.datetime,
    site_url: str,
    counts: Sequence[Count] = (),
) -> Subscription:
    """Store an unconfirmed subscription and queue its confirmation mail (``AlertError``: invalid),
    counted against the filing limits ``counts`` in the same write (``RateLimited`` over one)."""
    email, kind, value = clean(email, kind, value)
    token = new_token()
    sub = Subscription(token_hash(token), email, kind, value, now)
    link = f"{site_url.rstrip('/')}/api/alerts/confirm?token={quote(token)}"
    body = (
        f"您好：\n\n有人（希望是您本人）用这个邮箱订阅了{KINDS[kind]}“{value}”的新执法决定提醒。"
        f"\n\n请打开下面的链接确认订阅：\n{link}\n\n如果不是您本人操作，请忽略本邮件，您不会收到任何提醒。\n"
    )
    mail = _message(
        f"alert-confirm:{sub.token_hash}", email, "请确认订阅执法决定提醒", body, "alert_confirm", now
    )
    try:
        store.transact_counted(counts, [PutSubscription(sub, expected_new=True), EnqueueMessage(mail)], now)
    except LimitExceeded as exceeded:
        raise refused(exceeded) from None
    return sub


def _update(store: Store, sub: Subscription) -> Subscription | None:
    try:
        store.transact([PutSubscription(sub, expected_new=False)])
    except ConditionFailed:
        return None
    return sub


def confirm(store: Store, token: str, now: dt.datetime) -> Subscription | None:
    """Activate the subscription of ``token`` (None: no such token). Confirming twice is fine."""
    sub = store.get_subscription(token_hash(token))
    if sub is None or sub.unsubscribed_at is not None:
        return None
    return sub if sub.confirmed_at else _update(store, replace(sub, confirmed_at=now))


def unsubscribe_token(sub: Subscription, key: bytes) -> str:
    mac = hmac.new(key, f"unsubscribe:{sub.token_hash}".encode(), hashlib.sha256).hexdigest()
    return f"{sub.token_hash}.{mac}"


def unsubscribe(store: Store, token: str, now: dt.datetime, key: bytes) -> Subscription | None:
    """End the subscription named by an unsubscribe token (None: unknown or forged)."""
    hashed, _, mac = token.strip().partition(".")
    sub = store.get_subscription(hashed) if hashed else None
    if sub is None or not hmac.compare_digest(unsubscribe_token(sub, key), f"{hashed}.{mac}"):
        return None
    return sub if sub.unsubscribed_at else _update(store, replace(sub, unsubscribed_at=now))


def matches(sub: Subscription, d: NewDecision) -> bool:
    if sub.kind == "office":
        return d.office == sub.value
    if sub.kind == "domain":
        return d.domain == sub.value
    return bool(d.credit_code) and normalise_credit_code(d.credit_code) == sub.value


def enqueue_alerts(
    store: Store, decisions: Sequence[NewDecision], now: dt.datetime, site_url: str, key: bytes
) -> int:
    """Queue one mail per active subscription and matching new decision; return how many were new."""
    base = site_url.rstrip("/")
    queued = 0
    for sub in store.list_subscriptions():
        if not sub.active:
            continue
        for d in (d for d in decisions if matches(sub, d)):
            if _enqueue_once(store, _alert(sub, d, now, base, key)):
                queued += 1
    return queued


def _alert(sub: Subscription, d: NewDecision, now: dt.datetime, base: str, key: bytes) -> QueuedMessage:
    stop = f"{base}/api/alerts/unsubscribe?token={unsubscribe_token(sub, key)}"
    body = (
        f"您订阅的{KINDS[sub.kind]}“{sub.value}”有新公示的行政执法决定：\n\n"
        f"{d.doc_no}\n当事人：{d.party_name}\n执法机关：{d.office_name}\n{base}{d.url}\n\n"
        f"退订（一键，无需登录）：\n{stop}\n"
    )
    return _message(
        f"alert:{sub.token_hash}:{d.id}", sub.email, f"新执法决定：{d.doc_no}", body, "alert", now,
        list_unsubscribe=stop, decision_id=d.id,
    )  # fmt: skip


def _enqueue_once(store: Store, message: QueuedMessage) -> bool:
    try:
        store.transact([EnqueueMessage(message)])
    except ConditionFailed:  # the outbox key exists: sent (or queued) by an earlier run
        return False
    return True


def new_decisions(rows: Iterable[dict[str, str]]) -> list[NewDecision]:
    fields = NewDecision.__dataclass_fields__
    return [NewDecision(**{k: str(r.get(k, "")) for k in fields}) for r in rows]
