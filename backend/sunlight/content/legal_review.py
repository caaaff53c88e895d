"""``legal_review.yaml``: decisions that need legal review first (重大执法决定法制审核目录清单)."""

from __future__ import annotations

from pathlib import Path

from sunlight.content.fields import Fields, check_unique, items_of, source_name
from sunlight.content.model import ReviewItem
from sunlight.content.yamlfile import load_yaml
from sunlight.domain.problems import Problems


def load_legal_review(root: Path, problems: Problems) -> list[ReviewItem]:
    path = root / "legal_review.yaml"
    if not path.exists():
        return []
    name = source_name(root, path)
    items: list[ReviewItem] = []
    for row in items_of(load_yaml(path, name, problems), name, problems, list_key="items"):
        f = Fields(row, name, problems)
        f.allow("code", "title", "criteria", "basis")
        item = ReviewItem(source=name, line=f.line)
        item.remember_lines(f.key_lines())
        item.code = f.text("code", required=True)
        f.record_id = item.code
        item.title = f.text("title", required=True)
        item.criteria = f.text("criteria", required=True)
        item.basis = f.text("basis", required=True)
        items.append(item)
    check_unique(items, "code", problems, zh_what="目录编号", en_what="item code")
    return items
