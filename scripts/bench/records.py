"""Synthetic decision records for the peer benchmark: the same records feed every generator.

The records follow the content contract's decision columns (English keys), so Sunlight reads
them through its own decision pipeline while the peers get them converted to their input
format before the clock starts.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from sunlight.domain.credit_code import complete_credit_code

OFFICES = [
    ("brigade-north", "北部执法大队"),
    ("brigade-south", "南部执法大队"),
    ("brigade-east", "东部执法大队"),
    ("brigade-west", "西部执法大队"),
    ("squad-xincheng", "新成路街道中队"),
    ("squad-zhenxin", "真新街道中队"),
    ("squad-nanxiang", "南翔镇中队"),
    ("squad-anting", "安亭镇中队"),
]
DOMAINS = ["市容环卫", "绿化", "市政", "环境保护", "水务", "建设", "物业管理", "城乡规划"]
VIOLATIONS = [
    (
        "渣土运输车辆未采取密闭措施，沿途泄漏、遗撒建筑垃圾",
        "《上海市市容环境卫生管理条例》第二十四条",
        "市容环卫",
    ),
    ("擅自占用城市道路堆放物料，影响通行", "《城市道路管理条例》第二十七条", "市政"),
    ("未经批准擅自砍伐树木", "《上海市绿化条例》第二十九条", "绿化"),
    ("施工工地未采取扬尘污染防治措施", "《中华人民共和国大气污染防治法》第六十九条", "环境保护"),
    ("未按规定设置户外广告设施", "《上海市户外广告设施管理办法》第十条", "市容环卫"),
    ("向城市排水设施排放不符合标准的污水", "《城镇排水与污水处理条例》第二十一条", "水务"),
    ("未取得建设工程规划许可证进行建设", "《中华人民共和国城乡规划法》第六十四条", "城乡规划"),
    ("物业服务企业未履行生活垃圾分类管理责任", "《上海市生活垃圾管理条例》第二十条", "物业管理"),
]
NAME_PARTS = ["嘉", "华", "宏", "盛", "安", "达", "泰", "恒", "鑫", "隆", "鸿", "祥", "瑞", "丰", "源", "信"]
TRADES = ["建筑工程", "运输", "餐饮管理", "物业管理", "商贸", "环境科技", "园林绿化", "广告传媒"]
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "欧阳"]
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "勇", "军", "杰", "娟", "涛", "明"]
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
COLUMNS = [
    "id", "doc_no", "kind", "procedure", "party_type", "party_name", "credit_code", "legal_rep",
    "facts", "basis", "content", "amount", "office", "power_code", "decided_on", "published_on",
]  # fmt: skip


def credit_code(rng: random.Random) -> str:
    drawn = "".join(rng.choice(CODE_CHARS) for _ in range(9))  # the 9th is dropped: same random stream
    return complete_credit_code("91310114" + drawn[:8])


def make_records(n: int, seed: int = 7, start: dt.date = dt.date(2025, 1, 2)) -> list[dict[str, str]]:
    rng = random.Random(seed)
    records = []
    for i in range(1, n + 1):
        office_id, _ = OFFICES[i % len(OFFICES)]
        fact, law, domain = VIOLATIONS[rng.randrange(len(VIOLATIONS))]
        decided = start + dt.timedelta(days=(i * 365) // max(n, 1))
        amount = rng.choice([500, 1000, 2000, 5000, 10000, 20000, 50000])
        name = "上海" + "".join(rng.sample(NAME_PARTS, 2)) + rng.choice(TRADES) + "有限公司"
        rep = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        street = rng.choice(["曹安公路", "嘉松北路", "沪宜公路", "墨玉路", "博园路", "叶城路"])
        records.append(
            {
                "id": f"JD{decided.year}{i:06d}",
                "doc_no": f"嘉城管罚决字〔{decided.year}〕第{i:06d}号",
                "kind": "行政处罚",
                "procedure": "一般程序",
                "party_type": "法人",
                "party_name": name,
                "credit_code": credit_code(rng),
                "legal_rep": rep,
                "facts": (
                    f"经查，当事人于{decided.year}年{decided.month}月{decided.day}日在{street}"
                    f"{rng.randint(1, 3000)}号附近{fact}。执法人员现场检查并制作了现场检查笔录，"
                    "当事人对上述事实无异议。"
                ),
                "basis": f"{law}；《中华人民共和国行政处罚法》第三十二条",
                "content": f"责令改正，并处罚款人民币{amount}元。",
                "amount": str(amount),
                "office": office_id,
                "power_code": f"3101140{DOMAINS.index(domain) + 1:02d}{i % 40:03d}",
                "decided_on": decided.isoformat(),
                "published_on": (decided + dt.timedelta(days=rng.randint(1, 9))).isoformat(),
            }
        )
    return records


def write_csv(records: list[dict[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(records)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def newest_first(records: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(records, key=lambda r: (r["decided_on"], r["id"]), reverse=True)


def power_items() -> list[tuple[str, str, str]]:
    """(code, name, domain) of every power item the records refer to."""
    return [
        (f"3101140{d + 1:02d}{n:03d}", f"对{domain}违法行为的行政处罚（第{n + 1}项）", domain)
        for d, domain in enumerate(DOMAINS)
        for n in range(40)
    ]
