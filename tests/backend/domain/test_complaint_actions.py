"""The staff actions and the reporter's rating as pure domain functions: no store, no clock, no I/O.

Each test gives a complaint, an actor, a time and the sample catalog, and checks the literal state,
audit events and notices the function returns, or the error it raises. Dates are counted by hand on
the sample calendar (no holiday in March 2026): accepted Monday 2026-03-02, 15 working days end on
Monday 2026-03-23; 5 more working days on Monday 2026-03-30.
"""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_builders import SHANGHAI, complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import actions
from sunlight.domain import complaints as states
from sunlight.domain.actions import Actor, Notice
from sunlight.domain.errors import Conflict, Forbidden, Invalid

D = dt.date
UTC = dt.UTC
CATALOG = sample_catalog()
HANDLER = Actor("brigade-east", "a1")  # the sample complaint's handling office
SUPERVISOR = Actor("supervision", "s1")  # its supervising office
OTHER = Actor("brigade-west", "w1")
MAR2 = D(2026, 3, 2)


def at(day: int, hour: int = 10, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=SHANGHAI)


def submitted() -> states.Complaint:
    return complaint(MAR2, filed_at=at(2, 9))


def accepted(**changes: object) -> states.Complaint:
    return complaint(
        MAR2, **{"status": states.ACCEPTED, "accepted_on": MAR2, "filed_at": at(2, 9), **changes}
    )


# --- accept --------------------------------------------------------------------------------------


def test_accept_by_the_handler_starts_the_respond_clock_on_the_beijing_day() -> None:
    # 2026-03-02T17:00Z is 01:00 on Tuesday 3 March in Beijing: the day of acceptance is the 3rd.
    now = dt.datetime(2026, 3, 2, 17, tzinfo=UTC)
    out = actions.accept(submitted(), HANDLER, now, CATALOG)
    assert out.complaint.status == "accepted"
    assert out.complaint.accepted_on == D(2026, 3, 3)
    assert out.complaint.accepted_at == now
    assert out.complaint.next_due == D(2026, 3, 24)  # 15 working days after Tuesday 3 March
    assert out.events == (("staff:brigade-east:a1", "accept", {}),)
    assert out.notices == ()
    assert out.at == now


def test_accept_by_another_office_is_forbidden() -> None:
    with pytest.raises(Forbidden):
        actions.accept(submitted(), SUPERVISOR, at(3), CATALOG)


def test_accept_twice_is_a_state_conflict_before_any_permission_check() -> None:
    with pytest.raises(Conflict) as err:
        actions.accept(accepted(), OTHER, at(3), CATALOG)
    assert err.value.field == "action" and "办理中" in err.value.zh


def test_an_event_is_never_recorded_before_the_complaints_last_one() -> None:
    """A clock behind the complaint (data written with a clock ahead): the filing time is used."""
    out = actions.accept(submitted(), HANDLER, at(1), CATALOG)
    assert out.at == at(2, 9)
    assert out.complaint.accepted_on == MAR2


# --- transfer ------------------------------------------------------------------------------------


def test_transfer_moves_the_handler_and_its_overseer_and_tells_the_new_office() -> None:
    out = actions.transfer(accepted(), HANDLER, at(3), CATALOG, "squad-laocheng", "  属地管辖  ")
    assert out.complaint.handling_office == "squad-laocheng"
    assert out.complaint.supervising_office == "supervision"  # no supervision above it: the designated one
    assert out.complaint.status == "accepted"
    assert out.events == (
        (
            "staff:brigade-east:a1",
            "transfer",
            {"from": "brigade-east", "to": "squad-laocheng", "reason": "属地管辖"},
        ),
    )
    assert out.notices == (Notice("transfer", "转办理由:属地管辖", "squad-laocheng"),)


def test_transfer_never_to_the_office_complained_about() -> None:
    with pytest.raises(Invalid) as err:
        actions.transfer(accepted(), HANDLER, at(3), CATALOG, "squad-xinzhen", "理由")
    assert err.value.field == "to_office"


def test_transfer_needs_a_reason() -> None:
    with pytest.raises(Invalid) as err:
        actions.transfer(accepted(), HANDLER, at(3), CATALOG, "squad-laocheng", "   ")
    assert err.value.field == "reason" and err.value.en == "this field is required"


def test_transfer_by_the_supervising_office_is_forbidden() -> None:
    with pytest.raises(Forbidden):
        actions.transfer(accepted(), SUPERVISOR, at(3), CATALOG, "squad-laocheng", "理由")


# --- extend: the supervising office, once ---------------------------------------------------------


def test_extend_by_the_supervising_office_moves_the_deadline_and_tells_the_handler() -> None:
    out = actions.extend(accepted(), SUPERVISOR, at(10), CATALOG, 5, "案情复杂")
    assert out.complaint.extended_days == 5
    assert out.complaint.next_due == D(2026, 3, 30)
    assert out.events == (("staff:supervision:s1", "extend", {"days": 5, "reason": "案情复杂"}),)
    assert out.notices == (Notice("extend", "延长5个工作日", "brigade-east"),)


def test_extend_only_once() -> None:
    with pytest.raises(Conflict) as err:
        actions.extend(accepted(extended_days=5), SUPERVISOR, at(10), CATALOG, 3, "再延")
    assert err.value.en == "a complaint can be extended once only"


def test_the_handler_may_not_extend_its_own_deadline() -> None:
    with pytest.raises(Forbidden):
        actions.extend(accepted(), HANDLER, at(10), CATALOG, 5, "案情复杂")


def test_with_no_independent_office_the_extension_is_refused_naming_why() -> None:
    own = accepted(supervising_office="brigade-east")
    with pytest.raises(Conflict) as err:
        actions.extend(own, HANDLER, at(10), CATALOG, 5, "案情复杂")
    assert "no office oversees itself" in err.value.en


def test_extend_after_the_deadline_is_refused() -> None:
    with pytest.raises(Conflict) as err:
        actions.extend(accepted(), SUPERVISOR, at(24), CATALOG, 5, "案情复杂")
    assert "2026-03-23" in err.value.en


@pytest.mark.parametrize("days", [0, 16, "5"])
def test_extend_days_between_1_and_the_maximum(days: object) -> None:
    with pytest.raises(Invalid) as err:
        actions.extend(accepted(), SUPERVISOR, at(10), CATALOG, days, "案情复杂")
    assert err.value.field == "days" and err.value.en == "days must be 1 to 15 working days"


# --- request material, resume --------------------------------------------------------------------


def test_request_material_pauses_and_asks_the_reporter() -> None:
    out = actions.request_material(accepted(), HANDLER, at(10), CATALOG, "请补充罚单照片")
    assert out.complaint.status == "waiting_material"
    assert out.complaint.paused_on == D(2026, 3, 10)
    assert out.events == (("staff:brigade-east:a1", "request_material", {"text": "请补充罚单照片"}),)
    assert out.notices == (Notice("request_material", "请补充罚单照片"),)


def test_resume_adds_the_paused_working_days_back() -> None:
    # paused Tuesday 10 March, resumed Tuesday 17 March: 5 working days (11, 12, 13, 16, 17)
    paused = accepted(status=states.WAITING, paused_on=D(2026, 3, 10))
    out = actions.resume(paused, HANDLER, at(17), CATALOG)
    assert out.complaint.status == "accepted"
    assert (out.complaint.paused_on, out.complaint.paused_days) == (None, 5)
    assert out.complaint.next_due == D(2026, 3, 30)
    assert out.events == (("staff:brigade-east:a1", "resume", {"paused_working_days": 5}),)


# --- respond, review -----------------------------------------------------------------------------


def test_respond_by_the_handler_tells_the_reporter() -> None:
    out = actions.respond(accepted(), HANDLER, at(10), CATALOG, " 经核查,已撤销罚单。 ")
    assert out.complaint.status == "responded"
    assert out.complaint.response == "经核查,已撤销罚单。"
    assert out.complaint.responded_on == D(2026, 3, 10)
    assert out.events == (("staff:brigade-east:a1", "respond", {"text": "经核查,已撤销罚单。"}),)
    assert out.notices == (Notice("response", "经核查,已撤销罚单。"),)


@pytest.mark.parametrize(
    ("text", "en"), [("", "this field is required"), ("字" * 5001, "too long (at most 5000 characters)")]
)
def test_respond_text_is_required_and_bounded(text: str, en: str) -> None:
    with pytest.raises(Invalid) as err:
        actions.respond(accepted(), HANDLER, at(10), CATALOG, text)
    assert err.value.field == "text" and err.value.en == en


def under_review(**changes: object) -> states.Complaint:
    return accepted(
        **{
            "status": states.UNDER_REVIEW,
            "response": "答复",
            "responded_on": D(2026, 3, 10),
            "responded_at": at(10),
            "rating": "不满意",
            "rated_at": at(11),
            "review_office": "supervision",
            "review_opened_on": D(2026, 3, 11),
            "review_respond_days": 15,
            **changes,
        }
    )


def test_review_by_the_review_office_closes_the_complaint() -> None:
    out = actions.review(under_review(), SUPERVISOR, at(12), CATALOG, "复核维持原答复")
    assert out.complaint.status == "closed"
    assert out.complaint.review_response == "复核维持原答复"
    assert out.complaint.closed_at == at(12)
    assert out.events == (
        ("staff:supervision:s1", "review_respond", {"text": "复核维持原答复"}),
        ("system", "close", {}),
    )
    assert out.notices == (Notice("review_response", "复核维持原答复"),)


def test_respond_during_a_review_is_the_review_offices_answer() -> None:
    assert actions.respond(under_review(), SUPERVISOR, at(12), CATALOG, "复核").complaint.status == "closed"
    with pytest.raises(Forbidden):
        actions.respond(under_review(), HANDLER, at(12), CATALOG, "复核")


def test_no_office_reviews_its_own_answer() -> None:
    own = under_review(review_office="brigade-east")
    with pytest.raises(Conflict) as err:
        actions.review(own, HANDLER, at(12), CATALOG, "复核")
    assert "no office oversees itself" in err.value.en


def test_review_outside_a_review_is_a_state_conflict() -> None:
    with pytest.raises(Conflict):
        actions.review(accepted(), SUPERVISOR, at(12), CATALOG, "复核")


# --- note ----------------------------------------------------------------------------------------


def test_a_note_changes_nothing_but_the_trail() -> None:
    c = accepted()
    out = actions.note(c, SUPERVISOR, at(10), CATALOG, "已电话了解情况")
    assert out.complaint.status == c.status and out.complaint.response == ""
    assert out.events == (("staff:supervision:s1", "note", {"text": "已电话了解情况"}),)
    assert out.notices == ()


# --- rate ----------------------------------------------------------------------------------------


def responded(**changes: object) -> states.Complaint:
    return accepted(
        **{
            "status": states.RESPONDED,
            "response": "答复",
            "responded_on": D(2026, 3, 10),
            "responded_at": at(10),
            **changes,
        }
    )


def test_satisfied_rating_stands() -> None:
    out = actions.rate(responded(), at(11), CATALOG, "满意", " 谢谢 ")
    assert (out.complaint.status, out.complaint.rating, out.complaint.rating_comment) == (
        "rated",
        "满意",
        "谢谢",
    )
    assert out.events == (("reporter", "rate", {"rating": "满意", "comment": "谢谢"}),)
    assert out.notices == ()


def test_unsatisfied_in_time_opens_a_review_by_the_supervising_office() -> None:
    # opened Wednesday 11 March; 15 working days: 12, 13, 16-20, 23-27, 30, 31 March, 1 April
    out = actions.rate(responded(), at(11), CATALOG, "不满意", "")
    assert out.complaint.status == "under_review"
    assert out.complaint.review_office == "supervision"
    assert out.complaint.review_opened_on == D(2026, 3, 11)
    assert out.complaint.next_due == D(2026, 4, 1)
    assert out.events == (
        ("reporter", "rate", {"rating": "不满意", "comment": ""}),
        ("system", "review_opened", {"review_office": "supervision"}),
    )
    assert out.notices == (Notice("review", "复核答复期限:2026-04-01", "supervision"),)


def test_unsatisfied_after_the_review_window_only_rates() -> None:
    out = actions.rate(responded(), at(15, month=4), CATALOG, "不满意", "")  # 36 days after the response
    assert out.complaint.status == "rated" and out.notices == ()


def test_rating_twice_or_a_rating_outside_the_scale_is_refused() -> None:
    with pytest.raises(Conflict) as conflict:
        actions.rate(responded(rating="满意"), at(11), CATALOG, "满意", "")
    assert conflict.value.field == "rating"
    with pytest.raises(Invalid) as invalid:
        actions.rate(responded(), at(11), CATALOG, "很好", "")
    assert invalid.value.field == "rating"


# --- dispatch ------------------------------------------------------------------------------------


def test_an_unknown_action_names_the_field() -> None:
    with pytest.raises(Invalid) as err:
        actions.staff_action(accepted(), HANDLER, at(10), CATALOG, "delete")
    assert err.value.field == "action" and err.value.zh == "未知的操作"


def test_the_dispatcher_passes_the_fields() -> None:
    out = actions.staff_action(accepted(), SUPERVISOR, at(10), CATALOG, "extend", days=5, reason="案情复杂")
    assert out.complaint.extended_days == 5
