"""The standing disclosures: ``/personnel/``, ``/exemptions/``, ``/inspections/``, ``/points/``,
``/legal-review/`` (one page each, tables with their open-data downloads)."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from sunlight_site.render.context import column
from sunlight_site.render.svg_charts import point_map
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

EXEMPTION_LISTS = (
    ("no_penalty", "不予处罚事项清单"),
    ("lighter", "从轻处罚事项清单"),
    ("mitigated", "减轻处罚事项清单"),
    ("no_coercion", "不予实施行政强制措施清单"),
)
PERSON_STATUS = {"active": "在岗", "revoked": "已注销"}
POINT_STATUS = {"active": "启用", "retired": "停用"}


class StandingDisclosuresGenerator(SectionGenerator):
    def generate_context(self) -> None:
        c = self.content
        self.office_names = {o.id: o.name for o in c.offices}
        people: dict[str, list] = defaultdict(list)
        for person in sorted(c.personnel, key=lambda p: (p.office, p.cert_no)):
            people[person.office].append(person)
        self.people = [(o.id, o.name, people[o.id]) for o in c.offices if people.get(o.id)]
        self.people += [(oid, oid, ps) for oid, ps in people.items() if oid not in self.office_names]
        self.exemptions = [
            (key, title, [e for e in c.exemptions if e.list == key]) for key, title in EXEMPTION_LISTS
        ]
        results: dict[str, list] = defaultdict(list)
        for r in sorted(c.inspection_results, key=lambda r: (r.checked_on or self.today, r.object_name)):
            results[r.plan].append(r)
        self.plans = [(plan, results.get(plan.id, [])) for plan in c.inspection_plans]
        self.points = sorted(c.points, key=lambda p: p.id)

    def generate_output(self, writer: SiteWriter) -> None:
        shared = {"office_names": self.office_names}
        pages = [
            (
                "personnel.html",
                "personnel",
                "执法人员",
                {"groups": self.people, "status_names": PERSON_STATUS},
            ),
            ("exemptions.html", "exemptions", "免罚轻罚清单", {"lists": self.exemptions}),
            ("inspections.html", "inspections", "双随机、一公开", {"plans": self.plans}),
            (
                "points.html",
                "points",
                "非现场执法点位",
                {
                    "points": self.points,
                    "status_names": POINT_STATUS,
                    "map_svg": Markup(point_map(self.points)),
                },
            ),
            (
                "legal_review.html",
                "legal-review",
                "重大执法决定法制审核目录",
                {"items": self.content.legal_review},
            ),
        ]
        for template, key, name, variables in pages:
            writer.write_page(
                template,
                f"{key}/index.html",
                {"active": key, "column": column(name), "title": name, **variables},
                shared,
            )
        counts = {
            "personnel": len(self.content.personnel),
            "exemptions": len(self.content.exemptions),
            "inspection_plans": len(self.content.inspection_plans),
            "inspection_results": len(self.content.inspection_results),
            "points": len(self.points),
            "legal_review": len(self.content.legal_review),
        }
        for key, value in counts.items():
            self.count(key, value)
