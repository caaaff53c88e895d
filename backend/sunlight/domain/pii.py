"""Screening free text for personal numbers before anything is published.

Every text is first normalised (:func:`normalise`), once, before any check, the quick first
look included: Unicode NFKC (full-width digits, the full-width hyphen and the ideographic
space become ASCII), then every dash, minus, dot, slash and middle dot becomes ``-``, every
other space ``" "``, zero-width characters are dropped and digits of other scripts become
ASCII. What a reader reads as one number is then one run of digits, split by separators.

Scanners (on the normalised text):

- resident ID numbers (居民身份证号码): 18 characters with a plausible region, birth date and
  the ISO 7064 MOD 11-2 check character; and the old 15-digit form (region + YYMMDD + 3). An
  18-character run with a valid region and birth date but a wrong check character is held as
  a *possible* ID (可能是居民身份证号码): when in doubt, hold back;
- mobile numbers: 11 digits ``1[3-9]…``, optionally ``+86``/``86`` and written in groups
  (``138 1234 5678``, ``138-1234-5678``, ``138－1234－5678``);
- landline numbers with an area code: ``021-59123456``, ``(0571)8765 4321``, ``01087654321``;
  and 7-8 digit numbers right after a phone word such as 电话 or 手机;
- bank account numbers (银行账号): 8 or more digits right after 账号, 账户, 卡号, 银行卡 or
  开户 (开户行, 开户账号), whatever their checksum;
- bank card numbers: 16-19 digits passing the Luhn check, written as one run or in groups
  of four;
- any run of 20 or more digits (nothing legitimate in a decision is that long).

Numbers are read as runs of digits split by separators (one to three spaces or ``-``); every
contiguous part of such a run is tried, so an ID number followed by a year is still found.

Context tells a lawful number from a personal one (the nearest label before the number, at
most 10 characters before it and with no digit between, and the field):

- a valid 统一社会信用代码 is removed first, unless it could also be an ID (when in doubt, hold
  back) or, outside a credit-code context, a card (all digits passing Luhn: 1 in 10 of the
  all-digit codes of 机关) or an ID with a wrong check character; a credit-code context is the ``credit_code`` field or the label
  信用代码 (统一社会信用代码) before it;
- a 15-digit number after 注册号 (工商注册号) that passes the GS 15-2006 check (ISO 7064
  MOD 11,10) is an old registration number, not an ID;
- 文书号 serials (the ``doc_no`` field, or a run between 第 and 号) are not cards nor long
  numbers, unless they hold a resident ID;
- a reference label (单号, 编号, 案号, 文号, 批号, 流水号, 序号) closer to the number than a
  phone word means the number is not a landline (联系单号20250928).

A hit is reported with the number masked (:func:`mask_number`) so reports never carry it, its
kind, and the label seen before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sunlight.domain.credit_code import is_valid_credit_code
from sunlight.domain.pii_text import LABEL_REACH, flagged, may_hold_numbers, normalise

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
    "possible_id": ("可能是居民身份证号码", "possible resident ID number"),
    "mobile": ("手机号码", "mobile number"),
    "landline": ("固定电话号码", "landline number"),
    "bank_account": ("银行账号", "bank account number"),
    "bank_card": ("银行卡号", "bank card number"),
    "long_number": ("过长的数字串", "very long number"),
}

_RUN = re.compile(r"(?<![0-9])[0-9]+(?:[ \-]{1,3}[0-9]+)*(?:[Xx](?![A-Za-z])|(?![0-9]))")
_SPLIT = re.compile(r"[ \-]+")
_CREDIT = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")
_LABEL = re.compile(
    r"(?P<account>账号|帐号|账户|帐户|卡号|银行卡|开户)"
    r"|(?P<credit>信用代码)"
    r"|(?P<registration>注册号)"
    r"|(?P<reference>单号|编号|案号|文号|批号|流水号|序号)"
    r"|(?P<phone>电话|手机|联系方式|联系|传真|tel|phone|☎)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9]")
_LANDLINE = re.compile(r"^(?:010|02[0-9]|0[3-9][0-9]{2})[2-9][0-9]{6,7}$")
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")


@dataclass(frozen=True)
class Hit:
    kind: str  # a key of KINDS
    masked: str  # the number with its middle hidden
    label: str = ""  # the label seen before the number (账号, 电话...), if any

    @property
    def zh(self) -> str:
        return KINDS[self.kind][0]

    @property
    def en(self) -> str:
        return KINDS[self.kind][1]

    @property
    def reason(self) -> tuple[str, str]:
        """What was seen, in Chinese and English, for a report."""
        if self.kind == "possible_id":
            zh = "含可能是居民身份证号码的数字（地区码和出生日期有效，校验码不符）"
            en = "contains a possible resident ID number (valid region and birth date, wrong check character)"
        else:
            zh, en = f"含疑似{self.zh}", f"contains what looks like a {self.en}"
        if self.label:
            zh, en = f"{zh}（前有“{self.label}”）", f"{en} (after “{self.label}”)"
        return zh, en


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


def _id_shaped(text: str) -> bool:
    """18 characters with a region and a birth date (1900-2099), whatever the check character."""
    if (
        len(text) != 18
        or text[:2] not in PROVINCES
        or not text[:17].isdigit()
        or text[17] not in "0123456789X"
    ):
        return False
    born = _birth_date(text[6:14])
    return born is not None and 1900 <= born.year <= 2099


def is_resident_id(text: str) -> bool:
    """An 18-character ID (valid region, birth date, check character) or a 15-digit old one."""
    text = text.upper()
    if len(text) == 18:
        return _id_shaped(text) and id_check_character(text[:17]) == text[17]
    if len(text) == 15 and text.isdigit() and text[:2] in PROVINCES:
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


def registration_number_ok(number: str) -> bool:
    """A 15-digit 工商注册号 (GS 15-2006) whose last digit is its ISO 7064 MOD 11,10 check."""
    if len(number) != 15 or not number.isdigit():
        return False
    product = 10
    for char in number[:14]:
        product = ((product + int(char)) % 10 or 10) * 2 % 11
    return (product + int(number[14])) % 10 == 1


def _holds_resident_id(number: str) -> bool:
    """True when some 18 characters of a long run are a valid resident ID."""
    return any(is_resident_id(number[i : i + 18]) for i in range(len(number) - 17))


def _classify(groups: list[str], label: str, doc: bool) -> str | None:
    """The kind of the number written as ``groups``; ``label`` is the kind of label before it
    (a group of ``_LABEL``), ``doc`` whether it is a 文书号 serial."""
    number = "".join(groups).upper()
    length = len(number)
    if length in (15, 18) and is_resident_id(number):
        registration = length == 15 and label == "registration" and registration_number_ok(number)
        return None if registration else "id_number"
    if length == 18 and _id_shaped(number):
        return "possible_id"
    if number.endswith("X"):  # not an ID: the X is a letter after the number
        groups, number, length = [*groups[:-1], groups[-1][:-1]], number[:-1], length - 1
    if not number.isdigit():
        return None
    national = number[2:] if length == 13 and number.startswith("86") else number
    if _MOBILE.match(national) and (len(groups) == 1 or len(groups[0]) in (2, 3, 7, 11)):
        return "mobile"
    card = 16 <= length <= 19 and luhn_ok(number) and all(len(g) == 4 for g in groups[:-1])
    if label == "account" and length >= 8:
        return "bank_card" if card else "bank_account"
    if _LANDLINE.match(number) and len(groups) <= 3 and len(groups[0]) in (3, 4, 10, 11, 12):
        return "landline"
    if doc and length >= 16:
        return "id_number" if _holds_resident_id(number) else None
    if card:
        return "bank_card"
    if label == "phone" and 7 <= length <= 8 and len(groups) <= 2 and number[0] not in "01":
        return "landline"
    if length >= 20 and len(groups) == 1:
        return "long_number"
    return None


def _label_before(norm: str, start: int) -> tuple[str, str]:
    """(kind, text) of the nearest label before ``start`` with no digit between, or ("", "")."""
    window = norm[max(0, start - 24) : start]
    last = None
    for last in _LABEL.finditer(window):  # noqa: B007 - the last one is the nearest
        pass
    if last is None or len(window) - last.end() > LABEL_REACH or _DIGIT.search(window, last.end()):
        return "", ""
    return last.lastgroup or "", last.group()


def _without_credit_codes(norm: str, field: str) -> str:
    def blank(match: re.Match[str]) -> str:
        code = match.group(0)
        if not is_valid_credit_code(code) or is_resident_id(code):
            return code  # not a credit code, or also an ID: in doubt, hold back
        # Could it be a card or a mistyped ID? Only a credit-code context says it is not.
        doubtful = _id_shaped(code.upper()) or (code.isdigit() and luhn_ok(code))
        if doubtful and field != "credit_code" and _label_before(norm, match.start())[0] != "credit":
            return code
        return " " * len(code)

    return _CREDIT.sub(blank, norm)


def scan(text: str, field: str = "") -> list[Hit]:
    """Every personal number found in ``text`` (empty when none). ``field`` names where the
    text is shown: ``doc_no`` and ``credit_code`` change what a number is taken for."""
    if not text or not may_hold_numbers(text):
        return []
    return _scan(text, field)


def _scan(text: str, field: str) -> list[Hit]:
    """``scan`` after the first look."""
    norm = normalise(text)
    norm = _without_credit_codes(norm, field)
    hits: list[Hit] = []
    for match in _RUN.finditer(norm):
        run = match.group(0)
        if len(run) < 7:
            continue
        kind, label = _label_before(norm, match.start())
        doc = field == "doc_no" or (
            norm[max(0, match.start() - 2) : match.start()].rstrip().endswith("第")
            and norm[match.end() : match.end() + 2].lstrip().startswith("号")
        )
        hits.extend(_scan_groups(_SPLIT.split(run), kind, label, doc))
    return hits


def _scan_groups(groups: list[str], kind: str, label: str, doc: bool) -> list[Hit]:
    """Try every contiguous part of a run of digit groups, longest first; parts do not overlap.
    The label before the run applies to the parts that start the run."""
    hits: list[Hit] = []
    count = len(groups)
    used = [False] * count
    for size in range(count, 0, -1):
        for start in range(count - size + 1):
            if any(used[start : start + size]):
                continue
            part = groups[start : start + size]
            digits = sum(map(len, part))
            # every kind has 7 digits or more; a part of several groups over 40 digits is left to
            # its smaller parts (tried next), but one group is classified however long it is
            if digits < 7 or (digits > 40 and size > 1):
                continue
            found = _classify(part, kind if start == 0 else "", doc)
            if found:
                hits.append(Hit(found, mask_number("".join(part)), label if start == 0 else ""))
                for i in range(start, start + size):
                    used[i] = True
    return hits


def scan_fields(names: Sequence[str], texts: Sequence[str]) -> list[tuple[str, Hit]]:
    """``(name, hit)`` for every hit in the named ``texts``: one cheap first look over all of
    them, then each text that may hold a number is scanned with its name (field) as context."""
    return [
        (names[i], hit)
        for i in flagged(texts)
        if names[i] != "credit_code" or not _plain_credit_code(texts[i])
        for hit in _scan(texts[i], names[i])
    ]


def _plain_credit_code(text: str) -> bool:
    """A valid credit code that is not also an ID: nothing to scan in a ``credit_code`` field."""
    return is_valid_credit_code(text) and not is_resident_id(text)
