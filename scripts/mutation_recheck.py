"""pytest plugin for ``scripts/mutation.py --recheck``: run the collected tests once per mutant, all
in one process.

mutmut 3's trampoline reads ``MUTANT_UNDER_TEST`` on every call of a mutated function, so changing
the variable between two passes over the tests switches the mutant without importing anything
again; one process for hundreds of mutants instead of one pytest start-up per mutant. The
unmutated code runs first: every test must pass on it. ``MUTANTS_FILE`` names the mutants, one a
line; ``RECHECK_OUT`` receives ``name<TAB>killed|survived`` lines.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _pytest.runner import runtestprotocol


def _all_pass(items: list[pytest.Item]) -> bool:
    for index, item in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        if any(report.failed for report in runtestprotocol(item, nextitem=following, log=False)):
            item.session._setupstate.teardown_exact(None)  # one failure kills the mutant
            return False
    return True


def pytest_runtestloop(session: pytest.Session) -> bool:
    names = Path(os.environ["MUTANTS_FILE"]).read_text(encoding="utf-8").split()
    os.environ["MUTANT_UNDER_TEST"] = ""
    if not _all_pass(list(session.items)):
        raise pytest.UsageError("the tests fail on the unmutated code")
    with open(os.environ["RECHECK_OUT"], "w", encoding="utf-8") as out:
        for name in names:
            os.environ["MUTANT_UNDER_TEST"] = name
            killed = not _all_pass(list(session.items))
            out.write(f"{name}\t{'killed' if killed else 'survived'}\n")
    os.environ["MUTANT_UNDER_TEST"] = ""
    return True
