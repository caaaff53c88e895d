"""Sunlight's side of the peer benchmark: the product's decision pipeline, limited to the peers' shape.

Reads the decision feed of a content directory with the product's reader, builds the decision
views, and writes through the product's writer and templates: one page per decision, the
paginated list (50 a page) and the Atom feed of the newest 100. Nothing else of the site.

    python scripts/bench/sunlight_shape.py CONTENT_DIR OUT_DIR
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

TODAY = dt.date(2026, 1, 31)
COLUMNS = (
    "id doc_no kind procedure party_type party_name credit_code legal_rep facts basis content amount office "
    "power_code decided_on published_on"
).split()


def write_content(csv_path: Path, content: Path) -> None:
    """A content directory with the benchmark records as the decision feed."""
    (content / "decisions").mkdir(parents=True, exist_ok=True)
    shutil.copy(csv_path, content / "decisions" / "bench.csv")


def load_decisions(content: Path) -> list:
    """The product's decision loader when present, else the product's tabular reader."""
    from sunlight.content.model import Decision
    from sunlight.content.tabular import read_table
    from sunlight.content.values import parse_date, parse_decimal

    out = []
    for path in sorted((content / "decisions").glob("*.csv")):
        for _, row in read_table(path, {}, name=str(path), keys=COLUMNS):
            r = {k: str(v) for k, v in row.items()}
            out.append(
                Decision(
                    id=r["id"], doc_no=r["doc_no"], kind=r["kind"], procedure=r["procedure"],
                    party_type=r["party_type"], party_name=r["party_name"], credit_code=r["credit_code"],
                    legal_rep=r["legal_rep"], facts=r["facts"], basis=r["basis"], content=r["content"],
                    amount=parse_decimal(r["amount"]) if r["amount"] else None, office=r["office"],
                    power_code=r["power_code"], decided_on=parse_date(r["decided_on"]),
                    published_on=parse_date(r["published_on"]),
                )  # fmt: skip
            )
    return out


def main(content_dir: str, out_dir: str) -> int:
    from sunlight.content.model import Agency
    from sunlight_site import decision_feeds, decision_pages
    from sunlight_site.decision_parallel import default_workers
    from sunlight_site.decision_views import decision_views
    from sunlight_site.pagination import paginate
    from sunlight_site.writer import SiteWriter

    theme = Path(decision_pages.__file__).parent / "theme"
    writer = SiteWriter(out_dir, settings={"THEME": str(theme), "JINJA_ENVIRONMENT": {"autoescape": True}})
    agency = Agency(name="上海市嘉定区城市管理行政执法局", site_url="https://example.gov.cn", site_code="3101140001")
    context = {"site": {"agency": agency, "domain": agency.site_domain, "nav": [], "pages": []}}
    views = decision_views(load_decisions(Path(content_dir)), [], [], TODAY)
    decision_pages.write_decisions(writer, views, context, workers=2)
    group = decision_pages.Group("all", decision_pages.LIST_TITLE, "/decisions/", "", views)
    pages = (
        (p.path, {"pager": p, "heading": group.label, "trail": [], "feed": "", "browse": "", "column": decision_pages.COLUMN})
        for p in paginate(views, decision_pages.PER_PAGE, "/decisions/")
    )
    decision_pages.write_framed(writer, "decision_list.html", pages, context)
    writer.write_bytes("feeds/decisions.atom", decision_feeds.atom_of_all(views, agency.site_url, agency.name, TODAY))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
