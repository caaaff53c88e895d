"""统一社会信用代码 (unified social credit code) check character, GB 32100-2015.

The 18th character is a check character over the first 17. The character set leaves out
I, O, S, V and Z; each character's value is its index in ``CHARSET``.
"""

from __future__ import annotations

import operator
import re

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WELL_FORMED = re.compile(f"[{CHARSET}]{{17}}", re.ASCII)  # runs for every row of a feed


def check_character(first17: str) -> str:
    """The check character for the first 17 characters of a code.

    Raises ``ValueError`` when the input is not 17 characters of the code's character set.
    """
    body = first17.upper()
    if not _WELL_FORMED.fullmatch(body):
        raise ValueError(f"not 17 characters of the credit-code set: {first17!r}")
    total = sum(map(operator.mul, map(_VALUE.__getitem__, body), WEIGHTS))
    check = 31 - total % 31
    return CHARSET[0 if check == 31 else check]


def credit_code_problem(code: str) -> tuple[str, str] | None:
    """``None`` when ``code`` is a valid credit code, else a (Chinese, English) message."""
    code = code.strip().upper()
    if len(code) != 18:
        return ("统一社会信用代码应为18位", "must be 18 characters")
    bad = [] if _WELL_FORMED.match(code) and code[17] in _VALUE else [c for c in code if c not in _VALUE]
    if bad:
        return ("统一社会信用代码含非法字符", f"contains characters outside the code set: {''.join(bad)}")
    if check_character(code[:17]) != code[17]:
        return ("统一社会信用代码校验位错误", "check digit is wrong")
    return None


def is_valid_credit_code(code: str) -> bool:
    return credit_code_problem(code) is None
