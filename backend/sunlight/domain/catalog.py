"""The typed catalog the backend works from: offices, categories, routing rules, settings.

``sunlight.service.catalog`` reads ``data/catalog.json`` into these records; the domain rules
(routing, deadlines, validation) only ever see them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.case_review import DEFAULT_CHECKLIST, DEFAULT_SAMPLE_PER_OFFICE, CaseFile, ChecklistItem
from sunlight.domain.identifiers import normalise_identifier
from sunlight.domain.inspections import Inspector

SUPERVISION = "supervision"
EXTERNAL = "external"  # an office outside the agency's tree (e.g. the district 司法局's 行政执法监督)


@dataclass(frozen=True)
class OfficeInfo:
    id: str
    name: str
    kind: str = ""
    parent: str | None = None
    streets: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    email: str = ""
    webhook: str = ""
    phone: str = ""

    @property
    def is_external(self) -> bool:
        return self.kind == EXTERNAL


@dataclass(frozen=True)
class Category:
    """A complaint (or feedback) category with its timers in working days."""

    id: str
    name: str
    accept_days: int = 3
    respond_days: int = 15
    remind_before_days: int = 3


@dataclass(frozen=True)
class RoutingRule:
    """``match`` keys: category, power_code, office (the office complained about), street."""

    match: tuple[tuple[str, str], ...]
    handler: str

    def matches(self, facts: dict[str, str]) -> bool:
        return all(facts.get(key, "") == value for key, value in self.match)


@dataclass(frozen=True)
class Settings:
    extension_max_days: int = 15
    escalate_after_overdue_days: int = 5
    review_window_days: int = 30  # calendar days after the response
    review_respond_days: int = 15
    designated_supervision: str | None = None


@dataclass
class Catalog:
    agency_name: str = ""
    site_url: str = ""
    offices: dict[str, OfficeInfo] = field(default_factory=dict)
    streets: frozenset[str] = frozenset()
    powers: dict[str, str] = field(default_factory=dict)  # power code -> handling office id
    categories: dict[str, Category] = field(default_factory=dict)
    feedback_categories: dict[str, Category] = field(default_factory=dict)
    routing: tuple[RoutingRule, ...] = ()
    settings: Settings = field(default_factory=Settings)
    decisions: frozenset[str] = frozenset()
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    decision_doc_nos: dict[str, str] = field(default_factory=dict)  # record id -> 决定文书号

    # 涉企检查码 (docs/inspections.md): 执法人员 by 执法证号, 双随机 plan ids, supervision.yaml values
    personnel: dict[str, Inspector] = field(default_factory=dict)
    inspection_plans: frozenset[str] = frozenset()
    inspection_window_days: int = 3
    repeat_window_days: int = 30
    repeat_max_offices: int = 1
    repeat_max_per_year: int = 2

    # 案卷评查 (docs/supervision.md): supervision.yaml values, every decision record (backend copy)
    case_review_sample_per_office: int = DEFAULT_SAMPLE_PER_OFFICE
    case_review_checklist: tuple[ChecklistItem, ...] = DEFAULT_CHECKLIST
    case_files: tuple[CaseFile, ...] = ()

    @cached_property
    def _decision_keys(self) -> dict[str, str]:
        keys = {normalise_identifier(i): i for i in sorted(self.decisions)}
        for record, doc_no in sorted(self.decision_doc_nos.items()):
            if record in self.decisions:
                keys.setdefault(normalise_identifier(doc_no), record)
        keys.pop("", None)
        return keys

    def decision_named(self, text: str) -> str | None:
        """The record id of the public decision ``text`` names: its record id, or its 文书号 written
        with any brackets, widths or leading zeros (``normalise_identifier``); None when none."""
        if text in self.decisions:
            return text
        return self._decision_keys.get(normalise_identifier(text))

    def office(self, office_id: str) -> OfficeInfo | None:
        return self.offices.get(office_id)

    def ancestors(self, office_id: str) -> Iterator[OfficeInfo]:
        """The office's parent, grandparent, ... up to the root (cycles are cut)."""
        seen = {office_id}
        current = self.offices.get(office_id)
        while current is not None and current.parent and current.parent not in seen:
            seen.add(current.parent)
            current = self.offices.get(current.parent)
            if current is not None:
                yield current

    def is_within(self, office_id: str, ancestor_id: str) -> bool:
        """True when ``office_id`` is ``ancestor_id`` or lies below it."""
        return office_id == ancestor_id or any(a.id == ancestor_id for a in self.ancestors(office_id))

    def in_conflict(self, office_id: str, about: str) -> bool:
        """True when ``office_id`` may not handle or see a complaint about ``about``: it is ``about``, or
        lies below it. A complaint about the top of the tree (the bureau as a whole) excludes only the
        bureau itself, so its own supervision office can take it."""
        if not about or not office_id:
            return False
        if office_id == about:
            return True
        top = self.offices.get(about)
        if top is None or not top.parent:
            return False
        return self.is_within(office_id, about)

    def bureau(self) -> OfficeInfo | None:
        """The top of the tree: the office of kind ``bureau``, else the first office without a parent."""
        for office in self.offices.values():
            if office.kind == "bureau":
                return office
        for office in self.offices.values():
            if not office.parent and not office.is_external:
                return office
        return None

    def supervision_offices(self) -> list[OfficeInfo]:
        """The agency's own offices with the ``supervision`` role (external ones not included)."""
        return [o for o in self.offices.values() if SUPERVISION in o.roles and not o.is_external]

    def external_offices(self) -> list[OfficeInfo]:
        """Supervisors outside the agency (kind ``external``, role ``supervision``)."""
        return [o for o in self.offices.values() if o.is_external and SUPERVISION in o.roles]

    def is_external(self, office_id: str) -> bool:
        office = self.offices.get(office_id)
        return office is not None and office.is_external
