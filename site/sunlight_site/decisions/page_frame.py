"""Fast rendering of many pages of one template: the page frame once, only the blocks per page.

A page template extends ``base.html`` and fills its blocks (title, meta, head, breadcrumbs,
content). Everything of ``base.html`` outside the blocks (header, navigation, footer) depends
only on what every page of the kind shares, so ``FramedTemplate`` renders it once, with a
marker where each block goes, and per page renders only the blocks with Jinja2's own compiled
block functions and joins them into the frame. The bytes are those of a full render of the
same template (a test checks this); what changes is that 100,000 pages do not each re-render
the header and footer.

Limits, checked when the frame is made: one level of inheritance (the page template extends
the base directly), no ``super()`` in the page's blocks, and names the blocks use from
top-level imports must be given as shared variables (e.g. ``m`` for ``macros.html``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from jinja2 import Environment, Template

_MARK = "\x00sunlight-block:{}\x00"


class FramedTemplate:
    def __init__(
        self, env: Environment, name: str, shared: Mapping[str, Any], base: str = "base.html"
    ) -> None:
        self.env = env
        self.template: Template = env.get_template(name)
        parent: Template = env.get_template(base)
        self.blocks = {**parent.blocks, **self.template.blocks}
        # One flat dict of what every page shares (globals under the shared variables); each page
        # gets a copy with its own variables on top: a dict lookup per name, not a ChainMap walk.
        self.shared: dict[str, Any] = {**self.template.globals, **shared}
        ctx = parent.new_context(self.shared, shared=True)
        ctx.blocks = {n: [lambda _c, n=n: iter((_MARK.format(n),))] for n in parent.blocks}  # type: ignore[misc]
        frame = env.concat(parent.root_render_func(ctx))  # type: ignore[attr-defined]
        self.parts: list[tuple[str, str | None]] = []
        rest = frame
        while True:
            start = rest.find("\x00sunlight-block:")
            if start < 0:
                self.parts.append((rest, None))
                break
            end = rest.index("\x00", start + 1)
            self.parts.append((rest[:start], rest[start + len("\x00sunlight-block:") : end]))
            rest = rest[end + 1 :]

    def render(self, variables: Mapping[str, Any]) -> str:
        ctx = self.template.new_context({**self.shared, **variables}, shared=True)
        concat = self.env.concat
        out: list[str] = []
        for text, block in self.parts:
            out.append(text)
            if block is not None:
                out.append(concat(self.blocks[block](ctx)))  # type: ignore[arg-type]
        return "".join(out)

    def render_many(self, items: Iterable[tuple[str, Mapping[str, Any]]]) -> Iterator[tuple[str, bytes]]:
        """(path, UTF-8 bytes) of each page: the frame's text is encoded once, only blocks per page."""
        parts = [(text.encode("utf-8"), block and self.blocks[block]) for text, block in self.parts]
        new_context, shared, concat = self.template.new_context, self.shared, self.env.concat
        for path, variables in items:
            try:
                ctx = new_context({**shared, **variables}, shared=True)
                out: list[bytes] = []
                for text, block in parts:
                    out.append(text)
                    if block:
                        out.append(concat(block(ctx)).encode("utf-8"))  # type: ignore[arg-type]
                yield path, b"".join(out)
            except Exception:
                self.env.handle_exception()
                raise
