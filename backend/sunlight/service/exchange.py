"""The 12345 exchange's use cases (docs/exchange.md): partner accounts, work orders received, and
the status updates queued for the partner's webhook.

Receiving an order: the partner must exist and the request be signed with its secret within the
window (``sunlight.domain.exchange.check_signature``); a signature is accepted once: each one is
counted in the store for twice the window (a counter expires on its own), so the same signed
request sent again is refused as a replay. An order already filed (the link partner + order number)
answers its complaint again (``created`` false); otherwise the order is validated as any complaint,
routed by the same rules (and the conflict rule) and filed with its link in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import Complaint
from sunlight.domain.errors import Invalid, NotFound, Unauthorized
from sunlight.domain.exchange import PARTNER_NAME, WINDOW_SECONDS, check_signature, read_order, status_update
from sunlight.domain.intake import resolve_decision, validate_complaint
from sunlight.domain.local_time import aware, local_date
from sunlight.domain.problems import Problem
from sunlight.service import filing
from sunlight.service.notices import _message
from sunlight.service.partner_secrets import SecretError, new_secret, seal, unseal
from sunlight.service.results import Filed
from sunlight.store.base import ConditionFailed, EnqueueMessage, Store
from sunlight.store.exchange_records import Partner, PutOrderLink

PARTNER = "partner"  # the outbox channel of status updates (``sunlight.notify.partner``)
_DUMMY_SECRET = b"\x00" * 32  # an unknown partner's request is checked against this (same work)


def _webhook_problem(url: str) -> Problem | None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and url.isprintable() and len(url) <= 500:
        return None
    return Problem(
        "回调地址应为 http(s) 网址", "webhook must be an http(s) URL", field="webhook", value=url[:60]
    )


def add_partner(
    store: Store, code_key: bytes, name: str, webhook: str, now: dt.datetime
) -> tuple[Partner, str]:
    """A new partner and its secret (shown once; stored sealed)."""
    name, webhook = (name or "").strip(), (webhook or "").strip()
    problems = []
    if not PARTNER_NAME.match(name):
        problems.append(
            Problem("名称应为1至40位字母、数字、_ 或 -", "name: 1-40 letters, digits, _ or -", field="name")
        )
    problem = _webhook_problem(webhook)
    if problem:
        problems.append(problem)
    if problems:
        raise Invalid(problems)
    secret = new_secret()
    partner = Partner(name, webhook, seal(secret, name, code_key), aware(now))
    try:
        store.put_partner(partner, expected_new=True)
    except ConditionFailed:
        raise Invalid(
            [Problem("该合作方已存在", "this partner exists already", field="name", value=name)]
        ) from None
    return partner, secret


def rotate_secret(
    store: Store, code_key: bytes, name: str, now: dt.datetime, webhook: str = ""
) -> tuple[Partner, str]:
    """A new secret for ``name`` (the old one stops working at once), and a new webhook if given."""
    partner = store.get_partner((name or "").strip())
    if partner is None:
        raise NotFound("合作方不存在", "no such partner", "name")
    webhook = (webhook or "").strip() or partner.webhook
    problem = _webhook_problem(webhook)
    if problem:
        raise Invalid([problem])
    secret = new_secret()
    updated = replace(
        partner, webhook=webhook, sealed_secret=seal(secret, partner.name, code_key), rotated_at=aware(now)
    )
    store.put_partner(updated, expected_new=False)
    return updated, secret


def credentials(store: Store, code_key: bytes, name: str) -> tuple[str, bytes] | None:
    """The webhook URL and the HMAC key of partner ``name`` (None: no such partner)."""
    partner = store.get_partner(name)
    if partner is None:
        return None
    return partner.webhook, unseal(partner.sealed_secret, partner.name, code_key).encode("ascii")


def _authenticate(
    store: Store, code_key: bytes, name: str, headers: Mapping[str, str], body: bytes, now: dt.datetime
) -> None:
    partner = store.get_partner(name) if PARTNER_NAME.match(name or "") else None
    try:
        secret = unseal(partner.sealed_secret, partner.name, code_key).encode() if partner else _DUMMY_SECRET
    except SecretError:
        secret, partner = _DUMMY_SECRET, None
    timestamp, signed = headers.get("x-timestamp", ""), headers.get("x-signature", "")
    check_signature(secret, timestamp, signed, body, now)
    if partner is None:  # the same answer as a wrong signature: nothing tells which names exist
        raise Unauthorized("签名不正确", "the signature does not match", "X-Signature")
    fingerprint = signed.strip().removeprefix("sha256=")[:64]
    seen = store.increment_counter(f"exchange-replay:{partner.name}:{fingerprint}", now, 2 * WINDOW_SECONDS)
    if seen > 1:
        raise Unauthorized("该签名已使用过(重放)", "this signature was used before (replay)", "X-Signature")


def receive_order(
    store: Store,
    catalog: Catalog,
    code_key: bytes,
    name: str,
    headers: Mapping[str, str],
    body: bytes,
    parse_body: Callable[[bytes], Any],
    now: dt.datetime,
) -> tuple[Filed, str]:
    """File the signed work order in ``body`` for partner ``name``: (the complaint, the order number).
    ``parse_body`` reads the JSON (the API's own parser, so a bad body is the API's usual 400)."""
    now = aware(now)
    _authenticate(store, code_key, name, {k.lower(): v for k, v in headers.items()}, body, now)
    data = parse_body(body)
    if not isinstance(data, Mapping):
        raise Invalid([Problem("请求体应为 JSON 对象", "the body must be a JSON object", field="body")])
    order_no = data.get("order_no")
    if isinstance(order_no, str) and order_no.strip():
        known = _known(store, catalog, name, order_no.strip())
        if known is not None:
            return known, order_no.strip()
    order, problems = read_order(data, catalog.categories, now)
    values = resolve_decision(order.values, catalog) if order is not None else {}
    if order is not None:
        problems = validate_complaint(values, catalog, local_date(now))
    if problems or order is None:
        raise Invalid(problems)
    try:
        filed = filing.file(store, catalog, "complaint", values, None, now, (), code_key, (name, order))
    except ConditionFailed as failed:
        known = _known(store, catalog, name, order.order_no) if isinstance(failed.op, PutOrderLink) else None
        if known is None:
            raise
        return known, order.order_no  # the same order delivered twice at once: one complaint
    return filed, order.order_no


def _known(store: Store, catalog: Catalog, name: str, order_no: str) -> Filed | None:
    link = store.get_order_link(name, order_no)
    if link is None:
        return None
    c = store.get_complaint(link.tracking_no)
    if c is None:  # cannot happen: both were written in one transaction
        return None
    return filing._filed(catalog, c, "", created=False)


def partner_messages(
    catalog: Catalog, c: Complaint, events: Sequence[tuple[str, str, Mapping[str, Any]]], now: dt.datetime
) -> list[EnqueueMessage]:
    """The status update of ``c``'s partner for the ``events`` just written with version ``c.version``
    (none when ``c`` is no work order or nothing is the partner's business). Keyed by the version,
    so that one change is queued once; the channel signs it when it sends it."""
    if not c.partner:
        return []
    payload = status_update(c, events, now, catalog)
    if payload is None:
        return []
    key = f"{c.tracking_no}/{c.version:06d}/partner/{c.partner}"
    subject = f"【工单状态】{c.partner_order} {payload['status_label']}"
    lines = [f"{e['label']}" for e in payload["events"]]
    message = _message(
        key, PARTNER, c.partner, subject, "\n".join(lines), "partner_status", c.tracking_no, "", now, payload
    )
    return [EnqueueMessage(message)]
