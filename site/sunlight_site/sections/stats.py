"""Annual statistics (行政执法统计年报): ``/stats/`` and ``/stats/<year>/`` with SVG bar charts."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from sunlight.content.model import YearStats

from sunlight_site.render.context import column
from sunlight_site.render.svg_charts import bar_chart
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

OUTCOME_NAMES = {
    "total": "总数",
    "upheld": "维持",
    "revoked": "撤销",
    "changed": "变更",
    "confirmed_illegal": "确认违法",
    "other": "其他",
}
BREAKDOWNS = (("by_kind", "按决定类别"), ("by_domain", "按执法领域"), ("by_office", "按执法机构"))


def breakdowns(stats: YearStats, office_names: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for key, title in BREAKDOWNS:
        data: dict[str, int] = getattr(stats, key)
        if not data:
            continue
        rows = sorted(
            ((office_names.get(k, k) if key == "by_office" else k, v) for k, v in data.items()),
            key=lambda r: (-r[1], r[0]),
        )
        caption = f"{stats.year}年执法案件数{title}"
        out.append(
            {
                "key": key,
                "title": title,
                "caption": caption,
                "rows": rows,
                "svg": Markup(bar_chart(caption, rows, "件")),
            }
        )
    return out


class StatsGenerator(SectionGenerator):
    def generate_context(self) -> None:
        self.years = sorted(self.content.stats, key=lambda s: s.year, reverse=True)
        self.office_names = {o.id: o.name for o in self.content.offices}

    def generate_output(self, writer: SiteWriter) -> None:
        shared = {
            "active": "stats",
            "column": column("统计年报"),
            "years": self.years,
            "outcome_names": OUTCOME_NAMES,
        }
        totals = [
            (f"{s.year}年", s.total) for s in sorted(self.years, key=lambda s: s.year) if s.total is not None
        ]
        trend = Markup(bar_chart("历年执法决定总数", totals, "件")) if totals else None
        writer.write_page("stats_index.html", "stats/index.html", {"trend": trend}, shared)
        writer.write_many(
            "stats_year.html",
            (
                (f"stats/{s.year}/index.html", {"stats": s, "breakdowns": breakdowns(s, self.office_names)})
                for s in self.years
            ),
            shared,
        )
        self.count("stats_years", len(self.years))
