"""load_content on good and broken content: every problem names file:line and field, in zh and en."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

from sunlight.content.loader import load_content

from .conftest import write_content

ROOT = Path(__file__).resolve().parents[2]


def messages(root: Path) -> list[str]:
    _, problems = load_content(root)
    return [str(p) for p in problems.items]


def test_minimal_content_loads_clean(minimal: Path) -> None:
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    assert [o.id for o in content.offices] == ["bureau", "supervision", "squad", "sfj"]
    assert content.powers[0].basis[0].law == "《城市市容和环境卫生管理条例》"
    assert content.personnel[0].office == "squad"  # given by name, resolved to the id
    assert content.personnel[0].line == 2
    assert content.points[0].status == "active" and content.points[0].lat == 30.1
    assert content.notices[0].date is not None and content.pages[0].slug == "about"
    power = content.powers[0]
    assert power.line_of("flowchart") == 11 and power.line_of("nothing") == 1
    assert set(asdict(power)) >= {"code", "source", "line"} and not any(
        k.startswith("_") for k in asdict(power)
    )


def test_sample_agency_loads_without_errors() -> None:
    content, problems = load_content(ROOT / "content")
    assert [str(p) for p in problems.errors] == []
    assert len(content.offices) >= 12
    assert len(content.powers) >= 40
    assert {p.type for p in content.powers} >= {"行政处罚", "行政强制", "行政检查", "行政许可"}
    assert len({p.domain for p in content.powers}) >= 8
    assert len(content.personnel) >= 30 and len(content.points) >= 15
    assert {e.list for e in content.exemptions} == {"no_penalty", "lighter", "mitigated", "no_coercion"}
    assert {s.year for s in content.stats} >= {2024, 2025}
    assert [c.name for c in content.complaints.categories][:8] == [
        "乱罚款", "多头执法", "重复检查", "简单粗暴执法", "逐利执法", "“一刀切”执法", "不作为", "其他",
    ]  # fmt: skip
    assert content.complaints.routing[-1].match == {}
    assert all(d.year < 2027 for d in content.calendar.holidays + content.calendar.workdays)


def test_agency_typos_and_missing_fields(minimal: Path) -> None:
    write_content(
        minimal,
        {"agency.yaml": "name: 局\nsponser: 局\nsite_url: ftp://x\npublication:\n  natural_persons: show\n"},
    )
    got = messages(minimal)
    assert "content/agency.yaml:2: sponser: 未知字段(拼写错误？) / unknown field (a typo?)" in got
    assert "content/agency.yaml:1: icp: 必填字段缺失 / required field is missing" in got
    assert (
        "content/agency.yaml:3: site_url: 网址应以 https:// 开头 / must start with https:// (ftp://x)" in got
    )
    assert any(
        m.startswith("content/agency.yaml:5: natural_persons: 取值无效") and "(show)" in m for m in got
    )


def test_offices_parents_cycles_duplicates(minimal: Path) -> None:
    offices = (minimal / "offices.yaml").read_text(encoding="utf-8") + (
        "- {id: a, name: 甲, kind: squad, parent: b}\n"  # line 5
        "- {id: b, name: 乙, kind: squad, parent: a}\n"  # line 6
        "- {id: squad, name: 丙, kind: team, parent: nowhere, roles: [boss]}\n"  # line 7
        "- {id: Bad_Id, name: 丁, kind: squad, parent: bureau}\n"  # line 8
    )
    write_content(minimal, {"offices.yaml": offices})
    got = messages(minimal)
    assert any(
        m.startswith("content/offices.yaml:5: parent: 上级机构形成循环 / parent offices form a cycle")
        for m in got
    )
    assert "content/offices.yaml:7: parent: 上级机构不存在 / parent office does not exist (nowhere)" in got
    assert any(
        m.startswith("content/offices.yaml:7: id: 机构编号重复") and "content/offices.yaml:3" in m
        for m in got
    )
    assert any(m.startswith("content/offices.yaml:7: kind: 取值无效") for m in got)
    assert any(m.startswith("content/offices.yaml:7: roles: 职能无效") and "(boss)" in m for m in got)
    assert any(m.startswith("content/offices.yaml:8: id: 编号应为小写英文字母") for m in got)


def test_power_problems(minimal: Path) -> None:
    bad = """\
- code: CF-1
  name: 重复编码
  type: 行政处分
  domain: 市容环卫
  subject: 局
  office: ghost
  basis: [{law: 某法}]
  flowchart: nochart
  status: retired
  basiss: typo
"""
    write_content(minimal, {"powers/q.yaml": bad})
    got = messages(minimal)
    assert any(
        m.startswith("content/powers/q.yaml:1: code: 事项编码重复") and "content/powers/p.yaml:1" in m
        for m in got
    )
    assert any(m.startswith("content/powers/q.yaml:3: type: 取值无效") and "(行政处分)" in m for m in got)
    assert "content/powers/q.yaml:6: office: 承办机构不存在 / office does not exist (ghost)" in got
    assert "content/powers/q.yaml:8: flowchart: 流程图不存在 / flowchart does not exist (nochart)" in got
    assert (
        "content/powers/q.yaml:1: retired_on: 已取消的事项须填写取消日期 / a retired power needs retired_on"
        in got
    )
    assert "content/powers/q.yaml:10: basiss: 未知字段(拼写错误？) / unknown field (a typo?)" in got


def test_flowchart_graph_rules(minimal: Path) -> None:
    chart = """\
id: broken
title: 坏流程
nodes:
  - {id: s1, label: 开始一, kind: start}
  - {id: s2, label: 开始二, kind: start}
  - {id: island, label: 孤岛, kind: step}
  - {id: e, label: 结束, kind: finish}
edges:
  - {from: s1, to: e}
  - {from: s2, to: nowhere}
  - {from: island, to: e}
"""
    write_content(minimal, {"flowcharts/broken.yaml": chart})
    got = messages(minimal)
    assert (
        "content/flowcharts/broken.yaml:10: to: 连线指向不存在的节点 / edge names a node that does not exist (nowhere)"
        in got
    )
    assert any(
        m.startswith("content/flowcharts/broken.yaml:3: nodes: 应有且只有一个开始节点(现有 2 个)")
        for m in got
    )
    assert any(
        m.startswith("content/flowcharts/broken.yaml:7: kind: 取值无效") and "(finish)" in m for m in got
    )
    assert any(
        m
        == "content/flowcharts/broken.yaml:6: nodes: 从开始节点无法到达该节点 / node cannot be reached from the start (island)"
        for m in got
    )


def test_registers_and_lists(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "personnel.csv": "姓名,执法证号,所属机构,状态,工号\n张三,T001,火星中队,离职,1\n李四,T001,squad,active,2\n",
            "points.csv": "id,location,street,lat,lng,violations,since,status\nP1,路口,西湖街道,300,120,占道,2024-13-01,启用\n",
            "exemptions.yaml": "no_penalty:\n  - {code: A1, conditions: 首次, basis: 法, power_code: NOPE}\nlighter: []\nmitigated: []\nno_coercion: []\n",
            "inspections/i.yaml": "plans:\n  - {id: p1, title: 抽查, subject: 局, basis: 法, objects: 餐饮, content: 油烟, office: squad}\n"
            "results:\n  - {plan: p2, object_name: 某公司, credit_code: 91350100M000100Y44, checked_on: 2025-05-06, result: 合格}\n",
            "legal_review.yaml": "- {code: R1, title: 甲, criteria: 乙, basis: 丙}\n- {code: R1, title: 甲, criteria: 乙, basis: 丙}\n",
            "stats/2024.yaml": "year: 2025\ntotal: -1\nby_office: {squad: 3, 无名科: x}\n",
            "calendar.yaml": "holidays: [2026-01-01, 明天]\nworkdays: [2026-01-01]\n",
        },
    )
    got = messages(minimal)
    expected = [
        "content/personnel.csv:1: 工号: 未知的表头 / unknown column header",
        "content/personnel.csv:2: office: 所属机构不存在 / office does not exist (火星中队)",
        "content/personnel.csv:2: status: 取值无效，应为:active、revoked、有效、在岗、注销、已注销、expired、过期、已过期 / invalid value; one of: active, revoked, 有效, 在岗, 注销, 已注销, expired, 过期, 已过期 (离职)",
        "content/points.csv:2: lat: 坐标超出范围(3.0–54.0) / coordinate out of range (3.0-54.0) (300.0)",
        "content/points.csv:2: since: 日期不存在 / no such date (2024-13-01)",
        "content/exemptions.yaml:2: violation: 必填字段缺失 / required field is missing",
        "content/exemptions.yaml:2: power_code: 事项编码不在权力清单中 / power code is not in the power list (NOPE)",
        "content/inspections/i.yaml:4: credit_code: 统一社会信用代码校验位错误 / check digit is wrong (91350100M000100Y44)",
        "content/inspections/i.yaml:4: plan: 抽查计划不存在 / inspection plan does not exist (p2)",
        "content/stats/2024.yaml:1: year: 年份与文件名不一致 / year differs from the file name (2025)",
        "content/stats/2024.yaml:2: total: 不得小于 0 / must not be less than 0 (-1)",
        "content/stats/2024.yaml:3: by_office.无名科: 不是整数 / not a whole number (x)",
        "content/calendar.yaml:1: holidays: 日期格式应为 2025-09-28、2025/9/28 或 2025年9月28日 / date must look like 2025-09-28, 2025/9/28 or 2025年9月28日 (明天)",
        "content/calendar.yaml:2: workdays: 同一日期既是假日又是工作日 / a date is both a holiday and a workday (2026-01-01)",
    ]
    for line in expected:
        assert line in got, line
    assert any(m.startswith("content/personnel.csv:3: cert_no: 执法证号重复") for m in got)
    assert any(m.startswith("content/legal_review.yaml:2: code: 目录编号重复") for m in got)


def test_complaint_routing(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "complaints.yaml": """\
categories:
  - {id: other, name: 其他, respond_days: 3, remind_before_days: 3}
  - {id: other, name: 重复}
routing:
  - match: {}
    handler: supervision
  - match: {category: rude, street: 火星街道, colour: red}
    handler: ghost
  - match: {office: squad}
    handler: squad
settings:
  designated_supervision: squad
"""
        },
    )
    got = messages(minimal)
    expected = [
        "content/complaints.yaml:2: remind_before_days: 提醒天数应小于办结时限 / must be less than respond_days (3)",
        "content/complaints.yaml:3: id: 类别编号重复 / duplicate category id (other)",
        "content/complaints.yaml:5: routing: 兜底规则(match 为空)必须放在最后 / the fallback rule (empty match) must come last",
        "content/complaints.yaml:7: colour: 未知字段(拼写错误？) / unknown field (a typo?)",
        "content/complaints.yaml:7: handler: 处理机构不存在 / handling office does not exist (ghost)",
        "content/complaints.yaml:7: match.category: 投诉类别不存在 / complaint category does not exist (rude)",
        "content/complaints.yaml:7: match.street: 该街道/镇不在任何机构的辖区内 / no office covers this street or town (火星街道)",
        "content/complaints.yaml:9: handler: 投诉不得交由被投诉机构自己处理 / a complaint must not be handled by the office it is about (squad)",
    ]
    for line in expected:
        assert line in got, line
    assert any(
        m.startswith("content/complaints.yaml:12: settings.designated_supervision: 指定监督机构须承担监督")
        for m in got
    )


def test_pages_and_notices_metadata(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "pages/x.md": "Titel: 错字\nSlug: about\n\n正文\n",
            "notices/y.md": "Title: 无日期的通知\nStatus: public\n\n正文\n",
            "notices/z.md": "Title: 日期错\nDate: 2025-02-30\n\n正文\n",
        },
    )
    got = messages(minimal)
    expected = [
        "content/pages/x.md:1: Titel: 未知的元数据(拼写错误？) / unknown metadata key (a typo?)",
        "content/pages/x.md:1: Title: 缺少标题(Title) / Title is missing",
        "content/notices/y.md:1: Date: 通知公告须填写日期(Date) / a notice needs a Date",
        "content/notices/y.md:2: Status: 状态应为:published、draft、hidden / status must be one of: published, draft, hidden (public)",
        "content/notices/z.md:2: Date: 日期格式应为 2025-09-28 或 2025-09-28 10:00 / date must look like 2025-09-28 or 2025-09-28 10:00 (2025-02-30)",
    ]
    for line in expected:
        assert line in got, line
    assert any(m.startswith("content/pages/x.md:1: Slug: 网址名重复") for m in got)


def test_every_problem_in_one_run_names_file_line_field_in_both_languages(
    minimal: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "all"
    shutil.copytree(minimal, broken)
    write_content(
        broken,
        {
            "agency.yaml": (minimal / "agency.yaml").read_text(encoding="utf-8") + "colour: red\n",
            "powers/p.yaml": (minimal / "powers/p.yaml")
            .read_text(encoding="utf-8")
            .replace("office: squad", "office: ghost"),
            "flowcharts/general.yaml": "id: general\ntitle: t\nnodes: [{id: s, label: a, kind: start}]\nedges: [{from: s, to: x}]\n",
            "personnel.csv": "姓名,执法证号,所属机构\n,T1,squad\n",
            "calendar.yaml": "holidays: [2025-02-30]\n",
        },
    )
    _, problems = load_content(broken)
    files = {p.file for p in problems.errors}
    assert files >= {
        "all/agency.yaml",
        "all/powers/p.yaml",
        "all/flowcharts/general.yaml",
        "all/personnel.csv",
        "all/calendar.yaml",
    }
    for problem in problems.items:
        assert problem.file and problem.line is not None and problem.field, str(problem)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.zh), str(problem)
        assert problem.en.isascii() or "(" in problem.en, str(problem)


def test_yaml_syntax_error_does_not_stop_the_rest(minimal: Path) -> None:
    write_content(
        minimal, {"offices.yaml": "- {id: bureau, name: 局, kind: bureau\n", "powers/p.yaml": "code: [\n"}
    )
    got = messages(minimal)
    assert any(m.startswith("content/offices.yaml:2: YAML 格式错误 / YAML syntax error") for m in got)
    assert any(m.startswith("content/powers/p.yaml:2: YAML 格式错误") for m in got)
    assert any(m.startswith("content/complaints.yaml:4: handler: 处理机构不存在") for m in got)


def test_links_in_sample_pages_and_notices_use_site_urls() -> None:
    """Every site-internal link in the sample Markdown names a section of the portal."""
    import re

    known = ("/powers/", "/exemptions/", "/inspections/", "/points/", "/offices/", "/complaints/new/",
             "/complaints/status/", "/about/", "/complaints-guide/", "/decisions/", "/personnel/", "/legal-review/")  # fmt: skip
    for path in sorted((ROOT / "content").glob("*/*.md")):
        for link in re.findall(r"\]\((/[^)]*)\)", path.read_text(encoding="utf-8")):
            assert link.startswith(known), f"{path.name}: {link}"


def test_empty_required_files_and_empty_basis(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "agency.yaml": "# nothing yet\n",
            "offices.yaml": "",
            "powers/p.yaml": (minimal / "powers/p.yaml")
            .read_text(encoding="utf-8")
            .replace("basis:\n  - {law: 《城市市容和环境卫生管理条例》, article: 第三十六条}", "basis: []"),
        },
    )
    got = messages(minimal)
    assert "content/agency.yaml:1: 文件为空 / the file is empty" in got
    assert "content/offices.yaml:1: 文件为空 / the file is empty" in got
    assert (
        "content/powers/p.yaml:7: basis: 至少应有一条法律依据 / at least one legal basis is required" in got
    )


def test_publication_policy_block(minimal: Path) -> None:
    agency = (minimal / "agency.yaml").read_text(encoding="utf-8")
    write_content(
        minimal,
        {
            "agency.yaml": agency
            + "publication:\n  natural_persons: omit\n  deadline_working_days: {行政处罚: 5, default: 15}\n"
            "  period:\n    一般: {min_months: 3, max_months: 12}\n    严重: {min_months: 12, max_months: 36}\n"
        },
    )
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    policy = content.agency.publication
    assert policy.natural_persons == "omit" and policy.simple_procedure == "omit"
    assert policy.deadline_working_days == {"行政处罚": 5, "行政许可": 7, "default": 15}
    assert policy.periods == [
        {
            "id": "agency",
            "source": "本机关公示政策(agency.yaml)",
            "一般": {"min_months": 3, "max_months": 12},
            "严重": {"min_months": 12, "max_months": 36},
        }
    ]
    write_content(
        minimal,
        {"agency.yaml": agency + "publication:\n  period:\n    一般: {min_months: 13, max_months: 12}\n"},
    )
    got = messages(minimal)
    assert (
        "content/agency.yaml:11: min_months: 最短公示期不得长于最长公示期 / minimum must not exceed maximum (13)"
        in got
    )
    assert "content/agency.yaml:11: 严重: 必填字段缺失 / required field is missing" in got


def test_calendar_complete_years(minimal: Path) -> None:
    write_content(
        minimal, {"calendar.yaml": "complete_years: [2027]\nholidays: [2027-01-01]\nworkdays: []\n"}
    )
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    assert content.calendar.complete_years == [2027]
    write_content(minimal, {"calendar.yaml": "complete_years: [2027, 二〇二八, 1800]\n"})
    got = messages(minimal)
    assert any(m.startswith("content/calendar.yaml:1: complete_years: ") and "二〇二八" in m for m in got)
    assert any(m.startswith("content/calendar.yaml:1: complete_years: ") and "1800" in m for m in got)


def test_withdrawal_limit_may_be_shorter_than_the_law_never_longer(minimal: Path) -> None:
    agency = (minimal / "agency.yaml").read_text(encoding="utf-8")
    assert load_content(minimal)[0].agency.publication.withdrawal_working_days == 3
    write_content(minimal, {"agency.yaml": agency + "publication:\n  withdrawal_working_days: 2\n"})
    content, problems = load_content(minimal)
    assert problems.items == [] and content.agency.publication.withdrawal_working_days == 2
    write_content(minimal, {"agency.yaml": agency + "publication:\n  withdrawal_working_days: 5\n"})
    content, _ = load_content(minimal)
    got = "\n".join(messages(minimal))
    assert "withdrawal_working_days" in got and "不得超过法定的3个工作日" in got and "statutory 3" in got
    assert content.agency.publication.withdrawal_working_days == 3


def test_required_files_missing_or_not_a_mapping_are_named(minimal: Path) -> None:
    """agency.yaml and complaints.yaml must exist and hold a mapping; a statistics file that holds a
    list is refused by name, line 1."""
    (minimal / "complaints.yaml").unlink()
    write_content(minimal, {"agency.yaml": "- name: 某局\n", "stats/2025.yaml": "- year: 2025\n"})
    got = messages(minimal)
    assert "content/complaints.yaml: 缺少 complaints.yaml / complaints.yaml is missing" in got
    assert "content/agency.yaml:1: 文件内容应为映射 / the file must hold a mapping" in got
    assert "content/stats/2025.yaml:1: 文件内容应为映射 / the file must hold a mapping" in got
    (minimal / "agency.yaml").unlink()
    assert "content/agency.yaml: 缺少 agency.yaml / agency.yaml is missing" in messages(minimal)
