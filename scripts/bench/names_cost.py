"""Cost of the person-name check (docs/names.md).

    PYTHONPATH=backend:site .venv/bin/python scripts/bench/names_cost.py [--facts 2000] [--builds 20000]

The tagger alone: its load time, the time for ``--facts`` distinct facts as a city writes them
(``varied_facts.py``: templates filled with varied places, amounts, shops, ~1 % naming a
witness), and the facts, basis and content of 100,000 decisions of the peer benchmark
(``records.py``: repeating texts).

With ``--builds N``: an agency of N decisions with distinct facts (``generate_agency.py
--varied-facts``), built with ``sunlight build --no-search`` as a child process, without the
check (its finder answers "nobody" at once) and with it, then one day's changes (300 new
decisions with new facts, 20 withdrawn) and a rebuild; and a full build into an empty folder
that holds only the previous build's ``.sunlight-name-verdicts``. Work files go to /dev/shm.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_city  # noqa: E402
from records import make_records  # noqa: E402
from sunlight.domain.person_names import JiebaNames, _shared_tagger  # noqa: E402
from varied_facts import varied_fact  # noqa: E402

ACTS = ["擅自占用道路堆放物料", "店外经营", "乱张贴小广告", "运输渣土沿途遗撒", "夜间施工噪声扰民", "露天烧烤",
        "违法搭建", "损坏绿化设施"]  # fmt: skip
STREETS = ["东城街道", "南湖街道", "河口镇", "桥头镇"]
# A child build whose finder names nobody: the cost of everything but the check.
NO_CHECK = (
    "import sys, sunlight_site.decisions.name_verdicts as v;"
    "v.NameVerdicts.open = classmethod(lambda cls, out_dir, *a, **k: cls(lambda text: (), 'none'));"
    "from sunlight.cli import main; sys.exit(main(sys.argv[1:]))"
)


class WholeTexts(JiebaNames):
    """The finder without its memo of clauses: jieba tags each whole text."""

    def _words(self, text: str) -> list[tuple[str, str]]:
        return [(w, f) for w, f in (self._tagger or self._load()).cut(text)]


def tagger_alone(facts: int) -> None:
    start = time.perf_counter()
    _shared_tagger()
    print(f"load the tagger: {time.perf_counter() - start:.2f} s")

    rng = random.Random(5)
    texts = [varied_fact(rng, rng.choice(STREETS), rng.choice(ACTS)) for _ in range(facts)]
    finder = JiebaNames()
    start = time.perf_counter()
    named = sum(1 for text in texts if finder(text))
    spent = time.perf_counter() - start
    print(
        f"{facts:,} distinct facts ({len(set(texts)):,} texts): {spent:.2f} s, "
        f"{spent / facts * 1000:.2f} ms a fact, {named} name someone; {finder.stats()}"
    )

    whole = WholeTexts()
    start = time.perf_counter()
    assert [whole(t) for t in texts] == [finder(t) for t in texts]
    print(
        f"the same facts, each whole text tagged (no memo of its clauses): {time.perf_counter() - start:.2f} s"
    )

    records = make_records(100_000)
    finder = JiebaNames()
    start = time.perf_counter()
    held = sum(1 for r in records for k in ("facts", "basis", "content") if finder(r[k]))
    spent = time.perf_counter() - start
    print(f"100,000 benchmark decisions (3 fields each): {spent:.2f} s, {held} texts with a name")


def timed(label: str, cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{label}: {done.stderr.strip()[-2000:]}")
    line = next((x for x in done.stdout.splitlines() if x.startswith("built:")), "")
    print(f"{label}: {seconds:.1f} s  ({line.split(' -> ')[0]})", flush=True)
    return seconds


def new_facts(content: Path, seed: int) -> None:
    """The day's new decisions (``bench_city.next_day`` copies old rows) get facts of their own."""
    rng = random.Random(seed)
    for path in (content / "decisions").glob("zz-*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        col = rows[0].index("主要违法事实")
        for row in rows[1:]:
            if row[col]:
                row[col] = varied_fact(rng, rng.choice(STREETS), rng.choice(ACTS))
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)


def builds(n: int, work: Path) -> None:
    env = dict(os.environ)
    content = work / "content"
    subprocess.run(
        [sys.executable, str(bench_city.ROOT / "scripts/generate_agency.py"), str(content), "--powers", "200",
         "--decisions", str(n), "--seed", "1", "--end", bench_city.END.isoformat(), "--varied-facts"],
        check=True, stdout=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    day1, day2 = bench_city.TODAY, bench_city.TODAY + dt.timedelta(days=1)

    def cmd(out: Path, day: dt.date, check: bool = True) -> list[str]:
        base = bench_city.build_cmd(content, out, day, search=False)
        return base if check else [sys.executable, "-c", NO_CHECK, *base[1:]]

    bare, checked = work / "no-check", work / "checked"
    timed("full build, day 1, no name check", cmd(bare, day1, False), env)
    timed("full build, day 1, name check, no verdicts kept", cmd(checked, day1), env)
    verdicts = checked / ".sunlight-name-verdicts"
    print(f"  verdicts file: {verdicts.stat().st_size / 1e6:.1f} MB", flush=True)
    report = json.loads((checked / "build-report.json").read_text("utf-8"))
    held = [h for h in report["held_back"] if "他人姓名" in h.get("zh", "") or "他人姓名" in str(h)]
    print(f"  held back: {len(report['held_back'])} records, {len(held)} for another person's name")
    kept = work / "kept"
    kept.mkdir()
    shutil.copy2(verdicts, kept / verdicts.name)
    timed("full build, day 1, name check, verdicts of the previous build", cmd(kept, day1), env)
    bench_city.next_day(content, day2)
    new_facts(content, seed=day2.toordinal())
    timed("rebuild, day 2, no name check", cmd(bare, day2, False), env)
    timed("rebuild, day 2, name check with kept verdicts", cmd(checked, day2), env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=int, default=2000, help="distinct facts for the tagger alone")
    parser.add_argument("--builds", type=int, default=0, help="decisions of the build scenario (0: none)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    tagger_alone(args.facts)
    if args.builds:
        ram = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
        with tempfile.TemporaryDirectory(prefix="names-cost-", dir=ram) as tmp:
            builds(args.builds, Path(tmp))
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
