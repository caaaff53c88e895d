"""案卷评查 in the domain: score validation (each item 0 to its points, every item, no other), the
draw's population (the year by decision date, distinct ids, sorted), summaries worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from sunlight.domain.case_review import (
    CaseFile,
    ChecklistItem,
    candidates_by_office,
    summarise,
    validate_scores,
)
from sunlight.domain.errors import Invalid

CHECKLIST = (ChecklistItem("主体合法", 10), ChecklistItem("程序合法", 15))


def test_scores_in_checklist_order() -> None:
    assert validate_scores(CHECKLIST, {"程序合法": "15", "主体合法": 0}, "") == (
        ("主体合法", 0),
        ("程序合法", 15),
    )


@pytest.mark.parametrize(
    ("values", "faults", "fields"),
    [
        ({"主体合法": 11, "程序合法": 15}, "", ["scores.主体合法"]),
        ({"主体合法": -1, "程序合法": 15}, "", ["scores.主体合法"]),
        ({"主体合法": 1.0, "程序合法": 15}, "", ["scores.主体合法"]),
        ({"主体合法": False, "程序合法": 15}, "", ["scores.主体合法"]),
        ({"主体合法": 10}, "", ["scores.程序合法"]),
        ({"主体合法": 10, "程序合法": "", "态度": 1}, "", ["scores.程序合法", "scores.态度"]),
        ({"主体合法": 10, "程序合法": 15}, "问" * 2001, ["faults"]),
    ],
)
def test_bad_scores_name_every_field(values: dict[str, object], faults: str, fields: list[str]) -> None:
    with pytest.raises(Invalid) as caught:
        validate_scores(CHECKLIST, values, faults)
    assert [p.field for p in caught.value.problems] == fields


def test_the_limits_are_inclusive() -> None:
    assert validate_scores(CHECKLIST, {"主体合法": 10, "程序合法": 0}, "问" * 2000)[0] == ("主体合法", 10)


def test_the_population_of_a_year() -> None:
    files = [
        CaseFile("B", "o1", dt.date(2025, 12, 31)),
        CaseFile("A", "o1", dt.date(2025, 1, 1)),
        CaseFile("A", "o1", dt.date(2025, 6, 1)),  # the same id twice: once
        CaseFile("C", "o1", dt.date(2024, 12, 31)),
        CaseFile("D", "o2", dt.date(2026, 1, 1)),
        CaseFile("E", "", dt.date(2025, 5, 5)),  # no office: not drawn
    ]
    assert candidates_by_office(files, 2025) == {"o1": ["A", "B"]}


def test_summary_by_hand() -> None:
    rows = [
        {"主体合法": 10, "程序合法": 15},
        {"主体合法": 7, "程序合法": 15},
        {"主体合法": 8, "程序合法": 12},
    ]
    s = summarise(CHECKLIST, rows)
    # totals 25, 22, 20 -> 67 / 3 = 22.33 -> 22.3; 主体合法 25 / 3 = 8.33 -> 8.3 (2 lost); 程序合法 42 / 3 = 14.0 (1)
    assert s.cases == 3 and s.average_total == 22.3
    assert [(i.item, i.average, i.lost) for i in s.items] == [("主体合法", 8.3, 2), ("程序合法", 14.0, 1)]
    assert [i.item for i in s.common_faults] == ["主体合法", "程序合法"]
    assert summarise(CHECKLIST, []).average_total is None
    assert summarise(CHECKLIST, [{"主体合法": 10, "程序合法": 15}]).common_faults == ()
