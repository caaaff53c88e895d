"""``supervision.yaml`` (optional): the 检查码 validity window, the thresholds that flag repeated
and multi-office inspections (重复检查、多头检查), those of the 逐利执法 warning
(``fine_growth_warning``) and the 案卷评查 block ``case_review`` (``sunlight.content.case_review``);
docs/supervision.md."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from sunlight.content.case_review import load_case_review
from sunlight.content.fields import Fields, source_name
from sunlight.content.model import SupervisionSettings
from sunlight.content.yamlfile import load_optional_mapping
from sunlight.domain.problems import Problems

BLOCKS = ("inspection_code", "repeat_inspection", "fine_growth_warning", "case_review")
# block -> {key: attribute of SupervisionSettings}
SETTINGS = {
    "inspection_code": {"window_days": "inspection_code_window_days"},
    "repeat_inspection": {
        "window_days": "repeat_window_days",
        "max_offices": "repeat_max_offices",
        "max_per_year": "repeat_max_per_year",
    },
}
MINIMUM = {"window_days": 1, "max_offices": 1, "max_per_year": 1}
# fine_growth_warning: key -> (attribute, highest value, how the value reads in an error)
FRACTIONS = {
    "threshold": ("fine_growth_threshold", Decimal(10), "0.20 即 20%", "0.20 is 20 %"),
    "top_band_rise": (
        "fine_top_band_rise",
        Decimal(1),
        "0.15 即 15 个百分点",
        "0.15 is 15 percentage points",
    ),
}


def load_supervision(root: Path, problems: Problems) -> SupervisionSettings:
    path = root / "supervision.yaml"
    settings = SupervisionSettings(source=source_name(root, path))
    name = settings.source
    data = load_optional_mapping(path, name, problems)
    if data is None:
        return settings
    top = Fields(data, name, problems)
    top.allow(*BLOCKS)
    settings.line = top.line
    for block, keys in SETTINGS.items():
        mapping = top.mapping(block)
        if mapping is None:
            continue
        found = Problems()  # reported with the block's name in front of the field
        f = Fields(mapping, name, found, line=top.line_of(block))
        f.allow(*keys)
        for key, attribute in keys.items():
            value = f.integer(key, minimum=MINIMUM[key])
            if value is not None:
                setattr(settings, attribute, value)
        _report(found, block, problems)
    _fine_warning(top, name, settings, problems)
    review = top.mapping("case_review")
    if review is not None:
        sample, checklist = load_case_review(review, name, top.line_of("case_review"), problems)
        if sample is not None:
            settings.case_review_sample_per_office = sample
        if checklist is not None:
            settings.case_review_checklist = checklist
    return settings


def _report(found: Problems, block: str, problems: Problems) -> None:
    for problem in found.items:
        problems.add(replace(problem, field=f"{block}.{problem.field}" if problem.field else block))


def _fine_warning(top: Fields, name: str, settings: SupervisionSettings, problems: Problems) -> None:
    """``fine_growth_warning: {threshold, top_band_rise}``: fractions (0.20 = 20 %)."""
    block = "fine_growth_warning"
    mapping = top.mapping(block)
    if mapping is None:
        return
    found = Problems()
    f = Fields(mapping, name, found, line=top.line_of(block))
    f.allow(*FRACTIONS)
    for key, (attribute, highest, zh_hint, en_hint) in FRACTIONS.items():
        value = f.decimal(key)
        if value is None:
            continue
        if not Decimal(0) <= value <= highest:
            f.error(
                key,
                f"应在 0 到 {highest} 之间（比例，{zh_hint}）",
                f"must be between 0 and {highest} (a fraction: {en_hint})",
                value,
            )
            continue
        setattr(settings, attribute, value)
    _report(found, block, problems)
