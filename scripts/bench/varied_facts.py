"""Decision facts as a city's feed writes them: templates filled with varied places, amounts,
times, shops, vehicles and materials, so that (almost) every record's facts are a distinct text,
and about 1 % of them name another person (a witness, an employee, a neighbour).

Used by ``scripts/generate_agency.py --varied-facts`` and ``scripts/bench/names_cost.py``: the
person-name check (docs/names.md) costs per distinct text, so a feed whose facts repeat (the
default generator's 150 texts) does not show what a real feed costs.
"""

from __future__ import annotations

import random

ROADS = [f"{a}{b}" for a in ("建设", "人民", "解放", "文化", "新华", "和平", "长江", "黄河", "青年", "胜利",
                               "滨江", "工业", "园区", "振兴", "光明", "幸福", "育才", "迎宾")
         for b in ("路", "东路", "西路", "南路", "北路", "大道", "街")]  # fmt: skip
ROADS += [f"{c}{n}路" for c in "纬经" for n in "一二三四五六七八九十"]
PLACES = ["门前", "东侧人行道", "西侧绿化带", "北侧空地", "南侧非机动车道", "交叉口西北角", "菜市场入口",
          "地铁站出口", "小区南门外", "公交站台旁", "沿街商铺前", "桥下空地", "停车场出入口", "学校围墙外"]  # fmt: skip
SHOP_WORDS = "福顺兴旺发利源达祥和鑫隆盛丰泰嘉宏"
SHOP_TRADES = ["水果店", "早餐店", "烧烤店", "五金店", "便利店", "奶茶店", "修车铺", "面馆", "洗车行", "建材店",
               "火锅店", "烟酒店"]  # fmt: skip
MATERIALS = ["砂石", "建筑垃圾", "水泥", "木材", "砖块", "装修垃圾", "钢管", "瓷砖"]
PLATES = "ABCDEFGHJK"
WITNESS_ROLES = ["证人", "店员", "邻居", "员工", "现场负责人", "投诉人"]
WITNESS_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹"
WITNESS_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰"


def _shop(rng: random.Random) -> str:
    return f"“{''.join(rng.sample(SHOP_WORDS, 2))}{rng.choice(SHOP_TRADES)}”"


def _detail(rng: random.Random, act: str) -> str:
    n = rng.randrange(2, 300)
    if "渣土" in act or "遗撒" in act:
        return (f"车牌号为合{rng.choice(PLATES)}{rng.randrange(10000, 99999)}的运输车辆沿途遗撒"
                f"{rng.choice(MATERIALS)}，遗撒长度约{n}米")  # fmt: skip
    if "堆放" in act or "搭建" in act or "防尘" in act:
        return f"堆放{rng.choice(MATERIALS)}约{n}立方米，占用面积约{rng.randrange(5, 400)}平方米"
    if "噪声" in act:
        return f"{rng.randrange(22, 24)}时{rng.randrange(0, 60)}分测得噪声值{rng.randrange(60, 90)}分贝"
    if "张贴" in act or "广告" in act:
        return f"在{rng.choice(PLACES)}张贴或设置广告{n}处，内容为{_shop(rng)}促销信息"
    if "经营" in act or "烧烤" in act or "油烟" in act:
        return f"以{_shop(rng)}名义经营，占用面积约{rng.randrange(2, 80)}平方米，持续约{n}分钟"
    return f"涉及面积约{n}平方米，影响周边{rng.choice(['居民', '商户', '行人', '车辆'])}正常通行"


def varied_fact(rng: random.Random, street: str, act: str, witness_share: float = 0.01) -> str:
    """One record's facts; with probability ``witness_share`` they name another person."""
    day = f"{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日{rng.randrange(7, 22)}时许"
    where = f"{street}{rng.choice(ROADS)}{rng.randrange(1, 999)}号{rng.choice(PLACES)}"
    text = f"经查，当事人于{day}在{where}{act}，{_detail(rng, act)}。"
    if rng.random() < witness_share:
        name = rng.choice(WITNESS_SURNAMES) + "".join(rng.sample(WITNESS_GIVEN, rng.choice((1, 2))))
        text += f"{rng.choice(WITNESS_ROLES)}{name}在场并证实上述情况。"
    return text + "执法人员现场检查并制作了现场检查笔录，当事人对上述事实无异议。"
