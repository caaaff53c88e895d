"""The plugin runs the section generators of one explicit list (``sunlight_site.plugin.GENERATORS``)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from sunlight_site import plugin, sections
from sunlight_site.sections.base import SectionGenerator


def section_classes() -> set[type]:
    """Every generator class defined in a module of ``sunlight_site.sections``."""
    found: set[type] = set()
    for info in pkgutil.iter_modules(sections.__path__):
        module = importlib.import_module(f"{sections.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                cls.__module__ == module.__name__
                and issubclass(cls, SectionGenerator)
                and cls is not SectionGenerator
            ):
                found.add(cls)
    return found


def test_every_section_generator_is_listed_once() -> None:
    listed = list(plugin.GENERATORS)
    assert len(listed) == len(set(listed))
    assert set(listed) == section_classes()


def test_the_order_starts_with_the_assets_and_ends_with_the_search_index() -> None:
    names = [cls.__name__ for cls in plugin.GENERATORS]
    assert names[0] == "AssetsGenerator"
    # the search index reads the pages written before it
    assert names[-1] == "SearchGenerator"
    # the decisions section fills the other sections' hooks before their pages are written, and its
    # views feed the decision feeds and the compliance figures
    assert names.index("DecisionsGenerator") < names.index("DecisionFeedsGenerator")
    assert names.index("DecisionsGenerator") < names.index("ComplianceGenerator")
