"""What sections hand each other goes through typed fields of ``BuildState``: a misspelt name is an
error, not a silently empty hook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sunlight.content.model import Content
from sunlight.domain.calendar import WorkingCalendar
from sunlight_site.state import BuildState, DecisionsShared, HomeExtras, OfficeExtras


def new_state() -> BuildState:
    return BuildState(
        content=Content(),
        today=dt.date(2026, 11, 30),
        out_dir=Path("/nonexistent"),
        calendar=WorkingCalendar(),
    )


def test_an_office_gets_one_extras_record_with_empty_hooks() -> None:
    state = new_state()
    extras = state.office("jd-zd")
    assert isinstance(extras, OfficeExtras)
    assert state.office("jd-zd") is extras  # the same record for every section
    assert (extras.recent_decisions, extras.timeliness, extras.complaints) == ([], None, None)
    assert state.offices == {"jd-zd": extras}


def test_a_misspelt_hook_is_an_error() -> None:
    state = new_state()
    with pytest.raises(AttributeError):
        state.office("jd-zd").recent_decision = []  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        state.home.latest = []  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        state.decisions.late_withdrawal = []  # type: ignore[attr-defined]


def test_before_the_decisions_section_ran_its_shared_data_is_empty() -> None:
    state = new_state()
    assert isinstance(state.home, HomeExtras) and state.home.latest_decisions == []
    assert isinstance(state.decisions, DecisionsShared)
    assert (state.decisions.views, state.decisions.groups, state.decisions.late_withdrawals) == ([], [], [])
    assert state.decisions.lookup_digits == 1
    assert state.complaint_stats is None and state.inspection_stats is None and state.datasets == []


def test_a_misspelt_field_of_the_state_itself_is_an_error() -> None:
    state = new_state()
    with pytest.raises(AttributeError):
        state.decison = None  # type: ignore[attr-defined]
