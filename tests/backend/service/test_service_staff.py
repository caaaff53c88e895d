"""Staff: visibility (never the office complained about), actions, transfers, extension, review."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import NOW, at, command, staff
from sunlight.domain.complaint_deadlines import respond_due
from sunlight.service import (
    ComplaintService,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    StaffAction,
    Unauthorized,
)


def file_about_squad(service: ComplaintService) -> str:
    return service.file_complaint(
        command(), None, NOW
    ).tracking_no  # about squad-xinzhen, handled by brigade-east


def test_the_office_complained_about_never_sees_the_complaint(service: ComplaintService) -> None:
    # rule 3 would send complaints about squad-laocheng to squad-laocheng: the conflict rule sends it away
    filed = service.file_complaint(command(office="squad-laocheng", street="老城街道"), None, NOW)
    assert filed.handling_office == "supervision"
    squad = staff(service, "squad-laocheng")
    assert service.inbox(squad, NOW) == []
    with pytest.raises(NotFound):
        service.view_for_staff(squad, filed.tracking_no, NOW)
    with pytest.raises(NotFound):
        service.act(squad, filed.tracking_no, StaffAction("note", text="看看"), NOW)
    handling = staff(service, "supervision")
    view = service.view_for_staff(handling, filed.tracking_no, NOW)
    assert view.reporter["name"] == "上海示例餐饮管理有限公司" and view.role == "handling"


def test_handling_and_supervising_offices_see_the_reporter_others_do_not_see_it(
    service: ComplaintService,
) -> None:
    no = file_about_squad(service)
    assert [i.tracking_no for i in service.inbox(staff(service, "brigade-east"), NOW)] == [no]
    sup = service.inbox(staff(service, "supervision"), NOW)
    assert [(i.tracking_no, i.role) for i in sup] == [(no, "supervising")]
    assert service.view_for_staff(staff(service, "supervision"), no, NOW).reporter["phone"] == "13800138000"
    other = staff(service, "brigade-west")
    assert service.inbox(other, NOW) == []
    with pytest.raises(NotFound):
        service.view_for_staff(other, no, NOW)


def test_observer_and_unknown_tokens_are_refused(service: ComplaintService) -> None:
    observer = service.create_account("observer", "李代表", "", NOW).token
    with pytest.raises(Forbidden):
        service.inbox(observer, NOW)
    with pytest.raises(Unauthorized):
        service.inbox("slt_nobody", NOW)


def test_inbox_soonest_deadline_first(service: ComplaintService) -> None:
    late = service.file_complaint(command(), None, at(2026, 12, 28)).tracking_no
    early = service.file_complaint(command(), None, NOW).tracking_no
    token = staff(service, "brigade-east")
    assert [i.tracking_no for i in service.inbox(token, NOW)] == [early, late]


def test_accept_respond_rate_satisfied(service: ComplaintService) -> None:
    no = file_about_squad(service)
    token = staff(service, "brigade-east")
    with pytest.raises(Forbidden):  # the supervising office does not accept
        service.act(staff(service, "supervision"), no, StaffAction("accept"), NOW)
    service.act(token, no, StaffAction("accept"), NOW)
    with pytest.raises(Conflict):
        service.act(token, no, StaffAction("accept"), NOW)
    with pytest.raises(Invalid):
        service.act(token, no, StaffAction("respond", text=" "), NOW)
    view = service.act(
        token, no, StaffAction("respond", text="经核查,已撤销该罚单并对执法人员批评教育。"), at(2026, 12, 30)
    )
    assert view.status == "responded"
    reporter_mail = [m for m in service.store.list_messages() if m.kind == "response"]
    assert (
        reporter_mail
        and reporter_mail[0].recipient == "wang@example.com"
        and "撤销该罚单" in reporter_mail[0].body
    )


def test_internal_notes_and_staff_never_appear_in_the_public_timeline(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    token = staff(service, "brigade-east")
    service.act(token, filed.tracking_no, StaffAction("accept"), NOW)
    service.act(token, filed.tracking_no, StaffAction("note", text="内部:当事队员张某"), NOW)
    service.act(token, filed.tracking_no, StaffAction("respond", text="已答复"), NOW)
    view = service.view_for_reporter(filed.tracking_no, filed.access_code, NOW)
    assert [e.action for e in view.timeline] == ["filed", "accept", "respond"]
    assert all("张某" not in e.text and "staff" not in e.text for e in view.timeline)
    trail = service.view_for_staff(token, filed.tracking_no, NOW).trail
    assert [e.action for e in trail] == ["filed", "accept", "note", "respond"]
    assert trail[1].actor.startswith("staff:brigade-east:")
    assert trail[1].actor_name == "brigade-east办理人" and trail[0].actor_name == ""


def test_rating_unsatisfied_opens_a_review_by_the_supervising_office(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    east = staff(service, "brigade-east")
    service.act(east, filed.tracking_no, StaffAction("accept"), NOW)
    with pytest.raises(Conflict):  # not before a response
        service.rate(filed.tracking_no, filed.access_code, "满意", "", NOW)
    service.act(east, filed.tracking_no, StaffAction("respond", text="已处理"), at(2026, 12, 28))
    view = service.rate(filed.tracking_no, filed.access_code, "不满意", "没有解决问题", at(2026, 12, 29))
    assert view.status == "under_review"
    assert view.review_due == dt.date(2027, 1, 19)  # 15 working days (Monday-Friday in 2027)
    with pytest.raises(Conflict):
        service.rate(filed.tracking_no, filed.access_code, "满意", "", at(2026, 12, 29))
    sup = staff(service, "supervision")
    assert [i.role for i in service.inbox(sup, at(2026, 12, 29))] == ["review"]
    with pytest.raises(Forbidden):  # the handling office does not answer its own review
        service.act(east, filed.tracking_no, StaffAction("respond", text="维持"), at(2026, 12, 30))
    done = service.act(
        sup, filed.tracking_no, StaffAction("respond", text="复核认定处理不当,已责令整改"), at(2027, 1, 5)
    )
    assert done.status == "closed"
    public = service.view_for_reporter(filed.tracking_no, filed.access_code, at(2027, 1, 5))
    assert [e.action for e in public.timeline][-4:] == ["rate", "review_opened", "review_respond", "close"]
    assert public.response == "复核认定处理不当,已责令整改"


def test_rating_satisfied_and_invalid_ratings(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    east = staff(service, "brigade-east")
    service.act(east, filed.tracking_no, StaffAction("accept"), NOW)
    service.act(east, filed.tracking_no, StaffAction("respond", text="已处理"), NOW)
    assert service.view_for_reporter(filed.tracking_no, filed.access_code, NOW).can_rate
    with pytest.raises(Invalid):
        service.rate(filed.tracking_no, filed.access_code, "还行", "", NOW)
    assert service.rate(filed.tracking_no, filed.access_code, "满意", "谢谢", NOW).status == "rated"


def test_transfer_keeps_the_clock_and_the_trail_never_to_the_office_complained_about(
    service: ComplaintService,
) -> None:
    filed = service.file_complaint(command(), None, NOW)
    east = staff(service, "brigade-east")
    with pytest.raises(Invalid) as err:
        service.act(
            east, filed.tracking_no, StaffAction("transfer", to_office="squad-xinzhen", reason="属地"), NOW
        )
    assert err.value.field == "to_office"
    with pytest.raises(Invalid):  # a reason is required
        service.act(east, filed.tracking_no, StaffAction("transfer", to_office="brigade-west"), NOW)
    before = service.store.get_complaint(filed.tracking_no)
    service.act(
        east, filed.tracking_no, StaffAction("transfer", to_office="brigade-west", reason="实为西部辖区"), NOW
    )
    after = service.store.get_complaint(filed.tracking_no)
    assert after is not None and before is not None
    assert after.handling_office == "brigade-west"
    assert respond_due(after, service.catalog.calendar) == respond_due(before, service.catalog.calendar)
    assert after.filed_on == before.filed_on
    assert service.inbox(east, NOW) == []
    west = staff(service, "brigade-west")
    view = service.view_for_staff(west, filed.tracking_no, NOW)
    assert [e.action for e in view.trail] == ["filed", "transfer"]
    assert any(m.kind == "transfer" and m.office == "brigade-west" for m in service.store.list_messages())


def test_extension_is_approved_by_the_supervising_office_once(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    east, sup = staff(service, "brigade-east"), staff(service, "supervision")
    accepted = service.act(east, filed.tracking_no, StaffAction("accept"), NOW)
    assert accepted.respond_due == dt.date(2027, 1, 14)  # the clock starts at acceptance
    with pytest.raises(Forbidden):
        service.act(east, filed.tracking_no, StaffAction("extend", days=10, reason="案情复杂"), NOW)
    with pytest.raises(Invalid):
        service.act(sup, filed.tracking_no, StaffAction("extend", days=16, reason="太长"), NOW)
    view = service.act(sup, filed.tracking_no, StaffAction("extend", days=10, reason="案情复杂"), NOW)
    assert view.respond_due == service.catalog.calendar.add_working_days(dt.date(2027, 1, 14), 10)
    with pytest.raises(Conflict):
        service.act(sup, filed.tracking_no, StaffAction("extend", days=1, reason="再延"), NOW)


def test_waiting_for_material_pauses_the_clock(service: ComplaintService) -> None:
    filed = service.file_complaint(command(occurred_on="2026-03-01"), None, at(2026, 3, 2))  # Monday
    east = staff(service, "brigade-east")
    accepted = service.act(east, filed.tracking_no, StaffAction("accept"), at(2026, 3, 2))
    assert accepted.respond_due is not None
    view = service.act(
        east, filed.tracking_no, StaffAction("request_material", text="请提供罚单照片"), at(2026, 3, 4)
    )
    assert view.paused and view.respond_due is None
    assert any(
        m.kind == "request_material" and m.recipient == "wang@example.com"
        for m in service.store.list_messages()
    )
    view = service.act(east, filed.tracking_no, StaffAction("resume"), at(2026, 3, 9))  # Thu, Fri, Mon
    assert view.respond_due == service.catalog.calendar.add_working_days(accepted.respond_due, 3)


def test_unknown_action_is_invalid(service: ComplaintService) -> None:
    no = file_about_squad(service)
    with pytest.raises(Invalid) as err:
        service.act(staff(service, "brigade-east"), no, StaffAction("delete"), NOW)
    assert err.value.field == "action"


def test_an_action_racing_a_timer_is_read_again_and_applied(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    token = staff(service, "brigade-east")
    store = service.store
    original = store.transact
    raced = []

    def transact_after_a_timer(ops):  # type: ignore[no-untyped-def]
        if not raced:  # the timer loop writes the complaint between our read and our write
            raced.append(True)
            service.tick(at(2026, 12, 30))
        return original(ops)

    store.transact = transact_after_a_timer  # type: ignore[method-assign]
    try:
        view = service.act(token, filed.tracking_no, StaffAction("accept"), at(2026, 12, 30))
    finally:
        store.transact = original  # type: ignore[method-assign]
    assert raced and view.status == "accepted"
    assert [e.action for e in view.trail] == ["filed", "overdue", "chase", "accept"]


def test_an_extension_after_the_respond_deadline_is_refused(service: ComplaintService) -> None:
    """Accepted Monday 2026-03-02: 15 working days end on 2026-03-23 (no holiday in March 2026)."""
    filed = service.file_complaint(command(occurred_on="2026-03-01"), None, at(2026, 3, 2))
    east, sup = staff(service, "brigade-east"), staff(service, "supervision")
    accepted = service.act(east, filed.tracking_no, StaffAction("accept"), at(2026, 3, 2))
    assert accepted.respond_due == dt.date(2026, 3, 23)
    service.tick(at(2026, 3, 24))  # the timer marks the complaint overdue
    with pytest.raises(Conflict) as refused:
        service.act(
            sup, filed.tracking_no, StaffAction("extend", days=10, reason="案情复杂"), at(2026, 3, 24)
        )
    assert "2026-03-23" in refused.value.zh and "2026-03-23" in refused.value.en
    after = service.store.get_complaint(filed.tracking_no)
    assert after is not None and after.extended_days == 0 and "respond" in after.overdue
    assert respond_due(after, service.catalog.calendar) == dt.date(2026, 3, 23)
