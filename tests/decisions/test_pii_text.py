"""The character classes of ``sunlight.domain.pii_text`` are what ``unicodedata`` says, and the
screen's first look on raw text never misses what the scan of the normalised text finds.

``python -m tests.decisions.test_pii_text`` prints the classes for this Python's Unicode
version (paste them into ``pii_text.py`` when a new Python changes them)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from sunlight.domain import pii, pii_text

EXTRA_DASHES = "\u2212\u2796./\u00b7\u2022\u2027\u2219\u22c5\u2044\u2215\u30fb"  # minus, dots, slashes
PARENS = "()"  # "(0571)8765 4321" is read as 0571-8765 4321


def ranges(chars: list[str]) -> str:
    """A regular-expression class body for ``chars`` (ranges of consecutive code points)."""
    cps = sorted({ord(c) for c in chars})
    out, i = [], 0

    def esc(cp: int) -> str:
        if cp < 0x80 and chr(cp).isalnum():
            return chr(cp)
        return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"

    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1 and (cps[j] + 1 != 0x10000):
            j += 1
        out.append(esc(cps[i]) if i == j else esc(cps[i]) + ("-" if j > i + 1 else "") + esc(cps[j]))
        i = j + 1
    return "".join(out)


def every_character() -> list[str]:
    return [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]


def base_classes(chars: list[str]) -> dict[str, str]:
    """What ``normalise`` maps after NFKC, from the Unicode categories (independent of pii)."""

    def stable(c: str) -> bool:
        return unicodedata.normalize("NFKC", c) == c

    cat = unicodedata.category
    dashes = [c for c in chars if cat(c) == "Pd" and c != "-" and stable(c)] + list(EXTRA_DASHES)
    return {
        "DASHES": ranges(dashes),
        "SPACES": ranges([c for c in chars if (cat(c) == "Zs" or c == "\t") and c != " " and stable(c)]),
        "VANISH": ranges([c for c in chars if cat(c) == "Cf" and stable(c)]),
        "OTHER_DIGITS": ranges(
            [c for c in chars if not "0" <= c <= "9" and stable(c) and unicodedata.digit(c, None) is not None]
        ),
    }


def raw_classes(chars: list[str]) -> dict[str, str]:
    """Each character by what ``normalise`` makes of it: one digit, separators only (or nothing,
    or a parenthesis), digits with something else (exotic); and the characters that may begin
    a phone or account label. RAW_RARE: those of them outside the common small classes."""
    digit, separator, exotic, label = set(), set(), set(), set()
    for c in chars:
        norm = pii_text.normalise(c)
        if len(norm) == 1 and "0" <= norm <= "9":
            digit.add(c)
        elif all(n in " -" for n in norm) or norm in PARENS:
            separator.add(c)
        elif any("0" <= n <= "9" for n in norm):
            exotic.add(c)
        if any(first in norm.lower() for first in pii_text.HIT_LABEL_FIRST):
            label.add(c)
    common_digits = {c for c in chars if re.fullmatch(f"[{pii_text.COMMON_DIGITS}]", c)}
    common_separators = {c for c in chars if re.fullmatch(f"[{pii_text.COMMON_SEPARATORS}]", c)}
    common_labels = {c for c in chars if re.fullmatch(f"[{pii_text.COMMON_LABEL_STARTS}]", c)}
    assert common_digits <= digit and common_separators <= separator and common_labels <= label
    # Characters that may compose with the one before (NFC's second characters, and what
    # normalises to one): with them the raw text may be longer than the normalised one.
    seconds = set()
    for c in chars:
        parts = unicodedata.decomposition(c).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    composing = {c for c in chars if any(n in seconds for n in unicodedata.normalize("NFKC", c))}
    vanishing = {c for c in chars if not pii_text.normalise(c)}
    rare = (digit - common_digits) | (separator - common_separators) | exotic | (label - common_labels)
    rare |= composing | vanishing
    return {"RAW_RARE": ranges([c for c in rare if ord(c) <= 0xFFFF])}  # any beyond: unsure anyway


def test_character_classes_match_unicodedata() -> None:
    chars = every_character()
    for name, value in {**base_classes(chars), **raw_classes(chars)}.items():
        assert getattr(pii_text, name) == value, name


def test_label_first_characters_cover_the_labels_that_make_a_number() -> None:
    alternatives = re.findall(r"\(\?P<(account|phone)>([^)]*)\)", pii._LABEL.pattern)
    assert {kind for kind, _ in alternatives} == {"account", "phone"}
    for _, body in alternatives:
        for label in body.split("|"):
            assert label[0].lower() in pii_text.HIT_LABEL_FIRST, label
            assert len(label) + pii_text.LABEL_REACH <= pii_text.LABEL_SPAN, label
    assert set(pii_text.HIT_LABEL_FIRST) <= set(
        re.sub(r"\\u(....)", lambda m: chr(int(m[1], 16)), pii_text.COMMON_LABEL_STARTS)
    )


def test_labels_at_their_full_reach_are_seen_by_the_first_look() -> None:
    filler = "：（白天工作时间） "  # ten characters: the farthest a label may be from its number
    assert len(filler) == pii_text.LABEL_REACH
    for label in ("联系方式", "phone", "Tel", "开户账号", "银行卡"):
        for number in ("5912 3456", "59123456", "5912-3456"):
            text = f"当事人{label}{filler}{number}。"
            assert pii.scan(text), text
            assert [h for _, h in pii.scan_fields(("id", "facts"), ("MC-2026-0001", text))] == pii.scan(text)


INTERESTING = list("0123456789０１２３４５６７８９①⑩½٣ -－　.·/()（）X电话账号卡第号,，\n") + [
    "\u00a0", "\u200b", "\u2013", "\u2212", "\U0001d7d9", "℡", "联系电话", "账户", "tel", "ＴＥＬ", "注册号",
    "统一社会信用代码", "11010519491231002X", "138", "1234", "5678", "6222", "0212", "3456", "7894",
    "（0571）", "(021)", "87654321", "单号", "开户行：", "　", "\u00ad", "e\u0301",
]  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(INTERESTING), max_size=25).map("".join), st.sampled_from(["facts", "doc_no"]))
def test_first_look_misses_nothing_the_scan_finds(text: str, field: str) -> None:
    if pii_text.LOOKS_LONG.search(pii_text.normalise(text)):
        assert pii_text.may_hold_numbers(text)
    hits = pii._scan(text, field)  # the scan without any first look
    if hits:
        assert pii.scan(text, field) == hits
        names, texts = ("id", field, "kind"), ("MC2026-0001", text, "行政处罚")
        assert [h for _, h in pii.scan_fields(names, texts)] == hits
        assert [h for _, h in pii.scan_fields(names[::-1], texts[::-1])] == hits


if __name__ == "__main__":
    chars = every_character()
    for name, value in {**base_classes(chars), **raw_classes(chars)}.items():
        print(f'{name} = r"{value}"')
