"""Scenario ``search`` of ``make bench``: what the number of search shards costs in the browser.

The same decision pages (a synthetic agency from ``scripts/generate_agency.py``, built without
its index) are indexed as 1, 4, 10 and 40 equal shards with the build's own staging and pagefind
command (``sunlight_site.data.search_index.bundle_files``). Each layout gets the site's search page
(``search.js`` merging the shards with pagefind's API) and is served over HTTP on 127.0.0.1;
headless Chromium (Debian's ``chromium``) with its cache off and its network throttled types a
query and waits for the first result. Figures: the time from typing to the first result and the
requests made, for a first query (pagefind loads each shard's entry, metadata and index chunks)
and a second one.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "site"))

import bench_city  # noqa: E402
from sunlight_site.data import search_index  # noqa: E402

LAYOUTS = (1, 4, 10, 40)
NETWORKS = (("40 ms, 10 Mbit/s", 40, 10_000), ("150 ms, 1.6 Mbit/s", 150, 1_600))  # RTT, kbit/s
QUERIES = ("油烟超标", "渣土运输")  # the second runs after the first on the same page


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _layouts(site: Path, pages: list[tuple[str, bytes]], work: Path) -> list[str]:
    lines = []
    search_page = (site / "search/index.html").read_text("utf-8")
    for count in LAYOUTS:
        root = work / f"shards-{count}"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(site / "theme", root / "theme")
        size = -(-len(pages) // count)
        names = ["site" if i == 0 else f"part-{i:03d}" for i in range(count)]
        start = time.perf_counter()
        for i, name in enumerate(names):
            for rel, data in search_index.bundle_files(site, pages[i * size : (i + 1) * size], name):
                target = root / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        took = time.perf_counter() - start
        bundles = " ".join(f"/pagefind/{name}/" for name in names)
        (root / "search").mkdir()
        (root / "search/index.html").write_text(
            re.sub(r'data-bundles="[^"]*"', f'data-bundles="{bundles}"', search_page), "utf-8"
        )
        lines.append(f"- {count} shard(s) of {size:,} pages: indexed in {took:.1f} s")
    return lines


def _chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    raise SystemExit("Debian's chromium is not installed (make setup as root installs it)")


def _search(pw: object, url: str, latency: int, kbps: int) -> list[tuple[float, int]]:
    browser = pw.chromium.launch(executable_path=_chromium(), headless=True)  # type: ignore[attr-defined]
    try:
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        rate = kbps * 1024 / 8
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": latency, "downloadThroughput": rate, "uploadThroughput": rate},
        )
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url + "/search/", wait_until="load")
        out = []
        for query in QUERIES:
            before, start = len(requests), time.perf_counter()
            page.fill("#search-query", query)
            page.wait_for_selector(".search-result-link", timeout=180_000)
            out.append((time.perf_counter() - start, len(requests) - before))
            page.fill("#search-query", "")
            page.wait_for_timeout(300)
        return out
    finally:
        browser.close()


def run(work: Path, decisions: int = 24_000) -> list[str]:
    from playwright.sync_api import sync_playwright

    content, site = work / "content", work / "site"
    bench_city.generate(content, powers=200, decisions=decisions)
    subprocess.run(
        bench_city.build_cmd(content, site, bench_city.TODAY, search=True),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    rels = sorted(
        rel
        for rel in (site / ".sunlight-manifest").read_text("utf-8").splitlines()
        if rel.startswith("decisions/") and rel.count("/") == 2 and rel.endswith(".html")
    )
    pages = [(rel, b"") for rel in rels if search_index.MARKER in (site / rel).read_bytes()]
    lines = [
        f"### Search in the browser: {len(pages):,} decision pages in 1 to 40 shards",
        "",
        *_layouts(site, pages, work),
        "",
        "| network | shards | first query: s to the first result | requests | second query: s | requests |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    with sync_playwright() as pw:
        for label, latency, kbps in NETWORKS:
            for count in LAYOUTS:
                handler = functools.partial(_Quiet, directory=str(work / f"shards-{count}"))
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
                threading.Thread(target=server.serve_forever, daemon=True).start()
                try:
                    (t1, n1), (t2, n2) = _search(
                        pw, f"http://127.0.0.1:{server.server_address[1]}", latency, kbps
                    )
                finally:
                    server.shutdown()
                    server.server_close()
                lines.append(f"| {label} | {count} | {t1:.2f} | {n1} | {t2:.2f} | {n2} |")
    return lines
