"""``sunlight staff add --office ID --name NAME`` and ``sunlight observer add --name NAME``.

The token is printed once; the store keeps only its hash. Works while ``sunlight serve`` runs on
the same ``--data`` (SQLite serialises the writers).
"""

from __future__ import annotations

import argparse
import sys

from sunlight import bootstrap
from sunlight.clock import ClockError
from sunlight.domain.errors import DomainError
from sunlight.service.catalog import CatalogError


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
