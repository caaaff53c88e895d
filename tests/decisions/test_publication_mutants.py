"""The publication policy's details, pinned with literal values worked out by hand.

Dates: the default decision (conftest ``make``) is a 行政处罚 of severity 一般 decided Monday
2025-09-01; under 国家发展改革委令第58号 (in force 2023-05-01) it is shown 36 months, until
2028-09-01, and may be repaired after 3 months, from 2025-12-02. Build date 2025-12-01 unless
said otherwise. Working days follow the State Council's calendar (2025 National Day: 10-01 to
10-08 off, Sunday 09-28 and Saturday 10-11 worked).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sunlight.content.model import Publication
from sunlight.domain.disclosure_deadlines import Timing
from sunlight.domain.publication_results import LateReport

from .conftest import credit_code, make, publish_on

TODAY = dt.date(2025, 12, 1)
ORDER_58 = "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令第58号）"
OTHER_KINDS = "本机关公示政策（行政处罚以外的决定，无国家规定的公示期限）"


def run(*decisions, policy: Publication | None = None, today: dt.date = TODAY, calendar=None):
    return publish_on(*decisions, today=today, policy=policy, calendar=calendar)


# Late publication: reports, their wording, the timings behind them


def test_a_late_report_carries_every_figure_and_its_exact_wording() -> None:
    # Decided Friday 2025-09-26: 7 working days are 09-28 (make-up Sunday), 09-29, 09-30,
    # 10-09, 10-10, 10-11 (make-up Saturday), 10-13. Published Tuesday 10-14: 8 working days.
    late = make(id="L", decided_on=dt.date(2025, 9, 26), published_on=dt.date(2025, 10, 14), office="squad-b")
    result = run(late)
    assert result.late == [
        LateReport(
            id="L",
            office="squad-b",
            decided_on=dt.date(2025, 9, 26),
            published_on=dt.date(2025, 10, 14),
            deadline=dt.date(2025, 10, 13),
            working_days=8,
            allowed_days=7,
            late_by=1,
            deadline_note="",
        )
    ]
    assert result.timings == [
        Timing("L", "squad-b", dt.date(2025, 9, 26), dt.date(2025, 10, 14), dt.date(2025, 10, 13), 7, 8)
    ]
    problem = result.late[0].problem()
    assert problem.zh == "公示晚于时限：8个工作日（时限7个工作日，最后一日为2025-10-13）"
    assert problem.en == "published late: 8 working days (limit 7, last day 2025-10-13)"
    assert (problem.field, problem.record_id, problem.severity) == ("published_on", "L", "warning")


def test_the_agency_sets_its_own_number_of_working_days() -> None:
    # 5 working days after Monday 2025-09-01: 09-02, 03, 04, 05, 08. Published Tuesday 09-09:
    # 6 working days, one too many (with the default 7 it would be on time).
    policy = Publication(deadline_working_days={"行政处罚": 5, "default": 20})
    result = run(make(id="A", published_on=dt.date(2025, 9, 9)), policy=policy)
    assert [(r.id, r.deadline, r.allowed_days, r.working_days, r.late_by) for r in result.late] == [
        ("A", dt.date(2025, 9, 8), 5, 6, 1)
    ]


def test_a_withdrawn_decision_that_was_published_still_counts_for_timeliness() -> None:
    revoked = make(id="R", status="撤销", status_on=dt.date(2025, 10, 20))  # published 09-03
    never = make(id="N", published_on=None, status="撤销", status_on=dt.date(2025, 10, 20))
    result = run(revoked, never)
    assert sorted(n.id for n in result.withdrawn) == ["N", "R"]
    # 09-01 + 7 working days: 09-02, 03, 04, 05, 08, 09, 10; published 09-03 after 2 of them.
    assert result.timings == [
        Timing("R", "squad-a", dt.date(2025, 9, 1), dt.date(2025, 9, 3), dt.date(2025, 9, 10), 7, 2)
    ]


def test_an_unknown_year_is_reported_against_calendar_yaml_as_a_warning() -> None:
    d = make(decided_on=dt.date(2026, 12, 28), published_on=dt.date(2027, 1, 6))
    result = run(d, today=dt.date(2027, 1, 20))
    (warning,) = [w for w in result.warnings if w.zh.startswith("2027年")]
    assert (warning.file, warning.severity) == ("calendar.yaml", "warning")


# Which decisions are public on the build date


def test_a_decision_made_or_published_on_the_build_date_is_public() -> None:
    made_today = make(id="M", decided_on=TODAY, published_on=None)
    shown_today = make(id="S", published_on=TODAY)
    result = run(made_today, shown_today)
    assert sorted(p.id for p in result.public) == ["M", "S"] and result.omitted == []
    assert {p.id: p.published_on for p in result.public} == {"M": TODAY, "S": TODAY}


def test_a_decision_without_a_date_does_not_stop_the_others() -> None:
    result = run(make(id="X", decided_on=None), make(id="G"))
    assert [p.id for p in result.public] == ["G"]


def test_public_decisions_newest_publication_first_then_newest_decision_then_id() -> None:
    result = run(
        make(id="A", decided_on=dt.date(2025, 9, 1), published_on=dt.date(2025, 9, 10)),
        make(id="B", decided_on=dt.date(2025, 9, 2), published_on=dt.date(2025, 9, 3)),
        make(id="C", decided_on=dt.date(2025, 9, 1), published_on=dt.date(2025, 9, 3)),
        make(id="D", decided_on=dt.date(2025, 9, 1), published_on=dt.date(2025, 9, 3)),
    )
    assert [p.id for p in result.public] == ["A", "B", "D", "C"]


def test_the_policy_rule_at_decision_keeps_the_period_of_the_decision_date() -> None:
    # On 2026-05-01 order 36 (from 2026-04-01: 一般 at most 12 months) is in force too; under
    # "at_decision" the order in force on 2025-09-01 (order 58, 36 months) still applies.
    today = dt.date(2026, 5, 1)
    (p,) = run(make(id="A"), policy=Publication(rule="at_decision"), today=today).public
    assert (p.period_rule, p.disclosure_until) == ("ndrc-order-58", dt.date(2028, 9, 1))
    (q,) = run(make(id="A"), today=today).public  # lenient: the shorter period of order 36
    assert (q.period_rule, q.disclosure_until) == ("ndrc-order-36", dt.date(2026, 9, 1))


# Withdrawals


def test_revoked_on_the_day_it_was_published_gets_no_page() -> None:
    d = make(published_on=dt.date(2025, 9, 10), status="撤销", status_on=dt.date(2025, 9, 10))
    result = run(d)
    assert result.withdrawn == [] and [o.reason for o in result.omitted] == ["withdrawn_before_publication"]


def test_a_valid_decision_with_a_status_date_stays_public() -> None:
    result = run(make(id="V", status="有效", status_on=dt.date(2025, 10, 1)))
    assert [p.id for p in result.public] == ["V"] and result.withdrawn == []


def test_an_expired_decision_is_expired_even_when_revoked_later_or_on_the_first_day_gone() -> None:
    # Shown until 2025-07-05: gone from 2025-07-06 whatever happens to it afterwards.
    base = dict(decided_on=dt.date(2025, 1, 6), published_on=dt.date(2025, 1, 8), status="撤销")
    later = make(id="L", disclosure_until=dt.date(2025, 7, 5), status_on=dt.date(2025, 8, 1), **base)
    same_day = make(id="S", disclosure_until=dt.date(2025, 7, 5), status_on=dt.date(2025, 7, 6), **base)
    before = make(id="B", disclosure_until=dt.date(2025, 7, 5), status_on=dt.date(2025, 7, 5), **base)
    notices = {n.id: (n.reason, n.on, n.period_until) for n in run(later, same_day, before).withdrawn}
    assert notices == {
        "L": ("公示期满", dt.date(2025, 7, 6), dt.date(2025, 7, 5)),
        "S": ("公示期满", dt.date(2025, 7, 6), dt.date(2025, 7, 5)),
        "B": ("撤销", dt.date(2025, 7, 5), None),
    }


def test_only_a_change_names_its_successor_and_only_a_public_one() -> None:
    new = make(id="D2", decided_on=dt.date(2025, 10, 9), published_on=dt.date(2025, 10, 10))
    revoked = make(id="R", status="撤销", status_on=dt.date(2025, 10, 20), superseded_by="D2")
    changed = make(id="C", status="变更", status_on=dt.date(2025, 10, 9), superseded_by="D2")
    orphan = make(id="O", status="变更", status_on=dt.date(2025, 10, 9), superseded_by="GONE")
    result = run(new, revoked, changed, orphan)
    assert {n.id: n.superseded_by for n in result.withdrawn} == {"C": "D2", "O": "", "R": ""}
    assert [(p.id, p.supersedes) for p in result.public] == [("D2", ("C",))]


def test_an_office_missing_from_the_catalog_is_shown_by_its_id() -> None:
    public = make(id="P", office="squad-x")
    revoked = make(id="R", office="squad-x", status="撤销", status_on=dt.date(2025, 10, 20))
    result = run(public, revoked)
    assert [(p.id, p.office, p.office_name) for p in result.public] == [("P", "squad-x", "squad-x")]
    assert [(n.id, n.office, n.office_name) for n in result.withdrawn] == [("R", "squad-x", "squad-x")]


def test_a_held_withdrawal_notice_is_reported_with_its_wording_and_the_masked_number() -> None:
    leaky = make(
        id="W",
        doc_no="明城管罚决字〔2025〕第11010519491231002X号",
        status="撤销",
        status_on=dt.date(2025, 10, 20),
    )
    (problem,) = run(leaky).held
    assert problem.zh == "含疑似居民身份证号码，撤下公告暂不发布"
    assert problem.en == "contains what looks like a resident ID number; withdrawal notice held back"
    assert (problem.field, problem.value, problem.severity) == ("doc_no", "110*************2X", "error")


def test_credit_repair_warning_only_for_a_repair_before_the_minimum_period() -> None:
    today = dt.date(2025, 12, 5)
    early = make(id="E", status="信用修复", status_on=dt.date(2025, 12, 1))
    on_time = make(id="T", status="信用修复", status_on=dt.date(2025, 12, 2))  # repair_from itself
    revoked = make(id="R", status="撤销", status_on=dt.date(2025, 9, 15))
    result = run(early, on_time, revoked, today=today)
    assert sorted(n.id for n in result.withdrawn) == ["E", "R", "T"]
    (warning,) = [w for w in result.warnings if w.field == "status_on"]
    assert warning.record_id == "E" and warning.value == "" and warning.severity == "warning"
    assert warning.zh == "信用修复日期早于最短公示期届满日（2025-12-02）"
    assert warning.en == "credit repair before the minimum disclosure period ends (2025-12-02)"


# What a public decision shows


def test_public_fields_amount_credit_code_power_and_period_source() -> None:
    code = credit_code("91330100MA2C")  # a valid code (GB 32100 check character)
    organisation = make(id="O", credit_code=code)
    person = make(id="N", party_type="自然人", party_name="张三", legal_rep="", credit_code=code)
    licence = make(id="K", kind="行政许可", power_code="330217004000", amount=None)
    no_power = make(id="U", power_code="", domain="园林绿化")  # no power item: its own 领域
    shown = {p.id: p for p in run(organisation, person, licence, no_power).public}
    assert shown["O"].credit_code == code and shown["O"].amount == Decimal("2000")
    assert shown["N"].credit_code == ""
    assert (shown["O"].period_rule, shown["O"].period_source) == ("ndrc-order-58", ORDER_58)
    assert (shown["K"].period_rule, shown["K"].period_source) == ("other-kinds", OTHER_KINDS)
    assert (shown["U"].power_name, shown["U"].domain) == ("", "园林绿化")


def test_the_longer_person_name_of_a_sole_trader_is_masked_first() -> None:
    # Registered under 张三丰, run by 张三: masking 张三 first would leave 张某丰.
    prefix = make(
        id="P", party_type="个体工商户", party_name="张三丰（个体工商户）", legal_rep="张三", credit_code=""
    )
    # Registered under 上官李四, run by 李四 (inside the longer name, not at its start).
    inside = make(
        id="I", party_type="个体工商户", party_name="上官李四（个体工商户）", legal_rep="李四", credit_code=""
    )
    shown = {p.id: (p.party_name, p.legal_rep) for p in run(prefix, inside).public}
    assert shown == {"P": ("张某（个体工商户）", "张某"), "I": ("上官某（个体工商户）", "李某")}


def test_a_record_held_for_a_number_names_the_reason_the_field_and_the_masked_number() -> None:
    (problem,) = run(make(id="H", facts="联系电话13812345678。")).held
    assert problem.zh == "含疑似手机号码（前有“电话”），该记录暂不公开"
    assert problem.en == "contains what looks like a mobile number (after “电话”); record held back"
    assert (problem.field, problem.value, problem.severity) == ("facts", "138******78", "error")


def test_successor_ids_are_screened_as_one_text_joined_by_a_space() -> None:
    # Two changed decisions 1381234 and 5678 replaced by Z: "1381234 5678" reads as a mobile.
    z = make(id="Z", decided_on=dt.date(2025, 10, 9), published_on=dt.date(2025, 10, 10))
    first = make(id="1381234", status="变更", status_on=dt.date(2025, 10, 9), superseded_by="Z")
    second = make(id="5678", status="变更", status_on=dt.date(2025, 10, 9), superseded_by="Z")
    result = run(z, first, second)
    assert result.public == [] and [(p.record_id, p.field, p.value) for p in result.held] == [
        ("Z", "supersedes", "138******78")
    ]


# Names in the texts


def test_the_party_name_inside_a_longer_word_and_another_name_are_both_reported() -> None:
    d = make(
        id="N",
        party_type="自然人",
        party_name="张三",
        legal_rep="",
        credit_code="",
        facts="当事人张三丰在新镇街道占道经营。",
    )
    held = run(d).held
    assert [(p.field, p.zh, p.en, p.value, p.severity) for p in held] == [
        (
            "facts",
            "含当事人姓名但无法确定其边界（可能是他人姓名），该记录暂不公开",
            "contains the party's name inside a longer word (perhaps another person's name); record held back",
            "张某",
            "error",
        ),
        (
            "facts",
            "含疑似他人姓名，该记录暂不公开",
            "contains what looks like another person's name; record held back",
            "张某",
            "error",
        ),
    ]


def test_a_sole_traders_operator_left_unmasked_is_reported_as_another_name_too() -> None:
    # Only an organisation's 法定代表人 may be named; a 个体工商户's operator is a person.
    d = make(
        id="S", party_type="个体工商户", party_name="明州市新镇水果店", legal_rep="王五", credit_code="",
        facts="王五们在店外占道经营。",
    )  # fmt: skip
    assert [(p.field, p.zh, p.value) for p in run(d).held] == [
        ("facts", "含当事人姓名但无法确定其边界（可能是他人姓名），该记录暂不公开", "王某"),
        ("facts", "含疑似他人姓名，该记录暂不公开", "王某"),
    ]


def test_a_record_without_a_party_name_is_still_searched_for_names() -> None:
    held = run(make(id="E", party_name="", facts="证人赵六在场。")).held
    assert [(p.field, p.value) for p in held] == [("facts", "赵某")]


# disclosure_until beyond the rule's maximum


def test_a_disclosure_end_beyond_the_maximum_is_cut_and_warned() -> None:
    result = run(make(id="A", disclosure_until=dt.date(2029, 1, 1)))
    assert [p.disclosure_until for p in result.public] == [dt.date(2028, 9, 1)]
    (warning,) = result.warnings
    assert (
        warning.zh == "公示截止日期2029-01-01超过公示期限规则ndrc-order-58允许的最长期限，已按2028-09-01截止"
    )
    assert (
        warning.en
        == "disclosure_until 2029-01-01 is beyond the maximum of period rule ndrc-order-58: shown until 2028-09-01"
    )
    assert (warning.field, warning.value, warning.severity) == ("disclosure_until", "2029-01-01", "warning")


def test_a_minor_case_under_order_36_is_shown_at_most_three_months_and_the_warning_says_why() -> None:
    # Order 36 (from 2026-04-01) does not publish 轻微 cases, or for at most 3 months where
    # necessary: decided 2026-05-04, at most until 2026-08-04.
    d = make(id="M", severity="轻微", decided_on=dt.date(2026, 5, 4), published_on=dt.date(2026, 5, 6),
             disclosure_until=dt.date(2026, 12, 31))  # fmt: skip
    result = run(d, today=dt.date(2026, 6, 1))
    assert [p.disclosure_until for p in result.public] == [dt.date(2026, 8, 4)]
    (warning,) = result.warnings
    assert warning.zh == (
        "公示截止日期2026-12-31超过公示期限规则ndrc-order-36允许的最长期限"
        "（轻微失信信息原则上不予公示，确有必要公示的不超过3个月），已按2026-08-04截止"
    )
    assert warning.en == (
        "disclosure_until 2026-12-31 is beyond the maximum of period rule ndrc-order-36 "
        "(轻微 cases are not published, or for at most 3 months where necessary): shown until 2026-08-04"
    )
    assert warning.value == "2026-12-31"


def test_a_severity_the_rule_does_not_name_is_cut_without_the_minor_case_explanation() -> None:
    # An unnamed severity counts as 一般 (order 58: 36 months from 2025-09-01).
    d = make(id="U", severity="较重", disclosure_until=dt.date(2029, 1, 1))
    (warning,) = run(d).warnings
    assert (
        warning.zh == "公示截止日期2029-01-01超过公示期限规则ndrc-order-58允许的最长期限，已按2028-09-01截止"
    )


# Minors (policy omit_minors): age from the 18-character ID on the decision date


def minor(id_number: str, decided_on: dt.date) -> bool:
    d = make(
        id="M", party_type="自然人", party_name="赵小刚", credit_code="", legal_rep="",
        id_number=id_number, decided_on=decided_on, published_on=decided_on,
    )  # fmt: skip
    result = run(d, policy=Publication(omit_minors=True))
    return [o.reason for o in result.omitted] == ["minor"]


def test_a_minor_is_under_eighteen_on_the_decision_date() -> None:
    assert minor("110105200709020016", dt.date(2025, 9, 1))  # 18 the next day
    assert not minor("110105200709010016", dt.date(2025, 9, 1))  # 18 that day
    assert not minor("110105200708310016", dt.date(2025, 9, 1))
    assert minor("110105200712150016", dt.date(2025, 9, 1))  # born in December: 17
    assert minor("110105200709120016", dt.date(2025, 9, 5))  # born on the 12th: 17
    assert not minor("110105200709020016", dt.date(2025, 9, 2))


def test_a_check_character_x_still_reads_the_birth_date() -> None:
    assert minor("11010520100101001X", dt.date(2025, 9, 1))


def test_only_an_18_character_id_with_a_real_date_tells_an_age() -> None:
    assert not minor("110105201001011", dt.date(2025, 9, 1))  # 15 characters (born 1920-10-01)
    assert not minor("110105200713010016", dt.date(2025, 9, 1))  # month 13


def test_a_name_right_after_the_party_name_is_found() -> None:
    # The party's name is replaced by 当事人 before the search: 当事人王建国 still shows a
    # person's name (here not the 法定代表人, who may be named).
    d = make(id="A", legal_rep="李强", facts="江州明川示例建材有限公司王建国到场接受询问。")
    assert [(p.field, p.zh, p.value) for p in run(d).held] == [
        ("facts", "含疑似他人姓名，该记录暂不公开", "王某")
    ]


def test_a_sole_trader_registered_under_a_si_compound_surname_is_masked() -> None:
    # 司 is a shop character (公司), but not in the compound surnames 司马, 司徒, 司空: like
    # 欧阳修（个体工商户）, 司马光（个体工商户） run by 李四 is a person's name, masked.
    d = make(
        id="S", party_type="个体工商户", party_name="司马光（个体工商户）", legal_rep="李四", credit_code=""
    )
    (p,) = run(d).public
    assert p.party_name == "司马某（个体工商户）"


def test_sole_traders_under_si_surnames_and_shop_names_with_si() -> None:
    from sunlight.domain.person_names import sole_trader_person

    for name in ("司马光", "司徒雷", "司空图", "司马相如"):  # surname + given name: a person
        assert sole_trader_person(f"{name}（个体工商户）") == name
    assert sole_trader_person("张记") == ""  # surname + shop character: a shop
    assert sole_trader_person("王司") == ""  # 司 after a surname stays a shop character


def test_sole_traders_whose_surname_is_also_a_shop_character_are_persons() -> None:
    from sunlight.domain.person_names import sole_trader_person

    # 庄, 楼, 路 and 司 are surnames as well as shop characters (山庄, 酒楼, 路, 公司)
    for name in ("庄明", "楼小红", "路遥", "司华"):
        assert sole_trader_person(f"个体工商户{name}") == name
