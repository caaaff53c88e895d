"""E-mail alerts end to end: ``sunlight serve`` as a process, a real SMTP server (aiosmtpd),
``sunlight alerts send`` after each build. Subscribe -> confirmation mail -> confirm -> a build
with a new decision of that office -> one alert (sent once) -> one-click unsubscribe -> the next
build's new decision mails no one."""

from __future__ import annotations

import email
import json
import shutil
import time
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from portal_process import ROOT, Portal, free_port

pytestmark = pytest.mark.slow

SUBSCRIBER = "zhang.wei@example.cn"


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def wait(self, count: int, timeout: float = 30.0) -> list[email.message.EmailMessage]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.3)
        return list(self.messages)


def link(mail: email.message.EmailMessage, path: str) -> str:
    """The site-relative link of ``path`` in the mail's text."""
    text = mail.get_content()
    url = next(w for w in text.split() if path in w)
    return url[url.index(path) :]


def forget_public(site: Path, decision_id: str) -> None:
    """As if the previous build had not shown ``decision_id`` yet (it is new to the next build)."""
    memory_file = site / ".sunlight-withdrawals.json"
    memory = json.loads(memory_file.read_text("utf-8"))
    memory["public"].remove(decision_id)
    memory_file.write_text(json.dumps(memory), "utf-8")


def test_subscribe_confirm_alert_once_unsubscribe(tmp_path: Path) -> None:
    mailbox = Mailbox()
    smtp_port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    data = tmp_path / "data"
    site = data / "site"
    portal = Portal(content, data, free_port(), {"SUNLIGHT_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}"})
    try:
        portal.start()
        rows = json.loads((site / "data" / "decisions.json").read_text("utf-8"))["decisions"]
        office = rows[0]["office"]
        of_office = [r["id"] for r in rows if r["office"] == office]
        assert len(of_office) >= 2
        other_office = next(r["id"] for r in rows if r["office"] != office)

        status, body = portal.json(
            "POST", "/api/alerts", {"email": SUBSCRIBER, "kind": "office", "value": office}
        )
        assert status == 202, body
        [confirmation] = mailbox.wait(1)
        assert confirmation["To"] == SUBSCRIBER and "确认" in confirmation["Subject"]
        status, _, page = portal.request("GET", link(confirmation, "/api/alerts/confirm"))
        assert status == 200 and "订阅已确认" in page.decode()

        # the next build publishes one decision of that office and one of another office
        portal.stop()
        forget_public(site, of_office[0])
        forget_public(site, other_office)
        portal.start()
        for queued in (1, 0):  # a second run queues nothing more
            sent = portal.command("alerts", "send", "--site", str(site))
            assert sent.returncode == 0 and f"2 件新公示决定，排队提醒邮件 {queued} 封" in sent.stdout, (
                sent.stdout + sent.stderr
            )
        messages = mailbox.wait(2)
        time.sleep(2)  # any duplicate would arrive within a few timer runs
        alerts = [m for m in mailbox.messages if m["X-Sunlight-Kind"] == "alert"]
        assert len(alerts) == 1, [m["Subject"] for m in messages]
        alert = alerts[0]
        assert alert["To"] == SUBSCRIBER
        assert f"/decisions/{of_office[0]}/" in alert.get_content()
        assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        stop = link(alert, "/api/alerts/unsubscribe")
        assert alert["List-Unsubscribe"].strip("<>").endswith(stop)
        status = portal.request(
            "POST",
            stop,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            raw=b"List-Unsubscribe=One-Click",
        )[0]
        assert status == 200

        # the build after: another new decision of that office, no mail
        portal.stop()
        forget_public(site, of_office[1])
        portal.start()
        sent = portal.command("alerts", "send", "--site", str(site))
        assert sent.returncode == 0 and "排队提醒邮件 0 封" in sent.stdout, sent.stdout + sent.stderr
        time.sleep(2)
        assert len([m for m in mailbox.messages if m["X-Sunlight-Kind"] == "alert"]) == 1
    finally:
        portal.stop()
        controller.stop()
