"""jieba's tagger in a helper process: same answers, loaded elsewhere, never unchecked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sunlight.domain import person_names
from sunlight_site.decisions import tagger_process
from sunlight_site.decisions.tagger_process import ProcessNames

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "tests" / "fixtures" / "names" / "sentences.tsv"


def labelled() -> list[tuple[str, set[str]]]:
    """The hand-labelled sentences of docs/names.md: text, the person names a reader sees in it."""
    lines = LABELLED.read_text(encoding="utf-8").splitlines()
    rows = []
    for line in [x for x in lines if x and not x.startswith("#")][1:]:
        text, _, names = line.partition("\t")
        rows.append((text, {n for n in names.split("、") if n}))
    return rows


def project_env() -> dict[str, str]:
    """This environment with the project's code first on the import path."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "backend"), str(ROOT / "site")])}


def python(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter (its imports are its own) run to its end."""
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=project_env(), timeout=timeout
    )


@pytest.fixture
def helper():
    finder = ProcessNames()
    yield finder
    finder.close()


def test_the_helper_finds_the_labelled_names(helper) -> None:
    rows = labelled()
    assert helper.helped
    tp = fp = fn = 0
    for text, expected in rows:
        found = set(helper(text))
        tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
    # the thresholds the in-process tagger is held to (test_person_names, docs/names.md)
    assert tp / (tp + fp) >= 0.93 and tp / (tp + fn) >= 0.97, (tp, fp, fn)
    assert helper("当事人于2025年3月1日与张三发生争执。") == ("张三",)
    assert helper("罚款500元") == ()


def test_the_tagger_is_loaded_in_the_helper_not_in_the_build() -> None:
    # a fresh interpreter: what it imports is its own (this test process has jieba loaded)
    script = (
        "import sys, json\n"
        "from sunlight_site.decisions import tagger_process\n"
        "finder = tagger_process.start()\n"
        "names = finder('现场负责人张建国在笔录上签字。')\n"
        "print(json.dumps({'names': names, 'helped': finder.helped,\n"
        "                  'jieba_here': 'jieba' in sys.modules or 'jieba.posseg' in sys.modules}))\n"
        "finder.close()\n"
    )
    out = python("-c", script)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer == {"names": ["张建国"], "helped": True, "jieba_here": False}


def test_a_stopped_helper_leaves_the_tagging_to_this_process(helper, caplog) -> None:
    assert helper("当事人与张三发生争执。") == ("张三",)
    helper._process.kill()
    helper._process.wait()
    # a text the helper never saw: asked after it died, answered here, with a warning
    assert helper("现场负责人张建国在笔录上签字。") == ("张建国",)
    assert not helper.helped
    assert "name helper stopped" in caplog.text


def test_a_stuck_helper_is_stopped_and_the_text_tagged_here(helper, monkeypatch) -> None:
    assert helper("当事人与张三发生争执。") == ("张三",)
    monkeypatch.setattr(tagger_process, "ANSWER_WITHIN", 0.5)
    os.kill(helper._process.pid, signal.SIGSTOP)  # alive, but answers nothing
    process = helper._process
    assert helper("现场负责人张建国在笔录上签字。") == ("张建国",)
    assert not helper.helped and process.poll() is not None  # stopped, and killed


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork only")
def test_a_forked_child_does_not_use_its_parent_s_pipe(helper) -> None:
    assert helper("当事人与张三发生争执。") == ("张三",)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a page worker, say
        try:
            names = helper("执法人员询问了邻居赵小梅，制作了笔录。")
            os.write(write, json.dumps([names, helper.helped]).encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child_names, child_helped = json.loads(os.read(read, 4096))
    os.close(read)
    assert child_names == ["赵小梅"] and child_helped is False
    # the parent's pipe holds no stray answer: its next question gets its own answer
    assert helper.helped
    assert helper("现场负责人张建国在笔录上签字。") == ("张建国",)


def test_start_installs_one_helper_per_process(monkeypatch) -> None:
    monkeypatch.setattr(person_names, "_default", None)
    first = tagger_process.start()
    try:
        assert isinstance(first, ProcessNames) and first.helped
        assert person_names.default_finder() is first
        assert tagger_process.start() is first
    finally:
        first.close()
    # a finder someone installed (a test's own) is left in place
    own = person_names.JiebaNames()
    monkeypatch.setattr(person_names, "_default", own)
    assert tagger_process.start() is own


def test_sunlight_build_starts_the_helper_before_importing_the_build(tmp_path: Path) -> None:
    # what the process had imported when the helper was forked: the build (Pelican, the sections)
    # must not be among them, or the tagger's load would not overlap that import
    script = (
        "import sys, json, argparse\n"
        "from sunlight_site.decisions import tagger_process\n"
        "seen = []\n"
        "real = tagger_process.start\n"
        "def start():\n"
        "    seen.append(sorted(m for m in ('sunlight_site.build', 'pelican') if m in sys.modules))\n"
        "    return real()\n"
        "tagger_process.start = start\n"
        "from sunlight import cli\n"
        f"code = cli.main(['build', {str(tmp_path / 'none')!r}, '-o', {str(tmp_path / 'out')!r}])\n"
        "print(json.dumps({'seen': seen, 'code': code}))\n"
    )
    out = python("-c", script)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout.splitlines()[-1])
    assert answer["code"] == 2  # no such content folder
    assert answer["seen"][0] == []  # the first start: before the build's imports


def test_the_helper_ends_when_the_build_is_killed() -> None:
    # a build killed with SIGKILL runs no clean-up: the helper must see its pipe close and end
    script = (
        "import os, sys, time\n"
        "from sunlight_site.decisions import tagger_process\n"
        "finder = tagger_process.start()\n"
        "finder('当事人与张三发生争执。')\n"
        "print(finder._process.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    env = project_env()
    build = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    try:
        helper_pid = int(build.stdout.readline())
        build.kill()
        build.wait()
        for _ in range(100):  # up to 10 s
            if not _running(helper_pid):
                break
            time.sleep(0.1)
        assert not _running(helper_pid), "the helper outlived the killed build"
    finally:
        build.kill()


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie has ended (its parent is gone; init reaps it)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc")
def test_the_helper_holds_none_of_the_build_s_files() -> None:
    # A helper holding a copy of a pipe the build opened (to a browser driver, a server, a
    # child) would keep that pipe open after the build closes its end: whoever reads it never
    # sees the end. Only its own pipe to the build may be shared.
    read, write = os.pipe()
    finder = ProcessNames()
    try:
        assert finder("当事人与张三发生争执。") == ("张三",)
        ours = {os.readlink(f"/proc/self/fd/{fd}") for fd in (read, write)}
        fds = Path(f"/proc/{finder._process.pid}/fd")
        theirs = {os.readlink(p) for p in fds.iterdir()}
        assert not ours & theirs
    finally:
        finder.close()
        os.close(read)
        os.close(write)


def test_a_whole_build_never_loads_jieba_in_the_building_process(tmp_path: Path) -> None:
    # the sample agency: its decisions' facts go through the name check (docs/names.md)
    script = (
        "import sys, json\n"
        "from sunlight import cli\n"
        f"code = cli.main(['build', {str(ROOT / 'content')!r}, '-o', {str(tmp_path / 'out')!r},\n"
        "                  '--today', '2026-12-01', '--no-search'])\n"
        "print(json.dumps({'code': code, 'jieba': sorted(m for m in sys.modules if m.startswith('jieba'))}))\n"
    )
    out = python("-c", script, timeout=300)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout.splitlines()[-1])
    assert answer == {"code": 0, "jieba": []}
    assert (tmp_path / "out" / ".sunlight-name-verdicts").exists()  # the check did run


def test_a_build_script_without_a_main_guard_runs_once(tmp_path: Path) -> None:
    # the helper runs this module, not the caller's script: a script that builds at its top
    # level (no ``if __name__ == "__main__"``) must not be run a second time by the helper
    runs = tmp_path / "runs.txt"
    script = tmp_path / "build_now.py"
    script.write_text(
        "from pathlib import Path\n"
        f"with Path({str(runs)!r}).open('a') as f:\n"
        "    f.write('ran\\n')\n"
        "from sunlight_site.decisions import tagger_process\n"
        "finder = tagger_process.start()\n"
        "assert finder.helped\n"
        "print(finder('当事人与张三发生争执。'))\n"
        "finder.close()\n",
        encoding="utf-8",
    )
    out = python(str(script))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "('张三',)"
    assert runs.read_text() == "ran\n"
