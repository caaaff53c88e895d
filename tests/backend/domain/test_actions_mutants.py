"""The staff actions and the rating, checked to the letter: the exact Chinese and English texts and
the field of each refusal (the API's contract, docs/backend.md), the limits at their edges (a reason
of 500 characters, a text of 5000, 1 and 15 working days), the time each outcome happens at, and the
dispatcher ``staff_action`` with each action and its defaults.

Dates are counted by hand on the State Council's 2026 calendar (no holiday in March; 清明: Saturday
4 to Monday 6 April off); the review
window is 30 calendar days after the response: responded Tuesday 2026-03-10, last day Thursday
2026-04-09.
"""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_builders import SHANGHAI, complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import actions
from sunlight.domain import complaints as states
from sunlight.domain.actions import Actor, Notice
from sunlight.domain.errors import Conflict, DomainError, Forbidden, Invalid
from sunlight.domain.problems import Problem

D = dt.date
CATALOG = sample_catalog()
HANDLER = Actor("brigade-east", "a1")
SUPERVISOR = Actor("supervision", "s1")
OTHER = Actor("brigade-west", "w1")
MAR2 = D(2026, 3, 2)

FORBIDDEN = ("本单位无权执行此操作", "this office may not take this action")
REQUIRED = ("此项为必填项", "this field is required")


def at(day: int, hour: int = 10, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=SHANGHAI)


def submitted(**changes: object) -> states.Complaint:
    return complaint(MAR2, filed_at=at(2, 9), **changes)


def accepted(**changes: object) -> states.Complaint:
    return complaint(
        MAR2, **{"status": states.ACCEPTED, "accepted_on": MAR2, "filed_at": at(2, 9), **changes}
    )


def responded(**changes: object) -> states.Complaint:
    return accepted(
        **{
            "status": states.RESPONDED,
            "response": "答复",
            "responded_on": D(2026, 3, 10),
            "responded_at": at(10),
        }
        | changes
    )


def under_review(**changes: object) -> states.Complaint:
    return responded(
        **{
            "status": states.UNDER_REVIEW,
            "rating": "不满意",
            "rated_at": at(11),
            "review_office": "supervision",
            "review_opened_on": D(2026, 3, 11),
            "review_respond_days": 15,
        }
        | changes
    )


def refusal(kind: type[DomainError], call: object, *args: object, **kw: object) -> tuple[str, str, str]:
    with pytest.raises(kind) as err:
        call(*args, **kw)  # type: ignore[operator]
    return (err.value.zh, err.value.en, err.value.field)


def problems(call: object, *args: object, **kw: object) -> list[Problem]:
    with pytest.raises(Invalid) as err:
        call(*args, **kw)  # type: ignore[operator]
    return err.value.problems


def no_independent(zh: str, en: str) -> tuple[str, str, str]:
    return (
        f"本投诉没有独立于承办单位的监督单位,不能{zh}(任何单位不得监督自己)",
        f"no office independent of the handling office may {en} (no office oversees itself)",
        "action",
    )


# --- text_field and _need -------------------------------------------------------------------------


def test_text_field_strips_requires_and_bounds() -> None:
    assert actions.text_field("  答复  ", "text") == "答复"
    assert actions.text_field("字" * 5000, "text") == "字" * 5000
    assert actions.text_field("", "comment", required=False) == ""
    assert problems(actions.text_field, " ", "text") == [Problem(*REQUIRED, field="text")]
    assert problems(actions.text_field, "字" * 5001, "text") == [
        Problem("内容过长(不超过5000字)", "too long (at most 5000 characters)", field="text")
    ]
    assert actions.text_field("字" * 500, "reason", 500) == "字" * 500
    assert problems(actions.text_field, "字" * 501, "reason", 500) == [
        Problem("内容过长(不超过500字)", "too long (at most 500 characters)", field="reason")
    ]


def test_another_office_is_forbidden_with_the_exact_text() -> None:
    assert refusal(Forbidden, actions.accept, submitted(), SUPERVISOR, at(3), CATALOG) == (*FORBIDDEN, "")


# --- transfer -------------------------------------------------------------------------------------


def test_transfer_to_the_supervision_division_puts_the_bureau_over_it() -> None:
    out = actions.transfer(accepted(), HANDLER, at(3), CATALOG, "supervision", "职责调整")
    assert (out.complaint.handling_office, out.complaint.supervising_office) == ("supervision", "bureau")
    assert out.at == at(3)
    assert out.notices == (Notice("transfer", "转办理由:职责调整", "supervision"),)


def test_transfer_never_puts_the_office_complained_about_over_the_new_handler() -> None:
    # About the supervision division: over 老城中队 the division is excluded, its brigade oversees it.
    c = accepted(about={"office": "supervision", "street": ""})
    out = actions.transfer(c, HANDLER, at(3), CATALOG, "squad-laocheng", "属地管辖")
    assert out.complaint.supervising_office == "brigade-west"


def test_transfer_to_the_handler_itself_is_refused() -> None:
    got = problems(actions.transfer, accepted(), HANDLER, at(3), CATALOG, "brigade-east", "理由")
    assert got == [
        Problem("不能转办给本单位", "the complaint is already with this office", field="to_office")
    ]


def test_a_transfer_reason_holds_500_characters() -> None:
    got = problems(actions.transfer, accepted(), HANDLER, at(3), CATALOG, "squad-laocheng", "字" * 501)
    assert got == [Problem("内容过长(不超过500字)", "too long (at most 500 characters)", field="reason")]


# --- extend ---------------------------------------------------------------------------------------


def test_extension_refusals_with_their_exact_texts() -> None:
    own = accepted(supervising_office="brigade-east")
    assert refusal(Conflict, actions.extend, own, HANDLER, at(10), CATALOG, 5, "r") == no_independent(
        "批准延期", "approve an extension"
    )
    assert refusal(
        Conflict, actions.extend, accepted(extended_days=5), SUPERVISOR, at(10), CATALOG, 3, "r"
    ) == (
        "每件投诉只能延期一次",
        "a complaint can be extended once only",
        "action",
    )
    # the respond deadline was Monday 2026-03-23: on the 24th it has passed
    late = refusal(Conflict, actions.extend, accepted(), SUPERVISOR, at(24), CATALOG, 5, "r")
    assert late[2] == "action"


@pytest.mark.parametrize(("days", "due"), [(1, D(2026, 3, 24)), (15, D(2026, 4, 14))])
def test_extension_of_1_and_of_15_working_days(days: int, due: dt.date) -> None:
    # 15 working days from Monday 2 March end Monday 23 March; +1: Tuesday 24 March;
    # +15: 24-27 March (4), 30 March-3 April (5), 7-10 April (4, Monday 6 April is 清明), 13-14 April (2)
    out = actions.extend(accepted(), SUPERVISOR, at(10), CATALOG, days, "案情复杂")
    assert out.complaint.extended_days == days
    assert out.complaint.next_due == due
    assert out.at == at(10)


def test_extension_days_and_reason_problems_name_their_fields() -> None:
    assert problems(actions.extend, accepted(), SUPERVISOR, at(10), CATALOG, 16, "r") == [
        Problem("延期天数应为1至15个工作日", "days must be 1 to 15 working days", field="days")
    ]
    assert problems(actions.extend, accepted(), SUPERVISOR, at(10), CATALOG, 5, "") == [
        Problem(*REQUIRED, field="reason")
    ]
    assert problems(actions.extend, accepted(), SUPERVISOR, at(10), CATALOG, 5, "字" * 501) == [
        Problem("内容过长(不超过500字)", "too long (at most 500 characters)", field="reason")
    ]


# --- request_material, resume, respond, review, note ----------------------------------------------


def test_request_material_needs_a_text_and_happens_at_its_time() -> None:
    assert problems(actions.request_material, accepted(), HANDLER, at(10), CATALOG, "") == [
        Problem(*REQUIRED, field="text")
    ]
    assert actions.request_material(accepted(), HANDLER, at(10), CATALOG, "请补充").at == at(10)


def test_resume_happens_at_its_time() -> None:
    paused = accepted(status=states.WAITING, paused_on=D(2026, 3, 10))
    assert actions.resume(paused, HANDLER, at(17), CATALOG).at == at(17)


def test_respond_records_the_time_of_the_answer() -> None:
    out = actions.respond(accepted(), HANDLER, at(10, 15), CATALOG, "已撤销罚单")
    assert out.complaint.responded_at == at(10, 15)
    assert out.at == at(10, 15)


def test_respond_during_a_review_records_the_review_answer() -> None:
    out = actions.respond(under_review(), SUPERVISOR, at(12), CATALOG, " 复核维持 ")
    assert out.complaint.review_response == "复核维持"
    assert out.notices == (Notice("review_response", "复核维持"),)
    assert out.at == at(12)


def test_review_refusals_with_their_exact_texts() -> None:
    assert refusal(Conflict, actions.review, accepted(), SUPERVISOR, at(12), CATALOG, "复核") == (
        "当前状态(办理中)不能执行此操作",
        "action 'review' is not allowed while the complaint is accepted",
        "action",
    )
    own = under_review(review_office="brigade-east")
    assert refusal(Conflict, actions.review, own, HANDLER, at(12), CATALOG, "复核") == no_independent(
        "复核本单位的答复", "review its own answer"
    )
    assert problems(actions.review, under_review(), SUPERVISOR, at(12), CATALOG, " ") == [
        Problem(*REQUIRED, field="text")
    ]


def test_a_note_needs_a_text_and_happens_at_its_time() -> None:
    assert problems(actions.note, accepted(), SUPERVISOR, at(10), CATALOG, "") == [
        Problem(*REQUIRED, field="text")
    ]
    assert actions.note(accepted(), SUPERVISOR, at(10), CATALOG, "已电话了解").at == at(10)


# --- rate -----------------------------------------------------------------------------------------


def test_rating_refusals_with_their_exact_texts() -> None:
    assert refusal(Conflict, actions.rate, responded(rating="满意"), at(11), CATALOG, "满意", "") == (
        "已评价过,不能重复评价",
        "already rated",
        "rating",
    )
    assert problems(actions.rate, responded(), at(11), CATALOG, "很" * 25, "") == [
        Problem(
            "评价应为 满意、基本满意 或 不满意",
            "rating must be 满意, 基本满意 or 不满意",
            field="rating",
            value="很" * 20,
        )
    ]
    assert problems(actions.rate, responded(), at(11), CATALOG, "满意", "字" * 501) == [
        Problem("内容过长(不超过500字)", "too long (at most 500 characters)", field="comment")
    ]


def test_a_rating_records_its_time() -> None:
    out = actions.rate(responded(), at(11, 16), CATALOG, "基本满意", "字" * 500)
    assert out.complaint.rated_at == at(11, 16)
    assert out.at == at(11, 16)
    assert out.complaint.rating_comment == "字" * 500


def test_unsatisfied_on_the_last_day_of_the_window_opens_a_review_the_day_after_does_not() -> None:
    last = actions.rate(responded(), at(9, month=4), CATALOG, "不满意", "")
    assert last.complaint.status == "under_review"
    after = actions.rate(responded(), at(10, month=4), CATALOG, "不满意", "")
    assert after.complaint.status == "rated"
    assert after.events == (("reporter", "rate", {"rating": "不满意", "comment": ""}),)


def test_a_handler_supervising_itself_is_reviewed_by_the_supervision_division() -> None:
    own = responded(supervising_office="brigade-east")
    out = actions.rate(own, at(11), CATALOG, "不满意", "")
    assert out.complaint.review_office == "supervision"


def test_with_no_independent_reviewer_an_unsatisfied_rating_stands_and_says_why() -> None:
    # About the bureau as a whole, handled by the only supervision office: above it is only the
    # bureau, which is the office complained about (docs/mutation.md, the planted bug's note).
    c = responded(
        handling_office="supervision",
        supervising_office="supervision",
        about={"office": "bureau", "street": ""},
    )
    out = actions.rate(c, at(11), CATALOG, "不满意", "")
    assert out.complaint.status == "rated"
    assert out.events == (
        ("reporter", "rate", {"rating": "不满意", "comment": ""}),
        (
            "system",
            "review_unavailable",
            {
                "reason": "本投诉没有独立于承办单位的监督单位,不能复核(任何单位不得监督自己) / "
                "no office independent of the handling office may review (no office oversees itself)"
            },
        ),
    )
    satisfied = actions.rate(c, at(11), CATALOG, "满意", "")
    assert satisfied.events == (("reporter", "rate", {"rating": "满意", "comment": ""}),)


# --- staff_action ---------------------------------------------------------------------------------


def test_the_dispatcher_runs_each_action_with_its_fields() -> None:
    out = actions.staff_action(submitted(), HANDLER, at(3), CATALOG, "accept")
    assert (out.complaint.status, out.complaint.accepted_on, out.at) == ("accepted", D(2026, 3, 3), at(3))

    out = actions.staff_action(
        accepted(), HANDLER, at(3), CATALOG, "transfer", to_office="squad-laocheng", reason="属地"
    )
    assert (out.complaint.handling_office, out.at) == ("squad-laocheng", at(3))
    assert out.notices == (Notice("transfer", "转办理由:属地", "squad-laocheng"),)

    out = actions.staff_action(accepted(), SUPERVISOR, at(10), CATALOG, "extend", days=3, reason="复杂")
    assert (out.complaint.extended_days, out.at) == (3, at(10))

    out = actions.staff_action(accepted(), HANDLER, at(10), CATALOG, "request_material", text="请补充照片")
    assert (out.complaint.status, out.complaint.paused_on, out.at) == (
        "waiting_material",
        D(2026, 3, 10),
        at(10),
    )
    assert out.notices == (Notice("request_material", "请补充照片"),)

    paused = accepted(status=states.WAITING, paused_on=D(2026, 3, 10))
    out = actions.staff_action(paused, HANDLER, at(17), CATALOG, "resume")
    assert (out.complaint.status, out.complaint.paused_days, out.at) == ("accepted", 5, at(17))

    out = actions.staff_action(accepted(), HANDLER, at(10), CATALOG, "respond", text="已撤销")
    assert (out.complaint.status, out.complaint.response, out.at) == ("responded", "已撤销", at(10))

    out = actions.staff_action(accepted(), SUPERVISOR, at(10), CATALOG, "note", text="已电话了解")
    assert out.events == (("staff:supervision:s1", "note", {"text": "已电话了解"}),)
    assert out.at == at(10)


def test_the_dispatchers_missing_fields_are_empty() -> None:
    assert problems(actions.staff_action, accepted(), SUPERVISOR, at(10), CATALOG, "note") == [
        Problem(*REQUIRED, field="text")
    ]
    assert problems(actions.staff_action, accepted(), HANDLER, at(10), CATALOG, "respond") == [
        Problem(*REQUIRED, field="text")
    ]
    assert problems(actions.staff_action, accepted(), HANDLER, at(10), CATALOG, "request_material") == [
        Problem(*REQUIRED, field="text")
    ]
    assert problems(actions.staff_action, accepted(), HANDLER, at(3), CATALOG, "transfer") == [
        Problem(*REQUIRED, field="reason")
    ]
    assert problems(actions.staff_action, accepted(), HANDLER, at(3), CATALOG, "transfer", reason="属地") == [
        Problem("转办单位不存在", "unknown office", field="to_office", value="")
    ]
    assert problems(
        actions.staff_action, accepted(), SUPERVISOR, at(10), CATALOG, "extend", reason="复杂"
    ) == [Problem("延期天数应为1至15个工作日", "days must be 1 to 15 working days", field="days")]


def test_an_unknown_action_lists_the_actions() -> None:
    assert problems(actions.staff_action, accepted(), HANDLER, at(10), CATALOG, "x" * 45) == [
        Problem(
            "未知的操作",
            "unknown action; one of accept, transfer, extend, request_material, resume, respond, note",
            field="action",
            value="x" * 40,
        )
    ]
