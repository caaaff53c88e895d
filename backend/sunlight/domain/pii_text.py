"""Text as the personal-number screen reads it, and its cheap first look (``sunlight.domain.pii``).

:func:`normalise`: Unicode NFKC (full-width digits, the full-width hyphen and the ideographic
space become ASCII), then DASHES become ``-`` (dashes, minus signs, dots, slashes, middle dots),
SPACES ``" "``, VANISH is dropped (format characters: zero-width spaces, soft hyphens,
direction marks) and OTHER_DIGITS (decimal digits of other scripts, circled digits) become ASCII
digits. What a reader reads as one number is then one run of digits split by separators.

The first look decides, without normalising, whether a text may hold a number the scanners
would find. It is exact with respect to normalisation: the RAW_ classes sort every character
by what :func:`normalise` makes of it (one digit; separators only, nothing, or a parenthesis;
a digit with something else, "exotic": ½, ⑩), so "seven raw digits split only by raw
separators" matches wherever the normalised text has seven digits split by separators. A text
with an exotic character, or any character beyond U+FFFF (rare), is normalised before the look.
A run of fewer than ten digits is a personal number only after a phone or account label, so
:func:`flagged` also wants a character that can begin one (RAW_LABEL_START) before such a run.

The classes are bodies of regular-expression classes written out from ``unicodedata``
(Python 3.11) by ``python -m tests.decisions.test_pii_text``, whose tests check them against the
running Python and check that the first look never misses what the scan finds.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from itertools import accumulate

# First characters of the labels that make a short run a number (pii._LABEL: account, phone).
HIT_LABEL_FIRST = "账帐卡银开电手联传☎tp"

DASHES = r"\u002e\u002f\u00b7\u058a\u05be\u1400\u1806\u2010\u2012-\u2015\u2022\u2027\u2044\u2212\u2215\u2219\u22c5\u2796\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\u30fb\U00010ead"
SPACES = r"\u0009\u1680"
VANISH = r"\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
OTHER_DIGITS = r"\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u1090-\u1099\u1369-\u1371\u17e0-\u17e9\u1810-\u1819\u1946-\u194f\u19d0-\u19da\u1a80-\u1a89\u1a90-\u1a99\u1b50-\u1b59\u1bb0-\u1bb9\u1c40-\u1c49\u1c50-\u1c59\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\ua620-\ua629\ua8d0-\ua8d9\ua900-\ua909\ua9d0-\ua9d9\ua9f0-\ua9f9\uaa50-\uaa59\uabf0-\uabf9\U000104a0-\U000104a9\U00010a40-\U00010a43\U00010d30-\U00010d39\U00010e60-\U00010e68\U00011052-\U0001105a\U00011066-\U0001106f\U000110f0-\U000110f9\U00011136-\U0001113f\U000111d0-\U000111d9\U000112f0-\U000112f9\U00011450-\U00011459\U000114d0-\U000114d9\U00011650-\U00011659\U000116c0-\U000116c9\U00011730-\U00011739\U000118e0-\U000118e9\U00011950-\U00011959\U00011c50-\U00011c59\U00011d50-\U00011d59\U00011da0-\U00011da9\U00016a60-\U00016a69\U00016ac0-\U00016ac9\U00016b50-\U00016b59\U0001e140-\U0001e149\U0001e2f0-\U0001e2f9\U0001e950-\U0001e959"
RAW_RARE = r"\u00a8\u00ad\u00af\u00b2-\u00b4\u00b8\u00b9\u00bc-\u00be\u02d8-\u02dd\u0300-\u0304\u0306-\u030c\u030f\u0311\u0313\u0314\u031b\u0323-\u0328\u032d\u032e\u0330\u0331\u0338\u0340-\u0345\u037a\u0384\u0385\u0387\u058a\u05b4\u05b7-\u05b9\u05bc\u05be\u05bf\u05c1\u05c2\u0600-\u0605\u061c\u0653-\u0655\u0660-\u0669\u06dd\u06f0-\u06f9\u070f\u07c0-\u07c9\u0890\u0891\u08e2\u093c\u0958-\u095f\u0966-\u096f\u09bc\u09be\u09d7\u09dc\u09dd\u09df\u09e6-\u09ef\u0a33\u0a36\u0a3c\u0a59-\u0a5b\u0a5e\u0a66-\u0a6f\u0ae6-\u0aef\u0b3c\u0b3e\u0b56\u0b57\u0b5c\u0b5d\u0b66-\u0b6f\u0bbe\u0bd7\u0be6-\u0bef\u0c56\u0c66-\u0c6f\u0cc2\u0cd5\u0cd6\u0ce6-\u0cef\u0d3e\u0d57\u0d66-\u0d6f\u0dca\u0dcf\u0ddf\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u0f43\u0f4d\u0f52\u0f57\u0f5c\u0f69\u0f72-\u0f79\u0f80\u0f81\u0f93\u0f9d\u0fa2\u0fa7\u0fac\u0fb5\u0fb7\u0fb9\u102e\u1040-\u1049\u1090-\u1099\u1369-\u1371\u1400\u1680\u17e0-\u17e9\u1806\u180e\u1810-\u1819\u1946-\u194f\u19d0-\u19da\u1a80-\u1a89\u1a90-\u1a99\u1b35\u1b50-\u1b59\u1bb0-\u1bb9\u1c40-\u1c49\u1c50-\u1c59\u1d3e\u1d40\u1d56\u1d57\u1fbd\u1fbf-\u1fc1\u1fcd-\u1fcf\u1fdd-\u1fdf\u1fed\u1fee\u1ffd\u1ffe\u2000-\u2015\u2022\u2024-\u2027\u202a-\u202f\u2044\u205f-\u2064\u2066-\u2070\u2074-\u2079\u207b\u207d\u207e\u2080-\u2089\u208b\u208d\u208e\u209a\u209c\u2119\u2121\u2122\u2150-\u215f\u2189\u2212\u2215\u2219\u22c5\u2460-\u249b\u24ab\u24af\u24c5\u24c9\u24df\u24e3\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u2796\u2adc\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u2f3f\u301c\u3030\u3099-\u309c\u30a0\u30fb\u3250-\u325f\u32b1-\u32cb\u32cf\u3358-\u3371\u3376\u3378\u3379\u3380\u338a\u3394\u339f-\u33a6\u33a8-\u33ac\u33af\u33b0\u33b4\u33ba\u33cb\u33cf\u33d7-\u33da\u33e0-\u33fe\ua620-\ua629\ua8d0-\ua8d9\ua900-\ua909\ua9d0-\ua9d9\ua9f0-\ua9f9\uaa50-\uaa59\uabf0-\uabf9\ufb05\ufb06\ufb1d\ufb1f\ufb2a-\ufb36\ufb38-\ufb3c\ufb3e\ufb40\ufb41\ufb43\ufb44\ufb46-\ufb4e\ufe19\ufe30-\ufe32\ufe35\ufe36\ufe52\ufe58-\ufe5a\ufe63\ufeff\uff30\uff34\uff50\uff54\uff65\uff9e\uff9f\uffe3\ufff9-\ufffb"

_DASHES = re.compile(f"[{DASHES}]")
_SPACES = re.compile(f"[{SPACES}]")
_VANISH = re.compile(f"[{VANISH}]")
_OTHER_DIGIT = re.compile(f"[{OTHER_DIGITS}]")
_PAREN_AREA = re.compile(r"\((0[1-9][0-9]{1,2})\) *")
# Seven digits, possibly split by separators: every personal number has at least seven.
LOOKS_LONG = re.compile(r"[0-9](?:[ \-]{0,3}[0-9]){6}")

# The first look on raw text. Characters common in decisions are looked at with small classes;
# a text with any other character that normalises to a digit or a separator, or that may begin
# a label (RAW_RARE, or any character beyond U+FFFF), is normalised before the look.
COMMON_DIGITS = "0-9\uff10-\uff19"  # ASCII and full-width
COMMON_SEPARATORS = " \t\\-./()\u00a0\u00b7\u3000\uff08\uff09\uff0d\uff0e\uff0f"
COMMON_LABEL_STARTS = "tpTP\u260e\u4f20\u5361\u5e10\u5f00\u624b\u7535\u8054\u8d26\u94f6"  # 传卡帐开手电联账银
_D = f"[{COMMON_DIGITS}]"
_DIGIT = re.compile(_D)
# A run: a digit, then digits and separators (one character class: a fast loop in ``re``); how
# many digits it has is counted after.
_RAW_RUN = re.compile(f"{_D}[{COMMON_DIGITS}{COMMON_SEPARATORS}]{{6,}}")
# A label start, then at most LABEL_SPAN characters that are not digits, then a run. Raw text
# without RAW_RARE characters is never longer than its normalised form (nothing vanishes or
# composes), so the reach holds on the raw text.
LABEL_REACH = 10  # characters between a label and its number, at most (pii._label_before)
LABEL_SPAN = 18  # from a label's first character to its number: the longest label (5) + reach, + 3 to spare
_RAW_LABELLED_RUN = re.compile(
    f"[{COMMON_LABEL_STARTS}][^{COMMON_DIGITS}]{{0,{LABEL_SPAN}}}?({_RAW_RUN.pattern})"
)
_RAW_UNSURE = re.compile(f"[{RAW_RARE}\U00010000-\U0010ffff]")  # rare, or beyond U+FFFF


def _unsure(text: str) -> bool:
    return _RAW_UNSURE.search(text) is not None


def normalise(text: str) -> str:
    """``text`` as the scanners read it (see the module docstring)."""
    norm = unicodedata.normalize("NFKC", text)
    if norm.isascii():
        norm = norm.replace(".", "-").replace("/", "-").replace("\t", " ")
    else:
        norm = _SPACES.sub(" ", _DASHES.sub("-", _VANISH.sub("", norm)))
        norm = _OTHER_DIGIT.sub(lambda m: str(unicodedata.digit(m.group())), norm)
    return _PAREN_AREA.sub(r"\1-", norm)


def _digits(text: str) -> int:
    return len(_DIGIT.findall(text))


def may_hold_numbers(text: str) -> bool:
    """False when ``text``, once normalised, has no run of seven digits: the scan would find
    nothing. Texts joined with newlines can be looked at once (no run spans a newline)."""
    if _unsure(text):
        return LOOKS_LONG.search(normalise(text)) is not None
    return any(_digits(m.group()) >= 7 for m in _RAW_RUN.finditer(text))


def flagged(texts: Sequence[str]) -> list[int]:
    """Indexes of the ``texts`` that may hold a personal number, in one look over all of them:
    a run of ten digits, or of seven shortly after a character that may begin a phone or
    account label (a run of fewer than ten digits is a personal number only after such a label).
    """
    joined = "\n".join(texts)
    if _unsure(joined):  # rare: look at each text once normalised
        return [i for i, text in enumerate(texts) if may_hold_numbers(text)]
    runs = [m.start() for m in _RAW_RUN.finditer(joined) if len(m.group()) >= 10 and _digits(m.group()) >= 10]
    runs += [m.start(1) for m in _RAW_LABELLED_RUN.finditer(joined) if _digits(m.group(1)) >= 7]
    if not runs:
        return []
    if joined.count("\n") == len(texts) - 1:  # no text holds a newline itself
        return sorted({joined.count("\n", 0, at) for at in runs})
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    return sorted({bisect.bisect_right(starts, at) - 1 for at in runs})
