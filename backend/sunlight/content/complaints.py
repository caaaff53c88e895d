"""``complaints.yaml``: complaint categories with their timers, routing rules and settings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sunlight.content.fields import Fields, source_name
from sunlight.content.model import ComplaintCategory, ComplaintsConfig, RoutingRule
from sunlight.content.yamlfile import load_required_mapping
from sunlight.domain.problems import Problems

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MATCH_KEYS = ("category", "power_code", "office", "street")
CATEGORY_KEYS = ("id", "name", "accept_days", "respond_days", "remind_before_days")
# Settings with their defaults (working days unless named otherwise); see docs/content-contract.md.
SETTINGS: dict[str, Any] = {
    "extension_max_days": 15,
    "escalate_after_overdue_days": 5,
    "review_window_days": 30,
    "review_respond_days": 15,
    "designated_supervision": None,
}


def load_complaints(root: Path, problems: Problems) -> ComplaintsConfig:
    path = root / "complaints.yaml"
    name = source_name(root, path)
    config = ComplaintsConfig(source=name, settings=dict(SETTINGS))
    data = load_required_mapping(path, name, problems)
    if data is None:
        return config
    f = Fields(data, name, problems)
    f.allow("categories", "routing", "settings", "feedback_categories")
    config.line = f.line
    lines = f.key_lines()
    config.remember_lines(lines)
    config.categories = _categories(f, "categories", required=True)
    config.feedback_categories = _categories(f, "feedback_categories", required=False)
    config.routing = _routing(f)
    block = f.mapping("settings")
    if block is not None:
        s = Fields(block, name, problems)
        s.allow(*SETTINGS)
        lines.update({f"settings.{k}": line for k, line in s.key_lines().items()})
        for key, default in SETTINGS.items():
            if key == "designated_supervision":
                config.settings[key] = s.text(key) or None
            else:
                config.settings[key] = s.integer(key, minimum=1) or default
    return config


def _categories(f: Fields, key: str, *, required: bool) -> list[ComplaintCategory]:
    categories: list[ComplaintCategory] = []
    seen: set[str] = set()
    for line, row in f.records(key, required=required):
        c = Fields(row, f.file, f.problems, line=line)
        c.allow(*CATEGORY_KEYS)
        cat_id = c.text("id", required=True)
        c.record_id = cat_id
        if cat_id and not SLUG.match(cat_id):
            c.error(
                "id",
                "编号应为小写英文字母、数字和连字符",
                "must be a slug: lower-case ascii letters, digits, hyphens",
                cat_id,
            )
        category = ComplaintCategory(id=cat_id, name=c.text("name", required=True), line=line)
        category.accept_days = c.integer("accept_days", minimum=1) or category.accept_days
        category.respond_days = c.integer("respond_days", minimum=1) or category.respond_days
        remind = c.integer("remind_before_days", minimum=0)
        category.remind_before_days = category.remind_before_days if remind is None else remind
        if category.remind_before_days >= category.respond_days:
            c.error(
                "remind_before_days",
                "提醒天数应小于办结时限",
                "must be less than respond_days",
                category.remind_before_days,
            )
        if category.accept_days > category.respond_days:
            c.error(
                "accept_days",
                "受理时限不应长于办结时限",
                "must not exceed respond_days",
                category.accept_days,
            )
        if cat_id in seen:
            c.error("id", "类别编号重复", "duplicate category id", cat_id)
        seen.add(cat_id)
        categories.append(category)
    return categories


def _routing(f: Fields) -> list[RoutingRule]:
    rules: list[RoutingRule] = []
    lines: list[int | None] = []
    for line, row in f.records("routing", required=True):
        r = Fields(row, f.file, f.problems, line=line)
        r.allow("match", "handler")
        handler = r.text("handler", required=True)
        block = r.mapping("match", required=True)
        match: dict[str, str] = {}
        if block is not None:
            m = Fields(block, f.file, f.problems, line=line)
            m.allow(*MATCH_KEYS)
            match = {k: m.text(k) for k in MATCH_KEYS if m.has(k)}
        if handler and block is not None:
            rules.append(RoutingRule(match=match, handler=handler, line=line))
            lines.append(line)
    fallbacks = [i for i, rule in enumerate(rules) if not rule.match]
    if f.has("routing") and not fallbacks:
        f.error(
            "routing", "缺少兜底规则(match 为空)，应放在最后", "no fallback rule (empty match); put one last"
        )
    for index in fallbacks:
        if index != len(rules) - 1:
            f.error(
                "routing",
                "兜底规则(match 为空)必须放在最后",
                "the fallback rule (empty match) must come last",
                line=lines[index],
            )
    return rules
