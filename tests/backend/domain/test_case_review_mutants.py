"""案卷评查 in the domain, rule by rule with literal values: every problem of a score sheet word for
word (field, texts, value), the report figures of one office worked out by hand, the lookups of a
year's review, and the stores' JSON form both ways (docs/supervision.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sunlight.domain.case_review import (
    CaseScore,
    ChecklistItem,
    OfficeReview,
    Review,
    review_from_dict,
    review_to_dict,
    summarise,
    validate_scores,
)
from sunlight.domain.errors import Invalid

CHECKLIST = (ChecklistItem("主体合法", 10), ChecklistItem("程序合法", 15), ChecklistItem("文书规范", 10))


def problems_of(values: dict[str, object], faults: str = "") -> list[tuple[str, str, str, str]]:
    with pytest.raises(Invalid) as caught:
        validate_scores(CHECKLIST, values, faults)
    return [(p.field, p.zh, p.en, p.value) for p in caught.value.problems]


def test_a_missing_score_and_the_items_after_it_are_all_checked() -> None:
    assert problems_of({"主体合法": "", "文书规范": 11}) == [
        ("scores.主体合法", "此项为必填项", "this item needs a score", ""),
        ("scores.程序合法", "此项为必填项", "this item needs a score", ""),
        ("scores.文书规范", "分数应在 0 到 10 之间", "a score must be from 0 to 10", "11"),
    ]


def test_the_text_xxxx_is_not_an_empty_score() -> None:
    assert problems_of({"主体合法": "XXXX", "程序合法": 1, "文书规范": 1}) == [
        ("scores.主体合法", "分数应为整数", "a score must be a whole number", "XXXX"),
    ]


def test_a_score_that_is_not_a_whole_number_then_the_next_items() -> None:
    assert problems_of({"主体合法": "1.5", "程序合法": 16, "文书规范": "十"}) == [
        ("scores.主体合法", "分数应为整数", "a score must be a whole number", "1.5"),
        ("scores.程序合法", "分数应在 0 到 15 之间", "a score must be from 0 to 15", "16"),
        ("scores.文书规范", "分数应为整数", "a score must be a whole number", "十"),
    ]


def test_a_bad_value_is_cut_to_20_characters() -> None:
    assert problems_of({"主体合法": "a" * 25, "程序合法": 1, "文书规范": 1}) == [
        ("scores.主体合法", "分数应为整数", "a score must be a whole number", "a" * 20),
    ]


def test_true_is_not_a_score() -> None:
    assert problems_of({"主体合法": True, "程序合法": 1, "文书规范": 1}) == [
        ("scores.主体合法", "分数应为整数", "a score must be a whole number", "True"),
    ]


def test_a_list_is_not_a_score() -> None:
    assert problems_of({"主体合法": [5], "程序合法": 1, "文书规范": 1}) == [
        ("scores.主体合法", "分数应为整数", "a score must be a whole number", "[5]"),
    ]


def test_too_many_points_then_the_next_items_are_still_read() -> None:
    assert problems_of({"主体合法": " 12 ", "程序合法": 15, "文书规范": "x"}) == [
        ("scores.主体合法", "分数应在 0 到 10 之间", "a score must be from 0 to 10", "12"),
        ("scores.文书规范", "分数应为整数", "a score must be a whole number", "x"),
    ]


def test_an_item_not_on_the_checklist_and_faults_too_long() -> None:
    assert problems_of({"主体合法": 1, "程序合法": 1, "文书规范": 1, "态度": 3}, "问" * 2001) == [
        ("scores.态度", "评查表中没有此项", "not an item of the checklist", ""),
        ("faults", "问题说明不超过 2000 字", "at most 2000 characters", ""),
    ]


def test_good_scores_with_spaces() -> None:
    assert validate_scores(CHECKLIST, {"文书规范": " 7 ", "主体合法": "10", "程序合法": 0}, "") == (
        ("主体合法", 10),
        ("程序合法", 0),
        ("文书规范", 7),
    )


def test_the_figures_of_one_office() -> None:
    rows = [
        {"主体合法": 10, "程序合法": 12, "文书规范": 10},  # 32
        {"主体合法": 8, "程序合法": 15, "文书规范": 9},  # 32
        {"主体合法": 10, "程序合法": 14},  # 24: the item added later is not averaged in
    ]
    summary = summarise(CHECKLIST, rows)
    assert summary.cases == 3
    assert summary.average_total == 29.3  # 88 / 3
    assert [(i.item, i.points, i.average, i.lost) for i in summary.items] == [
        ("主体合法", 10, 9.3, 1),  # 28 / 3
        ("程序合法", 15, 13.7, 2),  # 41 / 3
        ("文书规范", 10, 9.5, 1),  # 19 / 2
    ]
    assert [i.item for i in summary.common_faults] == ["程序合法", "主体合法", "文书规范"]


def test_no_case_scored() -> None:
    summary = summarise(CHECKLIST, [])
    assert (summary.cases, summary.average_total) == (0, None)
    assert [(i.item, i.points, i.average, i.lost) for i in summary.items] == [
        ("主体合法", 10, None, 0),
        ("程序合法", 15, None, 0),
        ("文书规范", 10, None, 0),
    ]
    assert summary.common_faults == ()


A1 = CaseScore("D-1", (("主体合法", 10), ("程序合法", 13)), "未告知陈述申辩权")
A2 = CaseScore("D-2", (("主体合法", 9), ("程序合法", 15)))
OFFICE_A = OfficeReview("o-a", ("D-1", "D-2", "D-3"), 12, (A1, A2))
OFFICE_B = OfficeReview("o-b", ("D-9",), 1)
REVIEW = Review(2025, "seed-1", 5, CHECKLIST[:2], (OFFICE_A, OFFICE_B))


def test_the_lookups_of_a_review() -> None:
    assert OFFICE_A.score_of("D-2") is A2
    assert OFFICE_A.score_of("D-1") is A1
    assert OFFICE_A.score_of("D-3") is None
    assert REVIEW.office("o-b") is OFFICE_B
    assert REVIEW.office("o-a") is OFFICE_A
    assert REVIEW.office("o-c") is None
    assert A1.total == 23


def test_with_office_replaces_that_office_only() -> None:
    finished = OfficeReview("o-b", ("D-9",), 1, finished_at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    updated = REVIEW.with_office(finished)
    assert updated.offices == (OFFICE_A, finished)
    assert (updated.year, updated.seed, updated.checklist) == (2025, "seed-1", CHECKLIST[:2])
    assert REVIEW.offices == (OFFICE_A, OFFICE_B)  # the review itself is unchanged
    assert updated.office("o-b").finished and not REVIEW.office("o-b").finished


FULL = Review(
    year=2025,
    seed="9f1c",
    sample_per_office=2,
    checklist=(ChecklistItem("主体合法", 10), ChecklistItem("程序合法", 15)),
    drawn_at=dt.datetime(2026, 1, 5, 2, 30, tzinfo=dt.UTC),
    drawn_by="staff-1",
    version=3,
    offices=(
        OfficeReview(
            office="o-a",
            cases=("D-1", "D-2"),
            candidates=7,
            finished_at=dt.datetime(2026, 2, 1, 8, 0, tzinfo=dt.UTC),
            finished_by="staff-2",
            scores=(
                CaseScore(
                    decision_id="D-1",
                    scores=(("主体合法", 10), ("程序合法", 12)),
                    faults="送达回证缺日期",
                    scored_at=dt.datetime(2026, 1, 20, 1, 15, tzinfo=dt.UTC),
                    scored_by="staff-3",
                ),
            ),
        ),
        OfficeReview(office="o-b", cases=(), candidates=0),
    ),
)
FULL_DICT = {
    "year": 2025,
    "seed": "9f1c",
    "sample_per_office": 2,
    "checklist": [{"item": "主体合法", "points": 10}, {"item": "程序合法", "points": 15}],
    "drawn_at": "2026-01-05T02:30:00+00:00",
    "drawn_by": "staff-1",
    "version": 3,
    "offices": [
        {
            "office": "o-a",
            "cases": ["D-1", "D-2"],
            "candidates": 7,
            "finished_at": "2026-02-01T08:00:00+00:00",
            "finished_by": "staff-2",
            "scores": [
                {
                    "decision_id": "D-1",
                    "scores": [["主体合法", 10], ["程序合法", 12]],
                    "faults": "送达回证缺日期",
                    "scored_at": "2026-01-20T01:15:00+00:00",
                    "scored_by": "staff-3",
                }
            ],
        },
        {
            "office": "o-b",
            "cases": [],
            "candidates": 0,
            "finished_at": None,
            "finished_by": "",
            "scores": [],
        },
    ],
}


def test_the_stores_json_form() -> None:
    assert review_to_dict(FULL) == FULL_DICT


def test_read_back_from_the_stores_json_form() -> None:
    assert review_from_dict(FULL_DICT) == FULL


def test_read_back_with_strings_and_optional_keys_left_out() -> None:
    stored = {
        "year": "2025",
        "seed": 42,
        "sample_per_office": "5",
        "checklist": [{"item": "主体合法", "points": "10"}],
        "offices": [
            {
                "office": "o-a",
                "cases": ["D-1", 7],
                "scores": [{"decision_id": 11, "scores": [["主体合法", "8"]], "faults": None}],
            },
            {"office": "o-b", "cases": [], "candidates": None, "finished_by": None, "scores": None},
        ],
    }
    assert review_from_dict(stored) == Review(
        year=2025,
        seed="42",
        sample_per_office=5,
        checklist=(ChecklistItem("主体合法", 10),),
        drawn_at=None,
        drawn_by="",
        version=0,
        offices=(
            OfficeReview(
                office="o-a",
                cases=("D-1", "7"),
                candidates=0,
                scores=(CaseScore("11", (("主体合法", 8),), "", None, ""),),
            ),
            OfficeReview(office="o-b", cases=(), candidates=0),
        ),
    )


def test_read_back_keeps_the_time_of_day_and_offset() -> None:
    stored = dict(FULL_DICT, drawn_at="2026-01-05T10:30:00+08:00", version=None, drawn_by=None)
    review = review_from_dict(stored)
    assert review.drawn_at == dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert review.drawn_at.utcoffset() == dt.timedelta(hours=8)
    assert (review.version, review.drawn_by) == (0, "")


def test_a_number_that_is_neither_int_nor_text_is_refused() -> None:
    # only JSON's whole numbers and digit strings are scores; a Decimal that prints as "7" is not
    assert problems_of({"主体合法": Decimal("7"), "程序合法": 1, "文书规范": 1}) == [
        ("scores.主体合法", "分数应为整数", "a score must be a whole number", "7"),
    ]


def test_the_json_form_of_a_review_not_yet_drawn_or_scored() -> None:
    review = Review(2026, "s", 5, CHECKLIST[:1], (OfficeReview("o-a", ("D-1",), 3, (CaseScore("D-1", ()),)),))
    assert review_to_dict(review) == {
        "year": 2026,
        "seed": "s",
        "sample_per_office": 5,
        "checklist": [{"item": "主体合法", "points": 10}],
        "drawn_at": None,
        "drawn_by": "",
        "version": 0,
        "offices": [
            {
                "office": "o-a",
                "cases": ["D-1"],
                "candidates": 3,
                "finished_at": None,
                "finished_by": "",
                "scores": [
                    {"decision_id": "D-1", "scores": [], "faults": "", "scored_at": None, "scored_by": ""}
                ],
            }
        ],
    }
