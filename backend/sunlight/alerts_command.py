"""``sunlight alerts send --data DIR --site OUT``: queue the e-mail alerts of a build's new decisions.

Reads the build's private ``OUT/.sunlight-new-decisions.json`` (``sunlight_site.decisions.new_decisions``)
and queues, in the store's outbox, one mail per confirmed subscription and matching decision
(``sunlight.service.alerts.enqueue_alerts``; running it twice queues nothing more). The outbox
delivers them like every other notice (``sunlight tick``, or the timer loop of ``sunlight serve``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sunlight import bootstrap
from sunlight.clock import ClockError
from sunlight.clock import from_environment as clock_from_environment
from sunlight.service import alerts
from sunlight.service.catalog import CatalogError
from sunlight.store.base import StoreError

NEW_DECISIONS_FILE = ".sunlight-new-decisions.json"  # written by sunlight_site.decisions.new_decisions


def read_new_decisions(site: Path) -> list[alerts.NewDecision]:
    data = json.loads((site / NEW_DECISIONS_FILE).read_text("utf-8"))
    return alerts.new_decisions(data["decisions"])


def run(args: argparse.Namespace) -> int:
    name = "sunlight alerts send"
    try:
        decisions = read_new_decisions(Path(args.site))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(
            f"{name}: 无法读取新公示决定清单 / cannot read {Path(args.site) / NEW_DECISIONS_FILE}: {exc}",
            file=sys.stderr,
        )
        return 2
    try:
        config = bootstrap.Config.from_environment(data_dir=args.data, now=args.now)
        clock_from_environment(config.now)
        problem = "" if config.dynamodb_table else bootstrap.data_dir_problem(config, create=False)
        if problem:
            print(f"{name}: {problem}", file=sys.stderr)
            return 2
        wiring = bootstrap.bootstrap(config)
    except (ClockError, ValueError, CatalogError) as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 2
    try:
        service = wiring.service
        queued = alerts.enqueue_alerts(
            service.store, decisions, wiring.clock(), service.catalog.site_url, service.code_key.get()
        )
    except StoreError as exc:
        print(
            f"{name}: 无法访问存储 / cannot use the store ({bootstrap.store_name(config)}): {exc}",
            file=sys.stderr,
        )
        return 2
    finally:
        wiring.close()
    print(
        f"{name}: {len(decisions)} 件新公示决定，排队提醒邮件 {queued} 封 / {len(decisions)} new decisions, {queued} alerts queued"
    )
    return 0
