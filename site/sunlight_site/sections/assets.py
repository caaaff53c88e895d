"""The theme's static files (CSS, scripts) copied to ``/theme/`` through the writer."""

from __future__ import annotations

import os
from pathlib import Path

from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator


class AssetsGenerator(SectionGenerator):
    def generate_context(self) -> None:
        root = Path(self.theme) / "static"
        self.files = sorted(
            Path(dirpath, name).relative_to(root).as_posix()
            for dirpath, _, names in os.walk(root)
            for name in names
            if not name.startswith(".")
        )
        self.root = root

    def generate_output(self, writer: SiteWriter) -> None:
        for rel in self.files:
            writer.write_bytes(f"theme/{rel}", (self.root / rel).read_bytes())
        self.count("assets", len(self.files))
