"""Each kind of decision is labelled for what it is, on its page, in the feeds and in open data.

A licence is no penalty: it has no 处罚依据 and no 信用修复告知; an inspection that found nothing
has no 主要违法事实; a 个体工商户's representative is its 经营者, a 非法人组织's its 负责人. Every
page shows the record id, the 救济途径 (the power item's text, else the agency's) and the two
buttons that carry the decision to the complaint and correction forms.

Expected labels are written out here (from the national 双公示 data standards' field names and
the laws cited), not read from the description the site uses.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from decisions_fixture import TODAY, credit, row, write_content

pytestmark = pytest.mark.slow

AGENCY_REMEDY = "对本局作出的行政行为不服的，可以向江州市明川区人民政府申请行政复议，或者向江州市明川区人民法院提起行政诉讼。"
HUANBAO_REMEDY = "对行政处罚决定不服的，可以自收到决定书之日起六十日内向江州市明川区人民政府申请行政复议"
SOLE_CODE = credit("92330110MAXR48XU")
ROWS = [
    row(id="K-PEN", doc_no="明城管罚决字〔2026〕第000101号", party_name="江州市渣土运输有限公司",
        credit_code=credit("91330100MA2B3CD5"), legal_rep="王建国", facts="当事人运输渣土车辆未密闭，沿途遗撒渣土。",
        basis="《城市市容和环境卫生管理条例》第三十四条", content="责令改正，罚款人民币5000元。", amount="5000",
        office="brigade-east", power_code="CF-HB-002"),
    row(id="K-SOLE", doc_no="明城管罚决字〔2026〕第000102号", party_type="个体工商户", party_name="明川区正阳烧烤店",
        credit_code=SOLE_CODE, legal_rep="曹丽娟", facts="当事人在禁止区域内露天烧烤食品。",
        basis="《中华人民共和国大气污染防治法》第一百一十八条第三款", content="罚款人民币伍仟元整", amount="5000",
        office="squad-xishan", power_code="CF-HB-002"),
    row(id="K-NONLEGAL", doc_no="明城管罚决字〔2026〕第000103号", party_type="非法人组织",
        party_name="江州市明川区青松会计师事务所（普通合伙）", credit_code=credit("91330100MA2D0001"),
        legal_rep="赵志刚", facts="当事人擅自设置户外广告。", basis="《江州市市容环境卫生管理条例》第十五条",
        content="罚款人民币贰仟元整", amount="2000", office="brigade-west", power_code=""),
    row(id="K-LIC", doc_no="明城管许字〔2026〕第000001号", kind="行政许可", party_name="江州永泰管线工程有限公司",
        credit_code=credit("91330110MA1CY78N"), legal_rep="魏春梅",
        facts="申请人提出申请，经审查，申请材料齐全、符合法定形式。", basis="《城市道路管理条例》第三十条、第三十一条",
        content="准予许可，许可有效期一年。", amount="", office="approval", power_code="XK-SZ-001"),
    row(id="K-INS", doc_no="明城管检字〔2026〕第000001号", kind="行政检查", party_type="个体工商户",
        party_name="明川区宏达洗车店", credit_code=credit("92330110MA45K8GD"), legal_rep="吴桂兰",
        facts="执法人员对当事人的经营场所开展检查，检查情况记录在案。", basis="《城镇排水与污水处理条例》第二十一条",
        content="检查未发现违法行为，已告知相关要求。", amount="", office="brigade-special", power_code="JC-JS-001"),
    row(id="K-CONF", doc_no="明城管确字〔2026〕第000001号", kind="行政确认", party_name="江州鑫源广告传媒有限公司",
        credit_code=credit("91330110MARUCW14"), legal_rep="何志强", facts="当事人申请确认门前环境卫生责任区。",
        basis="《江州市市容环境卫生管理条例》第十五条", content="予以确认。", amount="", office="approval",
        power_code="QR-SR-001"),
    row(id="K-COER", doc_no="明城管强字〔2026〕第000001号", kind="行政强制", party_name="江州德润商贸有限公司",
        credit_code=credit("91330110MA8GQAFG"), legal_rep="林明华", facts="当事人逾期未清除违法堆放物。",
        basis="《中华人民共和国行政强制法》第五十条", content="依法实施代履行。", amount="",
        office="brigade-east", power_code=""),
    row(id="K-OTHER", doc_no="明城管字〔2026〕第000001号", kind="其他", party_name="江州恒盛房地产开发有限公司",
        credit_code=credit("91330110MAY17KGY"), legal_rep="孙建国", facts="", basis="《江州市市容环境卫生管理条例》第二十条",
        content="责令限期整改。", amount="", office="brigade-east", power_code=""),
]  # fmt: skip
# kind -> (party, facts, basis, content) labels
LABELS = {
    "K-PEN": ("当事人", "主要违法事实", "处罚依据", "处罚内容"),
    "K-LIC": ("被许可人", "审查情况", "许可依据", "许可内容"),
    "K-INS": ("检查对象", "检查情况", "检查依据", "检查结果"),
    "K-CONF": ("当事人", "审查情况", "确认依据", "确认内容"),
    "K-COER": ("当事人", "主要事实", "强制依据", "强制措施内容"),
    "K-OTHER": ("当事人", "主要事实", "决定依据", "决定内容"),
}
PENALTY_WORDS = ("处罚依据", "处罚内容", "主要违法事实", "信用修复", "罚款金额")


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    from sunlight_site.build import build_site

    with tempfile.TemporaryDirectory(prefix="sunlight-kinds-") as tmp:
        content = write_content(Path(tmp) / "content", ROWS)
        agency = content / "agency.yaml"
        text = re.sub(r"(?m)^remedy:.*\n", "", agency.read_text("utf-8"))
        agency.write_text(text + f"remedy: {AGENCY_REMEDY}\n", encoding="utf-8")
        out = Path(tmp) / "out"
        build_site(content, out, TODAY, search=False)
        yield out


def page(site: Path, record: str) -> str:
    return html.unescape((site / "decisions" / record / "index.html").read_text("utf-8"))


def fields(text: str) -> dict[str, str]:
    """The page's <dt>label</dt><dd>value</dd> pairs, tags stripped from the values."""
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", text)
    return {dt: re.sub(r"<[^>]+>", "", dd) for dt, dd in pairs}


def test_every_kind_has_its_own_labels(site: Path) -> None:
    for record, (party, facts, basis, content) in LABELS.items():
        f = fields(page(site, record))
        assert party in f and basis in f and content in f, (record, sorted(f))
        if record != "K-OTHER":  # 其他 has no facts here
            assert facts in f, (record, sorted(f))
    lic = fields(page(site, "K-LIC"))
    assert lic["许可内容"] == "准予许可，许可有效期一年。"
    assert lic["被许可人"].startswith("江州永泰管线工程有限公司")
    ins = fields(page(site, "K-INS"))
    assert ins["检查结果"] == "检查未发现违法行为，已告知相关要求。"


@pytest.mark.parametrize("record", ["K-LIC", "K-INS", "K-CONF", "K-COER", "K-OTHER"])
def test_no_penalty_words_on_other_kinds(site: Path, record: str) -> None:
    text = page(site, record)
    article = text[text.index("<article") : text.index("</article>")]
    for word in PENALTY_WORDS:
        assert word not in article, (record, word)


def test_a_penalty_keeps_its_labels_and_the_credit_repair_notice(site: Path) -> None:
    text = page(site, "K-PEN")
    f = fields(text)
    assert f["主要违法事实"] == "当事人运输渣土车辆未密闭，沿途遗撒渣土。"
    assert f["处罚依据"] == "《城市市容和环境卫生管理条例》第三十四条"
    assert f["罚款金额（元）"] == "5,000.00"
    assert f["法定代表人"] == "王建国"
    assert "信用修复告知" in text


def test_the_representative_is_named_for_the_party_type(site: Path) -> None:
    sole = fields(page(site, "K-SOLE"))
    assert sole["经营者"] == "曹某" and "法定代表人" not in sole  # a person: masked
    nonlegal = fields(page(site, "K-NONLEGAL"))
    assert nonlegal["负责人"] == "赵志刚" and "法定代表人" not in nonlegal
    assert "信用修复告知" in page(site, "K-SOLE")  # a 个体工商户's penalty is a credit record too


def test_every_page_shows_its_record_id_and_the_remedy(site: Path) -> None:
    for record in ("K-PEN", "K-LIC", "K-NONLEGAL"):
        assert fields(page(site, record))["记录编号"] == record
    with_power = page(site, "K-PEN")
    assert "救济途径" in with_power and HUANBAO_REMEDY in with_power  # the power item's text
    without_power = page(site, "K-NONLEGAL")
    assert AGENCY_REMEDY in without_power  # no power item: the agency's text
    for text in (with_power, without_power):
        assert "六十日" in text and "《中华人民共和国行政复议法》第二十条" in text
        assert "六个月" in text and "《中华人民共和国行政诉讼法》第四十六条" in text
        assert "不停止" in text


def test_the_buttons_carry_the_decision_to_the_forms(site: Path) -> None:
    raw = (site / "decisions/K-SOLE/index.html").read_text("utf-8")
    complain = re.search(r'<a class="button" href="([^"]+)">对此决定投诉</a>', raw)
    correct = re.search(r'<a class="button[^"]*" href="([^"]+)">纠错</a>', raw)
    assert complain and correct
    assert html.unescape(complain.group(1)) == (
        "/complaints/new/?decision_id=K-SOLE&office=squad-xishan&power_code=CF-HB-002"
    )
    assert html.unescape(correct.group(1)) == "/feedback/?decision_id=K-SOLE&page_url=/decisions/K-SOLE/"
    no_power = (site / "decisions/K-NONLEGAL/index.html").read_text("utf-8")
    assert '/complaints/new/?decision_id=K-NONLEGAL&amp;office=brigade-west"' in no_power


def test_feed_summaries_say_what_each_decision_is(site: Path) -> None:
    feed = feedparser.parse((site / "feeds/decisions.atom").read_bytes())
    assert not feed.bozo
    summary = {e.id.rstrip("/").rsplit("/", 1)[-1]: e.summary for e in feed.entries}
    assert "许可内容：准予许可，许可有效期一年。" in summary["K-LIC"]
    assert "被许可人：江州永泰管线工程有限公司" in summary["K-LIC"]
    assert "检查结果：检查未发现违法行为" in summary["K-INS"]
    assert "确认内容：予以确认。" in summary["K-CONF"]
    assert "处罚内容：责令改正，罚款人民币5000元。" in summary["K-PEN"]
    for record in ("K-LIC", "K-INS", "K-CONF", "K-COER", "K-OTHER"):
        assert "处罚" not in summary[record], record


def test_open_data_columns_name_every_kind(site: Path) -> None:
    raw = (site / "data/decisions.csv").read_bytes()
    header = next(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))
    assert header == [
        "记录编号", "决定文书号", "决定类别", "程序类型", "当事人类型", "当事人名称", "统一社会信用代码",
        "法定代表人（负责人、经营者）", "主要事实", "决定依据", "决定内容", "金额(元)", "执法机关编号",
        "执法机关", "事项编码", "领域", "决定日期", "公示日期", "公示截止日期", "失信程度", "网址",
    ]  # fmt: skip
    data = json.loads((site / "data/decisions.json").read_text("utf-8"))
    assert data["fields"][:12] == [
        "id", "doc_no", "kind", "procedure", "party_type", "party_name", "credit_code", "legal_rep",
        "facts", "basis", "content", "amount",
    ]  # fmt: skip


def test_the_backend_catalog_knows_each_public_doc_no(site: Path) -> None:
    catalog = json.loads((site / "data/catalog.json").read_text("utf-8"))
    assert catalog["decision_doc_nos"]["K-LIC"] == "明城管许字〔2026〕第000001号"
    assert set(catalog["decision_doc_nos"]) == set(catalog["decisions"])
