"""Offices: ``/offices/`` (the organisation as a tree) and ``/offices/<id>/``.

An office page shows its contact, streets, parent and sub-offices and its power items. Two
hook blocks belong to other sections: ``decision_office_block.html`` (recent decisions) and
``compliance_office_block.html`` (complaint figures); each gets ``extras`` =
``BuildState.office(id)`` (an ``OfficeExtras``).
"""

from __future__ import annotations

from sunlight.content.model import Office

from sunlight_site.render.context import column
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

KIND_NAMES = {
    "bureau": "局机关",
    "division": "内设机构",
    "brigade": "执法大队",
    "squad": "执法中队",
    "street": "街镇执法队",
    "external": "外部监督机构",
}
ROLE_NAMES = {
    "supervision": "执法监督",
    "legal_review": "法制审核",
    "complaints_intake": "投诉受理",
    "enforcement": "行政执法",
}


def tree(offices: list[Office]) -> list[tuple[int, Office]]:
    """(depth, office) in depth-first order, roots first; orphans (unknown parent) are roots."""
    ids = {o.id for o in offices}
    children: dict[str | None, list[Office]] = {}
    for o in offices:
        children.setdefault(o.parent if o.parent in ids else None, []).append(o)
    out: list[tuple[int, Office]] = []
    seen: set[str] = set()

    def walk(parent: str | None, depth: int) -> None:
        for child in children.get(parent, []):
            if child.id not in seen:  # a cycle is cut here; validation reports it
                seen.add(child.id)
                out.append((depth, child))
                walk(child.id, depth + 1)

    walk(None, 0)
    return out


class OfficesGenerator(SectionGenerator):
    def generate_context(self) -> None:
        self.offices = list(self.content.offices)
        self.by_id = {o.id: o for o in self.offices}
        self.tree = tree(self.offices)
        self.powers_of: dict[str, list] = {o.id: [] for o in self.offices}
        for power in sorted(self.content.powers, key=lambda p: p.code):
            self.powers_of.setdefault(power.office, []).append(power)
        self.people_of: dict[str, int] = {}
        for person in self.content.personnel:
            if person.status == "active":
                self.people_of[person.office] = self.people_of.get(person.office, 0) + 1

    def generate_output(self, writer: SiteWriter) -> None:
        shared = {
            "active": "offices",
            "column": column("执法机构"),
            "kind_names": KIND_NAMES,
            "role_names": ROLE_NAMES,
        }
        writer.write_page(
            "offices.html", "offices/index.html", {"tree": self.tree, "powers_of": self.powers_of}, shared
        )
        writer.write_many(
            "office.html",
            (
                (
                    f"offices/{o.id}/index.html",
                    {
                        "office": o,
                        "parent": self.by_id.get(o.parent or ""),
                        "children": [c for c in self.offices if c.parent == o.id],
                        "powers": [p for p in self.powers_of.get(o.id, []) if p.status != "retired"],
                        "people": self.people_of.get(o.id, 0),
                        "extras": self.state.office(o.id),
                    },
                )
                for o in self.offices
            ),
            shared,
        )
        self.count("offices", len(self.offices))
