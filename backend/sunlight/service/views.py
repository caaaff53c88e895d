"""What each party sees of a complaint: the reporter's public view, the offices' views."""

from __future__ import annotations

import datetime as dt

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaint_deadlines import (
    accept_due,
    is_overdue,
    respond_due,
    review_due,
    review_window_end,
)
from sunlight.domain.complaints import (
    ACTION_LABELS,
    PUBLIC_ACTIONS,
    RESPONDED,
    STATUS_LABELS,
    WAITING,
    AuditEvent,
    Complaint,
)
from sunlight.domain.visibility import sees_reporter
from sunlight.service.results import (
    AuditEntry,
    InboxItem,
    ObserverItem,
    ReporterView,
    StaffView,
    TimelineEntry,
)


def _office_name(catalog: Catalog, office_id: str) -> str:
    office = catalog.office(office_id)
    return office.name if office else office_id


def _category_name(catalog: Catalog, c: Complaint) -> str:
    category = catalog.categories.get(c.category) or catalog.feedback_categories.get(c.category)
    return category.name if category else c.category


def _public_text(catalog: Catalog, event: AuditEvent) -> str:
    detail = event.detail
    if event.action in ("respond", "review_respond", "request_material"):
        return str(detail.get("text", ""))
    if event.action == "review_unavailable":
        return str(detail.get("reason", ""))
    if event.action == "transfer":
        return f"转至{_office_name(catalog, str(detail.get('to', '')))}"
    if event.action == "extend":
        return f"延长{detail.get('days', '')}个工作日"
    if event.action == "rate":
        return str(detail.get("rating", ""))
    if event.action == "overdue":
        return {"accept": "受理超期", "respond": "答复超期", "review": "复核答复超期"}.get(
            str(detail.get("phase")), ""
        )
    return ""


def _changes(catalog: Catalog, c: Complaint, trail: list[AuditEvent]) -> tuple[str, ...]:
    """Why a deadline moved (延期, 暂停计时) or a review (复核) opened, each with the date that now holds."""
    cal = catalog.calendar
    out: list[str] = []
    respond = None if c.status == WAITING else respond_due(c, cal)
    for e in trail:
        d = e.detail
        if e.action == "extend":
            reason = f"（理由：{d.get('reason')}）" if d.get("reason") else ""
            new = f"，新的答复期限为{respond.isoformat()}" if respond else ""
            out.append(f"经监督部门批准，答复期限延长{d.get('days', '')}个工作日{reason}{new}。")
        elif e.action == "resume" and respond:
            out.append(f"材料已补齐，恢复计时：补正期间不计入办理期限，答复期限顺延至{respond.isoformat()}。")
        elif e.action == "review_opened":
            review = review_due(c, cal)
            office = _office_name(catalog, str(d.get("review_office", "")))
            due = f"，复核期限为{review.isoformat()}" if review else ""
            out.append(f"您对答复不满意，已启动复核，由{office}办理{due}。")
    if c.status == WAITING:
        asked = next((e for e in reversed(trail) if e.action == "request_material"), None)
        what = f"：{asked.detail.get('text')}" if asked and asked.detail.get("text") else ""
        out.append(f"办理单位请您补充材料{what}。补充期间答复期限暂停计算，材料补齐后顺延。")
    return tuple(out)


def reporter_view(catalog: Catalog, c: Complaint, trail: list[AuditEvent], today: dt.date) -> ReporterView:
    cal = catalog.calendar
    window_end = review_window_end(c, catalog.settings, catalog.calendar)
    timeline = tuple(
        TimelineEntry(
            at=e.at,
            action=e.action,
            label=ACTION_LABELS.get(e.action, e.action),
            text=_public_text(catalog, e),
        )
        for e in trail
        if e.action in PUBLIC_ACTIONS
    )
    return ReporterView(
        tracking_no=c.tracking_no,
        kind=c.kind,
        category=c.category,
        category_name=_category_name(catalog, c),
        subject=c.subject,
        status=c.status,
        status_label=STATUS_LABELS[c.status],
        handling_office=c.handling_office,
        handling_office_name=_office_name(catalog, c.handling_office),
        filed_at=c.filed_at,
        accept_due=accept_due(c, cal),
        respond_due=None if c.status == WAITING else respond_due(c, cal),
        paused=c.status == WAITING,
        review_due=review_due(c, cal),
        response=c.review_response or c.response,
        rating=c.rating,
        can_rate=c.status == RESPONDED and not c.rating and (window_end is None or today <= window_end),
        timeline=timeline,
        changes=_changes(catalog, c, trail),
    )


def role_of(c: Complaint, office: str) -> str:
    if office == c.handling_office:
        return "handling"
    if office == c.review_office:
        return "review"
    if office == c.supervising_office:
        return "supervising"
    if office == c.escalated_to:
        return "escalated"
    return ""


def inbox_item(catalog: Catalog, c: Complaint, office: str, today: dt.date) -> InboxItem:
    return InboxItem(
        tracking_no=c.tracking_no,
        kind=c.kind,
        category=c.category,
        subject=c.subject,
        status=c.status,
        status_label=STATUS_LABELS[c.status],
        role=role_of(c, office),
        handling_office=c.handling_office,
        next_due=c.next_due,
        overdue=is_overdue(c, today, catalog.calendar, catalog.settings),
        filed_at=c.filed_at,
        category_name=_category_name(catalog, c),
        handling_office_name=_office_name(catalog, c.handling_office),
    )


def staff_view(
    catalog: Catalog, c: Complaint, office: str, trail: list[AuditEvent], names: dict[str, str] | None = None
) -> StaffView:
    """The reporter's identity only for the handling, supervising and review offices."""
    cal = catalog.calendar
    role = role_of(c, office)
    return StaffView(
        tracking_no=c.tracking_no,
        kind=c.kind,
        category=c.category,
        subject=c.subject,
        description=c.description,
        status=c.status,
        status_label=STATUS_LABELS[c.status],
        role=role,
        about=dict(c.about),
        reporter=dict(c.reporter) if office in sees_reporter(catalog, c) else {},
        handling_office=c.handling_office,
        supervising_office=c.supervising_office,
        filed_at=c.filed_at,
        accept_due=accept_due(c, cal),
        respond_due=None if c.status == WAITING else respond_due(c, cal),
        review_due=review_due(c, cal),
        paused=c.status == WAITING,
        extended_days=c.extended_days,
        response=c.response,
        rating=c.rating,
        trail=tuple(
            AuditEntry(
                at=e.at,
                actor=e.actor,
                action=e.action,
                detail=dict(e.detail),
                actor_name=(names or {}).get(e.actor.rsplit(":", 1)[-1], "") if ":" in e.actor else "",
                actor_office_name=_actor_office_name(catalog, e.actor),
            )
            for e in trail
        ),
        category_name=_category_name(catalog, c),
        handling_office_name=_office_name(catalog, c.handling_office),
        supervising_office_name=_office_name(catalog, c.supervising_office) if c.supervising_office else "",
        about_office_name=_office_name(catalog, c.about_office) if c.about_office else "",
    )


def _actor_office_name(catalog: Catalog, actor: str) -> str:
    parts = actor.split(":")
    return _office_name(catalog, parts[1]) if len(parts) == 3 and parts[0] == "staff" else ""


def observer_item(catalog: Catalog, c: Complaint) -> ObserverItem:
    cal = catalog.calendar
    return ObserverItem(
        tracking_no=c.tracking_no,
        category_name=_category_name(catalog, c),
        subject=c.subject,
        status=c.status,
        status_label=STATUS_LABELS[c.status],
        handling_office_name=_office_name(catalog, c.handling_office),
        filed_at=c.filed_at,
        accept_due=accept_due(c, cal),
        respond_due=None if c.status == WAITING else respond_due(c, cal),
        review_due=review_due(c, cal),
        response=c.review_response or c.response,
    )
