"""涉企检查码 use cases: register a planned inspection, record its result, verify a code, and the
supervision list of repeated / multi-office inspections (docs/inspections.md).

Privacy: the verify answer never carries the enterprise's name or credit code, unless the caller
typed the matching credit code. An unknown code does the same work as a known one (one store read,
one credit-code comparison, one view built) and is counted like a wrong access code.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import segno

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import AuditEvent, Complaint
from sunlight.domain.credit_code import normalise_credit_code
from sunlight.domain.errors import Conflict, Forbidden, Invalid, NotFound, RateLimited
from sunlight.domain.inspections import (
    ALPHABET,
    CODE_LENGTH,
    RESULTS,
    STATES,
    Inspection,
    Registration,
    code_state,
    format_code,
    normalise_inspection_code,
    office_aggregates,
    repeat_flags,
    validate_registration,
    validate_result,
    validity_window,
)
from sunlight.domain.local_time import local_date
from sunlight.domain.problems import Problem
from sunlight.service import limits
from sunlight.store.base import Account, ConditionFailed, Store

STATUS_LABELS = {"active": "有效", "revoked": "已注销", "expired": "已过期"}
_DUMMY = Inspection(
    code="2" * CODE_LENGTH, office="", credit_code="9" * 18, enterprise_name="", inspectors=(), scope="",
    basis="", planned_on=dt.date(2000, 1, 1), valid_from=dt.date(2000, 1, 1), valid_until=dt.date(2000, 1, 1),
)  # fmt: skip


def audit_key(code: str) -> str:
    """The audit trail of a code lives beside the complaints' under this key."""
    return f"INSPECTION-{code}"


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def verify_url(catalog: Catalog, code: str) -> str:
    return f"{catalog.site_url.rstrip('/')}/verify/?code={format_code(code)}"


def qr_svg(url: str) -> str:
    """The verify URL as an SVG QR code (segno), error correction M, for the inspector to show."""
    return segno.make_qr(url, error="m").svg_inline(scale=4, border=2, title="检查码核验 / verify")


def _date(values: Mapping[str, Any], key: str) -> dt.date | None:
    text = str(values.get(key) or "").strip()
    if not text:
        raise Invalid([Problem("此项为必填项", "this field is required", field=key)])
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid(
            [Problem("日期格式应为 YYYY-MM-DD", "date must be YYYY-MM-DD", field=key, value=text[:40])]
        ) from None


def register(
    store: Store, catalog: Catalog, account: Account, values: Mapping[str, Any], now: dt.datetime
) -> dict[str, Any]:
    inspectors = values.get("inspectors") or []
    reg = Registration(
        credit_code=normalise_credit_code(str(values.get("credit_code") or "")),
        enterprise_name=str(values.get("enterprise_name") or "").strip(),
        inspectors=tuple(str(c).strip() for c in inspectors),
        scope=str(values.get("scope") or "").strip(),
        basis=str(values.get("basis") or "").strip(),
        planned_on=_date(values, "planned_on"),  # type: ignore[arg-type]
    )
    today = local_date(now)
    validate_registration(
        reg, account.office, catalog.personnel, catalog.powers, catalog.inspection_plans, today,
        catalog.inspection_window_days,
    )  # fmt: skip
    valid_from, valid_until = validity_window(reg.planned_on, catalog.inspection_window_days)
    for _attempt in range(5):
        inspection = Inspection(
            code=new_code(), office=account.office, credit_code=reg.credit_code,
            enterprise_name=reg.enterprise_name, inspectors=reg.inspectors, scope=reg.scope, basis=reg.basis,
            planned_on=reg.planned_on, valid_from=valid_from, valid_until=valid_until, registered_at=now,
            registered_by=account.id,
        )  # fmt: skip
        event = AuditEvent(
            audit_key(inspection.code), "000001.00", now, _actor(account), "inspection_registered",
            {"office": account.office, "inspectors": list(reg.inspectors), "planned_on": reg.planned_on.isoformat(),
             "basis": reg.basis},
        )  # fmt: skip
        try:
            store.put_inspection(inspection, None, event)
            break
        except ConditionFailed:
            continue  # the code was drawn before (1 chance in 8e14): draw again
    else:
        raise Conflict("无法生成检查码,请重试", "could not draw a free code; try again")
    url = verify_url(catalog, inspection.code)
    return {
        "code": format_code(inspection.code),
        "valid_from": valid_from,
        "valid_until": valid_until,
        "verify_url": url,
        "qr_svg": qr_svg(url),
    }


def _actor(account: Account) -> str:
    return f"staff:{account.office}:{account.id}"


def record_result(
    store: Store,
    catalog: Catalog,
    account: Account,
    code_text: str,
    values: Mapping[str, Any],
    now: dt.datetime,
) -> dict[str, Any]:
    code = normalise_inspection_code(code_text)
    inspection = store.get_inspection(code) if code else None
    if inspection is None:
        raise NotFound("检查码不存在", "no such inspection code")
    if inspection.office != account.office:
        raise Forbidden(
            "仅登记该检查的机构可登记结果", "only the office that registered it may record its result"
        )
    if inspection.result:
        raise Conflict("检查结果已登记", "the result is already recorded", "result")
    result = str(values.get("result") or "").strip()
    checked_on = _date(values, "checked_on")
    decision_id = str(values.get("decision_id") or "").strip()
    validate_result(result, checked_on, decision_id, local_date(now))
    done = replace(inspection, result=result, checked_on=checked_on, decision_id=decision_id)
    event = AuditEvent(
        audit_key(inspection.code), f"{inspection.version + 1:06d}.00", now, _actor(account),
        "inspection_result", {"result": result, "checked_on": checked_on.isoformat() if checked_on else "",
                              "decision_id": decision_id},
    )  # fmt: skip
    try:
        store.put_inspection(done, inspection.version, event)
    except ConditionFailed:
        raise Conflict("检查结果已登记", "the result is already recorded", "result") from None
    return staff_view(catalog, replace(done, version=inspection.version + 1), local_date(now))


def staff_view(catalog: Catalog, i: Inspection, today: dt.date) -> dict[str, Any]:
    return {
        **public_view(catalog, i, today),
        "enterprise_name": i.enterprise_name,
        "credit_code": i.credit_code,
        "result": i.result,
        "result_label": RESULTS.get(i.result, ""),
        "checked_on": i.checked_on,
        "decision_id": i.decision_id,
    }


def public_view(catalog: Catalog, i: Inspection, today: dt.date) -> dict[str, Any]:
    """What anyone with the code sees: never the enterprise."""
    state = code_state(i, today)
    office = catalog.office(i.office)
    people = []
    for cert_no in i.inspectors:
        person = catalog.personnel.get(cert_no)
        status = person.status_on(today) if person else "unknown"
        people.append(
            {
                "name": person.name if person else "",
                "cert_no": cert_no,
                "status": status,
                "status_label": STATUS_LABELS.get(status, "不在名单中"),
                "valid_until": person.valid_until if person else None,
            }
        )
    return {
        "code": format_code(i.code),
        "state": state,
        "state_label": STATES[state],
        "valid": state == "valid" and all(p["status"] == "active" for p in people),
        "office": i.office,
        "office_name": office.name if office else i.office,
        "inspectors": people,
        "scope": i.scope,
        "basis": i.basis,
        "planned_on": i.planned_on,
        "valid_from": i.valid_from,
        "valid_until": i.valid_until,
    }


def verify(
    store: Store, catalog: Catalog, code_text: str, credit_code: str, now: dt.datetime, client: str
) -> dict[str, Any]:
    """The public answer for a code; ``enterprise_name`` only with the matching ``credit_code``."""
    code = normalise_inspection_code(code_text[:64])
    found = store.get_inspection(code or "-")  # read even for a malformed code: the same work
    if code is None:
        found = None
    subject = found or _DUMMY  # an unknown code builds a view and compares a credit code all the same
    typed = normalise_credit_code(credit_code[:64])
    matches = bool(typed) and hmac.compare_digest(typed.encode(), subject.credit_code.encode())
    view = public_view(catalog, subject, local_date(now))
    # an unknown code, or a known one asked with a credit code that is not its own, counts as wrong
    check = limits.check_code(
        store, f"inspection:{code or '-'}", client, now, lambda: found is not None and (matches or not typed)
    )
    if check is limits.Check.LIMITED:
        raise RateLimited(
            "查询过于频繁,请稍后再试",
            "too many lookups; try again later",
            retry_after=limits.CODE_WINDOW_SECONDS,
        )
    if found is None:
        return {
            "code": code_text.strip()[:64],
            "state": "unknown",
            "state_label": STATES["unknown"],
            "valid": False,
        }
    if typed:
        view["credit_code_matches"] = matches
        if matches:
            view["enterprise_name"] = found.enterprise_name
    return view


def supervision_list(
    store: Store, catalog: Catalog, account: Account, today: dt.date
) -> list[dict[str, Any]]:
    """Enterprises flagged for repeated or multi-office inspections, with the inspections behind each
    flag: for the supervision office's staff and observers only."""
    office = catalog.office(account.office)
    if account.kind != "observer" and not (office and "supervision" in office.roles):
        raise Forbidden("仅限监督机构和监督员查看", "supervision offices and observers only")
    everything = store.all_inspections()
    by_code = {i.code: i for i in everything}
    flags = repeat_flags(
        everything, window_days=catalog.repeat_window_days, max_offices=catalog.repeat_max_offices,
        max_per_year=catalog.repeat_max_per_year,
    )  # fmt: skip
    return [
        {
            "credit_code": f.credit_code,
            "enterprise_name": by_code[f.codes[0]].enterprise_name,
            "kind": f.kind,
            "offices": list(f.offices),
            "inspections": [staff_view(catalog, by_code[c], today) for c in f.codes],
        }
        for f in flags
    ]


def public_aggregates(store: Store, catalog: Catalog) -> list[dict[str, Any]]:
    """Per office only (``GET /api/stats/inspections``, /compliance/): never an enterprise."""
    everything = store.all_inspections()
    flags = repeat_flags(
        everything, window_days=catalog.repeat_window_days, max_offices=catalog.repeat_max_offices,
        max_per_year=catalog.repeat_max_per_year,
    )  # fmt: skip
    rows = office_aggregates(everything, flags)
    for row in rows:
        office = catalog.office(str(row["office"]))
        row["office_name"] = office.name if office else row["office"]
    return rows


def for_complaint(store: Store, catalog: Catalog, c: Complaint) -> tuple[dict[str, Any], ...]:
    """For the handler of a 重复检查 complaint (or one naming a 检查码): the reporting enterprise's
    inspections of the year before it was filed, oldest first."""
    category = catalog.categories.get(c.category)
    repeat = category is not None and category.name == "重复检查"
    if not repeat and not c.about.get("inspection_code"):
        return ()
    credit = normalise_credit_code(str(c.reporter.get("credit_code") or ""))
    if not credit:
        return ()
    filed = local_date(c.filed_at)
    since = filed - dt.timedelta(days=365)
    return tuple(
        staff_view(catalog, i, filed)
        for i in store.enterprise_inspections(credit)
        if since <= i.planned_on <= filed + dt.timedelta(days=catalog.inspection_window_days)
    )
