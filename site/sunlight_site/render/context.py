"""The ``site`` template global: what every page's header, navigation and footer need.

Kept small on purpose: it is shared (not copied) by every page the writer renders.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sunlight.content.model import Content

from sunlight_site.render.atom import feed_title

# (key, title, url): the main navigation, one entry per section; ``active`` in a page's variables
# names the key to mark with aria-current.
NAV: tuple[tuple[str, str, str], ...] = (
    ("home", "首页", "/"),
    ("powers", "权责清单", "/powers/"),
    ("decisions", "执法决定", "/decisions/"),
    ("offices", "执法机构", "/offices/"),
    ("personnel", "执法人员", "/personnel/"),
    ("exemptions", "免罚清单", "/exemptions/"),
    ("inspections", "双随机抽查", "/inspections/"),
    ("points", "非现场执法", "/points/"),
    ("legal-review", "法制审核", "/legal-review/"),
    ("stats", "统计年报", "/stats/"),
    ("notices", "通知公告", "/notices/"),
    ("compliance", "公示时效", "/compliance/"),
    ("supervision", "案卷评查", "/supervision/"),
    ("complaints", "投诉", "/complaints/new/"),
    ("status", "进度查询", "/complaints/status/"),
    ("verify", "检查码核验", "/verify/"),
    ("feedback", "反馈", "/feedback/"),
)

# The menu (base.html): NAV's keys in groups, so a phone shows a few group names, not 15 links.
NAV_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("办事服务", ("home", "complaints", "status", "verify", "feedback")),
    ("执法公示", ("powers", "decisions", "offices", "personnel", "exemptions")),
    ("执法监督", ("inspections", "points", "legal-review", "compliance", "supervision")),
    ("统计公告", ("stats", "notices")),
)

# Column types of the government-website conventions (ColumnType meta tag).
COLUMN_DISCLOSURE = "信息公开"
COLUMN_INTERACTION = "互动交流"


def site_context(content: Content, today: dt.date) -> dict[str, Any]:
    agency = content.agency
    return {
        "agency": agency,
        "domain": agency.site_domain,
        "url": agency.site_url.rstrip("/"),
        "today": today,
        "nav": [{"key": k, "title": t, "url": u} for k, t, u in NAV],
        "nav_groups": _nav_groups(),
        "pages": [],  # (title, url) of content/pages, filled by the home generator
        # feed_title(what, scope=""): the title of a feed (sunlight_site.render.atom.feed_title)
        "feed_title": functools.partial(feed_title, agency.short_name or agency.name),
        "stats_years": sorted((s.year for s in content.stats), reverse=True),
    }


def column(name: str, kind: str = COLUMN_DISCLOSURE) -> dict[str, str]:
    return {"name": name, "type": kind}


def _nav_groups() -> list[dict[str, Any]]:
    items = {k: {"key": k, "title": t, "url": u} for k, t, u in NAV}
    return [{"title": title, "items": [items[k] for k in keys]} for title, keys in NAV_GROUPS]
