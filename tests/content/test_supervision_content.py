"""``personnel.csv`` with ``valid_until`` and ``domains``; ``supervision.yaml``; the catalog's personnel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sunlight.content.catalog import build_catalog
from sunlight.content.loader import load_content

from .conftest import write_content


def messages(root: Path) -> list[str]:
    _, problems = load_content(root)
    return [str(p) for p in problems.items]


def test_personnel_validity_and_domains(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "personnel.csv": "姓名,执法证号,所属机构,执法区域,执法领域,有效期至,状态\n"
            "张三,T001,东湖中队,东湖街道,市容环卫、园林绿化,2027-06-30,有效\n"
            "李四,T002,squad,东湖街道,,2024-02-30,expired\n"
        },
    )
    content, problems = load_content(minimal)
    got = [str(p) for p in problems.items]
    assert content.personnel[0].valid_until == dt.date(2027, 6, 30)
    assert content.personnel[0].domains == ("市容环卫", "园林绿化")
    assert content.personnel[1].status == "expired"
    assert "content/personnel.csv:3: valid_until: 日期不存在 / no such date (2024-02-30)" in got


def test_supervision_defaults_when_absent(minimal: Path) -> None:
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    assert content.supervision.inspection_code_window_days == 3
    assert content.supervision.repeat_window_days == 30
    assert content.supervision.repeat_max_offices == 1
    assert content.supervision.repeat_max_per_year == 2


def test_supervision_settings_are_validated(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "supervision.yaml": "inspection_code: {window_days: 5}\n"
            "repeat_inspection: {window_days: -1, max_offices: x, max_per_yr: 2}\n"
        },
    )
    content, _ = load_content(minimal)
    got = messages(minimal)
    assert content.supervision.inspection_code_window_days == 5
    assert (
        "content/supervision.yaml:2: repeat_inspection.window_days: 不得小于 1 / must not be less than 1 (-1)"
        in got
    )
    assert (
        "content/supervision.yaml:2: repeat_inspection.max_offices: 不是整数 / not a whole number (x)" in got
    )
    assert any(
        m.startswith("content/supervision.yaml:2: repeat_inspection.max_per_yr: 未知字段") for m in got
    )


def test_catalog_carries_personnel_and_supervision(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "personnel.csv": "姓名,执法证号,所属机构,执法区域,执法领域,有效期至,状态\n"
            "张三,T001,东湖中队,东湖街道,市容环卫,2027-06-30,有效\n"
        },
    )
    content, _ = load_content(minimal)
    catalog = build_catalog(content, dt.date(2026, 11, 30), [], private=True)
    assert "personnel" not in build_catalog(content, dt.date(2026, 11, 30), [])  # the public copy
    assert catalog["personnel"] == [
        {"cert_no": "T001", "name": "张三", "office": "squad", "area": "东湖街道", "status": "active",
         "valid_until": "2027-06-30"}
    ]  # fmt: skip
    assert catalog["supervision"] == {
        "inspection_code": {"window_days": 3},
        "repeat_inspection": {"window_days": 30, "max_offices": 1, "max_per_year": 2},
    }
