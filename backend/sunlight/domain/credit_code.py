"""统一社会信用代码 (unified social credit code), GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》.

An 18-character code in five parts:

====== ===================================== =============================================
 pos    part                                  rule
====== ===================================== =============================================
 1      登记管理部门码 (registration authority) one of ``ORGANISATION_TYPES`` (附录A 表A.1)
 2      机构类别码 (organisation type)          a type that authority uses (same table)
 3-8    登记管理机关行政区划码 (area code)       6 digits (GB/T 2260)
 9-17   主体标识码 / 组织机构代码 (GB 11714)     8 characters and their own check character
 18     校验位 (check character)               over the first 17 (GB 32100-2015 §5)
====== ===================================== =============================================

The character set leaves out I, O, S, V and Z; each character's value is its index in
``CHARSET``. The organisation code's check character follows GB 11714-1997 instead: values
0-9 and A=10 ... Z=35, weights 3 7 9 10 5 8 4 2, ``11 - sum mod 11`` with 10 written X and 11
written 0. Input is normalised first (NFKC, so full-width characters count, and upper case).
"""

from __future__ import annotations

import operator
import re
import unicodedata

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WELL_FORMED = re.compile(f"[{CHARSET}]{{17}}", re.ASCII)  # runs for every row of a feed

# GB 32100-2015 附录A 表A.1 登记管理部门代码和机构类别代码: authority -> (name, {type: name})
ORGANISATION_TYPES: dict[str, tuple[str, dict[str, str]]] = {
    "1": ("机构编制", {"1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"}),
    "2": ("外交", {"1": "外国常住新闻机构", "9": "其他"}),
    "3": (
        "司法行政",
        {
            "1": "律师执业机构",
            "2": "公证处",
            "3": "基层法律服务所",
            "4": "司法鉴定机构",
            "5": "仲裁委员会",
            "9": "其他",
        },
    ),
    "4": ("文化", {"1": "外国在华文化中心", "9": "其他"}),
    "5": ("民政", {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"}),
    "6": (
        "旅游",
        {"1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构", "9": "其他"},
    ),
    "7": ("宗教", {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"}),
    "8": ("工会", {"1": "基层工会", "9": "其他"}),
    "9": ("工商", {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
    "A": ("中央军委改革和编制办公室", {"1": "军队事业单位", "9": "其他"}),
    "N": ("农业", {"1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他"}),
    "Y": ("其他", {"1": "不再具体划分机构类别"}),
}

# GB 11714-1997 组织机构代码: weights of the 8 body characters
ORGANISATION_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def normalise_credit_code(code: str) -> str:
    """Full-width characters folded (NFKC), surrounding spaces dropped, upper case."""
    return unicodedata.normalize("NFKC", code).strip().upper()


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


def organisation_code_check(first8: str) -> str:
    """The GB 11714 check character of an 8-character organisation code body (digits, A-Z)."""
    body = first8.upper()
    if len(body) != 8 or not body.isascii() or not body.isalnum():
        raise ValueError(f"not 8 digits or letters: {first8!r}")
    total = sum(int(c, 36) * w for c, w in zip(body, ORGANISATION_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def complete_credit_code(first16: str) -> str:
    """The whole code for its first 16 characters: the organisation code's check character
    (position 17) and the code's check character (position 18) appended."""
    first17 = first16 + organisation_code_check(first16[8:16])
    return first17 + check_character(first17)


def credit_code_problem(code: str) -> tuple[str, str] | None:
    """``None`` when ``code`` is a valid credit code, else a (Chinese, English) message naming the part."""
    code = normalise_credit_code(code)
    if len(code) != 18:
        return ("统一社会信用代码应为18位", "must be 18 characters")
    bad = [] if _WELL_FORMED.match(code) and code[17] in _VALUE else [c for c in code if c not in _VALUE]
    if bad:
        return ("统一社会信用代码含非法字符", f"contains characters outside the code set: {''.join(bad)}")
    authority = ORGANISATION_TYPES.get(code[0])
    if authority is None:
        return (
            f"统一社会信用代码登记管理部门码错误（第1位“{code[0]}”不在GB 32100-2015表A.1中）",
            f"registration authority code (position 1) {code[0]!r} is not in GB 32100-2015 table A.1",
        )
    name, types = authority
    if code[1] not in types:
        return (
            f"统一社会信用代码机构类别码错误（第2位“{code[1]}”不是{name}（{code[0]}）的机构类别）",
            f"organisation type code (position 2) {code[1]!r} is not a type of registration authority "
            f"{code[0]} ({name}): {', '.join(types)}",
        )
    if not code[2:8].isdigit():
        return (
            "统一社会信用代码登记管理机关行政区划码应为6位数字（第3-8位）",
            f"registration area code (positions 3-8) must be 6 digits: {code[2:8]}",
        )
    if organisation_code_check(code[8:16]) != code[16]:
        return (
            "统一社会信用代码组织机构代码校验位错误（第17位，GB 11714）",
            f"organisation code check character (position 17, GB 11714) is wrong: {code[8:17]}",
        )
    if check_character(code[:17]) != code[17]:
        return ("统一社会信用代码校验位错误", "check digit is wrong")
    return None


def is_valid_credit_code(code: str) -> bool:
    return credit_code_problem(code) is None
