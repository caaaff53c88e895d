"""``pages/*.md`` and ``notices/*.md``: Markdown with Pelican metadata, checked before the build.

Pelican reads these files itself; the loader only checks their metadata header (the lines
``Key: value`` before the first blank line): ``Title`` is required, notices also need a
``Date`` (``2025-09-28`` or ``2025-09-28 10:00``), keys must be ones Pelican understands
(a typo such as ``Titel`` is an error), and slugs are unique.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sunlight.content.fields import source_name
from sunlight.content.model import Page
from sunlight.domain.problems import Problem, Problems

META = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):\s*(.*)$")
DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KNOWN_KEYS = frozenset(
    {
        "title", "date", "modified", "slug", "summary", "category", "tags", "author", "authors",
        "status", "template", "lang", "translation", "save_as", "url", "source", "keywords",
    }
)  # fmt: skip
STATUSES = ("published", "draft", "hidden")


def read_metadata(text: str) -> tuple[dict[str, tuple[str, int]], list[tuple[str, int]]]:
    """The metadata header: ``{key (lower-case): (value, line)}`` and repeated keys."""
    meta: dict[str, tuple[str, int]] = {}
    repeated: list[tuple[str, int]] = []
    last = ""
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        match = META.match(line)
        if match:
            last = match.group(1).lower()
            if last in meta:
                repeated.append((last, line_no))
            meta[last] = (match.group(2).strip(), line_no)
        elif last and line.startswith(("    ", "\t")):
            value, first_line = meta[last]
            meta[last] = (f"{value} {line.strip()}", first_line)
        else:
            break
    return meta, repeated


def parse_datetime(value: str) -> dt.datetime | None:
    match = DATE.match(value.strip())
    if not match:
        return None
    parts = [int(g) if g else 0 for g in match.groups()]
    try:
        return dt.datetime(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None


def check_page(path: Path, name: str, problems: Problems, *, dated: bool) -> Page | None:
    """The metadata of one Markdown file, checked."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError):
        problems.add(Problem("文件应为 UTF-8 编码的文本", "the file must be UTF-8 text", file=name))
        return None
    meta, repeated = read_metadata(text)
    page = Page(source=name, line=1, slug=path.stem)

    def error(key: str, zh: str, en: str, value: str = "", line: int = 1) -> None:
        problems.add(
            Problem(zh, en, file=name, line=line, field=key.capitalize(), value=value, record_id=page.slug)
        )

    for key, line in repeated:
        error(key, "元数据重复", "metadata key given twice", line=line)
    for key, (_, line) in meta.items():
        if key not in KNOWN_KEYS:
            error(key, "未知的元数据(拼写错误？)", "unknown metadata key (a typo?)", line=line)
    page.title = meta.get("title", ("", 1))[0]
    if not page.title:
        error("title", "缺少标题(Title)", "Title is missing")
    if "slug" in meta:
        page.slug = meta["slug"][0]
    if not SLUG.match(page.slug):
        error(
            "slug",
            "网址名应为小写英文字母、数字和连字符",
            "slug must be lower-case ascii letters, digits, hyphens",
            page.slug,
            meta.get("slug", ("", 1))[1],
        )
    if "status" in meta and meta["status"][0] not in STATUSES:
        error(
            "status",
            f"状态应为:{'、'.join(STATUSES)}",
            f"status must be one of: {', '.join(STATUSES)}",
            meta["status"][0],
            meta["status"][1],
        )
    for key in ("date", "modified"):
        if key in meta:
            value, line = meta[key]
            when = parse_datetime(value)
            if when is None:
                error(
                    key,
                    "日期格式应为 2025-09-28 或 2025-09-28 10:00",
                    "date must look like 2025-09-28 or 2025-09-28 10:00",
                    value,
                    line,
                )
            elif key == "date":
                page.date = when
    if dated and "date" not in meta:
        error("date", "通知公告须填写日期(Date)", "a notice needs a Date")
    return page


def load_pages(root: Path, folder: str, problems: Problems, *, dated: bool) -> list[Page]:
    pages: list[Page] = []
    for path in sorted((root / folder).glob("*.md")):
        page = check_page(path, source_name(root, path), problems, dated=dated)
        if page is not None:
            pages.append(page)
    first: dict[str, Page] = {}
    for page in pages:
        if page.slug in first:
            problems.add(
                Problem(
                    f"网址名重复(首次出现于 {first[page.slug].source})",
                    f"duplicate slug (first in {first[page.slug].source})",
                    file=page.source,
                    line=1,
                    field="Slug",
                    value=page.slug,
                )
            )
        first.setdefault(page.slug, page)
    return pages
