"""Routing: ordered rules, then the conflict rule (the office complained about never handles it)."""

from __future__ import annotations

from complaint_catalog_sample import catalog_dict, sample_catalog
from sunlight.domain.routing import overseer_of, route, transfer_target_problem
from sunlight.service.catalog import catalog_from_dict


def test_first_matching_rule_names_the_handler() -> None:
    catalog = sample_catalog()
    r = route(catalog, category="repeat-inspection", street="新镇街道")
    assert (r.handler, r.rule, r.conflict) == ("supervision", 1, False)
    r = route(catalog, category="arbitrary-fine", street="新镇街道")
    assert (r.handler, r.rule) == ("brigade-east", 2)
    assert r.supervising == "supervision"


def test_empty_match_is_the_fallback() -> None:
    r = route(sample_catalog(), category="other", street="老城街道")
    assert (r.handler, r.rule) == ("cases", 4)


def test_a_squad_complained_about_is_handled_by_its_brigade_when_the_rule_says_so() -> None:
    r = route(sample_catalog(), category="arbitrary-fine", office="squad-xinzhen", street="新镇街道")
    assert r.handler == "brigade-east" and not r.conflict


def test_conflict_when_the_rule_names_the_office_complained_about() -> None:
    # rule 3 routes complaints about squad-laocheng to squad-laocheng itself
    r = route(sample_catalog(), category="arbitrary-fine", office="squad-laocheng")
    assert r.conflict
    assert r.handler == "supervision"  # no ancestor has the supervision role: the designated office
    assert r.supervising != "squad-laocheng"


def test_conflict_when_the_handler_lies_below_the_office_complained_about() -> None:
    data = catalog_dict()
    data["complaints"]["routing"].insert(0, {"match": {"street": "新镇街道"}, "handler": "squad-xinzhen"})
    r = route(catalog_from_dict(data), category="arbitrary-fine", office="brigade-east", street="新镇街道")
    assert r.conflict and r.handler == "supervision"


def test_nearest_supervising_ancestor_wins_over_the_designated_office() -> None:
    data = catalog_dict()
    for office in data["offices"]:
        if office["id"] == "brigade-west":
            office["roles"] = ["enforcement", "supervision"]
    r = route(catalog_from_dict(data), category="arbitrary-fine", office="squad-laocheng")
    assert r.handler == "brigade-west"


def test_parent_when_nobody_supervises() -> None:
    data = catalog_dict()
    data["complaints"]["settings"]["designated_supervision"] = None
    for office in data["offices"]:
        office["roles"] = [r for r in office["roles"] if r != "supervision"]
    r = route(catalog_from_dict(data), category="arbitrary-fine", office="squad-laocheng")
    assert r.handler == "brigade-west"


def test_complaint_about_the_supervision_office_goes_above_it() -> None:
    r = route(sample_catalog(), category="repeat-inspection", office="supervision")
    assert r.conflict
    assert r.handler == "bureau"
    assert r.supervising != "supervision"


def test_overseer_never_inside_the_excluded_office() -> None:
    catalog = sample_catalog()
    assert overseer_of(catalog, "squad-xinzhen", excluded="supervision") == "brigade-east"
    assert overseer_of(catalog, "squad-xinzhen") == "supervision"


def test_transfer_never_to_the_office_complained_about_or_below_it() -> None:
    catalog = sample_catalog()
    assert transfer_target_problem(catalog, "brigade-east", "cases", "brigade-east") is not None
    assert transfer_target_problem(catalog, "squad-xinzhen", "cases", "brigade-east") is not None
    assert transfer_target_problem(catalog, "cases", "cases", "") is not None
    assert transfer_target_problem(catalog, "nowhere", "cases", "").field == "to_office"  # type: ignore[union-attr]
    assert transfer_target_problem(catalog, "brigade-west", "cases", "brigade-east") is None


def test_complaint_about_the_bureau_as_a_whole_stays_with_its_divisions() -> None:
    catalog = sample_catalog()
    r = route(catalog, category="other", office="bureau")
    assert (r.handler, r.conflict, r.supervising) == ("cases", False, "supervision")
    data = catalog_dict()
    data["complaints"]["routing"].insert(0, {"match": {"office": "bureau"}, "handler": "bureau"})
    r = route(catalog_from_dict(data), category="other", office="bureau")
    assert (r.handler, r.conflict) == ("supervision", True)
    assert r.supervising != "bureau"
    assert transfer_target_problem(catalog, "bureau", "supervision", "bureau") is not None
    assert transfer_target_problem(catalog, "brigade-west", "supervision", "bureau") is None
