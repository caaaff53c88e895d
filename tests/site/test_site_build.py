"""Whole builds of the small fixture agency: pages, filters, feeds, open data, rebuilds."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from site_helpers import SMALL_AGENCY, TODAY, build, html_pages

pytestmark = pytest.mark.slow


def rows_of(html: str, caption: str) -> list[str]:
    """The first-cell texts... of the table with this caption (link texts included)."""
    table = html.split(f"<caption>{caption}", 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr><td[^>]*>([^<]*)</td>", table)


def test_every_page_has_the_government_meta_tags_footer_and_skip_link(small_site) -> None:
    out, _ = small_site
    pages = html_pages(out)
    assert len(pages) > 25
    for page in pages:
        html = page.read_text("utf-8")
        where = page.relative_to(out)
        assert '<html lang="zh-CN">' in html, where
        assert '<meta name="SiteName" content="青石区城市管理行政执法局">' in html, where
        assert '<meta name="SiteDomain" content="cgzf.qingshi.example.gov.cn">' in html, where
        assert '<meta name="SiteIDCode" content="3199990001">' in html, where
        assert '<a href="https://beian.miit.gov.cn/" rel="noopener">某ICP备00000001号</a>' in html, where
        assert "某公网安备 31999902000001号" in html and "网站标识码：3199990001" in html, where
        assert "主办单位：青石区城市管理行政执法局" in html, where
        assert '<a class="skip-link" href="#main">' in html and 'id="main"' in html, where
        assert (
            'action="/search/"' in html and 'href="/complaints/new/"' in html and 'href="/feedback/"' in html
        )
        assert "//cdn" not in html and "http://" not in html.replace("http://www.w3.org", ""), where


def test_section_and_article_meta(small_site) -> None:
    out, _ = small_site
    powers = (out / "powers/index.html").read_text("utf-8")
    assert '<meta name="ColumnName" content="权责清单">' in powers
    assert '<meta name="ColumnType" content="信息公开">' in powers
    notice = (out / "notices/2025-national-day/index.html").read_text("utf-8")
    assert '<meta name="ArticleTitle" content="关于国庆节假期执法窗口安排的通知">' in notice
    assert '<meta name="PubDate" content="2025-09-20 10:00">' in notice
    assert '<meta name="ContentSource" content="青石区城市管理行政执法局">' in notice


def test_filter_pages_list_only_matching_items(small_site) -> None:
    out, _ = small_site
    assert rows_of((out / "powers/index.html").read_text("utf-8"), "现行事项") == [
        "330217001000",
        "330217002000",
        "330217003000",
    ]
    assert rows_of((out / "powers/index.html").read_text("utf-8"), "已取消事项") == ["330217004000"]
    penalty = (out / "powers/type/penalty/index.html").read_text("utf-8")
    assert rows_of(penalty, "现行事项") == ["330217001000", "330217002000"]
    assert rows_of(penalty, "已取消事项") == ["330217004000"]
    licence = (out / "powers/type/licence/index.html").read_text("utf-8")
    assert rows_of(licence, "现行事项") == ["330217003000"] and "已取消事项" not in licence
    greening = (out / "powers/domain/greening/index.html").read_text("utf-8")
    assert rows_of(greening, "现行事项") == ["330217002000"]
    bureau = (out / "powers/office/bureau/index.html").read_text("utf-8")
    assert rows_of(bureau, "现行事项") == ["330217003000"]
    assert '<a href="/powers/type/penalty/">行政处罚（2）</a>' in (out / "powers/index.html").read_text(
        "utf-8"
    )


def test_power_item_page(small_site) -> None:
    out, _ = small_site
    html = (out / "powers/330217001000/index.html").read_text("utf-8")
    assert "《城市市容和环境卫生管理条例》第十一条" in html and "应当内容健康、外形美观" in html
    assert "<td>面积在10平方米以下</td><td>500元以上2000元以下罚款</td>" in html
    assert "90 个工作日" in html and "现行有效" in html
    assert 'href="/flowcharts/penalty-general/"' in html
    assert 'href="/complaints/new/?power_code=330217001000"' in html and "对此事项投诉" in html
    assert "东湖街道中队" in html and "021-00000003" in html
    licence = (out / "powers/330217003000/index.html").read_text("utf-8")
    assert "<h2>申请材料</h2>" in licence and "<strong>行驶证</strong>" in licence  # the guide's Markdown
    retired = (out / "powers/330217004000/index.html").read_text("utf-8")
    assert "已取消" in retired and "2025-10-10" in retired


def test_flowchart_page_has_svg_with_chinese_labels_and_text_steps(small_site) -> None:
    out, _ = small_site
    html = (out / "flowcharts/penalty-general/index.html").read_text("utf-8")
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    for label in ("立案", "调查取证", "是否重大案件", "法制审核", "送达并公示"):
        assert label in svg
    assert "Noto Sans CJK SC" in svg
    steps = html.split('<ol class="steps">', 1)[1].split("</ol>", 1)[0]
    assert steps.index("立案") < steps.index("调查取证") < steps.index("作出处罚决定")
    assert "是：转到第" in steps and "否：转到第" in steps and "5个工作日" in steps


def test_feeds_parse_with_the_expected_entries(small_site) -> None:
    out, _ = small_site
    notices = feedparser.parse((out / "feeds/notices.atom").read_bytes())
    assert not notices.bozo
    assert [e.title for e in notices.entries] == [
        "关于国庆节假期执法窗口安排的通知",
        "2025年双随机抽查计划公告",
    ]
    assert notices.entries[0].link == "https://cgzf.qingshi.example.gov.cn/notices/2025-national-day/"
    assert notices.entries[0].id == "tag:cgzf.qingshi.example.gov.cn,2025-09-20:/notices/2025-national-day/"
    powers = feedparser.parse((out / "feeds/powers.atom").read_bytes())
    assert not powers.bozo
    titles = [e.title for e in powers.entries]
    assert titles[0] == "事项取消：对占道洗车的行政处罚"  # newest first: retired 2025-10-10
    assert "事项更新：城市建筑垃圾处置核准" in titles and len(titles) == 4
    assert powers.feed.updated.startswith("2025-10-10")


def test_open_data(small_site) -> None:
    out, _ = small_site
    for name in ("powers", "offices", "personnel", "exemptions", "inspections", "inspection-results", "points",
                 "legal-review", "stats"):  # fmt: skip
        data = (out / f"data/{name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
    powers_csv = (out / "data/powers.csv").read_text("utf-8-sig").splitlines()
    assert powers_csv[0].startswith("事项编码,事项名称,类型,领域") and len(powers_csv) == 5
    powers = json.loads((out / "data/powers.json").read_text("utf-8"))
    assert powers["count"] == 4 and powers["generated_on"] == TODAY.isoformat()
    assert powers["items"][0]["basis"][0]["law"] == "《城市市容和环境卫生管理条例》"
    offices = (out / "data/offices.json").read_text("utf-8")
    assert "webhook" not in offices
    index = (out / "data/index.html").read_text("utf-8")
    assert 'href="/data/powers.csv"' in index and 'href="/data/stats.json"' in index


def test_build_report(small_site) -> None:
    out, report = small_site
    on_disk = json.loads((out / "build-report.json").read_text("utf-8"))
    assert on_disk["today"] == "2026-11-22"
    assert on_disk["counts"]["powers"] == 4 and on_disk["counts"]["flowcharts"] == 2
    assert any(w["field"] == "discretion" and w["id"] == "330217002000" for w in on_disk["warnings"])
    assert set(on_disk) >= {"counts", "held_back", "late_decisions", "errors", "warnings"}
    assert report["counts"] == on_disk["counts"]


def snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def test_rebuild_rewrites_nothing_and_equals_a_full_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL_AGENCY, content)
    out = tmp_path / "out"
    build(content, out)
    first = snapshot(out)
    report = build(content, out)
    assert report["files"]["written"] == 0 and report["files"]["deleted"] == 0
    assert snapshot(out) == first  # same bytes, same mtimes: nothing rewritten

    # Drop a power item and a flowchart user: its pages go, everything else equals a fresh full build.
    (content / "powers/p-greening.yaml").unlink()
    report = build(content, out)
    assert report["files"]["deleted"] >= 2 and not (out / "powers/330217002000").exists()
    assert not (out / "powers/domain/greening").exists()
    fresh = tmp_path / "fresh"
    build(content, fresh)
    assert {k: v[0] for k, v in snapshot(out).items()} == {k: v[0] for k, v in snapshot(fresh).items()}


def test_missing_content_dir_exits_2_with_a_clear_message(tmp_path: Path, capsys) -> None:
    from sunlight.cli import main

    assert main(["build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "内容目录不存在" in err and "content directory not found" in err
    assert main(["build", str(SMALL_AGENCY), "-o", str(tmp_path / "o"), "--today", "2026-13-01"]) == 2


def test_report_lists_held_back_late_decisions_and_calendar_fallback(tmp_path: Path) -> None:
    """Decisions through the real loader and publication stage: the report names each problem."""
    content = tmp_path / "content"
    shutil.copytree(SMALL_AGENCY, content)
    (content / "decisions").mkdir()
    header = "id,doc_no,kind,party_type,party_name,credit_code,facts,basis,content,amount,office,power_code,decided_on,published_on"
    common = "行政处罚,法人,青石示例广告有限公司,91310114MA1GT35X19"
    (content / "decisions" / "2026.csv").write_text(
        "\n".join(
            [
                header,
                # decided late in December: its 7-working-day deadline falls in a year no calendar knows
                f"D-LATE,青城管罚决字〔2026〕第000001号,{common},擅自设置户外广告设施。,《城市市容和环境卫生管理条例》第三十六条,"
                f"罚款人民币贰仟元整,2000,squad-east,330217001000,2026-12-28,2027-02-20",
                f"D-PII,青城管罚决字〔2026〕第000002号,{common},联系人电话13812345678，擅自设置户外广告设施。,"
                f"《城市市容和环境卫生管理条例》第三十六条,罚款人民币贰仟元整,2000,squad-east,330217001000,2026-12-01,2026-12-03",
            ]
        )
        + "\n",
        "utf-8",
    )
    out = tmp_path / "out"
    report = build(content, out, today=dt.date(2027, 3, 1))
    on_disk = json.loads((out / "build-report.json").read_text("utf-8"))
    held = {h["id"]: h for h in on_disk["held_back"]}
    assert (
        "D-PII" in held
        and held["D-PII"]["file"].endswith("decisions/2026.csv")
        and held["D-PII"]["line"] == 3
    )
    assert "13812345678" not in (out / "build-report.json").read_text(
        "utf-8"
    )  # the report is in the web root
    assert any(late.get("id") == "D-LATE" for late in on_disk["late_decisions"])
    assert any(w["value"] == "2027" and w["file"] == "calendar.yaml" for w in on_disk["warnings"])
    assert report["counts"]["decisions_public"] == 1


def test_open_data_holds_no_source_bookkeeping(small_site) -> None:
    out, _ = small_site
    for path in sorted((out / "data").glob("*.json")):
        if path.name == "catalog.json":
            continue
        text = path.read_text("utf-8")
        for key in ('"source"', '"line"', '"field_lines"', "small-agency/"):
            assert key not in text, f"{path.name} holds {key}"


def test_notice_list_is_paginated_with_pretty_urls(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL_AGENCY, content)
    for i in range(1, 24):
        (content / "notices" / f"n{i:02d}.md").write_text(
            f"Title: 第{i}号公告\nDate: 2026-01-{i:02d} 09:00\nSlug: notice-{i:02d}\n\n正文{i}。\n", "utf-8"
        )
    out = tmp_path / "out"
    build(content, out)
    first = (out / "notices/index.html").read_text("utf-8")
    second = (out / "notices/page/2/index.html").read_text("utf-8")

    def listed(html: str) -> int:
        return html.split('<ul class="notice-list">', 1)[1].split("</ul>", 1)[0].count("<li>")

    assert listed(first) == 20 and "第23号公告" in first  # newest first
    assert 'href="/notices/page/2/" rel="next"' in first
    assert listed(second) == 5 and "2025年双随机抽查计划公告" in second
    assert 'href="/notices/" rel="prev"' in second
    assert (out / "notices/notice-07/index.html").exists()


SECTION_PAGES = (
    "powers/index.html",
    "powers/type/penalty/index.html",
    "powers/330217001000/index.html",
    "flowcharts/index.html",
    "flowcharts/licence/index.html",
    "offices/index.html",
    "offices/squad-east/index.html",
    "personnel/index.html",
    "exemptions/index.html",
    "inspections/index.html",
    "points/index.html",
    "legal-review/index.html",
    "stats/index.html",
    "stats/2025/index.html",
    "notices/index.html",
    "about/index.html",
    "data/index.html",
    "404.html",
)


@pytest.mark.parametrize("rel", SECTION_PAGES)
def test_section_pages_name_their_column(small_site, rel: str) -> None:
    html = (small_site[0] / rel).read_text("utf-8")
    assert re.search(r'<meta name="ColumnName" content="[^"]+">', html)
    assert re.search(r'<meta name="ColumnType" content="(信息公开|政务动态|互动交流)">', html)
    assert html.count("<h1") == 1


def test_an_unwritable_output_is_a_clear_exit_2(tmp_path: Path, capsys) -> None:
    from sunlight.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a directory", "utf-8")
    assert main(["build", str(SMALL_AGENCY), "-o", str(blocker / "out"), "--today", "2026-11-22"]) == 2
    err = capsys.readouterr().err
    assert "站点生成失败" in err and "could not be generated" in err and "Traceback" not in err


def test_a_contract_breaking_flowchart_is_not_published(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL_AGENCY, content)
    chart = content / "flowcharts" / "licence.yaml"
    chart.write_text(chart.read_text("utf-8").replace("kind: decision", "kind: start"), "utf-8")  # two starts
    out = tmp_path / "out"
    report = build(content, out)
    assert not (out / "flowcharts/licence").exists()
    assert (out / "flowcharts/penalty-general/index.html").exists()
    assert "暂无流程图" in (out / "powers/330217003000/index.html").read_text("utf-8")
    assert any(e["file"].endswith("flowcharts/licence.yaml") for e in report["errors"])
    assert any(w["id"] == "licence" and "未发布" in w["zh"] for w in report["warnings"])


def test_report_warns_of_an_explicit_end_beyond_the_rule(tmp_path: Path) -> None:
    """A disclosure_until beyond the rule's maximum is capped, and the build report says so."""
    content = tmp_path / "content"
    shutil.copytree(SMALL_AGENCY, content)
    (content / "decisions").mkdir()
    header = "id,doc_no,kind,party_type,party_name,credit_code,facts,basis,content,office,power_code,decided_on,published_on,severity,disclosure_until"
    (content / "decisions" / "2025.csv").write_text(
        f"{header}\nD-CAP,青城管罚决字〔2025〕第000001号,行政处罚,法人,青石示例广告有限公司,91350100M000100Y43,"
        "擅自设置户外广告设施。,《城市市容和环境卫生管理条例》第三十六条,罚款人民币贰仟元整,squad-east,330217001000,"
        "2025-06-10,2025-06-12,严重,2030-01-01\n",
        "utf-8",
    )
    out = tmp_path / "out"
    build(content, out, today=dt.date(2026, 11, 30))
    on_disk = json.loads((out / "build-report.json").read_text("utf-8"))
    (warning,) = [w for w in on_disk["warnings"] if w.get("id") == "D-CAP"]
    assert warning["field"] == "disclosure_until" and warning["line"] == 2
    assert "2028-06-10" in warning["zh"] and "2030-01-01" in warning["en"]
