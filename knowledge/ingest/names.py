"""What a person's name and a post look like in a roster: surnames, post endings, name splitting."""

from __future__ import annotations

import logging
import re
from itertools import combinations, pairwise

from knowledge.abbreviations import owner_end

# Common Chinese surnames (single character). Characters that are far more often words in a
# roster (常务, 党组, 武警, 海关, 文物 …) are left out, so a name is only found where a name stands.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘蒋蔡余杜叶程魏苏吕丁沈"
    "任姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方邹孟熊秦邱江尹薛闫阎段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔"
    "严高汤莫易向欧阳白尚季习乔赖庞樊殷翟倪施洪祝温牛柴聂俞章鲁葛伍单申焦甘巫楼帅项童于应陶岳盛骆卫"
    "栗宁辛竞矫修仲房栾冀郎柳凌佟滕景包麦谷庄晏艾裴解连纪褚蓝宫邢池荣兰车喻安霍卜左靳管屈虞詹"
    "梅蒙涂符花穆农苗钮鄢邬闵芦阮岑扈阚封祁桂冉饶翁甄邝卓柯湛鲍苑毕鞠宗戚隋尤昝臧荆柏杭"
)
SURNAMES_DOUBLE = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "令狐", "长孙", "慕容")

_CJK = "\u4e00-\u9fff"
# How a post ends: 局长, 主任, 书记, 委员, 巡视员, 董事长, 总工程师 …
POST_ENDINGS = (
    "长",
    "主任",
    "书记",
    "委员",
    "常委",
    "巡视员",
    "主席",
    "总理",
    "师",
    "经理",
    "成员",
    "秘书",
    "校长",
    "编辑",
    "教授",
    "院士",
    "研究员",
    "教师",
    "编审",
    "负责人",
    "同志",
    "领导",
    "干部",
    "专员",
    "司令员",  # 军分区副司令员 / 政治委员: the posts of the armed forces that sit on such bodies
    "政委",
)
# Words a title starts with: after a two-character name these begin the post (王曦副省长, 张新省…).
TITLE_STARTS = (
    "副",
    "省",
    "市",
    "县",
    "区",
    "国",
    "中",
    "全",
    "常",
    "党",
    "团",
    "自治",
    "州",
    "镇",
    "乡",
    "街",
    "原",
    "总",
    "首",
    "广",
    "北",
    "上",
    "天",
    "重",
)
UYGHUR_NAME = re.compile(rf"^[{_CJK}]{{1,8}}(?:·[{_CJK}]{{1,8}})+$")


def is_name(text: str) -> bool:
    """A person's name as rosters write it: 2–4 characters starting with a surname, or 尼加提·尼亚孜."""
    text = text.strip()
    if UYGHUR_NAME.match(text):
        return True
    if not re.fullmatch(f"[{_CJK}]{{2,4}}", text):
        return False
    if text.startswith(SURNAMES_DOUBLE):
        return True
    if len(text) == 4:
        return False
    return text[0] in SURNAMES and not ends_as_post(text)


_UNIT_ENDING = re.compile(r"(?:部|局|委|办|厅|署|院|行|室|中心|政府|公司|集团|队|所|站|馆|会|社|校|组)$")
# Where a crawl garbled text: a question mark or replacement character inside CJK text (mojibake).
_GARBLED = re.compile(rf"^[{_CJK}·]{{2,20}}[?？\ufffd]")


def roster_name(first: str, rest: str) -> bool:
    """Whether a roster entry's first piece is a name: one by its surname, or — where the rest of the entry
    reads as a post (高培勇 社科院副院长, 文秋芳 教授、…主任) — any two or three characters that are not a
    post or a unit themselves (a surname list never has every surname)."""
    first = first.strip()
    if is_name(first):
        return True
    shaped = re.fullmatch(f"[{_CJK}]{{2,3}}", first) and not ends_as_post(first) and not _UNIT_ENDING.search(first)
    return bool(shaped) and _post_like(rest.strip().rstrip(")）"))


def garbled_entry(text: str) -> bool:
    """A roster line whose name the crawl garbled (孜拉吾东·加拉力?。ㄊ兴贮h组副书记、局长)."""
    return _GARBLED.match(text.strip()) is not None


def ends_as_post(text: str) -> bool:
    return text.endswith(POST_ENDINGS)


_PLACE_LEVELS = "省市县区州盟旗"


def split_glued(text: str) -> tuple[str, str] | None:
    """A name and its title with no separator (林克庆省委常委、常务副省长) → (name, title), or None."""
    m = re.match(rf"^([{_CJK}]{{1,8}}(?:·[{_CJK}]{{1,8}})+)(.+)$", text)
    if m:
        return m.group(1), m.group(2)
    if len(text) < 4 or text[0] not in SURNAMES:
        return None
    rest3 = text[3:]
    rest2 = text[2:]
    if (rest2.startswith(TITLE_STARTS) and len(rest2) >= 2) or (
        len(rest3) >= 2 and _first_word(rest2) > _first_word(rest3)
    ):
        name, title = text[:2], rest2
    elif len(rest3) >= 2:
        name, title = text[:3], rest3
    else:
        return None
    if not is_name(name) or not _post_like(title) or _place_word(text, name):
        return None  # 江州市自然资源和规划局…局长: a place and its post, no person 江州
    return name, title


def _place_word(text: str, name: str) -> bool:
    """Whether the "name" is a place the general dictionary knows as a word, its level after it (江州|市), not a
    person's name it knows (李娜|区市场监管局局长)."""
    if text[len(name) : len(name) + 1] not in tuple(_PLACE_LEVELS) or _first_word(text) < len(name):
        return False
    import jieba.posseg  # only ingest needs the general dictionary's parts of speech

    first = next(iter(jieba.posseg.cut(text[:12], HMM=False)), None)
    return first is None or first.word != name or first.flag != "nr"


def _first_word(text: str) -> int:
    """The length of the first word jieba finds in ``text`` (its general dictionary: 发展 / 外交部)."""
    import jieba  # only ingest needs the general dictionary

    jieba.setLogLevel(logging.WARNING)
    return len(next(iter(jieba.cut(text[:12], HMM=False)), ""))


def _post_like(title: str) -> bool:
    last = re.split(r"[、,，]", title)[-1]
    last = re.sub(r"[(（][^)）]*[)）]$", "", last)
    return ends_as_post(last)


def trailing_name(text: str) -> tuple[str, str] | None:
    """A post followed by a name (市科技局局长许洪斌, 欧顺清同志) → (post, name), or None."""
    text = re.sub(r"同志$", "", text)
    for size in (3, 2):
        if len(text) <= size:
            continue
        post, name = text[:-size], text[-size:]
        post = post[:-1] if post.endswith(" ") else post  # 分局局长 邝某: a space the crawl left before the name
        if is_name(name) and ends_as_post(post):
            return post, name
    return None


def post_then_name(text: str) -> tuple[str, str, str | None] | None:
    """A roster entry in "title name" order (省长 孙志远, 副省长 徐慧敏（常务副组长）, 县长王芳) →
    (name, title, the note in brackets after the name), or None."""
    text = text.strip()
    note = None
    m = re.match(r"^(.+?)[(（]([^()（）]+)[)）]$", text)
    if m:
        text, note = m.group(1).strip(), m.group(2)
    if " " in text:  # spaced apart: two or three characters after a post are a name, whatever the surname
        post, name = text.rsplit(" ", 1)
        shaped = is_name(name) or (re.fullmatch(f"[{_CJK}]{{2,3}}", name) and not ends_as_post(name))
        found = (post.strip(), name) if shaped and _post_like(post.strip()) else None
    else:
        found = trailing_name(text)
    if found is None or is_name(found[0]):
        return None
    return found[1], found[0], note


def post_name_entries(text: str) -> list[tuple[str, str, str | None]] | None:
    """Several "title name" entries on one line (市政府副秘书长 陈明、市委宣传部副部长 周平), cut at each 、
    that follows a spaced name; None unless every piece reads so."""
    pieces, start = [], 0
    for m in re.finditer(rf" [{_CJK}]{{2,3}}(?:[(（][^()（）]+[)）])?、", text):
        pieces.append(text[start : m.end() - 1])
        start = m.end()
    if not pieces:
        return None
    read = [post_then_name(p) for p in [*pieces, text[start:]]]
    return None if any(r is None for r in read) else [r for r in read if r is not None]


_ENDING = re.compile("|".join(sorted(map(re.escape, POST_ENDINGS), key=len, reverse=True)))


def split_glued_run(text: str) -> list[tuple[str, str]] | None:
    """Several names and titles run together (姜大明国土资源部部长丁向阳国务院副秘书长…) → [(name, title)],
    cut where a post ends and a surname follows; None unless every piece reads as a name and a post."""
    cuts = [0]
    for m in _ENDING.finditer(text):
        end = m.end()
        if end < len(text) and text[end] in SURNAMES and end - cuts[-1] >= 5:
            cuts.append(end)
    cuts.append(len(text))
    pieces = [text[a:b] for a, b in pairwise(cuts) if b > a]
    if len(pieces) < 2:
        return None
    read = [split_glued(piece) for piece in pieces]
    if any(r is None for r in read):
        return None
    return [r for r in read if r is not None]


_KINDS = ("领导小组", "工作专班", "专业委员会", "委员会", "指挥部", "联席会议", "专班", "小组")
_ORDINAL = re.compile(r"^第([一二三四五六七八九十]+)次$")
_PLAIN = frozenset({"全国", "工作", "领导", "建设", "推进", "国家", "中华人民共和国"})
# a body's whole core that people shorten to one character, not to its words' first characters (安生委)
_ONE_CHARACTER = {"安全生产": "安"}


def short_names(name: str) -> list[str]:
    """The short names people make of a group's name from the first characters of its words, with an
    ordinal kept as its numeral: 第三次全国经济普查领导小组 → 三经普领导小组, 三经普小组, 三经普组;
    地理国情普查 → 地普. (Forms from whole words, 航空组, the engine derives itself.)"""
    import jieba  # only ingest needs the general dictionary

    jieba.setLogLevel(logging.WARNING)
    kind = next((k for k in _KINDS if name.endswith(k)), "")
    core = name.removesuffix(kind)
    core = core[owner_end(core, 4) :]
    if core in _ONE_CHARACTER and kind == "委员会":  # 安全生产委员会 → 安委会, 安委 (and its office 安委办)
        return [_ONE_CHARACTER[core] + end for end in ("委会", "委")]
    ordinal, heads = "", []
    for word in jieba.cut(core, HMM=False):
        found = _ORDINAL.match(word)
        if found:
            ordinal = found.group(1)
        elif word not in _PLAIN and len(word) >= 2:
            heads.append(word[0])
    if len(heads) < 2:
        return []
    ends = {"领导小组": ("领导小组", "小组", "组"), "小组": ("小组", "组"), "专业委员会": ("专委会",)}.get(
        kind, (kind,) if kind else ()
    )
    forms = []
    for size in range(2, len(heads) + 1):
        for chosen in combinations(heads, size):
            for start in dict.fromkeys((ordinal + "".join(chosen), "".join(chosen))):
                forms += [start + end for end in ends]
                if len(start) >= 3:
                    forms.append(start)  # 三经普, 二污普
    return [f for f in dict.fromkeys(forms) if f != name]
