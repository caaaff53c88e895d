"""Timers: ``sunlight tick [--now] [--data]``, the serve loop and the AWS scheduled function all call
:func:`run_once`: fire due timers (reminders, overdue marks, 催办, escalations), then deliver the outbox.

Firing is idempotent in the store (each timer event has a stable key written in the same transaction
as its messages), so running a tick twice, or two at once, sends nothing twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import threading
from dataclasses import dataclass

from sunlight import bootstrap
from sunlight.clock import ClockError
from sunlight.clock import from_environment as clock_from_environment
from sunlight.service.catalog import CatalogError
from sunlight.service.results import DeliveryResult, TickResult
from sunlight.store.base import StoreError

log = logging.getLogger("sunlight.timers")


@dataclass(frozen=True)
class TimerRun:
    now: dt.datetime
    tick: TickResult
    delivery: DeliveryResult

    def summary(self) -> str:
        return (
            f"{self.now.isoformat()}: fired {len(self.tick.fired)} timer(s), queued {self.tick.enqueued} message(s); "
            f"delivered {self.delivery.delivered}, failed {self.delivery.failed} (retried later)"
        )


def run_once(wiring: bootstrap.Wiring, now: dt.datetime | None = None) -> TimerRun:
    moment = now or wiring.clock()
    tick = wiring.service.tick(moment)
    delivery = wiring.service.deliver_outbox(moment, wiring.channels, clock=wiring.clock)
    return TimerRun(moment, tick, delivery)


class TimerLoop(threading.Thread):
    """Runs :func:`run_once` every ``interval`` seconds until :meth:`stop`; an error is logged, not fatal."""

    def __init__(self, wiring: bootstrap.Wiring, interval: float) -> None:
        super().__init__(name="sunlight-timers", daemon=True)
        self.wiring = wiring
        self.interval = interval
        self._stop_event = threading.Event()
        self.runs = 0

    def run(self) -> None:
        while not self._stop_event.is_set():
            try:
                result = run_once(self.wiring)
                self.runs += 1
                if result.tick.fired or result.delivery.claimed:
                    log.info(result.summary())
            except Exception:
                log.exception("timer run failed; trying again in %s s", self.interval)
            self._stop_event.wait(self.interval)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop_event.set()
        if self.is_alive():
            self.join(timeout)


def run(args: argparse.Namespace) -> int:
    try:
        config = bootstrap.Config.from_environment(data_dir=args.data, now=args.now)
        clock_from_environment(config.now)  # a malformed --now is named before anything else
        problem = "" if config.dynamodb_table else bootstrap.data_dir_problem(config, create=False)
        if problem:
            print(f"sunlight tick: {problem}", file=sys.stderr)
            return 2
        wiring = bootstrap.bootstrap(config)
    except (ClockError, ValueError) as exc:
        print(f"sunlight tick: {exc}", file=sys.stderr)
        return 2
    except CatalogError as exc:
        print(
            f"sunlight tick: 无法读取目录 / cannot load the catalog (run `sunlight serve` or build first):\n{exc}",
            file=sys.stderr,
        )
        return 2
    try:
        result = run_once(wiring)
    except StoreError as exc:
        print(
            f"sunlight tick: 无法访问存储 / cannot use the store ({bootstrap.store_name(config)}): {exc}",
            file=sys.stderr,
        )
        return 2
    finally:
        wiring.close()
    for warning in result.tick.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(result.summary())
    return 0
