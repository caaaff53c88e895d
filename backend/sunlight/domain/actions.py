"""Changes to a filed complaint, as pure functions: the staff actions and the reporter's rating.

Each function takes the complaint, the actor, the time and the catalog (and the action's fields) and
returns an :class:`Outcome`: the complaint in its new state (its running deadline settled), the audit
events to append and the notices to queue, as data. It raises the typed errors of
``sunlight.domain.errors`` (code and zh/en text; the API maps them to HTTP statuses). Nothing here
reads or writes anything: the service loads the complaint, calls one of these and writes the outcome
in one store transaction.

| action | who | states | effect |
| --- | --- | --- | --- |
| ``accept`` 受理 | handling office | submitted | accepted; the respond clock starts |
| ``transfer`` 转办 | handling office | submitted, accepted, waiting | new handler (never the office complained about) |
| ``extend`` 延期 | the supervising office, never the handler | accepted, waiting | once, 1..``extension_max_days`` working days |
| ``request_material`` 补正 | handling office | accepted | waiting; the clock pauses |
| ``resume`` 恢复 | handling office | waiting | accepted; paused working days are added back |
| ``respond`` 答复 | handling office | accepted | responded |
| ``review`` 复核答复 | the review office, never the handler | under review | closed |
| ``note`` 备注 | any office that sees it | any | an internal audit event only |
| ``rate`` 评价 | the reporter | responded | rated, or under review (不满意 in time) |

The order of the checks is the API's contract: state first, then who may act, then the fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sunlight.domain import complaints as states
from sunlight.domain.catalog import Catalog
from sunlight.domain.complaint_deadlines import (
    extension_refusal,
    next_due,
    paused_working_days,
    review_window_end,
)
from sunlight.domain.complaints import Complaint, apply, event_time, require
from sunlight.domain.errors import Conflict, Forbidden, Invalid
from sunlight.domain.local_time import local_date
from sunlight.domain.oversight import extension_approver, no_independent_office, review_office_for
from sunlight.domain.problems import Problem
from sunlight.domain.routing import overseer_of, transfer_target_problem

MAX_TEXT = 5000
MAX_REASON = 500
MAX_COMMENT = 500

# The actions staff take through ``POST /api/complaints/<no>/actions`` (``respond`` during a review
# is the review office's answer, ``review``).
STAFF_ACTIONS = ("accept", "transfer", "extend", "request_material", "resume", "respond", "note")

Event = tuple[str, str, dict[str, Any]]  # actor, action, detail


@dataclass(frozen=True)
class Actor:
    """A staff member acting for ``office``."""

    office: str
    account: str

    @property
    def name(self) -> str:
        """How the audit trail names the actor."""
        return f"staff:{self.office}:{self.account}"


@dataclass(frozen=True)
class Notice:
    """A message to queue: to ``office`` (``transfer``, ``extend``, ``review``) or, when ``office`` is
    "", to the reporter (``response``, ``review_response``, ``request_material``). ``text`` is the
    line that says what happened."""

    kind: str
    text: str
    office: str = ""


@dataclass(frozen=True)
class Outcome:
    """The result of an action: the new complaint (before its version is bumped), the events, the
    notices, and the time they happen at (never before the complaint's last event)."""

    complaint: Complaint
    events: tuple[Event, ...]
    at: dt.datetime
    notices: tuple[Notice, ...] = ()


def settle(catalog: Catalog, c: Complaint) -> Complaint:
    """``c`` with its running deadline (``next_due``, the inbox order) recomputed."""
    return replace(c, next_due=next_due(c, catalog.calendar, catalog.settings))


def text_field(value: str, field: str, limit: int = MAX_TEXT, required: bool = True) -> str:
    """A free-text field, stripped; ``Invalid`` naming ``field`` when missing or over ``limit``."""
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


def _outcome(
    catalog: Catalog,
    new: Complaint,
    events: list[Event],
    at: dt.datetime,
    notices: list[Notice] | None = None,
) -> Outcome:
    return Outcome(settle(catalog, new), tuple(events), at, tuple(notices or ()))


def accept(c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog) -> Outcome:
    """受理: the handling office accepts; the respond clock starts on the day of acceptance."""
    require(c, "accept")
    _need(actor.office == c.handling_office)
    at = event_time(c, now)
    new = apply(c, "accept", accepted_at=at, accepted_on=local_date(at))
    return _outcome(catalog, new, [(actor.name, "accept", {})], at)


def transfer(
    c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog, to_office: str, reason: str
) -> Outcome:
    """转办 to ``to_office`` (never the office complained about nor one within it), with a reason; the
    new handler's overseer becomes the supervising office."""
    require(c, "transfer")
    _need(actor.office == c.handling_office)
    reason = text_field(reason, "reason", MAX_REASON)
    problem = transfer_target_problem(catalog, to_office, c.handling_office, c.about_office)
    if problem:
        raise Invalid([problem])
    at = event_time(c, now)
    supervising = overseer_of(catalog, to_office, excluded=c.about_office) or to_office
    new = apply(c, "transfer", handling_office=to_office, supervising_office=supervising)
    events: list[Event] = [
        (actor.name, "transfer", {"from": c.handling_office, "to": to_office, "reason": reason})
    ]
    return _outcome(catalog, new, events, at, [Notice("transfer", f"转办理由:{reason}", to_office)])


def extend(
    c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog, days: object, reason: str
) -> Outcome:
    """延期: the supervising office (never the handler itself) extends the respond deadline once, by 1 to
    ``extension_max_days`` working days, before it has passed."""
    require(c, "extend")
    at = event_time(c, now)
    approver = extension_approver(c)
    if not approver and actor.office == c.handling_office:
        raise no_independent_office("批准延期", "approve an extension")
    _need(actor.office == approver)
    if c.extended_days:
        raise Conflict("每件投诉只能延期一次", "a complaint can be extended once only", "action")
    refusal = extension_refusal(c, local_date(at), catalog.calendar)
    if refusal:
        raise Conflict(*refusal, "action")
    limit = catalog.settings.extension_max_days
    if not isinstance(days, int) or not 1 <= days <= limit:
        raise Invalid(
            [
                Problem(
                    f"延期天数应为1至{limit}个工作日", f"days must be 1 to {limit} working days", field="days"
                )
            ]
        )
    reason = text_field(reason, "reason", MAX_REASON)
    new = apply(c, "extend", extended_days=days)
    events: list[Event] = [(actor.name, "extend", {"days": days, "reason": reason})]
    return _outcome(catalog, new, events, at, [Notice("extend", f"延长{days}个工作日", c.handling_office)])


def request_material(c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog, text: str) -> Outcome:
    """补正材料: the handling office asks the reporter for material; the clock pauses."""
    require(c, "request_material")
    _need(actor.office == c.handling_office)
    text = text_field(text, "text")
    at = event_time(c, now)
    new = apply(c, "request_material", paused_on=local_date(at))
    return _outcome(
        catalog,
        new,
        [(actor.name, "request_material", {"text": text})],
        at,
        [Notice("request_material", text)],
    )


def resume(c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog) -> Outcome:
    """材料已补齐: the clock runs again; the paused working days are added back."""
    require(c, "resume")
    _need(actor.office == c.handling_office)
    at = event_time(c, now)
    days = paused_working_days(c, local_date(at), catalog.calendar)
    new = apply(c, "resume", paused_on=None, paused_days=c.paused_days + days)
    return _outcome(catalog, new, [(actor.name, "resume", {"paused_working_days": days})], at)


def respond(c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog, text: str) -> Outcome:
    """答复: the handling office answers. During a review (复核) the answer is the review office's:
    see :func:`review`."""
    require(c, "respond")
    text = text_field(text, "text")
    if c.status == states.UNDER_REVIEW:
        return _review(c, actor, now, catalog, text)
    _need(actor.office == c.handling_office)
    at = event_time(c, now)
    new = apply(
        c, "respond", status=states.RESPONDED, response=text, responded_at=at, responded_on=local_date(at)
    )
    return _outcome(catalog, new, [(actor.name, "respond", {"text": text})], at, [Notice("response", text)])


def review(c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog, text: str) -> Outcome:
    """复核答复: the review office (never the handler itself) answers the review; the complaint closes."""
    require(c, "respond")
    if c.status != states.UNDER_REVIEW:
        raise Conflict(
            f"当前状态({states.STATUS_LABELS[c.status]})不能执行此操作",
            f"action 'review' is not allowed while the complaint is {c.status}",
            "action",
        )
    return _review(c, actor, now, catalog, text_field(text, "text"))


def _review(c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog, text: str) -> Outcome:
    _need(actor.office == c.review_office)
    if actor.office == c.handling_office:  # a review left with the handler by data written before
        raise no_independent_office("复核本单位的答复", "review its own answer")
    at = event_time(c, now)
    new = apply(c, "respond", status=states.CLOSED, review_response=text, closed_at=at)
    events: list[Event] = [(actor.name, "review_respond", {"text": text}), ("system", "close", {})]
    return _outcome(catalog, new, events, at, [Notice("review_response", text)])


def note(c: Complaint, actor: Actor, now: dt.datetime, catalog: Catalog, text: str) -> Outcome:
    """An internal note (内部备注) by any office that sees the complaint; nothing else changes."""
    require(c, "note")
    text = text_field(text, "text")
    return _outcome(catalog, c, [(actor.name, "note", {"text": text})], event_time(c, now))


def rate(c: Complaint, now: dt.datetime, catalog: Catalog, rating: str, comment: str) -> Outcome:
    """The reporter's rating (满意 / 基本满意 / 不满意), once, after a response. 不满意 within the
    review window opens a review (复核) by an office independent of the handler; with none left the
    rating stands and the timeline says why no review opens."""
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
    comment = text_field(comment, "comment", MAX_COMMENT, required=False)
    at = event_time(c, now)
    today = local_date(at)
    events: list[Event] = [("reporter", "rate", {"rating": rating, "comment": comment})]
    notices: list[Notice] = []
    window_end = review_window_end(c, catalog.settings, catalog.calendar)
    new = replace(c, rating=rating, rating_comment=comment, rated_at=at, status=states.RATED)
    reviewer = review_office_for(catalog, c)  # never the handler itself
    in_time = window_end is None or today <= window_end
    if rating == states.UNSATISFIED and in_time and not reviewer:
        reason = no_independent_office("复核", "review").message
        events.append(("system", "review_unavailable", {"reason": reason}))
    elif rating == states.UNSATISFIED and in_time:
        new = settle(
            catalog,
            replace(
                new,
                status=states.UNDER_REVIEW,
                review_office=reviewer,
                review_opened_on=today,
                review_respond_days=catalog.settings.review_respond_days,
            ),
        )
        events.append(("system", "review_opened", {"review_office": reviewer}))
        due = new.next_due.isoformat() if new.next_due else ""
        notices.append(Notice("review", f"复核答复期限:{due}", reviewer))
    return _outcome(catalog, new, events, at, notices)


def staff_action(
    c: Complaint,
    actor: Actor,
    now: dt.datetime,
    catalog: Catalog,
    action: str,
    *,
    text: str = "",
    to_office: str = "",
    reason: str = "",
    days: object = 0,
) -> Outcome:
    """The staff action named ``action`` (one of ``STAFF_ACTIONS``) with its fields."""
    handlers: dict[str, Callable[[], Outcome]] = {
        "accept": lambda: accept(c, actor, now, catalog),
        "transfer": lambda: transfer(c, actor, now, catalog, to_office, reason),
        "extend": lambda: extend(c, actor, now, catalog, days, reason),
        "request_material": lambda: request_material(c, actor, now, catalog, text),
        "resume": lambda: resume(c, actor, now, catalog),
        "respond": lambda: respond(c, actor, now, catalog, text),
        "note": lambda: note(c, actor, now, catalog, text),
    }
    if action not in handlers:
        raise Invalid(
            [
                Problem(
                    "未知的操作",
                    f"unknown action; one of {', '.join(STAFF_ACTIONS)}",
                    field="action",
                    value=str(action)[:40],
                )
            ]
        )
    return handlers[action]()
