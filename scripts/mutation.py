"""Mutation testing of the domain (``make mutation``): mutmut 3 over ``backend/sunlight/domain/``.

mutmut names a mutant after the module path of its file, relative to where it runs, and only
strips a leading ``src.``. The package lives in ``backend/sunlight`` and the tests import
``sunlight.domain...``, so the run happens in a staging directory (``build/mutation`` by
default) laid out the way mutmut expects:

    build/mutation/
      src/sunlight/         copy of backend/sunlight (only the chosen domain modules are mutated)
      src/sunlight_site/    copy of site/sunlight_site
      tests/ content/ docs/ scripts/   copies the tests read through their own paths
      pyproject.toml        pytest settings and the [tool.mutmut] configuration

mutmut copies that tree into ``build/mutation/mutants/`` and puts ``mutants/src`` first on
``sys.path``, so the tests import the mutated copy, never the editable install (its import hook
comes after ``sys.path``); ``PYTHONPATH`` is cleared for the run. Only the fast tests that call
the domain run (``tests/backend/domain``, ``tests/decisions``, ``tests/content`` without the
browser and slow markers), and for each mutant only the tests that reached the mutated function.

``--recheck TESTFILE`` runs no mutmut: it takes the mutants of the last run that survived or had no
tests, runs them one by one against the given test files (one pytest process, see
``scripts/mutation_recheck.py``) and prints how many each module's new tests kill.

Usage: ``python scripts/mutation.py [MODULE ...] [--jobs N]``; modules by their file name
without ``.py`` (``timers``), or ``all`` for every module of the domain. Prints a Markdown table
killed / survived / total per module for ``docs/mutation.md`` and writes every surviving
mutant's diff to ``build/mutation/survivors.txt``.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = ROOT / "backend" / "sunlight" / "domain"
TEST_DIRS = ["tests/backend/domain", "tests/decisions", "tests/content"]
DESELECT = [
    # Reads the source files from their place in the repository, not behaviour: nothing to kill.
    "tests/backend/domain/test_domain_purity.py",
    # Run the `sunlight` command or a script in a child process, which imports the installed
    # package, never the mutants: they cannot kill a mutant and only slow the run down.
    "tests/content/test_check_command.py",
    "tests/content/test_generator.py",
    "tests/decisions/test_sample_feed.py::test_check_command_accepts_the_sample",
    "tests/decisions/test_sample_feed.py::test_check_command_reports_a_held_back_record_and_exits_1",
]
COPIES = {
    "backend/sunlight": "src/sunlight",
    "site/sunlight_site": "src/sunlight_site",
    "tests": "tests",
    "content": "content",
    "docs": "docs",
    "scripts": "scripts",
}
PYPROJECT = """\
[tool.pytest.ini_options]
testpaths = ["tests"]
markers = [
  "browser: runs headless Chromium",
  "slow: builds whole sites or starts servers",
]

[tool.mutmut]
source_paths = ["src"]
only_mutate = {only}
pytest_add_cli_args = {args}
pytest_add_cli_args_test_selection = {tests}
also_copy = ["content", "docs", "scripts"]
use_git_change_detection = false
"""
KEY = re.compile(r"^\s*(sunlight\.domain\.(\w+))\.(\S+?)__mutmut_(\d+): (.+)$")


def modules_from(names: list[str]) -> list[str]:
    available = sorted(p.stem for p in DOMAIN.glob("*.py") if p.stem != "__init__")
    if not names or names == ["all"]:
        return available
    unknown = [n for n in names if n not in available]
    if unknown:
        raise SystemExit(f"unknown domain modules: {', '.join(unknown)} (have: {', '.join(available)})")
    return names


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def stage(stage_dir: Path, modules: list[str], deselect: list[str]) -> None:
    if stage_dir.exists():
        shutil.rmtree(stage_dir)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "golden")
    for source, target in COPIES.items():
        shutil.copytree(ROOT / source, stage_dir / target, ignore=ignore)
    args = ["-q", "-p", "no:cacheprovider", "-m", "not browser and not slow", "--hypothesis-seed=0"]
    args += [f"--deselect={d}" for d in DESELECT + deselect]
    (stage_dir / "pyproject.toml").write_text(
        PYPROJECT.format(
            only=toml_list([f"src/sunlight/domain/{m}.py" for m in modules]),
            args=toml_list(args),
            tests=toml_list(TEST_DIRS),
        ),
        encoding="utf-8",
    )


def mutmut(stage_dir: Path, *args: str) -> str:
    """Run mutmut in the staging directory and return its output; ``mutmut run`` writes its
    progress to ``mutmut.log`` there as it goes (``tail -f`` it)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COVERAGE_PROCESS_START")}
    command = [str(Path(sys.executable).with_name("mutmut")), *args]
    log_path = stage_dir / "mutmut.log"
    with log_path.open("a", encoding="utf-8") as log:
        log.write(f"$ mutmut {' '.join(args)}\n")
        log.flush()
        if args[0] == "run":
            done = subprocess.run(command, cwd=stage_dir, env=env, text=True, stdout=log, stderr=log)
            output = ""
        else:
            done = subprocess.run(command, cwd=stage_dir, env=env, text=True, capture_output=True)
            output = done.stdout
            log.write(done.stdout + done.stderr)
    if done.returncode != 0:
        sys.stderr.write(log_path.read_text(encoding="utf-8")[-4000:])
        raise SystemExit(f"mutmut {' '.join(args)} failed with exit code {done.returncode}; see {log_path}")
    return output


def report(stage_dir: Path, modules: list[str], seconds: float, jobs: int) -> str:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for line in mutmut(stage_dir, "results", "--all", "true").splitlines():
        match = KEY.match(line)
        if not match:
            continue
        module, status = match.group(2), match.group(5).strip()
        counts[module][status] += 1
        if status not in ("killed", "timeout"):
            survivors.append(line.split(":")[0].strip())
    lines = [
        f"mutmut {version('mutmut')}, Python {sys.version.split()[0]}, {jobs} workers "
        f"on {os.cpu_count()} cores, {seconds / 60:.1f} min",
        "",
        "| module | killed | timeout | survived | no tests | other | total | killed % |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total: Counter[str] = Counter()
    for module in modules:
        c = counts[module]
        total.update(c)
        lines.append(row(module + ".py", c))
    lines.append(row("**all**", total))
    with (stage_dir / "survivors.txt").open("w", encoding="utf-8") as out:
        for name in survivors:
            out.write(f"# {name}\n{mutant_diff(stage_dir, name)}\n")
    return "\n".join(lines)


def mutant_diff(stage_dir: Path, name: str) -> str:
    """The changed lines of one mutant (what ``mutmut show`` prints, without a process per mutant):
    mutmut keeps each function's original as ``<mangled>__mutmut_orig`` next to its mutants."""
    module, _, function = name.rpartition("__mutmut_")[0].rpartition(".")
    path = stage_dir / "mutants" / "src" / Path(*module.split("."))
    functions = _functions(path.with_suffix(".py"))
    original = functions.get(f"{function}__mutmut_orig", "")
    mangled = name.rpartition(".")[2]
    mutant = functions.get(mangled, "").replace(mangled, f"{function}__mutmut_orig", 1)
    diff = difflib.unified_diff(original.splitlines(), mutant.splitlines(), lineterm="", n=1)
    return "\n".join(line for line in list(diff)[2:])


_FUNCTIONS: dict[Path, dict[str, str]] = {}


def _functions(path: Path) -> dict[str, str]:
    if path not in _FUNCTIONS:
        source = path.read_text(encoding="utf-8")
        _FUNCTIONS[path] = {
            node.name: ast.get_source_segment(source, node) or ""
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
    return _FUNCTIONS[path]


def recheck(stage_dir: Path, modules: list[str], tests: list[Path]) -> str:
    """Run the last run's surviving and untested mutants of ``modules`` against ``tests``."""
    names = []
    for line in mutmut(stage_dir, "results", "--all", "true").splitlines():
        match = KEY.match(line)
        if match and match.group(2) in modules and match.group(5).strip() in ("survived", "no tests"):
            names.append(line.split(":")[0].strip())
    work = stage_dir / "recheck"
    work.mkdir(exist_ok=True)
    (work / "names").write_text("\n".join(names), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "COVERAGE_PROCESS_START"}
    env |= {
        "PYTHONPATH": os.pathsep.join(["src", str(ROOT / "scripts")]),
        "MUTANTS_FILE": str(work / "names"),
        "RECHECK_OUT": str(work / "out"),
    }
    options = ["-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-p", "mutation_recheck"]
    files = [str(t.resolve()) for t in tests]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *options, *files],
        cwd=stage_dir / "mutants",
        env=env,
        text=True,
        capture_output=True,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"the recheck failed with exit code {done.returncode}")
    results = dict(line.split("\t") for line in (work / "out").read_text(encoding="utf-8").splitlines())
    lines = ["| module | rechecked | killed now | still alive |", "| --- | ---: | ---: | ---: |"]
    alive = []
    for module in modules:
        mine = {n: s for n, s in results.items() if n.startswith(f"sunlight.domain.{module}.")}
        left = sorted(n for n, s in mine.items() if s == "survived")
        alive += left
        lines.append(f"| {module}.py | {len(mine)} | {len(mine) - len(left)} | {len(left)} |")
    return "\n".join([*lines, "", *(f"alive: {n}" for n in alive)])


def row(name: str, c: Counter[str]) -> str:
    n = sum(c.values())
    killed, timeout, survived, untested = c["killed"], c["timeout"], c["survived"], c["no tests"]
    other = n - killed - timeout - survived - untested  # suspicious, segfault, ...
    # A mutant that makes the tests hang (a loop that never ends) is caught: it counts as killed.
    share = f"{100 * (killed + timeout) / n:.1f}" if n else "-"
    return f"| {name} | {killed} | {timeout} | {survived} | {untested} | {other} | {n} | {share} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="domain modules (file names without .py), or all")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--stage", type=Path, default=ROOT / "build" / "mutation")
    parser.add_argument(
        "--deselect",
        action="append",
        default=[],
        metavar="NODEID",
        help="leave out a test that fails on the unmutated code (mutmut needs a green run to start)",
    )
    parser.add_argument("--report-only", action="store_true", help="report on the last run, do not run")
    parser.add_argument(
        "--recheck",
        action="append",
        default=[],
        type=Path,
        metavar="TESTFILE",
        help="run the last run's survivors one by one against these test files, do not run mutmut",
    )
    opts = parser.parse_args()
    modules = modules_from(opts.modules)
    if opts.recheck:
        print(recheck(opts.stage, modules, opts.recheck))
        return
    if opts.report_only:
        print(report(opts.stage, modules, 0.0, opts.jobs))
        return
    stage(opts.stage, modules, opts.deselect)
    started = time.monotonic()
    mutmut(opts.stage, "run", "--max-children", str(opts.jobs))
    print(report(opts.stage, modules, time.monotonic() - started, opts.jobs))
    print(f"\nSurviving mutants and their diffs: {opts.stage / 'survivors.txt'}")


if __name__ == "__main__":
    main()
