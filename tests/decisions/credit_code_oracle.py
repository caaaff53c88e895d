"""An independent oracle for 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714-1997).

Written from the standards, not from ``sunlight.domain.credit_code``: the character values come
from ``int(c, 36)`` for GB 11714 and from the position in the standard's character list for
GB 32100; the GB 32100 weights are 3**i mod 31 (the standard's weights 1, 3, 9, 27, 19, ...).
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

# GB 32100-2015 §4.2: digits and upper-case letters without I, O, S, V, Z
CODE_SET = "".join(c for c in string.digits + string.ascii_uppercase if c not in "IOSVZ")

# GB 32100-2015 附录A 表A.1: registration authority -> its organisation type codes
AUTHORITY_TYPES = {
    "1": "1239",  # 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
    "2": "19",  # 外交: 外国常住新闻机构, 其他
    "3": "123459",  # 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
    "4": "19",  # 文化: 外国在华文化中心, 其他
    "5": "1239",  # 民政: 社会团体, 民办非企业单位, 基金会, 其他
    "6": "129",  # 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地代表机构, 其他
    "7": "129",  # 宗教: 宗教活动场所, 宗教院校, 其他
    "8": "19",  # 工会: 基层工会, 其他
    "9": "123",  # 工商: 企业, 个体工商户, 农民专业合作社
    "A": "19",  # 中央军委改革和编制办公室: 军队事业单位, 其他
    "N": "1239",  # 农业: 组级, 村级, 乡镇级集体经济组织, 其他
    "Y": "1",  # 其他: 不再具体划分机构类别
}


def oracle_check_18(first17: str) -> str:
    total = sum(CODE_SET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return CODE_SET[(31 - total % 31) % 31]


def oracle_check_9(first8: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(first8, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    remainder = 11 - total % 11
    return {10: "X", 11: "0"}.get(remainder, str(remainder))


@st.composite
def valid_codes(draw: st.DrawFn) -> str:
    """Structurally valid codes, built with the oracle."""
    authority = draw(st.sampled_from(sorted(AUTHORITY_TYPES)))
    kind = draw(st.sampled_from(AUTHORITY_TYPES[authority]))
    area = draw(st.text(alphabet=string.digits, min_size=6, max_size=6))
    org8 = draw(st.text(alphabet=CODE_SET, min_size=8, max_size=8))
    first17 = authority + kind + area + org8 + oracle_check_9(org8)
    return first17 + oracle_check_18(first17)
