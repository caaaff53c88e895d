"""The 12345 exchange end to end: ``sunlight serve`` as a process, ``sunlight partner add``, the
order posted by ``scripts/exchange/post_order.py`` over real HTTP, staff accepting it, and the serve
loop's timer delivering the signed status update to a local webhook receiver (http.server)."""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from portal_process import FIXTURE, ROOT, Portal, free_port
from webhook_receiver import Receiver, running_receiver

pytestmark = pytest.mark.slow

ORDER = ROOT / "scripts" / "exchange" / "order.sample.json"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver("/status") as server:
        yield server


def test_order_in_status_out(tmp_path: Path, receiver: Receiver) -> None:
    order = tmp_path / "order.json"
    order.write_text(
        ORDER.read_text("utf-8").replace("新镇街道", "东湖街道"), "utf-8"
    )  # the fixture's street
    portal = Portal(FIXTURE, tmp_path / "data", free_port())
    try:
        portal.start()
        hook = receiver.url
        added = portal.command("partner", "add", "--name", "12345", "--webhook", hook)
        assert added.returncode == 0, added.stderr
        secret = added.stdout.strip()
        script = [
            sys.executable,
            str(ROOT / "scripts" / "exchange" / "post_order.py"),
            portal.url,
            str(order),
        ]
        posted = subprocess.run([*script, "--secret", secret], capture_output=True, text=True, timeout=60)
        assert posted.returncode == 0, posted.stderr
        status, answer = posted.stdout.split(" ", 1)
        filed = json.loads(answer)
        assert status == "201" and filed["order_no"] == "GD20261102000123"
        wrong = subprocess.run([*script, "--secret", "0" * 64], capture_output=True, text=True, timeout=60)
        assert wrong.returncode == 1 and wrong.stderr.startswith("401 ")

        token = portal.command("staff", "add", "--office", filed["handling_office"], "--name", "值班员")
        assert token.returncode == 0, token.stderr
        code, _headers, body = portal.request(
            "POST",
            f"/api/complaints/{filed['tracking_no']}/actions",
            {"action": "accept"},
            headers={"Authorization": f"Bearer {token.stdout.strip()}"},
        )
        assert code == 200, body
        deadline = time.monotonic() + 30
        while not receiver.received and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(receiver.received) == 1
        headers, raw = receiver.received[0]
        expected = hmac.new(secret.encode(), headers["X-Timestamp"].encode() + b"." + raw, hashlib.sha256)
        assert headers["X-Signature"] == "sha256=" + expected.hexdigest()
        update = json.loads(raw)
        assert (update["tracking_no"], update["status"]) == (filed["tracking_no"], "accepted")
        assert [e["event"] for e in update["events"]] == ["accepted"]
    finally:
        portal.stop()
