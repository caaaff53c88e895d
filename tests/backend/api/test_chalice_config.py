"""The Chalice project in backend/ loads: its config, its routes, its scheduled timer function."""

from __future__ import annotations

from pathlib import Path

from chalice.cli.factory import CLIFactory

BACKEND = Path(__file__).resolve().parents[3] / "backend"


def test_config_and_scheduled_function(chalice_app) -> None:  # type: ignore[no-untyped-def]
    config = CLIFactory(str(BACKEND)).create_config_obj(chalice_stage_name="prod")
    assert config.app_name == "sunlight"
    assert config.environment_variables["SUNLIGHT_CATALOG"]
    assert config.scope("prod", "timers").lambda_timeout == 300
    timers = [s for s in chalice_app.event_sources if s.name == "timers"]
    assert len(timers) == 1 and "rate(5 minutes)" in timers[0].schedule_expression.to_string()
    assert (BACKEND / "requirements.txt").read_text().count("chinese-calendar") == 1
