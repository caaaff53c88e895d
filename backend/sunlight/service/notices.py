"""Outbox messages: who gets told what. Texts are Chinese; they carry the tracking number, the
category, the subject and the deadline, never the reporter's identity (the office reads that in
its workbench, signed in)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import Complaint
from sunlight.domain.local_time import SHANGHAI, aware
from sunlight.service.outbox import EMAIL, SMS, WEBHOOK
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
MOBILE = re.compile(r"1[3-9]\d{9}")
# The receipt e-mail's access code: sealed in the payload, filled into the body when sent (delivery).
SEALED_CODE = "sealed_code"
CODE_SLOT = "{查询码}"


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


def receipt_messages(
    catalog: Catalog,
    c: Complaint,
    office_name: str,
    accept: dt.date,
    respond: dt.date,
    key: str,
    now: dt.datetime,
    sealed_code: str = "",
) -> list[EnqueueMessage]:
    """The receipt (回执) to the reporter: by e-mail when an address was given, by SMS to a mobile
    number. It has the tracking number, the office, the deadlines and the filing time in Beijing time.
    The e-mail also brings the access code: the outbox holds it only sealed (``sealed_code``, see
    ``codes.seal_for_receipt``) and the body only ``CODE_SLOT``, which delivery fills in when it
    sends the mail. The SMS never carries the code (a text message is easily seen by others)."""
    what = "投诉" if c.kind == "complaint" else "反馈"
    filed = aware(c.filed_at).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    status_url = _url(catalog, "/complaints/status/")
    email = c.reporter.get("email", "")
    phone = c.reporter.get("phone", "").replace(" ", "").replace("-", "")
    out: list[EnqueueMessage] = []
    if email:
        body = "\n".join(
            [
                "您好：",
                f"您的{what}已提交，这是您的回执。",
                f"投诉编号：{c.tracking_no}",
                f"提交时间：{filed}（北京时间）",
                f"办理单位：{office_name}",
                f"受理期限：{accept.isoformat()}",
                f"答复期限：{respond.isoformat()}（按工作日计算，补正材料期间暂停）",
                f"查询码：{CODE_SLOT}" if sealed_code else "查询码：见提交页面",
                f"请凭投诉编号和查询码在 {status_url} 查询办理进度。",
                "查询码相当于密码，请妥善保管，勿转发本邮件。",
            ]
        )
        out.append(
            EnqueueMessage(
                _message(
                    f"{key}/email/reporter",
                    EMAIL,
                    email,
                    f"【{what}回执】{c.tracking_no}",
                    body,
                    "receipt",
                    c.tracking_no,
                    "",
                    c.filed_at,
                    {SEALED_CODE: sealed_code} if sealed_code else {},
                )
            )
        )
    if MOBILE.fullmatch(phone):
        text = (
            f"【{catalog.agency_name or '阳光执法'}】您的{what}已提交，投诉编号{c.tracking_no}，"
            f"由{office_name}办理，{respond.isoformat()}前答复。凭编号和查询码可在网站查询进度。"
        )
        out.append(
            EnqueueMessage(
                _message(f"{key}/sms/reporter", SMS, phone, "", text, "receipt", c.tracking_no, "", now, {})
            )
        )
    return out


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
