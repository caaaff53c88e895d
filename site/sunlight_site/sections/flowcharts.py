"""Flowcharts: ``/flowcharts/`` and ``/flowcharts/<id>/`` (inline SVG by Graphviz + a text list of steps)."""

from __future__ import annotations

from markupsafe import Markup

from sunlight_site.render.context import column
from sunlight_site.render.flowchart_svg import FlowchartRenderError, render_svg, steps
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator


class FlowchartsGenerator(SectionGenerator):
    def generate_context(self) -> None:
        self.charts = sorted(self.state.flowcharts(), key=lambda c: c.id)
        for chart in self.content.flowcharts:
            if chart not in self.charts:
                self.state.report.warn(
                    "流程图不符合规范，未发布", "the flowchart breaks the contract and is not published",
                    file=chart.source, line=chart.line, record_id=chart.id,
                )  # fmt: skip
        self.used_by: dict[str, list] = {c.id: [] for c in self.charts}
        for power in sorted(self.content.powers, key=lambda p: p.code):
            if power.flowchart in self.used_by:
                self.used_by[power.flowchart].append(power)

    def generate_output(self, writer: SiteWriter) -> None:
        pages = []
        for chart in self.charts:
            try:
                svg: Markup | None = Markup(render_svg(chart))
            except FlowchartRenderError as exc:
                svg = None
                self.state.report.warn(
                    "流程图无法绘制，仅发布文字版",
                    f"the flowchart could not be drawn; text only ({exc})",
                    file=chart.source,
                    line=chart.line,
                    record_id=chart.id,
                )
            pages.append(
                (
                    f"flowcharts/{chart.id}/index.html",
                    {
                        "active": "powers",
                        "column": column("流程图"),
                        "chart": chart,
                        "svg": svg,
                        "steps": steps(chart),
                        "powers": self.used_by[chart.id],
                    },
                )
            )
        writer.write_many("flowchart.html", pages)
        writer.write_page(
            "flowcharts.html",
            "flowcharts/index.html",
            {"active": "powers", "column": column("流程图"), "charts": self.charts, "used_by": self.used_by},
        )
        self.count("flowcharts", len(self.charts))
