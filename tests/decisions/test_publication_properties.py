"""Invariants of the publication policy over generated feeds."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from sunlight.content.model import Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.publication import publish

from .conftest import OFFICES, POWERS, make

CAL = WorkingCalendar()
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华"


@st.composite
def decisions(draw: st.DrawFn, index: int):
    decided = draw(st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2026, 10, 31)))
    status = draw(st.sampled_from(["有效", "有效", "撤销", "信用修复"]))
    natural = draw(st.booleans())
    name = draw(st.sampled_from(["欧阳", "王", "司马", "李"])) + draw(st.text(GIVEN, min_size=1, max_size=2))
    return make(
        id=f"G{index}",
        kind=draw(st.sampled_from(["行政处罚", "行政许可", "行政强制"])),
        procedure=draw(st.sampled_from(["一般程序", "一般程序", "简易程序"])),
        party_type="自然人" if natural else "法人",
        party_name=name if natural else "江州示例有限公司",
        credit_code="" if natural else make().credit_code,
        legal_rep=name if natural else "王建国",
        facts=f"当事人{name}占道经营。" + draw(st.sampled_from(["", "", "联系电话13812345678。"])),
        severity=draw(st.sampled_from(["轻微", "一般", "严重"])),
        decided_on=decided,
        published_on=decided + dt.timedelta(days=draw(st.integers(0, 30))),
        status=status,
        status_on=None if status == "有效" else decided + dt.timedelta(days=draw(st.integers(31, 900))),
    )


feeds = st.integers(1, 12).flatmap(lambda n: st.tuples(*[decisions(i) for i in range(n)]))


@settings(max_examples=60, deadline=None)
@given(
    feed=feeds,
    today=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 11, 30)),
    natural=st.sampled_from(["mask", "omit"]),
    rule=st.sampled_from(["lenient", "at_decision", "current"]),
)
def test_every_decision_lands_in_exactly_one_group_and_nothing_personal_is_shown(
    feed, today: dt.date, natural: str, rule: str
) -> None:
    policy = Publication(natural_persons=natural, rule=rule)
    result = publish(list(feed), offices=OFFICES, powers=POWERS, policy=policy, calendar=CAL, today=today)
    groups = [
        *(p.id for p in result.public),
        *(n.id for n in result.withdrawn),
        *result.held_ids,
        *(o.id for o in result.omitted),
    ]
    assert sorted(groups) == sorted(d.id for d in feed)
    by_id = {d.id: d for d in feed}
    for p in result.public:
        d = by_id[p.id]
        assert d.status == "有效" or (d.status_on is not None and d.status_on > today)
        assert p.published_on <= today and p.decided_on <= p.disclosure_until
        assert today <= p.disclosure_until
        assert "1381234" not in repr(p)
        if d.party_type == "自然人":
            assert natural == "mask"
            shown = " ".join(str(v) for v in p)
            assert d.party_name not in shown and p.party_name.endswith("某")
    for notice in result.withdrawn:
        d = by_id[notice.id]
        assert notice.on <= today
        assert d.party_name not in repr(notice) + notice.text
    for problem in result.held:
        assert "13812345678" not in str(problem)
