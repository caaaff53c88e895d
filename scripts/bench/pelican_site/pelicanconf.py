"""Plain Pelican, the peer of the benchmark: one Markdown file per decision, same page shape."""

SITENAME = "阳光执法"
SITEURL = "https://example.gov.cn"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
THEME = "theme"
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False
STATIC_PATHS: list[str] = []
THEME_STATIC_PATHS: list[str] = []

ARTICLE_URL = "decisions/{slug}/"
ARTICLE_SAVE_AS = "decisions/{slug}/index.html"
INDEX_SAVE_AS = "decisions/index.html"
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = 50
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "decisions/page/{number}/", "decisions/page/{number}/index.html"),
)

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/decisions.atom"
FEED_MAX_ITEMS = 100
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

for _name in ("AUTHOR", "CATEGORY", "TAG", "ARCHIVES", "AUTHORS", "CATEGORIES", "TAGS", "PAGE", "DRAFT"):
    globals()[f"{_name}_SAVE_AS"] = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = PAGE_LANG_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
