"""``sunlight staff add --office ID --name NAME`` and ``sunlight observer add --name NAME``.

The token is printed once; the store keeps only its hash. Works while ``sunlight serve`` runs on
the same ``--data`` (SQLite serialises the writers) or the same ``SUNLIGHT_STORE=dynamodb://TABLE``.
``sunlight store init`` creates the store if missing.
"""

from __future__ import annotations

import argparse
import sys

from sunlight import bootstrap
from sunlight.clock import ClockError
from sunlight.domain.errors import DomainError
from sunlight.service.catalog import CatalogError
from sunlight.store.base import StoreError


def _add(kind: str, args: argparse.Namespace) -> int:
    try:
        wiring = bootstrap.bootstrap(bootstrap.Config.from_environment(data_dir=args.data))
    except (CatalogError, ClockError, ValueError) as exc:
        print(
            f"sunlight {kind}: 无法启动 / cannot start (build the site into --data first):\n{exc}",
            file=sys.stderr,
        )
        return 2
    try:
        created = wiring.service.create_account(
            kind, args.name, getattr(args, "office", "") or "", wiring.clock()
        )
    except DomainError as exc:
        where = f"{exc.field}: " if exc.field else ""
        print(f"sunlight {kind} add: {where}{exc.message}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"sunlight {kind} add: 无法访问存储 / cannot use the store: {exc}", file=sys.stderr)
        return 2
    finally:
        wiring.close()
    account = created.account
    office = f" ({account.office})" if account.office else ""
    print(f"{account.kind} {account.name}{office}: {account.id}", file=sys.stderr)
    print("令牌只显示这一次,请妥善保存 / the token is shown only once, keep it safe:", file=sys.stderr)
    print(created.token)
    return 0


def run_staff(args: argparse.Namespace) -> int:
    return _add("staff", args)


def run_observer(args: argparse.Namespace) -> int:
    return _add("observer", args)


def run_store(args: argparse.Namespace) -> int:
    """``sunlight store init``: idempotent; honours ``SUNLIGHT_STORE``."""
    try:
        print(bootstrap.init_store(bootstrap.Config.from_environment(data_dir=args.data)))
    except (StoreError, ValueError) as exc:
        print(f"sunlight store init: {exc}", file=sys.stderr)
        return 1
    return 0
