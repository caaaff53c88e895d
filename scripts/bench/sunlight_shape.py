"""Sunlight's side of the peer benchmark: the product's decision pipeline, limited to the peers' shape.

Reads the decision feed of a content directory with the product's reader, builds the decision
views, and writes through the product's writer and templates: one page per decision, the
paginated list (50 a page) and the Atom feed of the newest 100. Nothing else of the site.

    python scripts/bench/sunlight_shape.py CONTENT_DIR OUT_DIR
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import OFFICES, power_items  # noqa: E402

TODAY = dt.date(2026, 1, 31)


def write_content(csv_path: Path, content: Path) -> None:
    """A content directory with the benchmark records as the decision feed."""
    (content / "decisions").mkdir(parents=True, exist_ok=True)
    shutil.copy(csv_path, content / "decisions" / "bench.csv")


def publisher_for(content: Path) -> tuple[list, object]:
    """The decision feed through the product's loader, and a publisher with the default policy."""
    from sunlight.content.decisions import load_decisions
    from sunlight.content.model import Content, Office, Power
    from sunlight.content.model import Publication as Policy
    from sunlight.domain.calendar import WorkingCalendar
    from sunlight.domain.problems import Problems
    from sunlight.domain.publication import Publisher

    offices = [Office(id=office_id, name=name) for office_id, name in OFFICES]
    powers = [
        Power(code=code, name=name, domain=domain, type="行政处罚") for code, name, domain in power_items()
    ]
    loaded = Content(root=str(content), offices=offices, powers=powers)
    decisions = load_decisions(content, loaded, Problems())
    publisher = Publisher(
        decisions, offices=offices, powers=powers, policy=Policy(), calendar=WorkingCalendar(), today=TODAY
    )
    return decisions, publisher


def main(content_dir: str, out_dir: str) -> int:
    """Build the shape; prints the seconds of each stage as JSON on stdout (for the report)."""
    start = time.perf_counter()
    from sunlight_site.batch import batch_gc  # the build's own setting for a batch run

    with batch_gc():
        return _main(content_dir, out_dir, start)


def _main(content_dir: str, out_dir: str, start: float) -> int:
    stages: dict[str, float] = {}
    clock = start

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[name] = round(now - clock, 3)
        clock = now

    from sunlight_site.decisions import tagger_process

    tagger_process.start()  # as the build does: the tagger loads while the feed is read
    from sunlight.content.model import Agency
    from sunlight_site.decisions import feeds as decision_feeds
    from sunlight_site.decisions import pages as decision_pages
    from sunlight_site.decisions.page_stream import default_workers
    from sunlight_site.render.atom import feed_title
    from sunlight_site.render.output import OutputWriter
    from sunlight_site.render.pagination import paginate

    lap("import")
    theme = Path(decision_pages.__file__).parents[1] / "theme"  # site/sunlight_site/theme
    writer = OutputWriter(out_dir, settings={"THEME": str(theme), "JINJA_ENVIRONMENT": {"autoescape": True}})
    agency = Agency(
        name="上海市嘉定区城市管理行政执法局", site_url="https://example.gov.cn", site_code="3101140001"
    )
    site = {"agency": agency, "domain": agency.site_domain, "nav": [], "pages": []}
    site["feed_title"] = functools.partial(feed_title, agency.name)  # as the build's site global has
    context = {"site": site}
    decisions, publisher = publisher_for(Path(content_dir))
    lap("load")
    stream = decision_pages.open_decisions(writer, context, workers=default_workers())
    views = decision_pages.publish_views(
        decisions, publisher, stream
    )  # pages go to the workers as views are made
    lap("publish_and_pages")
    pages = (
        (p.path, {"pager": p, "heading": decision_pages.LIST_TITLE, "trail": [], "feed": "", "browse": "",
                  "column": decision_pages.COLUMN})
        for p in paginate(views, decision_pages.PER_PAGE, "/decisions/")
    )  # fmt: skip
    decision_pages.write_framed(writer, "decision_list.html", pages, context)
    writer.write_bytes(
        "feeds/decisions.atom", decision_feeds.atom_of_all(views, agency.site_url, agency.name, TODAY)
    )
    stream.wait()
    lap("lists_feed_and_last_pages")
    print(json.dumps(stages))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
