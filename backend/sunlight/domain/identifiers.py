"""Identifiers of a decision as people write them: one key for every spelling.

A 决定文书号 is written with brackets of any width, with or without 第 and the serial's leading
zeros (明城管罚决字〔2026〕第000051号, 明城管罚决字[2026]51号, 明城管罚决字（２０２６）第51号); a
record id in any case (mc-2026-0080). ``normalise_identifier`` gives each the same key. The
site's identifier lookup (``sunlight_site.decisions.lookup``, mirrored in ``lookup.js``) and the complaint
intake (a 文书号 named instead of the record id) both use it. Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata

# Brackets of every width, 第 and 号 of a 文书号, and punctuation: boundaries between the parts of
# an identifier (after NFKC, which turns full-width brackets, digits and letters into ASCII).
_BOUNDARY = re.compile(r"[\[\](){}〔〕【】〈〉《》「」『』〖〗<>第号\-_/\\·.,，、:：;；#\"'“”‘’]")
_SPACE = re.compile(r"\s+")
# A year written straight before the serial (明城管罚决字2026000051号): the year is its own part.
_GLUED_YEAR = re.compile(r"(?<=字)((?:19|20)[0-9]{2})(?=[0-9])")
_DIGITS = re.compile(r"[0-9]+")
_LATIN = re.compile(r"[A-Z]")
_BETWEEN_NUMBERS = re.compile(r"(?<=[0-9])\|+(?=[0-9])")


def normalise_identifier(text: str) -> str:
    """The lookup key of ``text``: NFKC (full-width to half-width), upper case, no spaces; brackets,
    第, 号 and punctuation dropped, a run of digits between two of them written as one ``-``; a
    number not touching a Latin letter loses its leading zeros (the serial of a 文书号, 000051).

    明城管罚决字〔2026〕第000051号, 明城管罚决字[2026]51号 and 明城管罚决字（２０２６）第51号 all give
    明城管罚决字2026-51; mc-2026-0080 gives MC2026-80; a credit code keeps every zero."""
    s = _SPACE.sub("", unicodedata.normalize("NFKC", text).upper())
    s = _GLUED_YEAR.sub(r"\1|", s)
    s = _BOUNDARY.sub("|", s)

    def number(m: re.Match[str]) -> str:
        before = s[m.start() - 1] if m.start() else ""
        after = s[m.end()] if m.end() < len(s) else ""
        if _LATIN.match(before) or _LATIN.match(after):
            return m.group()
        return m.group().lstrip("0") or "0"

    s = _DIGITS.sub(number, s)
    return _BETWEEN_NUMBERS.sub("-", s).replace("|", "")
