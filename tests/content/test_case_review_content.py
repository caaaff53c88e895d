"""``supervision.yaml`` ``case_review`` (案卷评查): defaults, validation, and what the catalogs carry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sunlight.content.catalog import build_catalog
from sunlight.content.loader import load_content

from .conftest import write_content

DEFAULT = [
    ("主体合法", 10), ("事实清楚", 15), ("证据充分", 15), ("程序合法", 15),
    ("适用法律正确", 15), ("裁量适当", 10), ("文书规范", 10), ("法制审核", 10),
]  # fmt: skip


def test_defaults_when_absent(minimal: Path) -> None:
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    s = content.supervision
    assert s.case_review_sample_per_office == 5
    assert [(c.item, c.points) for c in s.case_review_checklist] == DEFAULT
    assert sum(points for _, points in DEFAULT) == 100


def test_block_is_read(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "supervision.yaml": "case_review:\n  sample_per_office: 3\n  checklist:\n"
            "    - {item: 主体合法, points: 40}\n    - {item: 程序合法, points: 60}\n"
        },
    )
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    assert content.supervision.case_review_sample_per_office == 3
    assert [(c.item, c.points) for c in content.supervision.case_review_checklist] == [
        ("主体合法", 40),
        ("程序合法", 60),
    ]


def test_errors_name_the_field(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "supervision.yaml": "case_review:\n  sample_per_office: 0\n  checklist:\n"
            "    - {item: 主体合法, points: 0}\n    - {item: 主体合法, points: 5}\n"
            "    - {points: 5}\n    - 程序合法\n  samples: 2\n"
        },
    )
    content, problems = load_content(minimal)
    got = [str(p) for p in problems.items]
    f = "content/supervision.yaml"
    assert f"{f}:2: case_review.sample_per_office: 不得小于 1 / must not be less than 1 (0)" in got
    assert f"{f}:4: case_review.checklist[1].points: 不得小于 1 / must not be less than 1 (0)" in got
    assert f"{f}:5: case_review.checklist[2].item: 评查项目重复 / the item is listed twice (主体合法)" in got
    assert f"{f}:6: case_review.checklist[3].item: 必填字段缺失 / required field is missing" in got
    assert any(m.startswith(f"{f}:7: case_review.checklist[4]: 应为映射") for m in got), got
    assert any(m.startswith(f"{f}:8: case_review.samples: 未知字段") for m in got), got
    # a wrong block leaves the defaults
    assert content.supervision.case_review_sample_per_office == 5
    assert len(content.supervision.case_review_checklist) == 8


def test_catalogs(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "decisions/2025.csv": "id,doc_no,kind,party_type,party_name,credit_code,facts,basis,content,office,power_code,"
            "decided_on,published_on\n"
            "R-1,测城管罚〔2025〕1号,行政处罚,法人,某某公司,91330110MAM05NPL8K,店外经营,第三十六条,警告,squad,CF-1,2025-03-02,2025-03-05\n",
        },
    )
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.errors] == []
    public = build_catalog(content, dt.date(2026, 11, 30), [])
    private = build_catalog(content, dt.date(2026, 11, 30), [], private=True)
    expected = {"sample_per_office": 5, "checklist": [{"item": i, "points": p} for i, p in DEFAULT]}
    assert public["case_review"] == expected == private["case_review"]
    assert "case_files" not in public  # ids of decisions not public stay out of /data/catalog.json
    assert private["case_files"] == [{"id": "R-1", "office": "squad", "decided_on": "2025-03-02"}]
