"""The ONE place that wires adapters from configuration.

Configuration (environment variables; the commands' options override them):

| variable | meaning | default |
| --- | --- | --- |
| ``SUNLIGHT_DATA`` | directory of the embedded store (SQLite, WAL) | ``var/data`` |
| ``SUNLIGHT_STORE`` | ``sqlite`` (the file in the data directory) or ``dynamodb://TABLE`` (region from ``AWS_REGION`` / ``AWS_DEFAULT_REGION``, endpoint from boto3's ``AWS_ENDPOINT_URL_DYNAMODB``) | ``sqlite`` |
| ``SUNLIGHT_CATALOG`` | the backend's ``catalog.json`` written by the site build (``--backend-catalog``) | ``$SUNLIGHT_DATA/catalog.json`` |
| ``SUNLIGHT_NOW`` | fixes "now" (ISO date-time with offset) | the real clock, Asia/Shanghai |
| ``SUNLIGHT_SMTP_URL`` | SMTP server for e-mail, e.g. ``smtp://127.0.0.1:1025`` | none: e-mails stay queued |

Office webhooks need no configuration: each message to a webhook carries the office's URL.
Tests build their own :class:`Wiring` (or call :func:`bootstrap` with a :class:`Config`) and
install it with :func:`install`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sunlight.clock import Clock, from_environment
from sunlight.notify.base import Channel
from sunlight.notify.smtp import SmtpChannel
from sunlight.notify.webhook import WebhookChannel
from sunlight.service.catalog import load_catalog
from sunlight.service.complaints import ComplaintService
from sunlight.store.base import Store

STORE_FILE = "sunlight.sqlite3"
CATALOG_FILE = "catalog.json"


@dataclass(frozen=True)
class Config:
    data_dir: Path
    catalog_path: Path
    now: str = ""
    smtp_url: str = ""
    store_url: str = "sqlite"

    @classmethod
    def from_environment(
        cls,
        environ: Mapping[str, str] | None = None,
        data_dir: str | Path | None = None,
        now: str | None = None,
    ) -> Config:
        env = os.environ if environ is None else environ
        data = Path(data_dir or env.get("SUNLIGHT_DATA") or "var/data")
        catalog = Path(env.get("SUNLIGHT_CATALOG") or data / CATALOG_FILE)
        return cls(
            data_dir=data,
            catalog_path=catalog,
            now=now or env.get("SUNLIGHT_NOW", ""),
            smtp_url=env.get("SUNLIGHT_SMTP_URL", ""),
            store_url=(env.get("SUNLIGHT_STORE") or "sqlite").strip(),
        )

    @property
    def dynamodb_table(self) -> str:
        """The table of ``dynamodb://TABLE`` ("" for SQLite); ``ValueError`` for anything else."""
        if self.store_url in ("", "sqlite"):
            return ""
        if self.store_url.startswith("dynamodb://") and self.store_url[len("dynamodb://") :].strip("/"):
            return self.store_url[len("dynamodb://") :].strip("/")
        raise ValueError(
            f"SUNLIGHT_STORE 应为 sqlite 或 dynamodb://表名 / SUNLIGHT_STORE must be sqlite or dynamodb://TABLE,"
            f" not {self.store_url!r}"
        )


@dataclass
class Wiring:
    """Everything a route, a command or the timer loop needs."""

    service: ComplaintService
    clock: Clock
    channels: dict[str, Channel] = field(default_factory=dict)
    config: Config | None = None

    def close(self) -> None:
        self.service.store.close()


def open_store(config: Config) -> Store:
    """The store ``config`` names: DynamoDB for ``dynamodb://TABLE``, else the SQLite file in the data directory."""
    table = config.dynamodb_table
    if table:
        from sunlight.store.dynamodb import DynamoStore

        return DynamoStore.connect(table)
    from sunlight.store.sqlite import SqliteStore

    config.data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteStore(config.data_dir / STORE_FILE)


def init_store(config: Config) -> str:
    """Create the store ``config`` names if missing (idempotent): the DynamoDB table with its indexes
    and TTL, or the SQLite file with its schema. A line saying what was done."""
    store = open_store(config)
    try:
        create = getattr(store, "create_table", None)
        if create is not None:
            created = create()
            state = "已创建 / created" if created else "已存在 / exists"
            return f"DynamoDB table {config.dynamodb_table}: {state}"
        return f"SQLite {config.data_dir / STORE_FILE}: schema version {store.schema_version()}"  # type: ignore[attr-defined]
    finally:
        store.close()


def channels(config: Config) -> dict[str, Channel]:
    out: dict[str, Channel] = {"webhook": WebhookChannel()}
    if config.smtp_url:
        out["email"] = SmtpChannel.from_url(config.smtp_url)
    return out


def bootstrap(config: Config, store: Store | None = None) -> Wiring:
    """Wire the store, the catalog, the clock and the channels named by ``config``."""
    catalog = load_catalog(config.catalog_path)
    service = ComplaintService(store or open_store(config), catalog)
    return Wiring(
        service=service, clock=from_environment(config.now), channels=channels(config), config=config
    )


_lock = threading.Lock()
_current: Wiring | None = None


def install(wiring: Wiring | None) -> None:
    """Make ``wiring`` the one the Chalice app uses (``None`` to forget it)."""
    global _current
    with _lock:
        _current = wiring


def current() -> Wiring:
    """The installed wiring, or one built from the environment on first use (on AWS, in the Lambda)."""
    global _current
    with _lock:
        if _current is None:
            _current = bootstrap(Config.from_environment())
        return _current


def complaint_stats(data_dir: str | Path, now: str | None = None) -> list[dict[str, object]]:
    """Per-office complaint figures of a ``--data`` directory as plain dicts (``GET /api/stats`` rows):
    the snapshot the site build can show on ``/compliance/``. Empty when there is no store yet."""
    from sunlight.api.serialize import plain

    config = Config.from_environment(data_dir=data_dir, now=now)
    if not config.catalog_path.exists():
        return []
    if not config.dynamodb_table and not (config.data_dir / STORE_FILE).exists():
        return []
    wiring = bootstrap(config)
    try:
        return plain(wiring.service.stats(wiring.clock()))
    finally:
        wiring.close()
