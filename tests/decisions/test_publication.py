"""The publication policy on a build date: public, withdrawn, held, omitted, late."""

from __future__ import annotations

import datetime as dt

from sunlight.content.model import Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.disclosure_deadlines import timeliness
from sunlight.domain.publication import Publisher, publish

from .conftest import OFFICES, POWERS, make, publish_on

TODAY = dt.date(2025, 12, 1)


def run(*decisions, policy: Publication | None = None, today: dt.date = TODAY, calendar=None):
    return publish_on(*decisions, today=today, policy=policy, calendar=calendar)


def test_organisation_is_published_with_its_public_fields() -> None:
    result = run(make(id_number="330102197001011234"))
    (p,) = result.public
    assert p.party_name == "江州明川示例建材有限公司" and p.legal_rep == "王建国"
    assert p.office_name == "新镇中队" and p.power_name == "对擅自占用城市道路的处罚" and p.domain == "市政"
    assert p.disclosure_until == dt.date(2028, 9, 1) and p.repair_from == dt.date(2025, 12, 2)
    assert "id_number" not in p._fields
    assert "status_reason" not in p._fields
    assert result.withdrawn == [] and result.held == [] and result.late == []


def test_natural_person_is_masked_everywhere() -> None:
    d = make(
        party_type="自然人",
        party_name="欧阳娜娜",
        credit_code="",
        legal_rep="欧阳娜娜",
        facts="当事人欧阳娜娜在新镇街道占道经营。",
    )
    (p,) = run(d).public
    assert p.party_name == "欧阳某" and p.legal_rep == "" and p.facts == "当事人欧阳某在新镇街道占道经营。"
    assert "娜" not in repr(p)


def test_natural_persons_omitted_by_policy() -> None:
    result = run(
        make(party_type="自然人", party_name="张三", credit_code=""),
        policy=Publication(natural_persons="omit"),
    )
    assert result.public == [] and [o.reason for o in result.omitted] == ["natural_person"]


def test_sole_trader_named_after_operator_is_masked() -> None:
    (p,) = run(make(party_type="个体工商户", party_name="李小明", legal_rep="李小明", credit_code="")).public
    assert p.party_name == "李某" and p.legal_rep == "李某"


def test_simple_procedure_omitted_by_default_and_published_on_request() -> None:
    d = make(procedure="简易程序")
    assert [o.reason for o in run(d).omitted] == ["simple_procedure"]
    assert len(run(d, policy=Publication(simple_procedure="publish")).public) == 1


def test_minors_omitted_when_configured() -> None:
    d = make(party_type="自然人", party_name="赵小刚", credit_code="", id_number="110105201001010012")
    assert [o.reason for o in run(d, policy=Publication(omit_minors=True)).omitted] == ["minor"]
    assert len(run(d).public) == 1


def test_each_withdrawal_reason_leaves_a_notice_without_personal_data() -> None:
    new = make(
        id="D2",
        doc_no="明城管罚决字〔2025〕第000102号",
        decided_on=dt.date(2025, 10, 9),
        published_on=dt.date(2025, 10, 10),
    )
    revoked = make(
        id="R", status="撤销", status_on=dt.date(2025, 10, 20), status_reason="复议撤销,申请人张三"
    )
    changed = make(id="C", status="变更", status_on=dt.date(2025, 10, 9), superseded_by="D2")
    repaired = make(id="F", status="信用修复", status_on=dt.date(2025, 12, 1))
    expired = make(
        id="E",
        decided_on=dt.date(2025, 1, 6),
        published_on=dt.date(2025, 1, 8),
        disclosure_until=dt.date(2025, 7, 5),
    )
    person = make(
        id="P",
        party_type="自然人",
        party_name="司马光",
        credit_code="",
        status="撤销",
        status_on=dt.date(2025, 11, 3),
    )
    result = run(new, revoked, changed, repaired, expired, person)
    assert [p.id for p in result.public] == ["D2"]
    assert result.public[0].supersedes == ("C",)
    notices = {n.id: n for n in result.withdrawn}
    assert {k: (n.reason, n.on) for k, n in notices.items()} == {
        "R": ("撤销", dt.date(2025, 10, 20)),
        "C": ("变更", dt.date(2025, 10, 9)),
        "F": ("信用修复", dt.date(2025, 12, 1)),
        "E": ("公示期满", dt.date(2025, 7, 6)),
        "P": ("撤销", dt.date(2025, 11, 3)),
    }
    assert notices["C"].superseded_by == "D2"
    assert notices["E"].title == "公示期满" and notices["R"].title == "该信息已依法撤下"
    assert "2025年10月20日" in notices["R"].text and "撤销" in notices["R"].text
    for notice in result.withdrawn:
        shown = repr(notice) + notice.text
        assert "张三" not in shown and "司马" not in shown and "建材" not in shown


def test_credit_repair_before_the_minimum_period_is_warned() -> None:
    result = run(make(status="信用修复", status_on=dt.date(2025, 9, 15)))
    assert any(w.field == "status_on" and "信用修复" in w.zh for w in result.warnings)


def test_revoked_before_publication_gets_no_page() -> None:
    d = make(published_on=dt.date(2025, 9, 10), status="撤销", status_on=dt.date(2025, 9, 5))
    result = run(d)
    assert result.withdrawn == [] and [o.reason for o in result.omitted] == ["withdrawn_before_publication"]


def test_not_yet_due() -> None:
    assert [o.reason for o in run(make(published_on=dt.date(2025, 12, 2))).omitted] == ["not_yet"]


def test_personal_numbers_hold_the_record_back_and_never_block_the_rest() -> None:
    bad = make(id="B", facts="当事人联系电话13812345678,身份证号11010519491231002X。", line=7)
    good = make(id="G")
    result = run(bad, good)
    assert [p.id for p in result.public] == ["G"]
    assert result.held_ids == ["B"]
    kinds = sorted(p.zh for p in result.held)
    assert any("手机号码" in k for k in kinds) and any("身份证" in k for k in kinds)
    for problem in result.held:
        assert problem.file == "content/decisions/test.csv" and problem.line == 7 and problem.field == "facts"
        assert "13812345678" not in str(problem) and "11010519491231002X" not in str(problem)
        assert " / " in problem.message()


def test_late_publication_is_reported_in_working_days() -> None:
    # Decided Fri 2025-09-26; due 2025-10-13 (National Day holidays and make-up days counted).
    on_time = make(id="T", decided_on=dt.date(2025, 9, 26), published_on=dt.date(2025, 10, 13))
    late = make(id="L", decided_on=dt.date(2025, 9, 26), published_on=dt.date(2025, 10, 14), office="squad-b")
    licence = make(
        id="K", kind="行政强制", decided_on=dt.date(2025, 9, 26), published_on=dt.date(2025, 10, 14)
    )
    result = run(on_time, late, licence)
    assert [(r.id, r.working_days, r.allowed_days, r.late_by, r.deadline) for r in result.late] == [
        ("L", 8, 7, 1, dt.date(2025, 10, 13))
    ]
    assert result.late[0].problem().severity == "warning"
    figures = {f.office: f for f in timeliness(result.timings, [o.id for o in OFFICES])}
    assert figures["squad-a"].share_on_time == 1.0 and figures["squad-a"].published == 2
    assert figures["squad-b"].late_ids == ("L",) and figures["squad-b"].median_late_by == 1
    assert figures["bureau"].published == 0 and figures["bureau"].share_on_time is None


def test_empty_publication_date_means_the_build_date() -> None:
    (p,) = run(make(published_on=None, decided_on=dt.date(2025, 11, 3))).public
    assert p.published_on == TODAY and p.late_by == 20 - 7  # 20 working days after 2025-11-03


def test_deadline_in_an_unknown_year_warns_and_does_not_crash() -> None:
    today = dt.date(2027, 1, 20)
    d = make(decided_on=dt.date(2026, 12, 28), published_on=dt.date(2027, 1, 6))
    result = run(d, today=today)
    assert len(result.public) == 1
    assert result.public[0].deadline == dt.date(2027, 1, 6)  # Monday-Friday counting
    assert any("2027" in w.zh and "calendar.yaml" in w.en for w in result.warnings)
    # With calendar.yaml covering it (complete_years): no warning, and its holidays count.
    calendar = WorkingCalendar.from_overrides(
        holidays=[dt.date(2027, 1, 1), dt.date(2027, 1, 4)], complete_years=[2027]
    )
    result = run(d, today=today, calendar=calendar)
    assert result.public[0].deadline == dt.date(2027, 1, 8)
    assert not any("2027" in w.zh for w in result.warnings)


def test_counts_for_the_build_report() -> None:
    result = run(
        make(id="A"),
        make(id="B", procedure="简易程序"),
        make(id="C", status="撤销", status_on=dt.date(2025, 11, 3)),
    )
    assert result.counts() == {
        "public": 1,
        "withdrawn": {"撤销": 1},
        "held": 0,
        "omitted": {"simple_procedure": 1},
        "late": 0,
    }


def test_publishing_in_chunks_gives_the_result_of_publishing_at_once() -> None:
    decisions = [
        make(id="C", status="变更", status_on=dt.date(2025, 10, 9), superseded_by="Z"),  # successor last
        make(id="R", status="撤销", status_on=dt.date(2025, 10, 20)),
        make(id="H", facts="联系电话13812345678。"),
        make(id="S", procedure="简易程序"),
        *(
            make(id=f"N{i}", decided_on=dt.date(2025, 9, 1 + i), published_on=dt.date(2025, 9, 20))
            for i in range(5)
        ),
        make(id="Z", decided_on=dt.date(2025, 10, 9), published_on=dt.date(2025, 10, 10)),
    ]
    context = dict(
        offices=OFFICES, powers=POWERS, policy=Publication(), calendar=WorkingCalendar(), today=TODAY
    )
    at_once = publish(decisions, **context)  # type: ignore[arg-type]
    publisher = Publisher(decisions, **context)  # type: ignore[arg-type]
    chunks = [publisher.add(decisions[i : i + 2]) for i in range(0, len(decisions), 2)]
    in_chunks = publisher.finish()
    assert [p.id for chunk in chunks for p in chunk] == ["N0", "N1", "N2", "N3", "N4", "Z"]  # feed order
    assert in_chunks == at_once
    assert next(p for p in in_chunks.public if p.id == "Z").supersedes == ("C",)
    assert [p.id for p in at_once.public][:1] == ["Z"] and at_once.held and at_once.omitted


def test_a_withdrawal_notice_never_shows_a_personal_number_in_its_doc_number() -> None:
    """The record's 文书号 holds an ID: the notice is held back with the record, and reported."""
    leaky = make(
        id="W",
        doc_no="明城管罚决字〔2025〕第11010519491231002X号",
        status="撤销",
        status_on=dt.date(2025, 10, 20),
    )
    clean = make(id="K", status="撤销", status_on=dt.date(2025, 10, 20))
    result = run(leaky, clean)
    assert [n.id for n in result.withdrawn] == ["K"]
    assert result.held_ids == ["W"]
    (problem,) = result.held
    assert problem.field == "doc_no" and "居民身份证号码" in problem.zh and "撤下公告" in problem.zh
    assert "withdrawal notice" in problem.en and "11010519491231002X" not in str(problem)


def test_hold_reasons_name_the_kind_the_field_and_the_label() -> None:
    result = run(make(id="A", content="罚款缴入对公账户：12345678901234567"))
    (problem,) = result.held
    assert problem.field == "content" and problem.record_id == "A"
    assert "银行账号" in problem.zh and "账户" in problem.zh
    assert "bank account number" in problem.en and "账户" in problem.en
    possible = run(make(id="P", facts="当事人身份证号330106198506120016。")).held
    assert [p.field for p in possible] == ["facts"] and "可能是居民身份证号码" in possible[0].zh
    assert "possible resident ID number" in possible[0].en


def test_full_width_separators_hold_the_record_in_every_field() -> None:
    for name in ("party_name", "legal_rep", "facts", "basis", "content"):
        result = run(make(id=name, **{name: "联系电话138－1234－5678"}))
        assert result.public == [] and [p.field for p in result.held] == [name], name


def test_serials_credit_codes_and_registration_numbers_are_published() -> None:
    code = "113301000000105244"  # a 机关 code: all digits, passes Luhn too
    result = run(
        make(id="S", doc_no="明城管罚决字〔2026〕第2026031200001239号", decided_on=dt.date(2025, 9, 1)),
        make(
            id="C",
            party_type="非法人组织",
            party_name="江州市明川区某局",
            credit_code=code,
            facts=f"当事人（统一社会信用代码：{code}，工商注册号：440300921105066，联系单号20250928）未按规定设置。",
        ),
    )
    assert result.held == [] and sorted(p.id for p in result.public) == ["C", "S"]
