"""A complaint names its decision by the 记录编号 or by the 文书号 in the owner's hand.

The catalog lists the public decisions with their 文书号 (``decision_doc_nos``); the intake maps a
文书号, written with any brackets or widths, to the record id, which is what the complaint keeps.
"""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_catalog_sample import catalog_dict, complaint_values
from sunlight.domain.intake import resolve_decision, validate_complaint, validate_feedback
from sunlight.service.catalog import catalog_from_dict

TODAY = dt.date(2026, 12, 24)
RECORD = "MC-2026-0080"
DOC_NO = "明城管罚决字〔2026〕第000080号"


def catalog():  # type: ignore[no-untyped-def]
    data = catalog_dict()
    data["decisions"] = [RECORD, "MC-2026-0081"]
    data["decision_doc_nos"] = {RECORD: DOC_NO, "MC-2026-0081": "明城管许字〔2026〕第000001号"}
    return catalog_from_dict(data)


@pytest.mark.parametrize(
    "written",
    [
        DOC_NO,
        "明城管罚决字[2026]80号",  # half-width brackets, no 第, no leading zeros
        "明城管罚决字（２０２６）第０００080号",  # full-width parentheses and digits
        " 明城管罚决字〔2026〕第000080号 ",
        RECORD,
        "mc-2026-0080",  # the record id in lower case
    ],
)
def test_a_doc_no_or_record_id_names_the_decision(written: str) -> None:
    values = complaint_values(decision_id=written)
    resolved = resolve_decision(values, catalog())
    assert resolved["decision_id"] == RECORD
    assert validate_complaint(resolved, catalog(), TODAY) == []
    assert values["decision_id"] == written  # the caller's values are not changed


def test_an_unknown_doc_no_is_named_as_the_decision_field() -> None:
    values = resolve_decision(complaint_values(decision_id="明城管罚决字〔2026〕第000099号"), catalog())
    assert values["decision_id"] == "明城管罚决字〔2026〕第000099号"  # left as written
    problems = validate_complaint(values, catalog(), TODAY)
    assert [p.field for p in problems] == ["decision_id"]
    assert "执法决定" in problems[0].zh and problems[0].en


def test_feedback_takes_a_doc_no_too() -> None:
    values = {"category": "correction", "subject": "当事人名称有误", "description": "名称少了一个字。"}
    resolved = resolve_decision({**values, "decision_id": "明城管许字(2026)1号"}, catalog())
    assert resolved["decision_id"] == "MC-2026-0081"
    assert validate_feedback(resolved, catalog(), TODAY) == []


def test_without_a_decision_nothing_changes() -> None:
    values = complaint_values()
    assert resolve_decision(values, catalog()) == values
