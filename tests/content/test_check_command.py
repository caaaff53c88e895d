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
    assert "content/offices.yaml:4: parent: 上级机构不存在 / parent office does not exist (nowhere)" in lines
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


def test_check_reads_the_name_verdicts_a_build_kept_in_its_output_folder(
    minimal: Path, tmp_path: Path
) -> None:
    """With ``--output``, the check answers from the build's ``.sunlight-name-verdicts`` (read only)
    instead of tagging the texts again. The file here says (falsely) that 当事人店外经营 names 店外
    someone: only a check that read it holds the record back."""
    from sunlight_site.name_verdicts import VERDICTS_FILE, NameVerdicts, finder_version

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
