"""A content directory full of personal data: the sample agency plus a decision feed written here.

Every value in ``PLANTED`` must appear nowhere in the built site: resident ID numbers (in the
``id_number`` column and in free text), mobile and landline numbers, bank card numbers, the
given names of natural persons, and a ``status_reason`` that names a person.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

from sunlight.domain.credit_code import complete_credit_code

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "content"
TODAY = dt.date(2026, 11, 20)

COLUMNS = [
    "id", "doc_no", "kind", "procedure", "party_type", "party_name", "credit_code", "legal_rep", "id_number",
    "facts", "basis", "content", "amount", "office", "power_code", "decided_on", "published_on", "severity",
    "disclosure_until", "status", "status_on", "status_reason", "superseded_by",
]  # fmt: skip


def luhn_card(first: str) -> str:
    """A 19-digit card number passing the Luhn check."""
    for last in "0123456789":
        digits = first + last
        total = 0
        for i, ch in enumerate(reversed(digits)):
            n = int(ch)
            if i % 2:
                n = n * 2 - 9 if n * 2 > 9 else n * 2
            total += n
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def credit(first16: str) -> str:
    """A structurally valid code: GB 11714 and GB 32100 check characters appended."""
    return complete_credit_code(first16)


# Literal resident IDs (check characters computed offline, GB 11643-1999), not with the screen's own function.
ID_COLUMN = "110101199003071233"
ID_IN_TEXT = "320102198001011238"
ID_IN_DOC_NO = "110105196809223592"
MOBILE = "13812345678"
MOBILE_IN_REASON = "13900001111"
LANDLINE = "021-59123456"
CARD = luhn_card("622202123456789012")
WIDE_MOBILE = "137－2468－1357"  # full-width hyphens
ACCOUNT = "6217001234567890123"  # fails the Luhn check: an account, not a card
NATURAL_PERSON = "张三丰"
COMPOUND_PERSON = "欧阳娜娜"
REASON_PERSON = "李四光"

# Strings that must not appear in any output file. Given names are checked with their surname
# and alone (三丰, 娜娜): a masked name keeps only the surname.
PLANTED = [
    ID_COLUMN, ID_IN_TEXT, MOBILE, MOBILE_IN_REASON, "59123456", CARD, WIDE_MOBILE, "13724681357", ACCOUNT, ID_IN_DOC_NO,
    NATURAL_PERSON, "三丰", COMPOUND_PERSON, "娜娜", REASON_PERSON, "四光", "复议机关认定",
]  # fmt: skip

ORG_CODE = credit("91330100MA2B3CD5")
PARTY_ORG = "江州市渣土运输有限公司"


def row(**values: str) -> dict[str, str]:
    base = {k: "" for k in COLUMNS}
    base.update(
        kind="行政处罚", procedure="一般程序", party_type="法人", basis="《城市市容和环境卫生管理条例》第三十四条",
        content="责令改正，罚款人民币5000元。", amount="5000", office="brigade-east", power_code="CF-GH-001",
        decided_on="2026-10-10", published_on="2026-10-14", status="有效",
    )  # fmt: skip
    base.update(values)
    return base


def decision_rows(extra_public: int = 60) -> list[dict[str, str]]:
    rows = [
        row(
            id="MC2026-0001", doc_no="明城管罚决字〔2026〕第0001号", party_name=PARTY_ORG, credit_code=ORG_CODE,
            legal_rep="王建国", facts="当事人运输渣土车辆未密闭，沿途遗撒渣土。", office="brigade-east",
        ),
        row(
            id="MC2026-0002", doc_no="明城管罚决字〔2026〕第0002号", party_type="自然人", party_name=NATURAL_PERSON,
            id_number=ID_COLUMN, facts=f"{NATURAL_PERSON}在人行道上违规设摊经营。", office="squad-xinzhen",
            content="罚款人民币200元。", amount="200", decided_on="2026-10-12", published_on="2026-10-15",
        ),
        row(
            id="MC2026-0003", doc_no="明城管罚决字〔2026〕第0003号", party_type="自然人", party_name=COMPOUND_PERSON,
            id_number=ID_IN_TEXT, facts="当事人擅自占用道路堆放物料。", decided_on="2026-10-13", published_on="2026-10-16",
        ),
        # Held back: personal numbers in free text.
        row(id="MC2026-0004", doc_no="明城管罚决字〔2026〕第0004号", party_name="江州市某甲建材有限公司",
            credit_code=credit("91330100MA2B3CD6"), facts=f"现场负责人（手机{MOBILE}）拒不配合检查。"),
        row(id="MC2026-0005", doc_no="明城管罚决字〔2026〕第0005号", party_name="江州市某乙餐饮有限公司",
            credit_code=credit("91330100MA2B3CD7"), facts="当事人未按规定分类投放垃圾。",
            content=f"罚款人民币1000元，缴入账户{CARD}。"),
        row(id="MC2026-0006", doc_no="明城管罚决字〔2026〕第0006号", party_name="江州市某丙物业有限公司",
            credit_code=credit("91330100MA2B3CD8"), facts=f"经查，经营者（身份证{ID_IN_TEXT}，电话{LANDLINE}）擅自搭建。"),
        row(id="MC2026-0011", doc_no="明城管罚决字〔2026〕第0011号", party_name="江州市某丁商贸有限公司",
            credit_code=credit("91330100MA2B3CF1"), facts=f"现场负责人（联系电话{WIDE_MOBILE}）拒不配合检查。"),
        row(id="MC2026-0012", doc_no="明城管罚决字〔2026〕第0012号", party_name="江州市某戊装饰有限公司",
            credit_code=credit("91330100MA2B3CF2"), facts="当事人未按规定分类投放垃圾。",
            content=f"罚款人民币1000元，当事人银行账号{ACCOUNT}。"),
        # Withdrawn, but its 文书号 holds an ID number: no notice either.
        row(id="MC2026-0013", doc_no=f"明城管罚决字〔2026〕第{ID_IN_DOC_NO}号", party_name="江州市某己餐饮有限公司",
            credit_code=credit("91330100MA2B3CF3"), facts="当事人擅自占道经营。", decided_on="2026-09-05",
            published_on="2026-09-08", status="撤销", status_on="2026-11-05"),
        # Withdrawn, one per reason.
        row(id="MC2026-0007", doc_no="明城管罚决字〔2026〕第0007号", party_name="江州市撤销测试有限公司",
            credit_code=credit("91330100MA2B3CD9"), facts="当事人擅自设置户外广告。", decided_on="2026-09-01",
            published_on="2026-09-03", status="撤销", status_on="2026-11-02",
            status_reason=f"复议机关认定事实不清，联系人{REASON_PERSON}（{MOBILE_IN_REASON}）"),
        row(id="MC2026-0008", doc_no="明城管罚决字〔2026〕第0008号", party_name="江州市变更测试有限公司",
            credit_code=credit("91330100MA2B3CE0"), facts="当事人擅自占道经营。", decided_on="2026-09-02",
            published_on="2026-09-04", status="变更", status_on="2026-11-03", superseded_by="MC2026-0001"),
        row(id="MC2026-0009", doc_no="明城管罚决字〔2026〕第0009号", party_name="江州市修复测试有限公司",
            credit_code=credit("91330100MA2B3CE1"), facts="当事人未落实扬尘防治措施。", decided_on="2026-06-02",
            published_on="2026-06-05", status="信用修复", status_on="2026-11-04"),
        row(id="MC2022-0010", doc_no="明城管罚决字〔2022〕第0010号", party_name="江州市期满测试有限公司",
            credit_code=credit("91330100MA2B3CE2"), facts="当事人擅自砍伐树木。", decided_on="2022-03-01",
            published_on="2022-03-04", disclosure_until="2023-03-01"),
    ]  # fmt: skip
    for i in range(extra_public):
        day = TODAY - dt.timedelta(days=40 + i)
        rows.append(
            row(
                id=f"MC2026-1{i:03d}", doc_no=f"明城管罚决字〔2026〕第1{i:03d}号", party_name=f"江州市第{i}号贸易有限公司",
                credit_code=credit(f"91330100MA2C{i:04d}"), facts="当事人未按规定设置门前责任区。",
                office=("brigade-west" if i % 2 else "brigade-east"), decided_on=day.isoformat(),
                published_on=(day + dt.timedelta(days=2 if i % 5 else 20)).isoformat(),
            )
        )  # fmt: skip
    return rows


def write_content(target: Path, rows: list[dict[str, str]] | None = None) -> Path:
    """Copy the sample agency to ``target`` and write the decision feed; returns ``target``."""
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("decisions"))
    write_feed(target, decision_rows() if rows is None else rows)
    return target


def write_feed(content: Path, rows: list[dict[str, str]]) -> None:
    folder = content / "decisions"
    folder.mkdir(exist_ok=True)
    with (folder / "feed.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
