"""What the person-name check holds back on a feed with varied facts (docs/names.md).

    PYTHONPATH=backend:site .venv/bin/python scripts/bench/names_flagged.py [--decisions 20000] [--show 40]

Generates an agency with ``generate_agency.py --varied-facts`` (the same feed as
``names_cost.py --builds``: seed 1, 200 powers), runs the publication policy over it with
jieba's finder, and counts the records held back for another person's name: how many of them
name the witness the generator put in (``varied_facts.WITNESS_ROLES``), how many do not. Then
lists the names found that are not the generator's witnesses, grouped by the two characters
after them (the pattern: 面馆, 火锅, 名义...), each with an example sentence.
With ``--content DIR``: use an existing content folder instead of generating one.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_city  # noqa: E402
from sunlight.content.loader import load_content  # noqa: E402
from sunlight.domain.calendar import WorkingCalendar  # noqa: E402
from sunlight.domain.person_names import JiebaNames  # noqa: E402
from sunlight.domain.publication import publish  # noqa: E402
from varied_facts import WITNESS_ROLES  # noqa: E402

WITNESS = re.compile("(?:" + "|".join(WITNESS_ROLES) + ")([\u4e00-\u9fff]{2,3})在场并证实")


def generate(out: Path, decisions: int) -> None:
    subprocess.run(
        [sys.executable, str(bench_city.ROOT / "scripts/generate_agency.py"), str(out), "--powers", "200",
         "--decisions", str(decisions), "--seed", "1", "--end", bench_city.END.isoformat(), "--varied-facts"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def report(content_dir: Path, show: int) -> None:
    content, _ = load_content(content_dir)
    finder = JiebaNames()
    result = publish(
        content.decisions,
        offices=content.offices,
        powers=content.powers,
        policy=content.agency.publication,
        calendar=WorkingCalendar(),
        today=bench_city.TODAY,
        names=finder,
    )
    named = {p.record_id for p in result.held if "他人姓名" in p.zh}
    witnesses = {d.id: m.group(1) for d in content.decisions if (m := WITNESS.search(d.facts))}
    checked = {p.id for p in result.public} | set(result.held_ids)  # not omitted (expired, 轻微...)
    named_witnesses = checked & set(witnesses)
    print(
        f"decisions: {len(content.decisions):,}; checked (neither omitted nor withdrawn): {len(checked):,}; "
        f"naming a witness: {len(named_witnesses)}"
    )
    print(
        f"held back for another person's name: {len(named)} "
        f"({len(named) / len(content.decisions):.1%}); witnesses among them: {len(named & named_witnesses)}; "
        f"others: {len(named - named_witnesses)}; witnesses not held: {len(named_witnesses - named)}"
    )
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, str] = {}
    for d in content.decisions:
        for name in finder(d.facts):
            if witnesses.get(d.id) == name:
                continue
            at = d.facts.find(name)
            after = d.facts[at + len(name) : at + len(name) + 2]
            groups[after][name] += 1
            examples.setdefault(after, d.facts[max(0, at - 12) : at + len(name) + 12])
    ranked = sorted(groups.items(), key=lambda kv: -sum(kv[1].values()))
    print(f"false names: {sum(sum(c.values()) for c in groups.values())}, by the two characters after them:")
    for after, names in ranked[:show]:
        print(
            f"  {after!r:8} {sum(names.values()):4}  {' '.join(n for n, _ in names.most_common(6))}  | {examples[after]}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, default=20000)
    parser.add_argument("--content", type=Path, help="an existing content folder (default: generate one)")
    parser.add_argument("--show", type=int, default=40, help="patterns listed")
    args = parser.parse_args()
    if args.content:
        report(args.content, args.show)
        return 0
    with tempfile.TemporaryDirectory(prefix="names-flagged-", dir="/dev/shm") as tmp:
        generate(Path(tmp) / "content", args.decisions)
        report(Path(tmp) / "content", args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
