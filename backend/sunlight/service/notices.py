"""Outbox messages: who gets told what. Texts are Chinese; they carry the tracking number, the
category, the subject and the deadline, never the reporter's identity (the office reads that in
its workbench, signed in)."""

from __future__ import annotations

import datetime as dt
import uuid

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import Complaint
from sunlight.service.outbox import EMAIL, WEBHOOK
from sunlight.store.base import EnqueueMessage, QueuedMessage

SUBJECTS = {
    "new_complaint": "新投诉待受理",
    "transfer": "转办投诉待受理",
    "remind": "投诉办理临期提醒",
    "overdue": "投诉办理已超期",
    "chase": "催办:投诉办理超期",
    "escalate": "督办:投诉超期已逾五个工作日",
    "extend": "投诉延期已批准",
    "review": "复核申请待办理",
}
PHASES = {"accept": "受理", "respond": "答复", "review": "复核答复"}


def _url(catalog: Catalog, path: str) -> str:
    return catalog.site_url.rstrip("/") + path if catalog.site_url else path


def office_messages(
    catalog: Catalog, office_id: str, kind: str, key: str, c: Complaint, now: dt.datetime, extra: str = ""
) -> list[EnqueueMessage]:
    office = catalog.office(office_id)
    if office is None or not office_id or office_id == c.about_office:
        return []
    category = catalog.categories.get(c.category) or catalog.feedback_categories.get(c.category)
    subject = f"【{SUBJECTS.get(kind, '投诉通知')}】{c.tracking_no}"
    lines = [
        f"{office.name}:",
        f"{SUBJECTS.get(kind, '投诉通知')}。",
        f"编号:{c.tracking_no}",
        f"类别:{category.name if category else c.category}",
        f"事由:{c.subject}",
    ]
    if extra:
        lines.append(extra)
    lines.append(f"请登录工作台办理:{_url(catalog, '/staff/')}")
    body = "\n".join(lines)
    payload: dict[str, object] = {
        "event": kind,
        "tracking_no": c.tracking_no,
        "category": c.category,
        "subject": c.subject,
        "status": c.status,
        "office": office_id,
        "next_due": c.next_due.isoformat() if c.next_due else None,
        "text": extra,
    }
    out = []
    for channel, recipient in ((EMAIL, office.email), (WEBHOOK, office.webhook)):
        if recipient:
            out.append(
                EnqueueMessage(
                    _message(
                        f"{key}/{channel}/{office_id}",
                        channel,
                        recipient,
                        subject,
                        body,
                        kind,
                        c.tracking_no,
                        office_id,
                        now,
                        payload,
                    )
                )
            )
    return out


def reporter_message(
    catalog: Catalog, c: Complaint, kind: str, key: str, text: str, now: dt.datetime
) -> list[EnqueueMessage]:
    email = c.reporter.get("email", "")
    if not email:
        return []
    titles = {
        "response": "您的投诉已答复",
        "review_response": "您的复核申请已答复",
        "request_material": "请补充材料",
    }
    subject = f"【{titles.get(kind, '投诉进展')}】{c.tracking_no}"
    body = "\n".join(
        [
            "您好:",
            f"{titles.get(kind, '投诉进展')}(编号 {c.tracking_no})。",
            text,
            f"请凭查询码在 {_url(catalog, '/complaints/status/')} 查看办理进展并评价。",
        ]
    )
    return [
        EnqueueMessage(
            _message(f"{key}/email/reporter", EMAIL, email, subject, body, kind, c.tracking_no, "", now, {})
        )
    ]


def _message(
    key: str,
    channel: str,
    recipient: str,
    subject: str,
    body: str,
    kind: str,
    tracking_no: str,
    office: str,
    now: dt.datetime,
    payload: dict[str, object],
) -> QueuedMessage:
    return QueuedMessage(
        id=uuid.uuid4().hex,
        key=key,
        channel=channel,
        recipient=recipient,
        subject=subject,
        body=body,
        kind=kind,
        tracking_no=tracking_no,
        office=office,
        created_at=now,
        next_attempt_at=now,
        payload=payload,
    )


def deadline_text(phase: str, due: dt.date) -> str:
    return f"{PHASES.get(phase, '办理')}期限:{due.isoformat()}"
