"""Person names in free text: who, other than the party, a decision's facts name.

The law publishes no natural person's name but the party's (masked). Witnesses, employees,
neighbours and officers named in ``facts``, ``basis`` or ``content`` hold the record back for
review. Finding them is the job of a :class:`NameFinder`: any callable from a text to the
person names in it. :class:`JiebaNames` is the one the build uses: jieba's part-of-speech
tagger (person names ``nr``, ``nrfg``, ``nrt``), with its bundled dictionary only (loaded on
first use, no cache file written), filtered to names that start with a Chinese surname and
are not the name of a road, place or shop, and cached by text (decision facts are written
from templates, so many texts differ only in their digits).

The tagger costs about 2 ms per 100-character text; the cache and a prefilter (no surname
character followed by a Han character: no name) keep it off most texts. See docs/names.md
for the measured precision, recall and cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from sunlight.domain.masking import COMPOUND_SURNAMES, MASK, NAME_ENDS

NameFinder = Callable[[str], tuple[str, ...]]

# Single-character surnames: the common ones of the national census lists and 百家姓, together
# well over 99 % of the population. A tagger's "name" that starts with none of them is noise.
SURNAMES: frozenset[str] = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符"
    "舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司"
    "卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙"
    "荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘"
    "满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普"
    "阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭"
    "干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)

# A word ending so, or followed by such a word, names a place, road or shop: 周浦镇, 中山路.
_PLACE_END = frozenset("路街巷弄道村镇乡区县市省州桥港湾园馆店厂场庄坊堂楼阁寺庙氏家")
_PLACES_AFTER = (
    "路", "街", "巷", "弄", "道", "村", "镇", "乡", "区", "县", "市", "省", "州", "桥", "港", "湾",
    "山", "河", "湖", "江", "岛", "园", "场", "庄", "坊", "堂", "楼", "阁", "寺", "庙", "塔", "门",
    "大道", "公路", "广场", "公园", "小区", "花园", "大厦",
)  # fmt: skip
# Businesses: a name right before a trade word is the business's 字号, not a person's name
# (利泰面馆, 和鑫火锅店, 盛达建材门市部, 金利牌, 周大福金店). The one list of trade words.
TRADES: tuple[str, ...] = (
    "店", "馆", "厂", "铺", "牌", "品牌", "商标", "公司", "集团", "商行", "车行", "商店", "商场",
    "商城", "商贸", "门市", "经营部", "服务部", "销售部", "工作室", "超市", "便利", "百货", "副食",
    "杂货", "食杂", "日杂", "面馆", "饭馆", "菜馆", "餐馆", "酒馆", "茶馆", "火锅", "餐厅", "饭店",
    "酒店", "酒家", "酒楼", "茶楼", "小吃", "快餐", "餐饮", "食品", "奶茶", "粮油", "蔬菜", "果蔬",
    "水果", "生鲜", "熟食", "卤味", "烤鸭", "面包", "蛋糕", "烘焙", "包子", "饺子", "拉面", "米线",
    "米粉", "麻辣烫", "大排档", "烟酒", "茶叶", "五金", "建材", "家居", "家具", "家电", "电器",
    "灯饰", "卫浴", "陶瓷", "石材", "钢材", "机电", "汽修", "汽配", "车业", "轮胎", "服装", "服饰",
    "鞋业", "布艺", "眼镜", "手机", "通讯", "数码", "电脑", "文具", "书店", "图文", "快印", "广告",
    "装饰", "装潢", "物流", "快递", "药房", "药店", "诊所", "棋牌", "网吧", "酒吧", "会所", "足浴",
    "浴室", "宾馆", "旅馆", "旅社", "客栈", "招待所", "花店", "花卉", "金店", "银楼", "专卖",
    "刀具",
)  # fmt: skip
# Trades that are also verbs (员工王五烧烤时, 李强洗车时) name a business only with a shop word
# after them: 隆兴烧烤店, 利华洗车行.
_TRADE_VERBS = (
    "烧烤", "洗车", "修车", "维修", "修理", "理发", "美发", "美容", "装修", "开锁", "早餐", "打印",
    "复印", "洗衣", "干洗", "摄影",
)  # fmt: skip
_SHOP_ENDS = "店馆行铺摊场部室厂坊城吧所社"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_PLACE_AFTER = re.compile(
    f"(?:{_alternation([*_PLACES_AFTER, *TRADES])}|(?:{_alternation(_TRADE_VERBS)})[{_SHOP_ENDS}])"
)
# Quotation marks around a shop's or a brand's name: 以“利泰面馆”名义, 「盛兴面馆」, “金利”牌.
_OPENING, _CLOSING = '“「『"‘', '”」』"’'
_QUOTED_MAX = 12
_BRAND = re.compile("牌|品牌|商标")
# A surname followed by one of these is a way of addressing someone, not a name (王队长).
_TITLES = frozenset(
    [
        "阿姨",
        "师傅",
        "老板",
        "老板娘",
        "经理",
        "先生",
        "女士",
        "小姐",
        "大爷",
        "大妈",
        "大姐",
        "大哥",
        "队长",
        "科长",
        "局长",
        "主任",
        "书记",
        "所长",
        "站长",
        "老师",
        "医生",
        "律师",
        "会计",
        "总",
        "工",
        "某",
        "某某",
    ]
)
# Words that introduce a person in a decision's facts. The tagger's dictionary labels many
# common words as names (许可证, 张贴, 陈述, 顾客 are all ``nr`` there), so a dictionary word is
# taken for a name only right after one of these (证人蔡明亮) or after another name (王明、李强).
_ROLES = [
    "证人",
    "员工",
    "雇员",
    "店员",
    "店主",
    "店长",
    "负责人",
    "管理人员",
    "管理员",
    "施工员",
    "监理",
    "经理",
    "司机",
    "驾驶员",
    "邻居",
    "居民",
    "房东",
    "租户",
    "业主",
    "顾客",
    "举报人",
    "投诉人",
    "代理人",
    "律师",
    "合伙人",
    "妻子",
    "丈夫",
    "之子",
    "之女",
    "之兄",
    "之弟",
    "之姐",
    "之妹",
    "儿子",
    "女儿",
    "父亲",
    "母亲",
    "执法人员",
    "执法队员",
    "队员",
    "民警",
    "主任",
    "人员",
    "目击者",
    "收银员",
    "厨师",
    "保安",
    "门卫",
    "委托",
    "法定代表人",
    "经营者",
    "实际经营人",
    "经营人",
    "联系人",
    "陪同人",
    "见证人",
    "当事人",
    "户主",
    "车主",
    "房主",
    "租客",
]
# The same cue, read without the tagger: a role word (or a word ending in 人, 员, 长, 伙, 众, or
# 给), a surname and one or two more Han characters, then a character that ends a name.
_CUED = re.compile(
    "(?:"
    + "|".join(sorted(_ROLES, key=len, reverse=True))
    + "|[人员长伙众给])("
    + "|".join(sorted(COMPOUND_SURNAMES, key=len, reverse=True))
    + "|["
    + "".join(sorted(SURNAMES))
    + "])([\\u3400-\\u9fff]{1,2})(?=["
    + "".join(sorted(NAME_ENDS))
    + "]|[^\\u3400-\\u9fff]|$)"
)
_DIGITS = re.compile(r"[0-9０-９]+")
_SURNAME_THEN_HAN = re.compile(
    "[" + "".join(sorted(SURNAMES | {c[0] for c in COMPOUND_SURNAMES})) + "][\\u3400-\\u9fff]"
)
_NAME_TAGS = frozenset(("nr", "nrfg", "nrt"))
# jieba's tags of prepositions and conjunctions (于/p, 由/p, 与/p, 和/c)
_FUNCTION_TAGS = frozenset(("p", "c"))


# Characters no given name has in a decision's text: amounts in capital numerals (伍佰元, 陆万元),
# units and dates. And verbs that start with a surname character, which the tagger can take
# for unknown names (张挂、张贴).
_NOT_GIVEN = frozenset("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整号米年月日时次条款项")
_NOT_NAMES = frozenset(("张挂", "张拉", "张罗", "张望", "张扬", "张开", "单位"))
# Times after 于 (当事人于夜间在...): 于 is a surname too.
_NOT_GIVEN_WORDS = frozenset(("夜间", "当日", "当天", "次日", "同日", "近日", "凌晨", "上午", "中午", "下午", "傍晚", "晚上"))  # fmt: skip


def surname_of(name: str) -> str:
    """The surname ``name`` starts with (compound first), or "" when none."""
    for c in COMPOUND_SURNAMES:
        if name.startswith(c):
            return c
    return name[:1] if name[:1] in SURNAMES else ""


def might_name_someone(text: str) -> bool:
    """The cheap prefilter: a surname character followed by a Han character somewhere."""
    return _SURNAME_THEN_HAN.search(text) is not None


def plausible(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has the shape of a person's name there: a surname and one or
    two given characters, no title, amount or date, and not the name of a place or a business."""
    name = text[start:end]
    family = surname_of(name)
    if not family or MASK in name or not 2 <= len(name) <= len(family) + 2:
        return False
    given = name[len(family) :]
    if given in _TITLES or given in _NOT_GIVEN_WORDS or name[-1] in _PLACE_END or name in _NOT_NAMES:
        return False
    if any(c in _NOT_GIVEN for c in given):
        return False
    # A name right after a role word is a person's even before a trade word (证人王芳水果摊前):
    # when in doubt, the record is held back. Not after 当事人: the party may be the business.
    before = text[max(0, start - 8) : start]
    return not business_name(text, start, end) or (_introduced(before, []) and not before.endswith("当事人"))


def business_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a shop's, a business's or a brand's.

    - Followed by a place or a trade word (:data:`TRADES`): 中山路, 利泰面馆, 和鑫火锅店,
      盛达建材门市部, 金利牌; a three-character name whose last character starts the trade word
      is the business's too (隆顺烟 in 隆顺烟酒店: 隆顺 + 烟酒店).
    - Quoted, then 牌, 品牌 or 商标: “金利”牌.
    - At the head of a short quoted phrase that goes on past it without a break (a character
      that ends a name): “宁鑫工作室”, 「盛兴面馆」, “柯达快印”. A quoted name alone (以“王五”名义)
      or followed by a predicate (“王五在店里”) is still a name.
    """
    if _PLACE_AFTER.match(text, end) or (end - start == 3 and _PLACE_AFTER.match(text, end - 1)):
        return True
    if text[end : end + 1] in _CLOSING and _BRAND.match(text, end + 1):
        return True
    opening = start - 1
    if opening < 0 or text[opening] not in _OPENING:
        return False
    closing = next((i for i, c in enumerate(text[end : start + _QUOTED_MAX], end) if c in _CLOSING), -1)
    return closing > end and _han(text[end:closing]) and text[end] not in NAME_ENDS


class JiebaNames:
    """Person names found by jieba's part-of-speech tagger (a :data:`NameFinder`).

    jieba tags each run of Han characters, letters and digits (a clause, between punctuation
    marks) on its own, whatever comes before or after it: the words of a text are the words of
    its runs, one after the other. So the tagger is asked about each distinct run once (many
    clauses repeat across a feed's facts: 执法人员现场检查并制作了现场检查笔录); the rules that
    read across runs (a role word before a name, names in a list) read the whole text.
    """

    def __init__(self, cache_size: int = 65536, block_cache_size: int = 1 << 17) -> None:
        self._tagger: Any = None
        self._blocks: Any = None
        self._find = lru_cache(maxsize=cache_size)(self._tag)
        self._cut = lru_cache(maxsize=block_cache_size)(self._cut_block)

    def __call__(self, text: str) -> tuple[str, ...]:
        if not might_name_someone(text):
            return ()
        return self._find(_DIGITS.sub("0", text))

    def stats(self) -> dict[str, Any]:
        """How often the text and run memos answered (``functools`` cache info)."""
        return {"texts": self._find.cache_info(), "blocks": self._cut.cache_info()}

    def _words(self, text: str) -> list[tuple[str, str]]:
        """jieba's (word, tag) pairs of ``text``: those of its runs, in order (see the class)."""
        if self._blocks is None:
            self._load()
        return [pair for block in self._blocks.split(text) if block for pair in self._cut(block)]

    def _cut_block(self, block: str) -> tuple[tuple[str, str], ...]:
        return tuple((w, f) for w, f in (self._tagger or self._load()).cut(block))

    def _tag(self, text: str) -> tuple[str, ...]:
        tagger = self._tagger or self._load()
        known = tagger.tokenizer.FREQ
        words = self._words(text)
        found: list[str] = []
        at, i = 0, 0
        while i < len(words):
            word, flag = words[i]
            start = text.find(word, at)
            name, size = word, 1
            # 吴/nr 桂兰/ns: surname, given name; but 于/p 陈/nr 美玲/nr: a preposition (于, 由) or a
            # conjunction that is also a surname does not start the name after it
            if i + 1 < len(words) and word in SURNAMES and flag not in _FUNCTION_TAGS:
                nxt, nflag = words[i + 1]
                if len(nxt) <= 2 and (flag in _NAME_TAGS or nflag in _NAME_TAGS) and _han(nxt):
                    name, size = word + nxt, 2
            end = start + len(name)
            if (size == 2 or flag in _NAME_TAGS) and plausible(text, start, end):
                in_dictionary = size == 1 and known.get(name, 0) > 0
                cue = text[max(0, start - 6) : start]
                if (not in_dictionary or _introduced(cue, found)) and name not in found:
                    found.append(name)
            at, i = end, i + size
        for m in _CUED.finditer(text):
            name = m.group(1) + m.group(2)
            if known.get(text[m.start() : m.start(1) + 1], 0) > 0:  # 居民楼内: the cue word goes on
                continue
            if plausible(text, m.start(1), m.end()) and name not in found:
                found.append(name)
        return tuple(n for n in found if not any(o != n and n in o for o in found))  # 林国栋, not 国栋

    def load(self) -> None:
        """Load jieba's tagger now rather than on the first text that needs it."""
        self._load()

    def _load(self) -> Any:
        import jieba.posseg

        self._blocks = jieba.posseg.re_han_internal  # how jieba.posseg cuts a text into runs
        self._tagger = _shared_tagger()
        return self._tagger


_default: JiebaNames | None = None


@lru_cache(maxsize=1)
def _shared_tagger() -> Any:
    """jieba's tagger, loaded once per process (about 1 s of CPU). Importing ``jieba.posseg``
    reads the word tags of jieba's bundled dictionary for its default tagger, so that tagger is
    the one used (a second ``POSTokenizer`` would read them again). Its tokenizer's prefix
    dictionary is built here from the same bundled dictionary: jieba's own start-up would read
    and write a cache file in the shared temporary directory, which another user could replace."""
    import jieba
    import jieba.posseg

    tokenizer = jieba.posseg.dt.tokenizer
    if not tokenizer.initialized:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
        tokenizer.initialized = True
    return jieba.posseg.dt


def default_finder() -> JiebaNames:
    """The process's shared finder: the one installed (:func:`install_finder`), else a
    :class:`JiebaNames` made now (its dictionary loads once, on first use)."""
    global _default
    if _default is None:
        _default = JiebaNames()
    return _default


def installed_finder() -> JiebaNames | None:
    """The process's shared finder if one was made or installed yet."""
    return _default


def install_finder(finder: JiebaNames) -> None:
    """Make ``finder`` the process's shared finder (the build's wiring installs one whose tagger
    loads in a helper process: ``sunlight_site.decisions.tagger_process``)."""
    global _default
    _default = finder


def _han(word: str) -> bool:
    return all("\u3400" <= c <= "\u9fff" for c in word)


def _introduced(before: str, found: list[str]) -> bool:
    """A role word (证人, 员工...), perhaps with 为/是/系 (实际经营人为许文龙), or another name and a
    list mark right before a name."""
    if any(
        before.endswith(role) or before[:-1].endswith(role) and before[-1:] in "为是系" for role in _ROLES
    ):
        return True
    return before[-1:] in "、和及与" and any(before[:-1].endswith(n) for n in found)


_SOLE_TRADER_MARK = re.compile(
    r"^\s*(?:个体工商户|个体户)\s*[:：]?\s*|\s*[（(\[【]?\s*(?:个体工商户|个体户)\s*[)）\]】]?\s*$"
)
# Characters of a shop name (字号, trade, form): 张记面馆, 李四水果店, 王家小吃部.
_SHOP_CHARS = frozenset("记店馆行部社铺厂坊屋吧摊所站园城场庄楼市区县镇村街路号司业中心超")


def sole_trader_person(party_name: str, operator: str = "") -> str:
    """The person's name a 个体工商户 is registered under, or "" for a shop name.

    ``张三（个体工商户）``, ``个体工商户张三`` and ``张三`` give 张三 (with or without the operator,
    ``legal_rep``); ``明州市新镇张记面馆`` and ``李四水果店`` give "" (a shop name is not a person's
    name, though its operator is a person: see the publication policy).
    """
    core = _SOLE_TRADER_MARK.sub("", party_name).strip()
    if not core:
        return ""
    if operator.strip() and core == operator.strip():
        return core
    if "·" in core:  # 阿依古丽·买买提
        return core if all(part and _han(part) for part in core.split("·")) else ""
    family = surname_of(core)
    if not family or not _han(core) or not 2 <= len(core) <= len(family) + 2:
        return ""
    # Shop characters count after the surname only: 司 is one (公司), but not in 司马光.
    return "" if any(c in _SHOP_CHARS for c in core[len(family) :]) else core
