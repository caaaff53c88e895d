"""``sunlight serve CONTENT_DIR [--port] [--host] [--data] [--tick-seconds]``.

1. builds the site of ``CONTENT_DIR`` into ``DATA/site`` (``sunlight_site.build.build_site``), which
   also writes the backend's catalog ``DATA/catalog.json`` (outside the web root: it keeps the
   offices' webhook URLs, which the public ``/data/catalog.json`` leaves out);
2. wires the backend (``sunlight.bootstrap``): the SQLite store in ``DATA``, the catalog, the clock,
   the channels;
3. serves with waitress (a production WSGI server) one application: ``/api/...`` goes to the Chalice
   app through :class:`sunlight.api.gateway.ChaliceWSGI`, everything else to the built files;
4. runs the timer loop (ticks + outbox delivery) every ``--tick-seconds`` in a background thread.

SIGTERM and Ctrl-C stop it cleanly. ``SUNLIGHT_BUILD_SEARCH=0`` skips the search index (faster).
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

from waitress.channel import HTTPChannel
from waitress.task import ErrorTask

import sunlight
from sunlight import bootstrap
from sunlight.api.errors import error_json
from sunlight.api.gateway import DEFAULT_MAX_BODY, ChaliceWSGI
from sunlight.clock import ClockError
from sunlight.clock import from_environment as clock_from_environment
from sunlight.http_headers import with_security_headers
from sunlight.review_export import serve_reviews
from sunlight.service.catalog import CatalogError
from sunlight.staticsite import StaticSite
from sunlight.store.base import StoreError
from sunlight.timers import TimerLoop

log = logging.getLogger("sunlight.server")
access_log = logging.getLogger("sunlight.access")

APP_FILE = Path(sunlight.__file__).resolve().parent.parent / "app.py"


def load_chalice_app(path: Path = APP_FILE) -> Any:
    """The ``app`` object of ``backend/app.py`` (the file Chalice deploys)."""
    spec = importlib.util.spec_from_file_location("sunlight_chalice_app", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise RuntimeError(f"找不到 Chalice 应用 / Chalice app not found: {path}")
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.app


class Portal:
    """One WSGI application: the API under ``/api``, the built site everywhere else."""

    def __init__(self, api: Callable[..., Iterable[bytes]], site: Callable[..., Iterable[bytes]]) -> None:
        self.api = api
        self.site = site

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        started = time.monotonic()
        seen: list[str] = []

        def logged_start_response(status: str, headers: list[tuple[str, str]], *exc: Any) -> Any:
            seen.append(status.split(" ", 1)[0])
            return start_response(status, with_security_headers(headers), *exc)

        app = self.api if path == "/api" or path.startswith("/api/") else self.site
        result = app(environ, logged_start_response)
        # The access log names method, path and status only: never the query string or any header.
        access_log.info(
            "%s %s %s %.1fms",
            environ.get("REQUEST_METHOD", "-"),
            path,
            seen[0] if seen else "-",
            (time.monotonic() - started) * 1000,
        )
        return result


def build(
    content_dir: Path, site_dir: Path, wiring_clock: Callable[[], Any], reviews_from: str | None = None
) -> dict[str, Any]:
    from sunlight_site.build import build_site
    from sunlight_site.decisions import tagger_process

    search = os.environ.get("SUNLIGHT_BUILD_SEARCH", "1") not in ("0", "false", "no")
    figures = bootstrap.store_figures(site_dir.parent)
    # The backend's catalog keeps the offices' webhook URLs, so it is written beside the site, not in it.
    try:
        return build_site(
            content_dir,
            site_dir,
            wiring_clock().date(),  # the clock gives Beijing time: this is the day in Asia/Shanghai
            search=search,
            backend_catalog=site_dir.parent / bootstrap.CATALOG_FILE,
            # The figures of the store as it was at start-up go on /compliance/ and in /data/.
            complaint_stats=figures["offices"],
            inspection_stats=figures["inspections"],
            # The finished 案卷评查 of the store, and of --reviews-from for the years the store lacks.
            case_reviews=serve_reviews(site_dir.parent, reviews_from),
        )
    finally:
        tagger_process.stop()  # the server goes on: the name tagger's helper is not needed any more


def make_portal(wiring: bootstrap.Wiring, site_dir: Path, max_body: int = DEFAULT_MAX_BODY) -> Portal:
    bootstrap.install(wiring)
    return Portal(ChaliceWSGI(load_chalice_app(), max_body=max_body), StaticSite(site_dir))


DEFAULT_THREADS = 8
MAX_THREADS = 256


def server_threads(env: Mapping[str, str]) -> int:
    """``SUNLIGHT_THREADS``: waitress's worker threads (requests served at once). Filings wait on the
    SQLite group commit's fsync, not on the CPU, so more threads make larger batches."""
    text = env.get("SUNLIGHT_THREADS", "").strip()
    if not text:
        return DEFAULT_THREADS
    if not text.isdigit() or not 1 <= int(text) <= MAX_THREADS:
        raise ValueError(
            f"SUNLIGHT_THREADS 应为 1 到 {MAX_THREADS} 的整数 / SUNLIGHT_THREADS must be a whole number"
            f" from 1 to {MAX_THREADS}, got {text!r}"
        )
    return int(text)


def proxy_settings() -> dict[str, Any]:
    """Behind a reverse proxy, ``SUNLIGHT_TRUSTED_PROXY`` (its address) makes the client's address come
    from ``X-Forwarded-For``, so rate limits apply per client rather than to the proxy."""
    proxy = os.environ.get("SUNLIGHT_TRUSTED_PROXY", "")
    if not proxy:
        return {}
    return {"trusted_proxy": proxy, "trusted_proxy_headers": {"x-forwarded-for"}, "trusted_proxy_count": 1}


class JsonErrorTask(ErrorTask):
    """Errors waitress answers itself (a body over its limit, a malformed request) in the API's
    JSON error shape, with the security headers, instead of waitress's plain text."""

    def execute(self) -> None:
        error = self.request.error
        code = {413: "too_large", 431: "too_large"}.get(error.code, "bad_request")
        zh = "请求内容过大" if code == "too_large" else "请求格式错误"
        body = error_json(code, zh, error.reason.lower())
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend(
            with_security_headers([("Content-Type", "application/json; charset=utf-8")])
        )
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class JsonErrorChannel(HTTPChannel):
    error_task_class = JsonErrorTask


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    content_dir = Path(args.content_dir)
    try:
        threads = server_threads(os.environ)
        config = bootstrap.Config.from_environment(data_dir=args.data)
        clock = clock_from_environment(config.now)
    except (ClockError, ValueError) as exc:
        print(f"sunlight serve: {exc}", file=sys.stderr)
        return 2
    site_dir = config.data_dir / "site"
    problem = bootstrap.data_dir_problem(config, create=True)  # the site and the SQLite store go there
    if problem:
        print(f"sunlight serve: {problem}", file=sys.stderr)
        return 2
    try:
        from sunlight_site.build import BuildError

        report = build(content_dir, site_dir, clock, getattr(args, "reviews_from", None))
    except BuildError as exc:
        print(f"sunlight serve: {exc}", file=sys.stderr)
        return 2
    except Exception:
        log.exception("site build failed")
        print(
            "sunlight serve: 站点构建失败,详见上方日志 / the site build failed, see the log above",
            file=sys.stderr,
        )
        return 2
    print(
        f"site built into {site_dir}: {len(report.get('held_back', []))} held back, "
        f"{len(report.get('errors', []))} content errors",
        flush=True,
    )
    try:
        if config.dynamodb_table:  # as `sunlight store init`: the table with its indexes, if missing
            print(bootstrap.init_store(config), flush=True)
        wiring = bootstrap.bootstrap(config)
    except StoreError as exc:
        print(
            f"sunlight serve: 无法打开存储 / cannot open the store ({bootstrap.store_name(config)}): {exc}",
            file=sys.stderr,
        )
        return 2
    except CatalogError as exc:
        print(f"sunlight serve: 无法读取目录 / cannot load the catalog:\n{exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # e.g. a malformed SUNLIGHT_SMTP_URL
        print(f"sunlight serve: {exc}", file=sys.stderr)
        return 2

    from waitress import create_server

    portal = make_portal(wiring, site_dir)
    try:
        server = create_server(
            portal,
            host=args.host,
            port=args.port,
            threads=threads,
            ident="sunlight",
            max_request_body_size=4 * DEFAULT_MAX_BODY,  # larger bodies: the gateway answers 413 in JSON
            clear_untrusted_proxy_headers=True,
            **proxy_settings(),
        )
    except OSError as exc:
        wiring.close()
        print(
            f"sunlight serve: 无法监听 {args.host}:{args.port}(端口被占用?) / cannot listen: {exc}",
            file=sys.stderr,
        )
        return 2
    server.channel_class = JsonErrorChannel  # type: ignore[union-attr]
    loop = TimerLoop(wiring, args.tick_seconds)
    loop.start()
    signal.signal(signal.SIGTERM, _stop)
    print(
        f"serving http://{args.host}:{server.effective_port}/ (site {site_dir}, store {config.dynamodb_table and config.store_url or config.data_dir})",
        flush=True,
    )
    try:
        server.run()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.close()
        loop.stop()
        wiring.close()
        bootstrap.install(None)
        print("stopped", flush=True)
    return 0
