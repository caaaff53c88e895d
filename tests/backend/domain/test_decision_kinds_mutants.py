"""The representative's label of a party type no entry names is 法定代表人 (the default of the
open-data column 法定代表人（负责人、经营者）)."""

from __future__ import annotations

from sunlight.domain.decision_kinds import REPRESENTATIVES


def test_representatives_by_party_type() -> None:
    assert REPRESENTATIVES["法人"] == "法定代表人"
    assert REPRESENTATIVES["非法人组织"] == "负责人"
    assert REPRESENTATIVES["个体工商户"] == "经营者"
    assert REPRESENTATIVES["自然人"] == ""
    assert REPRESENTATIVES["事业单位"] == "法定代表人"  # a type no entry names
