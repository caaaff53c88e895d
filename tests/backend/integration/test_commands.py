"""``sunlight tick`` and ``sunlight staff|observer add`` as real processes on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from portal_process import SUNLIGHT
from sunlight.clock import SHANGHAI
from sunlight.code_key import FileCodeKey
from sunlight.service.catalog import load_catalog
from sunlight.service.commands import FileComplaint, ReporterInput
from sunlight.service.complaints import ComplaintService
from sunlight.store.sqlite import SqliteStore

pytestmark = pytest.mark.slow

FILED_AT = dt.datetime(2026, 12, 24, 10, 0, tzinfo=SHANGHAI)
CATALOG = {
    "version": 1,
    "offices": [
        {"id": "bureau", "name": "区城管执法局", "kind": "bureau"},
        {
            "id": "supervision",
            "name": "勤务监督科",
            "kind": "division",
            "parent": "bureau",
            "roles": ["supervision"],
        },
        {"id": "squad", "name": "东湖中队", "kind": "squad", "parent": "bureau", "streets": ["东湖街道"]},
    ],
    "streets": ["东湖街道"],
    "complaints": {
        "categories": [
            {"id": "fine", "name": "乱罚款", "accept_days": 3, "respond_days": 15, "remind_before_days": 3}
        ],
        "routing": [{"match": {}, "handler": "squad"}],
        "settings": {"designated_supervision": "supervision"},
    },
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A --data directory as ``sunlight serve`` leaves it: the backend's catalog, the store."""
    catalog = tmp_path / "data" / "catalog.json"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(json.dumps(CATALOG, ensure_ascii=False), encoding="utf-8")
    store = SqliteStore(tmp_path / "data" / "sunlight.sqlite3")
    service = ComplaintService(
        store, load_catalog(catalog), code_key=FileCodeKey(tmp_path / "data" / "access-code.key")
    )
    for n in range(3):
        service.file_complaint(
            FileComplaint(
                category="fine",
                subject=f"投诉{n}",
                description="未出示证件。",
                office="squad",
                reporter=ReporterInput(type="person", name="张三", phone="13800138000"),
            ),
            None,
            FILED_AT,
        )
    store.close()
    return tmp_path / "data"


def sunlight(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SUNLIGHT_NOW", "SUNLIGHT_SMTP_URL")}
    return subprocess.run(
        [str(SUNLIGHT), *args, "--data", str(data)], env=env, capture_output=True, text=True, timeout=60
    )


def _fired(output: str) -> int:
    return int(output.split("fired ", 1)[1].split(" ", 1)[0])


def test_tick_twice_or_at_once_fires_each_timer_once(data: Path, tmp_path: Path) -> None:
    later = "2027-02-01T09:00:00+08:00"
    baseline_data = shutil.copytree(data, tmp_path / "baseline")
    baseline = sunlight("tick", "--now", later, data=baseline_data)
    assert baseline.returncode == 0, baseline.stderr
    assert _fired(baseline.stdout) > 0, "overdue timers were due"

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda _: sunlight("tick", "--now", later, data=data), range(2)))
    assert all(r.returncode == 0 for r in runs), [r.stderr for r in runs]
    assert sum(_fired(r.stdout) for r in runs) == _fired(baseline.stdout)  # two at once: each timer once
    again = sunlight("tick", "--now", later, data=data)
    assert again.returncode == 0 and _fired(again.stdout) == 0  # twice: nothing more

    counts = []
    for directory in (baseline_data, data):
        store = SqliteStore(directory / "sunlight.sqlite3")
        try:
            counts.append(len(store.list_messages()))
        finally:
            store.close()
    assert counts[0] == counts[1], "the same messages queued as by a single tick"


def test_tick_refuses_bad_input_clearly(data: Path, tmp_path: Path) -> None:
    bad = sunlight("tick", "--now", "next tuesday", data=data)
    assert bad.returncode == 2 and "ISO" in bad.stderr and "Traceback" not in bad.stderr
    empty = sunlight("tick", data=tmp_path / "nowhere")
    assert empty.returncode == 2 and "catalog" in empty.stderr and "Traceback" not in empty.stderr


def test_accounts_print_the_token_once_and_store_only_a_hash(data: Path) -> None:
    staff = sunlight("staff", "add", "--office", "supervision", "--name", "值班员", data=data)
    assert staff.returncode == 0, staff.stderr
    token = staff.stdout.strip()
    assert len(token) >= 20 and "\n" not in token
    observer = sunlight("observer", "add", "--name", "人大代表 李某", data=data)
    assert observer.returncode == 0 and observer.stdout.strip() != token
    raw = b"".join(p.read_bytes() for p in data.glob("sunlight.sqlite3*"))
    assert token.encode() not in raw, "the token is stored hashed"

    store = SqliteStore(data / "sunlight.sqlite3")
    try:
        service = ComplaintService(
            store, load_catalog(data / "catalog.json"), code_key=FileCodeKey(data / "access-code.key")
        )
        assert service.authenticate(token).office == "supervision"
    finally:
        store.close()

    unknown = sunlight("staff", "add", "--office", "no-such-office", "--name", "某人", data=data)
    assert unknown.returncode == 1 and " / " in unknown.stderr and "Traceback" not in unknown.stderr


def test_complaint_stats_snapshot_for_the_site_build(data: Path, tmp_path: Path) -> None:
    from sunlight.bootstrap import complaint_stats

    rows = complaint_stats(data, now="2026-12-24T12:00:00+08:00")
    # complaints about the squad are handled by the supervision office
    row = next(r for r in rows if r["office"] == "supervision")
    assert row["received"] == 3 and row["office_name"] == "勤务监督科"
    assert complaint_stats(tmp_path / "empty") == []


def test_serve_refuses_a_busy_port_clearly(tmp_path: Path) -> None:
    import socket

    from portal_process import FIXTURE

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "SUNLIGHT_BUILD_SEARCH": "0"}
        result = subprocess.run(
            [str(SUNLIGHT), "serve", str(FIXTURE), "--port", str(port), "--data", str(tmp_path / "d")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2 and "cannot listen" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("threads", ["0", "many", "1000"])
def test_serve_refuses_a_bad_thread_count_clearly(tmp_path: Path, threads: str) -> None:
    from portal_process import FIXTURE

    env = {**os.environ, "SUNLIGHT_BUILD_SEARCH": "0", "SUNLIGHT_THREADS": threads}
    result = subprocess.run(
        [str(SUNLIGHT), "serve", str(FIXTURE), "--port", "0", "--data", str(tmp_path / "d")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2 and "SUNLIGHT_THREADS" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "d" / "site").exists()  # refused before building anything


def test_tick_behind_the_last_tick_warns_on_stderr(data: Path) -> None:
    ahead = sunlight("tick", "--now", "2026-12-30T10:00:00+08:00", data=data)
    assert ahead.returncode == 0 and "clock" not in ahead.stderr
    behind = sunlight("tick", "--now", "2026-12-25T10:00:00+08:00", data=data)
    assert behind.returncode == 0, behind.stderr
    assert (
        "warning: 时钟早于上次定时任务运行时间(2026-12-30T10:00:00+08:00):现在是 2026-12-25T10:00:00+08:00"
        in behind.stderr
    )
    assert "the clock is behind the last tick (2026-12-30T10:00:00+08:00)" in behind.stderr


# --- start-up errors name the data directory and the store -------------------------------------------


@pytest.fixture
def read_only(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Make a directory read-only for everyone, root included (the tests run as root, for whom
    permission bits do not count): the immutable attribute. Skipped where the file system has none."""
    made: list[Path] = []

    def freeze(path: Path) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode:
            pytest.skip("no immutable attribute on this file system")
        made.append(path)
        return path

    yield freeze
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def _serve_once(data: Path) -> subprocess.CompletedProcess[str]:
    from portal_process import FIXTURE

    env = {**os.environ, "SUNLIGHT_BUILD_SEARCH": "0"}
    env.pop("SUNLIGHT_STORE", None)
    return subprocess.run(
        [str(SUNLIGHT), "serve", str(FIXTURE), "--port", "0", "--data", str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _names_the_store(stderr: str, data: Path) -> None:
    assert f"SQLite {data / 'sunlight.sqlite3'}" in stderr, stderr
    assert "Traceback" not in stderr and "站点生成失败" not in stderr and "site build failed" not in stderr


def test_serve_on_a_path_below_a_file_names_the_directory(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("not a directory", encoding="utf-8")
    data = tmp_path / "file.txt" / "data"
    result = _serve_once(data)
    assert result.returncode == 2
    assert f"sunlight serve: 数据目录不可用 / the data directory cannot be used: {data}" in result.stderr
    _names_the_store(result.stderr, data)


def test_serve_on_a_read_only_directory_names_it(tmp_path: Path, read_only) -> None:  # type: ignore[no-untyped-def]
    data = read_only(tmp_path / "data")
    result = _serve_once(data)
    assert result.returncode == 2
    assert f"sunlight serve: 数据目录不可用 / the data directory cannot be used: {data}" in result.stderr
    assert "Operation not permitted" in result.stderr or "Permission denied" in result.stderr
    _names_the_store(result.stderr, data)


def test_tick_and_staff_add_on_a_read_only_store_name_it(data: Path, read_only) -> None:  # type: ignore[no-untyped-def]
    read_only(data)
    for args in (
        ("tick", "--now", "2026-12-30T10:00:00+08:00"),
        ("staff", "add", "--office", "squad", "--name", "李四"),
    ):
        result = sunlight(*args, data=data)
        assert result.returncode == 2, result.stderr
        assert f"数据目录不可用 / the data directory cannot be used: {data}" in result.stderr, result.stderr
        _names_the_store(result.stderr, data)


def test_tick_and_staff_add_on_a_missing_directory_name_it(tmp_path: Path) -> None:
    data = tmp_path / "nowhere"
    for args in (("tick",), ("staff", "add", "--office", "squad", "--name", "李四")):
        result = sunlight(*args, data=data)
        assert result.returncode == 2
        assert f"数据目录不存在 / the data directory does not exist: {data}" in result.stderr, result.stderr
        assert "catalog" in result.stderr
        _names_the_store(result.stderr, data)
        assert not data.exists()
