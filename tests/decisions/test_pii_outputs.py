"""Property: no personal number the screen holds reaches any published field, whatever its
separators and digit widths, in whatever field of the record (or of its office or power).

Every string of every public decision and withdrawal notice is read after NFKC with all
non-digits removed, so a number survives in no form (spaced, dashed, full-width)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from sunlight.content.model import Office, Power, Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.publication import publish

from .conftest import OFFICES, POWERS, make
from .test_pii import RESIDENT_IDS, STANDARD_EXAMPLE

WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
SEPARATORS = ["", " ", "-", "－", "　", "\u00a0", "\u2013", "\u2212", "\u202f"]
FIELDS = ["party_name", "legal_rep", "facts", "basis", "content", "doc_no", "id", "office_name", "power_name"]
TODAY = dt.date(2025, 12, 1)
CALENDAR = WorkingCalendar()  # built once: a calendar takes a quarter of a second


def luhn_complete(body: str) -> str:
    """``body`` and the digit that makes it pass the Luhn check (written here, not imported)."""
    for last in "0123456789":
        digits = body + last
        total = sum(
            int(c) if i % 2 == 0 else (2 * int(c)) // 10 + (2 * int(c)) % 10
            for i, c in enumerate(reversed(digits))
        )
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


@st.composite
def numbers(draw: st.DrawFn) -> tuple[str, str, list[int]]:
    """(label, number, group sizes): a resident ID, a mobile, a card or an account."""
    kind = draw(st.sampled_from(["id", "id15", "mobile", "card", "account"]))
    if kind == "id":
        number = draw(st.sampled_from([*RESIDENT_IDS.values(), STANDARD_EXAMPLE]))
        return "身份证号", number, [6, 8, 4]
    if kind == "id15":
        return "", "110105491231002", [6, 6, 3]
    if kind == "mobile":
        number = draw(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
        return draw(st.sampled_from(["", "电话", "手机"])), number, [3, 4, 4]
    if kind == "card":
        length = draw(st.integers(16, 19))
        number = luhn_complete("62" + draw(st.from_regex(f"[0-9]{{{length - 3}}}", fullmatch=True)))
        return draw(st.sampled_from(["卡号", "银行卡"])), number, [4, 4, 4, 4, 3]
    length = draw(st.integers(10, 22))
    number = draw(st.from_regex(f"[1-9][0-9]{{{length - 1}}}", fullmatch=True))
    return draw(st.sampled_from(["账号", "银行账号", "对公账户：", "开户行账号 "])), number, [4] * 6


def written(number: str, groups: list[int], sep: str, wide: bool) -> str:
    parts, at = [], 0
    for size in groups:
        if at < len(number):
            parts.append(number[at : at + size])
            at += size
    if at < len(number):
        parts[-1] += number[at:]
    text = sep.join(parts)
    return text.translate(WIDE) if wide else text


def digits_only(value: object) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", str(value)) if c.isdigit())


def shown(result) -> list[str]:
    out = [digits_only(v) for p in result.public for v in p]
    out += [digits_only(getattr(n, f.name)) for n in result.withdrawn for f in dataclasses.fields(n)]
    out += [digits_only(n.text) for n in result.withdrawn]
    return out


@settings(max_examples=200, deadline=None)
@given(
    number=numbers(),
    sep=st.sampled_from(SEPARATORS),
    wide=st.booleans(),
    where=st.sampled_from(FIELDS),
    withdrawn=st.booleans(),
)
def test_no_held_number_reaches_any_output(number, sep, wide, where, withdrawn) -> None:
    label, digits, groups = number
    text = f"{label}{written(digits, groups, sep, wide)}"
    offices, powers = OFFICES, POWERS
    fields: dict[str, object] = {}
    if where == "office_name":
        offices = [
            *OFFICES[:1],
            Office(id="squad-a", name=f"新镇中队（{text}）", kind="squad", parent="bureau"),
        ]
    elif where == "power_name":
        powers = [
            Power(code="330217001000", name=f"对擅自占用城市道路的处罚{text}", type="行政处罚", domain="市政")
        ]
    elif where == "doc_no":
        fields["doc_no"] = f"明城管罚决字〔2025〕第{text}号"
    else:
        fields[where] = f"当事人{text}。" if where != "id" else f"D{text}"
    if withdrawn:
        fields.update(status="撤销", status_on=dt.date(2025, 10, 20))
    result = publish(
        [make(**fields)],
        offices=offices,
        powers=powers,
        policy=Publication(),
        calendar=CALENDAR,
        today=TODAY,
    )
    assert not any(digits in value for value in shown(result))
    if not withdrawn or where in ("doc_no", "id", "office_name"):  # what a notice shows
        assert result.held, "the number was neither shown nor reported"
