"""The one clock and its one parser (``sunlight.clock``): ``--now`` / ``SUNLIGHT_NOW`` with an offset,
read as Beijing time; a time without offset is refused; ``--today`` as a date."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sunlight import clock

ROOT = Path(__file__).resolve().parents[2]


def test_the_same_instant_in_two_notations_is_10_00_in_beijing() -> None:
    east = clock.parse_now("2026-12-24T10:00:00+08:00")
    utc = clock.parse_now("2026-12-24T02:00:00Z")
    assert east == utc
    assert utc.isoformat() == "2026-12-24T10:00:00+08:00"  # shown in Beijing time
    assert (utc.hour, utc.minute, str(utc.tzinfo)) == (10, 0, "Asia/Shanghai")


@pytest.mark.parametrize("naive", ["2026-12-24T10:00:00", "2026-12-24 10:00"])
def test_a_time_without_offset_is_refused_clearly(naive: str) -> None:
    with pytest.raises(clock.ClockError) as err:
        clock.parse_now(naive)
    message = str(err.value)
    assert "--now" in message and "时区" in message and "offset" in message and "+08:00" in message


def test_garbage_is_refused_naming_iso() -> None:
    with pytest.raises(clock.ClockError, match="ISO"):
        clock.parse_now("next tuesday")


def test_the_environment_clock_gives_beijing_time() -> None:
    """18:30 UTC on the 23rd is 02:30 on the 24th in Beijing: the day ``serve`` builds for."""
    now = clock.from_environment(environ={"SUNLIGHT_NOW": "2026-12-23T18:30:00Z"})()
    assert now.date() == dt.date(2026, 12, 24) and now.hour == 2
    assert (
        clock.from_environment(
            "2026-12-24T02:00:00Z", environ={"SUNLIGHT_NOW": "2027-01-01T00:00:00Z"}
        )().hour
        == 10
    )


def test_today_from_the_option_or_the_fixed_clock() -> None:
    assert clock.today("2026-12-24") == dt.date(2026, 12, 24)
    assert clock.today(None, environ={"SUNLIGHT_NOW": "2026-12-23T18:30:00Z"}) == dt.date(2026, 12, 24)
    with pytest.raises(clock.ClockError, match="--today"):
        clock.today("someday")


def test_tick_refuses_a_naive_now_before_anything_else(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'backend'}{os.pathsep}{ROOT / 'site'}"}
    env.pop("SUNLIGHT_NOW", None)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "sunlight.cli",
            "tick",
            "--now",
            "2026-12-24T10:00:00",
            "--data",
            str(tmp_path / "none"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "offset" in run.stderr and "Traceback" not in run.stderr
