"""Short forms people make of the notice's names, derived by rule from the names themselves.

- A group's name is read as two-character words (精简|行政|审批 + 组): any one word or any choice of
  them in any order, with 组, is a short form (精简组, 审批组, 精简审批组, 深化商事改革组, 社会服务改善组);
  协调小组 gives 协调组.
- A person is addressed by surname and post (唐局长, 罗副秘书长 and 罗秘书长, 吴市长), the posts taken
  from their titles and their places in the groups (组长, 副组长, 主任, 副主任).

A short form that fits two entities names both, so the engine asks which (改革组: 深化商事制度改革组,
or the 放管服改革协调小组?). A form that is already a name, alias or title of anything is left alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import combinations, permutations

from knowledge.facts import Knowledge, RoleKind

_WORD = 2
_REORDERED = 3  # words of a group's name said in any order, up to this many
_COMBINED = 16  # words of a group's name any of which may be left out, up to this many (2^16 choices)
_HEADS = 4  # first characters of its words people string together, up to this many (城规委, 爱卫会; a crawl's
# run-on title of 20 words would otherwise give 2^20 forms)
# Words that say nothing about which group is meant.
_GENERIC = frozenset({"工作", "领导", "小组", "专题", "保障", "建设", "推进"})
_ROLE_POSTS = {
    RoleKind.LEADER: "组长",
    RoleKind.DEPUTY: "副组长",
    RoleKind.OFFICE_DIRECTOR: "主任",
    RoleKind.OFFICE_DEPUTY_DIRECTOR: "副主任",
}
_CLIPPED = {"秘书长": "秘", "副秘书长": "秘", "组长": "组", "市长": "市长", "省长": "省长", "县长": "县长"}
_POST_ENDINGS = ("秘书长", "市长", "局长", "主任", "书记", "部长", "厅长", "主席", "委员", "组长")


def bare_post(title: str) -> bool:
    """A post without its unit (局长, 副主任): in a chain of titles it belongs to the unit before it."""
    return title.removeprefix("副") in _POST_ENDINGS


_LEVELS = ("自治区", "省", "市", "县", "区")  # a unit's level, which people leave out (省妇联 → 妇联)
# A unit's kind word; the words people put in its place after some of the name's words, and after the
# first characters of its words: 武警部队 → 武警, 北京师范大学 → 北师大 and 北外 (never 北京大学: the place
# word alone with the kind is another unit), 海洋综合执法总队 → 海洋执法总队. Any other name ends in a
# one-character kind (部, 局, 厅, 委, 办 …), kept in every form.
_UNIT_SUFFIXES = (
    ("有限公司", ("公司",), ("公司",)),
    ("部队", ("",), ("部队",)),
    ("大学", (), ("大", "")),
    ("委员会", ("委员会", "委"), ("委",)),
    ("研究院", ("研究院",), ("院",)),
    ("总队", ("总队",), ("总队",)),
    ("大队", ("大队",), ("大队",)),
    ("支队", ("支队",), ("支队",)),
    ("总局", ("总局", "局"), ("局",)),
    ("分局", ("分局", "局"), ("局",)),  # 区公安分局 → 公安局, 公安那边
    ("学院", ("学院",), ("院",)),
    ("公司", ("公司",), ("公司",)),
)
_UNIT_LEVELS = (
    "省委",
    "市委",
    "县委",
    "区委",
    *_LEVELS,
    "中央",
    "国家",
)  # 中央宣传部 → 宣传部 (and 中宣部, the level's head kept)
_NOT_LEVELS = ("市场", "市政", "区域")  # a word that starts like a level: 市场监管总局 is no 市's 场监管总局
_BODY_OF_UNIT = ("原党委", "原党组", "党委", "党组")  # 外交部党委书记: the party body is the unit's own
# After a unit's leading words, people say where they mean rather than its kind: 公安那边 / 海关那块 / 民政系统.
_SIDES = ("那边", "那块", "这边", "这块", "部门", "系统")
_JOINERS = re.compile("[和与及]")  # 工业和信息化部 → 工信部: a joining word has no head of its own
_MOST_HEADS = 4
OFFICE_WORDS = ("办公室", "办公厅")  # a group's office, said bare: no member unit's short form or misspelling


def unit_short_forms(kb: Knowledge, taken: set[str]) -> dict[str, tuple[str, ...]]:
    """Short forms people make of a unit's name, by rule: without its level of government (省民政厅 → 民政厅),
    its first words with its kind (国土资源部 → 国土部, 海洋综合执法总队 → 海洋执法总队), the first
    characters of its words (环境保护部 → 环保部, 人力资源社会保障部 → 人社部, 北京外国语大学 → 北外). A form
    that fits two units names both, so the engine asks which."""
    fits: dict[str, list[str]] = defaultdict(list)
    places = kb.places()
    for unit in kb.units.values():
        if unit.umbrella:
            continue
        inner = _around_place(unit.name, places)
        for form in dict.fromkeys([*unit_forms(unit.name), *(f for f in inner if len(f) > _WORD)]):
            if any(form == place + side for place in places for side in _SIDES):
                continue  # 重庆这边 (of 重庆银保监局): the place itself, no unit of it
            if form in OFFICE_WORDS:
                continue  # 市委办公室 without its level: 办公室 said bare is the group's office, no member unit
            fits[form].append(unit.id)
    return {form: tuple(ids) for form, ids in fits.items() if form not in taken}


_BRANCH = ("分公司", "公司", "分行", "支行", "分局", "分中心", "分院")  # a body's branch in a place


def _around_place(name: str, places: frozenset[str]) -> list[str]:
    """What people call a unit whose name has a place of the notice inside it: what follows the place and its level
    (国网青峰县供电公司 → 供电公司; not at its head: 重庆市税务局), or the place without a level (清河军分区 → 军分区,
    国网清河供电公司 → 供电公司); a branch by its body (中国电信清河分公司 → 中国电信)."""
    forms = []
    for place in places:
        found = name.find(place)
        rest = name[found + len(place) :]
        if found < 0 or not rest:
            continue
        if rest[:1] in _LEVELS:
            forms += [rest[1:]] if found > 0 else []
            continue
        if rest.startswith(_LEVELS):  # (自治区)
            continue
        if len(rest) > _WORD and rest not in _BRANCH:
            forms.append(rest)
        if found >= _WORD and rest in _BRANCH:
            forms.append(name[:found])
    return forms


# A place at the head of a title (广州市委常委, 珠海市副市长, 江苏省原副省长): a government below or beside the
# notice's own, whose official sits in the group.
_TITLE_PLACE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(省|市|县|区)(?!场|政|级|长)")


def title_places(kb: Knowledge, level: str) -> dict[str, tuple[str, ...]]:
    """The places of one level (市) named at the head of people's titles → the people holding those titles."""
    fits: dict[str, list[str]] = defaultdict(list)
    for person in kb.people.values():
        for title in person.titles:
            found = _TITLE_PLACE.match(title.title)
            if found and found.group(2) == level and not found.group(1).startswith(_LEVELS):
                fits[found.group()].append(person.id)
    return {place: tuple(dict.fromkeys(ids)) for place, ids in fits.items()}


_UNIT_KINDS = ("部", "局", "厅", "委", "办", "署", "院", "会", "校", "行", "队", "大学", "公司")


def looks_like_unit(word: str) -> bool:
    """A word named like a unit (教育部, 市卫健委): at least three characters ending in a unit's kind."""
    return len(word) >= 3 and word.endswith(_UNIT_KINDS)


def unit_forms(name: str) -> list[str]:
    """The short forms of one unit's name."""
    plain = next((name.removesuffix(b) for b in _BODY_OF_UNIT if name.endswith(b) and len(name) > len(b) + 2), name)
    bare = next(
        (
            plain.removeprefix(v)
            for v in _UNIT_LEVELS
            if plain.startswith(v) and len(plain) >= len(v) + _WORD and not plain.startswith(_NOT_LEVELS)
        ),
        plain,
    )
    kind, after_words, after_heads = next(
        (entry for entry in _UNIT_SUFFIXES if bare.endswith(entry[0])), (bare[-1:], (bare[-1:],), (bare[-1:],))
    )
    words = [w for piece in _JOINERS.split(bare.removesuffix(kind)) for w in _unit_words(piece)]
    forms = [plain, bare]
    for size in range(1, len(words) + 1):  # the first word and some of the others: 国土部, 海洋执法总队
        for rest in combinations(words[1:], size - 1):
            # (all its words with a kind word of its own: 公安局 of 区公安分局, 市场监管局 of 市场监管总局)
            forms += [
                words[0] + "".join(rest) + end for end in after_words if size < len(words) or not end or end != kind
            ]
    core = bare.removesuffix(kind)
    leads = words[:1] + ([core] if len(words) == _WORD else [])  # 公安那边, 生态环境那边
    forms += [lead + side for lead in dict.fromkeys(leads) if len(lead) >= _WORD for side in _SIDES]
    level = plain.removesuffix(bare)
    for named in ([level, *words] if level in ("中央", "国家") else words, words):  # 中宣部 and 宣传部
        heads = [w[0] for w in named][:_MOST_HEADS]
        for size in range(1, len(heads)):  # the first character of the first word and of some others: 人社部
            forms += [heads[0] + "".join(rest) + end for rest in combinations(heads[1:], size) for end in after_heads]
    return [f for f in dict.fromkeys(forms) if f != name and len(f) >= _WORD]


def _unit_words(piece: str) -> list[str]:
    """A piece of a unit's name read as two-character words, an odd last character joined to the last
    word (北京|外国语, 住房|城乡|建设)."""
    if len(piece) <= 3:
        return [piece] if piece else []
    cut = len(piece) - 3 if len(piece) % _WORD else len(piece)
    return [*(piece[i : i + _WORD] for i in range(0, cut, _WORD)), *([piece[cut:]] if cut < len(piece) else [])]


# A group's own kind word, and the shorter words people put in its place (未成年人保护工作领导小组 → 未保组).
_SUFFIXES = (
    ("专业委员会", ("专业委员会", "专委会")),  # 消防安全专业委员会 → 消防专委会
    ("委员会", ("委员会", "委", "会")),
    ("领导小组", ("领导小组", "小组", "组")),
    ("工作专班", ("工作专班", "专班")),
    ("专班", ("专班",)),
    ("指挥部", ("指挥部",)),
    ("联席会议", ("联席会议", "联席会")),
    ("小组", ("小组", "组")),
    ("组", ("组",)),
)
# Whose a body is, at the head of its name, which people leave out: a government (国务院, 广东省, 市, 松溪镇) or an
# organisation (恒远能源集团有限公司, 华西大学): 松溪镇防汛抗旱指挥部 → 防汛办, 恒远…公司安全生产委员会 → 安委会.
_OWNER = re.compile(
    r"^(?:国务院|[\u4e00-\u9fff]{0,4}?(?:自治区|省|市|县|区|镇|乡|街道)"
    r"|[\u4e00-\u9fff]{2,10}?(?:集团)?(?:股份有限公司|有限责任公司|有限公司|公司)|[\u4e00-\u9fff]{2,6}?(?:大学|学院|医院))"
)


_TOWNS = ("镇", "乡", "街道")
_PARTY = "中共"


def owner_end(name: str, keep: int) -> int:
    """Where a body's name proper starts after whose it is, if at least ``keep`` characters are left; else 0."""
    found = _OWNER.match(name)
    return found.end() if found and len(name) - found.end() >= keep else 0


_QUOTED = re.compile(r"[“\"「]([\u4e00-\u9fff]{2,6})[”\"」]([\u4e00-\u9fff]{2})?")  # a quoted word, the word after it


def group_short_forms(kb: Knowledge, taken: set[str]) -> dict[str, tuple[str, ...]]:
    """Short form → the ids of the groups it fits (more than one: ambiguous)."""
    fits: dict[str, list[str]] = defaultdict(list)
    counted = Counter(g.kind for g in kb.groups.values() if g.kind)
    shared = {kind: kind for kind, n in counted.items() if n > 1}
    for group in kb.groups.values():
        # a group called by its kind alone (专班) is shortened from its full name (县高标准农田建设工作专班)
        named = group.name if group.name not in {k for k, _ in _SUFFIXES} else group.full_name or group.name
        suffix, shorter = next(((k, v) for k, v in _SUFFIXES if named.endswith(k)), ("", ()))
        core = named.removesuffix(suffix)
        if named.startswith(_PARTY):  # 中共云岚县委全面依法治县委员会 is said without 中共
            fits[named.removeprefix(_PARTY)].append(group.id)
        owned = owner_end(core, _WORD)
        owner, core = core[:owned], core[owned:]
        before = set(fits)
        words = _words(core)
        if not words:
            continue
        # in any order, for a short name: people say 社会服务改善组 and 创新创业组 as often as the notice's
        # order (a long name's orders would be thousands of forms no one types)
        for size in range(1, len(words) + 1):
            reordered = len(words) <= _REORDERED and size <= _REORDERED
            # (a name of many words, as a crawl's run-on title makes: only runs of its words, not every choice of them)
            chosen_ways = (
                (permutations if reordered else combinations)(words, size)
                if len(words) <= _COMBINED
                else (tuple(words[i : i + size]) for i in range(len(words) - size + 1))
            )
            for chosen in chosen_ways:
                if all(w in _GENERIC or w in shared.get(group.kind, "") for w in chosen):
                    continue  # (专业委 of …安全专业委员会: the words of a kind several have name none of them)
                for end in shorter:
                    fits["".join(chosen) + end].append(group.id)
                if size <= _REORDERED and any(len(w) > _WORD for w in chosen):
                    # 高标农田专班 of 高标准农田建设工作专班: a long word cut to its first two characters
                    cut = "".join(w[:_WORD] for w in chosen)
                    for end in shorter:
                        fits[cut + end].append(group.id)
        # a word the full name quotes, which is what people call the group by: …“放管服”改革协调小组 →
        # 放管服小组, 放管服协调小组, 放管服改革小组
        for quoted, after in _QUOTED.findall(group.full_name or group.name):
            for end in (group.name, *shorter):
                fits[quoted + end].append(group.id)
                fits[quoted + after + end].append(group.id)
        # the first character of each word: 城市规划委员会 → 城规委, 爱国卫生运动委员会 → 爱卫会
        heads = [w[0] for w in words if w not in _GENERIC]
        for size in range(_WORD, min(len(heads), _HEADS) + 1):
            for chosen in combinations(heads, size):
                for end in (e for e in shorter if len(e) == 1):
                    fits["".join(chosen) + end].append(group.id)
        if owner.endswith(_TOWNS):  # 白沙街道网格化领导小组: a town's people say its name with the short form
            for form in [f for f in fits if f not in before and group.id in fits[f]]:
                fits[owner + form].append(group.id)
    for form, ids in list(fits.items()):
        # 改革组 also fits the group whose full name says 改革 (…“放管服”改革协调小组)
        word = form.removesuffix("组")
        others = [g.id for g in kb.groups.values() if g.id not in ids and word in (g.full_name or "")]
        fits[form] = [*ids, *others] if len(word) == _WORD and form.endswith("组") else ids
    # 专业委员会 names the kind, not one of them
    return {form: tuple(dict.fromkeys(ids)) for form, ids in fits.items() if form not in taken and form not in shared}


def kind_short_forms(kind: str) -> tuple[str, ...]:
    """What people call a kind of body for short (专业委员会 → 专委会, 联席会议 → 联席会): the shorter endings its
    groups' short forms take, of three characters at least (委 or 组 alone names no kind)."""
    shorter = next((v for k, v in _SUFFIXES if k == kind), ())
    return tuple(f for f in shorter if f != kind and len(f) >= 3)


def _words(core: str) -> list[str]:
    """A name read as two-character words, an odd first character joined to the first (地方志|编纂)."""
    if len(core) < _WORD:
        return []
    start = 3 if len(core) % _WORD else _WORD
    return [core[:start], *(core[i : i + _WORD] for i in range(start, len(core), _WORD))]


# The body a post belongs to, which people leave out when only one person holds the post (国务院副总理 → 副总理).
_BODY = re.compile(r"^(?:国务院|中央|全国人大|全国政协|(?:省|市|县|区|自治区)(?:委|政府|人大|政协)?)")


def title_short_forms(kb: Knowledge, taken: set[str]) -> dict[str, tuple[str, ...]]:
    """A post without its body (副总理, 常务副省长 for 省委常委…), and a post after a short form of its unit
    (发改委主任 for 省发展改革委主任, 北师大校长), for the people holding it."""
    fits: dict[str, list[str]] = defaultdict(list)
    for person in kb.people.values():
        for title in person.titles:
            unit = kb.units[title.unit].name if title.unit is not None else ""
            post = title.title.removeprefix(unit) if unit else ""
            if post and post != title.title:
                for form in unit_forms(unit):
                    fits[form + post].append(person.id)
            body = _BODY.match(title.title)
            rest = title.title[body.end() :] if body else ""
            if len(rest) >= _WORD and rest.endswith((*_POST_ENDINGS, "总理", "省长", "县长", "区长")):
                fits[rest].append(person.id)
            elif rest == "长" and body is not None:  # 区长 / 县长 written alone (区委副书记、区长): the post itself
                fits[title.title].append(person.id)
    # 副秘书长 where the notice's groups have 副秘书长 as a place: the place is asked about, not a title
    places = {h.role for g in kb.groups.values() for h in (*g.roles, *(g.office.roles if g.office else ()))}
    places |= {f"办公室{h.role}" for g in kb.groups.values() if g.office for h in g.office.roles}  # 办公室副主任 too
    return {form: tuple(dict.fromkeys(ids)) for form, ids in fits.items() if form not in taken and form not in places}


def person_addresses(kb: Knowledge, taken: set[str]) -> dict[str, tuple[str, ...]]:
    """Surname + post → the ids of the people it may address (more than one: ambiguous)."""
    fits: dict[str, list[str]] = defaultdict(list)
    for person in kb.people.values():
        if person.post:
            continue  # a post is not addressed by surname
        posts = {_ROLE_POSTS[r.kind] for r in kb.roles_of(person.id) if r.kind in _ROLE_POSTS}
        for title in person.titles:
            posts.update(ending for ending in _POST_ENDINGS if title.title.endswith(ending))
            posts.update(f"副{ending}" for ending in _POST_ENDINGS if title.title.endswith(f"副{ending}"))
        # people drop 副 when they address someone (罗秘书长 for 罗副秘书长), and in a hurry the rest of the
        # post too (罗秘, 唐局, 张局, 吴常务)
        posts |= {post.removeprefix("副") for post in posts}
        posts |= {_CLIPPED.get(post, post[0]) for post in posts if post.endswith("长") and len(post) >= _WORD}
        posts |= {"常务" for title in person.titles if "常务" in title.title}
        for post in posts:
            fits[person.name[0] + post].append(person.id)
    return {form: tuple(dict.fromkeys(ids)) for form, ids in fits.items() if form not in taken}


# an office's short name (防汛办) is made of its group's name without its place and kind word
_OWN_KIND = re.compile(r"(?:工作)?(?:领导小组|协调小组|小组|委员会|联席会议|指挥部|专班|组)$")
_OFFICE_CORE = 2  # characters a group's name keeps without its place and kind, to give its office a short name


_CALLED = re.compile(r"简称[“\"]?([\u4e00-\u9fff]{2,6}?)[”\"]?[)）]")  # （以下简称省防指）: the notice's own short name


def office_forms(kb: Knowledge, cut: Callable[[str], list[str]]) -> dict[str, str]:
    """The short names people give a group's office from the first word of the group's name (防汛办 of
    松溪镇防汛抗旱指挥部, 河长办 of 河长制工作领导小组, 乡村振兴办): a form two groups would give, or a unit's
    name (信访办 where 县信访办 is a member), names neither."""
    forms: dict[str, set[str]] = {}
    called = set(_CALLED.findall(kb.notice))
    for group in kb.groups.values():
        if group.office is not None:  # 省防指办 / 防指办 of 省防汛抗旱指挥部（以下简称省防指）: its short name's office
            for alias in (a for a in group.aliases if a in called):
                for form in {alias, alias.lstrip("省市县区镇乡")}:
                    if len(form) >= _WORD:
                        forms.setdefault(form + "办", set()).add(group.id)
        core = _OWN_KIND.sub("", group.name[owner_end(group.name, 4) :])
        if group.office is None or len(core) < _OFFICE_CORE:
            continue
        for start in {core[:2], (cut(core) or [""])[0]}:
            if 2 <= len(start) <= 4:
                forms.setdefault(start + "办", set()).add(group.id)
    units = {n.lstrip("省市县区镇乡") for u in kb.units.values() for n in (u.name, *u.aliases)}
    return {form: next(iter(ids)) for form, ids in forms.items() if len(ids) == 1 and form not in units}
