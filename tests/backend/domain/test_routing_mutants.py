"""Routing at its edges (docs/backend-domain.md, Routing; issue #12 item 2: the chain's order), every
answer worked out by hand from the sample catalog's tree: bureau > 勤务监督处 (supervision, the
designated office), 案件管理中心 (intake), 东部大队 > 新镇中队, 西部大队 > 老城中队."""

from __future__ import annotations

from typing import Any

from complaint_builders import external_office
from complaint_catalog_sample import catalog_dict
from sunlight.domain.catalog import Catalog
from sunlight.domain.problems import Problem
from sunlight.domain.routing import Route, overseer_of, route, transfer_target_problem
from sunlight.service.catalog import catalog_from_dict

external = external_office


def with_outside_supervisors(*rules: dict[str, Any]) -> Catalog:
    d = catalog_dict()
    d["offices"] += [external("sfj-a"), external("sfj-b")]
    d["complaints"]["routing"][:0] = list(rules)
    return catalog_from_dict(d)


# 法制科: a second office with the supervision role
LEGAL_DIVISION = {
    "id": "legal",
    "name": "法制科",
    "kind": "division",
    "parent": "bureau",
    "roles": ["supervision"],
    "email": "fazhi@example.gov.cn",
}


def with_a_second_supervision_office_listed_first() -> Catalog:
    """法制科 (supervision role) comes before 勤务监督处 in offices.yaml; 勤务监督处 stays designated."""
    d = catalog_dict()
    d["offices"].insert(1, dict(LEGAL_DIVISION))
    return catalog_from_dict(d)


# -- the supervising office: the designated office before the agency's other supervision offices


def test_the_designated_office_oversees_before_a_supervision_office_listed_earlier() -> None:
    catalog = with_a_second_supervision_office_listed_first()
    # 新镇中队: no supervising ancestor (东部大队, the bureau); the designated 勤务监督处 next
    assert overseer_of(catalog, "squad-xinzhen", excluded="") == "supervision"
    assert overseer_of(catalog, "brigade-east", excluded="squad-xinzhen") == "supervision"


def test_a_routed_complaint_is_supervised_by_the_designated_office() -> None:
    catalog = with_a_second_supervision_office_listed_first()
    r = route(catalog, category="arbitrary-fine", office="squad-xinzhen", street="新镇街道")
    assert r == Route(handler="brigade-east", supervising="supervision", rule=2, conflict=False)


def test_without_a_designated_office_the_first_supervision_office_listed_oversees() -> None:
    d = catalog_dict()
    d["complaints"]["settings"]["designated_supervision"] = None
    d["offices"].insert(1, dict(LEGAL_DIVISION))
    assert overseer_of(catalog_from_dict(d), "brigade-east", excluded="") == "legal"


# -- a rule naming an external office for a complaint about the bureau is no conflict


def test_a_rule_sending_complaints_about_the_bureau_outside_is_followed_without_a_conflict() -> None:
    catalog = with_outside_supervisors({"match": {"office": "bureau"}, "handler": "sfj-b"})
    r = route(catalog, category="other", office="bureau")
    # the rule's own external office keeps it (not the first external one listed, sfj-a), and it
    # oversees itself only through the other external office
    assert r == Route(handler="sfj-b", supervising="sfj-a", rule=1, conflict=False)


def test_a_rule_naming_the_first_external_office_is_still_no_conflict() -> None:
    catalog = with_outside_supervisors({"match": {"office": "supervision"}, "handler": "sfj-a"})
    r = route(catalog, category="other", office="supervision")
    assert r == Route(handler="sfj-a", supervising="sfj-b", rule=1, conflict=False)


def test_a_rule_naming_an_office_inside_for_a_complaint_about_the_bureau_is_overridden() -> None:
    catalog = with_outside_supervisors()
    r = route(catalog, category="other", office="bureau")  # the catch-all rule 4 names 案件管理中心
    assert r == Route(handler="sfj-a", supervising="sfj-b", rule=4, conflict=True)


# -- transfers of a complaint about the bureau or its supervision office stay outside

OUTSIDE_ONLY = Problem(
    "对本局或其监督机构的投诉须由外部监督机构办理",
    "a complaint about the bureau or its supervision office stays with an external office",
    field="to_office",
    value="cases",
)


def test_a_complaint_about_the_bureau_is_never_transferred_back_inside() -> None:
    catalog = with_outside_supervisors()
    assert transfer_target_problem(catalog, "cases", "sfj-a", "bureau") == OUTSIDE_ONLY


def test_a_complaint_about_the_supervision_office_is_never_transferred_back_inside() -> None:
    catalog = with_outside_supervisors()
    problem = transfer_target_problem(catalog, "brigade-east", "sfj-a", "supervision")
    assert problem == Problem(
        "对本局或其监督机构的投诉须由外部监督机构办理",
        "a complaint about the bureau or its supervision office stays with an external office",
        field="to_office",
        value="brigade-east",
    )


def test_the_refusal_reads_in_both_languages_with_the_office_named() -> None:
    catalog = with_outside_supervisors()
    problem = transfer_target_problem(catalog, "cases", "sfj-a", "bureau")
    assert str(problem) == (
        "to_office: 对本局或其监督机构的投诉须由外部监督机构办理 / "
        "a complaint about the bureau or its supervision office stays with an external office (cases)"
    )


def test_a_transfer_from_one_external_office_to_the_other_is_allowed() -> None:
    catalog = with_outside_supervisors()
    assert transfer_target_problem(catalog, "sfj-b", "sfj-a", "bureau") is None
    assert transfer_target_problem(catalog, "sfj-a", "sfj-b", "supervision") is None


def test_without_an_external_office_a_complaint_about_the_bureau_moves_inside() -> None:
    catalog = catalog_from_dict(catalog_dict())
    assert transfer_target_problem(catalog, "cases", "supervision", "bureau") is None


def test_a_complaint_about_a_squad_moves_freely_when_external_offices_exist() -> None:
    catalog = with_outside_supervisors()
    assert transfer_target_problem(catalog, "cases", "brigade-east", "squad-xinzhen") is None
    assert transfer_target_problem(catalog, "sfj-a", "brigade-east", "squad-xinzhen") is None
