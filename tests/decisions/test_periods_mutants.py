"""Disclosure periods (公示期限): the rules of ``domain/periods.py`` that no test pinned before.

Expected dates are counted by hand on the national table of ``docs/decisions.md`` with the Civil
Code (民法典 arts. 201, 202): N months from a day end at the end of the corresponding day N months
later (clamped to the month's end), and credit repair may end the disclosure from the next day.
Problems of an agency's table are written out word for word, with their field paths.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sunlight.domain.period_rows import parse_period_table
from sunlight.domain.periods import NATIONAL_RULES, PeriodRule, PeriodTable, Span

D = dt.date.fromisoformat
TABLE = PeriodTable()
MONTHS_PROBLEM = ("应为不小于0的整数（月数）", "must be a whole number of months, 0 or more")
SPAN_PROBLEM = ("应为 {min_months, max_months} 或“不公示”", "must be {min_months, max_months} or none")


def period(severity: str, decided: str, today: str, table: PeriodTable = TABLE, **kw: object):
    return table.period(
        kind=str(kw.pop("kind", "行政处罚")),
        severity=severity,
        decided_on=D(decided),
        today=D(today),
        **kw,  # type: ignore[arg-type]
    )


def parsed(rows: list[object]) -> tuple[PeriodTable, list[tuple[str, str, str]]]:
    return parse_period_table(rows)  # type: ignore[arg-type]


# --- which rules apply (从旧兼从轻) ---------------------------------------------------------------


def test_the_rules_a_decision_of_2022_may_take_on_a_later_build_date() -> None:
    assert [r.id for r in TABLE.candidates(D("2022-06-01"), D("2026-05-01"))] == [
        "ndrc-2019-527",
        "ndrc-order-58",
        "ndrc-order-36",
    ]
    assert [r.id for r in TABLE.candidates(D("2023-06-01"), D("2026-05-01"))] == [
        "ndrc-order-58",
        "ndrc-order-36",
    ]
    assert [r.id for r in TABLE.candidates(D("2023-06-01"), D("2026-03-31"))] == ["ndrc-order-58"]


def test_same_end_under_two_rules_the_earlier_repair_wins() -> None:
    # 严重 of 2022-06-01, built 2026-05-01. 2019 notice (6 m - 3 y): until 2025-06-01, repair from
    # 2022-12-02. Order 58 (3 m - 3 y): until 2025-06-01, repair from 2022-09-02. Order 36
    # (1 y - 3 y): until 2025-06-01, but no earlier than 2026-03-31. Same end: order 58, repair first.
    p = period("严重", "2022-06-01", "2026-05-01")
    assert p.rule.id == "ndrc-order-58"
    assert p.until == D("2025-06-01")
    assert p.repair_from == D("2022-09-02")
    at_decision = period("严重", "2022-06-01", "2026-05-01", rule="at_decision")
    assert at_decision.rule.id == "ndrc-2019-527" and at_decision.repair_from == D("2022-12-02")


def test_a_day_before_every_rule_takes_the_first_rule() -> None:
    only = PeriodRule(id="only", source="", effective_from=D("2024-01-01"), by_severity={"一般": Span(3, 12)})
    table = PeriodTable([only])
    assert table.in_force(D("2023-06-01")).id == "only"
    p = period("一般", "2023-06-01", "2023-07-01", table=table)
    assert p.rule.id == "only" and p.until == D("2024-06-01") and p.repair_from == D("2023-09-02")


def test_a_severity_a_rule_does_not_name_takes_its_general_period() -> None:
    only = PeriodRule(id="only", source="", effective_from=None, by_severity={"一般": Span(3, 12)})
    assert only.span("行政处罚", "严重", "") == Span(3, 12)
    assert only.span("行政处罚", "轻微", "") == Span(3, 12)
    assert NATIONAL_RULES[1].span("行政处罚", "未分级", "") == Span(3, 36)
    p = period("严重", "2025-01-15", "2025-02-01", table=PeriodTable([only]))
    assert p.published and p.until == D("2026-01-15") and p.repair_from == D("2025-04-16")


# --- the outcome of one rule ---------------------------------------------------------------


def test_a_minor_case_decided_on_the_day_order_36_began_is_not_shown() -> None:
    p = period("轻微", "2026-04-01", "2026-04-01")
    assert p.rule.id == "ndrc-order-36"
    assert p.published is False
    assert p.until is None and p.repair_from is None and p.requested_until is None
    assert p.limit == D("2026-07-01")  # at most 3 months with an explicit end
    assert p.credit is True


def test_an_older_minor_case_is_shown_until_order_36_began() -> None:
    # Order 58 (3 m - 3 y): until 2028-09-10. Order 36 does not publish 轻微: shown until 2026-03-31.
    p = period("轻微", "2025-09-10", "2026-05-01")
    assert p.rule.id == "ndrc-order-36"
    assert p.published is True
    assert p.until == D("2026-03-31")
    assert p.repair_from is None
    assert p.limit == D("2026-03-31")  # 3 months from 2025-09-10 (2025-12-10) lie before it
    assert p.requested_until is None
    assert p.credit is True
    ended = period("轻微", "2025-09-10", "2026-05-01", disclosure_until=D("2025-12-31"))
    assert ended.until == D("2025-12-31") and ended.requested_until is None and ended.repair_from is None


def test_an_older_minor_case_with_an_explicit_end_may_run_three_months_from_its_date() -> None:
    # Decided 2026-03-20: order 36 ends the plain disclosure on 2026-03-31; an explicit end may
    # run to 3 months from the decision, 2026-06-20.
    p = period("轻微", "2026-03-20", "2026-05-01")
    assert p.rule.id == "ndrc-order-36" and p.until == D("2026-03-31") and p.limit == D("2026-06-20")
    q = period("轻微", "2026-03-20", "2026-05-01", disclosure_until=D("2026-05-31"))
    assert q.until == D("2026-05-31") and q.requested_until is None
    r = period("轻微", "2026-03-20", "2026-05-01", disclosure_until=D("2026-07-31"))
    assert r.until == D("2026-06-20") and r.requested_until == D("2026-07-31")


def test_a_rule_without_the_three_month_allowance_never_shows_what_it_does_not_publish() -> None:
    strict = PeriodRule(
        id="strict",
        source="",
        effective_from=None,
        by_severity={"轻微": None, "一般": Span(3, 12), "严重": Span(12, 36)},
        if_necessary_months=None,
    )
    p = period(
        "轻微", "2026-05-01", "2026-05-02", table=PeriodTable([strict]), disclosure_until=D("2026-06-30")
    )
    assert p.published is False and p.until is None and p.limit is None and p.repair_from is None


# --- an explicit disclosure_until ----------------------------------------------------------


def test_an_explicit_end_keeps_the_repair_date_and_the_maximum() -> None:
    # 一般 of 2025-09-10 under order 58 (3 m - 3 y): repair from 2025-12-11, maximum 2028-09-10.
    p = period("一般", "2025-09-10", "2025-10-01", disclosure_until=D("2025-12-31"))
    assert p.rule.id == "ndrc-order-58"
    assert p.published is True
    assert p.until == D("2025-12-31")
    assert p.repair_from == D("2025-12-11")
    assert p.limit == D("2028-09-10")
    assert p.requested_until is None
    assert p.credit is True


def test_an_explicit_end_of_a_minor_case_allows_repair_from_the_next_day() -> None:
    # 轻微 of 2026-04-10 under order 36: at most 3 months (2026-07-10), no minimum period.
    p = period("轻微", "2026-04-10", "2026-05-01", disclosure_until=D("2026-05-31"))
    assert p.rule.id == "ndrc-order-36"
    assert p.published is True
    assert p.until == D("2026-05-31")
    assert p.repair_from == D("2026-04-11")
    assert p.limit == D("2026-07-10")
    assert p.requested_until is None
    assert p.credit is True


def test_an_explicit_end_on_the_maximum_itself_is_not_cut() -> None:
    # 一般 of 2026-04-10 under order 36 (3 m - 1 y): the maximum ends on 2027-04-10.
    p = period("一般", "2026-04-10", "2026-05-01", disclosure_until=D("2027-04-10"))
    assert p.until == D("2027-04-10") and p.requested_until is None and p.limit == D("2027-04-10")
    q = period("一般", "2026-04-10", "2026-05-01", disclosure_until=D("2027-04-11"))
    assert q.until == D("2027-04-10") and q.requested_until == D("2027-04-11")


def test_an_explicit_end_of_a_licence_stays_outside_credit_repair() -> None:
    # 行政许可: 0 - 3 years (other_kinds), no credit repair; maximum 2028-09-10.
    p = period("一般", "2025-09-10", "2025-10-01", kind="行政许可", disclosure_until=D("2026-01-31"))
    assert p.until == D("2026-01-31")
    assert p.repair_from is None
    assert p.limit == D("2028-09-10")
    assert p.credit is False


# --- an agency's table: the simple form ----------------------------------------------------


def test_the_simple_form_is_one_rule_named_after_agency_yaml() -> None:
    table, problems = parsed(
        [
            {"severity": "一般", "min_months": 6, "max_months": 6},
            {"severity": "严重", "min_months": 12, "max_months": 24},
        ]
    )
    assert problems == []
    [rule] = table.rules
    assert rule.id == "agency"
    assert rule.source == "agency.yaml: publication.period"
    assert rule.effective_from is None and rule.effective_until is None
    assert dict(rule.by_severity) == {"一般": Span(6, 6), "严重": Span(12, 24), "轻微": None}


# --- an agency's table: the full form ------------------------------------------------------


def test_every_key_of_a_row_is_read() -> None:
    table, problems = parsed(
        [
            {"id": "old", "source": "本局旧规定", "一般": {"min_months": 3, "max_months": 12}},
            {
                "id": "mid",
                "source": "本局规定",
                "from": "2023-05-01",
                "until": "2026-03-31",
                "一般": {"min_months": 3, "max_months": 36},
                "special_domains": ["食品", "消防"],
                "special_min_months": 12,
                "other_kinds": {"min_months": 0, "max_months": 24},
            },
        ]
    )
    assert problems == []
    old, mid = table.rules
    assert (old.id, old.source, old.effective_from, old.effective_until) == ("old", "本局旧规定", None, None)
    assert (
        old.other_kinds == Span(0, 36)
        and old.special_domains == frozenset()
        and old.special_min_months is None
    )
    assert (mid.id, mid.source) == ("mid", "本局规定")
    assert (mid.effective_from, mid.effective_until) == (D("2023-05-01"), D("2026-03-31"))
    assert mid.special_domains == frozenset({"食品", "消防"}) and mid.special_min_months == 12
    assert mid.other_kinds == Span(0, 24)
    # 一般 of 2024-01-15 in 食品: at least one year (repair from 2025-01-16); in 市政: 3 months.
    food = period("一般", "2024-01-15", "2024-02-01", table=table, domain="食品")
    works = period("一般", "2024-01-15", "2024-02-01", table=table, domain="市政")
    assert food.repair_from == D("2025-01-16") and works.repair_from == D("2024-04-16")
    # A licence of 2024-01-15: 24 months, until 2026-01-15.
    assert period("一般", "2024-01-15", "2024-02-01", table=table, kind="行政许可").until == D("2026-01-15")


def test_rows_without_an_id_or_a_source() -> None:
    table, problems = parsed(
        [
            {"一般": {"min_months": 3, "max_months": 12}},
            {"from": "2024-01-01", "一般": {"min_months": 3, "max_months": 6}},
        ]
    )
    assert problems == []
    assert [(r.id, r.source) for r in table.rules] == [("rule-1", ""), ("rule-2", "")]


def test_english_severity_names() -> None:
    table, problems = parsed(
        [
            {
                "general": {"min_months": 3, "max_months": 12},
                "serious": {"min_months": 12, "max_months": 36},
                "minor": "none",
            }
        ]
    )
    assert problems == []
    assert dict(table.rules[0].by_severity) == {"一般": Span(3, 12), "严重": Span(12, 36), "轻微": None}


@pytest.mark.parametrize("word", ["不公示", "none", "omit", None])
def test_words_for_not_published(word: object) -> None:
    table, problems = parsed([{"一般": {"min_months": 3, "max_months": 12}, "严重": word, "轻微": word}])
    assert problems == []
    assert dict(table.rules[0].by_severity) == {"一般": Span(3, 12), "严重": None, "轻微": None}


def test_a_period_without_min_months_has_no_minimum() -> None:
    table, problems = parsed([{"一般": {"max_months": 12}}])
    assert problems == []
    assert table.rules[0].by_severity["一般"] == Span(0, 12)
    # Credit repair from the day after the decision; shown until 2026-01-15.
    p = period("一般", "2025-01-15", "2025-02-01", table=table)
    assert p.repair_from == D("2025-01-16") and p.until == D("2026-01-15")


def test_severities_a_row_leaves_out() -> None:
    # A row ending before 2026-04-01 keeps 轻微 like 一般 (order 58 and the 2019 notice had no
    # separate class); a row in force from 2026-04-01 does not publish 轻微 (order 36). 严重
    # is always like 一般.
    table, problems = parsed(
        [
            {"id": "old", "一般": {"min_months": 3, "max_months": 36}},
            {"id": "new", "from": "2026-04-01", "一般": {"min_months": 3, "max_months": 12}},
        ]
    )
    assert problems == []
    old, new = table.rules
    assert dict(old.by_severity) == {"一般": Span(3, 36), "轻微": Span(3, 36), "严重": Span(3, 36)}
    assert dict(new.by_severity) == {"一般": Span(3, 12), "轻微": None, "严重": Span(3, 12)}
    # 轻微 of 2025-01-10 built 2025-06-01: three years, until 2028-01-10.
    p = period("轻微", "2025-01-10", "2025-06-01", table=table)
    assert p.published and p.until == D("2028-01-10")


def test_the_middle_row_of_three_ends_the_day_before_the_next() -> None:
    table, problems = parsed(
        [
            {"id": "first", "一般": {"min_months": 3, "max_months": 12}},
            {"id": "mid", "from": "2023-05-01", "一般": {"min_months": 3, "max_months": 36}},
            {"id": "last", "from": "2026-04-01", "一般": {"min_months": 3, "max_months": 12}},
        ]
    )
    assert problems == []
    assert [r.by_severity["轻微"] for r in table.rules] == [Span(3, 12), Span(3, 36), None]


def test_a_row_ending_on_2026_04_01_does_not_publish_minor_cases() -> None:
    table, problems = parsed(
        [
            {"id": "a", "until": "2026-04-01", "一般": {"min_months": 3, "max_months": 12}},
            {"id": "b", "from": "2026-04-02", "一般": {"min_months": 3, "max_months": 12}},
        ]
    )
    assert problems == []
    assert table.rules[0].effective_until == D("2026-04-01")
    assert [r.by_severity["轻微"] for r in table.rules] == [None, None]
    table, problems = parsed(
        [{"id": "a", "until": "2026-03-31", "一般": {"min_months": 3, "max_months": 12}}]
    )
    assert problems == []
    assert table.rules[0].effective_until == D("2026-03-31")
    assert table.rules[0].by_severity["轻微"] == Span(3, 12)


def test_a_row_naming_minor_cases_keeps_them_and_the_next_row_is_still_settled() -> None:
    table, problems = parsed(
        [
            {
                "id": "old",
                "一般": {"min_months": 3, "max_months": 12},
                "轻微": {"min_months": 1, "max_months": 6},
            },
            {"id": "new", "from": "2026-04-01", "一般": {"min_months": 3, "max_months": 12}},
            {
                "id": "own",
                "from": "2027-01-01",
                "一般": {"min_months": 3, "max_months": 12},
                "轻微": {"max_months": 3},
            },
        ]
    )
    assert problems == []
    assert [r.by_severity["轻微"] for r in table.rules] == [Span(1, 6), None, Span(0, 3)]


def test_a_second_row_without_a_start_date_is_reported_and_the_first_never_ends() -> None:
    table, problems = parsed(
        [{"id": "a", "一般": {"max_months": 12}}, {"id": "b", "一般": {"max_months": 24}}]
    )
    assert problems == [
        ("publication.periods[1].from", "只有第一行可以不填 from", "only the first row may leave out from")
    ]
    assert [(r.id, r.by_severity["轻微"]) for r in table.rules] == [("a", None)]


def test_an_empty_date_is_no_date() -> None:
    table, problems = parsed([{"id": "a", "from": "", "until": "", "一般": {"max_months": 12}}])
    assert problems == []
    assert table.rules[0].effective_from is None and table.rules[0].effective_until is None


def test_other_kinds_left_empty_take_three_years() -> None:
    table, problems = parsed([{"一般": {"max_months": 12}, "other_kinds": None}])
    assert problems == []
    assert table.rules[0].other_kinds == Span(0, 36)
    # A licence of 2025-01-15: until 2028-01-15.
    assert period("一般", "2025-01-15", "2025-02-01", table=table, kind="行政许可").until == D("2028-01-15")


# --- an agency's table: problems, word for word --------------------------------------------


@pytest.mark.parametrize("bad", [-1, True, "12", 3.5])
def test_a_wrong_minimum_is_reported_and_read_as_nothing(bad: object) -> None:
    table, problems = parsed([{"一般": {"min_months": bad, "max_months": 12}}])
    assert problems == [("publication.periods[0].一般.min_months", *MONTHS_PROBLEM)]
    # While the problem is reported, the check goes on with 0 - 0 months for that severity.
    assert table.rules[0].by_severity["一般"] == Span(0, 0)


@pytest.mark.parametrize("bad", [-1, True, "12", 3.5, None])
def test_a_wrong_maximum_is_reported_and_read_as_nothing(bad: object) -> None:
    table, problems = parsed([{"一般": {"min_months": 3, "max_months": bad}}])
    assert problems == [("publication.periods[0].一般.max_months", *MONTHS_PROBLEM)]
    assert table.rules[0].by_severity["一般"] == Span(0, 0)


def test_a_period_that_is_not_a_mapping() -> None:
    table, problems = parsed([{"一般": "一年"}])
    assert problems == [("publication.periods[0].一般", *SPAN_PROBLEM)]
    assert table.rules[0].by_severity["一般"] == Span(0, 0)


def test_a_minimum_longer_than_the_maximum() -> None:
    table, problems = parsed([{"一般": {"min_months": 12, "max_months": 3}}])
    assert problems == [
        ("publication.periods[0].一般", "最短期限不得长于最长期限", "min_months must not exceed max_months")
    ]
    assert table.rules[0].by_severity["一般"] == Span(12, 3)


def test_a_row_that_is_not_a_mapping_is_reported_and_the_next_row_read() -> None:
    table, problems = parsed(["2026-04-01", {"id": "next", "一般": {"min_months": 3, "max_months": 12}}])
    assert problems == [("publication.periods[0]", "应为键值表", "must be a mapping")]
    assert [r.id for r in table.rules] == ["next"]


def test_an_unknown_key() -> None:
    _, problems = parsed([{"一般": {"min_months": 3, "max_months": 12}, "periode": 3}])
    assert problems == [("publication.periods[0].periode", "未知的键", "unknown key")]


def test_a_row_without_the_general_period() -> None:
    table, problems = parsed([{"严重": {"min_months": 12, "max_months": 36}}])
    assert problems == [
        ("publication.periods[0].一般", "缺少“一般”失信程度的期限", "the 一般 (general) period is required")
    ]
    # The check goes on with order 36's 一般 (3 months - 1 year) in its place.
    assert dict(table.rules[0].by_severity) == {"严重": Span(12, 36), "一般": Span(3, 12), "轻微": None}


@pytest.mark.parametrize("key", ["from", "until"])
def test_a_date_in_another_format(key: str) -> None:
    second: dict[str, object] = {"id": "b", "from": "2026-01-01", "一般": {"max_months": 12}}
    second[key] = "2026/04/01"
    _, problems = parsed([{"一般": {"max_months": 12}}, second])
    assert problems == [
        (f"publication.periods[1].{key}", "日期格式应为 2026-04-01", "date must look like 2026-04-01")
    ]


def test_a_wrong_special_minimum() -> None:
    table, problems = parsed(
        [{"一般": {"max_months": 12}, "special_domains": ["食品"], "special_min_months": "一年"}]
    )
    assert problems == [("publication.periods[0].special_min_months", *MONTHS_PROBLEM)]
    assert table.rules[0].special_min_months is None


def test_wrong_other_kinds() -> None:
    table, problems = parsed([{"一般": {"max_months": 12}, "other_kinds": "三年"}])
    assert problems == [
        (
            "publication.periods[0].other_kinds",
            "其他类别的决定（行政许可等）应当公示（国办发〔2018〕118号），应填写 {min_months, max_months}，不能“不公示”",
            "decisions of other kinds (行政许可 ...) must be published (国办发〔2018〕118号): "
            "give {min_months, max_months}, not none",
        )
    ]
    assert table.rules[0].other_kinds == Span(0, 0)
