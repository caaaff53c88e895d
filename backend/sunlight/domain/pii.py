"""Screening free text for personal numbers before anything is published.

Scanners (each on the text after Unicode NFKC, so full-width digits count):

- resident ID numbers (居民身份证号码): 18 characters with a plausible region, birth date and
  the ISO 7064 MOD 11-2 check character; and the old 15-digit form (region + YYMMDD + 3);
- mobile numbers: 11 digits ``1[3-9]…``, optionally ``+86``/``86`` and written in groups
  (``138 1234 5678``, ``138-1234-5678``);
- landline numbers with an area code: ``021-59123456``, ``(0571)8765 4321``, ``01087654321``;
  and 7-8 digit numbers right after a word such as 电话 or 手机;
- bank card numbers: 16-19 digits passing the Luhn check, written as one run or in groups
  of four;
- any run of 20 or more digits (nothing legitimate in a decision is that long).

Numbers are read as runs of digits that may be split by single spaces or hyphens; every
contiguous part of such a run is tried, so an ID number followed by a year is still found.
A valid 统一社会信用代码 is removed first unless it could also be an ID or card number
(all digits and a valid ID, or passing Luhn: when in doubt, hold back), so credit codes, 文书号 (嘉城管罚决字〔2025〕第000123号), amounts (20000.00元) and dates do not hit.

A hit is reported with the number masked (:func:`mask_number`) so reports never carry it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from sunlight.domain.credit_code import is_valid_credit_code

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# First two digits of resident ID numbers: provinces, plus 71 (台湾), 81/82 (港澳), 83 (港澳台居住证).
PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)
KINDS = {
    "id_number": ("居民身份证号码", "resident ID number"),
    "mobile": ("手机号码", "mobile number"),
    "landline": ("固定电话号码", "landline number"),
    "bank_card": ("银行卡号", "bank card number"),
    "long_number": ("过长的数字串", "very long number"),
}

_RUN = re.compile(r"(?<![0-9])[0-9]+(?:[ \-][0-9]+)*[Xx]?(?![0-9])")
_PAREN_AREA = re.compile(r"\((0[1-9][0-9]{1,2})\)\s*")
_CREDIT = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")
_PHONE_WORD = re.compile(r"(?:电话|手机|联系方式|联系|号码|tel|phone|☎)[^0-9]{0,6}$", re.IGNORECASE)
_LANDLINE = re.compile(r"^(?:010|02[0-9]|0[3-9][0-9]{2})[2-9][0-9]{6,7}$")
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
# Cheap first look: seven digits, possibly grouped, full-width or not. Texts without are clean.
_LOOKS_LONG = re.compile(r"[0-9０-９](?:[ \-]?[0-9０-９]){6}")


@dataclass(frozen=True)
class Hit:
    kind: str  # a key of KINDS
    masked: str  # the number with its middle hidden

    @property
    def zh(self) -> str:
        return KINDS[self.kind][0]

    @property
    def en(self) -> str:
        return KINDS[self.kind][1]


def mask_number(number: str) -> str:
    """``13812345678`` -> ``138******78``: enough to find it in the source, not to use it."""
    digits = re.sub(r"[ \-]", "", number)
    if len(digits) <= 6:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


def id_check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of an 18-character ID number."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def _birth_date(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def is_resident_id(text: str) -> bool:
    """An 18-character ID (valid region, birth date, check character) or a 15-digit old one."""
    text = text.upper()
    if text[:2] not in PROVINCES:
        return False
    if len(text) == 18 and text[:17].isdigit() and (text[17].isdigit() or text[17] == "X"):
        born = _birth_date(text[6:14])
        return born is not None and born.year >= 1900 and id_check_character(text[:17]) == text[17]
    if len(text) == 15 and text.isdigit():
        return _birth_date("19" + text[6:12]) is not None
    return False


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _classify(groups: list[str], keyword_before: bool) -> str | None:
    number = "".join(groups)
    length = len(number)
    if length in (15, 18) and is_resident_id(number):
        return "id_number"
    if not number.isdigit():
        return None
    national = number[2:] if length == 13 and number.startswith("86") else number
    if _MOBILE.match(national) and (len(groups) == 1 or len(groups[0]) in (2, 3, 7, 11)):
        return "mobile"
    if _LANDLINE.match(number) and len(groups) <= 3 and len(groups[0]) in (3, 4, 10, 11, 12):
        return "landline"
    if 16 <= length <= 19 and luhn_ok(number) and all(len(g) == 4 for g in groups[:-1]):
        return "bank_card"
    if keyword_before and 7 <= length <= 8 and len(groups) <= 2 and number[0] not in "01":
        return "landline"
    if length >= 20 and len(groups) == 1:
        return "long_number"
    return None


def _without_credit_codes(text: str) -> str:
    def blank(match: re.Match[str]) -> str:
        code = match.group(0)
        ambiguous = is_resident_id(code) or (code.isdigit() and luhn_ok(code))
        if is_valid_credit_code(code) and not ambiguous:
            return " " * len(code)
        return code

    return _CREDIT.sub(blank, text)


def may_hold_numbers(text: str) -> bool:
    """False when ``text`` has no run of seven digits, so ``scan`` would find nothing. A cheap
    first look: texts joined with newlines can be looked at once (no run spans a newline)."""
    return _LOOKS_LONG.search(text) is not None


def scan(text: str) -> list[Hit]:
    """Every personal number found in ``text`` (empty when none)."""
    if not text or not _LOOKS_LONG.search(text):
        return []
    norm = unicodedata.normalize("NFKC", text)
    norm = _without_credit_codes(_PAREN_AREA.sub(r"\1-", norm))
    hits: list[Hit] = []
    for match in _RUN.finditer(norm):
        groups = re.split(r"[ \-]", match.group(0))
        if len(match.group(0)) < 7:
            continue
        keyword = bool(_PHONE_WORD.search(norm[max(0, match.start() - 12) : match.start()]))
        found = _scan_groups(groups, keyword)
        hits.extend(found)
    return hits


def _scan_groups(groups: list[str], keyword: bool) -> list[Hit]:
    """Try every contiguous part of a run of digit groups, longest first; parts do not overlap."""
    hits: list[Hit] = []
    count = len(groups)
    used = [False] * count
    for size in range(count, 0, -1):
        for start in range(count - size + 1):
            if any(used[start : start + size]):
                continue
            part = groups[start : start + size]
            if sum(len(g) for g in part) > 40:
                continue
            kind = _classify(part, keyword and start == 0)
            if kind:
                hits.append(Hit(kind, mask_number("".join(part))))
                for i in range(start, start + size):
                    used[i] = True
    return hits
