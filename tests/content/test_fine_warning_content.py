"""``supervision.yaml``'s ``fine_growth_warning`` and ``stats/YYYY.yaml``'s ``penalties_by_office``
(逐利执法 warning, issue #15)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from sunlight.content.loader import load_content

from .conftest import write_content


def messages(root: Path) -> list[str]:
    _, problems = load_content(root)
    return [str(p) for p in problems.items]


def test_defaults_when_the_block_is_absent(minimal: Path) -> None:
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    assert content.supervision.fine_growth_threshold == D("0.20")
    assert content.supervision.fine_top_band_rise == D("0.15")


def test_settings_are_read(minimal: Path) -> None:
    write_content(
        minimal, {"supervision.yaml": "fine_growth_warning: {threshold: 0.3, top_band_rise: 0.1}\n"}
    )
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    assert content.supervision.fine_growth_threshold == D("0.3")
    assert content.supervision.fine_top_band_rise == D("0.1")


def test_bad_settings_are_errors_naming_the_field(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "supervision.yaml": "inspection_code: {window_days: 5}\n"
            "fine_growth_warning:\n  threshold: 20%\n  top_band_rise: 1.5\n  limit: 2\n"
        },
    )
    content, _ = load_content(minimal)
    got = messages(minimal)
    assert "content/supervision.yaml:3: fine_growth_warning.threshold: 不是数字 / not a number (20%)" in got
    assert (
        "content/supervision.yaml:4: fine_growth_warning.top_band_rise: "
        "应在 0 到 1 之间（比例，0.15 即 15 个百分点） / must be between 0 and 1 "
        "(a fraction: 0.15 is 15 percentage points) (1.5)" in got
    )
    assert any(m.startswith("content/supervision.yaml:5: fine_growth_warning.limit: 未知字段") for m in got)
    assert content.supervision.fine_growth_threshold == D("0.20")  # the default stays


def test_threshold_above_ten_or_negative_is_an_error(minimal: Path) -> None:
    write_content(minimal, {"supervision.yaml": "fine_growth_warning: {threshold: 12}\n"})
    assert (
        "content/supervision.yaml:1: fine_growth_warning.threshold: "
        "应在 0 到 10 之间（比例，0.20 即 20%） / must be between 0 and 10 (a fraction: 0.20 is 20 %) (12)"
        in messages(minimal)
    )
    write_content(minimal, {"supervision.yaml": "fine_growth_warning: {threshold: -0.1}\n"})
    assert any("fine_growth_warning.threshold: 应在 0 到 10 之间" in m for m in messages(minimal))


def test_stats_penalty_figures_per_office(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "stats/2024.yaml": "year: 2024\npenalties_by_office:\n"
            "  squad: {decisions: 120, fines_total: 250000.50, top_band_share: 0.12}\n"
            "  bureau: {decisions: 3, fines_total: 900}\n"
        },
    )
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    stats = content.stats[0]
    assert [(p.office, p.decisions, p.fines_total, p.top_band_share) for p in stats.penalties_by_office] == [
        ("squad", 120, D("250000.50"), D("0.12")),
        ("bureau", 3, D("900"), None),
    ]


def test_stats_penalty_figures_are_checked(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "stats/2024.yaml": "year: 2024\npenalties_by_office:\n"
            "  squad: {decisions: x, fines_total: -5, top_band_share: 2, extra: 1}\n"
            "  无名科: {decisions: 1, fines_total: 100}\n"
            "  bureau: 7\n"
        },
    )
    got = messages(minimal)
    assert (
        "content/stats/2024.yaml:3: penalties_by_office.squad.decisions: 不是整数 / not a whole number (x)"
        in got
    )
    assert (
        "content/stats/2024.yaml:3: penalties_by_office.squad.fines_total: 不得小于 0 / must not be less than 0 (-5)"
        in got
    )
    assert (
        "content/stats/2024.yaml:3: penalties_by_office.squad.top_band_share: "
        "应在 0 到 1 之间 / must be between 0 and 1 (2)" in got
    )
    assert any(
        m.startswith("content/stats/2024.yaml:3: penalties_by_office.squad.extra: 未知字段") for m in got
    )
    assert any(m.startswith("content/stats/2024.yaml:5: penalties_by_office.bureau: 应为映射") for m in got)
    assert any("penalties_by_office: 统计中的机构不存在" in m and "(无名科)" in m for m in got)


def test_fines_total_and_decisions_are_required(minimal: Path) -> None:
    write_content(
        minimal, {"stats/2024.yaml": "year: 2024\npenalties_by_office:\n  squad: {top_band_share: 0.1}\n"}
    )
    got = messages(minimal)
    assert any(
        m.startswith("content/stats/2024.yaml:3: penalties_by_office.squad.decisions: 必填") for m in got
    )
    assert any(
        m.startswith("content/stats/2024.yaml:3: penalties_by_office.squad.fines_total: 必填") for m in got
    )


def test_penalty_figures_beyond_the_year_totals_are_a_warning(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "stats/2024.yaml": "year: 2024\nby_kind: {行政处罚: 100}\namount_cny: 5000\npenalties_by_office:\n"
            "  squad: {decisions: 80, fines_total: 4000}\n  bureau: {decisions: 30, fines_total: 1500}\n"
        },
    )
    got = messages(minimal)
    assert (
        "content/stats/2024.yaml:4: penalties_by_office: 各机构处罚决定数之和(110)大于 by_kind.行政处罚(100) / "
        "the offices' decisions add up to 110, more than by_kind.行政处罚 (100)" in got
    )
    assert (
        "content/stats/2024.yaml:4: penalties_by_office: 各机构罚没款之和(5500)大于 amount_cny(5000) / "
        "the offices' fines add up to 5500, more than amount_cny (5000)" in got
    )
