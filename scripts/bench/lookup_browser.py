"""What finding a decision costs in the browser on a built city: bytes fetched and time to the
first result, for an identifier (the lookup box of /decisions/, and /search/) and a text query.

    PYTHONPATH=backend:site .venv/bin/python scripts/bench/lookup_browser.py SITE [--doc-no 文书号]

``SITE`` is a build with its search index (e.g. 100,000 decisions of ``scripts/generate_agency.py``
built by ``sunlight build``). It is served on 127.0.0.1; headless Chromium (Debian's) with its
cache off and its network throttled like the ``search`` scenario of ``make bench`` opens the
page, then types the query: the time is from the submit (or the keystroke) to the first result on
screen, the bytes those the server sent from the submit until 1.5 s after the first result
(uncompressed; the page itself and its scripts, loaded before, are not counted). The identifier is by default the 文书号 of the middle decision of
``/data/decisions.csv``, typed with half-width brackets and without 第.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import http.server
import threading
import time
from pathlib import Path

from search_browser import NETWORKS, _chromium, _Quiet

TEXT_QUERY = "油烟超标"


def _doc_no(site: Path) -> tuple[str, str]:
    with (site / "data/decisions.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    row = body[len(body) // 2]
    return row[header.index("决定文书号")], row[header.index("记录编号")]


def _variant(doc_no: str) -> str:
    return doc_no.replace("〔", "[").replace("〕", "]").replace("第", "")


class _Bytes:
    """Bytes the server sent while counting (the server counts: pagefind fetches from a worker,
    which the page's DevTools session does not see). Uncompressed, as the test server sends."""

    total = 0
    requests = 0
    counting = False


class _Counting(_Quiet):
    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        if _Bytes.counting:
            _Bytes.total += len(data)
            _Bytes.requests += 1
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a request given up on
            outputfile.write(data)


def _page(browser, latency: int, kbps: int):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    rate = kbps * 1024 / 8
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency, "downloadThroughput": rate, "uploadThroughput": rate},
    )
    return page, _Bytes


def _timed(page, counter: type[_Bytes], act, selector: str) -> tuple[float, int, int]:  # type: ignore[no-untyped-def]
    counter.counting, counter.total, counter.requests = True, 0, 0
    start = time.perf_counter()
    act()
    page.wait_for_selector(selector, timeout=180_000)
    took = time.perf_counter() - start
    page.wait_for_timeout(1500)  # what the first result still brings in (fragments of the rest)
    counter.counting = False
    return took, counter.total, counter.requests


def run(site: Path, doc_no: str | None = None) -> list[str]:
    from playwright.sync_api import sync_playwright

    found_doc_no, record_id = _doc_no(site)
    doc_no = doc_no or found_doc_no
    query = _variant(doc_no)
    handler = functools.partial(_Counting, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    lines = [
        f"Identifier: {query} (the 文书号 {doc_no}, record {record_id}); text: {TEXT_QUERY}.",
        "",
        "| network | what | s to the first result | requests | KB fetched |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=_chromium(), headless=True)
            try:
                for label, latency, kbps in NETWORKS:
                    cases = []
                    page, counter = _page(browser, latency, kbps)
                    page.goto(url + "/decisions/", wait_until="load")
                    page.fill("#lookup-query", query)
                    cases.append(("/decisions/ lookup box: 文书号", _timed(
                        page, counter, lambda p=page: p.click("#lookup button[type=submit]"),
                        f'#lookup-results a[href="/decisions/{record_id}/"]',
                    )))  # fmt: skip
                    page.close()
                    for what, q, selector in (
                        ("/search/: 文书号", query, f'.search-exact a[href="/decisions/{record_id}/"]'),
                        ("/search/: text", TEXT_QUERY, ".search-result-link"),
                    ):
                        page, counter = _page(browser, latency, kbps)
                        page.goto(url + "/search/", wait_until="load")
                        cases.append((what, _timed(
                            page, counter, lambda p=page, q=q: p.fill("#search-query", q), selector
                        )))  # fmt: skip
                        page.close()
                    for what, (took, size, requests) in cases:
                        lines.append(f"| {label} | {what} | {took:.2f} | {requests} | {size / 1024:.1f} |")
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--doc-no", help="the 文书号 to look up (default: the middle decision's)")
    args = parser.parse_args(argv)
    shards = sorted((args.site / "data/lookup").glob("*.json"))
    sizes = [p.stat().st_size for p in shards]
    print(
        f"Lookup: {len(shards):,} shards, {sum(sizes) / 1024 / 1024:.1f} MB, "
        f"{sum(sizes) / len(sizes) / 1024:.1f} KB mean, {max(sizes) / 1024:.1f} KB largest (uncompressed)\n"
    )
    print("\n".join(run(args.site, args.doc_no)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
