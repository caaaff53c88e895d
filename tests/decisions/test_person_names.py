"""Persons' names: 个体工商户 named after a person or run by one, and other people in free text."""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

import pytest
from sunlight.content.model import Publication
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.person_names import JiebaNames, might_name_someone, sole_trader_person
from sunlight.domain.publication import publish

from .conftest import OFFICES, POWERS, make

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "names"
BENCH = Path(__file__).resolve().parents[2] / "scripts" / "bench"
TODAY = dt.date(2025, 12, 1)


def run(*decisions, names=None):
    return publish(
        list(decisions),
        offices=OFFICES,
        powers=POWERS,
        policy=Publication(),
        calendar=WorkingCalendar(),
        today=TODAY,
        names=names,
    )


def sole_trader(party_name: str, legal_rep: str, facts: str):
    return make(
        party_type="个体工商户", party_name=party_name, legal_rep=legal_rep, credit_code="", facts=facts
    )


@pytest.mark.parametrize(
    ("party_name", "legal_rep", "shown"),
    [
        ("张三（个体工商户）", "张三", "张某（个体工商户）"),
        ("张三", "", "张某"),
        ("个体工商户张三", "", "个体工商户张某"),
        ("个体工商户张三", "张三", "个体工商户张某"),
        ("张三(个体工商户)", "", "张某(个体工商户)"),
        ("欧阳娜娜", "欧阳娜娜", "欧阳某"),
    ],
)
def test_sole_trader_named_as_a_person_is_masked_everywhere(party_name, legal_rep, shown) -> None:
    d = sole_trader(party_name, legal_rep, f"当事人{party_name}在新镇街道占道经营，{party_name}当场承认。")
    result = run(d)
    assert result.held == []
    (p,) = result.public
    assert p.party_name == shown
    assert p.legal_rep == ("张某" if legal_rep == "张三" else "欧阳某" if legal_rep else "")
    assert p.facts == f"当事人{shown}在新镇街道占道经营，{shown}当场承认。"
    assert "张三" not in repr(p) and "娜娜" not in repr(p)


def test_shop_named_sole_trader_keeps_its_name_and_masks_its_operator() -> None:
    d = sole_trader(
        "明州市新镇张记面馆", "张三", "当事人明州市新镇张记面馆在门前占道经营，经营者张三当场承认。"
    )
    (p,) = run(d).public
    assert p.party_name == "明州市新镇张记面馆"
    assert p.legal_rep == "张某"
    assert p.facts == "当事人明州市新镇张记面馆在门前占道经营，经营者张某当场承认。"


def test_shop_named_after_its_operator_masks_the_operator_inside_it() -> None:
    d = sole_trader("李四水果店", "李四", "当事人李四水果店在人民路占道经营。李四称不知情。")
    (p,) = run(d).public
    assert p.party_name == "李某水果店" and p.legal_rep == "李某"
    assert p.facts == "当事人李某水果店在人民路占道经营。李某称不知情。"


def test_shop_name_without_operator_is_published_as_registered() -> None:
    (p,) = run(sole_trader("李四水果店", "", "当事人在人民路占道经营。")).public
    assert p.party_name == "李四水果店" and p.legal_rep == ""


def test_a_longer_name_is_not_masked_and_holds_the_record_back() -> None:
    d = make(
        party_type="自然人", party_name="张三", credit_code="", legal_rep="", facts="张三丰与张三发生争执。"
    )
    result = run(d)
    assert result.public == [] and result.held_ids == ["D1"]
    values = {p.value for p in result.held}
    assert values <= {"张某"} and all(p.field == "facts" for p in result.held)
    assert "张三丰" not in " ".join(str(p) for p in result.held)


def test_another_persons_name_in_the_facts_holds_the_record_back() -> None:
    d = make(id="W", facts="经查，当事人在新镇街道占道经营，与王五发生争执。", line=9)
    result = run(d, make(id="G"))
    assert [p.id for p in result.public] == ["G"] and result.held_ids == ["W"]
    (problem,) = result.held
    assert problem.field == "facts" and problem.value == "王某" and problem.line == 9
    assert "他人姓名" in problem.zh and "another person's name" in problem.en
    assert "王五" not in str(problem)


def test_names_that_may_be_published_do_not_hold() -> None:
    facts = "当事人江州明川示例建材有限公司法定代表人王建国到场，当事人张某某对事实无异议。"
    assert run(make(facts=facts)).held == []  # an organisation's 法定代表人 is published
    masked_party = make(
        party_type="自然人", party_name="李小明", credit_code="", legal_rep="", facts="李小明在中山路占道。"
    )
    (p,) = run(masked_party).public
    assert p.facts == "李某在中山路占道。"


def test_the_finder_is_a_parameter() -> None:
    seen: list[str] = []

    def finder(text: str) -> tuple[str, ...]:
        seen.append(text)
        return ("赵六",) if "赵六" in text else ()

    assert run(make(facts="赵六在场。"), names=finder).held_ids == ["D1"]
    assert run(make(facts="无人在场。"), names=finder).held == []
    assert "赵六在场。" in seen


def test_sole_trader_person_names() -> None:
    assert sole_trader_person("张三（个体工商户）") == "张三"
    assert sole_trader_person("个体工商户张三") == "张三"
    assert sole_trader_person("张三", "张三") == "张三"
    assert sole_trader_person("明州市新镇张记面馆", "张三") == ""
    assert sole_trader_person("李四水果店", "李四") == ""
    assert sole_trader_person("张记") == ""


def labelled(name: str) -> list[tuple[str, set[str]]]:
    rows = []
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    for line in [x for x in lines if x and not x.startswith("#")][1:]:
        text, _, names = line.partition("\t")
        rows.append((text, {n for n in names.split("、") if n}))
    return rows


def precision_recall(rows: list[tuple[str, set[str]]]) -> tuple[float, float]:
    finder = JiebaNames()
    tp = fp = fn = 0
    for text, expected in rows:
        found = set(finder(text))
        tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
    return tp / (tp + fp), tp / (tp + fn)


def test_precision_and_recall_on_the_labelled_sentences() -> None:
    rows = labelled("sentences.tsv")
    assert len(rows) >= 100 and sum(1 for _, n in rows if n) >= 40
    precision, recall = precision_recall(rows)
    assert precision >= 0.93 and recall >= 0.97, (precision, recall)  # measured: docs/names.md


def test_precision_and_recall_on_the_held_out_sentences() -> None:
    precision, recall = precision_recall(labelled("held_out.tsv"))
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)  # measured: docs/names.md


def test_prefilter_and_cache_give_the_tagger_s_answer() -> None:
    finder = JiebaNames()
    assert not might_name_someone("罚款500元") and finder("罚款500元") == ()
    assert finder("当事人于2025年3月1日与王五发生争执。") == ("王五",)
    assert finder("当事人于2024年7月9日与王五发生争执。") == ("王五",)  # same text but the digits
    assert finder._find.cache_info().hits >= 1


class WholeTexts(JiebaNames):
    """The finder as first written: jieba tags each whole text (no memo of its blocks)."""

    def _words(self, text: str) -> list[tuple[str, str]]:
        return [(w, f) for w, f in (self._tagger or self._load()).cut(text)]


def texts_to_compare() -> list[str]:
    """The labelled sentences, and facts as templates write them (many clauses repeat)."""
    texts = [t for name in ("sentences.tsv", "held_out.tsv") for t, _ in labelled(name)]
    for a in ("证人王五", "店员李小红", "邻居欧阳娜娜", "当事人"):
        for b in (
            "在新镇街道中山路12号门前占道经营",
            "在场，王明、李强作证",
            "与其发生争执，执法人员赵刚到场",
        ):
            texts.append(f"经查，{a}{b}。执法人员现场检查并制作了现场检查笔录，当事人对上述事实无异议。")
    return texts


def test_tagging_clause_by_clause_gives_the_whole_text_s_words_and_names() -> None:
    """jieba tags each run of Han characters and digits on its own; the finder remembers the
    runs it has tagged (clauses repeat across a feed's facts). Same words, same names."""
    finder, whole = JiebaNames(), WholeTexts()
    texts = texts_to_compare()
    for text in texts:
        assert finder._words(text) == whole._words(text), text
    found = [finder(t) for t in texts]
    assert found == [whole(t) for t in texts]
    assert sum(1 for f in found if f) >= 70
    assert finder.stats()["blocks"].hits > 0  # the repeated clauses were not tagged again


@pytest.mark.parametrize(
    "text",
    [
        "经查，当事人于3月5日10时许在东城街道建设路12号门前店外经营，以“利泰面馆”名义经营，占用面积约6平方米。",
        "当事人在门前张贴或设置广告12处，内容为“和鑫火锅店”促销信息。",
        "当事人于夜间露天烧烤，以“隆顺烟酒店”名义经营，持续约40分钟。",
        "当事人利华洗车行在滨江路人行道上冲洗车辆，污水流入雨水口。",
        "当事人在店内销售“金利”牌电动自行车，并在店外人行道上摆放车辆。",
        "当事人以“宁鑫工作室”名义在居民楼内从事装修作业，噪声扰民。",
        "当事人在“宏利商行”门前擅自设置广告。",
        "当事人“鲁兴酒家”将餐厨废弃物倒入店后雨水井。",
        "当事人“金隆宾馆”在楼顶擅自设置户外广告牌。",
        "当事人的车辆停放在盛达建材门市部外，堆放砂石约5立方米。",
    ],
)
def test_shop_and_brand_names_are_not_persons(text: str) -> None:
    """A shop's 字号 followed by its trade (面馆, 火锅店, 商行), quoted, or a brand before 牌."""
    assert JiebaNames()(text) == ()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("店主李建华在其经营的利泰面馆门前摆放餐桌。", ("李建华",)),
        ("当事人在“宏利商行”门前设置广告，房东林国栋称未同意。", ("林国栋",)),
        ("当事人“盛兴面馆”实际经营人为许文龙，许文龙当场承认占道经营。", ("许文龙",)),
        ("当事人雇佣的员工王五烧烤时产生大量油烟。", ("王五",)),
        ("员工李强洗车时将污水排入雨水口。", ("李强",)),
        ("驾驶员张伟行驶至“隆盛超市”门前时遗撒砂石。", ("张伟",)),
        ("当事人以王五名义经营“丰和水果店”。", ("王五",)),
        ("证人王芳水果摊前的人行道被占用。", ("王芳",)),  # a role word before: a person, trade or not
    ],
)
def test_people_in_shop_contexts_are_still_found(text: str, names: tuple[str, ...]) -> None:
    assert JiebaNames()(text) == names


def test_generated_facts_name_nobody_but_their_witnesses() -> None:
    """The benchmark feed's facts (shops such as “利泰面馆”, streets, materials): a text names its
    witness (证人王芳在场...) and nobody else."""
    sys.path.insert(0, str(BENCH))
    from varied_facts import WITNESS_ROLES, varied_fact

    acts = ["店外经营", "乱张贴小广告", "露天烧烤", "擅自设置户外广告", "运输渣土沿途遗撒", "违法搭建"]
    rng, finder = random.Random(10), JiebaNames()
    witness = re.compile("(?:" + "|".join(WITNESS_ROLES) + ")([\u4e00-\u9fff]{2,3})在场并证实")
    texts = [varied_fact(rng, "东城街道", acts[n % len(acts)], witness_share=n % 10 / 9) for n in range(300)]
    assert sum(1 for t in texts if witness.search(t)) >= 100
    for text in texts:
        m = witness.search(text)
        assert finder(text) == ((m.group(1),) if m else ()), text
