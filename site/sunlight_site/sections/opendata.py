"""Open data: ``/data/<list>.csv`` and ``.json`` for every list, ``/data/catalog.json`` and ``/data/``.

Only public fields: offices' webhooks, for instance, are never written. ``catalog.json`` is made
by ``sunlight.content.catalog.build_catalog`` (what the backend loads).
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from sunlight.content.catalog import build_catalog
from sunlight.content.model import Where

from sunlight_site.data.tables import Dataset, csv_bytes, json_bytes
from sunlight_site.decisions.feeds import feed_links
from sunlight_site.render.context import column
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator
from sunlight_site.sections.standing_disclosures import EXEMPTION_LISTS

EXEMPTION_NAMES = dict(EXEMPTION_LISTS)
# Bookkeeping of where a record came from (file, line, per-field lines): never published.
WHERE_FIELDS = frozenset(f.name for f in fields(Where))


# Titles of datasets other sections write under /data/ without describing them.
KNOWN_TITLES = {"decisions": ("行政执法决定", "现行公示的执法决定（仅公开字段）")}


def undescribed_datasets(
    written: set[str], described: list[Dataset], counts: dict[str, int]
) -> list[Dataset]:
    """Datasets for the files under data/ that this build wrote and no Dataset lists yet."""
    listed = {f for d in described for f in d.files} | {"index.html", "catalog.json"}
    stems: dict[str, list[str]] = {}
    for rel in sorted(written):
        folder, _, name = rel.rpartition("/")
        if folder == "data" and name not in listed and name.endswith((".csv", ".json")):
            stems.setdefault(name.rsplit(".", 1)[0], []).append(name)
    out = []
    for stem, files in stems.items():
        title, description = KNOWN_TITLES.get(stem, (stem, ""))
        out.append(Dataset(stem, title, description, counts.get(stem, 0), files))
    return out


def public_dict(record: Any) -> dict[str, Any]:
    """A record's own fields as plain data, without the ``Where`` bookkeeping."""
    return {k: v for k, v in asdict(record).items() if k not in WHERE_FIELDS}


class OpenDataGenerator(SectionGenerator):
    def generate_context(self) -> None:
        c = self.content
        names = {o.id: o.name for o in c.offices}
        url = self.state.site["url"]
        powers = sorted(c.powers, key=lambda p: p.code)
        # name -> (title, description, csv columns, csv rows, json items)
        self.tables: list[tuple[str, str, str, list[str], list[list[Any]], list[dict[str, Any]]]] = [
            (
                "powers",
                "权责清单",
                "行政权力事项：编码、名称、类型、领域、承办机构、依据、时限、状态",
                ["事项编码", "事项名称", "类型", "领域", "执法主体", "承办机构编号", "承办机构", "办理时限(工作日)",
                 "法律依据", "流程图", "状态", "取消日期", "更新日期", "网址"],
                [[p.code, p.name, p.type, p.domain, p.subject, p.office, names.get(p.office, ""), p.time_limit_days,
                  [f"{b.law}{b.article}" for b in p.basis], p.flowchart, p.status, p.retired_on, p.updated_on,
                  f"{url}/powers/{p.code}/"] for p in powers],
                [{**public_dict(p), "office_name": names.get(p.office, ""),
                  "url": f"{url}/powers/{p.code}/"} for p in powers],
            ),
            (
                "offices",
                "执法机构",
                "机构编号、名称、类别、上级、负责街镇、职能和联系方式",
                ["机构编号", "名称", "类别", "上级机构", "负责街镇", "职能", "电话", "邮箱"],
                [[o.id, o.name, o.kind, o.parent, o.streets, o.roles, o.phone, o.email] for o in c.offices],
                [{"id": o.id, "name": o.name, "kind": o.kind, "parent": o.parent, "streets": o.streets, "roles": o.roles,
                  "phone": o.phone, "email": o.email} for o in c.offices],
            ),
            (
                "personnel",
                "执法人员",
                "姓名、执法证号、所属机构、执法区域、状态、有效期至(/verify/ 据此核验执法证)",
                ["姓名", "执法证号", "所属机构编号", "所属机构", "执法区域", "状态", "有效期至"],
                [[p.name, p.cert_no, p.office, names.get(p.office, ""), p.area, p.status,
                  p.valid_until.isoformat() if p.valid_until else ""] for p in c.personnel],
                [{"name": p.name, "cert_no": p.cert_no, "office": p.office, "office_name": names.get(p.office, ""),
                  "area": p.area, "status": p.status,
                  "valid_until": p.valid_until.isoformat() if p.valid_until else None} for p in c.personnel],
            ),
            (
                "exemptions",
                "免罚轻罚清单",
                "四张清单：不予处罚、从轻处罚、减轻处罚、不予行政强制",
                ["清单", "清单名称", "编号", "违法行为", "适用条件", "依据", "事项编码"],
                [[e.list, EXEMPTION_NAMES.get(e.list, ""), e.code, e.violation, e.conditions, e.basis, e.power_code]
                 for e in c.exemptions],
                [{"list": e.list, "list_name": EXEMPTION_NAMES.get(e.list, ""), "code": e.code, "violation": e.violation,
                  "conditions": e.conditions, "basis": e.basis, "power_code": e.power_code} for e in c.exemptions],
            ),
            (
                "inspection-results",
                "双随机抽查结果",
                "抽查计划编号、检查对象、统一社会信用代码、检查日期、结果",
                ["计划编号", "检查对象", "统一社会信用代码", "检查日期", "检查结果"],
                [[r.plan, r.object_name, r.credit_code, r.checked_on, r.result] for r in c.inspection_results],
                [{"plan": r.plan, "object_name": r.object_name, "credit_code": r.credit_code, "checked_on": r.checked_on,
                  "result": r.result} for r in c.inspection_results],
            ),
            (
                "points",
                "非现场执法点位",
                "点位编号、位置、街镇、经纬度、监测违法行为、启用日期、状态",
                ["点位编号", "位置", "街镇", "纬度", "经度", "监测违法行为", "启用日期", "状态"],
                [[p.id, p.location, p.street, p.lat, p.lng, p.violations, p.since, p.status] for p in c.points],
                [{"id": p.id, "location": p.location, "street": p.street, "lat": p.lat, "lng": p.lng,
                  "violations": p.violations, "since": p.since, "status": p.status} for p in c.points],
            ),
            (
                "legal-review",
                "法制审核目录",
                "须经法制审核的重大执法决定",
                ["编号", "决定类型", "审核标准", "依据"],
                [[i.code, i.title, i.criteria, i.basis] for i in c.legal_review],
                [{"code": i.code, "title": i.title, "criteria": i.criteria, "basis": i.basis} for i in c.legal_review],
            ),
        ]  # fmt: skip
        plan_rows = [
            [
                p.id,
                p.title,
                p.subject,
                p.basis,
                p.objects,
                p.content,
                p.ratio,
                p.method,
                p.frequency,
                p.office,
            ]
            for p in c.inspection_plans
        ]
        self.plan_columns = [
            "计划编号",
            "名称",
            "抽查主体",
            "依据",
            "抽查对象",
            "抽查内容",
            "比例",
            "方式",
            "频次",
            "实施机构",
        ]
        self.plan_rows = plan_rows
        self.plans_json = [public_dict(p) for p in c.inspection_plans]
        self.stats_rows = [
            [s.year, dim, name, count]
            for s in sorted(c.stats, key=lambda s: s.year)
            for dim in ("by_kind", "by_domain", "by_office")
            for name, count in getattr(s, dim).items()
        ]
        self.stats_json = [public_dict(s) for s in c.stats]

    def generate_output(self, writer: SiteWriter) -> None:
        today = self.today
        datasets: list[Dataset] = []
        for name, title, description, columns, rows, items in self.tables:
            if name == "inspection-results":
                continue  # written with the plans below
            writer.write_bytes(f"data/{name}.csv", csv_bytes(columns, rows))
            writer.write_bytes(f"data/{name}.json", json_bytes(name, today, items))
            datasets.append(Dataset(name, title, description, len(rows), [f"{name}.csv", f"{name}.json"]))
        _, _, _, result_columns, result_rows, result_items = next(
            t for t in self.tables if t[0] == "inspection-results"
        )
        writer.write_bytes("data/inspections.csv", csv_bytes(self.plan_columns, self.plan_rows))
        writer.write_bytes("data/inspection-results.csv", csv_bytes(result_columns, result_rows))
        writer.write_bytes(
            "data/inspections.json",
            json_bytes("inspections", today, {"plans": self.plans_json, "results": result_items}),
        )
        datasets.append(
            Dataset("inspections", "双随机抽查", "抽查计划与抽查结果", len(self.plan_rows) + len(result_rows),
                    ["inspections.csv", "inspection-results.csv", "inspections.json"])
        )  # fmt: skip
        writer.write_bytes("data/stats.csv", csv_bytes(["年度", "维度", "分类", "案件数"], self.stats_rows))
        writer.write_bytes("data/stats.json", json_bytes("stats", today, self.stats_json))
        datasets.append(Dataset("stats", "统计年报", "历年执法案件数（按类别、领域、机构）", len(self.stats_json),
                                ["stats.csv", "stats.json"]))  # fmt: skip
        self._write_catalog(writer)
        datasets.append(Dataset("catalog", "系统目录", "机构、事项、投诉类别与办理时限、工作日历（供后台系统使用）", 1,
                                ["catalog.json"]))  # fmt: skip
        datasets += self.state.datasets
        datasets += undescribed_datasets(writer.manifest, datasets, self.state.counts_for_data())
        writer.write_page(
            "data_index.html",
            "data/index.html",
            {
                "active": "data",
                "column": column("开放数据"),
                "datasets": sorted(datasets, key=lambda d: d.name),
                "feeds": [
                    ("通知公告（Atom）", "/feeds/notices.atom"),
                    ("权责清单变更（Atom）", "/feeds/powers.atom"),
                    ("案卷评查报告（Atom）", "/feeds/supervision.atom"),  # written by every build
                    *feed_links(self.state.decisions.groups),
                ],
            },
        )
        self.count("datasets", len(datasets))

    def _write_catalog(self, writer: SiteWriter) -> None:
        catalog = build_catalog(
            self.content,
            self.today,
            self.state.public_decision_ids(),
            doc_nos=self.state.public_decision_doc_nos(),
        )
        text = json.dumps(catalog, ensure_ascii=False, indent=1, sort_keys=False, default=str) + "\n"
        writer.write_bytes("data/catalog.json", text.encode("utf-8"))
