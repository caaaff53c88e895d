"""Independent oversight at its edges, every answer worked out by hand from the catalog's tree
(docs/backend-domain.md: the supervising office first, never the acting office nor the handler,
never the office complained about; outside supervisors only over an office inside the agency)."""

from __future__ import annotations

import datetime as dt

from complaint_builders import complaint, external_office
from complaint_catalog_sample import catalog_dict
from sunlight.domain import complaints as states
from sunlight.domain.catalog import Catalog
from sunlight.domain.oversight import (
    Gap,
    chase_office,
    escalation_office,
    no_independent_office,
    oversight_gaps,
    review_office_for,
)
from sunlight.service.catalog import catalog_from_dict

MAR2 = dt.date(2026, 3, 2)
SAMPLE = catalog_from_dict(catalog_dict())


external = external_office


def with_two_outside_supervisors() -> Catalog:
    d = catalog_dict()
    d["offices"] += [external("sfj-a"), external("sfj-b")]
    return catalog_from_dict(d)


def c(**changes: object) -> states.Complaint:
    return complaint(MAR2, status=states.ACCEPTED, **changes)


def test_the_refusal_word_for_word() -> None:
    err = no_independent_office("批准延期", "approve an extension")
    assert (err.zh, err.en, err.field) == (
        "本投诉没有独立于承办单位的监督单位,不能批准延期(任何单位不得监督自己)",
        "no office independent of the handling office may approve an extension (no office oversees itself)",
        "action",
    )


def test_the_supervising_office_reviews_else_the_handlers_overseer() -> None:
    # 东部大队 handles; its record names the bureau as supervising: the bureau reviews
    assert review_office_for(SAMPLE, c(supervising_office="bureau")) == "bureau"
    # supervising itself: the designated supervision division above it reviews
    assert review_office_for(SAMPLE, c(supervising_office="brigade-east")) == "supervision"


def test_a_late_handler_is_chased_to_its_supervising_office_first() -> None:
    # the overseer of 东部大队 would be 勤务监督处, but the complaint names the bureau
    assert chase_office(SAMPLE, c(supervising_office="bureau"), "brigade-east") == "bureau"


def test_a_late_reviewer_is_chased_to_its_own_overseer_first() -> None:
    # 勤务监督处 reviews and is late: the bureau above it, before the supervising office on record
    assert chase_office(SAMPLE, c(supervising_office="brigade-west"), "supervision") == "bureau"


def test_no_outside_supervisor_is_brought_in_over_an_outside_office() -> None:
    # handled and supervised by sfj-a, about sfj-b: the only other office outside is the one
    # complained about; no office of the agency oversees an outside office: nobody
    cat = with_two_outside_supervisors()
    x = c(
        handling_office="sfj-a",
        supervising_office="sfj-a",
        about={"office": "sfj-b", "street": ""},
    )
    assert chase_office(cat, x, "sfj-a") == ""
    assert escalation_office(cat, x, "sfj-a") == ""


def test_gaps_in_a_bureau_with_one_division_and_no_supervision() -> None:
    d = catalog_dict()
    d["offices"] = [o for o in d["offices"] if o["id"] in ("bureau", "cases")]
    d["powers"] = []
    d["complaints"]["settings"]["designated_supervision"] = ""
    d["complaints"]["routing"] = [
        {"match": {"office": "bureau"}, "handler": "cases"},
        {"match": {"category": "other"}, "handler": "bureau"},
        {"match": {}, "handler": "cases"},
    ]
    # about nothing ("") / the bureau / 案件管理中心, for each category: the bureau has nobody above
    # it; 案件管理中心 has only the bureau, which is excluded in a complaint about the bureau;
    # a complaint about 案件管理中心 is taken by the bureau (conflict rule)
    assert oversight_gaps(catalog_from_dict(d)) == [
        Gap("", "other", "bureau"),
        Gap("bureau", "arbitrary-fine", "cases"),
        Gap("bureau", "repeat-inspection", "cases"),
        Gap("bureau", "other", "cases"),
        Gap("cases", "arbitrary-fine", "bureau"),
        Gap("cases", "repeat-inspection", "bureau"),
        Gap("cases", "other", "bureau"),
    ]
