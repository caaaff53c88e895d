"""The theme's templates print values through ``output_escape``: same bytes as MarkupSafe's escape."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import markupsafe
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader
from sunlight_site.decisions.views import decision_views
from sunlight_site.render.templating import THEME_GLOBALS, EscapingTemplate, output_escape, theme_environment
from test_frame import SETTINGS, THEME, context, public


class Html:
    def __html__(self) -> str:
        return "<b>已转义</b>"


@given(st.text())
def test_text_escapes_like_markupsafe(text: str) -> None:
    assert output_escape(text) == str(markupsafe.escape(text))
    assert type(output_escape(text)) is str


def test_other_values_escape_like_markupsafe() -> None:
    for value in (Decimal("1234.50"), 12, None, dt.date(2026, 1, 2), markupsafe.Markup("<i>x</i>"), Html(),
                  ["<a>", "&"], "'\"&<>"):  # fmt: skip
        assert output_escape(value) == str(markupsafe.escape(value))


def test_theme_templates_render_the_same_bytes_as_plain_jinja() -> None:
    ours = theme_environment(SETTINGS)
    assert isinstance(ours.get_template("decision.html"), EscapingTemplate)
    plain = Environment(loader=FileSystemLoader(str(THEME / "templates")), **SETTINGS["JINJA_ENVIRONMENT"])
    plain.globals.update(THEME_GLOBALS)  # what every theme environment has
    views = decision_views(
        [public(1, facts="<script>alert('x')</script> & \"引号\""), public(2, party_type="自然人")]
    )
    for v in views:
        variables = {**context(), "d": v, "active": "decisions",
                     "article_meta": {"title": v.doc_no, "pubdate": "2026-10-28 00:00", "source": "<来源>"}}  # fmt: skip
        fast = ours.get_template("decision.html").render(variables, m=ours.get_template("macros.html").module)
        slow = plain.get_template("decision.html").render(
            variables, m=plain.get_template("macros.html").module
        )
        assert fast == slow
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;引号&#34;" in fast


def test_a_block_captured_with_set_is_still_markup_and_not_escaped_twice() -> None:
    env = Environment(autoescape=True)
    env.template_class = EscapingTemplate
    tmpl = env.from_string(
        "{% set x %}<p>{{ v }}</p>{% endset %}{{ x }}|{{ x|upper }}|{% macro m() %}<i>{{ v }}</i>{% endmacro %}{{ m() }}"
    )
    assert tmpl.render(v="<&>") == "<p>&lt;&amp;&gt;</p>|<P>&LT;&AMP;&GT;</P>|<i>&lt;&amp;&gt;</i>"
