"""``sunlight check CONTENT_DIR [--today YYYY-MM-DD]``: validate a content directory.

With ``--output SITE_DIR`` (the folder ``sunlight build`` writes), the person-name check answers
from the verdicts the last build kept there (``.sunlight-name-verdicts``, docs/names.md) and tags
only the texts it has not seen; the file is read, never written.

Prints every problem (``file:line: field: 中文 / English (value)``) to stderr, errors and
held-back records first, then warnings, and a one-line summary. Exit status 1 when there is
any error or any record held back from publication (personal numbers in its text), else 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sunlight import clock
from sunlight.content.loader import load_content
from sunlight.content.model import Content
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.person_names import NameFinder
from sunlight.domain.problems import Problem
from sunlight.domain.publication import publish


def name_finder(output: str | None) -> NameFinder | None:
    """The build's kept name verdicts in ``output`` (read only), or None: the default finder."""
    if not output:
        return None
    try:
        from sunlight_site.decisions.name_verdicts import NameVerdicts
    except ModuleNotFoundError:  # the site package is not installed: tag every text
        return None
    return NameVerdicts.open(Path(output))


def publication_review(
    content: Content, today: dt.date, names: NameFinder | None = None
) -> tuple[list[Problem], list[Problem]]:
    """Held-back records and publication warnings, from the publication policy."""
    calendar = WorkingCalendar.from_overrides(
        content.calendar.holidays, content.calendar.workdays, complete_years=content.calendar.complete_years
    )
    result = publish(
        content.decisions,
        offices=content.offices,
        powers=content.powers,
        policy=content.agency.publication,
        calendar=calendar,
        today=today,
        names=names,
    )
    return list(result.held), list(result.warnings)


def run(args: argparse.Namespace) -> int:
    try:
        today = clock.today(getattr(args, "today", None))
    except clock.ClockError as exc:
        print(f"sunlight check: {exc}", file=sys.stderr)
        return 2
    content, problems = load_content(Path(args.content_dir))
    held, policy_warnings = publication_review(content, today, name_finder(getattr(args, "output", None)))
    warnings = [*problems.warnings, *policy_warnings]
    for problem in [*problems.errors, *held, *warnings]:
        print(str(problem), file=sys.stderr)
    errors = len(problems.errors)
    print(
        f"sunlight check {args.content_dir}: {errors} 个错误，{len(held)} 条记录暂不公示，{len(warnings)} 个警告"
        f" / {errors} errors, {len(held)} held back, {len(warnings)} warnings"
        f" ({len(content.offices)} offices, {len(content.powers)} powers, {len(content.decisions)} decisions)",
        file=sys.stderr,
    )
    return 1 if errors or held else 0
