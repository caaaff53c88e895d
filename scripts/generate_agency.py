"""A deterministic synthetic agency for benchmarks and tests.

    python scripts/generate_agency.py OUT_DIR --powers 200 --decisions 100000 --seed 1

writes a complete content directory (agency, offices, flowcharts, powers, personnel, the
four lists, inspections, points, legal review, statistics, calendar, complaints, pages,
notices) and the decision feed as CSV files per quarter, with valid credit codes, spread
over offices, domains, kinds and three years of dates. The same arguments always give the
same files; the result passes ``sunlight check`` (run it with ``--today`` after ``--end``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from collections.abc import Callable
from pathlib import Path

from sunlight.domain.credit_code import CHARSET, complete_credit_code

STREETS = [
    "东城街道",
    "西城街道",
    "南湖街道",
    "北苑街道",
    "中山街道",
    "河口镇",
    "桥头镇",
    "石门镇",
    "云溪镇",
    "清水镇",
]
DOMAINS = ["市容环卫", "绿化", "市政", "环境保护", "水务", "建设", "物业管理", "城乡规划"]
# (power type, share of powers, decision kind or None)
TYPES = [("行政处罚", 0.6, "行政处罚"), ("行政许可", 0.12, "行政许可"), ("行政强制", 0.1, "行政强制"),
         ("行政检查", 0.12, "行政检查"), ("行政确认", 0.03, None), ("行政奖励", 0.03, None)]  # fmt: skip
DECISION_KINDS = [
    ("行政处罚", 0.8),
    ("行政许可", 0.1),
    ("行政强制", 0.05),
    ("行政检查", 0.03),
    ("其他", 0.02),
]
ACTS = ["擅自占用道路堆放物料", "店外经营", "乱张贴小广告", "运输渣土沿途遗撒", "未按规定分类投放垃圾",
        "损坏绿化设施", "露天烧烤", "油烟超标排放", "夜间施工噪声扰民", "未经许可排放污水",
        "工地未采取防尘措施", "擅自改变共用设施用途", "违法搭建", "擅自设置户外广告", "损坏环卫设施"]  # fmt: skip
COMPANY_WORDS = [
    "华",
    "盛",
    "达",
    "鑫",
    "源",
    "恒",
    "信",
    "通",
    "明",
    "泰",
    "安",
    "瑞",
    "嘉",
    "宏",
    "远",
    "博",
]
TRADES = ["餐饮", "建设工程", "物业服务", "渣土运输", "商贸", "装饰工程", "广告", "市政工程"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
CATEGORIES = [("arbitrary-fines", "乱罚款"), ("multiple-enforcement", "多头执法"), ("repeat-inspection", "重复检查"),
              ("rough-enforcement", "简单粗暴执法"), ("profit-driven", "逐利执法"),
              ("one-size-fits-all", "“一刀切”执法"), ("inaction", "不作为"), ("other", "其他")]  # fmt: skip
DECISION_HEADER = ["记录编号", "决定文书号", "决定类别", "程序类型", "当事人类型", "当事人名称", "统一社会信用代码",
                   "法定代表人", "主要违法事实", "处罚依据", "处罚内容", "罚款金额(元)", "执法机关", "事项编码",
                   "决定日期", "公示日期", "失信程度", "状态", "状态日期", "状态说明"]  # fmt: skip


def credit_code(rng: random.Random) -> str:
    """A valid code with the non-existent region 339901, so it never names a real organisation."""
    drawn = "".join(rng.choice(CHARSET) for _ in range(9))  # the 9th is dropped: same random stream
    return complete_credit_code("91339901" + drawn[:8])


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def offices_yaml(squads: list[tuple[str, str, list[str]]]) -> str:
    lines = [
        "- {id: bureau, name: 合成市合成区城市管理行政执法局, kind: bureau, roles: [enforcement], email: bureau@agency.example}",
        "- {id: supervision, name: 勤务监督科, kind: division, parent: bureau, roles: [supervision], email: sup@agency.example}",
        "- {id: legal, name: 政策法规科, kind: division, parent: bureau, roles: [legal_review]}",
        "- {id: cases, name: 案件管理中心, kind: division, parent: bureau, roles: [complaints_intake]}",
        "- {id: sfj-supervision, name: 合成区司法局行政执法监督科, kind: external, roles: [supervision], email: jd@sfj.agency.example}",
        "- {id: brigade-1, name: 第一执法大队, kind: brigade, parent: bureau, roles: [enforcement], streets: ["
        + ", ".join(STREETS[:5])
        + "]}",
        "- {id: brigade-2, name: 第二执法大队, kind: brigade, parent: bureau, roles: [enforcement], streets: ["
        + ", ".join(STREETS[5:])
        + "]}",
    ]
    for sid, name, streets in squads:
        parent = "brigade-1" if streets[0] in STREETS[:5] else "brigade-2"
        lines.append(
            f"- {{id: {sid}, name: {name}, kind: squad, parent: {parent}, roles: [enforcement], streets: [{', '.join(streets)}]}}"
        )
    return "\n".join(lines) + "\n"


FLOWCHART = """id: {id}
title: {title}
nodes:
  - {{id: start, label: 开始, kind: start}}
  - {{id: work, label: {step}, kind: step}}
  - {{id: decide, label: 是否符合条件？, kind: decision}}
  - {{id: yes, label: 作出决定, kind: end}}
  - {{id: no, label: 终止, kind: end}}
edges:
  - {{from: start, to: work}}
  - {{from: work, to: decide}}
  - {{from: decide, to: yes, label: 是}}
  - {{from: decide, to: no, label: 否}}
"""
CHARTS = {"行政处罚": "penalty", "行政许可": "licence", "行政强制": "coercion", "行政检查": "inspection"}


def powers_yaml(
    rng: random.Random, count: int, office_ids: list[str]
) -> tuple[list[str], dict[str, list[str]]]:
    """YAML files of ``count`` powers (100 a file) and the power codes per decision kind."""
    files: list[str] = []
    by_kind: dict[str, list[str]] = {}
    items: list[str] = []
    weights = [share for _, share, _ in TYPES]
    for n in range(count):
        ptype, _, kind = TYPES[n % len(TYPES)] if n < len(TYPES) else rng.choices(TYPES, weights)[0]
        domain = DOMAINS[n % len(DOMAINS)]
        act = ACTS[n % len(ACTS)]
        code = f"P{n + 1:05d}"
        if kind:
            by_kind.setdefault(kind, []).append(code)
        item = [
            f"- code: {code}",
            f"  name: 对{act}的{'处罚' if ptype == '行政处罚' else ptype}(第{n + 1}项)",
            f"  type: {ptype}",
            f"  domain: {domain}",
            "  subject: 合成市合成区城市管理行政执法局",
            f"  office: {rng.choice(office_ids)}",
            f"  basis: [{{law: 《合成市城市管理条例》, article: 第{n % 80 + 1}条, text: 对{act}的，依法处理。}}]",
            f"  flowchart: {CHARTS.get(ptype, 'licence')}",
            "  remedy: 可以依法申请行政复议或者提起行政诉讼。",
            f"  updated_on: 2025-0{n % 9 + 1}-15",
        ]
        if ptype == "行政处罚":
            item.append(
                "  discretion: [{circumstance: 情节轻微, range: 警告}, {circumstance: 情节一般, range: 处500元以上2000元以下罚款}]"
            )
        if ptype == "行政许可":
            item.append("  time_limit_days: 10")
        items.append("\n".join(item))
        if len(items) == 100 or n == count - 1:
            files.append("\n\n".join(items) + "\n")
            items = []
    return files, by_kind


def decisions_csv(
    out: Path,
    rng: random.Random,
    count: int,
    by_kind: dict[str, list[str]],
    offices: list[str],
    start: dt.date,
    end: dt.date,
    fact: Callable[[str, str], str] | None = None,
) -> int:
    """Write the feed as one CSV per quarter; returns the number of files. ``fact(street, act)``
    writes a penalty's facts (default: the same sentence for every street and act)."""
    span = (end - start).days
    companies = [
        (f"合成{''.join(rng.sample(COMPANY_WORDS, 2))}{rng.choice(TRADES)}有限公司", credit_code(rng))
        for _ in range(2000)
    ]
    kinds = [k for k, _ in DECISION_KINDS]
    weights = [w for _, w in DECISION_KINDS]
    serial: dict[tuple[int, str], int] = {}
    rows: dict[str, list[list[str]]] = {}
    for n in range(count):
        decided = start + dt.timedelta(days=rng.randrange(span + 1))
        kind = rng.choices(kinds, weights)[0]
        codes = by_kind.get(kind, [])
        power = rng.choice(codes) if codes and rng.random() < 0.9 else ""
        party_roll = rng.random()
        if party_roll < 0.7:
            party_type, (party, code) = "法人", rng.choice(companies)
            legal_rep = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        elif party_roll < 0.85:
            party_type, party, code, legal_rep = (
                "个体工商户",
                f"合成区{rng.choice(COMPANY_WORDS)}记{rng.choice(TRADES)}店",
                "",
                "",
            )
        else:
            party_type, party, code, legal_rep = (
                "自然人",
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                "",
                "",
            )
        act = rng.choice(ACTS)
        street = rng.choice(STREETS)
        key = (decided.year, kind)
        serial[key] = serial.get(key, 0) + 1
        amount = str(rng.randrange(1, 200) * 100) if kind == "行政处罚" else ""
        status, status_on, reason = "有效", "", ""
        roll = rng.random()
        if roll < 0.01:
            status, status_on, reason = (
                "撤销",
                (decided + dt.timedelta(days=20)).isoformat(),
                "经复议决定撤销",
            )
        published = decided + dt.timedelta(days=rng.randrange(1, 6))
        rows.setdefault(f"{decided.year}-q{(decided.month - 1) // 3 + 1}", []).append(
            [
                f"D{n + 1:07d}",
                f"合城管{'罚' if kind == '行政处罚' else '决'}字〔{decided.year}〕第{serial[key]:06d}号",
                kind,
                "简易程序" if rng.random() < 0.05 else "一般程序",
                party_type,
                party,
                code,
                legal_rep,
                (
                    (fact(street, act) if fact else f"经查，当事人在{street}{act}。")
                    if kind == "行政处罚"
                    else ""
                ),
                f"《合成市城市管理条例》第{rng.randrange(1, 80)}条",
                f"罚款{amount}元" if amount else f"依法作出{kind}决定",
                amount,
                rng.choice(offices),
                power,
                decided.isoformat(),
                published.isoformat(),
                "严重" if rng.random() < 0.03 else "一般",
                status,
                status_on,
                reason,
            ]
        )
    (out / "decisions").mkdir(parents=True, exist_ok=True)
    for name, quarter_rows in sorted(rows.items()):
        with (out / "decisions" / f"{name}.csv").open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(DECISION_HEADER)
            writer.writerows(quarter_rows)
    return len(rows)


def static_files(out: Path, rng: random.Random, squads: list[tuple[str, str, list[str]]]) -> None:
    write(out / "agency.yaml", "name: 合成市合成区城市管理行政执法局\nshort_name: 合成区城管执法局\n"
          "site_url: https://synthetic.agency.example\nregion: 合成市合成区\nsponsor: 合成市合成区城市管理行政执法局\n"
          "site_code: '0000000000'\nicp: 合ICP备0000000号\npolice_record: 合公网安备00000000000000号\n"
          f"credit_code: {complete_credit_code('11339901MB000001')}\n")  # fmt: skip
    write(out / "offices.yaml", offices_yaml(squads))
    for kind, chart in CHARTS.items():
        write(
            out / "flowcharts" / f"{chart}.yaml",
            FLOWCHART.format(id=chart, title=f"{kind}流程图", step=f"{kind}办理"),
        )
    people = ["姓名,执法证号,所属机构,执法区域,状态"] + [
        f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)},EC{n:06d},{squads[n % len(squads)][0]},"
        f"{squads[n % len(squads)][2][0]},active"
        for n in range(len(squads) * 4)
    ]
    write(out / "personnel.csv", "\n".join(people) + "\n")
    write(out / "exemptions.yaml", "no_penalty:\n  - {code: E1, violation: 店外经营, conditions: 首次违法并当场改正, basis: 《中华人民共和国行政处罚法》第三十三条, power_code: P00001}\n"
          "lighter:\n  - {code: E2, violation: 遗撒, conditions: 主动清理, basis: 《中华人民共和国行政处罚法》第三十二条}\n"
          "mitigated:\n  - {code: E3, violation: 违法搭建, conditions: 主动拆除, basis: 《中华人民共和国行政处罚法》第三十二条}\n"
          "no_coercion:\n  - {code: E4, violation: 店外经营, conditions: 当场改正, basis: 《中华人民共和国行政强制法》第十六条}\n")  # fmt: skip
    write(out / "inspections" / "plan.yaml", "plans:\n  - {id: plan-1, title: 年度抽查, subject: 合成区城管执法局, basis: 《合成市城市管理条例》, "
          f"objects: 餐饮单位, content: 油烟排放, ratio: 5%, method: 现场检查, frequency: 每年, office: brigade-1}}\nresults:\n"
          f"  - {{plan: plan-1, object_name: 合成餐饮有限公司, credit_code: {credit_code(rng)}, checked_on: 2025-05-06, result: 未发现问题}}\n")  # fmt: skip
    points = ["id,location,street,lat,lng,violations,since,status"] + [
        f"PT{n:03d},{STREETS[n % len(STREETS)]}路口{n},{STREETS[n % len(STREETS)]},30.{n:02d},120.{n:02d},占道经营,2024-01-01,active"
        for n in range(1, 16)
    ]
    write(out / "points.csv", "\n".join(points) + "\n")
    write(
        out / "legal_review.yaml",
        "- {code: R1, title: 较大数额罚款, criteria: 对单位罚款5万元以上, basis: 《中华人民共和国行政处罚法》第五十八条}\n",
    )
    write(out / "stats" / "2025.yaml", "year: 2025\ntotal: 1000\n")
    write(out / "calendar.yaml", "holidays: []\nworkdays: []\n")
    categories = "\n".join(f"  - {{id: {cid}, name: {name}}}" for cid, name in CATEGORIES)
    write(out / "complaints.yaml", f"categories:\n{categories}\nrouting:\n  - match: {{category: repeat-inspection}}\n"
          "    handler: supervision\n  - match: {}\n    handler: cases\n")  # fmt: skip
    write(out / "pages" / "about.md", "Title: 关于我们\nSlug: about\n\n合成的示例机关，仅用于性能测试。\n")
    write(
        out / "notices" / "first.md",
        "Title: 示例通知\nDate: 2025-01-02 09:00\nSlug: first\n\n示例通知正文。\n",
    )


def generate(
    out: Path, *, powers: int, decisions: int, seed: int, start: dt.date, end: dt.date, varied: bool = False
) -> None:
    rng = random.Random(seed)
    squads = [(f"squad-{n + 1}", f"{street[:2]}中队", [street]) for n, street in enumerate(STREETS)]
    static_files(out, rng, squads)
    office_ids = ["brigade-1", "brigade-2", *(s[0] for s in squads)]
    files, by_kind = powers_yaml(rng, max(powers, len(TYPES)), office_ids)
    for n, text in enumerate(files, start=1):
        write(out / "powers" / f"powers-{n:03d}.yaml", text)
    fact = None
    if varied:  # its own random stream: the rest of the feed is the same as without the option
        sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
        from varied_facts import varied_fact

        facts_rng = random.Random(seed * 7919 + 1)
        fact = lambda street, act: varied_fact(facts_rng, street, act)  # noqa: E731
    decisions_csv(out, rng, decisions, by_kind, office_ids, start, end, fact)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--powers", type=int, default=100)
    parser.add_argument("--decisions", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2023, 1, 1))
    parser.add_argument("--end", type=dt.date.fromisoformat, default=dt.date(2025, 12, 31))
    parser.add_argument(
        "--varied-facts",
        action="store_true",
        help="distinct facts per record, about 1 %% naming a witness (scripts/bench/varied_facts.py)",
    )
    args = parser.parse_args(argv)
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        print(f"{args.out_dir}: 目录非空 / directory is not empty", file=sys.stderr)
        return 2
    generate(
        args.out_dir,
        powers=args.powers,
        decisions=args.decisions,
        seed=args.seed,
        start=args.start,
        end=args.end,
        varied=args.varied_facts,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
