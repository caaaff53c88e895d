"""Results the service returns: plain frozen dataclasses the API serialises."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Filed:
    """A filed complaint. ``access_code`` is shown once; on an idempotent retry (``created`` False) it is
    recovered from the Idempotency-Key, never from storage in clear."""

    tracking_no: str
    access_code: str
    status: str
    handling_office: str
    handling_office_name: str
    accept_due: dt.date
    respond_due: dt.date
    created: bool = True
    warnings: tuple[str, ...] = ()  # "中文 / English", e.g. a deadline counted Monday-Friday
    filed_at: dt.datetime | None = None  # for the receipt (回执)


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    action: str
    label: str  # Chinese label of the action
    text: str = ""  # public text only (a response; never an internal note or a staff name)


@dataclass(frozen=True)
class ReporterView:
    """What the reporter sees with the access code: status, deadlines, public timeline."""

    tracking_no: str
    kind: str  # complaint | feedback
    category: str
    category_name: str
    subject: str
    status: str
    status_label: str
    handling_office: str
    handling_office_name: str
    filed_at: dt.datetime
    accept_due: dt.date | None
    respond_due: dt.date | None
    paused: bool
    review_due: dt.date | None
    response: str
    rating: str
    can_rate: bool
    timeline: tuple[TimelineEntry, ...] = ()
    changes: tuple[str, ...] = ()  # why a deadline moved or a review opened, in Chinese, with the new date


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str  # "reporter", "system", "staff:<office>:<account id>", "observer:<account id>"
    action: str
    detail: dict[str, object] = field(default_factory=dict)
    actor_name: str = ""  # the staff member's or observer's name (offices only; never in the public timeline)
    actor_office_name: str = ""  # the Chinese name of a staff actor's office


@dataclass(frozen=True)
class InboxItem:
    tracking_no: str
    kind: str
    category: str
    subject: str
    status: str
    status_label: str
    role: str  # "handling" | "supervising" | "review" | "escalated"
    handling_office: str
    next_due: dt.date | None
    overdue: bool
    filed_at: dt.datetime
    category_name: str = ""
    handling_office_name: str = ""


@dataclass(frozen=True)
class StaffView:
    """A complaint as its handling or supervising office sees it (reporter identity included)."""

    tracking_no: str
    kind: str
    category: str
    subject: str
    description: str
    status: str
    status_label: str
    role: str
    about: dict[str, str]  # office, power_code, street, decision_id, occurred_on
    reporter: dict[str, str]
    handling_office: str
    supervising_office: str
    filed_at: dt.datetime
    accept_due: dt.date | None
    respond_due: dt.date | None
    review_due: dt.date | None
    paused: bool
    extended_days: int
    response: str
    rating: str
    trail: tuple[AuditEntry, ...] = ()
    category_name: str = ""
    handling_office_name: str = ""
    supervising_office_name: str = ""
    about_office_name: str = ""  # the office complained about
    # 重复检查 complaints (or with an inspection code): the enterprise's inspections of the past year
    inspections: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class ObserverItem:
    """One of an observer's own feedback items (我的监督)."""

    tracking_no: str
    category_name: str
    subject: str
    status: str
    status_label: str
    handling_office_name: str
    filed_at: dt.datetime
    accept_due: dt.date | None
    respond_due: dt.date | None
    review_due: dt.date | None
    response: str


@dataclass(frozen=True)
class OfficeStats:
    office: str
    office_name: str
    received: int
    accepted_on_time: int
    responded_on_time: int
    responded: int
    overdue_now: int
    average_days_to_respond: float | None  # working days, filing to response
    rated: int
    satisfied: int  # 满意 + 基本满意
    satisfaction: float | None  # satisfied / rated


@dataclass(frozen=True)
class TickResult:
    fired: tuple[str, ...] = ()  # stable keys of the timer events fired by this tick
    enqueued: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeliveryResult:
    claimed: int = 0
    delivered: int = 0
    failed: int = 0


@dataclass(frozen=True)
class AccountInfo:
    id: str
    kind: str  # staff | observer
    name: str
    office: str  # "" for an observer


@dataclass(frozen=True)
class CreatedAccount:
    account: AccountInfo
    token: str  # shown once; only its hash is stored
