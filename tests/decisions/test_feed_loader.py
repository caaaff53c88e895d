"""Loading the decision feed: formats, headers, date forms, and every error with file and row."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sunlight.content.decisions import load_decisions
from sunlight.content.model import Content
from sunlight.domain.problems import Problems

from .conftest import OFFICES, POWERS

FEED = Path(__file__).resolve().parents[1] / "fixtures" / "decisions" / "feed"


def load(root: Path) -> tuple[dict, Problems]:
    problems = Problems()
    decisions = load_decisions(root, Content(offices=OFFICES, powers=POWERS), problems)
    return {d.id: d for d in decisions}, problems


def where(problems: Problems) -> set[tuple[str, int | None, str]]:
    return {(p.file, p.line, p.field) for p in problems.errors}


@pytest.fixture(scope="module")
def loaded() -> tuple[dict, Problems]:
    return load(FEED)


def test_valid_rows_load_from_every_format(loaded) -> None:
    decisions, _ = loaded
    assert sorted(decisions) == ["Q3-001", "Q3-005", "Q4-001", "Q4-002", "S-001", "S-002", "S-003"]
    assert decisions["Q3-001"].amount == Decimal("2000") and decisions["Q3-001"].office == "squad-a"
    assert decisions["Q3-005"].kind == "行政许可" and decisions["Q3-005"].office == "squad-b"  # by name
    assert decisions["S-002"].amount == Decimal("1500.5")


def test_gb18030_with_chinese_headers_and_date_forms(loaded) -> None:
    decisions, _ = loaded
    person = decisions["Q4-001"]
    assert person.party_name == "欧阳娜娜" and person.party_type == "自然人"
    assert person.decided_on == dt.date(2025, 9, 28) and person.published_on == dt.date(2025, 10, 11)
    assert person.id_number == "110105194912310021"
    assert person.source == "feed/decisions/2025-q4.csv" and person.line == 2
    assert (
        decisions["Q4-002"].decided_on == dt.date(2025, 10, 9) and decisions["Q4-002"].procedure == "简易程序"
    )


def test_every_error_names_file_row_and_field_in_both_languages(loaded) -> None:
    _, problems = loaded
    q3 = "feed/decisions/2025-q3.csv"
    expected = {
        (q3, 3, "credit_code"),
        (q3, 4, "facts"),
        (q3, 5, "amount"),
        (q3, 5, "office"),
        (q3, 5, "power_code"),
        (q3, 5, "decided_on"),
        (q3, 5, "severity"),
        (q3, 5, "status_on"),
        ("feed/decisions/2025-q4.csv", 4, "id"),
        (q3, 2, "id"),
        ("feed/decisions/2025-q4-status.jsonl", 4, "superseded_by"),
    }
    assert expected <= where(problems)
    for problem in problems.errors:
        assert problem.zh and problem.en and problem.file and problem.line
        assert str(problem).startswith(f"{problem.file}:{problem.line}: {problem.field}: ")
    credit = next(p for p in problems.errors if p.field == "credit_code")
    assert str(credit) == (
        "feed/decisions/2025-q3.csv:3: credit_code: 统一社会信用代码校验位错误 / check digit is wrong (91330100MA2000000X)"
    )


def test_duplicate_id_reports_both_places_and_keeps_the_first(loaded) -> None:
    decisions, problems = loaded
    dup = [p for p in problems.errors if p.field == "id"]
    assert {(p.file, p.line) for p in dup} == {
        ("feed/decisions/2025-q3.csv", 2),
        ("feed/decisions/2025-q4.csv", 4),
    }
    assert "2025-q4.csv:4" in next(p.zh for p in dup if p.line == 2)
    assert decisions["Q3-001"].doc_no.endswith("第000201号")


def test_changed_decision_needs_its_successor(loaded) -> None:
    decisions, _ = loaded
    assert decisions["S-001"].superseded_by == "S-002"
    assert "S-004" not in decisions  # 变更 without superseded_by


def test_successor_must_exist(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "decisions").mkdir(parents=True)
    lines = (FEED / "decisions" / "2025-q4-status.jsonl").read_text(encoding="utf-8").splitlines()
    (root / "decisions" / "s.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    decisions, problems = load(root)
    assert decisions == {}
    assert where(problems) == {("content/decisions/s.jsonl", 1, "superseded_by")}


def test_xlsx_with_real_date_cells(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "decisions"
    folder.mkdir(parents=True)
    book = Workbook()
    sheet = book.active
    sheet.append(["记录编号", "决定文书号", "决定类别", "当事人类型", "当事人名称", "统一社会信用代码",
                  "主要违法事实", "处罚依据", "处罚内容", "罚款金额(元)", "执法机关", "决定日期", "公示日期"])  # fmt: skip
    sheet.append([1001, "明城管罚决字〔2025〕第000501号", "行政处罚", "法人", "江州示例建材有限公司",
                  "91330100MA2000000Q", "占道堆物。", "《城市道路管理条例》第四十二条", "罚款", 800.0, "新镇中队",
                  dt.datetime(2025, 9, 28), dt.date(2025, 10, 11)])  # fmt: skip
    sheet.append([1002, "明城管罚决字〔2025〕第000502号", "行政处罚", "法人", "江州示例建材有限公司",
                  "91330100MA2000000Q", "占道堆物。", "《城市道路管理条例》第四十二条", "罚款", 800, "新镇中队",
                  45930, "not a date"])  # fmt: skip
    book.save(folder / "2025-09.xlsx")
    decisions, problems = load(tmp_path / "content")
    assert list(decisions) == ["1001"]
    assert decisions["1001"].decided_on == dt.date(2025, 9, 28)
    assert decisions["1001"].published_on == dt.date(2025, 10, 11)
    assert decisions["1001"].amount == Decimal("800.0")
    assert where(problems) == {("content/decisions/2025-09.xlsx", 3, "published_on")}


def test_unknown_header_and_no_feed(tmp_path: Path) -> None:
    root = tmp_path / "content"
    assert load(root)[0] == {}
    (root / "decisions").mkdir(parents=True)
    (root / "decisions" / "a.csv").write_text("id,doc_no,colour\nX,Y,red\n", encoding="utf-8")
    _, problems = load(root)
    assert ("content/decisions/a.csv", 1, "colour") in where(problems)


def test_many_rows_load(tmp_path: Path) -> None:
    """A large feed loads completely (the figures are in docs/decisions.md, measured separately)."""
    root = tmp_path / "content"
    (root / "decisions").mkdir(parents=True)
    shutil.copy(FEED / "decisions" / "2025-q3.csv", root / "decisions" / "a.csv")
    header, row = (root / "decisions" / "a.csv").read_text(encoding="utf-8-sig").splitlines()[:2]
    rows = [row.replace("Q3-001", f"N-{i}", 1) for i in range(5000)]
    (root / "decisions" / "a.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    decisions, problems = load(root)
    assert len(decisions) == 5000 and not problems.errors


def test_old_excel_files_are_reported_not_skipped(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FEED, root)
    (root / "decisions" / "2024-q1.xls").write_bytes(b"\xd0\xcf\x11\xe0 an old binary workbook")
    (root / "decisions" / "notes.md").write_text("not a feed", encoding="utf-8")
    decisions, problems = load(root)
    assert sorted(decisions) == ["Q3-001", "Q3-005", "Q4-001", "Q4-002", "S-001", "S-002", "S-003"]
    xls = [p for p in problems.errors if p.file.endswith("2024-q1.xls")]
    assert len(xls) == 1 and "xlsx" in xls[0].zh and "xlsx" in xls[0].en
    assert not any(p.file.endswith("notes.md") for p in problems.items)


def test_register_saved_as_old_excel_is_reported(tmp_path: Path) -> None:
    from sunlight.content.personnel import load_personnel

    (tmp_path / "personnel.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    problems = Problems()
    assert load_personnel(tmp_path, problems) == []
    files = [p.file for p in problems.errors]
    assert len(files) == 1 and files[0].endswith("/personnel.xls")  # named as the operator sees it


def test_domain_column_gives_a_decision_without_a_power_code_its_domain(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "decisions").mkdir(parents=True)
    header = "记录编号,决定文书号,决定类别,当事人类型,当事人名称,统一社会信用代码,主要违法事实,处罚依据,处罚内容,执法机关,事项编码,决定日期,领域"
    base = (
        "法人,江州某食品有限公司,91330100MA2000000Q,销售过期食品。,《食品安全法》第一百二十四条,罚款,squad-a"
    )
    rows = [
        f"A,文{1},行政处罚,{base},,2025-09-01,食品",  # no power code: the column gives the domain
        f"B,文{2},行政处罚,{base},330217003000,2025-09-01,消防",  # the power item's domain: fine
        f"C,文{3},行政处罚,{base},330217001000,2025-09-01,消防",  # the power item says 市政
        f"E,文{4},行政处罚,{base},,2025-09-01,消防安全",  # no such domain
    ]
    (root / "decisions" / "a.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    decisions, problems = load(root)
    assert decisions["A"].domain == "食品" and decisions["B"].domain == "消防"
    assert "C" not in decisions and "E" not in decisions
    bad = {(p.record_id, p.field) for p in problems.errors}
    assert ("C", "domain") in bad and ("E", "domain") in bad
    for p in problems.errors:
        assert p.zh and p.en and p.line
