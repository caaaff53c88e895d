"""涉企检查码 (inspection codes): the code, its validity window, the checks of a registration and of a
result, and the flags of repeated and multi-office inspections (无事不扰). Pure: plain values in,
plain values out; the service draws the random code and reads the clock (docs/inspections.md).

Code: 10 characters of ``ALPHABET`` (31 symbols, no 0/O/1/I/L), shown in two groups of five
(``7KQ2M-XH4P9``) to be read aloud; 31**10 = 8.2e14 codes, 49.5 bits. A guesser limited to the
verify endpoint's rate cannot find a live code (docs/inspections.md).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sunlight.domain.credit_code import credit_code_problem, normalise_credit_code
from sunlight.domain.errors import Invalid
from sunlight.domain.problems import Problem

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
GROUP = 5
ENTROPY_BITS = CODE_LENGTH * math.log2(len(ALPHABET))
RESULTS = {"no_violation": "未发现违法", "violation": "发现违法", "other": "其他"}
STATES = {
    "valid": "有效",
    "unknown": "检查码不存在",
    "expired": "已过期",
    "not_yet_valid": "尚未生效",
    "used": "已使用(检查结果已登记)",
}
_SEPARATORS = re.compile(r"[\s\-_]")


@dataclass(frozen=True)
class Inspector:
    """One 执法人员 as the backend's catalog carries them."""

    cert_no: str
    name: str
    office: str
    status: str  # active | revoked | expired
    valid_until: dt.date | None = None

    def status_on(self, day: dt.date) -> str:
        """``active``, ``revoked`` or ``expired`` on ``day`` (past ``valid_until`` is expired)."""
        if self.status != "active":
            return self.status
        if self.valid_until is not None and day > self.valid_until:
            return "expired"
        return "active"


@dataclass(frozen=True)
class Registration:
    credit_code: str
    enterprise_name: str
    inspectors: tuple[str, ...]
    scope: str
    basis: str
    planned_on: dt.date


@dataclass(frozen=True)
class Inspection:
    code: str
    office: str
    credit_code: str
    enterprise_name: str
    inspectors: tuple[str, ...]
    scope: str
    basis: str
    planned_on: dt.date
    valid_from: dt.date
    valid_until: dt.date
    registered_at: dt.datetime | None = None
    registered_by: str = ""
    result: str = ""
    checked_on: dt.date | None = None
    decision_id: str = ""
    version: int = 0


@dataclass(frozen=True)
class Flag:
    """An enterprise inspected by too many offices within the window, or too often in a year."""

    credit_code: str
    kind: str  # multi_office | repeat
    codes: tuple[str, ...]
    offices: tuple[str, ...] = field(default=())


def format_code(code: str) -> str:
    """``7KQ2MXH4P9`` -> ``7KQ2M-XH4P9``."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise_inspection_code(text: str) -> str | None:
    """The code without spaces or dashes, upper-case; ``None`` when it cannot be a 检查码."""
    code = _SEPARATORS.sub("", text or "").upper()
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def validity_window(planned_on: dt.date, window_days: int) -> tuple[dt.date, dt.date]:
    """The Beijing days the code is valid: the planned day minus to plus ``window_days``."""
    delta = dt.timedelta(days=window_days)
    return planned_on - delta, planned_on + delta


def code_state(inspection: Inspection | None, today: dt.date) -> str:
    """``valid``, ``unknown``, ``expired``, ``not_yet_valid`` or ``used`` (a result is recorded)."""
    if inspection is None:
        return "unknown"
    if inspection.result:
        return "used"
    if today < inspection.valid_from:
        return "not_yet_valid"
    if today > inspection.valid_until:
        return "expired"
    return "valid"


def _problem(field_name: str, zh: str, en: str, value: object = "") -> Problem:
    return Problem(zh, en, field=field_name, value=str(value))


def validate_registration(
    reg: Registration,
    office: str,
    personnel: Mapping[str, Inspector],
    powers: Iterable[str],
    plans: Iterable[str],
    today: dt.date,
    window_days: int,
) -> None:
    """Raise ``Invalid`` naming every bad field of a registration by staff of ``office``."""
    problems: list[Problem] = []
    bad = credit_code_problem(normalise_credit_code(reg.credit_code))
    if bad:
        problems.append(_problem("credit_code", *bad, reg.credit_code))
    if not reg.enterprise_name.strip():
        problems.append(_problem("enterprise_name", "企业名称必填", "enterprise name is required"))
    if not reg.scope.strip():
        problems.append(_problem("scope", "检查事项必填", "scope is required"))
    if reg.basis not in set(powers) and reg.basis not in set(plans):
        problems.append(
            _problem(
                "basis",
                "检查依据应为权力清单事项编码或双随机抽查计划编号",
                "basis must be a power item code or a random-inspection plan id",
                reg.basis,
            )
        )
    earliest = today - dt.timedelta(days=window_days)
    if reg.planned_on < earliest:
        problems.append(
            _problem(
                "planned_on",
                f"计划检查日期早于{earliest.isoformat()},已超出有效期范围",
                f"planned day is before {earliest.isoformat()}, in the past beyond the window",
                reg.planned_on.isoformat(),
            )
        )
    if not reg.inspectors:
        problems.append(_problem("inspectors", "至少需要一名执法人员", "at least one inspector is required"))
    for index, cert_no in enumerate(reg.inspectors):
        problems.extend(
            _inspector_problems(f"inspectors[{index}]", cert_no, office, personnel, reg.planned_on)
        )
    if problems:
        raise Invalid(problems)


def _inspector_problems(
    name: str, cert_no: str, office: str, personnel: Mapping[str, Inspector], day: dt.date
) -> list[Problem]:
    person = personnel.get(cert_no)
    if person is None:
        return [_problem(name, "执法证号不在执法人员名单中", "unknown law-enforcement certificate", cert_no)]
    status = person.status_on(day)
    if status == "revoked":
        return [_problem(name, "执法证已注销", "the certificate is revoked", cert_no)]
    if status == "expired":
        return [
            _problem(
                name, "执法证在计划检查日已过期", "the certificate has expired by the planned day", cert_no
            )
        ]
    if person.office != office:
        return [_problem(name, "执法人员不属于本机构", "the inspector belongs to another office", cert_no)]
    return []


def validate_result(result: str, checked_on: dt.date | None, decision_id: str, today: dt.date) -> None:
    """Raise ``Invalid`` unless ``result`` is one of ``RESULTS`` and ``checked_on`` is not in the future."""
    problems: list[Problem] = []
    if result not in RESULTS:
        problems.append(
            _problem(
                "result",
                "检查结果应为 no_violation、violation 或 other",
                "result must be no_violation, violation or other",
                result,
            )  # fmt: skip
        )
    if checked_on is None:
        problems.append(_problem("checked_on", "检查日期必填", "checked_on is required"))
    elif checked_on > today:
        problems.append(
            _problem(
                "checked_on", "检查日期不能晚于今天", "checked_on is in the future", checked_on.isoformat()
            )
        )
    if len(decision_id) > 100:
        problems.append(_problem("decision_id", "决定书编号过长", "decision_id is too long"))
    if problems:
        raise Invalid(problems)


def _day(i: Inspection) -> dt.date:
    return i.checked_on or i.planned_on


def repeat_flags(
    inspections: Iterable[Inspection], *, window_days: int, max_offices: int, max_per_year: int
) -> list[Flag]:
    """Per enterprise (credit code): ``multi_office`` when more than ``max_offices`` offices inspected it
    within ``window_days`` days of one another (the largest such group), ``repeat`` when it was
    inspected more than ``max_per_year`` times in a calendar year and no violation was found in it."""
    by_enterprise: dict[str, list[Inspection]] = {}
    for i in inspections:
        by_enterprise.setdefault(i.credit_code, []).append(i)
    flags: list[Flag] = []
    for credit, items in sorted(by_enterprise.items()):
        items.sort(key=lambda i: (_day(i), i.code))
        best: list[Inspection] = []
        for start, first in enumerate(items):
            group = [i for i in items[start:] if (_day(i) - _day(first)).days < window_days]
            if len({i.office for i in group}) > max_offices and len(group) > len(best):
                best = group
        if best:
            flags.append(_flag(credit, "multi_office", best))
        years: dict[int, list[Inspection]] = {}
        for i in items:
            years.setdefault(_day(i).year, []).append(i)
        for _year, group in sorted(years.items()):
            if len(group) > max_per_year and not any(i.result == "violation" for i in group):
                flags.append(_flag(credit, "repeat", group))
    return flags


def _flag(credit: str, kind: str, group: list[Inspection]) -> Flag:
    return Flag(
        credit_code=credit,
        kind=kind,
        codes=tuple(i.code for i in group),
        offices=tuple(dict.fromkeys(i.office for i in group)),
    )


def inspection_to_dict(i: Inspection) -> dict[str, object]:
    """A JSON-ready dict (dates as ISO strings), for the stores."""
    return {
        "code": i.code,
        "office": i.office,
        "credit_code": i.credit_code,
        "enterprise_name": i.enterprise_name,
        "inspectors": list(i.inspectors),
        "scope": i.scope,
        "basis": i.basis,
        "planned_on": i.planned_on.isoformat(),
        "valid_from": i.valid_from.isoformat(),
        "valid_until": i.valid_until.isoformat(),
        "registered_at": i.registered_at.isoformat() if i.registered_at else None,
        "registered_by": i.registered_by,
        "result": i.result,
        "checked_on": i.checked_on.isoformat() if i.checked_on else None,
        "decision_id": i.decision_id,
        "version": i.version,
    }


def inspection_from_dict(d: Mapping[str, object]) -> Inspection:
    def day(key: str) -> dt.date | None:
        value = d.get(key)
        return dt.date.fromisoformat(str(value)) if value else None

    registered = d.get("registered_at")
    return Inspection(
        code=str(d["code"]),
        office=str(d["office"]),
        credit_code=str(d["credit_code"]),
        enterprise_name=str(d.get("enterprise_name") or ""),
        inspectors=tuple(str(c) for c in d.get("inspectors") or ()),  # type: ignore[attr-defined]
        scope=str(d.get("scope") or ""),
        basis=str(d.get("basis") or ""),
        planned_on=day("planned_on"),  # type: ignore[arg-type]
        valid_from=day("valid_from"),  # type: ignore[arg-type]
        valid_until=day("valid_until"),  # type: ignore[arg-type]
        registered_at=dt.datetime.fromisoformat(str(registered)) if registered else None,
        registered_by=str(d.get("registered_by") or ""),
        result=str(d.get("result") or ""),
        checked_on=day("checked_on"),
        decision_id=str(d.get("decision_id") or ""),
        version=int(d.get("version") or 0),  # type: ignore[call-overload]
    )


def office_aggregates(inspections: Iterable[Inspection], flags: Iterable[Flag]) -> list[dict[str, object]]:
    """Per office, what the public may see: inspections registered, share with a result recorded,
    share of those results finding a violation, flags the office takes part in. No enterprise."""
    rows: dict[str, dict[str, int]] = {}
    for i in inspections:
        row = rows.setdefault(i.office, {"registered": 0, "with_result": 0, "violations": 0, "flags": 0})
        row["registered"] += 1
        row["with_result"] += 1 if i.result else 0
        row["violations"] += 1 if i.result == "violation" else 0
    for f in flags:
        for office in f.offices:
            if office in rows:
                rows[office]["flags"] += 1
    return [
        {
            "office": office,
            "registered": r["registered"],
            "with_result": r["with_result"],
            "with_result_share": round(r["with_result"] / r["registered"], 3),
            "violations": r["violations"],
            "violation_share": round(r["violations"] / r["with_result"], 3) if r["with_result"] else None,
            "flags": r["flags"],
        }
        for office, r in sorted(rows.items())
    ]
