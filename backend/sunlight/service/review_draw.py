"""The 案卷评查 draw, reproducible from its published seed (docs/supervision.md):

    for each office (in any order; each office's draw stands alone):
        ids = the record ids of the office's decisions of the year, without repeats, sorted by
              Python string order (code points)
        sample = random.Random(f"{seed}:{office}").sample(ids, min(n, len(ids)))

``random.Random`` seeded with a ``str`` hashes it with SHA-512 (seed version 2), stable across
Python 3 releases; ``sample`` keeps the order drawn, which numbers the cases 案卷 1, 2, ... The seed
is 32 hex digits from ``secrets``.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable

from sunlight.domain.case_review import CaseFile, ChecklistItem, OfficeReview, Review, candidates_by_office

SEED_BYTES = 16


def new_seed() -> str:
    return secrets.token_hex(SEED_BYTES)


def draw_office(seed: str, office: str, ids: Iterable[str], n: int) -> list[str]:
    """The sample of one office: reproducible from ``seed`` alone."""
    population = sorted(set(ids))
    return random.Random(f"{seed}:{office}").sample(population, min(n, len(population)))


def draw(
    year: int, seed: str, n: int, checklist: tuple[ChecklistItem, ...], case_files: Iterable[CaseFile]
) -> Review:
    """The year's review, not yet scored: every office with at least one decision that year."""
    offices = tuple(
        OfficeReview(office=office, cases=tuple(draw_office(seed, office, ids, n)), candidates=len(ids))
        for office, ids in candidates_by_office(case_files, year).items()
    )
    return Review(year=year, seed=seed, sample_per_office=n, checklist=checklist, offices=offices)
