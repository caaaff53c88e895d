"""Filing a complaint or feedback: route, compute deadlines, write it all in one transaction.

Idempotency: the ``PutIdempotency`` op (must not exist) is part of the same transaction as the
complaint, so of two concurrent requests with one key exactly one commits; the other reads the
winner's record and returns the same complaint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import fields, replace

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaint_deadlines import accept_due, next_due, respond_due
from sunlight.domain.complaints import AuditEvent, Complaint
from sunlight.domain.credit_code import normalise_credit_code
from sunlight.domain.errors import Conflict, Invalid, NotFound
from sunlight.domain.exchange import Order
from sunlight.domain.local_time import local_date
from sunlight.domain.problems import Problem
from sunlight.domain.routing import route
from sunlight.domain.timers import next_timer_on
from sunlight.service import codes
from sunlight.service.commands import FileComplaint, FileFeedback
from sunlight.service.limits import refused
from sunlight.service.notices import deadline_text, office_messages, receipt_messages
from sunlight.service.results import Filed
from sunlight.store.base import (
    AppendAudit,
    ConditionFailed,
    Count,
    IdempotencyRecord,
    LimitExceeded,
    PutComplaint,
    PutIdempotency,
    Store,
    WriteOp,
)
from sunlight.store.exchange_records import OrderLink, PutOrderLink

MAX_KEY_LENGTH = 200
ABOUT = ("office", "power_code", "street", "decision_id", "occurred_on", "page_url", "inspection_code")


def _flat(cmd: object, prefix: str = "") -> dict[str, str]:
    """A command's text fields, stripped (no deep copy as ``dataclasses.asdict`` makes)."""
    return {
        prefix + f.name: str(getattr(cmd, f.name) or "").strip()
        for f in fields(cmd)  # type: ignore[arg-type]
        if f.name != "reporter"
    }


def complaint_values(cmd: FileComplaint) -> dict[str, str]:
    return _flat(cmd) | _flat(cmd.reporter, "reporter.")


def feedback_values(cmd: FileFeedback) -> dict[str, str]:
    return _flat(cmd)


def _key_problem(key: str) -> None:
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise Invalid(
            [
                Problem(
                    "幂等键应为1至200个可打印字符",
                    "Idempotency-Key must be 1-200 printable characters",
                    field="Idempotency-Key",
                )
            ]
        )


def _replay(store: Store, catalog: Catalog, record: IdempotencyRecord, key: str, req_hash: str) -> Filed:
    """The complaint an earlier request with this Idempotency-Key filed (its access code unsealed)."""
    if record.request_hash != req_hash:
        raise Conflict(
            "该幂等键已用于另一份不同的提交",
            "Idempotency-Key was used with a different request",
            "Idempotency-Key",
        )
    c = store.get_complaint(record.tracking_no)
    if c is None:  # cannot happen: both were written in one transaction
        raise NotFound("投诉不存在", "complaint not found")
    return _filed(catalog, c, codes.unseal_code(record.sealed_code, key), created=False)


def _filed(catalog: Catalog, c: Complaint, code: str, created: bool) -> Filed:
    office = catalog.office(c.handling_office)
    cal = catalog.calendar
    a_due, r_due = accept_due(c, cal), respond_due(c, cal)
    warnings = tuple(
        f"{zh} / {en}"
        for zh, en in cal.fallback_warnings()
        if any(str(y) in zh for y in {a_due.year, r_due.year})
    )
    return Filed(
        tracking_no=c.tracking_no,
        access_code=code,
        status=c.status,
        handling_office=c.handling_office,
        handling_office_name=office.name if office else c.handling_office,
        accept_due=a_due,
        respond_due=r_due,
        created=created,
        warnings=warnings,
        filed_at=c.filed_at,
    )


def _reporter(kind: str, values: dict[str, str]) -> dict[str, str]:
    if kind == "complaint":
        reporter = {k.split(".", 1)[1]: v for k, v in values.items() if k.startswith("reporter.")}
        reporter["credit_code"] = normalise_credit_code(reporter.get("credit_code", ""))
        return reporter
    observer = values.get("observer", "")
    return {
        "type": "observer" if observer else "public",
        "name": values.get("observer_name", "") or values.get("contact_name", ""),
        "contact_name": values.get("contact_name", ""),
        "phone": values.get("phone", ""),
        "email": values.get("email", ""),
    }


def file(
    store: Store,
    catalog: Catalog,
    kind: str,
    values: dict[str, str],
    idempotency_key: str | None,
    now: dt.datetime,
    counts: Sequence[Count],
    code_key: bytes,
    partner: tuple[str, Order] | None = None,
) -> Filed:
    """Store a validated complaint (``kind`` complaint) or feedback (``kind`` feedback). A filing that
    is not a retry is counted against the filing limits ``counts`` in the same write as the filing
    (``Store.transact_counted``: counted only if written; 429 over a limit); ``code_key`` keys the
    access code's hash. ``partner``: (partner name, work order) of the 12345 exchange: the complaint
    records its source, the order is linked to it in the same transaction (``ConditionFailed`` on
    its ``PutOrderLink`` when the order was filed before) and the hotline's deadline applies."""
    key_hash = req_hash = ""
    if idempotency_key is not None:
        _key_problem(idempotency_key)
        key_hash = codes.idempotency_key_hash(idempotency_key)
        req_hash = codes.request_hash({"kind": kind, **values})
        existing = store.get_idempotency(key_hash)
        if existing is not None:
            return _replay(store, catalog, existing, idempotency_key, req_hash)
    today = local_date(now)
    categories = (
        catalog.categories if kind == "complaint" else (catalog.feedback_categories or catalog.categories)
    )
    category = categories[values["category"]]
    routed = route(
        catalog,
        category=category.id,
        power_code=values.get("power_code", ""),
        office=values.get("office", ""),
        street=values.get("street", ""),
    )
    for _attempt in range(10):
        tracking_no = codes.new_tracking_no(today, "TS" if kind == "complaint" else "FK")
        code = codes.new_access_code()
        c = Complaint(
            tracking_no=tracking_no,
            kind=kind,
            category=category.id,
            subject=values["subject"],
            description=values["description"],
            reporter=_reporter(kind, values),
            about={k: values.get(k, "") for k in ABOUT},
            handling_office=routed.handler,
            supervising_office=routed.supervising,
            filed_at=now,
            filed_on=today,
            accept_days=category.accept_days,
            respond_days=category.respond_days,
            remind_before_days=category.remind_before_days,
            access_hash=codes.hash_access_code(code, code_key),
            observer=values.get("observer", ""),
            version=1,
        )
        if partner is not None:
            name, order = partner
            c = replace(c, partner=name, partner_order=order.order_no, partner_due=order.respond_due)
        c = replace(c, next_due=next_due(c, catalog.calendar, catalog.settings))
        actor = "observer:" + c.observer if c.observer else "reporter"
        source: dict[str, str | None] = {}
        if partner is not None:
            actor = f"partner:{partner[0]}"
            source = {
                "source": actor,
                "order_no": partner[1].order_no,
                "received_at": partner[1].received_at.isoformat(),
                "hotline_respond_due": partner[1].respond_due.isoformat() if partner[1].respond_due else None,
            }
        event = AuditEvent(
            tracking_no,
            "000001.00",
            now,
            actor,
            "filed",
            {
                **source,
                "kind": kind,
                "handling_office": routed.handler,
                "supervising_office": routed.supervising,
                "rule": routed.rule,
                "conflict": routed.conflict,
                "accept_due": accept_due(c, catalog.calendar).isoformat(),
                "respond_due": respond_due(c, catalog.calendar).isoformat(),
            },
        )
        ops: list[WriteOp] = []
        if key_hash and idempotency_key is not None:
            sealed = codes.seal_code(code, idempotency_key)
            ops.append(PutIdempotency(IdempotencyRecord(key_hash, req_hash, tracking_no, sealed, now)))
        ops += [
            PutComplaint(c, None, next_timer_on(c, today, catalog, lambda _key: False)),
            AppendAudit(event),
        ]
        if partner is not None:
            ops.append(PutOrderLink(OrderLink(partner[0], partner[1].order_no, tracking_no, now)))
        ops += office_messages(
            catalog,
            routed.handler,
            "new_complaint",
            f"{tracking_no}/filed",
            c,
            now,
            deadline_text("accept", accept_due(c, catalog.calendar)),
        )
        handler = catalog.office(routed.handler)
        ops += receipt_messages(
            catalog,
            c,
            handler.name if handler else routed.handler,
            accept_due(c, catalog.calendar),
            respond_due(c, catalog.calendar),
            f"{tracking_no}/filed",
            now,
            codes.seal_for_receipt(code, code_key, tracking_no) if c.reporter.get("email") else "",
        )
        try:
            store.transact_counted(counts, ops, now)
        except LimitExceeded as exceeded:
            raise refused(exceeded) from None
        except ConditionFailed as failed:
            if isinstance(failed.op, PutIdempotency) and idempotency_key is not None:
                record = store.get_idempotency(key_hash)
                if record is not None:  # a concurrent retry: counted once, by the request that filed it
                    return _replay(store, catalog, record, idempotency_key, req_hash)
            if isinstance(failed.op, PutComplaint):
                continue  # tracking number taken: draw another
            raise
        return _filed(catalog, c, code, created=True)
    raise RuntimeError("could not draw a free tracking number")
