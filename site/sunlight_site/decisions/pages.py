"""Writing the decision pages: one page per decision, the notices of withdrawn ones, and the lists.

Lists: ``/decisions/`` (50 a page, ``/decisions/page/2/`` ...) and the browse lists by office
(``/decisions/office/<id>/``), domain (``/decisions/domain/<slug>/``), kind
(``/decisions/kind/<slug>/``) and month (``/decisions/month/2025-09/``), each paginated the same
way. Every page is rendered through the writer's bulk path from a small per-page dict; what
all pages share (the browse navigation) is rendered once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, ParamSpec, Protocol

from jinja2 import Environment
from markupsafe import Markup
from sunlight.domain.decision_kinds import DEFAULT_REMEDY
from sunlight.domain.publication_results import WithdrawalNotice

from sunlight_site.decisions.page_frame import FramedTemplate
from sunlight_site.decisions.page_stream import PageStream
from sunlight_site.decisions.render_keys import RenderKeys
from sunlight_site.decisions.views import DecisionView, sort_key, view_of
from sunlight_site.render.pagination import paginate
from sunlight_site.render.slugs import decision_kind_slug, domain_slug

P = ParamSpec("P")
PER_PAGE = 50
PUBLISH_CHUNK = 2000  # decisions published before their pages go to the page workers
LIST_TITLE = "行政执法决定公示"
COLUMN = {"name": LIST_TITLE, "type": "信息公开"}


class Writer(Protocol):
    """What this module needs of ``sunlight_site.render.writer.SiteWriter``."""

    env: Environment
    manifest: set[str]
    stats: Any

    def write_bytes(self, rel_path: str, data: bytes, override: bool = False) -> bool: ...

    def keep(self, rel_path: str) -> None: ...

    def render(self, template: Any, variables: Mapping[str, Any], context: Mapping[str, Any] = ()) -> str: ...


def open_framed(
    writer: Writer,
    template: str,
    context: Mapping[str, Any],
    workers: int = 1,
    keys: RenderKeys | None = None,
) -> FramedStream:
    """A stream of pages of ``template`` (a child of base.html): ``add((path, variables) ...)`` as
    they become known, then ``wait()``.

    With ``keys``, pages whose render key did not change since the previous build are skipped
    (see ``decision_cache``). With ``workers`` > 1 and many pages, forked children render and
    write batches of pages (see ``decision_parallel``) while this process goes on: call
    ``wait()`` before the pages are needed (search index) and before ``keys.save``. The
    writer's manifest and counts get every path either way.
    """
    shared = {**context, "m": writer.env.get_template("macros.html").module, "active": "decisions"}
    frame = FramedTemplate(writer.env, template, shared)
    return FramedStream(writer, frame, template + "\0" + repr(frame.parts), workers, keys)


class FramedStream(PageStream):
    """A ``PageStream`` that skips the pages whose render key did not change (when given keys)."""

    def __init__(
        self, writer: Writer, frame: FramedTemplate, salt: str, workers: int, keys: RenderKeys | None
    ):
        super().__init__(writer, frame, workers)
        self.salt, self.keys = salt, keys

    def add(self, pages: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
        if self.keys is None:
            return super().add(pages)
        todo, fresh = self.keys.split(self.salt, pages)
        for path in fresh:
            self.writer.keep(path)  # unchanged inputs: the previous build's page stays
        return super().add(todo)


def start_framed(
    writer: Writer,
    template: str,
    items: Iterable[tuple[str, Mapping[str, Any]]],
    context: Mapping[str, Any],
    workers: int = 1,
    keys: RenderKeys | None = None,
) -> FramedStream:
    """``open_framed`` with all its pages at once; ``write_framed`` is the same, waiting."""
    stream = open_framed(writer, template, context, workers, keys)
    stream.add(items)
    return stream


def _waiting(start: Callable[P, PageStream]) -> Callable[P, int]:
    """``start`` made synchronous: returns the number of pages once they are all written."""

    def run(*args: P.args, **kwargs: P.kwargs) -> int:
        return start(*args, **kwargs).wait()

    run.__doc__ = f"``{start.__name__}``, waiting for the pages: returns how many were rendered."
    return run


write_framed = _waiting(start_framed)


@dataclass(frozen=True)
class Group:
    """One list of decisions: the main list or a browse list."""

    key: str  # "all", "office:<id>", "domain:<slug>", "kind:<slug>", "month:<YYYY-MM>"
    label: str
    base_url: str
    feed: str
    items: Sequence[DecisionView]


def groups(views: Sequence[DecisionView], office_names: Mapping[str, str]) -> list[Group]:
    """The main list and every browse list, each newest first (``views`` is already sorted)."""
    by: dict[str, dict[str, list[DecisionView]]] = {
        k: defaultdict(list) for k in ("office", "domain", "kind", "month")
    }
    for v in views:
        by["office"][v.office_id].append(v)
        by["domain"][v.domain].append(v)
        by["kind"][v.kind].append(v)
        by["month"][v.month].append(v)
    out = [Group("all", LIST_TITLE, "/decisions/", "", views)]
    for office_id, items in sorted(by["office"].items()):
        name = office_names.get(office_id, office_id)
        out.append(
            Group(
                f"office:{office_id}",
                name,
                f"/decisions/office/{office_id}/",
                f"/feeds/offices/{office_id}.atom",
                items,
            )
        )
    for domain, items in sorted(by["domain"].items()):
        slug = domain_slug(domain)
        out.append(
            Group(
                f"domain:{slug}", domain, f"/decisions/domain/{slug}/", f"/feeds/domains/{slug}.atom", items
            )
        )
    for kind, items in sorted(by["kind"].items()):
        out.append(
            Group(
                f"kind:{decision_kind_slug(kind)}",
                kind,
                f"/decisions/kind/{decision_kind_slug(kind)}/",
                "",
                items,
            )
        )
    for month, items in sorted(by["month"].items(), reverse=True):
        y, mo = month.split("-")
        out.append(Group(f"month:{month}", f"{y}年{int(mo)}月", f"/decisions/month/{month}/", "", items))
    return out


def group_feeds(g: Group) -> list[tuple[str, str]]:
    """(URL, format) of the feeds of one decision list: Atom and RSS for all decisions, Atom for
    an office's or a domain's list, none for the others. ``sunlight_site.decisions.feeds.feed_files``
    writes exactly these, ``feed_links`` lists them and the list page autodiscovers them."""
    if g.key == "all":
        return [("/feeds/decisions.atom", "atom"), ("/feeds/decisions.rss", "rss")]
    return [(g.feed, "atom")] if g.feed else []


BROWSE_TITLES = {"office": "按执法机关", "domain": "按领域", "kind": "按决定类别", "month": "按月份"}


def browse_navigation(writer: Writer, all_groups: Sequence[Group], context: Mapping[str, Any]) -> Markup:
    sections: dict[str, list[tuple[str, str, int]]] = {k: [] for k in BROWSE_TITLES}
    for g in all_groups:
        kind = g.key.split(":", 1)[0]
        if kind in sections:
            sections[kind].append((g.label, g.base_url, len(g.items)))
    data = [(BROWSE_TITLES[k], links) for k, links in sections.items() if links]
    return Markup(writer.render("decision_browse.html", {"groups": data}, context))


def _list_pages(
    all_groups: Sequence[Group], browse: Markup, lookup_digits: int = 0
) -> Iterator[tuple[str, dict[str, Any]]]:
    for g in all_groups:
        heading = LIST_TITLE if g.key == "all" else f"{LIST_TITLE}：{g.label}"
        trail = [(LIST_TITLE, None)] if g.key == "all" else [(LIST_TITLE, "/decisions/"), (g.label, None)]
        for pager in paginate(g.items, PER_PAGE, g.base_url):
            yield (
                pager.path,
                {
                    "pager": pager,
                    "heading": heading,
                    "trail": trail,
                    "feed": g.feed,
                    # autodiscovery: (format, URL) of this list's own feeds, and the title's scope
                    "feeds": group_feeds(g),
                    "feed_scope": "" if g.key == "all" else g.label,
                    "alert_form": g.key == "all" and pager.number == 1,  # e-mail alerts: /decisions/
                    "browse": browse if pager.number == 1 else "",
                    # the lookup box (当事人 / 信用代码 / 文书号) heads the first page of /decisions/
                    "lookup_digits": lookup_digits if g.key == "all" and pager.number == 1 else 0,
                    "column": COLUMN,
                    "active": "decisions",
                },
            )


def start_lists(
    writer: Writer,
    all_groups: Sequence[Group],
    context: Mapping[str, Any],
    workers: int = 1,
    keys: RenderKeys | None = None,
    lookup_digits: int = 0,
) -> FramedStream:
    """Every list page, handed to the page workers at once (``flush``): the caller can write
    something else before it ``wait()``s. The browse navigation (with counts) is on the first page
    of each list only, so a day's new decisions do not change the later pages of lists they do
    not shift. ``lookup_digits`` (``sunlight_site.decisions.lookup.digits_for``): the lookup box of
    ``/decisions/`` (none when 0)."""
    browse = browse_navigation(writer, all_groups, context)
    pages = _list_pages(all_groups, browse, lookup_digits)
    stream = start_framed(writer, "decision_list.html", pages, context, workers, keys)
    stream.flush()
    return stream


class ArticleMeta(NamedTuple):
    """The article meta tags of base.html, as attributes rather than dict keys: Jinja2 tries an
    attribute first, and for a dict key that first try fails with a raised and caught error."""

    title: str
    pubdate: str
    source: str


def remedies_of(powers: Iterable[Any], agency_remedy: str = "") -> dict[str, str]:
    """Power code -> the 救济途径 its decisions' pages show: the power item's ``remedy``, else the
    agency's (``agency.yaml: remedy``), else the general ``DEFAULT_REMEDY``; under "" the text
    of a decision without a power item."""
    default = agency_remedy or DEFAULT_REMEDY
    out = {p.code: p.remedy or default for p in powers}
    out[""] = default
    return out


def page_items(
    views: Iterable[DecisionView], source: str = "", remedies: Mapping[str, str] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, variables) of each decision's page, for a stream from ``open_decisions``;
    ``remedies`` from ``remedies_of`` (a dict lookup per page)."""
    remedies = remedies or {"": DEFAULT_REMEDY}
    default = remedies[""]
    for v in views:
        yield (
            f"decisions/{v.id}/index.html",
            {
                "d": v,
                "active": "decisions",
                "article_meta": ArticleMeta(v.doc_no, f"{v.published_on} 00:00", source or v.office_name),
                "remedy": remedies.get(v.power_code, default),
            },
        )


def start_decisions(
    writer: Writer,
    views: Iterable[DecisionView],
    context: Mapping[str, Any],
    source: str = "",
    workers: int = 1,
    keys: RenderKeys | None = None,
    remedies: Mapping[str, str] | None = None,
) -> FramedStream:
    """The decision pages, written in the background when there are many (see ``open_framed``)."""
    pages = page_items(views, source, remedies)
    return start_framed(writer, "decision.html", pages, context, workers, keys)


def open_decisions(
    writer: Writer, context: Mapping[str, Any], workers: int = 1, keys: RenderKeys | None = None
) -> FramedStream:
    """A stream of decision pages: ``add(page_items(views))`` as the views are made, then ``wait()``."""
    return open_framed(writer, "decision.html", context, workers, keys)


def publish_views(
    decisions: Sequence[Any],
    publisher: Any,
    stream: FramedStream | None = None,
    source: str = "",
    remedies: Mapping[str, str] | None = None,
) -> list[DecisionView]:
    """Run ``publisher`` (``sunlight.domain.publication.Publisher``) over ``decisions`` chunk by
    chunk and return the views of the public ones, newest first; each chunk's pages go to
    ``stream`` (from ``open_decisions``) as soon as its views exist, so that children render
    them while this process publishes the next chunk, and the last ones go to children at the end
    (``flush``). Call ``publisher.finish()`` afterwards."""
    views: list[DecisionView] = []
    for start in range(0, len(decisions), PUBLISH_CHUNK):
        chunk = [view_of(p) for p in publisher.add(decisions[start : start + PUBLISH_CHUNK])]
        if stream is not None:
            stream.add(page_items(chunk, source, remedies))
        views += chunk
    if stream is not None:
        stream.flush()  # the caller goes on with other work: the children take the rest now
    views.sort(key=sort_key, reverse=True)
    return views


write_decisions = _waiting(start_decisions)


def write_withdrawn(
    writer: Writer,
    withdrawn: Iterable[WithdrawalNotice],
    context: Mapping[str, Any],
    keys: RenderKeys | None = None,
) -> int:
    pages = ((f"decisions/{w.id}/index.html", {"w": w}) for w in withdrawn if w.id)
    return write_framed(writer, "decision_withdrawn.html", pages, context, keys=keys)


def recent_by_office(views: Sequence[DecisionView], limit: int = 10) -> dict[str, list[DecisionView]]:
    out: dict[str, list[DecisionView]] = defaultdict(list)
    for v in views:
        bucket = out[v.office_id]
        if len(bucket) < limit:
            bucket.append(v)
    return dict(out)
