"""Filing queues notifications in the outbox; the SMTP and webhook channels deliver them.

A real aiosmtpd server is down at first (nothing is lost, everything stays queued), then up:
every message arrives exactly once, and delivering again sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller
from mail_helpers import Mailbox, free_port
from sunlight.clock import SHANGHAI
from sunlight.code_key import FileCodeKey
from sunlight.notify.smtp import SmtpChannel
from sunlight.notify.webhook import WebhookChannel
from sunlight.service.catalog import catalog_from_dict
from sunlight.service.commands import FileComplaint, ReporterInput
from sunlight.service.complaints import ComplaintService
from sunlight.store.sqlite import SqliteStore

NOW = dt.datetime(2026, 12, 24, 10, 0, tzinfo=SHANGHAI)


class Hook(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        Hook.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def _catalog(webhook: str) -> dict:
    return {
        "version": 1,
        "offices": [
            {"id": "bureau", "name": "区城管执法局", "kind": "bureau", "email": "bureau@example.gov.cn"},
            {
                "id": "supervision",
                "name": "勤务监督科",
                "kind": "division",
                "parent": "bureau",
                "roles": ["supervision"],
                "email": "jd@example.gov.cn",
                "webhook": webhook,
            },
            {"id": "squad", "name": "东湖中队", "kind": "squad", "parent": "bureau", "streets": ["东湖街道"]},
        ],
        "streets": ["东湖街道"],
        "complaints": {
            "categories": [
                {
                    "id": "fine",
                    "name": "乱罚款",
                    "accept_days": 3,
                    "respond_days": 15,
                    "remind_before_days": 3,
                }
            ],
            "routing": [{"match": {}, "handler": "squad"}],
            "settings": {"designated_supervision": "supervision"},
        },
    }


def _file(service: ComplaintService, n: int) -> str:
    cmd = FileComplaint(
        category="fine",
        subject=f"投诉 {n}",
        description="未出示证件即罚款。",
        reporter=ReporterInput(type="person", name="张三", phone="0571-88886666"),  # no receipt SMS
        office="squad",
        street="东湖街道",
    )
    return service.file_complaint(cmd, None, NOW).tracking_no


def test_smtp_down_then_up_loses_nothing_and_sends_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    hook = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    Hook.received = []
    store = SqliteStore(tmp_path / "store.sqlite3")
    service = ComplaintService(
        store,
        catalog_from_dict(_catalog(f"http://127.0.0.1:{hook.server_address[1]}/h")),
        code_key=FileCodeKey(tmp_path / "access-code.key"),
    )
    port = free_port()
    channels = {
        "email": SmtpChannel.from_url(f"smtp://127.0.0.1:{port}?timeout=2"),
        "webhook": WebhookChannel(2),
    }
    try:
        filed = [_file(service, n) for n in range(3)]
        queued = store.list_messages(delivered=False)
        emails = [m for m in queued if m.channel == "email"]
        assert emails, "filing queues e-mail to the handling office"

        down = service.deliver_outbox(NOW, channels)
        assert down.failed >= len(emails)
        assert len(store.list_messages(delivered=False)) == len(emails)  # webhooks went, e-mails wait

        inbox = Mailbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            later = NOW + dt.timedelta(hours=2)  # past any backoff
            up = service.deliver_outbox(later, channels)
            again = service.deliver_outbox(later + dt.timedelta(hours=2), channels)
        finally:
            controller.stop()
        assert up.delivered == len(emails) and again.claimed == 0
        assert store.list_messages(delivered=False) == []
        ids = sorted(m["X-Sunlight-Message-Id"] for m in inbox.messages)
        assert ids == sorted(m.id for m in emails)  # each exactly once
        subjects = " ".join(m["Subject"] for m in inbox.messages)
        assert all(no in subjects or any(no in m.get_content() for m in inbox.messages) for no in filed)
        assert Hook.received and all(p["id"] for p in Hook.received)
        assert len({p["id"] for p in Hook.received}) == len(Hook.received)
    finally:
        hook.shutdown()
        store.close()
