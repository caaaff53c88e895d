"""Changes to a filed complaint: staff actions and the reporter's rating.

Each change is one store transaction: the complaint written on condition of the version that
was read, its audit events appended, its notifications enqueued. When someone else changed the
complaint in between, the transaction fails and the caller gets ``Conflict``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sunlight.domain import complaints as states
from sunlight.domain.catalog import Catalog
from sunlight.domain.complaint_deadlines import next_due, paused_working_days, review_window_end
from sunlight.domain.complaints import AuditEvent, Complaint, apply, require
from sunlight.domain.errors import Conflict, Forbidden, Invalid
from sunlight.domain.problems import Problem
from sunlight.domain.routing import overseer_of, transfer_target_problem
from sunlight.domain.timers import next_timer_on
from sunlight.service.clock import local_date
from sunlight.service.commands import ACTIONS, StaffAction
from sunlight.service.notices import office_messages, reporter_message
from sunlight.store.base import (
    Account,
    AppendAudit,
    ConditionFailed,
    MarkTimerFired,
    PutComplaint,
    Store,
    WriteOp,
)

MAX_TEXT = 5000
MAX_COMMENT = 500

Event = tuple[str, str, dict[str, Any]]  # actor, action, detail


class StaleVersion(Conflict):
    """The complaint changed between reading and writing it (another request or a timer)."""


def visible_to(catalog: Catalog, c: Complaint, office: str) -> bool:
    """The handling, supervising and review offices see a complaint, and the office it was escalated to
    (without the reporter); never the office complained about (nor any office within it)."""
    if catalog.in_conflict(office, c.about_office):
        return False
    return office in (c.handling_office, c.supervising_office, c.review_office, c.escalated_to)


def settle(catalog: Catalog, c: Complaint) -> Complaint:
    return replace(c, next_due=next_due(c, catalog.calendar, catalog.settings))


def timer_on(
    store: Store, catalog: Catalog, c: Complaint, now: dt.datetime, fired: Sequence[str] = ()
) -> dt.date | None:
    """The day ``c``'s next timer event is due, counting ``fired`` (written with it) as fired."""
    done = set(fired)
    return next_timer_on(c, local_date(now), catalog, lambda key: key in done or store.timer_fired(key))


def save(
    store: Store,
    catalog: Catalog,
    old: Complaint,
    new: Complaint,
    events: Sequence[Event],
    now: dt.datetime,
    messages: Sequence[WriteOp] = (),
    extra: Sequence[WriteOp] = (),
) -> Complaint:
    """Write ``new`` on condition that ``old.version`` is still current, with its events and messages
    (and its next timer day, counting the timers ``extra`` marks fired)."""
    version = old.version + 1
    new = replace(new, version=version)
    fired = [op.key for op in extra if isinstance(op, MarkTimerFired)]
    ops: list[WriteOp] = [*extra, PutComplaint(new, old.version, timer_on(store, catalog, new, now, fired))]
    ops += [
        AppendAudit(AuditEvent(new.tracking_no, f"{version:06d}.{n:02d}", now, actor, action, detail))
        for n, (actor, action, detail) in enumerate(events)
    ]
    ops += messages
    try:
        store.transact(ops)
    except ConditionFailed as failed:
        if isinstance(failed.op, PutComplaint):
            raise StaleVersion(
                "投诉已被更新,请刷新后重试", "the complaint changed meanwhile; reload and retry"
            ) from None
        raise
    return new


def _text(value: str, field: str, limit: int = MAX_TEXT, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise Invalid([Problem("此项为必填项", "this field is required", field=field)])
    if len(value) > limit:
        raise Invalid(
            [Problem(f"内容过长(不超过{limit}字)", f"too long (at most {limit} characters)", field=field)]
        )
    return value


def _need(role_ok: bool) -> None:
    if not role_ok:
        raise Forbidden("本单位无权执行此操作", "this office may not take this action")


def act(
    store: Store, catalog: Catalog, account: Account, c: Complaint, action: StaffAction, now: dt.datetime
) -> Complaint:
    name = action.action
    if name not in ACTIONS:
        raise Invalid(
            [
                Problem(
                    "未知的操作",
                    f"unknown action; one of {', '.join(ACTIONS)}",
                    field="action",
                    value=str(name)[:40],
                )
            ]
        )
    office, today = account.office, local_date(now)
    actor = f"staff:{office}:{account.id}"
    handling = office == c.handling_office
    require(c, name)
    messages: list[WriteOp] = []
    key = f"{c.tracking_no}/{c.version + 1:06d}"
    if name == "accept":
        _need(handling)
        new = apply(c, name, accepted_at=now, accepted_on=today)
        events: list[Event] = [(actor, name, {})]
    elif name == "transfer":
        _need(handling)
        reason = _text(action.reason, "reason", 500)
        problem = transfer_target_problem(catalog, action.to_office, c.handling_office, c.about_office)
        if problem:
            raise Invalid([problem])
        supervising = overseer_of(catalog, action.to_office, excluded=c.about_office) or action.to_office
        new = apply(c, name, handling_office=action.to_office, supervising_office=supervising)
        events = [(actor, name, {"from": c.handling_office, "to": action.to_office, "reason": reason})]
        messages += office_messages(
            catalog, action.to_office, "transfer", key, settle(catalog, new), now, f"转办理由:{reason}"
        )
    elif name == "extend":
        _need(office == c.supervising_office)  # approved by the supervising office
        if c.extended_days:
            raise Conflict("每件投诉只能延期一次", "a complaint can be extended once only", "action")
        limit = catalog.settings.extension_max_days
        if not isinstance(action.days, int) or not 1 <= action.days <= limit:
            raise Invalid(
                [
                    Problem(
                        f"延期天数应为1至{limit}个工作日",
                        f"days must be 1 to {limit} working days",
                        field="days",
                    )
                ]
            )
        reason = _text(action.reason, "reason", 500)
        new = apply(c, name, extended_days=action.days)
        events = [(actor, name, {"days": action.days, "reason": reason})]
        messages += office_messages(
            catalog, c.handling_office, "extend", key, settle(catalog, new), now, f"延长{action.days}个工作日"
        )
    elif name == "request_material":
        _need(handling)
        text = _text(action.text, "text")
        new = apply(c, name, paused_on=today)
        events = [(actor, name, {"text": text})]
        messages += reporter_message(catalog, new, "request_material", key, text, now)
    elif name == "resume":
        _need(handling)
        days = paused_working_days(c, today, catalog.calendar)
        new = apply(c, name, paused_on=None, paused_days=c.paused_days + days)
        events = [(actor, name, {"paused_working_days": days})]
    elif name == "respond":
        text = _text(action.text, "text")
        if c.status == states.UNDER_REVIEW:
            _need(office == c.review_office)
            new = apply(c, name, status=states.CLOSED, review_response=text, closed_at=now)
            events = [(actor, "review_respond", {"text": text}), ("system", "close", {})]
            messages += reporter_message(catalog, new, "review_response", key, text, now)
        else:
            _need(handling)
            new = apply(c, name, status=states.RESPONDED, response=text, responded_at=now, responded_on=today)
            events = [(actor, name, {"text": text})]
            messages += reporter_message(catalog, new, "response", key, text, now)
    else:  # note
        text = _text(action.text, "text")
        new = c
        events = [(actor, "note", {"text": text})]
    return save(store, catalog, c, settle(catalog, new), events, now, messages)


def rate(
    store: Store, catalog: Catalog, c: Complaint, rating: str, comment: str, now: dt.datetime
) -> Complaint:
    if c.rating:
        raise Conflict("已评价过,不能重复评价", "already rated", "rating")
    require(c, "rate")
    if rating not in states.RATINGS:
        raise Invalid(
            [
                Problem(
                    "评价应为 满意、基本满意 或 不满意",
                    "rating must be 满意, 基本满意 or 不满意",
                    field="rating",
                    value=str(rating)[:20],
                )
            ]
        )
    comment = _text(comment, "comment", MAX_COMMENT, required=False)
    today = local_date(now)
    events: list[Event] = [("reporter", "rate", {"rating": rating, "comment": comment})]
    messages: list[WriteOp] = []
    window_end = review_window_end(c, catalog.settings, catalog.calendar)
    new = replace(c, rating=rating, rating_comment=comment, rated_at=now, status=states.RATED)
    if rating == states.UNSATISFIED and (window_end is None or today <= window_end):
        reviewer = c.supervising_office
        if reviewer == c.handling_office:
            reviewer = overseer_of(catalog, c.handling_office, excluded=c.about_office) or reviewer
        new = replace(
            new,
            status=states.UNDER_REVIEW,
            review_office=reviewer,
            review_opened_on=today,
            review_respond_days=catalog.settings.review_respond_days,
        )
        events.append(("system", "review_opened", {"review_office": reviewer}))
        new = settle(catalog, new)
        messages += office_messages(
            catalog,
            reviewer,
            "review",
            f"{c.tracking_no}/{c.version + 1:06d}",
            new,
            now,
            f"复核答复期限:{new.next_due.isoformat() if new.next_due else ''}",
        )
    return save(store, catalog, c, settle(catalog, new), events, now, messages)
