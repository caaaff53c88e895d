"""The person-name verdicts a build keeps for the next one (``sunlight_site.decisions.name_verdicts``)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from site_helpers import SMALL_AGENCY, build
from sunlight.domain.person_names import JiebaNames
from sunlight.sitefiles import PRIVATE_AT_TOP
from sunlight.staticsite import StaticSite, is_private
from sunlight_site.decisions import name_verdicts
from sunlight_site.decisions.name_verdicts import VERDICTS_FILE, NameVerdicts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "names"


def fixture_sentences() -> list[str]:
    texts = []
    for name in ("sentences.tsv", "held_out.tsv"):
        lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        texts += [x.partition("\t")[0] for x in lines if x and not x.startswith("#")][1:]
    return texts


class Counting:
    """A finder that answers from a table and counts the texts it is asked about."""

    def __init__(self, answers: dict[str, tuple[str, ...]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def __call__(self, text: str) -> tuple[str, ...]:
        self.asked.append(text)
        return self.answers.get(text, ())


class Writer:
    """The one method of the site's writer that the verdicts use."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write_bytes(self, rel: str, data: bytes) -> None:
        (self.root / rel).write_bytes(data)


def saved(tmp_path: Path, verdicts: NameVerdicts) -> Path:
    verdicts.save(Writer(tmp_path))
    return tmp_path / VERDICTS_FILE


def test_remembered_verdicts_are_the_finder_s_answers(tmp_path: Path) -> None:
    texts = fixture_sentences()
    assert len(texts) >= 160
    finder = JiebaNames()
    expected = [finder(t) for t in texts]
    assert sum(1 for e in expected if e) >= 60  # the fixtures name people: not a test of empty answers
    first = NameVerdicts.open(tmp_path, finder=finder, version="v1")
    assert [first(t) for t in texts] == expected
    saved(tmp_path, first)

    never = Counting({})  # the second build must not ask the finder about any text it already knows
    second = NameVerdicts.open(tmp_path, finder=never, version="v1")
    assert [second(t) for t in texts] == expected
    assert never.asked == []


def test_the_file_holds_no_text_and_no_name(tmp_path: Path) -> None:
    verdicts = NameVerdicts.open(tmp_path, finder=Counting({"证人王五到场。": ("王五",)}), version="v1")
    assert verdicts("证人王五到场。") == ("王五",)
    assert verdicts("无人到场。") == ()
    data = saved(tmp_path, verdicts).read_text("utf-8")
    assert "王五" not in data and "证人" not in data and "无人" not in data


def test_a_changed_text_is_tagged_again(tmp_path: Path) -> None:
    finder = Counting({"证人王五到场。": ("王五",)})
    verdicts = NameVerdicts.open(tmp_path, finder=finder, version="v1")
    verdicts("证人王五到场。")
    saved(tmp_path, verdicts)
    finder = Counting({"证人王五到场。": ("王五",), "证人王六到场。": ("王六",)})
    again = NameVerdicts.open(tmp_path, finder=finder, version="v1")
    assert again("证人王五到场。") == ("王五",)
    assert again("证人王六到场。") == ("王六",)
    assert finder.asked == ["证人王六到场。"]


def test_a_changed_finder_version_forgets_every_verdict(tmp_path: Path) -> None:
    verdicts = NameVerdicts.open(tmp_path, finder=Counting({}), version="v1")
    assert verdicts("证人王五到场。") == ()
    saved(tmp_path, verdicts)
    finder = Counting({"证人王五到场。": ("王五",)})
    newer = NameVerdicts.open(tmp_path, finder=finder, version="v2")
    assert newer("证人王五到场。") == ("王五",)
    assert finder.asked == ["证人王五到场。"]


def test_the_version_follows_the_rules_and_the_dictionary(tmp_path: Path) -> None:
    import jieba
    import sunlight.domain.person_names as rules

    source, dictionary = tmp_path / "person_names.py", tmp_path / "dict.txt"
    shutil.copyfile(rules.__file__, source)
    shutil.copyfile(Path(jieba.__file__).with_name("dict.txt"), dictionary)
    now = name_verdicts.finder_version([source], dictionary)
    assert name_verdicts.finder_version() == name_verdicts.finder_version()
    source.write_text(source.read_text("utf-8").replace('"阿姨",', '"阿姨",\n        "护士",', 1), "utf-8")
    changed_rules = name_verdicts.finder_version([source], dictionary)
    with dictionary.open("a", encoding="utf-8") as fh:
        fh.write("王小五 3 nr\n")
    changed_dictionary = name_verdicts.finder_version([source], dictionary)
    assert len({now, changed_rules, changed_dictionary}) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),  # cut short
        lambda p: p.write_bytes(b"\x00\xff not json"),
        lambda p: p.write_text(p.read_text("utf-8").replace('"names":{', '"names":{"0":1,', 1), "utf-8"),
        lambda p: p.unlink(),
    ],
)
def test_a_damaged_file_only_costs_time(tmp_path: Path, damage) -> None:
    finder = Counting({"证人王五到场。": ("王五",)})
    verdicts = NameVerdicts.open(tmp_path, finder=finder, version="v1")
    verdicts("证人王五到场。")
    for n in range(50):
        verdicts(f"第{n}次检查，无人到场。")
    damage(saved(tmp_path, verdicts))
    finder = Counting({"证人王五到场。": ("王五",)})
    assert NameVerdicts.open(tmp_path, finder=finder, version="v1")("证人王五到场。") == ("王五",)
    assert finder.asked == ["证人王五到场。"]


def test_an_edited_verdict_is_not_trusted(tmp_path: Path) -> None:
    """The file carries a digest of its verdicts: one with a name taken out is discarded whole."""
    verdicts = NameVerdicts.open(tmp_path, finder=Counting({"证人王五到场。": ("王五",)}), version="v1")
    verdicts("证人王五到场。")
    path = saved(tmp_path, verdicts)
    data = json.loads(path.read_text("utf-8"))
    data["none"] = sorted([*data["none"], *data["names"]])
    data["names"] = {}
    path.write_text(json.dumps(data), "utf-8")
    finder = Counting({"证人王五到场。": ("王五",)})
    assert NameVerdicts.open(tmp_path, finder=finder, version="v1")("证人王五到场。") == ("王五",)


# A small agency with one decision naming a witness (held back) and one that names nobody.
HEADER = "id,doc_no,kind,party_type,party_name,credit_code,facts,basis,content,amount,office,power_code,decided_on,published_on"
COMMON = "行政处罚,法人,青石示例广告有限公司,91350100M000100Y43"


def agency(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(SMALL_AGENCY, content)
    (content / "decisions").mkdir()
    rows = [
        HEADER,
        f"D-WIT,青城管罚决字〔2026〕第000001号,{COMMON},擅自设置户外广告设施，证人王五在场。,"
        "《城市市容和环境卫生管理条例》第三十六条,罚款人民币贰仟元整,2000,squad-east,330217001000,2026-11-02,2026-11-04",
        f"D-OK,青城管罚决字〔2026〕第000002号,{COMMON},擅自设置户外广告设施。,"
        "《城市市容和环境卫生管理条例》第三十六条,罚款人民币贰仟元整,2000,squad-east,330217001000,2026-11-03,2026-11-05",
    ]
    (content / "decisions" / "2026.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return content


def held(out: Path) -> set[str]:
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    return {h["id"] for h in report["held_back"]}


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.unlink(),
        lambda p: p.write_bytes(b"{"),
        lambda p: p.write_text(json.dumps({"format": "x", "none": [], "names": {}}), "utf-8"),
    ],
)
def test_a_build_without_its_verdicts_holds_the_same_records(tmp_path: Path, damage) -> None:
    content = agency(tmp_path)
    out = tmp_path / "out"
    build(content, out, today=dt.date(2026, 11, 22))
    assert held(out) == {"D-WIT"}
    path = out / VERDICTS_FILE
    assert path.is_file()
    damage(path)
    build(content, out, today=dt.date(2026, 11, 23))
    assert held(out) == {"D-WIT"}
    assert not (out / "decisions" / "D-WIT").exists()
    build(content, out, today=dt.date(2026, 11, 24))  # and once more with the file it wrote
    assert held(out) == {"D-WIT"}


def test_the_verdicts_are_not_served_nor_listed(tmp_path: Path) -> None:
    content = agency(tmp_path)
    out = tmp_path / "out"
    build(content, out, today=dt.date(2026, 11, 22))
    assert (out / VERDICTS_FILE).is_file()
    assert VERDICTS_FILE in PRIVATE_AT_TOP and is_private(VERDICTS_FILE)
    status = []
    body = b"".join(
        StaticSite(out)(
            {"PATH_INFO": f"/{VERDICTS_FILE}", "REQUEST_METHOD": "GET"}, lambda s, h: status.append(s)
        )
    )
    assert status[0].startswith("404") and b"none" not in body
    served = [p for p in out.rglob("*") if p.is_file() and not is_private(p.relative_to(out).as_posix())]
    assert served and not any(VERDICTS_FILE.encode() in p.read_bytes() for p in served)
