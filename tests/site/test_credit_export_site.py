"""/data/credit/: the 双公示 files of a built site (the sample agency with a feed written here).

Expected cells are written by hand from the feed below; the XLSX files are read back with
openpyxl; the files are scanned, unzipped, for personal data; two builds on different days of
the same content give the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from site_helpers import SAMPLE, build

TODAY = dt.date(2026, 11, 20)
AGENCY = "江州市明川区城市管理行政执法局"
AGENCY_CODE = "11330199MB1A2C3D0Q"  # content/agency.yaml
ORG_CODE = "91330199MA2B3CD53Q"
TRADER_CODE = "92330199MA2K8L1P00"
FEED_COLUMNS = [
    "id", "doc_no", "kind", "procedure", "party_type", "party_name", "credit_code", "legal_rep", "id_number",
    "facts", "basis", "content", "amount", "office", "power_code", "decided_on", "published_on", "severity",
    "disclosure_until", "status", "status_on",
]  # fmt: skip
BASIS = "《城市道路管理条例》第四十二条"


def row(**values: str) -> dict[str, str]:
    base = dict.fromkeys(FEED_COLUMNS, "")
    base.update(
        kind="行政处罚", procedure="一般程序", party_type="法人", basis=BASIS, office="brigade-east",
        power_code="CF-SZ-001", status="有效",
    )  # fmt: skip
    base.update(values)
    return base


FEED = [
    row(id="C-ORG", doc_no="明城管罚决字〔2026〕第0101号", party_name="江州市渣土运输有限公司", credit_code=ORG_CODE,
        legal_rep="王建国", facts="当事人擅自占用城市道路堆放渣土。", content="罚款人民币3000元。", amount="3000",
        decided_on="2026-10-10", published_on="2026-10-14"),
    row(id="C-NAT", doc_no="明城管罚决字〔2026〕第0102号", party_type="自然人", party_name="张三丰",
        id_number="110101199003071233", facts="张三丰在人行道上擅自设摊经营。", content="警告。",
        office="squad-xinzhen", decided_on="2026-10-12", published_on="2026-10-15"),
    row(id="C-IND", doc_no="明城管罚决字〔2026〕第0103号", party_type="个体工商户", party_name="李四水果店",
        credit_code=TRADER_CODE, legal_rep="李四", id_number="320102198001011238",
        facts="当事人超出门窗和外墙经营。", content="罚款人民币500元。", amount="500",
        decided_on="2026-09-03", published_on="2026-09-07"),
    row(id="C-HELD", doc_no="明城管罚决字〔2026〕第0104号", party_name="江州市某甲建材有限公司",
        credit_code=ORG_CODE, facts="现场负责人（手机13812345678）拒不配合检查。", content="罚款人民币1000元。",
        amount="1000", decided_on="2026-10-11", published_on="2026-10-14"),
    row(id="C-WD", doc_no="明城管罚决字〔2026〕第0105号", party_name="江州市撤销测试有限公司", credit_code=ORG_CODE,
        facts="当事人擅自占用城市道路。", content="罚款人民币2000元。", amount="2000", decided_on="2026-09-01",
        published_on="2026-09-03", status="撤销", status_on="2026-11-02"),
    row(id="C-EXP", doc_no="明城管罚决字〔2022〕第0106号", party_name="江州市期满测试有限公司", credit_code=ORG_CODE,
        facts="当事人擅自占用城市道路。", content="罚款人民币2000元。", amount="2000", decided_on="2022-03-01",
        published_on="2022-03-04", disclosure_until="2023-03-01"),
    row(id="C-MIN", doc_no="明城管罚决字〔2026〕第0107号", party_name="江州市轻微测试有限公司", credit_code=ORG_CODE,
        facts="当事人擅自占用城市道路。", content="警告。", decided_on="2026-10-05", published_on="2026-10-08",
        severity="轻微"),
    row(id="C-MIN2", doc_no="明城管罚决字〔2026〕第0108号", party_name="江州市轻微公示有限公司", credit_code=ORG_CODE,
        facts="当事人擅自占用城市道路。", content="警告。", decided_on="2026-10-06", published_on="2026-10-08",
        severity="轻微", disclosure_until="2026-12-31"),
    row(id="C-LIC", doc_no="明城管许字〔2026〕第0031号", kind="行政许可", party_name="江州市渣土运输有限公司",
        credit_code=ORG_CODE, legal_rep="王建国", basis="《城市建筑垃圾管理规定》第七条",
        content="准予城市建筑垃圾处置核准。", office="approval", power_code="XK-SR-002", decided_on="2026-08-20",
        published_on="2026-08-25"),
]  # fmt: skip
ABSENT = ["第0104号", "第0105号", "第0106号", "第0107号", "第0108号"]  # held, withdrawn, expired, 轻微 twice
SECRETS = ["张三丰", "三丰", "李四", "110101199003071233", "320102198001011238", "13812345678"]


def write_content(target: Path, extra: dict[str, str] | None = None) -> Path:
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("decisions", "credit_export.yaml"))
    (target / "decisions").mkdir()
    with (target / "decisions" / "feed.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FEED_COLUMNS)
        w.writeheader()
        w.writerows(FEED)
    for name, text in (extra or {}).items():
        (target / name).write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sunlight-credit-") as tmp:
        yield Path(tmp)


@pytest.fixture(scope="module")
def site(workdir: Path) -> Path:
    content = write_content(workdir / "content")
    build(content, workdir / "out", TODAY)
    return workdir / "out"


def credit_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "data" / "credit").iterdir())}


def text_of(name: str, data: bytes) -> str:
    """A file's text; an XLSX unzipped (every XML part, character references such as &#24352;
    read), so nothing hides in the compression or the XML."""
    if name.endswith(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return html.unescape("".join(z.read(n).decode("utf-8") for n in z.namelist()))
    return data.decode("utf-8")


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))


PENALTY_HEADER = [
    "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
    "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
    "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期",
    "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注",
]  # fmt: skip
# 公示截止期: 一般, order 36 (decided after 2026-04-01): one year from the decision date
ORG_ROW = [
    "江州市渣土运输有限公司", "法人及非法人组织", ORG_CODE, "王建国", "", "", "明城管罚决字〔2026〕第0101号",
    "擅自占用或者挖掘城市道路", "当事人擅自占用城市道路堆放渣土。", BASIS, "罚款", "罚款人民币3000元。", "0.300000",
    "", "", "2026-10-10", "", "2027-10-10", AGENCY, AGENCY_CODE, AGENCY, AGENCY_CODE, "",
]  # fmt: skip
NAT_ROW = [
    "张某", "自然人", "", "", "", "", "明城管罚决字〔2026〕第0102号", "擅自占用或者挖掘城市道路",
    "张某在人行道上擅自设摊经营。", BASIS, "警告", "警告。", "", "", "", "2026-10-12", "", "2027-10-12",
    AGENCY, AGENCY_CODE, AGENCY, AGENCY_CODE, "",
]  # fmt: skip


def test_the_files_of_each_month_and_kind(site: Path) -> None:
    names = set(credit_files(site))
    assert names == {
        "index.html", "index.json",
        "penalties-2026-09.csv", "penalties-2026-09.xlsx", "penalties-2026-10.csv", "penalties-2026-10.xlsx",
        "licences-2026-08.csv", "licences-2026-08.xlsx",
    }  # fmt: skip
    index = json.loads((site / "data/credit/index.json").read_text("utf-8"))
    assert [(f["table"], f["month"], f["count"]) for f in index["files"]] == [
        ("penalties", "2026-09", 1),
        ("penalties", "2026-10", 2),
        ("licences", "2026-08", 1),
    ]


def test_penalty_csv_columns_and_cells(site: Path) -> None:
    header, *rows = read_csv(site / "data/credit/penalties-2026-10.csv")
    assert header == PENALTY_HEADER
    assert rows == [ORG_ROW, NAT_ROW]
    (trader,) = read_csv(site / "data/credit/penalties-2026-09.csv")[1:]
    assert trader[:7] == [
        "李某水果店",
        "个体工商户",
        TRADER_CODE,
        "李某",
        "",
        "",
        "明城管罚决字〔2026〕第0103号",
    ]
    assert trader[12] == "0.050000"


def test_licence_csv(site: Path) -> None:
    header, row = read_csv(site / "data/credit/licences-2026-08.csv")
    assert dict(zip(header, row, strict=True)) == {
        "行政相对人名称": "江州市渣土运输有限公司", "行政相对人类别": "法人及非法人组织", "统一社会信用代码": ORG_CODE,
        "法定代表人": "王建国", "证件类型": "", "证件号码": "", "行政许可决定文书名称": "行政许可决定书",
        "行政许可决定文书号": "明城管许字〔2026〕第0031号", "许可类别": "", "许可证书名称": "", "许可编号": "",
        "许可内容": "准予城市建筑垃圾处置核准。", "许可决定日期": "2026-08-20", "有效期自": "2026-08-20", "有效期至": "",
        "许可机关": AGENCY, "许可机关统一社会信用代码": AGENCY_CODE, "当前状态": "有效", "数据来源单位": AGENCY,
        "数据来源单位统一社会信用代码": AGENCY_CODE, "备注": "",
    }  # fmt: skip


def test_xlsx_reads_back_as_the_csv(site: Path) -> None:
    book = openpyxl.load_workbook(site / "data/credit/penalties-2026-10.xlsx")
    sheet = book.active
    assert sheet.title == "行政处罚"
    cells = [[("" if c is None else c) for c in r] for r in sheet.iter_rows(values_only=True)]
    assert cells == [PENALTY_HEADER, ORG_ROW, NAT_ROW]
    assert all(isinstance(c, str) for r in cells for c in r)  # text: 0.300000 keeps its six decimals
    assert book.properties.created == book.properties.modified == dt.datetime(2026, 10, 1)
    assert openpyxl.load_workbook(site / "data/credit/licences-2026-08.xlsx").active.title == "行政许可"


def test_no_identity_no_full_name_and_nothing_the_site_does_not_show(site: Path) -> None:
    assert (site / "decisions/C-NAT/index.html").exists() and (site / "decisions/C-IND/index.html").exists()
    assert (site / "decisions/C-MIN2/index.html").exists()  # the site shows it; the export does not
    files = credit_files(site)
    assert "张某" in text_of(
        "penalties-2026-10.xlsx", files["penalties-2026-10.xlsx"]
    )  # the scan reads the XLSX
    for name, data in files.items():
        text = text_of(name, data)
        leaks = [s for s in SECRETS + ABSENT if s in text]
        assert leaks == [], name


def test_data_index_links_the_credit_files(site: Path) -> None:
    page = (site / "data/index.html").read_text("utf-8")
    assert '<a href="/data/credit/">credit/</a>' in page and "双公示数据" in page
    credit = (site / "data/credit/index.html").read_text("utf-8")
    assert (
        'href="/data/credit/penalties-2026-10.xlsx"' in credit
        and 'href="/data/credit/licences-2026-08.csv"' in credit
    )


def test_a_month_that_did_not_change_is_byte_identical(site: Path, workdir: Path) -> None:
    """Another build of the same content on another day, into another folder: the same bytes."""
    again = workdir / "again"
    build(write_content(workdir / "content-again"), again, TODAY + dt.timedelta(days=3))
    first, second = credit_files(site), credit_files(again)
    assert set(first) == set(second)
    changed = [n for n in first if n != "index.html" and first[n] != second[n]]
    assert changed == []


def test_a_rebuild_takes_unchanged_xlsx_from_the_previous_build(
    site: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into the same folder: every XLSX reused (same bytes); one altered on disk is made again."""
    from sunlight_site.sections import credit

    made: list[str] = []
    real = credit.MonthTable.xlsx
    monkeypatch.setattr(credit.MonthTable, "xlsx", lambda self: made.append(self.stem) or real(self))
    out = workdir / "rebuild"
    content = write_content(workdir / "content-rebuild")
    build(content, out, TODAY)
    assert sorted(made) == ["licences-2026-08", "penalties-2026-09", "penalties-2026-10"]
    made.clear()
    target = out / "data/credit/penalties-2026-09.xlsx"
    target.write_bytes(target.read_bytes() + b"\0")
    build(content, out, TODAY + dt.timedelta(days=1))
    assert made == ["penalties-2026-09"]
    assert credit_files(out) | {"index.html": b""} == credit_files(site) | {"index.html": b""}


def test_credit_export_yaml_renames_moves_and_adds(workdir: Path) -> None:
    penalty_rest = [
        c for c in PENALTY_HEADER if c not in ("行政处罚决定书文号", "统一社会信用代码", "处罚有效期")
    ]
    yaml = (
        "penalties:\n  columns:\n"
        "    - 行政处罚决定书文号\n"
        "    - {column: 统一社会信用代码, header: 行政相对人代码_1（统一社会信用代码）}\n"
        + "".join(f"    - {c}\n" for c in penalty_rest)
        + "    - {column: 处罚有效期, value: '2099-12-31'}\n"
        "    - {header: 事项编码, field: power_code}\n"
        "    - {header: 公示网址, field: url}\n"
    )
    out = workdir / "custom"
    build(write_content(workdir / "content-custom", {"credit_export.yaml": yaml}), out, TODAY)
    header, org, nat = read_csv(out / "data/credit/penalties-2026-10.csv")
    assert header[:2] == ["行政处罚决定书文号", "行政相对人代码_1（统一社会信用代码）"]
    assert header[-3:] == ["处罚有效期", "事项编码", "公示网址"]
    got = dict(zip(header, org, strict=True))
    assert got["行政处罚决定书文号"] == "明城管罚决字〔2026〕第0101号"
    assert got["行政相对人代码_1（统一社会信用代码）"] == ORG_CODE
    assert (got["处罚有效期"], got["事项编码"]) == ("2099-12-31", "CF-SZ-001")
    assert got["公示网址"] == "https://zfgs.mingchuan.example/decisions/C-ORG/"
    assert dict(zip(header, nat, strict=True))["行政相对人名称"] == "张某"
    sheet = openpyxl.load_workbook(out / "data/credit/penalties-2026-10.xlsx").active
    assert [c.value for c in sheet[1]] == header
