"""Complaint records, their states and the transitions between them.

States (``status``):

| state | 中文 | clock |
| --- | --- | --- |
| ``submitted`` | 待受理 | accept deadline runs |
| ``accepted`` | 办理中 | respond deadline runs |
| ``waiting_material`` | 待补正材料 | paused; paused working days are added back |
| ``responded`` | 已答复 | the review window (calendar days) runs |
| ``rated`` | 已评价 | the review window runs out, then closed |
| ``under_review`` | 复核中 | review deadline runs (handled by the supervising office) |
| ``closed`` | 已办结 | none |

The functions here return new records (``dataclasses.replace``); they never mutate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sunlight.domain.errors import Conflict

SUBMITTED = "submitted"
ACCEPTED = "accepted"
WAITING = "waiting_material"
RESPONDED = "responded"
RATED = "rated"
UNDER_REVIEW = "under_review"
CLOSED = "closed"

STATUS_LABELS = {
    SUBMITTED: "待受理",
    ACCEPTED: "办理中",
    WAITING: "待补正材料",
    RESPONDED: "已答复",
    RATED: "已评价",
    UNDER_REVIEW: "复核中",
    CLOSED: "已办结",
}

RATINGS = ("满意", "基本满意", "不满意")
UNSATISFIED = "不满意"

# action -> (states it is allowed in, resulting state or None for "unchanged")
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "accept": (frozenset({SUBMITTED}), ACCEPTED),
    "transfer": (frozenset({SUBMITTED, ACCEPTED, WAITING}), None),
    "extend": (frozenset({ACCEPTED, WAITING}), None),
    "request_material": (frozenset({ACCEPTED}), WAITING),
    "resume": (frozenset({WAITING}), ACCEPTED),
    "respond": (frozenset({ACCEPTED, UNDER_REVIEW}), None),  # RESPONDED, or CLOSED after a review
    "note": (frozenset(STATUS_LABELS), None),
    "rate": (frozenset({RESPONDED}), None),  # RATED, or UNDER_REVIEW when 不满意 in time
    "close": (frozenset({RESPONDED, RATED}), CLOSED),
}

ACTION_LABELS = {
    "filed": "提交投诉",
    "accept": "已受理",
    "transfer": "已转办",
    "extend": "已延期",
    "request_material": "请补正材料（计时暂停）",
    "resume": "材料已补齐（恢复计时）",
    "respond": "已答复",
    "note": "内部备注",
    "rate": "已评价",
    "review_opened": "已启动复核",
    "review_unavailable": "无独立复核单位，未启动复核",
    "review_respond": "复核已答复",
    "close": "已办结",
    "remind": "临期提醒",
    "overdue": "已超期",
    "chase": "催办",
    "escalate": "上报督办",
}

# Actions the reporter sees in the public timeline (never notes, never staff names).
PUBLIC_ACTIONS = frozenset(
    {
        "filed",
        "accept",
        "transfer",
        "extend",
        "request_material",
        "resume",
        "respond",
        "rate",
        "review_opened",
        "review_unavailable",
        "review_respond",
        "close",
        "overdue",
    }
)


@dataclass(frozen=True)
class Complaint:
    tracking_no: str
    kind: str  # complaint | feedback
    category: str
    subject: str
    description: str
    reporter: dict[str, str]
    about: dict[str, str]  # office (complained about), power_code, street, decision_id, occurred_on, page_url
    handling_office: str
    supervising_office: str
    filed_at: dt.datetime
    filed_on: dt.date  # local date of filing: deadlines count from here
    accept_days: int
    respond_days: int
    remind_before_days: int
    access_hash: str = ""
    status: str = SUBMITTED
    accepted_at: dt.datetime | None = None
    accepted_on: dt.date | None = None  # local date of acceptance: the respond clock starts here
    paused_on: dt.date | None = None
    paused_days: int = 0
    extended_days: int = 0
    response: str = ""
    responded_at: dt.datetime | None = None
    responded_on: dt.date | None = None
    rating: str = ""
    rating_comment: str = ""
    rated_at: dt.datetime | None = None
    review_office: str = ""
    review_opened_on: dt.date | None = None
    review_respond_days: int = 0
    review_response: str = ""
    closed_at: dt.datetime | None = None
    overdue: tuple[str, ...] = ()  # phases marked overdue: accept, respond, review
    escalated_to: str = ""  # the office an escalation (督办) went to: it may see the case, not the reporter
    observer: str = ""  # account id of an observer who filed feedback
    next_due: dt.date | None = None  # the running deadline, kept for inbox ordering
    last_event_at: dt.datetime | None = None  # the time of its latest audit event (see ``event_time``)
    # a work order of a partner (the 12345 hotline, docs/exchange.md): its name, the order number and
    # the hotline's own respond deadline (it wins when earlier: ``complaint_deadlines.respond_due``)
    partner: str = ""
    partner_order: str = ""
    partner_due: dt.date | None = None
    version: int = 0

    @property
    def about_office(self) -> str:
        return self.about.get("office", "")

    @property
    def is_open(self) -> bool:
        return self.status != CLOSED

    def offices_with_access(self) -> set[str]:
        """Offices that may see the complaint and its reporter: handling, supervising, review."""
        return {o for o in (self.handling_office, self.supervising_office, self.review_office) if o} - {
            self.about_office
        }


@dataclass(frozen=True)
class AuditEvent:
    tracking_no: str
    seq: str  # unique per complaint and sortable: "<version:06d>.<n:02d>"
    at: dt.datetime
    actor: str  # "reporter", "system", "staff:<office>:<account id>", "observer:<account id>"
    action: str
    detail: dict[str, Any] = field(default_factory=dict)


def event_time(complaint: Complaint, now: dt.datetime) -> dt.datetime:
    """The time to record an event of ``complaint`` at: ``now``, raised to the complaint's last event
    when the clock is behind it (data written with a clock ahead, or ``tick --now`` in the past).

    No event is ever earlier than the one before it, so a date derived from it (the day of
    acceptance, hence the respond deadline) never falls before the filing. Records written before
    ``last_event_at`` existed count their own times (filed, accepted, responded, rated, closed)."""
    times = [
        t
        for t in (
            complaint.last_event_at,
            complaint.filed_at,
            complaint.accepted_at,
            complaint.responded_at,
            complaint.rated_at,
            complaint.closed_at,
        )
        if t is not None
    ]
    return max([now, *times])


def require(complaint: Complaint, action: str) -> None:
    """Raise ``Conflict`` when ``action`` is not allowed in the complaint's state."""
    allowed, _ = TRANSITIONS[action]
    if complaint.status not in allowed:
        raise Conflict(
            f"当前状态（{STATUS_LABELS[complaint.status]}）不能执行此操作",
            f"action {action!r} is not allowed while the complaint is {complaint.status}",
            "action",
        )


def apply(complaint: Complaint, action: str, **changes: Any) -> Complaint:
    """Check the transition and return the complaint in its new state with ``changes`` applied."""
    require(complaint, action)
    _, target = TRANSITIONS[action]
    if target is not None and "status" not in changes:
        changes["status"] = target
    return replace(complaint, **changes)


# --- (de)serialisation for stores ---------------------------------------------------------------

_DATETIMES = {"filed_at", "accepted_at", "responded_at", "rated_at", "closed_at", "last_event_at"}
_DATES = {
    "filed_on",
    "accepted_on",
    "paused_on",
    "responded_on",
    "review_opened_on",
    "next_due",
    "partner_due",
}


_FIELDS = tuple(f.name for f in fields(Complaint))


def complaint_to_dict(complaint: Complaint) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(complaint, name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def complaint_from_dict(data: dict[str, Any]) -> Complaint:
    values: dict[str, Any] = {}
    names = {f.name for f in fields(Complaint)}
    for key, value in data.items():
        if key not in names:
            continue
        if value is not None and key in _DATETIMES:
            value = dt.datetime.fromisoformat(value)
        elif value is not None and key in _DATES:
            value = dt.date.fromisoformat(value)
        elif key == "overdue":
            value = tuple(value)
        values[key] = value
    return Complaint(**values)
