"""``sunlight serve`` as a real process: complaints survive ``kill -9``, timers run, HTTP edges hold."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from portal_process import FIXTURE, Portal, content_with_office_email, free_port

pytestmark = pytest.mark.slow

FIRST_NOW = "2026-12-24T10:00:00+08:00"
LATER_NOW = "2027-02-01T10:00:00+08:00"  # every deadline of the first run has passed


def complaint(n: int) -> dict:
    return {
        "category": "arbitrary-fine",
        "subject": f"执法检查中未出示证件(第{n}件)",
        "description": "执法人员未出示执法证件即开具罚单。",
        "reporter": {
            "type": "enterprise",
            "name": f"青石示例贸易有限公司{n}",
            "credit_code": "91350100M000100Y43",
            "contact_name": "王经理",
            "phone": "13800138000",
        },
        "office": "squad-east",
        "street": "东湖街道",
        "occurred_on": "2026-12-20",
    }


class Mailbox:
    def __init__(self) -> None:
        self.ids: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        for line in envelope.content.decode("utf-8", "replace").splitlines():
            if line.lower().startswith("x-sunlight-message-id:"):
                self.ids.append(line.split(":", 1)[1].strip())
        return "250 OK"


def _wait_for(predicate, timeout: float = 30.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return predicate()


@pytest.mark.parametrize("store", ["sqlite", "dynamodb"])
def test_complaints_survive_kill_9_and_timers_run_after_restart(
    tmp_path: Path, store: str, request: pytest.FixtureRequest
) -> None:
    mailbox = Mailbox()
    smtp_port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    content = content_with_office_email(tmp_path / "content")
    env = {"SUNLIGHT_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}"}
    if store == "dynamodb":  # the same process on DynamoDB (moto server), the table made by `store init`
        endpoint = request.getfixturevalue("moto_endpoint")
        env |= {
            "SUNLIGHT_STORE": f"dynamodb://serve-{tmp_path.name}"[:60],
            "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
        }
    portal = Portal(content, tmp_path / "data", free_port(), env)
    try:
        if store == "dynamodb":
            for expected in ("created", "exists"):  # idempotent
                init = portal.command("store", "init")
                assert init.returncode == 0 and expected in init.stdout, init.stderr
        portal.start(SUNLIGHT_NOW=FIRST_NOW)
        with ThreadPoolExecutor(max_workers=6) as pool:
            filed = list(pool.map(lambda n: portal.json("POST", "/api/complaints", complaint(n)), range(12)))
            same_key = list(
                pool.map(
                    lambda _: portal.json(
                        "POST", "/api/complaints", complaint(99), {"Idempotency-Key": "retry-42"}
                    ),
                    range(6),
                )
            )
        assert [status for status, _ in filed] == [201] * 12, filed
        assert {status for status, _ in same_key} <= {200, 201}
        assert len({body["tracking_no"] for _, body in same_key}) == 1  # concurrent retries: one complaint
        codes = {body["tracking_no"]: body["access_code"] for _, body in filed}
        subjects = {body["tracking_no"]: complaint(n)["subject"] for n, (_, body) in enumerate(filed)}
        codes[same_key[0][1]["tracking_no"]] = same_key[0][1]["access_code"]

        # the timer loop delivers the new-complaint e-mails to the supervision office
        assert _wait_for(lambda: len(mailbox.ids) >= 13), mailbox.ids
        portal.kill9()

        staff = portal.command(
            "staff", "add", "--office", "supervision", "--name", "值班员", env={"SUNLIGHT_NOW": FIRST_NOW}
        )
        assert staff.returncode == 0, staff.stderr
        token = staff.stdout.strip()

        portal.start(SUNLIGHT_NOW=LATER_NOW)
        for tracking_no, code in codes.items():
            status, view = portal.json(
                "GET", f"/api/complaints/{tracking_no}", headers={"X-Access-Code": code}
            )
            assert status == 200, (tracking_no, view)
            assert view["tracking_no"] == tracking_no
            assert view["subject"] == subjects.get(
                tracking_no, complaint(99)["subject"]
            )  # no request mixed up
        status, inbox = portal.json("GET", "/api/inbox", headers={"Authorization": f"Bearer {token}"})
        assert status == 200 and {i["tracking_no"] for i in inbox["items"]} == set(codes)

        some = next(iter(codes))

        def timers_fired() -> bool:
            _, view = portal.json(
                "GET", f"/api/complaints/{some}", headers={"Authorization": f"Bearer {token}"}
            )
            return any(e["actor"] == "system" for e in view["trail"])

        assert _wait_for(timers_fired), "the serve loop fires the overdue timers of LATER_NOW"
        count = len(mailbox.ids)
        assert len(set(mailbox.ids)) == count, "no message is sent twice"
        assert portal.terminate() == 0  # SIGTERM stops cleanly
        assert "stopped" in portal.log.read_text()
        assert (tmp_path / "data" / "sunlight.sqlite3").exists() == (store == "sqlite")
    finally:
        portal.stop()
        controller.stop()


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Portal:  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("edges")
    running = Portal(FIXTURE, base / "data", free_port()).start(SUNLIGHT_NOW=FIRST_NOW)
    yield running
    running.stop()


@pytest.mark.parametrize(
    ("path", "status", "content_type"),
    [
        ("/", 200, "text/html"),
        ("/complaints/new/", 200, "text/html"),
        ("/feeds/notices.atom", 200, "application/xml"),
        ("/data/powers.csv", 200, "text/csv"),
        ("/data/catalog.json", 200, "application/json"),
        ("/theme/js/forms.js", 200, "text/javascript"),
        ("/no/such/page/", 404, "text/html"),
        ("/../../../etc/passwd", 404, "text/html"),
        ("/%2e%2e/%2e%2e/etc/passwd", 404, "text/html"),
        ("/api/no-such-route", 404, "application/json"),
    ],
)
def test_static_and_api_paths(portal: Portal, path: str, status: int, content_type: str) -> None:
    got, headers, body = portal.request("GET", path)
    assert got == status, body[:200]
    assert headers["Content-Type"].startswith(content_type)
    assert b"root:" not in body


def test_the_name_tagger_s_helper_ends_once_the_site_is_built(portal: Portal) -> None:
    # the build at start-up asks a helper process (jieba's tagger, ~170 MB) about person names;
    # the server goes on for days and needs it no more
    assert portal.process is not None
    children = Path(f"/proc/{portal.process.pid}/task/{portal.process.pid}/children")
    alive = []
    for pid in children.read_text().split():
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except FileNotFoundError:
            continue
        if b"tagger_process" in cmdline:
            alive.append(pid)
    assert alive == []


def test_directory_redirect_and_head(portal: Portal) -> None:
    status, headers, _ = portal.request("GET", "/complaints/new")
    assert status == 301 and headers["Location"] == "/complaints/new/"
    status, headers, body = portal.request("HEAD", "/")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_bad_input_over_http_is_never_500(portal: Portal) -> None:
    cases = [
        (b'{"category": ', {}, 400),
        (b"[1, 2]", {}, 422),
        (b'{"category": "arbitrary-fine", "unknown": 1}', {}, 422),
        (b"x" * 300_000, {}, 413),
        (b"{}", {"Content-Type": "text/plain"}, 415),
    ]
    for raw, headers, expected in cases:
        status, _, body = portal.request("POST", "/api/complaints", raw=raw, headers=headers)
        assert status == expected, (raw[:40], status, body[:200])
        assert b"Traceback" not in body
        assert json.loads(body)["error"]["message"], body[:200]
    try:  # refused by waitress itself, before the application: a 413, or the upload cut short
        status = portal.request("POST", "/api/complaints", raw=b"y" * 2_000_000)[0]
    except OSError:
        status = 413
    assert status == 413
    assert portal.request("GET", "/api/health")[0] == 200  # and the server carries on
    status, _, _ = portal.request("PUT", "/api/complaints", raw=b"{}")
    assert status == 405
    status, _, _ = portal.request("POST", "/index.html", raw=b"{}")
    assert status == 405


def test_behind_a_trusted_proxy_rate_limits_apply_per_client(tmp_path: Path) -> None:
    portal = Portal(FIXTURE, tmp_path / "data", free_port(), {"SUNLIGHT_TRUSTED_PROXY": "127.0.0.1"})
    try:
        portal.start(SUNLIGHT_NOW=FIRST_NOW)

        def lookup(n: int, client: str) -> int:
            headers = {"X-Access-Code": "guess", "X-Forwarded-For": client}
            return portal.request("GET", f"/api/complaints/TS-20261224-{n:06d}", headers=headers)[0]

        first = [lookup(n, "203.0.113.7") for n in range(25)]
        assert first[0] == 404 and first[-1] == 429  # one client guessing across many numbers is stopped
        assert lookup(99, "198.51.100.20") == 404  # another client behind the same proxy is not
    finally:
        portal.stop()
    log = portal.log.read_text()
    assert "GET /api/complaints/TS-20261224-000000 404" in log  # the access log: method, path, status
    assert "guess" not in log and "203.0.113.7" not in log  # no header in the log
