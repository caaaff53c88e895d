"""The shared body of the commands that export the store's public figures for the site build
(``sunlight stats export``, ``sunlight review export``): read, then write JSON to a file or stdout,
with errors in Chinese and English and exit status 2."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sunlight.clock import ClockError
from sunlight.service.catalog import CatalogError
from sunlight.store.base import StoreError

Export = Callable[[str, "str | None"], dict[str, object]]


def run_export(command: str, export: Export, args: argparse.Namespace) -> int:
    """``export(args.data, args.now)`` written to ``args.output`` (``-``: stdout)."""
    try:
        document = export(args.data, args.now)
    except (ClockError, ValueError) as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return 2
    except (CatalogError, StoreError) as exc:
        print(f"{command}: 无法读取存储 / cannot read the store ({args.data}): {exc}", file=sys.stderr)
        return 2
    text = json.dumps(document, ensure_ascii=False, indent=1, default=str)
    if args.output == "-":
        try:
            print(text, flush=True)
        except BrokenPipeError:  # e.g. `| head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    else:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    return 0
