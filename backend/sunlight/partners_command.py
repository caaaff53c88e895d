"""``sunlight partner add|list|rotate``: the 12345 exchange's partner accounts (docs/exchange.md).

``add`` and ``rotate`` print the secret once (stdout; everything else goes to stderr); the store
keeps it sealed with the access-code key (``sunlight.service.partner_secrets``). Honours
``SUNLIGHT_STORE`` and ``SUNLIGHT_CODE_KEY_PARAMETER`` as the other commands do; needs no catalog.
"""

from __future__ import annotations

import argparse
import sys

from sunlight import bootstrap
from sunlight.clock import ClockError
from sunlight.clock import from_environment as clock_from_environment
from sunlight.code_key import CodeKeyError
from sunlight.domain.errors import DomainError
from sunlight.domain.local_time import beijing
from sunlight.service import exchange
from sunlight.store.base import StoreError


def add_arguments(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    partner = sub.add_parser("partner", help="12345 exchange partners (signed work orders, status webhooks)")
    actions = partner.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a partner and print its secret once")
    add.add_argument("--name", required=True, help="the partner's name in the URL, e.g. 12345")
    add.add_argument("--webhook", required=True, help="the URL status updates are posted to")
    add.add_argument("--data", default="var/data")
    rotate = actions.add_parser(
        "rotate", help="issue a new secret (the old one stops at once); print it once"
    )
    rotate.add_argument("--name", required=True)
    rotate.add_argument("--webhook", default="", help="also change the webhook URL")
    rotate.add_argument("--data", default="var/data")
    listing = actions.add_parser("list", help="the partners, their webhooks and when their secret was issued")
    listing.add_argument("--data", default="var/data")


def run(args: argparse.Namespace) -> int:
    try:
        config = bootstrap.Config.from_environment(data_dir=args.data)
        now = clock_from_environment(config.now)()
        problem = (
            "" if config.dynamodb_table else bootstrap.data_dir_problem(config, create=args.action == "add")
        )
        if problem:
            print(f"sunlight partner: {problem}", file=sys.stderr)
            return 2
        store = bootstrap.open_store(config)
    except (ClockError, ValueError, StoreError) as exc:
        print(f"sunlight partner: {exc}", file=sys.stderr)
        return 2
    try:
        if args.action == "list":
            for p in store.list_partners():
                issued = beijing(p.rotated_at or p.created_at).isoformat(timespec="seconds")
                print(f"{p.name}\t{p.webhook}\t{issued}")
            return 0
        key = config.code_key().get()
        if args.action == "add":
            partner, secret = exchange.add_partner(store, key, args.name, args.webhook, now)
        else:
            partner, secret = exchange.rotate_secret(store, key, args.name, now, args.webhook)
    except DomainError as exc:
        where = f"{exc.field}: " if exc.field else ""
        print(f"sunlight partner {args.action}: {where}{exc.message}", file=sys.stderr)
        return 1
    except (StoreError, CodeKeyError) as exc:
        print(f"sunlight partner {args.action}: {bootstrap.store_name(config)}: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"partner {partner.name}: webhook {partner.webhook}", file=sys.stderr)
    print(
        f"签名密钥只显示这一次,请妥善交给对方 / the secret is shown only once, hand it over safely:"
        f" POST /api/exchange/{partner.name}/orders",
        file=sys.stderr,
    )
    print(secret)
    return 0
