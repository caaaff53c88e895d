"""The Pelican plugin: connects the section generators and the writer.

``register()`` connects Pelican's ``get_generators`` and ``get_writer`` signals. Both do nothing
unless the build put its state in the setting ``SUNLIGHT_STATE`` (``sunlight_site.build`` does),
so the plugin is inert in a foreign Pelican project.

Generators come from the modules of ``sunlight_site.generators``: each exposes ``GENERATORS``.
They run in ``ORDER`` (modules not listed follow, by name; ``LAST`` come at the very end, e.g.
the search index, which reads the pages written before it). Every ``generate_context()`` runs
before any ``generate_output()``, so a section can add to another section's pages through
``BuildState.extras``.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from pelican.plugins import signals

from sunlight_site import generators as generators_package
from sunlight_site.writer import SiteWriter

ORDER = (
    "assets",
    "home",
    "powers",
    "flowcharts",
    "offices",
    "standing_disclosures",
    "stats",
    "notices",
    "feeds",
    "decisions",
    "decision_feeds",
    "compliance",
    "fines",
    "forms",
    "opendata",
)
LAST = ("search",)


def generator_modules() -> list[str]:
    present = sorted(m.name for m in pkgutil.iter_modules(generators_package.__path__))
    known = [m for m in ORDER if m in present]
    rest = [m for m in present if m not in ORDER and m not in LAST]
    last = [m for m in LAST if m in present]
    return known + rest + last


def generator_classes() -> list[type]:
    classes: list[type] = []
    for name in generator_modules():
        module = importlib.import_module(f"{generators_package.__name__}.{name}")
        classes.extend(getattr(module, "GENERATORS", ()))
    return classes


def _enabled(pelican: Any) -> bool:
    return pelican.settings.get("SUNLIGHT_STATE") is not None


def get_generators(pelican: Any) -> list[type]:
    return generator_classes() if _enabled(pelican) else []


def get_writer(pelican: Any) -> type | None:
    return SiteWriter if _enabled(pelican) else None


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
