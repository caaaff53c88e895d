"""``stats/YYYY.yaml``: annual enforcement statistics (行政执法统计年报)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from sunlight.content.fields import Fields, source_name
from sunlight.content.model import OfficePenalties, YearStats
from sunlight.content.values import ValueProblem, parse_int
from sunlight.content.yamlfile import load_optional_mapping
from sunlight.domain.problems import Problem, Problems

STATS_KEYS = (
    "year",
    "total",
    "by_kind",
    "by_domain",
    "by_office",
    "amount_cny",
    "exemptions",
    "reconsiderations",
    "lawsuits",
    "penalties_by_office",
)
PENALTY_KEYS = ("decisions", "fines_total", "top_band_share")
OUTCOME_KEYS = ("total", "upheld", "revoked", "changed", "confirmed_illegal", "other")


def load_stats(root: Path, problems: Problems) -> list[YearStats]:
    years: list[YearStats] = []
    for path in sorted((root / "stats").glob("*.y*ml")):
        name = source_name(root, path)
        if not re.fullmatch(r"\d{4}", path.stem):
            problems.add(
                Problem(
                    "文件名应为年份，如 2025.yaml",
                    "the file name must be the year, e.g. 2025.yaml",
                    file=name,
                )
            )
        data = load_optional_mapping(path, name, problems)
        if data is None:
            continue
        f = Fields(data, name, problems)
        f.allow(*STATS_KEYS)
        stats = YearStats(source=name, line=f.line)
        stats.remember_lines(f.key_lines())
        stats.year = f.integer("year", required=True, minimum=1949) or 0
        if stats.year and path.stem.isdigit() and int(path.stem) != stats.year:
            f.error("year", "年份与文件名不一致", "year differs from the file name", stats.year)
        stats.total = f.integer("total", minimum=0)
        stats.by_kind = _counts(f, "by_kind")
        stats.by_domain = _counts(f, "by_domain")
        stats.by_office = _counts(f, "by_office")
        stats.amount_cny = f.decimal("amount_cny", minimum=Decimal(0))
        stats.exemptions = f.integer("exemptions", minimum=0)
        stats.reconsiderations = _outcomes(f, "reconsiderations")
        stats.lawsuits = _outcomes(f, "lawsuits")
        stats.penalties_by_office = _penalties(f)
        _check_penalty_sums(f, stats)
        years.append(stats)
    seen: dict[int, YearStats] = {}
    for stats in years:
        if stats.year in seen:
            problems.add(
                Problem(
                    "年份重复",
                    "year given twice",
                    file=stats.source,
                    line=stats.line,
                    field="year",
                    value=str(stats.year),
                )
            )
        seen[stats.year] = stats
    return years


def _counts(f: Fields, key: str) -> dict[str, int]:
    block = f.mapping(key)
    if block is None:
        return {}
    counts: dict[str, int] = {}
    for label, value in block.items():
        try:
            counts[str(label)] = parse_int(value, minimum=0)
        except ValueProblem as exc:
            f.problems.add(exc.problem(file=f.file, line=block.line_of(label), field=f"{key}.{label}"))
    return counts


def _outcomes(f: Fields, key: str) -> dict[str, int]:
    """A count, or ``{total, upheld, revoked, ...}``."""
    value = f.data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        total = f.integer(key, minimum=0)
        return {} if total is None else {"total": total}
    block = Fields(value, f.file, f.problems)
    block.allow(*OUTCOME_KEYS)
    out = {k: n for k in OUTCOME_KEYS if (n := block.integer(k, minimum=0)) is not None}
    if "total" in out and sum(v for k, v in out.items() if k != "total") > out["total"]:
        block.error("total", "各项之和大于总数", "the parts add up to more than the total", out["total"])
    return out


def _penalties(f: Fields) -> list[OfficePenalties]:
    """``penalties_by_office: {office: {decisions, fines_total, top_band_share}}`` (逐利执法 warning)."""
    key = "penalties_by_office"
    block = f.mapping(key)
    if block is None:
        return []
    out: list[OfficePenalties] = []
    for office, value in block.items():
        where = f"{key}.{office}"
        line = block.line_of(office)
        if not isinstance(value, dict):
            f.problems.add(
                Problem(
                    "应为映射(键: 值)", "must be a mapping (key: value)", file=f.file, line=line, field=where
                )
            )
            continue
        found = Problems()
        row = Fields(value, f.file, found, line=line)
        row.allow(*PENALTY_KEYS)
        decisions = row.integer("decisions", required=True, minimum=0)
        total = row.decimal("fines_total", required=True, minimum=Decimal(0))
        share = row.decimal("top_band_share")
        if share is not None and not Decimal(0) <= share <= 1:
            row.error("top_band_share", "应在 0 到 1 之间", "must be between 0 and 1", share)
            share = None
        for problem in found.items:
            f.problems.add(replace(problem, field=f"{where}.{problem.field}"))
        if decisions is not None and total is not None:
            out.append(OfficePenalties(str(office), decisions, total, share))
    return out


def _check_penalty_sums(f: Fields, stats: YearStats) -> None:
    """The offices' penalty figures may not add up to more than the year's own totals (a warning)."""
    if not stats.penalties_by_office:
        return
    decisions = sum(p.decisions for p in stats.penalties_by_office)
    fines = sum((p.fines_total for p in stats.penalties_by_office), Decimal(0))
    limit = stats.by_kind.get("行政处罚")
    key = "penalties_by_office"
    if limit is not None and decisions > limit:
        f.warning(
            key,
            f"各机构处罚决定数之和({decisions})大于 by_kind.行政处罚({limit})",
            f"the offices' decisions add up to {decisions}, more than by_kind.行政处罚 ({limit})",
        )
    if stats.amount_cny is not None and fines > stats.amount_cny:
        f.warning(
            key,
            f"各机构罚没款之和({fines})大于 amount_cny({stats.amount_cny})",
            f"the offices' fines add up to {fines}, more than amount_cny ({stats.amount_cny})",
        )
