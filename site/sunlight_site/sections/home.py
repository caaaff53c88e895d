"""The home page ``/`` (latest notices, entry points to every section, hooks for other sections)
and ``/404.html``, the page a server answers for a path the site does not have."""

from __future__ import annotations

from sunlight_site.render.context import column
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

LATEST_NOTICES = 8

ENTRY_POINTS = (
    ("权责清单", "/powers/", "本局依法行使的每一项行政权力，含法律依据、流程图和服务指南"),
    ("执法决定公示", "/decisions/", "行政处罚、行政许可等执法决定，依法定期限公示"),
    ("执法机构", "/offices/", "各执法机构的职责、辖区街镇和联系方式"),
    ("执法人员", "/personnel/", "持证执法人员及执法证号"),
    ("免罚轻罚清单", "/exemptions/", "不予处罚、从轻处罚、减轻处罚、不予行政强制四张清单"),
    ("双随机、一公开", "/inspections/", "随机抽查计划与抽查结果"),
    ("非现场执法点位", "/points/", "电子抓拍等非现场执法设备的位置"),
    ("重大执法决定法制审核", "/legal-review/", "须经法制审核的执法决定目录"),
    ("统计年报", "/stats/", "行政执法数据年度统计"),
    ("公示时效", "/compliance/", "各机构执法决定公示及时率"),
    ("开放数据", "/data/", "以上各项清单的 CSV 与 JSON 下载"),
    ("涉企投诉", "/complaints/new/", "企业对执法行为的投诉，按工作日计时办理"),
)


class HomeGenerator(SectionGenerator):
    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        self.notices = articles[:LATEST_NOTICES]
        pages = sorted(self.context.get("pages", []), key=lambda p: p.source_path)
        self.state.site["pages"] = [{"title": p.title, "url": "/" + p.url} for p in pages]

    def generate_output(self, writer: SiteWriter) -> None:
        writer.write_page(
            "home.html",
            "index.html",
            {
                "active": "home",
                "column": column("首页"),
                "notices": self.notices,
                "entry_points": ENTRY_POINTS,
                "extras": self.state.home,
                "powers_count": sum(1 for p in self.content.powers if p.status == "active"),
            },
        )
        # What a server answers (with status 404) for a path the site does not have.
        writer.write_page("404.html", "404.html", {"entry_points": ENTRY_POINTS})
