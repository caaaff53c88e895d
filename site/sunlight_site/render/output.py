"""Writing the site's files: one write primitive, unchanged-file skipping, bulk rendering, a manifest.

* ``write_bytes(path, data)`` is the one write primitive. It compares the new bytes with the file
  already there and leaves an identical file untouched (same inode, same mtime), so an incremental
  rebuild rewrites only what changed; a changed file is written beside and renamed into place (a
  file in a directory made in this build is written in place: nothing can be reading it yet).
  Every path written in a build goes into the manifest.
* ``write_many(template_name, items, context)`` renders one compiled Jinja2 template for many pages.
  Each page's variables are looked up in a ``ChainMap(page_vars, context, globals)``: no per-page
  copy of the shared context, so 100,000 pages cost what their own small dicts cost.
* ``finish()`` writes the manifest (``.sunlight-manifest``: the sorted relative paths) and deletes the
  files that the previous build wrote and this one did not, so a rebuild's output equals a full
  build's. Files the site never wrote (e.g. a search index written by its own tool) are left alone.

This module does not import Pelican: ``sunlight_site.render.writer.SiteWriter`` adds what Pelican's own
generators need, and tools that write decision pages without Pelican use ``OutputWriter``.
"""

from __future__ import annotations

import os
from collections import ChainMap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, Template
from sunlight.sitefiles import MANIFEST_NAME, PARTIAL_SUFFIX

from sunlight_site.render.templating import theme_environment


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    deleted: int = 0


class AlreadyWritten(Exception):
    """A path written twice in one build."""


def _inside(root: str, rel: str) -> str:
    """``root/rel``, refusing a path that leaves ``root`` (a manifest line such as ``../x``)."""
    base = os.path.abspath(root)
    target = os.path.abspath(os.path.join(base, rel))
    if os.path.commonpath([base, target]) != base:
        raise ValueError(f"{rel} is outside the output directory")
    return target


def _holds(path: str, data: bytes) -> bool:
    """Whether the file at ``path`` exists and holds exactly ``data``."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        return False
    try:
        if os.fstat(fd).st_size != len(data):
            return False
        with open(fd, "rb", closefd=False) as fh:
            return fh.read() == data
    finally:
        os.close(fd)


def _make_dir(directory: str) -> bool:
    """Make ``directory`` (and its parents); True when it did not exist before."""
    try:
        os.mkdir(directory)
    except FileExistsError:
        return False
    except FileNotFoundError:
        os.makedirs(directory, exist_ok=True)
    return True


class OutputWriter:
    """Writes the site's files under ``output_path`` (see the module docstring)."""

    already_written: type[Exception] = AlreadyWritten

    def __init__(self, output_path: str, settings: Mapping[str, Any] | None = None) -> None:
        self.output_path = output_path
        self.settings: Mapping[str, Any] = settings or {}
        self.root = Path(output_path)
        self.manifest: set[str] = set()
        self.stats = WriteStats()
        self.written: set[str] = set()  # the paths (re)written in this build, not left unchanged
        self._dirs: set[str] = set()
        self._env: Environment | None = None
        state = (settings or {}).get("SUNLIGHT_STATE")
        if state is not None:
            state.writer = self

    # -- the write primitive -------------------------------------------------------------------
    def write_bytes(self, rel_path: str, data: bytes, override: bool = False) -> bool:
        """Write ``data`` at ``rel_path`` (relative to the output root) unless the file already holds it.

        Returns True when the file was (re)written. Writing the same path twice in one build is an
        error unless ``override`` is set.
        """
        rel = rel_path.lstrip("/")
        if rel in self.manifest and not override:
            raise self.already_written(f"{rel} was already written in this build")
        self.manifest.add(rel)
        path = os.path.join(self.output_path, rel)
        directory = os.path.dirname(path)
        new_dir = False
        if directory not in self._dirs:
            new_dir = _make_dir(directory)
            self._dirs.add(directory)
        if not new_dir and _holds(path, data):  # a directory made just now holds nothing yet
            self.stats.unchanged += 1
            return False
        # Write beside and rename: a server reading the output during a rebuild never sees half a
        # file. A directory made just now holds no file anyone could be reading: write in place.
        # (os-level calls: this runs once per page, 100,000 times on a city's site.)
        partial = path if new_dir else path + PARTIAL_SUFFIX
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        if not new_dir:
            os.replace(partial, path)
        self.stats.written += 1
        self.written.add(rel)
        return True

    def keep(self, rel_path: str) -> None:
        """Keep the file of the previous build at ``rel_path`` as it is (the caller knows it is
        current): it joins this build's manifest without being read or written."""
        rel = rel_path.lstrip("/")
        if rel in self.manifest:
            raise self.already_written(f"{rel} was already written in this build")
        self.manifest.add(rel)
        self.stats.unchanged += 1

    def absorb(self, other: OutputWriter) -> None:
        """Add what ``other`` wrote over the same output directory in this build (its manifest,
        rewritten paths and counts); a path both wrote is an error."""
        clash = self.manifest & other.manifest
        if clash:
            raise self.already_written(f"{min(clash)} was already written in this build")
        self.manifest |= other.manifest
        self.written |= other.written
        self.stats.written += other.stats.written
        self.stats.unchanged += other.stats.unchanged

    def write_text(self, rel_path: str, text: str, override: bool = False) -> bool:
        return self.write_bytes(rel_path, text.encode("utf-8"), override=override)

    # -- rendering -----------------------------------------------------------------------------
    @property
    def env(self) -> Environment:
        if self._env is None:
            self._env = theme_environment(self.settings)
        return self._env

    def template(self, name: str) -> Template:
        return self.env.get_template(name if name.endswith(".html") or "." in name else name + ".html")

    def render(
        self, template: str | Template, variables: Mapping[str, Any], context: Mapping[str, Any] | None = None
    ) -> str:
        tmpl = self.template(template) if isinstance(template, str) else template
        chain = ChainMap(variables, context or {}, tmpl.globals)  # type: ignore[arg-type]
        try:
            return self.env.concat(tmpl.root_render_func(tmpl.new_context(chain, shared=True)))  # type: ignore[attr-defined]
        except Exception:
            self.env.handle_exception()  # re-raises with the template's own line numbers
            raise

    def write_page(
        self,
        template: str | Template,
        rel_path: str,
        variables: Mapping[str, Any],
        context: Mapping[str, Any] | None = None,
    ) -> bool:
        return self.write_text(rel_path, self.render(template, variables, context))

    def write_many(
        self,
        template: str | Template,
        items: Iterable[tuple[str, Mapping[str, Any]]],
        context: Mapping[str, Any] | None = None,
    ) -> int:
        """Render one template for each ``(relative_path, page_variables)``; returns the count written.

        ``context`` is shared by every page (read-only); page variables win over it.
        """
        tmpl = self.template(template) if isinstance(template, str) else template
        shared = ChainMap(dict(context or {}), tmpl.globals)  # type: ignore[arg-type]
        render = tmpl.root_render_func  # type: ignore[attr-defined]
        concat = self.env.concat
        count = 0
        for rel_path, variables in items:
            try:
                text = concat(render(tmpl.new_context(shared.new_child(variables), shared=True)))  # type: ignore[arg-type]
            except Exception:
                self.env.handle_exception()  # re-raises with the template's own line numbers
                raise
            self.write_bytes(rel_path, text.encode("utf-8"))
            count += 1
        return count

    # -- end of build ----------------------------------------------------------------------------
    def finish(self) -> list[str]:
        """Write the manifest and delete what the previous build wrote and this one did not."""
        manifest_path = self.root / MANIFEST_NAME
        previous: set[str] = set()
        if manifest_path.exists():
            previous = {line for line in manifest_path.read_text("utf-8").splitlines() if line}
        stale = sorted(previous - self.manifest)
        for rel in stale:
            target = Path(_inside(self.output_path, rel))
            if target.is_file():
                target.unlink()
                self.stats.deleted += 1
                _remove_empty_parents(target.parent, self.root)
        text = "".join(f"{p}\n" for p in sorted(self.manifest))
        if not manifest_path.exists() or manifest_path.read_text("utf-8") != text:
            manifest_path.write_text(text, "utf-8")
        return stale


def _remove_empty_parents(directory: Path, root: Path) -> None:
    while directory != root and root in directory.parents:
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent
