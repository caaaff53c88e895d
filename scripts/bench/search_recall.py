"""Recall of /search/ on the sample agency: the queries of ``tests/fixtures/lookup/queries.json``
(文书号 variants, record ids, credit codes, party names, sub-phrases of facts, office and street
names), each with the decisions it must find, read off ``content/`` by hand.

    PYTHONPATH=backend:site .venv/bin/python scripts/bench/search_recall.py [--site DIR]

builds ``content/`` with its search index (``--today 2026-11-22``) unless ``--site`` names a
build, serves it on 127.0.0.1 and types each query into /search/ in headless Chromium, showing
every result ("显示更多结果" until there is no more). Prints a Markdown table for
docs/benchmarks.md: per kind of query, recall in the first 10 full-text results (exact hits
count first) and among all results, and the results shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "tests/fixtures/lookup/queries.json"
TODAY = dt.date(2026, 11, 22)
CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def results(page, url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Every result link of /search/ for ``query``, in page order (exact hits first)."""
    page.goto(f"{url}/search/")
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    page.wait_for_function(
        "() => /找到/.test(document.querySelector('[data-search-root] [role=status]').textContent)",
        timeout=30000,
    )
    while page.is_visible(".search-more"):
        before = page.locator(".search-results li").count()
        page.click(".search-more")
        page.wait_for_function(f"() => document.querySelectorAll('.search-results li').length > {before}")
    return [a.get_attribute("href") or "" for a in page.query_selector_all("[data-search-root] a[href^='/']")]


def measure(site: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    queries = json.loads(QUERIES.read_text("utf-8"))["queries"]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    per_kind: dict[str, list[int]] = {}
    misses = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            page = browser.new_page()
            for item in queries:
                hrefs = results(page, url, item["q"])
                exact = page.locator(".search-exact li").count()
                top = hrefs[: exact + 10]
                want = [f"/decisions/{i}/" for i in item["expect"]]
                row = per_kind.setdefault(item["kind"], [0, 0, 0, 0, 0])
                row[0] += 1
                row[1] += len(want)
                row[2] += sum(w in top for w in want)
                row[3] += sum(w in hrefs for w in want)
                row[4] += len(hrefs)
                misses += [f"{item['q']}: {w}" for w in want if w not in hrefs]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    lines = [
        "| queries | n | decisions expected | found in the first 10 | found among all | results shown (mean) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = [0, 0, 0, 0, 0]
    for kind, row in per_kind.items():
        total = [a + b for a, b in zip(total, row, strict=True)]
        lines.append(f"| {kind} | {row[0]} | {row[1]} | {row[2]} | {row[3]} | {row[4] / row[0]:.1f} |")
    lines.append(
        f"| **all** | {total[0]} | {total[1]} | {total[2]} ({total[2] / total[1]:.0%}) "
        f"| {total[3]} ({total[3] / total[1]:.0%}) | {total[4] / total[0]:.1f} |"
    )
    if misses:
        lines += ["", "Not found: " + "; ".join(misses)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an existing build of content/ with its search index")
    args = parser.parse_args(argv)
    if args.site:
        print("\n".join(measure(args.site)))
        return 0
    sys.path.insert(0, str(ROOT / "site"))
    from sunlight_site.build import build_site

    with tempfile.TemporaryDirectory(prefix="sunlight-recall-") as tmp:
        build_site(ROOT / "content", Path(tmp), TODAY, search=True)
        print("\n".join(measure(Path(tmp))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
