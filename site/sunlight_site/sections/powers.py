"""The power list (行政权力事项清单): ``/powers/``, no-JS filter pages and one page per item.

Filter pages are pre-rendered so the list can be narrowed without JavaScript:
``/powers/type/<slug>/``, ``/powers/domain/<slug>/``, ``/powers/office/<office-id>/``.
Retired items are listed apart, after the current ones, and marked on their own pages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import markdown
from markupsafe import Markup
from sunlight.content.model import Power

from sunlight_site.render.context import column
from sunlight_site.render.slugs import domain_slug, power_type_slug
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator


@dataclass(frozen=True)
class Facet:
    """One filter value: e.g. kind "type", value "行政处罚", slug "penalty"."""

    kind: str
    label: str  # 类型 / 领域 / 机构
    value: str
    slug: str
    count: int

    @property
    def url(self) -> str:
        return f"/powers/{self.kind}/{self.slug}/"


def render_markdown(text: str) -> Markup:
    return Markup(markdown.markdown(text, extensions=["extra"], output_format="html")) if text else Markup("")


def split_by_status(powers: list[Power]) -> tuple[list[Power], list[Power]]:
    ordered = sorted(powers, key=lambda p: p.code)
    return [p for p in ordered if p.status != "retired"], [p for p in ordered if p.status == "retired"]


def facets(powers: list[Power], office_names: dict[str, str]) -> dict[str, list[Facet]]:
    """The filter values present in the list, with their item counts (current items only)."""
    groups: dict[tuple[str, str], int] = defaultdict(int)
    for p in powers:
        if p.status == "retired":
            continue
        groups[("type", p.type)] += 1
        groups[("domain", p.domain)] += 1
        groups[("office", p.office)] += 1
    out: dict[str, list[Facet]] = {"type": [], "domain": [], "office": []}
    for (kind, value), count in groups.items():
        if kind == "type":
            out[kind].append(Facet(kind, "类型", value, power_type_slug(value), count))
        elif kind == "domain":
            out[kind].append(Facet(kind, "领域", value, domain_slug(value), count))
        else:
            out[kind].append(Facet(kind, "机构", office_names.get(value, value), value, count))
    for kind in out:
        out[kind].sort(key=lambda f: f.slug)
    return out


def matches(power: Power, facet: Facet) -> bool:
    if facet.kind == "type":
        return power.type == facet.value
    if facet.kind == "domain":
        return power.domain == facet.value
    return power.office == facet.slug


class PowersGenerator(SectionGenerator):
    def generate_context(self) -> None:
        offices = {o.id: o for o in self.content.offices}
        self.office_names = {o.id: o.name for o in self.content.offices}
        self.flowcharts = {f.id: f for f in self.state.flowcharts()}
        self.current, self.retired = split_by_status(self.content.powers)
        self.facets = facets(self.content.powers, self.office_names)
        self.offices = offices
        self.context["sunlight_powers"] = self.current + self.retired

    def _list_vars(self, current: list[Power], retired: list[Power], facet: Facet | None) -> dict[str, Any]:
        title = "权责清单" if facet is None else f"权责清单：{facet.label} {facet.value}"
        return {
            "active": "powers",
            "column": column("权责清单"),
            "title": title,
            "facet": facet,
            "facets": self.facets,
            "current": current,
            "retired": retired,
            "office_names": self.office_names,
        }

    def generate_output(self, writer: SiteWriter) -> None:
        writer.write_page(
            "powers.html", "powers/index.html", self._list_vars(self.current, self.retired, None)
        )
        pages = []
        for kind_facets in self.facets.values():
            for facet in kind_facets:
                current = [p for p in self.current if matches(p, facet)]
                retired = [p for p in self.retired if matches(p, facet)]
                pages.append((facet.url.lstrip("/") + "index.html", self._list_vars(current, retired, facet)))
        writer.write_many("powers.html", pages)
        writer.write_many("power.html", (self._item(p) for p in self.current + self.retired))
        self.count("powers", len(self.current) + len(self.retired))
        self.count("powers_filter_pages", len(pages))

    def _item(self, power: Power) -> tuple[str, dict[str, Any]]:
        return (
            f"powers/{power.code}/index.html",
            {
                "active": "powers",
                "column": column("权责清单"),
                "power": power,
                "office": self.offices.get(power.office),
                "flowchart": self.flowcharts.get(power.flowchart),
                "guide_html": render_markdown(power.guide),
                "discretion_rows": [(row.circumstance, row.range) for row in power.discretion],
                "type_slug": power_type_slug(power.type),
                "domain_slug": domain_slug(power.domain),
            },
        )
