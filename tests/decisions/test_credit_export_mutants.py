"""The 双公示 export's rules with literal values (docs/credit-export.md): every problem of an
agency's column list word for word, the issuing authority up an office tree (with a cycle), the
处罚类别 of a fine amount alone, each template cell of one decision written out by hand (amounts in
万元: 2500 元 = 0.250000), and the cells of added columns."""

from __future__ import annotations

import datetime as dt
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sunlight.domain.credit_export import (
    Body,
    Column,
    column_problems,
    default_columns,
    issuing_bodies,
    monthly_rows,
    penalty_categories,
    template_values,
    violation_type,
)
from sunlight.domain.publication_results import PublicDecision

FIELDS_ZH = (
    "id、doc_no、kind、procedure、party_type、party_name、credit_code、legal_rep、facts、basis、content、"
    "amount、office、office_name、power_code、power_name、domain、decided_on、severity、disclosure_until、url"
)
FIELDS_EN = (
    "id, doc_no, kind, procedure, party_type, party_name, credit_code, legal_rep, facts, basis, content, "
    "amount, office, office_name, power_code, power_name, domain, decided_on, severity, disclosure_until, url"
)


def test_an_unknown_field() -> None:
    columns = [*default_columns("licences"), Column("网址", field="link")]
    assert column_problems("licences", columns) == [
        (21, "field", "未知的字段，应为:" + FIELDS_ZH, "unknown field; one of: " + FIELDS_EN, "link")
    ]


def test_a_template_column_twice_an_empty_header_and_one_missing() -> None:
    columns = [c for c in default_columns("licences") if c.template not in ("备注", "许可编号")]
    columns += [Column("", template="许可类别"), Column("", value="x"), Column("备注2", template="备注")]
    assert column_problems("licences", columns) == [
        (19, "column", "模板列重复", "template column listed twice", "许可类别"),
        (19, "header", "列名不能为空", "the header is empty", ""),
        (20, "header", "列名不能为空", "the header is empty", ""),  # empty, not a duplicate
        (
            None,
            "columns",
            "缺少模板列（模板列可改名、调整顺序，不可删除）",
            "template columns missing (they may be renamed or moved, not removed)",
            "许可编号",
        ),
    ]


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    parent: str | None
    credit_code: str = ""


AGENCY = Body("示例区城市管理行政执法局", "11330100MB1234567X")


def _stop(signum: int, frame: object) -> None:
    raise TimeoutError("the walk up the office tree does not end")


@pytest.fixture
def two_seconds() -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _stop)
    signal.alarm(2)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.usefixtures("two_seconds")
def test_an_office_tree_with_a_cycle_ends_at_the_agency() -> None:
    offices = [
        Office("a", "甲中队", "b"),
        Office("b", "乙大队", "a"),
        Office("street", "东湖街道办事处", None, "11330100MB0000001Y"),
        Office("s1", "东湖综合执法队", "street"),
    ]
    assert issuing_bodies(offices, AGENCY) == {
        "a": AGENCY,
        "b": AGENCY,
        "street": Body("东湖街道办事处", "11330100MB0000001Y"),
        "s1": Body("东湖街道办事处", "11330100MB0000001Y"),
    }


def test_violation_type_needs_both_ends() -> None:
    assert violation_type(" 对擅自占用城市道路的处罚 ") == "擅自占用城市道路"
    assert violation_type("对擅自占用城市道路") == "对擅自占用城市道路"
    assert violation_type("擅自占用城市道路的处罚") == "擅自占用城市道路的处罚"


def test_a_fine_amount_alone_names_a_fine() -> None:
    assert penalty_categories("警告", Decimal("1")) == "警告；罚款"
    assert penalty_categories("警告", Decimal("0.5")) == "警告；罚款"
    assert penalty_categories("警告", Decimal("0")) == "警告"
    assert penalty_categories("警告", None) == "警告"
    assert penalty_categories("免予罚款", None) == "其他"


def decision(**changes: object) -> PublicDecision:
    d = PublicDecision(
        id="2025-0042",
        doc_no="明城执罚决字〔2025〕第42号",
        kind="行政处罚",
        procedure="一般程序",
        party_type="个体工商户",
        party_name="明川区张某小吃店",
        credit_code="92330100MA2H000000",
        legal_rep="张某",
        facts="占道经营",
        basis="《城市道路管理条例》第二十七条",
        content="警告",
        amount=Decimal("2500"),
        office="squad-1",
        office_name="东湖中队",
        power_code="330217001000",
        power_name="对擅自占用城市道路的处罚",
        domain="市政",
        decided_on=dt.date(2025, 3, 31),
        published_on=dt.date(2025, 4, 3),
        severity="一般",
        disclosure_until=dt.date(2025, 9, 30),
        repair_from=None,
        period_rule="order58",
        period_source="rule",
        deadline=dt.date(2025, 4, 8),
        late_by=0,
    )
    return d._replace(**changes)


ISSUER = Body("东湖中队所属大队", "11330100MB0000002W")
SOURCE = Body("示例区城市管理行政执法局", "11330100MB1234567X")


def test_the_penalty_cells_of_one_decision() -> None:
    assert template_values("penalties", decision(), ISSUER, SOURCE) == {
        "行政相对人名称": "明川区张某小吃店",
        "行政相对人类别": "个体工商户",
        "统一社会信用代码": "92330100MA2H000000",
        "法定代表人": "张某",
        "证件类型": "",
        "证件号码": "",
        "行政处罚决定书文号": "明城执罚决字〔2025〕第42号",
        "违法行为类型": "擅自占用城市道路",
        "违法事实": "占道经营",
        "处罚依据": "《城市道路管理条例》第二十七条",
        "处罚类别": "警告；罚款",  # the amount names the fine the content leaves out
        "处罚内容": "警告",
        "罚款金额（万元）": "0.250000",
        "没收违法所得、没收非法财物的金额（万元）": "",
        "暂扣或吊销证照名称及编号": "",
        "处罚决定日期": "2025-03-31",
        "处罚有效期": "",
        "公示截止期": "2025-09-30",
        "处罚机关": "东湖中队所属大队",
        "处罚机关统一社会信用代码": "11330100MB0000002W",
        "数据来源单位": "示例区城市管理行政执法局",
        "数据来源单位统一社会信用代码": "11330100MB1234567X",
        "备注": "",
    }


def test_the_licence_cells_of_one_decision() -> None:
    p = decision(kind="行政许可", party_type="其他组织", content="准予临时占用城市道路", amount=None)
    assert template_values("licences", p, ISSUER, SOURCE) == {
        "行政相对人名称": "明川区张某小吃店",
        "行政相对人类别": "其他组织",  # a type the template does not list is given as it is
        "统一社会信用代码": "92330100MA2H000000",
        "法定代表人": "张某",
        "证件类型": "",
        "证件号码": "",
        "行政许可决定文书名称": "行政许可决定书",
        "行政许可决定文书号": "明城执罚决字〔2025〕第42号",
        "许可类别": "",
        "许可证书名称": "",
        "许可编号": "",
        "许可内容": "准予临时占用城市道路",
        "许可决定日期": "2025-03-31",
        "有效期自": "2025-03-31",
        "有效期至": "",
        "许可机关": "东湖中队所属大队",
        "许可机关统一社会信用代码": "11330100MB0000002W",
        "当前状态": "有效",
        "数据来源单位": "示例区城市管理行政执法局",
        "数据来源单位统一社会信用代码": "11330100MB1234567X",
        "备注": "",
    }


def test_no_disclosure_end_gives_an_empty_cell() -> None:
    cells = template_values("penalties", decision(disclosure_until=None), ISSUER, SOURCE)
    assert cells["公示截止期"] == ""


def test_added_columns_and_an_office_without_an_authority() -> None:
    columns = [
        Column("处罚机关", template="处罚机关"),
        Column("罚款金额（万元）", template="罚款金额（万元）"),
        Column("金额", field="amount"),
        Column("链接", field="url"),
        Column("空列"),
        Column("公示截止期", template="公示截止期"),
    ]
    rows = monthly_rows(
        [decision(amount=None, content="罚款", disclosure_until=dt.date(2025, 9, 30))],
        "penalties",
        columns,
        bodies={"other": ISSUER},
        source=SOURCE,
    )
    assert rows == {
        "2025-03": [["示例区城市管理行政执法局", "", "", "/decisions/2025-0042/", "", "2025-09-30"]]
    }
