"""案卷评查 reports (docs/supervision.md): ``/supervision/`` (the index and how to redo a draw), one
page per finished office review at ``/supervision/reviews/<year>/<office>/``, and the feed
``/feeds/supervision.atom`` with one entry per report. The data comes from ``--reviews-from`` (the
file of ``sunlight review export``), put in ``BuildState.case_reviews`` by ``sunlight_site.build``; the pages
are written after the decisions section has decided which decisions are public."""

from __future__ import annotations

from sunlight.domain.person_names import default_finder

from sunlight_site.data.case_reviews import Report, reports
from sunlight_site.render.atom import Entry, atom_feed, aware, feed_title, tag_uri
from sunlight_site.render.context import column
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

WHAT = "案卷评查报告"
FEED = "feeds/supervision.atom"


def feed_entries(items: list[Report], site_url: str, domain: str) -> list[Entry]:
    out = []
    for r in items:
        average = r.summary.average_total
        out.append(
            Entry(
                id=tag_uri(domain, r.finished_on, r.path),
                title=r.title,
                url=site_url + r.path,
                updated=aware(r.finished_at),
                published=aware(r.finished_at),
                summary=f"{r.office_name}{r.year}年度随机抽取 {len(r.cases)} 件案卷评查完成"
                + (f"，平均得分 {average} 分。" if average is not None else "。"),
                category="案卷评查",
            )
        )
    return out


class CaseReviewsGenerator(SectionGenerator):
    def generate_output(self, writer: SiteWriter) -> None:
        content, state = self.content, self.state
        finder = None

        def names(text: str) -> tuple[str, ...]:
            nonlocal finder
            finder = finder or default_finder()
            return finder(text)

        def withheld(year: int, office: str, no: int) -> None:
            state.report.warn(
                f"案卷评查报告中案卷 {no} 的问题说明可能含个人信息或未公开的决定，未予公布",
                f"the faults text of case {no} may name a person or a decision not public; held back",
                file="--reviews-from",
                field=f"{year}/{office}/{no}/faults",
            )

        items = reports(
            state.case_reviews,
            {o.id: o.name for o in content.offices},
            state.public_decision_doc_nos(),
            {d.id: d.doc_no for d in content.decisions},
            names,
            withheld,
        )
        shared = {"active": "supervision", "column": column("案卷评查")}
        writer.write_page("supervision_index.html", "supervision/index.html", {"reports": items}, shared)
        writer.write_many(
            "supervision_review.html",
            ((f"supervision/reviews/{r.year}/{r.office}/index.html", {"r": r}) for r in items),
            shared,
        )
        site = state.site
        short = content.agency.short_name or content.agency.name
        writer.write_bytes(
            FEED,
            atom_feed(
                feed_id=f"{site['url']}/{FEED}",
                title=feed_title(short, WHAT),
                html_url=f"{site['url']}/supervision/",
                feed_url=f"{site['url']}/{FEED}",
                author=content.agency.name,
                entries=feed_entries(items, site["url"], site["domain"]),
                today=self.today,
            ),
        )
        self.count("case_review_reports", len(items))


GENERATORS = [CaseReviewsGenerator]
