"""`sunlight check` as a real process: the sample agency passes, a broken directory fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import write_content

ROOT = Path(__file__).resolve().parents[2]
SUNLIGHT = Path(sys.executable).parent / "sunlight"


def check(directory: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SUNLIGHT), "check", directory.name, *extra],
        capture_output=True,
        text=True,
        cwd=directory.parent,
        timeout=120,
    )


def test_sample_content_passes() -> None:
    result = subprocess.run(
        [str(SUNLIGHT), "check", "content", "--today", "2026-11-22"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("sunlight check content: 0 个错误，0 条记录暂不公示")
    assert "0 errors, 0 held back" in summary


def test_broken_content_fails_with_every_problem(minimal: Path) -> None:
    write_content(
        minimal,
        {
            "offices.yaml": (minimal / "offices.yaml").read_text(encoding="utf-8")
            + "- {id: x, name: 乙, kind: squad, parent: nowhere}\n",
            "calendar.yaml": "holidays: [2025/2/30]\n",
            "notices/n.md": "Title: 通知\n\n正文\n",
        },
    )
    result = check(minimal, "--today", "2025-06-01")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert "content/offices.yaml:5: parent: 上级机构不存在 / parent office does not exist (nowhere)" in lines
    assert "content/calendar.yaml:1: holidays: 日期不存在 / no such date (2025/2/30)" in lines
    assert "content/notices/n.md:1: Date: 通知公告须填写日期(Date) / a notice needs a Date" in lines
    assert lines[-1].startswith("sunlight check content: 3 个错误") and "3 errors" in lines[-1]
    assert "Traceback" not in result.stderr


def test_held_back_record_fails_the_check(minimal: Path) -> None:
    header = "记录编号,决定文书号,决定类别,当事人类型,当事人名称,统一社会信用代码,主要违法事实,处罚依据,处罚内容,执法机关,决定日期,公示日期\n"
    row = "D1,测城管罚决字〔2025〕第1号,行政处罚,法人,测试餐饮有限公司,91350100M000100Y43,经查当事人店外经营，联系电话13812345678,《条例》第1条,罚款200元,squad,2025-05-06,2025-05-08\n"
    write_content(minimal, {"decisions/a.csv": header + row})
    result = check(minimal, "--today", "2025-06-01")
    assert result.returncode == 1, result.stderr
    assert "13812345678" not in result.stderr
    assert "content/decisions/a.csv:2" in result.stderr
    assert "1 条记录暂不公示" in result.stderr


def test_minimal_content_passes_and_bad_today_is_refused(minimal: Path) -> None:
    assert check(minimal, "--today", "2025-06-01").returncode == 0
    refused = check(minimal, "--today", "someday")
    assert refused.returncode == 2 and "--today" in refused.stderr


def test_an_agency_without_an_independent_supervisor_is_warned(minimal: Path) -> None:
    # the minimal agency without its external office: everything goes to its supervision office; a
    # complaint about the bureau stays with it (nobody above it may approve its extension), one about
    # it goes to the bureau (ditto)
    offices = (minimal / "offices.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    write_content(
        minimal, {"offices.yaml": "".join(line for line in offices if "kind: external" not in line)}
    )
    result = check(minimal, "--today", "2025-06-01")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    warnings = [line for line in lines if "no independent supervisor" in line]
    assert [w.split(": ", 1)[0] for w in warnings] == ["content/offices.yaml:1", "content/offices.yaml:2"]
    assert "本局没有独立的监督机构:对 bureau 的投诉由 supervision 办理" in warnings[0]
    assert "complaints about supervision are handled by bureau" in warnings[1]
    assert "kind: external" in warnings[0]


def test_an_external_office_ends_the_warning_and_is_checked(minimal: Path) -> None:
    offices = (minimal / "offices.yaml").read_text(encoding="utf-8")
    assert "kind: external" in offices
    result = check(minimal, "--today", "2025-06-01")
    assert result.returncode == 0, result.stderr
    assert "independent supervisor" not in result.stderr
    assert "0 warnings" in result.stderr.strip().splitlines()[-1]
    offices = "".join(line for line in offices.splitlines(keepends=True) if "kind: external" not in line)
    bad = "- {id: sfj, name: 测试区司法局, kind: external, parent: bureau}\n- {id: x, name: 乙, kind: squad, parent: sfj}\n"
    write_content(minimal, {"offices.yaml": offices + bad})
    lines = check(minimal, "--today", "2025-06-01").stderr.strip().splitlines()
    assert (
        "content/offices.yaml:4: parent: 外部监督机构不得有上级机构 / an external office has no parent (bureau)"
        in lines
    )
    assert any("roles: 外部监督机构须承担监督(supervision)职能" in line for line in lines)
    assert any(
        "email: 外部监督机构须有电子邮箱 / an external office needs an e-mail address" in line
        for line in lines
    )
    assert (
        "content/offices.yaml:5: parent: 外部监督机构不能作为上级机构 / an external office cannot be a parent (sfj)"
        in lines
    )


def test_check_reads_the_name_verdicts_a_build_kept_in_its_output_folder(
    minimal: Path, tmp_path: Path
) -> None:
    """With ``--output``, the check answers from the build's ``.sunlight-name-verdicts`` (read only)
    instead of tagging the texts again. The file here says (falsely) that 当事人店外经营 names 店外
    someone: only a check that read it holds the record back."""
    from sunlight_site.decisions.name_verdicts import VERDICTS_FILE, NameVerdicts, finder_version

    header = "记录编号,决定文书号,决定类别,当事人类型,当事人名称,统一社会信用代码,主要违法事实,处罚依据,处罚内容,执法机关,决定日期,公示日期\n"
    row = "D1,测城管罚决字〔2025〕第1号,行政处罚,法人,测试餐饮有限公司,91350100M000100Y43,经查当事人店外经营,《条例》第1条,罚款200元,squad,2025-05-06,2025-05-08\n"
    write_content(minimal, {"decisions/a.csv": header + row})
    out = tmp_path / "site"
    out.mkdir()
    lying = NameVerdicts(lambda text: ("店外",) if "店外" in text else (), finder_version())
    assert lying("经查当事人店外经营") == ("店外",)
    (out / VERDICTS_FILE).write_bytes(lying.dumps())
    before = (out / VERDICTS_FILE).read_bytes()

    assert check(minimal, "--today", "2025-06-01").returncode == 0  # jieba: nobody named
    result = check(minimal, "--today", "2025-06-01", "--output", str(out))
    assert result.returncode == 1, result.stderr
    assert "他人姓名" in result.stderr and "1 条记录暂不公示" in result.stderr
    assert (out / VERDICTS_FILE).read_bytes() == before  # the check writes nothing
    assert check(minimal, "--today", "2025-06-01", "--output", str(tmp_path / "none")).returncode == 0
