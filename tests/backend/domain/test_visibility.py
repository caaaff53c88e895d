"""Who may see a complaint (``sunlight.domain.visibility``), against a table of cases written by hand
from the sample tree: bureau > supervision (division, supervision role), cases (division),
brigade-east > squad-xinzhen, brigade-west > squad-laocheng; plus an external supervisor outside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from complaint_builders import complaint
from complaint_catalog_sample import catalog_dict
from sunlight.domain.visibility import may_see, sees_reporter, visible_to
from sunlight.service.catalog import catalog_from_dict

EXTERNAL = {
    "id": "sfj",
    "name": "区司法局行政执法监督科",
    "kind": "external",
    "parent": None,
    "roles": ["supervision"],
    "email": "sfj@example.gov.cn",
}


def _catalog():  # type: ignore[no-untyped-def]
    data = catalog_dict()
    data["offices"].append(EXTERNAL)
    return catalog_from_dict(data)


CATALOG = _catalog()

# about, handling, supervising, review, escalated -> offices that see it, of which see the reporter
CASES = [
    # about a squad: its brigade handles (the brigade is above it, not within it)
    (
        "squad-xinzhen",
        "brigade-east",
        "supervision",
        "",
        "",
        {"brigade-east", "supervision"},
        {"brigade-east", "supervision"},
    ),
    # about a brigade: nothing within it sees the case, even when data written before names it
    (
        "brigade-east",
        "squad-xinzhen",
        "supervision",
        "",
        "bureau",
        {"supervision", "bureau"},
        {"supervision"},
    ),
    # about a division (the intake centre): the review left with it is not shown to it
    (
        "cases",
        "brigade-west",
        "supervision",
        "cases",
        "",
        {"brigade-west", "supervision"},
        {"brigade-west", "supervision"},
    ),
    # about the supervision office: the external supervisor handles; the bureau escalated to sees, without the reporter
    ("supervision", "sfj", "sfj", "", "bureau", {"sfj", "bureau"}, {"sfj"}),
    # about the bureau as a whole: only the bureau itself is excluded
    ("bureau", "supervision", "sfj", "sfj", "bureau", {"supervision", "sfj"}, {"supervision", "sfj"}),
    # about no office (a street): every office named sees it; the review office sees the reporter
    (
        "",
        "brigade-east",
        "supervision",
        "cases",
        "bureau",
        {"brigade-east", "supervision", "cases", "bureau"},
        {"brigade-east", "supervision", "cases"},
    ),
]


@pytest.mark.parametrize(
    ("about", "handling", "supervising", "review", "escalated", "sees", "reporter"), CASES
)
def test_visibility_table(
    about: str,
    handling: str,
    supervising: str,
    review: str,
    escalated: str,
    sees: set[str],
    reporter: set[str],
) -> None:
    c = complaint(
        dt.date(2026, 3, 2),
        about={"office": about},
        handling_office=handling,
        supervising_office=supervising,
        review_office=review,
        escalated_to=escalated,
    )
    assert visible_to(CATALOG, c) == sees
    assert sees_reporter(CATALOG, c) == reporter
    for office in [
        "bureau",
        "supervision",
        "cases",
        "brigade-east",
        "squad-xinzhen",
        "brigade-west",
        "squad-laocheng",
        "sfj",
    ]:
        assert may_see(CATALOG, c, office) == (office in sees)


def test_an_unrelated_office_never_sees_it() -> None:
    c = complaint(dt.date(2026, 3, 2))
    assert not may_see(CATALOG, c, "squad-laocheng")
    assert not may_see(CATALOG, replace(c, escalated_to=""), "bureau")
