"""Routing and the office tree on small catalogs written out here (docs/backend-domain.md, Routing):
ordered rules, the default handler, the conflict rule, the supervising office, and escalation."""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.catalog import Catalog, OfficeInfo, RoutingRule, Settings
from sunlight.domain.errors import Invalid
from sunlight.domain.problems import Problem
from sunlight.domain.routing import overseer_of, route, transfer_target_problem
from sunlight.domain.timers import due_events, escalation_office


def office(id: str, parent: str | None = None, kind: str = "", roles: tuple[str, ...] = ()) -> OfficeInfo:
    return OfficeInfo(id=id, name=id, kind=kind, parent=parent, roles=roles)


def tree(*offices: OfficeInfo, rules: tuple[RoutingRule, ...] = (), designated: str | None = None) -> Catalog:
    return Catalog(
        offices={o.id: o for o in offices},
        routing=rules,
        settings=Settings(designated_supervision=designated),
    )


AGENCY = (
    office("bureau", kind="bureau"),
    office("supervision", "bureau", "division", ("supervision",)),
    office("cases", "bureau", "division", ("complaints_intake",)),
    office("brigade-east", "bureau", "brigade"),
    office("squad-xinzhen", "brigade-east", "squad"),
)


# --- rules and the default handler -------------------------------------------------------------


def test_a_power_code_rule_routes_by_power_code() -> None:
    catalog = tree(*AGENCY, rules=(RoutingRule((("power_code", "310114-CF-001"),), "brigade-east"),))
    r = route(catalog, category="other", power_code="310114-CF-001")
    # The brigade has no supervision office above it: the agency's supervision office oversees it.
    assert (r.handler, r.rule, r.conflict, r.supervising) == ("brigade-east", 1, False, "supervision")
    r = route(catalog, category="other", power_code="310114-CF-002")
    assert (r.handler, r.rule) == ("cases", None)


def test_a_key_given_empty_matches_a_complaint_that_does_not_give_it() -> None:
    rules = tuple(RoutingRule(((key, ""),), "brigade-east") for key in ("power_code", "office", "street"))
    for n, rule in enumerate(rules):
        catalog = tree(*AGENCY, rules=(rule,))
        assert route(catalog, category="other").handler == "brigade-east", n
    assert RoutingRule((("street", ""),), "x").matches({"category": "other"})
    assert not RoutingRule((("street", "新镇街道"),), "x").matches({"category": "other"})


def test_no_rule_matching_goes_to_the_intake_office_else_the_bureau() -> None:
    rules = (RoutingRule((("category", "repeat-inspection"),), "supervision"),)
    r = route(tree(*AGENCY, rules=rules), category="other", street="老城街道")
    assert (r.handler, r.rule, r.conflict, r.supervising) == ("cases", None, False, "supervision")
    without_intake = [o for o in AGENCY if o.id != "cases"]
    r = route(tree(*without_intake, rules=rules), category="other")
    assert (r.handler, r.rule) == ("bureau", None)


def test_the_supervising_office_of_the_supervision_office_is_above_it() -> None:
    catalog = tree(*AGENCY, rules=(RoutingRule((("category", "repeat-inspection"),), "supervision"),))
    r = route(catalog, category="repeat-inspection")
    assert (r.handler, r.supervising) == ("supervision", "bureau")
    designated = tree(*AGENCY, designated="supervision")
    assert route(designated, category="other").supervising == "supervision"
    assert overseer_of(designated, "supervision") == "bureau"


def test_nobody_may_handle_a_complaint_about_the_only_office() -> None:
    catalog = tree(office("bureau", kind="bureau"))
    with pytest.raises(Invalid) as raised:
        route(catalog, category="other", office="bureau")
    assert raised.value.problems == [
        Problem(
            "找不到可受理该投诉的单位",
            "no office may handle a complaint about this office",
            field="office",
            value="bureau",
        )
    ]
    assert overseer_of(catalog, "bureau") == ""


def test_a_catalog_without_offices_refuses_the_complaint_instead_of_failing() -> None:
    with pytest.raises(Invalid) as raised:
        route(tree(), category="other")
    assert [(p.field, p.en) for p in raised.value.problems] == [
        ("office", "no office may handle a complaint about this office")
    ]


def test_conflict_rule_holds_when_the_designated_office_lies_below_the_office_complained_about() -> None:
    # The agency designated the brigade's own inspection unit: it may not take a complaint about its brigade.
    offices = (*AGENCY, office("east-inspection", "brigade-east", "unit"))
    rules = (RoutingRule((("office", "brigade-east"),), "brigade-east"),)
    catalog = tree(*offices, rules=rules, designated="east-inspection")
    r = route(catalog, category="other", office="brigade-east")
    # Next in the chain (#12): the agency's supervision office, before the brigade's parent.
    assert (r.handler, r.conflict) == ("supervision", True)
    assert r.supervising == "bureau"


def test_an_office_removed_from_the_catalog_is_overseen_by_the_designated_office() -> None:
    # Old complaint records may name an office a newer catalog no longer has.
    catalog = tree(*AGENCY, designated="supervision")
    assert overseer_of(catalog, "squad-removed") == "supervision"
    assert overseer_of(tree(*AGENCY), "squad-removed") == "supervision"  # the supervision office


# --- transfers -----------------------------------------------------------------------------------


def test_transfer_problems_name_the_field_in_both_languages() -> None:
    catalog = sample_catalog()
    assert transfer_target_problem(catalog, "nowhere", "cases", "") == Problem(
        "转办单位不存在", "unknown office", field="to_office", value="nowhere"
    )
    assert transfer_target_problem(catalog, "cases", "cases", "") == Problem(
        "不能转办给本单位", "the complaint is already with this office", field="to_office"
    )
    assert transfer_target_problem(catalog, "squad-xinzhen", "cases", "brigade-east") == Problem(
        "不能转办给被投诉单位", "never to the office complained about", field="to_office"
    )
    assert transfer_target_problem(catalog, "brigade-west", "cases", "brigade-east") is None


# --- the office tree -------------------------------------------------------------------------------


def test_ancestors_stop_at_a_cycle() -> None:
    catalog = tree(office("a", "b"), office("b", "c"), office("c", "b"))
    assert [o.id for o in catalog.ancestors("a")] == ["b", "c"]
    assert [o.id for o in catalog.ancestors("c")] == ["b"]


def test_the_bureau_is_the_office_of_kind_bureau_else_the_first_root() -> None:
    catalog = tree(office("archive"), office("bureau", kind="bureau"), office("cases", "bureau"))
    assert catalog.bureau().id == "bureau"  # type: ignore[union-attr]
    no_kind = tree(office("cases", "root"), office("root"), office("other-root"))
    assert no_kind.bureau().id == "root"  # type: ignore[union-attr]
    assert tree().bureau() is None


def test_supervision_offices_are_those_with_the_role() -> None:
    catalog = tree(*AGENCY, office("inspection", "bureau", roles=("enforcement", "supervision")))
    assert [o.id for o in catalog.supervision_offices()] == ["supervision", "inspection"]


def test_conflict_needs_both_offices() -> None:
    catalog = tree(*AGENCY)
    assert not catalog.in_conflict("", "brigade-east")
    assert not catalog.in_conflict("squad-xinzhen", "")
    assert catalog.in_conflict("squad-xinzhen", "brigade-east")
    assert catalog.in_conflict("brigade-east", "brigade-east")
    assert not catalog.in_conflict("supervision", "bureau")  # the bureau as a whole excludes itself only
    assert catalog.in_conflict("bureau", "bureau")


# --- escalation (督办) -------------------------------------------------------------------------------


def test_escalation_goes_to_the_bureau_whoever_supervises() -> None:
    catalog = sample_catalog()
    c = complaint(
        dt.date(2025, 9, 26),
        status=states.ACCEPTED,
        handling_office="squad-laocheng",
        supervising_office="brigade-west",
    )
    assert escalation_office(catalog, c, c.handling_office) == "bureau"


def test_escalation_of_a_complaint_about_the_bureau_goes_to_another_supervision_office() -> None:
    data_offices = (*AGENCY, office("inspection", "bureau", "division", ("supervision",)))
    catalog = tree(*data_offices, designated="supervision")
    c = complaint(
        dt.date(2025, 9, 26),
        status=states.ACCEPTED,
        about={"office": "bureau"},
        handling_office="supervision",
        supervising_office="supervision",
    )
    assert escalation_office(catalog, c, c.handling_office) == "inspection"
    [escalate] = [e for e in due_events(c, dt.date(2025, 12, 1), catalog) if e.kind == "escalate"]
    assert escalate.office == "inspection"
