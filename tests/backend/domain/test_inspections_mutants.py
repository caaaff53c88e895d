"""涉企检查码 rules with every expectation written out by hand: the exact problems (field, Chinese
and English text, value) of a registration and of a result (docs/inspections.md), the flags at the
edges of ``repeat_inspection`` (window_days 30, max_offices 1, max_per_year 2), the public per-office
figures, and the stores' JSON form of an inspection.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sunlight.domain.errors import Invalid
from sunlight.domain.inspections import (
    Flag,
    Inspection,
    Inspector,
    Registration,
    inspection_from_dict,
    inspection_to_dict,
    office_aggregates,
    repeat_flags,
    validate_registration,
    validate_result,
)
from sunlight.domain.problems import Problem

D = dt.date
TODAY = D(2026, 11, 30)
GOOD_CREDIT = "91350100M000100Y43"
PEOPLE = {
    "C1": Inspector("C1", "黄敏", "squad-a", "active", D(2029, 12, 31)),
    "C2": Inspector("C2", "周杰", "squad-a", "active", D(2026, 12, 1)),
    "C3": Inspector("C3", "马超", "squad-a", "revoked", D(2029, 12, 31)),
    "C4": Inspector("C4", "徐明", "squad-b", "active", None),
}


def problems_of(call: object, *args: object) -> list[Problem]:
    with pytest.raises(Invalid) as err:
        call(*args)  # type: ignore[operator]
    return err.value.problems


# --- Inspector.status_on ------------------------------------------------------------------------


def test_an_active_certificate_is_active_up_to_and_on_its_last_day() -> None:
    c2 = PEOPLE["C2"]
    assert c2.status_on(D(2026, 11, 30)) == "active"
    assert c2.status_on(D(2026, 12, 1)) == "active"
    assert c2.status_on(D(2026, 12, 2)) == "expired"
    assert PEOPLE["C4"].status_on(D(2040, 1, 1)) == "active"  # no end date
    assert PEOPLE["C3"].status_on(D(2026, 1, 1)) == "revoked"


# --- validate_registration ------------------------------------------------------------------------


def test_every_bad_field_of_a_registration_with_its_exact_texts() -> None:
    reg = Registration(
        credit_code="91350100M000100Y44",  # check character should be 3
        enterprise_name="  ",
        inspectors=(),
        scope="",
        basis="X-9",
        planned_on=D(2026, 11, 22),
    )
    # window 7: the earliest planned day is 2026-11-30 minus 7 days = 2026-11-23
    got = problems_of(validate_registration, reg, "squad-a", PEOPLE, {"CF-1"}, {"2025-yangchen"}, TODAY, 7)
    assert got == [
        Problem(
            "统一社会信用代码校验位错误",
            "check digit is wrong",
            field="credit_code",
            value="91350100M000100Y44",
        ),
        Problem("企业名称必填", "enterprise name is required", field="enterprise_name", value=""),
        Problem("检查事项必填", "scope is required", field="scope", value=""),
        Problem(
            "检查依据应为权力清单事项编码或双随机抽查计划编号",
            "basis must be a power item code or a random-inspection plan id",
            field="basis",
            value="X-9",
        ),
        Problem(
            "计划检查日期早于2026-11-23,已超出有效期范围",
            "planned day is before 2026-11-23, in the past beyond the window",
            field="planned_on",
            value="2026-11-22",
        ),
        Problem("至少需要一名执法人员", "at least one inspector is required", field="inspectors", value=""),
    ]


def test_each_inspector_problem_names_its_place_in_the_list() -> None:
    reg = Registration(GOOD_CREDIT, "某公司", ("C9", "C3", "C2", "C4", "C1"), "消防", "CF-1", D(2026, 12, 5))
    got = problems_of(validate_registration, reg, "squad-a", PEOPLE, {"CF-1"}, set(), TODAY, 7)
    assert got == [
        Problem(
            "执法证号不在执法人员名单中",
            "unknown law-enforcement certificate",
            field="inspectors[0]",
            value="C9",
        ),
        Problem("执法证已注销", "the certificate is revoked", field="inspectors[1]", value="C3"),
        Problem(
            "执法证在计划检查日已过期",
            "the certificate has expired by the planned day",
            field="inspectors[2]",
            value="C2",
        ),
        Problem(
            "执法人员不属于本机构",
            "the inspector belongs to another office",
            field="inspectors[3]",
            value="C4",
        ),
    ]


def test_a_good_registration_on_the_earliest_day_passes() -> None:
    reg = Registration(GOOD_CREDIT, "某公司", ("C1",), "消防", "2025-yangchen", D(2026, 11, 23))
    validate_registration(reg, "squad-a", PEOPLE, {"CF-1"}, {"2025-yangchen"}, TODAY, 7)


# --- validate_result ------------------------------------------------------------------------------


def test_every_bad_field_of_a_result_with_its_exact_texts() -> None:
    got = problems_of(validate_result, "bad", None, "X" * 101, TODAY)
    assert got == [
        Problem(
            "检查结果应为 no_violation、violation 或 other",
            "result must be no_violation, violation or other",
            field="result",
            value="bad",
        ),
        Problem("检查日期必填", "checked_on is required", field="checked_on", value=""),
        Problem("决定书编号过长", "decision_id is too long", field="decision_id", value=""),
    ]


def test_a_result_checked_tomorrow_is_in_the_future() -> None:
    got = problems_of(validate_result, "violation", D(2026, 12, 1), "", TODAY)
    assert got == [
        Problem("检查日期不能晚于今天", "checked_on is in the future", field="checked_on", value="2026-12-01")
    ]


def test_a_decision_id_of_100_characters_is_accepted() -> None:
    validate_result("no_violation", TODAY, "X" * 100, TODAY)
    validate_result("other", D(2026, 1, 1), "", TODAY)


# --- repeat_flags ---------------------------------------------------------------------------------


def insp(code: str, office: str, day: dt.date, result: str = "", credit: str = GOOD_CREDIT) -> Inspection:
    return Inspection(code, office, credit, "某公司", ("C1",), "消防", "CF-1", day, day, day, result=result)


RULE = {"window_days": 30, "max_offices": 1, "max_per_year": 2}


def test_two_offices_29_days_apart_are_within_the_30_day_window_30_days_apart_are_not() -> None:
    within = [insp("A", "o1", D(2026, 3, 1)), insp("B", "o2", D(2026, 3, 30))]
    assert repeat_flags(within, **RULE) == [Flag(GOOD_CREDIT, "multi_office", ("A", "B"), ("o1", "o2"))]
    apart = [insp("A", "o1", D(2026, 3, 1)), insp("B", "o2", D(2026, 3, 31))]
    assert repeat_flags(apart, **RULE) == []


def test_of_two_groups_of_the_same_size_the_first_is_the_flag() -> None:
    # A-B within 10 days; B-C within 25 days; A-C 35 days apart: two groups of two, A-B comes first.
    items = [insp("A", "o1", D(2026, 3, 1)), insp("B", "o2", D(2026, 3, 11)), insp("C", "o3", D(2026, 4, 5))]
    # (three inspections in 2026 would also be a ``repeat`` with max_per_year 2: allow 3 here)
    rule = {**RULE, "max_per_year": 3}
    assert repeat_flags(items, **rule) == [Flag(GOOD_CREDIT, "multi_office", ("A", "B"), ("o1", "o2"))]


def test_repeat_counts_per_calendar_year() -> None:
    two_a_year = [
        insp("A", "o1", D(2025, 3, 1)),
        insp("B", "o1", D(2025, 9, 1)),
        insp("C", "o1", D(2026, 3, 1)),
        insp("D", "o1", D(2026, 9, 1)),
    ]
    assert repeat_flags(two_a_year, **RULE) == []
    three = [*two_a_year, insp("E", "o1", D(2026, 11, 1))]
    assert repeat_flags(three, **RULE) == [Flag(GOOD_CREDIT, "repeat", ("C", "D", "E"), ("o1",))]


# --- office_aggregates ----------------------------------------------------------------------------


def test_office_figures_by_hand() -> None:
    items = [
        insp("A", "o1", D(2026, 3, 1), "violation"),
        insp("B", "o1", D(2026, 3, 2), "no_violation"),
        insp("C", "o1", D(2026, 3, 3), "other"),
        insp("D", "o1", D(2026, 3, 4)),
        insp("E", "o2", D(2026, 3, 5)),
    ]
    flags = [
        Flag(GOOD_CREDIT, "multi_office", ("A", "E"), ("o1", "o2")),
        Flag(GOOD_CREDIT, "repeat", ("A", "B", "C"), ("o1",)),
        Flag(GOOD_CREDIT, "repeat", ("Z",), ("o9",)),  # an office without inspections here
    ]
    assert office_aggregates(items, flags) == [
        {
            "office": "o1",
            "registered": 4,
            "with_result": 3,
            "with_result_share": 0.75,
            "violations": 1,
            "violation_share": 0.333,  # 1 of 3, three decimals
            "flags": 2,
        },
        {
            "office": "o2",
            "registered": 1,
            "with_result": 0,
            "with_result_share": 0.0,
            "violations": 0,
            "violation_share": None,  # no result yet: no share
            "flags": 1,
        },
    ]


# --- the stores' JSON form ------------------------------------------------------------------------

FULL = Inspection(
    code="7KQ2MXH4P9",
    office="squad-a",
    credit_code=GOOD_CREDIT,
    enterprise_name="明川某餐饮有限公司",
    inspectors=("C1", "C2"),
    scope="消防安全",
    basis="CF-1",
    planned_on=D(2026, 11, 20),
    valid_from=D(2026, 11, 13),
    valid_until=D(2026, 11, 27),
    registered_at=dt.datetime(2026, 11, 18, 9, 30, tzinfo=dt.UTC),
    registered_by="squad-a:a1",
    result="violation",
    checked_on=D(2026, 11, 21),
    decision_id="mc-2026-0080",
    version=3,
)
FULL_DICT = {
    "code": "7KQ2MXH4P9",
    "office": "squad-a",
    "credit_code": GOOD_CREDIT,
    "enterprise_name": "明川某餐饮有限公司",
    "inspectors": ["C1", "C2"],
    "scope": "消防安全",
    "basis": "CF-1",
    "planned_on": "2026-11-20",
    "valid_from": "2026-11-13",
    "valid_until": "2026-11-27",
    "registered_at": "2026-11-18T09:30:00+00:00",
    "registered_by": "squad-a:a1",
    "result": "violation",
    "checked_on": "2026-11-21",
    "decision_id": "mc-2026-0080",
    "version": 3,
}


def test_an_inspection_as_json_and_back() -> None:
    assert inspection_to_dict(FULL) == FULL_DICT
    assert inspection_from_dict(FULL_DICT) == FULL


def test_an_inspection_without_its_optional_parts() -> None:
    bare = Inspection(
        "7KQ2MXH4P9",
        "squad-a",
        GOOD_CREDIT,
        "",
        (),
        "",
        "",
        D(2026, 11, 20),
        D(2026, 11, 13),
        D(2026, 11, 27),
    )
    as_dict = {
        "code": "7KQ2MXH4P9",
        "office": "squad-a",
        "credit_code": GOOD_CREDIT,
        "enterprise_name": "",
        "inspectors": [],
        "scope": "",
        "basis": "",
        "planned_on": "2026-11-20",
        "valid_from": "2026-11-13",
        "valid_until": "2026-11-27",
        "registered_at": None,
        "registered_by": "",
        "result": "",
        "checked_on": None,
        "decision_id": "",
        "version": 0,
    }
    assert inspection_to_dict(bare) == as_dict
    assert inspection_from_dict(as_dict) == bare
    # keys missing altogether read as empty
    minimal = {
        k: as_dict[k] for k in ("code", "office", "credit_code", "planned_on", "valid_from", "valid_until")
    }
    assert inspection_from_dict(minimal) == bare


def test_stored_values_are_read_as_their_types() -> None:
    got = inspection_from_dict({**FULL_DICT, "inspectors": ("C1", 7), "version": "4", "code": "ABCDE23456"})
    assert got.inspectors == ("C1", "7")
    assert got.version == 4
    assert got.code == "ABCDE23456"
    assert got.registered_at == dt.datetime(2026, 11, 18, 9, 30, tzinfo=dt.UTC)
