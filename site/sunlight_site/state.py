"""What one build shares between its stages: the loaded content, the build date, the report.

``build_site`` makes one ``BuildState`` and hands it to Pelican in the setting ``SUNLIGHT_STATE``;
every generator reads it from there. Sections add to each other's pages through typed fields (see
docs/site.md, "Hooks"): e.g. the decisions section puts an office's recent decisions in
``state.office(id).recent_decisions`` in its ``generate_context()``, and the office page (rendered
later, in ``generate_output()``) includes ``decision_office_block.html`` with it. The records have
slots, so a misspelt field is an ``AttributeError`` (and a type checker's error), never an empty hook.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sunlight.content.model import Content, Flowchart
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.case_review import Review
from sunlight.domain.problems import Problem
from sunlight.domain.publication_results import PublicationResult

from sunlight_site.render.flowchart_svg import sound


def plain_value(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses as dicts, dates as ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain_value(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


if TYPE_CHECKING:
    from sunlight.domain.withdrawals import LateWithdrawal

    from sunlight_site.data.tables import Dataset
    from sunlight_site.decisions.pages import Group
    from sunlight_site.decisions.timeliness import ComplianceRow
    from sunlight_site.decisions.views import DecisionView
    from sunlight_site.render.writer import SiteWriter
    from sunlight_site.sections.fines import FineWarningView


@dataclass(slots=True)
class HomeExtras:
    """What other sections show on the home page."""

    latest_decisions: list[DecisionView] = field(default_factory=list)  # decision_home_block.html


@dataclass(slots=True)
class OfficeExtras:
    """What other sections show on one office's page (``/offices/<id>/``)."""

    recent_decisions: list[DecisionView] = field(default_factory=list)  # decision_office_block.html
    timeliness: ComplianceRow | None = None  # compliance_office_block.html
    complaints: dict[str, Any] | None = None  # its row of the complaint figures, when given


@dataclass(slots=True)
class DecisionsShared:
    """What the decisions section leaves for the feeds, compliance and search sections."""

    views: list[DecisionView] = field(default_factory=list)  # the public decisions
    groups: list[Group] = field(default_factory=list)  # the browse lists (all, by office, domain...)
    late_withdrawals: list[LateWithdrawal] = field(default_factory=list)
    lookup_digits: int = 1  # the identifier lookup's shard prefix length


@dataclass
class BuildReport:
    """The content of ``OUT/build-report.json``."""

    today: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    held_back: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    late_decisions: list[dict[str, Any]] = field(default_factory=list)
    late_withdrawals: list[dict[str, Any]] = field(default_factory=list)

    def warn(self, zh: str, en: str, **where: Any) -> None:
        self.warnings.append(Problem(zh, en, severity="warning", **where).to_dict())

    def add_problem(self, problem: Problem) -> None:
        (self.errors if problem.severity == "error" else self.warnings).append(problem.to_dict())

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today,
            "counts": dict(sorted(self.counts.items())),
            "held_back": self.held_back,
            "late_decisions": self.late_decisions,
            "late_withdrawals": self.late_withdrawals,
            "errors": self.errors,
            "warnings": self.warnings,
        }


@dataclass(slots=True)
class BuildState:
    content: Content
    today: dt.date
    out_dir: Path
    calendar: WorkingCalendar
    report: BuildReport = field(default_factory=BuildReport)
    search: bool = True
    publication: PublicationResult | None = None  # set by the decisions section
    site: dict[str, Any] = field(default_factory=dict)  # the "site" template global (see context.py)
    home: HomeExtras = field(default_factory=HomeExtras)
    offices: dict[str, OfficeExtras] = field(default_factory=dict)  # by office id; see ``office()``
    decisions: DecisionsShared = field(default_factory=DecisionsShared)  # set by the decisions section
    # `--stats-from` rows by office (None: no snapshot given): complaint and inspection-code figures
    complaint_stats: list[dict[str, Any]] | None = None
    inspection_stats: list[dict[str, Any]] | None = None
    fine_warning: FineWarningView | None = None  # the 逐利执法 section of /compliance/ (sections/fines.py)
    # `--reviews-from`: the finished 案卷评查, for /supervision/ (sections/case_reviews.py)
    case_reviews: list[Review] = field(default_factory=list)
    datasets: list[Dataset] = field(default_factory=list)  # other sections' downloads listed on /data/
    writer: SiteWriter | None = None
    error_files: set[str] = field(default_factory=set)  # content files with at least one error
    background: list[Any] = field(default_factory=list)  # page streams still writing (``wait()``)
    search_known: dict[str, str] = field(default_factory=dict)  # see search_index.take_known_pages

    def wait_background(self) -> None:
        """Wait for every page stream still writing; the first failure is raised after all ended."""
        failure: BaseException | None = None
        while self.background:
            try:
                self.background.pop().wait()
            except BaseException as exc:  # noqa: BLE001 - raised below, once every stream ended
                failure = failure or exc
        if failure is not None:
            raise failure

    def record_publication(self, result: PublicationResult) -> None:
        """Keep the publication result and put its held-back, late and counted records in the report."""
        self.publication = result
        self.report.held_back.extend(problem.to_dict() for problem in result.held)
        self.report.late_decisions.extend(plain_value(late) for late in result.late)
        for problem in result.warnings:  # the calendar fallback is reported by the build itself
            if problem.file != "calendar.yaml":
                self.report.add_problem(problem)
        self.report.counts["decisions_public"] = len(result.public)
        self.report.counts["decisions_withdrawn"] = len(result.withdrawn)
        self.report.counts["decisions_omitted"] = len(result.omitted)

    def record_late_withdrawals(self, late: list[Any], unknown: int) -> None:
        """Withdrawals later than the limit (``sunlight.domain.withdrawals``), and how many
        withdrawn records have no known takedown date."""
        self.report.late_withdrawals.extend(plain_value(item) for item in late)
        self.report.counts["decisions_withdrawn_date_unknown"] = unknown

    def flowcharts(self) -> list[Flowchart]:
        """The flowcharts fit to publish: their file has no error and the graph is sound."""
        return [c for c in self.content.flowcharts if c.source not in self.error_files and sound(c)]

    def office(self, office_id: str) -> OfficeExtras:
        """What other sections add to the page of office ``office_id`` (one record per office)."""
        extras = self.offices.get(office_id)
        if extras is None:
            extras = self.offices[office_id] = OfficeExtras()
        return extras

    def counts_for_data(self) -> dict[str, int]:
        """Record counts of datasets other stages produce (``decisions``: the public ones)."""
        return {"decisions": self.report.counts.get("decisions_public", 0)}

    def public_decision_doc_nos(self) -> dict[str, str]:
        """Record id -> 决定文书号 of the public decisions (for the backend's catalog)."""
        result = self.publication
        if result is None:
            return {}
        return {str(d.id): str(d.doc_no) for d in getattr(result, "public", [])}

    def public_decision_ids(self) -> list[str]:
        result = self.publication
        if result is None:
            return []
        return sorted(str(getattr(d, "id", "")) for d in getattr(result, "public", []))
