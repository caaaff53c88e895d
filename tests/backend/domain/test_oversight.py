"""Independent oversight: who handles, approves an extension, reviews, is chased (催办) and is escalated
to (督办) for a complaint about each level of the sample agency's tree; no office ever oversees itself.

The expectations are written out by hand from the sample ``content/offices.yaml`` and
``content/complaints.yaml`` (routing rules, ``designated_supervision: supervision``) and the rules
in ``docs/backend-domain.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from complaint_builders import complaint
from complaint_catalog_sample import catalog_dict
from sunlight.content.catalog import build_catalog
from sunlight.content.loader import load_content
from sunlight.domain import complaints as states
from sunlight.domain.catalog import Catalog
from sunlight.domain.oversight import extension_approver, oversight_gaps, review_office_for
from sunlight.domain.routing import route
from sunlight.domain.timers import schedule
from sunlight.service.catalog import catalog_from_dict

ROOT = Path(__file__).resolve().parents[3]
D = dt.date
EXTERNAL = "sfj-supervision"  # 明川区司法局行政执法监督科 in content/offices.yaml


def _content_catalog(*, external: bool) -> Catalog:
    content, problems = load_content(ROOT / "content")
    assert not problems.errors, [str(p) for p in problems.errors]
    data = build_catalog(content, D(2026, 12, 24), [], private=True)
    if not external:
        data["offices"] = [o for o in data["offices"] if o["kind"] != "external"]
    return catalog_from_dict(data)


@pytest.fixture(scope="module")
def sample() -> Catalog:
    return _content_catalog(external=True)


@pytest.fixture(scope="module")
def sample_without_external() -> Catalog:
    return _content_catalog(external=False)


def roles(catalog: Catalog, about: str, category: str, street: str = "") -> tuple[str, str, str, str, str]:
    """(handles, approves an extension, reviews, is chased, is escalated to); "" for nobody."""
    r = route(catalog, category=category, office=about, street=street)
    c = complaint(
        D(2026, 3, 2),
        status=states.ACCEPTED,
        category=category,
        about={"office": about, "street": street},
        handling_office=r.handler,
        supervising_office=r.supervising,
    )
    events = {e.kind: e.office for e in schedule(c, catalog)}
    return (
        r.handler,
        extension_approver(c),
        review_office_for(catalog, c),
        events.get("chase", ""),
        events.get("escalate", ""),
    )


# about, category, street -> handles, approves, reviews, chased, escalated
WITH_EXTERNAL = [
    (
        "squad-xinzhen",
        "inaction",
        "新镇街道",
        ("brigade-east", "supervision", "supervision", "supervision", "bureau"),
    ),
    ("squad-xinzhen", "rough-enforcement", "", ("supervision", "bureau", "bureau", "bureau", "bureau")),
    ("brigade-east", "inaction", "新镇街道", ("supervision", "bureau", "bureau", "bureau", "bureau")),
    ("legal", "one-size-fits-all", "", ("supervision", "bureau", "bureau", "bureau", "bureau")),
    ("supervision", "rough-enforcement", "", (EXTERNAL, "", "", "", "")),
    ("supervision", "other", "", (EXTERNAL, "", "", "", "")),
    ("bureau", "other", "", (EXTERNAL, "", "", "", "")),
    ("bureau", "rough-enforcement", "", (EXTERNAL, "", "", "", "")),
]


@pytest.mark.parametrize(("about", "category", "street", "expected"), WITH_EXTERNAL)
def test_who_oversees_whom_in_the_sample_agency(
    sample: Catalog, about: str, category: str, street: str, expected: tuple[str, ...]
) -> None:
    assert roles(sample, about, category, street) == expected


WITHOUT_EXTERNAL = [
    (
        "squad-xinzhen",
        "inaction",
        "新镇街道",
        ("brigade-east", "supervision", "supervision", "supervision", "bureau"),
    ),
    ("brigade-east", "inaction", "新镇街道", ("supervision", "bureau", "bureau", "bureau", "bureau")),
    # about the supervision office: its parent, the bureau, handles and nobody above it is left
    ("supervision", "rough-enforcement", "", ("bureau", "", "", "", "")),
    # about the bureau: the rules' handler stays inside; the supervision office has nobody above it
    ("bureau", "rough-enforcement", "", ("supervision", "", "", "", "")),
    ("bureau", "other", "", ("cases", "supervision", "supervision", "supervision", "supervision")),
]


@pytest.mark.parametrize(("about", "category", "street", "expected"), WITHOUT_EXTERNAL)
def test_without_an_external_office_nobody_is_left_to_oversee_some_complaints(
    sample_without_external: Catalog, about: str, category: str, street: str, expected: tuple[str, ...]
) -> None:
    assert roles(sample_without_external, about, category, street) == expected


def test_no_office_is_ever_its_own_overseer(sample: Catalog, sample_without_external: Catalog) -> None:
    for catalog in (sample, sample_without_external):
        for about in [*catalog.offices, ""]:
            if catalog.offices.get(about) and catalog.offices[about].kind == "external":
                continue
            for category in catalog.categories:
                handler, approver, reviewer, chased, escalated = roles(catalog, about, category)
                assert handler not in (approver, reviewer, chased, escalated), (about, category)


def test_review_phase_chases_and_escalates_above_the_reviewer(sample: Catalog) -> None:
    r = route(sample, category="inaction", office="squad-xinzhen", street="新镇街道")
    c = complaint(
        D(2026, 3, 2),
        status=states.UNDER_REVIEW,
        about={"office": "squad-xinzhen"},
        handling_office=r.handler,
        supervising_office=r.supervising,
        review_office="supervision",
        responded_on=D(2026, 3, 10),
        review_opened_on=D(2026, 3, 12),
        review_respond_days=15,
    )
    events = {e.kind: e.office for e in schedule(c, sample)}
    assert (events["overdue"], events["chase"], events["escalate"]) == ("supervision", "bureau", "bureau")
    # a review of a complaint about the bureau left with its handler (data written before this rule):
    # chased and escalated outside the agency, never to itself nor to the bureau
    stale = replace(
        c,
        about={"office": "bureau"},
        handling_office="supervision",
        supervising_office="supervision",
        review_office="supervision",
    )
    events = {e.kind: e.office for e in schedule(stale, sample)}
    assert (events["overdue"], events["chase"], events["escalate"]) == ("supervision", EXTERNAL, EXTERNAL)


def test_the_check_names_the_complaints_nobody_independent_oversees(
    sample: Catalog, sample_without_external: Catalog
) -> None:
    assert oversight_gaps(sample) == []
    gaps = oversight_gaps(sample_without_external)
    assert {(g.about, g.handler) for g in gaps} == {("bureau", "supervision"), ("supervision", "bureau")}


# --- item 2: the routing chain, link by link (a small literal catalog) ----------------------------


def _chain_catalog(
    *, supervising_brigade: bool, designated: str | None, agency_supervision: bool, external: bool
):  # type: ignore[no-untyped-def]
    data = catalog_dict()
    data["complaints"]["settings"]["designated_supervision"] = designated
    for office in data["offices"]:
        roles_ = [r for r in office["roles"] if r != "supervision"]
        if office["id"] == "supervision" and agency_supervision:
            roles_.append("supervision")
        if office["id"] == "brigade-west" and supervising_brigade:
            roles_.append("supervision")
        office["roles"] = roles_
    if external:
        data["offices"].append(
            {
                "id": "ext",
                "name": "区司法局执法监督科",
                "kind": "external",
                "roles": ["supervision"],
                "email": "x@sfj.example",
            }
        )
    return catalog_from_dict(data)


@pytest.mark.parametrize(
    ("supervising_brigade", "designated", "agency_supervision", "external", "handler"),
    [
        (True, "cases", True, True, "brigade-west"),  # 1. the nearest ancestor with the supervision role
        (False, "cases", True, True, "cases"),  # 2. the designated office
        (False, None, True, True, "supervision"),  # 3. the agency's supervision office
        (False, None, False, True, "ext"),  # 4. an external office
        (False, None, False, False, "brigade-west"),  # 5. only then the parent
    ],
)
def test_the_routing_chain_for_a_complaint_about_an_office(
    supervising_brigade: bool, designated: str | None, agency_supervision: bool, external: bool, handler: str
) -> None:
    catalog = _chain_catalog(
        supervising_brigade=supervising_brigade,
        designated=designated,
        agency_supervision=agency_supervision,
        external=external,
    )
    # rule 3 of the test catalog sends complaints about squad-laocheng to squad-laocheng itself
    r = route(catalog, category="arbitrary-fine", office="squad-laocheng")
    assert (r.handler, r.conflict) == (handler, True)


def test_a_supervision_office_in_the_agency_wins_over_the_parent_without_a_designated_one() -> None:
    data = catalog_dict()
    data["complaints"]["settings"]["designated_supervision"] = None
    r = route(catalog_from_dict(data), category="arbitrary-fine", office="squad-laocheng")
    assert r.handler == "supervision"  # not brigade-west, its parent
