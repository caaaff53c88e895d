"""``sunlight build CONTENT -o OUT [--today YYYY-MM-DD]``: load, publish, render, write.

The pipeline (docs/site.md):

1. load and validate ``content/`` (``sunlight.content.loader.load_content``);
2. run Pelican with settings made here and the plugin ``sunlight_site.plugin`` (the section
   generators and the writer); the decisions section applies the publication policy
   (``sunlight.domain.publication``) and starts writing the decision pages in the background
   while the other sections are made (``sections/decision_pages.py``);
3. write ``OUT/build-report.json``, then let the writer delete what the previous build wrote and
   this one did not.

Exit status: 0 when the site was built (even with held-back records or content errors, which the
report lists), 2 when the build could not run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from sunlight import clock
from sunlight.content.loader import load_content
from sunlight.content.model import Content
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.problems import Problem
from sunlight.sitefiles import REPORT_NAME

from sunlight_site import plugin
from sunlight_site.batch import batch_gc
from sunlight_site.data.search_index import take_known_pages
from sunlight_site.decisions import tagger_process
from sunlight_site.render.context import site_context
from sunlight_site.render.filters import FILTERS
from sunlight_site.render.templating import THEME_GLOBALS
from sunlight_site.state import BuildReport, BuildState, plain_value

THEME_DIR = Path(__file__).resolve().parent / "theme"
TIMEZONE = "Asia/Shanghai"


class BuildError(Exception):
    """The build could not run at all (message in Chinese and English)."""


def run(args: argparse.Namespace) -> int:
    with batch_gc():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        today = clock.today(getattr(args, "today", None))
    except clock.ClockError as exc:
        print(f"sunlight build: {exc}", file=sys.stderr)
        return 2
    try:
        backend_catalog = getattr(args, "backend_catalog", None)
        report = build_site(
            Path(args.content_dir),
            Path(args.output),
            today,
            search=not getattr(args, "no_search", False),
            backend_catalog=Path(backend_catalog) if backend_catalog else None,
            complaint_stats=stats_snapshot(getattr(args, "stats_from", None)),
            inspection_stats=inspection_snapshot(getattr(args, "stats_from", None)),
            case_reviews=reviews_snapshot(getattr(args, "reviews_from", None)),
        )
    except BuildError as exc:
        print(f"sunlight build: {exc}", file=sys.stderr)
        return 2
    files = report["files"]
    print(
        f"built: {files['written']} files written, {files['unchanged']} unchanged, "
        f"{files['deleted']} deleted; {len(report['held_back'])} held back, "
        f"{len(report['errors'])} content errors, {len(report['warnings'])} warnings -> {args.output}/{REPORT_NAME}"
    )
    return 0


STATS_FORMAT = "sunlight-complaint-stats"  # written by `sunlight stats export`


def _snapshot(path: str) -> dict[str, Any]:
    """The document of ``--stats-from FILE``, the JSON that ``sunlight stats export`` writes."""
    expected = (
        "应为 sunlight stats export 写出的文件 / expected the file written by `sunlight stats export -o FILE`"
    )
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"--stats-from 文件不存在 / --stats-from file not found: {path}") from None
    except (OSError, ValueError) as exc:  # a directory, unreadable, or not JSON
        raise BuildError(f"--stats-from {path}: {expected} ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != STATS_FORMAT:
        raise BuildError(f"--stats-from {path}: {expected}")
    if not isinstance(document.get("offices"), list) or not isinstance(document.get("inspections", []), list):
        raise BuildError(f"--stats-from {path}: {expected}")
    return document


def stats_snapshot(path: str | None) -> list[dict[str, Any]] | None:
    """The complaint figures of ``--stats-from FILE``.
    The build never opens the store itself: data flows one way, from the backend to the site."""
    if not path:
        return None
    return [row for row in _snapshot(path)["offices"] if isinstance(row, dict)]


def inspection_snapshot(path: str | None) -> list[dict[str, Any]] | None:
    """The per-office inspection-code figures of ``--stats-from FILE`` (None in a file written before
    they were exported)."""
    if not path:
        return None
    rows = _snapshot(path).get("inspections")
    return None if rows is None else [row for row in rows if isinstance(row, dict)]


def reviews_snapshot(path: str | None) -> list[Any] | None:
    """The finished 案卷评查 of ``--reviews-from FILE`` (``sunlight review export``), checked."""
    if not path:
        return None
    from sunlight_site.data.case_reviews import ReviewsFileError, read_reviews

    try:
        return list(read_reviews(path))
    except ReviewsFileError as exc:
        raise BuildError(f"--reviews-from {exc}") from None


def load(content_dir: Path) -> tuple[Content, list[Problem]]:
    if not content_dir.is_dir():
        raise BuildError(f"内容目录不存在 / content directory not found: {content_dir}")
    if not (content_dir / "agency.yaml").is_file():
        raise BuildError(f"缺少 agency.yaml / agency.yaml is missing in {content_dir}")
    content, problems = load_content(content_dir)
    return content, list(problems.items)


def build_site(
    content_dir: Path,
    out_dir: Path,
    today: dt.date,
    search: bool = True,
    backend_catalog: Path | None = None,
    complaint_stats: list[dict[str, Any]] | None = None,
    inspection_stats: list[dict[str, Any]] | None = None,
    case_reviews: list[Any] | None = None,
) -> dict[str, Any]:
    """Build the site of ``content_dir`` into ``out_dir`` as of ``today``; returns the build report.

    ``complaint_stats``: per-office complaint figures (``GET /api/stats`` rows) shown on
    ``/compliance/`` and the office pages; ``inspection_stats``: per-office inspection-code figures
    (``GET /api/stats/inspections`` rows) shown on ``/compliance/``; both also go to ``/data/``.

    ``case_reviews``: the finished 案卷评查 (``sunlight review export``), published under ``/supervision/``.

    ``backend_catalog``: where to write the backend's own catalog, which unlike the public
    ``/data/catalog.json`` keeps the offices' webhook URLs; it belongs outside the web root.
    """
    tagger_process.start()  # if `sunlight build` did not: the tagger loads while the content is read
    content, problems = load(content_dir)
    report = build_from_content(
        content,
        content_dir,
        out_dir,
        today,
        search=search,
        problems=problems,
        complaint_stats=complaint_stats,
        inspection_stats=inspection_stats,
        case_reviews=case_reviews,
    )
    if backend_catalog is not None:
        write_backend_catalog(content, today, out_dir, backend_catalog)
    return report


def write_backend_catalog(content: Content, today: dt.date, out_dir: Path, path: Path) -> None:
    """The private catalog: the public one's decision ids, plus what may not be published."""
    from sunlight.content.catalog import build_catalog

    public = json.loads((out_dir / "data" / "catalog.json").read_text(encoding="utf-8"))
    catalog = build_catalog(
        content, today, public.get("decisions", []), private=True, doc_nos=public.get("decision_doc_nos")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(catalog, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def build_from_content(
    content: Content,
    content_dir: Path,
    out_dir: Path,
    today: dt.date,
    search: bool = True,
    problems: list[Problem] | None = None,
    complaint_stats: list[dict[str, Any]] | None = None,
    inspection_stats: list[dict[str, Any]] | None = None,
    case_reviews: list[Any] | None = None,
) -> dict[str, Any]:
    """Stages 2-4 on already loaded content (tests use this with records made in code)."""
    calendar = WorkingCalendar.from_overrides(
        content.calendar.holidays, content.calendar.workdays, complete_years=content.calendar.complete_years
    )
    state = BuildState(
        content=content,
        today=today,
        out_dir=out_dir,
        calendar=calendar,
        report=BuildReport(today=today.isoformat()),
        search=search,
        complaint_stats=None if complaint_stats is None else list(complaint_stats),
        inspection_stats=None if inspection_stats is None else list(inspection_stats),
        case_reviews=list(case_reviews or ()),
    )
    for problem in problems or []:
        state.report.add_problem(problem)
        if problem.severity == "error" and problem.file:
            state.error_files.add(problem.file)
    state.site = site_context(content, today)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        state.search_known = take_known_pages(out_dir)  # before any page changes
        try:
            run_pelican(state, content_dir, out_dir)
        finally:
            state.wait_background()  # no page worker outlives the build, even a failed one
    except BuildError:
        raise
    except Exception as exc:  # a template bug, a full disk...: the build could not run
        if os.environ.get("SUNLIGHT_DEBUG"):
            raise
        raise BuildError(
            f"站点生成失败 / the site could not be generated: {type(exc).__name__}: {exc} "
            "(SUNLIGHT_DEBUG=1 shows the traceback)"
        ) from exc
    for year in sorted(calendar.fallback_years):
        state.report.warn(
            f"内置官方日历和 calendar.yaml 都没有 {year} 年完整的节假日安排，按周一至周五计算工作日"
            f"（补全后在 complete_years 中列出 {year}）",
            f"neither the official calendar nor calendar.yaml covers all of {year}; counting Monday to "
            f"Friday (once it is listed, name {year} under complete_years)",
            file="calendar.yaml",
            field="holidays",
            value=str(year),
        )
    writer = state.writer
    if writer is None:  # pragma: no cover - Pelican always makes the writer
        raise BuildError("写入器未创建 / the writer was not created")
    report = state.report.to_dict()
    writer.write_text(
        REPORT_NAME, json.dumps(report, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    )
    deleted = writer.finish()
    # How the files fared goes to the console, not into the report: a rebuild's report equals a full build's.
    report["files"] = {
        "written": writer.stats.written,
        "unchanged": writer.stats.unchanged,
        "deleted": len(deleted),
    }
    return report


def run_pelican(state: BuildState, content_dir: Path, out_dir: Path) -> None:
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(override=pelican_settings(state, content_dir, out_dir))
    logging.getLogger("pelican").setLevel(logging.WARNING)
    Pelican(settings).run()


def pelican_settings(state: BuildState, content_dir: Path, out_dir: Path) -> dict[str, Any]:
    no = ""  # an empty *_SAVE_AS tells Pelican not to write that page
    return {
        "PATH": str(content_dir.resolve()),
        "OUTPUT_PATH": str(out_dir.resolve()),
        "THEME": str(THEME_DIR),
        "SITEURL": "",
        "SITENAME": state.content.agency.name,
        "TIMEZONE": TIMEZONE,
        "DEFAULT_LANG": "zh-CN",
        "DEFAULT_DATE_FORMAT": "%Y-%m-%d",
        "PAGE_PATHS": ["pages"],
        "ARTICLE_PATHS": ["notices"],
        "STATIC_PATHS": [],
        "THEME_STATIC_PATHS": [],
        "READERS": {"html": None, "htm": None, "rst": None},
        "SLUGIFY_SOURCE": "basename",
        "ARTICLE_URL": "notices/{slug}/",
        "ARTICLE_SAVE_AS": "notices/{slug}/index.html",
        "PAGE_URL": "{slug}/",
        "PAGE_SAVE_AS": "{slug}/index.html",
        "INDEX_URL": "notices/",
        "INDEX_SAVE_AS": "notices/index.html",
        "DIRECT_TEMPLATES": ["index"],
        "PAGINATED_TEMPLATES": {"index": 20},
        "DEFAULT_PAGINATION": 20,
        "PAGINATION_PATTERNS": [
            (1, "{url}", "{save_as}"),
            (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
        ],
        **dict.fromkeys(
            [
                "ARTICLE_LANG_SAVE_AS",
                "PAGE_LANG_SAVE_AS",
                "DRAFT_SAVE_AS",
                "DRAFT_LANG_SAVE_AS",
                "DRAFT_PAGE_SAVE_AS",
                "DRAFT_PAGE_LANG_SAVE_AS",
                "TAG_SAVE_AS",
                "TAGS_SAVE_AS",
                "CATEGORY_SAVE_AS",
                "CATEGORIES_SAVE_AS",
                "AUTHOR_SAVE_AS",
                "AUTHORS_SAVE_AS",
                "ARCHIVES_SAVE_AS",
                "YEAR_ARCHIVE_SAVE_AS",
                "MONTH_ARCHIVE_SAVE_AS",
                "DAY_ARCHIVE_SAVE_AS",
            ],
            no,
        ),
        # Pelican's own feeds are off: feeds are made with feedgen (sections/notice_feeds.py).
        **dict.fromkeys(
            [
                "FEED_ATOM",
                "FEED_RSS",
                "FEED_ALL_ATOM",
                "FEED_ALL_RSS",
                "CATEGORY_FEED_ATOM",
                "CATEGORY_FEED_RSS",
                "TAG_FEED_ATOM",
                "TAG_FEED_RSS",
                "AUTHOR_FEED_ATOM",
                "AUTHOR_FEED_RSS",
                "TRANSLATION_FEED_ATOM",
                "TRANSLATION_FEED_RSS",
            ],
            None,
        ),
        "DELETE_OUTPUT_DIRECTORY": False,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "OUTPUT_SOURCES": False,
        "RELATIVE_URLS": False,
        "PLUGINS": [plugin],
        "JINJA_ENVIRONMENT": {
            "trim_blocks": True,
            "lstrip_blocks": True,
            "autoescape": True,
            "extensions": [],
        },
        "JINJA_GLOBALS": {"site": state.site, **THEME_GLOBALS},
        "JINJA_FILTERS": dict(FILTERS),
        "MARKDOWN": {
            "extension_configs": {
                "markdown.extensions.extra": {},
                "markdown.extensions.toc": {"permalink": False},
            },
            "output_format": "html",
        },
        "SUNLIGHT_STATE": state,
    }


def _json_default(value: Any) -> Any:
    plain = plain_value(value)
    return plain if plain is not value else str(value)
