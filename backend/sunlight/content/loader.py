"""``load_content(root)``: every content file loaded, validated and cross-checked in one run.

Returns the typed :class:`~sunlight.content.model.Content` and every problem found; a
problem in one file never stops the others from being read.
"""

from __future__ import annotations

from pathlib import Path

from sunlight.content.agency import load_agency
from sunlight.content.calendar_overrides import load_calendar
from sunlight.content.complaints import load_complaints
from sunlight.content.credit_export import check_credit_codes, load_credit_export, warn_missing_agency_code
from sunlight.content.decisions import load_decisions
from sunlight.content.exemptions import load_exemptions
from sunlight.content.flowcharts import load_flowcharts
from sunlight.content.inspections import load_inspections
from sunlight.content.legal_review import load_legal_review
from sunlight.content.model import Content, Decision
from sunlight.content.offices import load_offices
from sunlight.content.pages import load_pages
from sunlight.content.personnel import load_personnel
from sunlight.content.points import load_points
from sunlight.content.powers import load_powers
from sunlight.content.references import check_references
from sunlight.content.stats import load_stats
from sunlight.content.supervision import load_supervision
from sunlight.domain.problems import Problem, Problems


def load_content(root: Path) -> tuple[Content, Problems]:
    root = Path(root)
    problems = Problems()
    content = Content(root=str(root))
    if not root.is_dir():
        problems.add(Problem("内容目录不存在", "the content directory does not exist", file=str(root)))
        return content, problems
    content.agency = load_agency(root, problems)
    content.offices = load_offices(root, problems)
    content.flowcharts = load_flowcharts(root, problems)
    content.powers = load_powers(root, problems)
    content.calendar = load_calendar(root, problems)
    content.complaints = load_complaints(root, problems)
    content.personnel = load_personnel(root, problems)
    content.supervision = load_supervision(root, problems)
    content.credit_export = load_credit_export(root, problems)
    check_credit_codes(content.agency, content.offices, problems)
    content.exemptions = load_exemptions(root, problems)
    content.inspection_plans, content.inspection_results = load_inspections(root, problems)
    content.points = load_points(root, problems)
    content.legal_review = load_legal_review(root, problems)
    content.stats = load_stats(root, problems)
    content.pages = load_pages(root, "pages", problems, dated=False)
    content.notices = load_pages(root, "notices", problems, dated=True)
    check_references(content, problems)
    content.decisions = _load_decisions(root, content, problems)
    warn_missing_agency_code(content.agency, content.decisions, problems)
    return content, problems


def _load_decisions(root: Path, content: Content, problems: Problems) -> list[Decision]:
    """The decision feed, read by ``sunlight.content.decisions``."""
    return list(load_decisions(root, content, problems))
