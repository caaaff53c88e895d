"""The sample agency's decision feed: loads cleanly, holds nothing back, shows every case."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sunlight.content.loader import load_content
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.publication import publish

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def sample():
    content, problems = load_content(ROOT / "content")
    calendar = WorkingCalendar.from_overrides(content.calendar.holidays, content.calendar.workdays)
    result = publish(
        content.decisions,
        offices=content.offices,
        powers=content.powers,
        policy=content.agency.publication,
        calendar=calendar,
        today=TODAY,
    )
    return content, problems, result


def test_feed_in_three_formats_loads_without_problems(sample) -> None:
    content, problems, _ = sample
    feed_problems = [str(p) for p in problems.items if p.file.startswith("content/decisions/")]
    assert feed_problems == []
    files = {d.source for d in content.decisions}
    assert files == {
        "content/decisions/2024-11_2025-06.csv",
        "content/decisions/2025-07_2025-12.csv",
        "content/decisions/2026.xlsx",
    }
    assert 150 <= len(content.decisions) <= 250
    assert (
        (ROOT / "content/decisions/2025-07_2025-12.csv").read_bytes().decode("gb18030").startswith("记录编号")
    )
    sheet = load_workbook(ROOT / "content/decisions/2026.xlsx", read_only=True).worksheets[0]
    header, first = list(sheet.iter_rows(max_row=2, values_only=True))
    assert isinstance(first[header.index("决定日期")], dt.datetime)  # a real date cell


def test_nothing_held_back_and_every_case_shown(sample) -> None:
    content, _, result = sample
    assert result.held == []
    assert {n.reason for n in result.withdrawn} == {"撤销", "变更", "信用修复", "公示期满"}
    assert all(n.superseded_by for n in result.withdrawn if n.reason == "变更")
    assert {o.reason for o in result.omitted} >= {"simple_procedure", "not_published_by_rule"}
    kinds = {p.kind for p in result.public}
    assert {"行政处罚", "行政许可"} <= kinds
    people = [p.party_name for p in result.public if p.party_type == "自然人"]
    assert people and all(name.endswith("某") and len(name) <= 3 for name in people)
    assert any(name.startswith("欧阳") for name in people)
    assert 1 <= len(result.late) <= 10
    assert len({d.office for d in content.decisions}) >= 6
    assert not [w for w in result.warnings if w.field == "status_on"]


def test_check_command_accepts_the_sample() -> None:
    run = subprocess.run(
        [str(Path(sys.executable).with_name("sunlight")), "check", "content", "--today", TODAY.isoformat()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]


def test_no_natural_persons_full_name_in_anything_published(sample) -> None:
    content, _, result = sample
    names = {d.party_name for d in content.decisions if d.party_type == "自然人"}
    shown = "\n".join(repr(item) for item in [*result.public, *result.withdrawn])
    shown += "\n".join(n.text for n in result.withdrawn)
    assert len(names) >= 5
    assert [name for name in names if name in shown] == []


def test_check_command_reports_a_held_back_record_and_exits_1(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    row = {
        "id": "PII-1",
        "doc_no": "明城管罚决字〔2026〕第009001号",
        "kind": "行政处罚",
        "party_type": "自然人",
        "party_name": "欧阳卫东",
        "facts": "当事人在新镇街道占道经营，联系电话13912345678。",
        "basis": "《城市市容和环境卫生管理条例》第三十六条",
        "content": "罚款人民币贰佰元整",
        "amount": 200,
        "office": "squad-xinzhen",
        "decided_on": "2026-11-02",
        "published_on": "2026-11-04",
    }
    (content / "decisions" / "extra.jsonl").write_text(
        json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    run = subprocess.run(
        [
            str(Path(sys.executable).with_name("sunlight")),
            "check",
            str(content),
            "--today",
            TODAY.isoformat(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "content/decisions/extra.jsonl:1: facts: 含疑似手机号码" in run.stderr
    assert "13912345678" not in run.stderr + run.stdout
    assert "1 条记录暂不公示" in run.stderr + run.stdout


def test_agency_period_table_from_agency_yaml(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    agency = content / "agency.yaml"
    agency.write_text(
        agency.read_text(encoding="utf-8")
        + "  rule: at_decision\n"
        + "  periods:\n"
        + "    - {id: short, source: 本机关规定, 一般: {min_months: 1, max_months: 2}}\n"
        + "    - {id: later, source: 本机关新规定, from: 2026-06-01, 一般: {min_months: 3, max_months: 6}, 轻微: 不公示}\n",
        encoding="utf-8",
    )
    loaded, problems = load_content(content)
    assert [str(p) for p in problems.errors] == []
    calendar = WorkingCalendar.from_overrides(loaded.calendar.holidays, loaded.calendar.workdays)
    result = publish(
        loaded.decisions,
        offices=loaded.offices,
        powers=loaded.powers,
        policy=loaded.agency.publication,
        calendar=calendar,
        today=TODAY,
    )
    explicit = {d.id for d in loaded.decisions if d.disclosure_until}  # an explicit end date wins
    penalties = [
        p for p in result.public if p.kind == "行政处罚" and p.severity == "一般" and p.id not in explicit
    ]
    # Under "short" (2 months, before 2026-06-01) everything has expired by the build date;
    # under "later" (6 months) only decisions since 2026-05-22 can still be shown.
    assert penalties and {p.period_rule for p in penalties} == {"later"}
    assert all(p.decided_on >= dt.date(2026, 6, 1) for p in penalties)
    assert all(p.disclosure_until < dt.date(2027, 6, 1) for p in penalties)
    assert any(n.reason == "公示期满" and n.decided_on >= dt.date(2026, 1, 1) for n in result.withdrawn)
