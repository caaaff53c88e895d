"""The site's writer for the Pelican build: ``OutputWriter`` (see ``sunlight_site.render.output``) as a
Pelican ``Writer``.

Pelican's own output (articles, pages, its feeds) goes through ``_open_w``, which is redirected to
``write_bytes``: the same unchanged-file skipping and manifest apply to it. A path written twice
in one build raises Pelican's ``FileOverwriteFailedError``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping
from typing import Any

from pelican.writers import FileOverwriteFailedError, Writer

from sunlight_site.render.output import MANIFEST_NAME, OutputWriter, WriteStats
from sunlight_site.render.templating import theme_environment

__all__ = ["MANIFEST_NAME", "SiteWriter", "WriteStats", "theme_environment"]


class _BufferedText(io.StringIO):
    """A text file that hands its whole content to a callback when closed."""

    def __init__(self, on_close: Callable[[str], None]) -> None:
        super().__init__()
        self._on_close = on_close

    def close(self) -> None:
        if not self.closed:
            self._on_close(self.getvalue())
        super().close()


class SiteWriter(OutputWriter, Writer):
    already_written = FileOverwriteFailedError

    def __init__(self, output_path: str, settings: Mapping[str, Any] | None = None) -> None:
        Writer.__init__(self, output_path, settings=settings)
        OutputWriter.__init__(self, output_path, settings=settings)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> io.StringIO:  # type: ignore[override]
        """Pelican's own writes (articles, pages) land here; route them through ``write_bytes``."""
        rel = os.path.relpath(filename, self.output_path).replace(os.sep, "/")
        return _BufferedText(lambda text: self.write_bytes(rel, text.encode(encoding), override=override))
