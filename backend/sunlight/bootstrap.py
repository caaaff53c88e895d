"""The ONE place that wires adapters from configuration.

Configuration (environment variables; the commands' options override them):

| variable | meaning | default |
| --- | --- | --- |
| ``SUNLIGHT_DATA`` | directory of the embedded store (SQLite, WAL) | ``var/data`` |
| ``SUNLIGHT_STORE`` | ``sqlite`` (the file in the data directory) or ``dynamodb://TABLE`` (region from ``AWS_REGION`` / ``AWS_DEFAULT_REGION``, endpoint from boto3's ``AWS_ENDPOINT_URL_DYNAMODB``) | ``sqlite`` |
| ``SUNLIGHT_CATALOG`` | the backend's ``catalog.json`` written by the site build (``--backend-catalog``): a file, or ``s3://BUCKET/KEY`` (a private key, re-read when its ETag changes) | ``$SUNLIGHT_DATA/catalog.json`` |
| ``SUNLIGHT_CATALOG_REFRESH`` | seconds between two checks of an ``s3://`` catalog (conditional GET) | ``60`` |
| ``SUNLIGHT_NOW`` | fixes "now" (ISO date-time with offset) | the real clock, Asia/Shanghai |
| ``SUNLIGHT_MAIL`` | the e-mail channel: ``ses`` (Amazon SES), ``smtp`` (an SMTP server or relay), ``none`` | ``smtp`` when one of the three SMTP variables is set, else none: e-mails stay queued |
| ``SUNLIGHT_MAIL_FROM`` | sender address for ``ses`` (a verified SES identity) | required with ``ses`` |
| ``SUNLIGHT_SMTP_URL`` | SMTP server for e-mail, e.g. ``smtp://127.0.0.1:1025`` | none |
| ``SUNLIGHT_SMTP_URL_PARAMETER`` | name of an SSM SecureString holding that URL (aws-cn: the agency's relay) | none |
| ``SUNLIGHT_SMTP_URL_SECRET`` | name of a Secrets Manager secret holding that URL | none |
| ``SUNLIGHT_FILING_LIMIT_PER_CLIENT`` | complaints and feedback one client (address) may file per hour; ``0``: no limit | ``20`` |
| ``SUNLIGHT_FILING_LIMIT_GLOBAL`` | complaints and feedback the whole service accepts per minute; ``0``: no limit | ``600`` |
| ``SUNLIGHT_ALLOWED_ORIGINS`` | other origins (comma-separated, e.g. ``https://www.example.gov.cn``) whose pages may post to the API; a request's own host is always allowed | none |
| ``SUNLIGHT_CODE_KEY_PARAMETER`` | name of an SSM SecureString holding the access-code key (AWS) | none: the file ``access-code.key`` in the data directory, created on first use |
| ``SUNLIGHT_SMS`` | the SMS channel (receipts to a reporter's mobile number): ``log`` (logged with the number masked, not sent) or ``none`` (stay queued); a gateway is a ``GatewaySmsChannel`` | ``log`` |

Office webhooks need no configuration: each message to a webhook carries the office's URL. The
12345 exchange partners' webhooks and secrets are in the store (``sunlight partner add``).
Tests build their own :class:`Wiring` (or call :func:`bootstrap` with a :class:`Config`) and
install it with :func:`install`.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sunlight.clock import Clock, from_environment
from sunlight.code_key import KEY_FILE, CodeKey, FileCodeKey, SsmCodeKey
from sunlight.notify.base import Channel
from sunlight.notify.partner import PartnerWebhookChannel
from sunlight.notify.relay import SmtpRelayChannel
from sunlight.notify.ses import SesChannel
from sunlight.notify.sms import LogSmsChannel
from sunlight.notify.smtp import SmtpChannel
from sunlight.notify.webhook import WebhookChannel
from sunlight.s3catalog import S3Catalog
from sunlight.service import exchange
from sunlight.service.catalog import load_catalog
from sunlight.service.complaints import ComplaintService
from sunlight.service.limits import Limits
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
    catalog_url: str = ""  # s3://BUCKET/KEY instead of catalog_path
    catalog_refresh: float = 60.0
    mail: str = ""
    mail_from: str = ""
    smtp_url_parameter: str = ""
    smtp_url_secret: str = ""
    limits: Limits = field(default_factory=Limits)
    allowed_origins: tuple[str, ...] = ()
    code_key_parameter: str = ""
    sms: str = "log"

    @classmethod
    def from_environment(
        cls,
        environ: Mapping[str, str] | None = None,
        data_dir: str | Path | None = None,
        now: str | None = None,
    ) -> Config:
        env = os.environ if environ is None else environ
        data = Path(data_dir or env.get("SUNLIGHT_DATA") or "var/data")
        named = env.get("SUNLIGHT_CATALOG", "")
        remote = named if named.startswith("s3://") else ""
        return cls(
            data_dir=data,
            catalog_path=Path(named) if named and not remote else data / CATALOG_FILE,
            now=now or env.get("SUNLIGHT_NOW", ""),
            smtp_url=env.get("SUNLIGHT_SMTP_URL", ""),
            catalog_url=remote,
            catalog_refresh=float(env.get("SUNLIGHT_CATALOG_REFRESH") or 60),
            mail=env.get("SUNLIGHT_MAIL", "").strip().lower(),
            mail_from=env.get("SUNLIGHT_MAIL_FROM", ""),
            smtp_url_parameter=env.get("SUNLIGHT_SMTP_URL_PARAMETER", ""),
            smtp_url_secret=env.get("SUNLIGHT_SMTP_URL_SECRET", ""),
            store_url=(env.get("SUNLIGHT_STORE") or "sqlite").strip(),
            limits=Limits(
                filings_per_client_per_hour=_count(env, "SUNLIGHT_FILING_LIMIT_PER_CLIENT", 20),
                filings_per_minute=_count(env, "SUNLIGHT_FILING_LIMIT_GLOBAL", 600),
            ),
            allowed_origins=tuple(
                o.strip().rstrip("/").lower()
                for o in env.get("SUNLIGHT_ALLOWED_ORIGINS", "").split(",")
                if o.strip()
            ),
            code_key_parameter=env.get("SUNLIGHT_CODE_KEY_PARAMETER", "").strip(),
            sms=(env.get("SUNLIGHT_SMS") or "log").strip().lower(),
        )

    def code_key(self) -> CodeKey:
        """The access-code key: the SSM parameter when named, else the file beside the store."""
        if self.code_key_parameter:
            return SsmCodeKey(self.code_key_parameter)
        return FileCodeKey(self.data_dir / KEY_FILE)

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


def _count(env: Mapping[str, str], name: str, default: int) -> int:
    text = (env.get(name) or "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise ValueError(f"{name} 应为非负整数 / {name} must be a whole number (0: no limit), not {text!r}")
    return int(text)


@dataclass
class Wiring:
    """Everything a route, a command or the timer loop needs."""

    service: ComplaintService
    clock: Clock
    channels: dict[str, Channel] = field(default_factory=dict)
    config: Config | None = None
    catalog_source: S3Catalog | None = None  # an s3:// catalog, re-read when it changed
    allowed_origins: tuple[str, ...] = ()  # besides the request's own host (SUNLIGHT_ALLOWED_ORIGINS)

    def refresh_catalog(self) -> None:
        if self.catalog_source is not None:
            self.service.catalog = self.catalog_source.get()

    def close(self) -> None:
        self.service.store.close()


def store_name(config: Config) -> str:
    """The store ``config`` names, for messages: ``SQLite <file>`` or ``DynamoDB table <name>``."""
    table = config.dynamodb_table
    return f"DynamoDB table {table}" if table else f"SQLite {config.data_dir / STORE_FILE}"


def data_dir_problem(config: Config, *, create: bool) -> str:
    """Why the data directory cannot be used ("" when it can): it must be a directory (made when
    ``create``, as ``sunlight serve`` does) in which a file can be written. Names the directory and
    the store, so that a start-up failure says what is wrong rather than where it surfaced."""
    path = config.data_dir
    try:
        store = store_name(config)
    except ValueError:
        store = "SQLite"
    kept = f"(存储 / store: {store}; 目录 / catalog: {config.catalog_path})"
    try:
        if create:
            path.mkdir(parents=True, exist_ok=True)
        elif not path.is_dir():
            return f"数据目录不存在 / the data directory does not exist: {path} {kept}"
        with tempfile.NamedTemporaryFile(dir=path, prefix=".sunlight-write-test-"):
            pass
    except OSError as exc:
        return f"数据目录不可用 / the data directory cannot be used: {path} {kept}: {exc.strerror or exc}"
    return ""


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


def mail_channel(config: Config) -> Channel | None:
    smtp_named = config.smtp_url or config.smtp_url_parameter or config.smtp_url_secret
    mail = config.mail or ("smtp" if smtp_named else "none")
    if mail == "ses":
        if not config.mail_from:
            raise ValueError(
                "SUNLIGHT_MAIL=ses 需要 SUNLIGHT_MAIL_FROM / SUNLIGHT_MAIL=ses needs SUNLIGHT_MAIL_FROM"
            )
        return SesChannel(config.mail_from)
    if mail == "smtp":
        if config.smtp_url:
            return SmtpChannel.from_url(config.smtp_url)
        if config.smtp_url_parameter or config.smtp_url_secret:
            return SmtpRelayChannel(parameter=config.smtp_url_parameter, secret=config.smtp_url_secret)
        raise ValueError(
            "SUNLIGHT_MAIL=smtp 需要 SUNLIGHT_SMTP_URL、SUNLIGHT_SMTP_URL_PARAMETER 或 SUNLIGHT_SMTP_URL_SECRET / "
            "SUNLIGHT_MAIL=smtp needs SUNLIGHT_SMTP_URL, SUNLIGHT_SMTP_URL_PARAMETER or SUNLIGHT_SMTP_URL_SECRET"
        )
    if mail == "none":
        return None
    raise ValueError(
        f"SUNLIGHT_MAIL 应为 ses、smtp 或 none / SUNLIGHT_MAIL must be ses, smtp or none, got {mail!r}"
    )


def channels(config: Config) -> dict[str, Channel]:
    out: dict[str, Channel] = {"webhook": WebhookChannel()}
    email = mail_channel(config)
    if email is not None:
        out["email"] = email
    if config.sms == "log":
        out["sms"] = LogSmsChannel()
    elif config.sms != "none":
        raise ValueError(
            f"SUNLIGHT_SMS 应为 log 或 none / SUNLIGHT_SMS must be log or none, got {config.sms!r}"
        )
    return out


def partner_channel(service: ComplaintService) -> PartnerWebhookChannel:
    """Status updates to the 12345 exchange partners, signed with each one's secret (docs/exchange.md)."""
    return PartnerWebhookChannel(
        lambda name: exchange.credentials(service.store, service.code_key.get(), name)
    )


def bootstrap(config: Config, store: Store | None = None) -> Wiring:
    """Wire the store, the catalog, the clock and the channels named by ``config``."""
    source = S3Catalog(config.catalog_url, config.catalog_refresh) if config.catalog_url else None
    catalog = source.get() if source is not None else load_catalog(config.catalog_path)
    service = ComplaintService(
        store or open_store(config), catalog, code_key=config.code_key(), limits=config.limits
    )
    return Wiring(
        service=service,
        clock=from_environment(config.now),
        channels={**channels(config), "partner": partner_channel(service)},
        config=config,
        catalog_source=source,
        allowed_origins=config.allowed_origins,
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
        wiring = _current
    wiring.refresh_catalog()  # an s3:// catalog: at most one conditional GET per refresh interval
    return wiring


def store_figures(data_dir: str | Path, now: str | None = None) -> dict[str, list[dict[str, object]]]:
    """The public figures of a ``--data`` directory's store as plain dicts: ``offices``, the per-office
    complaint figures (``GET /api/stats`` rows), and ``inspections``, the per-office inspection-code
    figures (``GET /api/stats/inspections`` rows; never an enterprise). The snapshot the site build
    shows on ``/compliance/`` and in ``/data/``. Empty lists when there is no store yet."""
    from sunlight.api.serialize import plain

    config = Config.from_environment(data_dir=data_dir, now=now)
    empty: dict[str, list[dict[str, object]]] = {"offices": [], "inspections": []}
    if not config.catalog_path.exists():
        return empty
    if not config.dynamodb_table and not (config.data_dir / STORE_FILE).exists():
        return empty
    wiring = bootstrap(config)
    try:
        return {
            "offices": plain(wiring.service.stats(wiring.clock())),
            "inspections": plain(wiring.service.inspection_stats()),
        }
    finally:
        wiring.close()


def complaint_stats(data_dir: str | Path, now: str | None = None) -> list[dict[str, object]]:
    """The per-office complaint figures of ``store_figures``."""
    return store_figures(data_dir, now)["offices"]
