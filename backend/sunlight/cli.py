"""The ``sunlight`` command: a thin dispatcher; each subcommand lives in the module named here."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# subcommand -> "module:function"; each function takes the parsed arguments and returns an exit code.
COMMANDS = {
    "check": "sunlight.content.check:run",
    "build": "sunlight_site.build_command:run",
    "serve": "sunlight.server:run",
    "tick": "sunlight.timers:run",
    "staff": "sunlight.accounts:run_staff",
    "observer": "sunlight.accounts:run_observer",
    "publish": "sunlight.publish.command:run",
    "store": "sunlight.accounts:run_store",
    "catalog": "sunlight.publish.catalog:run",
    "stats": "sunlight.stats_export:run",
    "alerts": "sunlight.alerts_command:run",
    "review": "sunlight.review_export:run",
    "partner": "sunlight.partners_command:run",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sunlight", description="Sunlight (阳光执法) portal and backend")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser(
        "check", help="validate a content directory; exit 1 on any error or held-back record"
    )
    check.add_argument("content_dir")
    check.add_argument(
        "--today", help="the date to check against (YYYY-MM-DD); default: today in Asia/Shanghai"
    )
    check.add_argument(
        "-o",
        "--output",
        help="a build's output folder: answer the name check from the verdicts it kept (read only)",
    )

    build = sub.add_parser("build", help="build the disclosure site")
    build.add_argument("content_dir")
    build.add_argument("-o", "--output", required=True, dest="output")
    build.add_argument("--today", help="fix the build date (YYYY-MM-DD) so builds are reproducible")
    build.add_argument("--no-search", action="store_true", help="skip the search index (faster builds)")
    build.add_argument(
        "--stats-from",
        help="a file of `sunlight stats export` whose complaint and inspection figures go on /compliance/ and in /data/",
    )
    build.add_argument(
        "--reviews-from",
        help="a file of `sunlight review export` whose finished 案卷评查 go under /supervision/",
    )
    build.add_argument(
        "--backend-catalog",
        help="also write the backend's catalog (with the offices' webhook URLs) here, outside the web root",
    )

    serve = sub.add_parser("serve", help="build and serve the site and the API with the embedded store")
    serve.add_argument("content_dir")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--data", default="var/data", help="directory of the embedded store")
    serve.add_argument(
        "--reviews-from",
        help="publish these 案卷评查 results (`sunlight review export`) instead of the store's",
    )
    serve.add_argument("--tick-seconds", type=float, default=60.0, help="how often the timer loop runs")

    tick = sub.add_parser("tick", help="run due timers as of --now (or SUNLIGHT_NOW, or the clock)")
    tick.add_argument("--now", help="ISO date-time with offset")
    tick.add_argument("--data", default="var/data")

    publish = sub.add_parser(
        "publish", help="upload a built site to S3 (only what changed) and invalidate CloudFront"
    )
    publish.add_argument("site_dir", help="the output folder of sunlight build")
    publish.add_argument("--bucket", required=True)
    publish.add_argument(
        "--prefix", default="", help="key prefix in the bucket (the distribution's origin path)"
    )
    publish.add_argument("--distribution", help="CloudFront distribution id to invalidate")
    publish.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    publish.add_argument("--max-deletes", type=int, default=256, help="refuse to delete more (-1: no limit)")
    publish.add_argument("--json", action="store_true", help="print the result as JSON")
    publish.add_argument("--force", action="store_true", help="upload every file, changed or not")
    publish.add_argument(
        "--compress",
        choices=("auto", "gzip", "none"),
        default="auto",
        help="auto: gzip text only where CloudFront would not (over 10 MB); gzip: every text file of 1 KB or more",
    )
    publish.add_argument("--workers", type=int, default=16, help="parallel uploads and metadata reads")
    publish.add_argument(
        "--directory-keys",
        action="store_true",
        help="also upload each x/index.html under the key x/ (aws-cn: no CloudFront Function maps /x/ to it)",
    )

    catalog = sub.add_parser("catalog", help="the backend catalog on AWS (offices, routing, webhooks)")
    catalog_actions = catalog.add_subparsers(dest="action", required=True)
    upload = catalog_actions.add_parser(
        "upload", help="upload the file of sunlight build --backend-catalog to the bucket's private area"
    )
    upload.add_argument("catalog", help="that file, or the folder holding it as catalog.json")
    upload.add_argument("--bucket", required=True)
    upload.add_argument("--key", default="private/catalog.json", help="a key under private/")

    for name, helptext in (("staff", "manage staff accounts"), ("observer", "manage observer accounts")):
        p = sub.add_parser(name, help=helptext)
        actions = p.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="create an account and print its token once")
        add.add_argument("--name", required=True)
        if name == "staff":
            add.add_argument("--office", required=True)
        add.add_argument("--data", default="var/data")

    store = sub.add_parser("store", help="the complaint store (SUNLIGHT_STORE: sqlite or dynamodb://TABLE)")
    store_actions = store.add_subparsers(dest="action", required=True)
    init = store_actions.add_parser(
        "init",
        help="create the store if missing: the DynamoDB table with its indexes and TTL, or the SQLite schema",
    )
    init.add_argument("--data", default="var/data", help="directory of the SQLite store")
    stats = sub.add_parser("stats", help="the complaint figures of the store")
    stats_actions = stats.add_subparsers(dest="action", required=True)
    export = stats_actions.add_parser(
        "export", help="write the per-office figures as JSON for `sunlight build --stats-from FILE`"
    )
    export.add_argument("--data", default="var/data", help="directory of the SQLite store")
    export.add_argument("-o", "--output", required=True, help="the JSON file to write (- for stdout)")
    export.add_argument("--now", help="ISO date-time with offset (default: SUNLIGHT_NOW or the clock)")
    review = sub.add_parser("review", help="案卷评查 (case-file review) results of the store")
    review_export = review.add_subparsers(dest="action", required=True).add_parser(
        "export", help="write the finished office reviews as JSON for `sunlight build --reviews-from FILE`"
    )
    review_export.add_argument("--data", default="var/data", help="directory of the SQLite store")
    review_export.add_argument("-o", "--output", required=True, help="the JSON file to write (- for stdout)")
    review_export.add_argument("--now", help="ISO date-time with offset (default: SUNLIGHT_NOW or the clock)")
    alerts = sub.add_parser("alerts", help="e-mail alerts of new decisions (subscribed through the API)")
    alerts_actions = alerts.add_subparsers(dest="action", required=True)
    send = alerts_actions.add_parser(
        "send", help="queue the alerts of the decisions the last build published (run after each build)"
    )
    send.add_argument("--data", default="var/data", help="directory of the SQLite store")
    send.add_argument("--site", default="output", help="the built site (its .sunlight-new-decisions.json)")
    send.add_argument("--now", help="ISO date-time with offset (default: SUNLIGHT_NOW or the clock)")
    importlib.import_module("sunlight.partners_command").add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    module_name, func_name = COMMANDS[args.command].split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    return int(func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
