"""The Chalice project in backend/ loads: its config, its routes, its scheduled timer function."""

from __future__ import annotations

from pathlib import Path

from chalice.cli.factory import CLIFactory

BACKEND = Path(__file__).resolve().parents[3] / "backend"


def test_config_and_scheduled_function(chalice_app) -> None:  # type: ignore[no-untyped-def]
    config = CLIFactory(str(BACKEND)).create_config_obj(chalice_stage_name="prod")
    assert config.app_name == "sunlight"
    # No data directory on Lambda (its /tmp is per instance and wiped): the store and the catalog
    # come from the template (infra/template.yaml), and Chalice writes no policy of its own guessing.
    assert "SUNLIGHT_DATA" not in config.environment_variables
    assert config.autogen_policy is False
    assert config.scope("prod", "timers").lambda_timeout == 300
    timers = [s for s in chalice_app.event_sources if s.name == "timers"]
    assert len(timers) == 1 and "rate(5 minutes)" in timers[0].schedule_expression.to_string()
    lines = (BACKEND / "requirements.txt").read_text().splitlines()
    requirements = [line.split(">")[0].strip().lower() for line in lines if line and not line.startswith("#")]
    assert requirements.count("chinese-calendar") == 1
    assert not {"pelican", "pagefind", "waitress", "markdown", "feedgen", "openpyxl"} & set(requirements)
