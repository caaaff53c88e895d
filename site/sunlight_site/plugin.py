"""The Pelican plugin: connects the section generators and the writer.

``register()`` connects Pelican's ``get_generators`` and ``get_writer`` signals. Both do nothing
unless the build put its state in the setting ``SUNLIGHT_STATE`` (``sunlight_site.build`` does),
so the plugin is inert in a foreign Pelican project.

The generators are the classes of ``GENERATORS``, in that order: a new section (a module of
``sunlight_site.sections``) is added by adding its class to the list; a test fails for a section
class that is not listed. Every ``generate_context()`` runs before any ``generate_output()``, so a
section can add to another section's pages through ``BuildState`` (``home``, ``offices``...).
The search index comes last: it reads the pages written before it.
"""

from __future__ import annotations

from typing import Any

from pelican.plugins import signals

from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.assets import AssetsGenerator
from sunlight_site.sections.base import SectionGenerator
from sunlight_site.sections.case_reviews import CaseReviewsGenerator
from sunlight_site.sections.compliance import ComplianceGenerator
from sunlight_site.sections.credit import CreditExportGenerator
from sunlight_site.sections.decision_feeds import DecisionFeedsGenerator
from sunlight_site.sections.decision_pages import DecisionsGenerator
from sunlight_site.sections.fines import FinesGenerator
from sunlight_site.sections.flowcharts import FlowchartsGenerator
from sunlight_site.sections.forms import FormsGenerator
from sunlight_site.sections.home import HomeGenerator
from sunlight_site.sections.notice_feeds import FeedsGenerator
from sunlight_site.sections.offices import OfficesGenerator
from sunlight_site.sections.opendata import OpenDataGenerator
from sunlight_site.sections.powers import PowersGenerator
from sunlight_site.sections.search import SearchGenerator
from sunlight_site.sections.standing_disclosures import StandingDisclosuresGenerator
from sunlight_site.sections.stats import StatsGenerator

GENERATORS: tuple[type[SectionGenerator], ...] = (
    AssetsGenerator,
    HomeGenerator,
    PowersGenerator,
    FlowchartsGenerator,
    OfficesGenerator,
    StandingDisclosuresGenerator,
    StatsGenerator,
    FeedsGenerator,
    DecisionsGenerator,
    DecisionFeedsGenerator,
    ComplianceGenerator,
    FinesGenerator,
    FormsGenerator,
    CreditExportGenerator,  # after DecisionsGenerator (reads BuildState.publication), before OpenData (/data/)
    OpenDataGenerator,
    CaseReviewsGenerator,  # after the decisions section: links only decisions public in this build
    SearchGenerator,  # last: indexes the pages written before it
)


def _enabled(pelican: Any) -> bool:
    return pelican.settings.get("SUNLIGHT_STATE") is not None


def get_generators(pelican: Any) -> list[type]:
    return list(GENERATORS) if _enabled(pelican) else []


def get_writer(pelican: Any) -> type | None:
    return SiteWriter if _enabled(pelican) else None


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
