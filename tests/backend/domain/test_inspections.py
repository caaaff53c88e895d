"""The 检查码 alphabet and format, its validity window, registration and result checks, and the
repeated / multi-office inspection flags (values from the issue and supervision.yaml defaults)."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from sunlight.domain.errors import Invalid
from sunlight.domain.inspections import (
    ALPHABET,
    CODE_LENGTH,
    ENTROPY_BITS,
    Inspection,
    Inspector,
    Registration,
    code_state,
    format_code,
    normalise_inspection_code,
    repeat_flags,
    validate_registration,
    validate_result,
    validity_window,
)

GOOD_CREDIT = "91350100M000100Y43"  # GB 32100-2015 check characters verified by hand in test_credit_code
PEOPLE = {
    "C1": Inspector("C1", "黄敏", "squad-a", "active", dt.date(2029, 12, 31)),
    "C2": Inspector("C2", "周杰", "squad-a", "active", dt.date(2026, 12, 1)),
    "C3": Inspector("C3", "马超", "squad-a", "revoked", dt.date(2029, 12, 31)),
    "C4": Inspector("C4", "徐明", "squad-b", "active", None),
}
POWERS = frozenset({"CF-1"})
PLANS = frozenset({"2025-yangchen"})
TODAY = dt.date(2026, 11, 30)


def reg(**kw: object) -> Registration:
    base: dict[str, object] = {
        "credit_code": GOOD_CREDIT,
        "enterprise_name": "某某餐饮有限公司",
        "inspectors": ("C1",),
        "scope": "油烟净化设施",
        "basis": "CF-1",
        "planned_on": dt.date(2026, 12, 2),
    }
    base.update(kw)
    return Registration(**base)  # type: ignore[arg-type]


def fields_of(exc: pytest.ExceptionInfo[Invalid]) -> list[str]:
    return [p.field for p in exc.value.problems]


def test_alphabet_has_no_ambiguous_characters() -> None:
    assert ALPHABET == "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    for ch in "01OIL":
        assert ch not in ALPHABET
    assert CODE_LENGTH == 10
    # 31 symbols, 10 of them: 31**10 = 819,628,286,980,801 codes, log2 of that is 49.54 bits
    assert 31**10 == 819_628_286_980_801
    assert math.isclose(ENTROPY_BITS, 49.54, abs_tol=0.01)


def test_code_is_grouped_for_reading_and_normalised_back() -> None:
    assert format_code("7KQ2MXH4P9") == "7KQ2M-XH4P9"
    assert normalise_inspection_code(" 7kq2m xh4p9 ") == "7KQ2MXH4P9"
    assert normalise_inspection_code("7KQ2M-XH4P9") == "7KQ2MXH4P9"
    assert normalise_inspection_code("7KQ2M-XH4P0") is None  # 0 is not in the alphabet
    assert normalise_inspection_code("7KQ2M-XH4PO") is None
    assert normalise_inspection_code("7KQ2M-XH4P") is None  # too short
    assert normalise_inspection_code("330199250001") is None  # a 执法证号, not a 检查码


def test_window_is_planned_day_plus_minus_days() -> None:
    assert validity_window(dt.date(2026, 12, 2), 3) == (dt.date(2026, 11, 29), dt.date(2026, 12, 5))
    assert validity_window(dt.date(2027, 1, 1), 3) == (dt.date(2026, 12, 29), dt.date(2027, 1, 4))


def test_state_of_a_code_by_beijing_day() -> None:
    i = Inspection(code="7KQ2MXH4P9", office="squad-a", credit_code=GOOD_CREDIT, enterprise_name="x",
                   inspectors=("C1",), scope="s", basis="CF-1", planned_on=dt.date(2026, 12, 2),
                   valid_from=dt.date(2026, 11, 29), valid_until=dt.date(2026, 12, 5))  # fmt: skip
    assert code_state(None, TODAY) == "unknown"
    assert code_state(i, dt.date(2026, 11, 28)) == "not_yet_valid"
    assert code_state(i, dt.date(2026, 11, 29)) == "valid"
    assert code_state(i, dt.date(2026, 12, 5)) == "valid"
    assert code_state(i, dt.date(2026, 12, 6)) == "expired"
    used = Inspection(**{**i.__dict__, "result": "no_violation", "checked_on": dt.date(2026, 12, 2)})
    assert code_state(used, dt.date(2026, 12, 3)) == "used"


def test_a_good_registration_passes() -> None:
    validate_registration(reg(), "squad-a", PEOPLE, POWERS, PLANS, TODAY, 3)
    validate_registration(reg(basis="2025-yangchen"), "squad-a", PEOPLE, POWERS, PLANS, TODAY, 3)
    # the planned day may lie up to the window in the past (registered after a same-day visit)
    validate_registration(reg(planned_on=dt.date(2026, 11, 27)), "squad-a", PEOPLE, POWERS, PLANS, TODAY, 3)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"credit_code": "91350100M000100Y44"}, "credit_code"),
        ({"inspectors": ("NOPE",)}, "inspectors[0]"),
        ({"inspectors": ("C1", "C3")}, "inspectors[1]"),  # revoked
        ({"inspectors": ("C4",)}, "inspectors[0]"),  # another office
        ({"inspectors": ("C2",), "planned_on": dt.date(2026, 12, 2)}, "inspectors[0]"),  # expired by then
        ({"inspectors": ()}, "inspectors"),
        ({"basis": "NOT-A-POWER"}, "basis"),
        ({"planned_on": dt.date(2026, 11, 26)}, "planned_on"),  # 4 days ago, window 3
        ({"scope": " "}, "scope"),
        ({"enterprise_name": ""}, "enterprise_name"),
    ],
)
def test_bad_registrations_name_the_field(change: dict[str, object], field: str) -> None:
    with pytest.raises(Invalid) as exc:
        validate_registration(reg(**change), "squad-a", PEOPLE, POWERS, PLANS, TODAY, 3)
    assert field in fields_of(exc)
    assert all(p.zh and p.en for p in exc.value.problems)


def test_c2_is_valid_until_its_last_day() -> None:
    validate_registration(reg(inspectors=("C2",), planned_on=dt.date(2026, 12, 1)), "squad-a", PEOPLE,
                          POWERS, PLANS, TODAY, 3)  # fmt: skip


def test_result_checks() -> None:
    validate_result("no_violation", dt.date(2026, 12, 2), "", dt.date(2026, 12, 2))
    validate_result("violation", dt.date(2026, 12, 2), "D-2026-1", dt.date(2026, 12, 3))
    with pytest.raises(Invalid) as exc:
        validate_result("passed", dt.date(2026, 12, 2), "", dt.date(2026, 12, 2))
    assert fields_of(exc) == ["result"]
    with pytest.raises(Invalid) as exc:
        validate_result("other", dt.date(2026, 12, 4), "", dt.date(2026, 12, 2))  # in the future
    assert fields_of(exc) == ["checked_on"]


def visit(code: str, office: str, day: dt.date, result: str = "", credit: str = GOOD_CREDIT) -> Inspection:
    return Inspection(code=code, office=office, credit_code=credit, enterprise_name="某某餐饮有限公司",
                      inspectors=("C1",), scope="s", basis="CF-1", planned_on=day, valid_from=day,
                      valid_until=day, result=result, checked_on=day if result else None)  # fmt: skip


def test_two_offices_in_a_week_are_flagged() -> None:
    found = repeat_flags(
        [visit("A", "squad-a", dt.date(2026, 11, 2)), visit("B", "squad-b", dt.date(2026, 11, 6))],
        window_days=30, max_offices=1, max_per_year=2,
    )  # fmt: skip
    assert [(f.credit_code, f.kind, f.codes) for f in found] == [(GOOD_CREDIT, "multi_office", ("A", "B"))]


def test_two_offices_far_apart_are_not_flagged() -> None:
    found = repeat_flags(
        [visit("A", "squad-a", dt.date(2026, 1, 2)), visit("B", "squad-b", dt.date(2026, 3, 6))],
        window_days=30, max_offices=1, max_per_year=2,
    )  # fmt: skip
    assert found == []


def test_third_visit_in_a_year_without_violation_is_flagged() -> None:
    visits = [
        visit("A", "squad-a", dt.date(2026, 1, 5), "no_violation"),
        visit("B", "squad-a", dt.date(2026, 5, 5), "no_violation"),
        visit("C", "squad-a", dt.date(2026, 9, 5), "no_violation"),
    ]
    found = repeat_flags(visits, window_days=30, max_offices=1, max_per_year=2)
    assert [(f.kind, f.codes) for f in found] == [("repeat", ("A", "B", "C"))]
    # a violation found in the year: inspecting again is not "无事" and is not flagged
    visits[1] = visit("B", "squad-a", dt.date(2026, 5, 5), "violation")
    assert repeat_flags(visits, window_days=30, max_offices=1, max_per_year=2) == []
    # two are within the threshold
    assert repeat_flags(visits[:2], window_days=30, max_offices=1, max_per_year=2) == []


def test_office_aggregates_count_and_share_without_names() -> None:
    from sunlight.domain.inspections import office_aggregates

    visits = [
        visit("A", "squad-a", dt.date(2026, 11, 2), "violation"),
        visit("B", "squad-b", dt.date(2026, 11, 6), "no_violation"),
        visit("C", "squad-a", dt.date(2026, 11, 20)),
        visit("D", "squad-a", dt.date(2026, 11, 21), credit="91110000600037341L"),
    ]
    flags = repeat_flags(visits, window_days=30, max_offices=1, max_per_year=2)
    rows = {r["office"]: r for r in office_aggregates(visits, flags)}
    # squad-a: 3 registered, 1 with a result (1/3), 1 violation of 1 result; in the one multi-office flag
    assert rows["squad-a"] == {"office": "squad-a", "registered": 3, "with_result": 1, "with_result_share": 0.333,
                               "violations": 1, "violation_share": 1.0, "flags": 1}  # fmt: skip
    assert rows["squad-b"] == {"office": "squad-b", "registered": 1, "with_result": 1, "with_result_share": 1.0,
                               "violations": 0, "violation_share": 0.0, "flags": 1}  # fmt: skip
