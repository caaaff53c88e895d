"""The 双公示 export's columns and cells (sunlight.domain.credit_export), on published decisions.

Expected cells are written out by hand from the template and the fixture's values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sunlight.content.model import Office, Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.credit_export import (
    Body,
    Column,
    column_problems,
    default_columns,
    issuing_bodies,
    monthly_rows,
    penalty_categories,
    wan_yuan,
)
from sunlight.domain.publication import publish

from .conftest import OFFICES, POWERS, credit_code, make

TODAY = dt.date(2025, 12, 1)
AGENCY_CODE = credit_code("11330100MB1")
AGENCY = Body("江州市明川区城市管理行政执法局", AGENCY_CODE)

PENALTY_HEADERS = [
    "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
    "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
    "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期",
    "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注",
]  # fmt: skip
LICENCE_HEADERS = [
    "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
    "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号", "许可内容",
    "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码", "当前状态", "数据来源单位",
    "数据来源单位统一社会信用代码", "备注",
]  # fmt: skip


def public(*decisions):
    result = publish(
        list(decisions),
        offices=OFFICES,
        powers=POWERS,
        policy=Publication(),
        calendar=WorkingCalendar(),
        today=TODAY,
    )
    return result.public


def rows(table, decisions, columns=None, offices=OFFICES):
    return monthly_rows(
        public(*decisions),
        table,
        columns or default_columns(table),
        bodies=issuing_bodies(offices, AGENCY),
        source=AGENCY,
        site_url="https://zfgs.example",
    )


def test_default_headers_are_the_template_in_its_order() -> None:
    assert [c.header for c in default_columns("penalties")] == PENALTY_HEADERS
    assert [c.header for c in default_columns("licences")] == LICENCE_HEADERS


def test_a_penalty_row_cell_by_cell() -> None:
    months = rows("penalties", [make(amount=Decimal("3000"), content="警告，并处罚款人民币叁仟元整")])
    assert list(months) == ["2025-09"]
    (row,) = months["2025-09"]
    assert dict(zip(PENALTY_HEADERS, row, strict=True)) == {
        "行政相对人名称": "江州明川示例建材有限公司",
        "行政相对人类别": "法人及非法人组织",
        "统一社会信用代码": credit_code(),
        "法定代表人": "王建国",
        "证件类型": "",
        "证件号码": "",
        "行政处罚决定书文号": "明城管罚决字〔2025〕第000101号",
        "违法行为类型": "擅自占用城市道路",
        "违法事实": "当事人未经批准擅自占用城市道路堆放建筑材料。",
        "处罚依据": "《城市道路管理条例》第四十二条",
        "处罚类别": "警告；罚款",
        "处罚内容": "警告，并处罚款人民币叁仟元整",
        "罚款金额（万元）": "0.300000",
        "没收违法所得、没收非法财物的金额（万元）": "",
        "暂扣或吊销证照名称及编号": "",
        "处罚决定日期": "2025-09-01",
        "处罚有效期": "",
        "公示截止期": "2028-09-01",  # 一般 市政: three years (the site shows the same date)
        "处罚机关": "江州市明川区城市管理行政执法局",
        "处罚机关统一社会信用代码": AGENCY_CODE,
        "数据来源单位": "江州市明川区城市管理行政执法局",
        "数据来源单位统一社会信用代码": AGENCY_CODE,
        "备注": "",
    }


def test_amounts_in_wan_yuan_with_six_decimals_exactly() -> None:
    assert wan_yuan(Decimal("3000")) == "0.300000"
    assert wan_yuan(Decimal("200")) == "0.020000"
    assert wan_yuan(Decimal("1234.56")) == "0.123456"
    assert wan_yuan(Decimal("0.1")) == "0.000010"  # 1 角; a float would give 9.999999999999999e-06
    assert wan_yuan(Decimal("150000")) == "15.000000"
    assert wan_yuan(Decimal("0.005")) == "0.000001"  # half a 厘 of a 万元 rounds up
    assert wan_yuan(Decimal("0")) == "0.000000"
    assert wan_yuan(None) == ""


def test_penalty_categories_follow_article_nine() -> None:
    assert penalty_categories("警告", None) == "警告"
    assert (
        penalty_categories("没收违法所得人民币500元，并处罚款1000元", Decimal("1000")) == "罚款；没收违法所得"
    )
    assert penalty_categories("没收用于违法经营的工具", None) == "没收非法财物"
    assert penalty_categories("责令停产停业", None) == "责令停产停业"
    assert penalty_categories("依法处理", Decimal("500")) == "罚款"
    assert penalty_categories("依法处理", None) == "其他"
    assert penalty_categories("警告，免予罚款", None) == "警告"
    assert penalty_categories("依据免罚清单不予行政处罚", None) == "其他"


def test_natural_person_and_sole_trader_show_only_the_masked_names() -> None:
    person = make(id="P1", doc_no="文P1", party_type="自然人", party_name="张三丰", credit_code="", legal_rep="",
                  id_number="110101199003071233", facts="张三丰在人行道上设摊。", amount=Decimal("200"))  # fmt: skip
    trader = make(id="P2", doc_no="文P2", party_type="个体工商户", party_name="李四水果店", legal_rep="李四",
                  id_number="320102198001011238", facts="李四水果店超出门窗经营。")  # fmt: skip
    months = rows("penalties", [person, trader])
    got = {row[6]: dict(zip(PENALTY_HEADERS, row, strict=True)) for row in months["2025-09"]}
    p = got[person.doc_no]
    assert (p["行政相对人名称"], p["行政相对人类别"], p["统一社会信用代码"], p["法定代表人"]) == (
        "张某",
        "自然人",
        "",
        "",
    )
    assert p["证件类型"] == "" and p["证件号码"] == "" and p["违法事实"] == "张某在人行道上设摊。"
    t = got[trader.doc_no]
    assert (t["行政相对人名称"], t["行政相对人类别"], t["法定代表人"]) == ("李某水果店", "个体工商户", "李某")
    assert t["证件号码"] == ""
    text = repr(months)
    for secret in ("张三丰", "三丰", "李四", "110101199003071233", "320102198001011238"):
        assert secret not in text


def test_licences_go_to_their_own_table_and_penalties_not() -> None:
    licence = make(id="L1", kind="行政许可", doc_no="明城管许字〔2025〕第8号", power_code="330217004000",
                   content="准予设置户外广告设施。", amount=None, facts="", decided_on=dt.date(2025, 10, 9),
                   published_on=dt.date(2025, 10, 10))  # fmt: skip
    penalty = make(id="D1")
    licences = rows("licences", [licence, penalty])
    assert list(licences) == ["2025-10"]
    (row,) = licences["2025-10"]
    assert dict(zip(LICENCE_HEADERS, row, strict=True)) == {
        "行政相对人名称": "江州明川示例建材有限公司",
        "行政相对人类别": "法人及非法人组织",
        "统一社会信用代码": credit_code(),
        "法定代表人": "王建国",
        "证件类型": "",
        "证件号码": "",
        "行政许可决定文书名称": "行政许可决定书",
        "行政许可决定文书号": "明城管许字〔2025〕第8号",
        "许可类别": "",
        "许可证书名称": "",
        "许可编号": "",
        "许可内容": "准予设置户外广告设施。",
        "许可决定日期": "2025-10-09",
        "有效期自": "2025-10-09",
        "有效期至": "",
        "许可机关": "江州市明川区城市管理行政执法局",
        "许可机关统一社会信用代码": AGENCY_CODE,
        "当前状态": "有效",
        "数据来源单位": "江州市明川区城市管理行政执法局",
        "数据来源单位统一社会信用代码": AGENCY_CODE,
        "备注": "",
    }
    assert list(rows("penalties", [licence, penalty])) == ["2025-09"]


def test_months_by_decision_date_rows_oldest_first() -> None:
    a = make(id="A", decided_on=dt.date(2025, 9, 20), published_on=dt.date(2025, 9, 22), doc_no="文3")
    b = make(id="B", decided_on=dt.date(2025, 9, 2), published_on=dt.date(2025, 9, 4), doc_no="文1")
    c = make(id="C", decided_on=dt.date(2025, 8, 30), published_on=dt.date(2025, 9, 4), doc_no="文0")
    months = rows("penalties", [a, b, c])
    assert list(months) == ["2025-08", "2025-09"]
    assert [r[6] for r in months["2025-09"]] == ["文1", "文3"]


def test_withdrawn_expired_held_and_minor_severity_are_not_exported() -> None:
    kept = make(id="K")
    revoked = make(id="R", status="撤销", status_on=dt.date(2025, 11, 1), doc_no="撤")
    expired = make(id="E", decided_on=dt.date(2020, 1, 6), published_on=dt.date(2020, 1, 8), doc_no="满")
    held = make(id="H", facts="联系电话13812345678", doc_no="扣")
    minor = make(id="M", severity="轻微", disclosure_until=dt.date(2025, 11, 30), doc_no="轻1",
                 decided_on=dt.date(2025, 9, 10), published_on=dt.date(2025, 9, 12))  # fmt: skip
    minor_shown = make(id="M2", severity="轻微", disclosure_until=dt.date(2025, 12, 5), doc_no="轻2",
                       decided_on=dt.date(2025, 11, 10), published_on=dt.date(2025, 11, 12))  # fmt: skip
    on_site = {p.id for p in public(kept, revoked, expired, held, minor, minor_shown)}
    assert on_site == {"K", "M2"}  # the site shows the 轻微 one for its explicit period
    months = rows("penalties", [kept, revoked, expired, held, minor, minor_shown])
    assert [r[6] for rs in months.values() for r in rs] == [kept.doc_no]


def test_issuing_body_is_the_nearest_office_with_its_own_code() -> None:
    street_code = credit_code("11330100MB2")
    offices = [
        Office(id="bureau", name="江州市明川区城市管理行政执法局", kind="bureau"),
        Office(
            id="street",
            name="江州市明川区新镇街道办事处",
            kind="street",
            parent="bureau",
            credit_code=street_code,
        ),
        Office(id="squad", name="新镇街道综合行政执法队", kind="squad", parent="street"),
        Office(id="brigade", name="东片执法大队", kind="brigade", parent="bureau"),
    ]
    bodies = issuing_bodies(offices, AGENCY)
    assert bodies["squad"] == Body("江州市明川区新镇街道办事处", street_code)
    assert bodies["street"] == Body("江州市明川区新镇街道办事处", street_code)
    assert bodies["brigade"] == AGENCY and bodies["bureau"] == AGENCY
    (row,) = rows("penalties", [make(office="squad")], offices=offices)["2025-09"]
    assert row[18:22] == ["江州市明川区新镇街道办事处", street_code, AGENCY.name, AGENCY_CODE]


def test_agency_columns_renamed_moved_and_added() -> None:
    columns = [
        Column("行政处罚决定书文号", template="行政处罚决定书文号"),
        Column("行政相对人代码_1（统一社会信用代码）", template="统一社会信用代码"),
        *(
            c
            for c in default_columns("penalties")
            if c.template not in ("行政处罚决定书文号", "统一社会信用代码")
        ),
        Column("信息提供部门", value="明川区城管执法局"),
        Column("事项编码", field="power_code"),
        Column("网址", field="url"),
        Column("处罚有效期", template="处罚有效期", value="2099-12-31"),
    ]
    columns = [c for c in columns if not (c.template == "处罚有效期" and c.value is None)]
    assert column_problems("penalties", columns) == []
    (row,) = rows("penalties", [make()], columns)["2025-09"]
    got = dict(zip([c.header for c in columns], row, strict=True))
    assert row[:2] == ["明城管罚决字〔2025〕第000101号", credit_code()]
    assert got["信息提供部门"] == "明川区城管执法局"
    assert got["事项编码"] == "330217001000"
    assert got["网址"] == "https://zfgs.example/decisions/D1/"
    assert got["处罚有效期"] == "2099-12-31"


def test_column_list_problems() -> None:
    template = list(default_columns("licences"))
    bad = [
        *template[1:],  # 行政相对人名称 missing
        Column("许可类别", template="许可类别"),  # listed twice
        Column("x", template="许可类型"),  # not a template column
        Column("身份证", field="id_number"),  # not a public field
        Column("空列"),  # neither value nor field
        Column("当前状态", value="1"),  # duplicate header
    ]
    found = [(i, key, value) for i, key, _, _, value in column_problems("licences", bad)]
    n = len(template) - 1
    assert found == [
        (n, "column", "许可类别"),
        (n, "header", "许可类别"),
        (n + 1, "column", "许可类型"),
        (n + 2, "field", "id_number"),
        (n + 3, "column", "空列"),
        (n + 4, "header", "当前状态"),
        (None, "columns", "行政相对人名称"),
    ]
