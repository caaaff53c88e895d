"""``credit_export.yaml`` and the agency's and offices' ``credit_code``, as ``sunlight check`` reads them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sunlight.content.loader import load_content
from sunlight.domain.credit_export import Column

from .conftest import MINIMAL, write_content

AGENCY_CODE = "11330199MB1A2C3D0Q"  # the sample agency's (checked by the loader's GB 32100 validator)


def messages(root: Path) -> list[str]:
    _, problems = load_content(root)
    return [str(p) for p in problems.items]


def test_no_file_means_the_template(minimal: Path) -> None:
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    assert content.credit_export.penalties == () and content.credit_export.licences == ()


def test_rename_move_add_and_override(minimal: Path) -> None:
    rest = [
        "行政相对人名称",
        "行政相对人类别",
        "统一社会信用代码",
        "法定代表人",
        "证件类型",
        "证件号码",
        "行政许可决定文书名称",
        "许可证书名称",
        "许可编号",
        "许可内容",
        "许可决定日期",
        "有效期自",
        "有效期至",
        "许可机关",
        "许可机关统一社会信用代码",
        "当前状态",
        "数据来源单位",
        "数据来源单位统一社会信用代码",
        "备注",
    ]  # fmt: skip  (许可类别 and 行政许可决定文书号 come first below)
    write_content(
        minimal,
        {
            "credit_export.yaml": "licences:\n  columns:\n"
            "    - {column: 许可类别, value: 核准}\n"
            "    - {column: 行政许可决定文书号, header: 许可文书号}\n"
            + "".join(f"    - {c}\n" for c in rest)
            + "    - {header: 信息提供部门, value: 测试区城管执法局}\n"
            "    - {header: 事项编码, field: power_code}\n"
        },
    )
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    columns = content.credit_export.licences
    assert columns[0] == Column("许可类别", template="许可类别", value="核准")
    assert columns[1] == Column("许可文书号", template="行政许可决定文书号")
    assert columns[2] == Column("行政相对人名称", template="行政相对人名称")
    assert columns[-2:] == (
        Column("信息提供部门", value="测试区城管执法局"),
        Column("事项编码", field="power_code"),
    )
    assert "行政许可决定文书号" not in [c.header for c in columns]
    assert content.credit_export.penalties == ()


def test_errors_name_file_line_and_field(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "credit_export.yaml": "penalty:\n  columns: []\n"
            "licences:\n"
            "  columns:\n"
            "    - 行政相对人名称\n"
            "    - {column: 许可类型}\n"
            "    - {header: 行政相对人名称, value: x}\n"
            "    - {header: 身份证, field: id_number}\n"
            "    - {header: 空}\n"
            "    - {header: 备注2, value: a, field: doc_no}\n"
            "    - {header: 备注3, valeu: a}\n"
            "    - [1, 2]\n"
            "    - {header: 末列, value: z, column: 许可种类}\n"
            "penalties:\n  colums: []\n"
        },
    )
    got = messages(minimal)
    f = "content/credit_export.yaml"
    assert f"{f}:1: penalty: 未知字段(拼写错误？) / unknown field (a typo?)" in got
    assert f"{f}:6: licences.columns[2].column: 未知的模板列 / unknown template column (许可类型)" in got
    assert f"{f}:7: licences.columns[3].header: 列名重复 / duplicate header (行政相对人名称)" in got
    assert any(
        m.startswith(f"{f}:8: licences.columns[4].field: 未知的字段，应为:id、doc_no") and "(id_number)" in m
        for m in got
    )
    assert (
        f"{f}:9: licences.columns[5].column: 新增列须填写 value 或 field / an added column needs a value or a field (空)"
        in got
    )
    assert (
        f"{f}:10: licences.columns[6].value: value 与 field 只能填写其一 / give either value or field, not both"
        in got
    )
    assert f"{f}:11: licences.columns[7].valeu: 未知字段(拼写错误？) / unknown field (a typo?)" in got
    assert (
        f"{f}:12: licences.columns[8]: 应为模板列名或映射 / must be a template column's name or a mapping"
        in got
    )
    assert any(
        m.startswith(f"{f}:4: licences.columns: 缺少模板列") and "(行政相对人类别、统一社会信用代码" in m
        for m in got
    )
    content, _ = load_content(minimal)
    assert content.credit_export.licences == ()  # a wrong list is not used: the template is


def test_credit_codes_of_agency_and_offices(minimal: Path) -> None:
    agency = MINIMAL["agency.yaml"] + "credit_code: 11330100MB0000000X\n"
    offices = MINIMAL["offices.yaml"].replace(
        "kind: squad, parent: bureau,", "kind: squad, parent: bureau, credit_code: 12345,"
    )
    write_content(minimal, {"agency.yaml": agency, "offices.yaml": offices})
    got = messages(minimal)
    assert any(m.startswith("content/agency.yaml:9: credit_code: 统一社会信用代码") for m in got), got
    assert (
        "content/offices.yaml:3: credit_code: 统一社会信用代码应为18位 / must be 18 characters (12345)" in got
    )


def test_a_valid_agency_code_is_kept(minimal: Path) -> None:
    from sunlight.domain.credit_code import complete_credit_code

    code = complete_credit_code("11330100MB000000")
    write_content(minimal, {"agency.yaml": MINIMAL["agency.yaml"] + f"credit_code: {code.lower()}\n"})
    content, problems = load_content(minimal)
    assert [str(p) for p in problems.items] == []
    assert content.agency.credit_code == code


def test_sunlight_check_fails_on_a_bad_column_list(minimal: Path) -> None:
    write_content(minimal, {"credit_export.yaml": "penalties:\n  columns:\n    - 不存在的列\n"})
    run = subprocess.run(
        [sys.executable, "-m", "sunlight.cli", "check", str(minimal), "--today", "2026-11-20"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert (
        "content/credit_export.yaml:3: penalties.columns[1].column: 未知的模板列 / unknown template column (不存在的列)"
        in run.stderr
    )


def test_a_warning_when_decisions_would_be_exported_without_the_agency_code(minimal: Path) -> None:
    feed = (
        "id,doc_no,kind,party_type,party_name,credit_code,facts,basis,content,amount,office,decided_on\n"
        "T1,测城管罚决字〔2026〕第1号,行政处罚,自然人,张三,,当事人店外经营。,《条例》第三十六条,警告。,,squad,2026-10-10\n"
    )
    write_content(minimal, {"decisions/feed.csv": feed})
    warning = (
        "content/agency.yaml: credit_code: 未填写本机关统一社会信用代码：双公示文件中处罚机关、许可机关和数据来源单位的"
        "统一社会信用代码将为空 / no credit_code for the agency: the 双公示 files will have no authority or "
        "data-source credit code"
    )
    assert messages(minimal) == [warning]
    write_content(minimal, {"agency.yaml": MINIMAL["agency.yaml"] + f"credit_code: {AGENCY_CODE}\n"})
    assert messages(minimal) == []
