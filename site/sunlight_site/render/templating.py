"""The theme's Jinja2 environment, with a cheaper escape for what templates print.

With autoescaping on, Jinja2 compiles every ``{{ value }}`` to ``escape(value)`` (MarkupSafe),
which escapes the text in C and then wraps it in a ``Markup`` object in Python. A decision
page prints about fifty values, so on a 100,000-page site the wrapping alone was a fifth of
the rendering time. The wrapper is not needed there: the printed pieces are only joined into
the page (a captured block or macro body is wrapped once, as a whole, by Jinja2's own code).
``EscapingTemplate`` binds ``escape`` in each compiled template's namespace to
``output_escape``, which returns the same characters as ``str(markupsafe.escape(value))``
without the wrapper; filters and ``markupsafe.escape`` called anywhere else are unchanged.
A test renders the theme's templates both ways and compares the bytes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

import markupsafe
from jinja2 import Environment, FileSystemLoader, Template
from sunlight.domain import decision_kinds

_escape_inner: Callable[[str], str]
try:  # MarkupSafe's C (or pure-Python) core of ``escape``; present in MarkupSafe 2.1-3.x
    from markupsafe import _escape_inner  # type: ignore[attr-defined,no-redef]
except ImportError:  # pragma: no cover - a MarkupSafe without it: same result, the slower way

    def _escape_inner(s: str) -> str:
        return str(markupsafe.escape(s))


def output_escape(value: Any, /) -> str:
    """``str(markupsafe.escape(value))``, without building the ``Markup`` object."""
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return value.__html__()  # type: ignore[no-any-return]
    return _escape_inner(str(value))


class EscapingTemplate(Template):
    """A template whose printed values go through ``output_escape``."""

    @classmethod
    def from_code(
        cls,
        environment: Environment,
        code: Any,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        namespace = template.root_render_func.__globals__  # type: ignore[attr-defined]
        namespace["escape"] = output_escape  # the name the compiled output code calls
        return template


def _strftime(value: Any, fmt: str) -> str:
    from pelican.utils import DateFormatter  # only a theme that uses the filter pays for the import

    return DateFormatter()(value, fmt)  # type: ignore[no-any-return]


# Globals of every theme environment: the decision kinds' labels (decision pages) and the
# sentence on the periods of review and suit (decision pages, complaint form).
THEME_GLOBALS: dict[str, Any] = {
    "decision_kinds": decision_kinds.KINDS,
    "representatives": decision_kinds.REPRESENTATIVES,
    "review_periods": decision_kinds.REVIEW_PERIODS,
}


def theme_environment(settings: Mapping[str, Any]) -> Environment:
    """A Jinja2 environment over the theme's templates, configured like Pelican's generators'."""
    paths = [*settings.get("THEME_TEMPLATES_OVERRIDES", []), os.path.join(settings["THEME"], "templates")]
    env = Environment(loader=FileSystemLoader(paths), **settings.get("JINJA_ENVIRONMENT", {}))
    env.template_class = EscapingTemplate
    env.filters["strftime"] = _strftime  # Pelican themes' filter
    env.filters.update(settings.get("JINJA_FILTERS", {}))
    env.globals.update(THEME_GLOBALS)
    env.globals.update(settings.get("JINJA_GLOBALS", {}))
    env.tests.update(settings.get("JINJA_TESTS", {}))
    return env
