"""The base of the section generators: access to the build state and the writer's helpers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pelican.generators import Generator
from sunlight.content.model import Content

from sunlight_site.render.writer import SiteWriter
from sunlight_site.state import BuildState


class SectionGenerator(Generator):
    """A generator of one section. ``generate_context()`` only prepares data (and may add to other
    pages' hooks on ``BuildState``); ``generate_output(writer)`` only writes, through the writer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.state: BuildState = self.settings["SUNLIGHT_STATE"]

    @property
    def content(self) -> Content:
        return self.state.content

    @property
    def today(self) -> dt.date:
        return self.state.today

    def count(self, key: str, value: int) -> None:
        self.state.report.counts[key] = self.state.report.counts.get(key, 0) + value

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: SiteWriter) -> None:
        pass
