"""逐利执法 warning: ``/data/fines-by-office.csv`` and ``.json`` and a section of ``/compliance/``
(``fines_compliance_block.html``, included by ``compliance.html`` with ``fine_warning`` =
``BuildState.fine_warning``, which this section fills in ``generate_context()``). The figures are aggregates of every decision record, public or
not; no decision is shown individually (docs/supervision.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from markupsafe import Markup
from sunlight.content.model import Content
from sunlight.domain.fine_trends import (
    FineTrendRow,
    FineWarningSettings,
    PenaltyRecord,
    StatsFigures,
    fine_trends,
    top_band_floor,
)

from sunlight_site.data.tables import Dataset, csv_bytes, json_bytes
from sunlight_site.render.svg_charts import TrendBar, grouped_bar_chart
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

NAME = "fines-by-office"
COLUMNS = [
    "office",
    "year",
    "decisions",
    "fines_total",
    "fines_average",
    "top_band_share",
    "growth",
    "flagged",
]
SOURCES = {"feed": "执法决定数据", "stats": "统计年报"}
CENT = Decimal("0.01")


@dataclass(slots=True)
class FineWarningView:
    """What ``fines_compliance_block.html`` shows on /compliance/ (every figure as text)."""

    rows: list[dict[str, Any]] = field(default_factory=list)  # see ``view_row``
    flagged: list[str] = field(default_factory=list)  # one sentence per flagged office and year
    svg: Markup | None = None  # the chart; None without rows
    threshold: str = ""  # "20%"
    top_band_rise: str = ""  # "15%"


def penalty_records(content: Content) -> list[PenaltyRecord]:
    """Every decision record (public or not), with the top band of its power's 裁量基准."""
    floors = {p.code: top_band_floor([row.range for row in p.discretion]) for p in content.powers}
    return [
        PenaltyRecord(
            office=d.office,
            decided_on=d.decided_on,
            amount=d.amount,
            top_band_floor=floors.get(d.power_code),
            kind=d.kind,
            status=d.status,
        )
        for d in content.decisions
    ]


def stats_figures(content: Content) -> dict[int, list[StatsFigures]]:
    """The years whose ``stats/YYYY.yaml`` gives ``penalties_by_office``."""
    return {
        s.year: [
            StatsFigures(p.office, p.decisions, p.fines_total, p.top_band_share)
            for p in s.penalties_by_office
        ]
        for s in content.stats
        if s.penalties_by_office
    }


def warning_settings(content: Content) -> FineWarningSettings:
    s = content.supervision
    return FineWarningSettings(threshold=s.fine_growth_threshold, top_band_rise=s.fine_top_band_rise)


def percent(value: Decimal | None, *, signed: bool = False) -> str:
    if value is None:
        return ""
    return f"{value * 100:+.1f}%" if signed else f"{value * 100:.1f}%"


def setting_percent(value: Decimal) -> str:
    """A threshold as written: 0.20 -> 20%, 0.125 -> 12.5%."""
    return f"{(value * 100).normalize():f}%"


def _money(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT)


def reason_text(row: FineTrendRow, settings: FineWarningSettings) -> str:
    texts = {
        "growth": f"罚没款较上年增长{percent(row.growth)}，超过{setting_percent(settings.threshold)}",
        "top_band": (
            f"顶格区间罚款占比上升{percent(row.top_band_rise).rstrip('%')}个百分点，"
            f"超过{setting_percent(settings.top_band_rise).rstrip('%')}个百分点"
        ),
    }
    return "；".join(texts[r] for r in row.reasons)


def view_row(row: FineTrendRow, office_name: str, settings: FineWarningSettings) -> dict[str, Any]:
    """One table row of the page, every figure as text."""
    source = SOURCES[row.source] + ("" if row.year_complete else "（年度未结束，不作比较）")
    return {
        "office": row.office,
        "office_name": office_name,
        "year": row.year,
        "decisions": f"{row.decisions:,}",
        "fines_total": f"{row.fines_total:,.2f}",
        "fines_average": f"{row.fines_average:,.2f}" if row.fines_average is not None else "—",
        "top_band_share": percent(row.top_band_share) or "—",
        "growth": percent(row.growth, signed=True) or "—",
        "flagged": row.flagged,
        "warning": ("预警：" + reason_text(row, settings)) if row.flagged else "未触发",
        "source": source,
    }


def chart(rows: list[FineTrendRow], names: dict[str, str], settings: FineWarningSettings) -> str:
    groups: list[tuple[str, list[TrendBar]]] = []
    for office in dict.fromkeys(r.office for r in rows):
        mine = [r for r in rows if r.office == office]
        heading = names.get(office, office) + ("（预警）" if any(r.flagged for r in mine) else "")
        bars = [
            TrendBar(
                label=f"{r.year}年",
                value=float(r.fines_total),
                text=" ".join(
                    t
                    for t in (
                        f"{r.fines_total / 10000:,.2f}万元",
                        percent(r.growth, signed=True),
                        "预警" if r.flagged else "",
                    )
                    if t
                ),
                marked=r.flagged,
            )
            for r in mine
        ]
        groups.append((heading, bars))
    desc = (
        f"各执法机构历年罚没款总额（万元）及较上年增长率；标注“预警”的年度，罚没款增长超过"
        f"{setting_percent(settings.threshold)}或顶格区间罚款占比上升超过"
        f"{setting_percent(settings.top_band_rise).rstrip('%')}个百分点。"
        "数字见图下表格。"
    )
    return grouped_bar_chart("fines-chart", "各机构罚没款年度趋势", desc, groups)


class FinesGenerator(SectionGenerator):
    def generate_context(self) -> None:
        c = self.content
        self.settings_used = warning_settings(c)
        self.rows = fine_trends(penalty_records(c), stats_figures(c), self.settings_used, self.today)
        names = {o.id: o.name for o in c.offices}
        self.names = names
        self.state.fine_warning = FineWarningView(
            rows=[view_row(r, names.get(r.office, r.office), self.settings_used) for r in self.rows],
            flagged=[
                f"{names.get(r.office, r.office)} {r.year}年：{reason_text(r, self.settings_used)}"
                for r in self.rows
                if r.flagged
            ],
            svg=Markup(chart(self.rows, names, self.settings_used)) if self.rows else None,
            threshold=setting_percent(self.settings_used.threshold),
            top_band_rise=setting_percent(self.settings_used.top_band_rise),
        )
        self.state.datasets.append(
            Dataset(
                NAME,
                "分机构罚没款",
                "各执法机构历年行政处罚决定数、罚没款总额、平均罚款、顶格区间占比、增长率和逐利执法预警",
                len(self.rows),
                [f"{NAME}.csv", f"{NAME}.json"],
            )
        )
        self.count("fines_warnings", sum(r.flagged for r in self.rows))

    def generate_output(self, writer: SiteWriter) -> None:
        csv_rows = [
            [
                r.office,
                r.year,
                r.decisions,
                _money(r.fines_total),
                _money(r.fines_average),
                r.top_band_share,
                r.growth,
                "true" if r.flagged else "false",
            ]
            for r in self.rows
        ]
        writer.write_bytes(f"data/{NAME}.csv", csv_bytes(COLUMNS, csv_rows))
        items = [
            {
                "office": r.office,
                "office_name": self.names.get(r.office, r.office),
                "year": r.year,
                "decisions": r.decisions,
                "fines_total": r.fines_total,
                "fines_average": r.fines_average,
                "top_band_share": r.top_band_share,
                "growth": r.growth,
                "top_band_rise": r.top_band_rise,
                "flagged": r.flagged,
                "reasons": list(r.reasons),
                "source": r.source,
                "year_complete": r.year_complete,
            }
            for r in self.rows
        ]
        s = self.settings_used
        settings = {"threshold": s.threshold, "top_band_rise": s.top_band_rise}
        writer.write_bytes(f"data/{NAME}.json", json_bytes(NAME, self.today, items, settings=settings))


GENERATORS = [FinesGenerator]
