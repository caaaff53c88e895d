"""The ``case_review`` block of ``supervision.yaml``: 案卷评查 sample size and checklist
(docs/supervision.md). Absent, the defaults of ``sunlight.domain.case_review`` apply: 5 decisions
per office and the eight items 主体合法 … 法制审核 worth 100 points in all."""

from __future__ import annotations

from dataclasses import replace

from sunlight.content.fields import Fields
from sunlight.content.yamlfile import LineMap
from sunlight.domain.case_review import ChecklistItem
from sunlight.domain.problems import Problems

BLOCK = "case_review"


def load_case_review(
    mapping: LineMap, name: str, line: int | None, problems: Problems
) -> tuple[int | None, tuple[ChecklistItem, ...] | None]:
    """``(sample_per_office, checklist)`` of the block; None for a value absent or wrong (the default
    stays). Problems name the field as ``case_review.checklist[2].points``."""
    found = Problems()
    f = Fields(mapping, name, found, line=line)
    f.allow("sample_per_office", "checklist")
    sample = f.integer("sample_per_office", minimum=1)
    checklist: tuple[ChecklistItem, ...] | None = None
    if f.data.get("checklist") is not None:
        items: list[ChecklistItem] = []
        errors_before = len(found.errors)
        records = f.records("checklist")
        if not records and isinstance(f.data.get("checklist"), list):
            f.error("checklist", "评查表不能为空", "the checklist must not be empty")
        seen: set[str] = set()
        for index, (item_line, record) in enumerate(records, start=1):
            where = f"checklist[{index}]"
            r = Fields(record, name, found, line=item_line)
            r.allow("item", "points")
            before = len(found.items)
            item = r.text("item", required=True)
            points = r.integer("points", required=True, minimum=1)
            for problem in found.items[before:]:
                found.items[found.items.index(problem)] = replace(problem, field=f"{where}.{problem.field}")
            if item and item in seen:
                f.error(f"{where}.item", "评查项目重复", "the item is listed twice", item, line=item_line)
            seen.add(item)
            if item and points is not None:
                items.append(ChecklistItem(item, points))
        if records and len(items) == len(records) and len(found.errors) == errors_before:
            checklist = tuple(items)
    for problem in found.items:
        problems.add(replace(problem, field=f"{BLOCK}.{problem.field}" if problem.field else BLOCK))
    return sample, checklist
