"""Cost of the person-name check (docs/names.md).

    PYTHONPATH=backend .venv/bin/python scripts/bench/names_cost.py

Prints the tagger's load time, the time per 1,000 distinct facts (no cache help), and the time
for the facts, basis and content of 100,000 benchmark decisions (scripts/bench/records.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import make_records  # noqa: E402
from sunlight.domain.person_names import JiebaNames, _shared_tagger  # noqa: E402

start = time.perf_counter()
_shared_tagger()
print(f"load the tagger: {time.perf_counter() - start:.2f} s")

finder = JiebaNames()
han = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"  # 22 characters
texts = [
    f"经查，当事人在新镇街道{han[i % 22]}{han[i // 22 % 22]}{han[i // 484 % 22]}路占道经营，"
    "执法人员现场检查并制作了现场检查笔录，当事人对上述事实无异议。"
    for i in range(1000)
]
start = time.perf_counter()
for text in texts:
    finder(text)
print(f"1,000 distinct facts: {time.perf_counter() - start:.2f} s")

records = make_records(100_000)
finder = JiebaNames()
start = time.perf_counter()
held = sum(1 for r in records for k in ("facts", "basis", "content") if finder(r[k]))
spent = time.perf_counter() - start
info = finder._find.cache_info()
print(f"100,000 benchmark decisions (3 fields each): {spent:.2f} s, {held} texts with a name, {info}")
