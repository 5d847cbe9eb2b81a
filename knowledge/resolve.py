"""Who or what a question is about: the subjects it names, a group described by its work or its leader,
and — by the context policy — the previous answer's subjects for a follow-up.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.answer import Context
from knowledge.facts import Aspect, RoleKind, Tier, tier_of
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.tools import AFTER, GROUP_COUNT, LIST_CHECKED, Tools, numeral
from knowledge.understand import Query

# What a question can ask of a subject; the previous answer's relation is one of these.
ASKS_PERSON = "asks_person"  # kept in the relation: 学科建设组组长是谁 → 条件保障组呢 still asks who, by name
RELATION_CUES = frozenset(
    {
        Cue.LEADER,
        Cue.DEPUTY,
        Cue.MEMBERS,
        Cue.OFFICE,
        Cue.OFFICE_PLACE,
        Cue.OFFICE_DIRECTOR,
        Cue.OFFICE_DEPUTY,
        Cue.DUTY,
        Cue.ROLES,
        Cue.NAME,
        Cue.COMMON,
        Cue.OTHER_POST,  # 秘书长 / 联络员: a place besides the head, deputies and members
    }
)
# Facets a group has and a person or unit does not: asked of a person, they mean the person's groups.
_GROUP_FACETS = (Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.DUTY, Cue.COMMON)
_KIND_CUES = frozenset({Cue.TOPIC_GROUPS, Cue.SUPPORT_GROUPS, Cue.ALL_GROUPS})
_PLACE_ROLES = {  # a place asked, and the roles that hold it
    Cue.LEADER: (RoleKind.LEADER, RoleKind.LEADER_UNIT),
    Cue.DEPUTY: (RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT),
}
# What the context keeps of a question: its relation, and the kind of group a list was of.
# (WHEN / QUANTITY: 全体会议多久开 → 专题会议呢; FORMER / ADDED: 邹志远顶的是谁 → 那彭涛呢)
CONTEXT_CUES = (
    RELATION_CUES
    | _KIND_CUES
    | {
        Cue.COUNT,
        Cue.LIST,
        Cue.YES_NO,
        Cue.REQUIREMENT,
        Cue.WHEN,
        Cue.QUANTITY,
        Cue.FORMER,
        Cue.ADDED,
        Cue.BOTH,  # 精简组和商事组共同的副组长单位 → 那激励组和商事组呢: the same set, of the two named now
    }
)
# Questions that read as a follow-up when they name nothing of their own.
_FOLLOW_UP_CUES = (
    *RELATION_CUES,
    Cue.COUNT,
    Cue.LIST,
    Cue.YES_NO,
    Cue.WHICH_GROUP,
    Cue.ALSO,
    Cue.DESCRIBED_GROUP,
    Cue.FORMER,  # 原来是谁, after 组长是谁
    Cue.PART,  # 这个在通知哪一条, after 法治组是干什么的
    Cue.COMPARE,  # 哪个多, after two groups' deputy units
    Cue.SUPERLATIVE,  # 哪个最多, after several groups counted
)
_ORDINAL = re.compile(r"(?:排)?第([一二三四五六七八九])(?!条|项|点|部分)(?:个|位|名|的)?")
_FIRST_ONE = re.compile(r"前者|头一个|第一个|前面那位|前一位|前面那个人")
_LAST_ONE = re.compile(r"后者|最后(?:那|一)(?:个|位)|最后那|后面那位|后一位|后面那个人")
ORDINAL_ANY = re.compile(  # one (or several) picked from a list
    r"第[一二三四五六七八九]|前者|后者|最后|前(?:面)?[两二三四五六七八九]个|后(?:面)?[两二三四五六七八九]个|剩下|其余"
)
_ORDINAL_GROUP = re.compile(
    r"(?:第[一二三四五六七八九]|最后|头一|前者|后者)(?:个|一个|那个|的那个|的)?(?:专题|保障)?小?组"
)
_SEVERAL = re.compile(
    r"前面?([两二三四五六七八九])[个位家项]|(?:后面|后|最后)([两二三四五六七八九])[个位家项]"
    r"|第([一二三四五六七八九])[个位家项]?(?:和|、|跟|与|及)第([一二三四五六七八九])"
    r"|(剩下的?|其余的?|其他(?:几|两)[个位]|另外(?:几|两)[个位]|另外的)"
)
_PLURAL = re.compile(r"[他她]们|他俩|她俩|[这那][两几俩]位|[这那]些人")
_IN_LIST = re.compile(
    r"^(?:那|那么)?(?:里面|里头|其中|这里面|这里头|名单里|这些里)?(?:有没有|有|包括|包含|含)|在不在|在没在|在其中|在里面|在里头"
)
_WHAT_SAID = re.compile(r"(?:写|说|讲|提)了(?:些|点)?(?:啥|什么)|有(?:啥|什么)内容")
_ONE_OF = re.compile(r"其中之一|其中一个|其中的一个|里面的一个|在其中|在里面|在这里面|在这些里|属于其中|算其中|是其中")
_LIST_PRONOUN = re.compile(r"^(?:那|那么)?(?:里面|里头|其中|这里面|这里头|名单里|这些里)")  # 里面有市科技局吗
_OTHER_ONE = re.compile(r"另一位|另外一位|另一个人|另外那位|另一个(?!组|单位)|另外一个(?!组|单位)")
_OFFICE_CUES = frozenset({Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_PLACE})
_SET_CUES = frozenset({Cue.BOTH, Cue.DIFFERENCE, Cue.UNION, Cue.COMPARE})
_HE_LEADS = re.compile(r"[他她](?:当|任|担任|牵头|带|领导)[^，。？?]{0,6}?(?:的|那个)")  # 他当组长的那个综合组
_AGAIN = re.compile(r"再说一[遍下]|再讲一[遍下]|重复一[遍下]|再发一遍|没看清")
_PICK_ALONE = re.compile(  # (第二个是哪个 / 最后一个是谁: the one of those listed, asked as which it is)
    r"^(?:就|是|要)?(?:第[一二三四五六七八九1-9][个位]?|前者|后者|头一个|最后一个|最后那个)"
    r"(?:是(?:哪个|哪一个|哪家|哪位|谁|什么|啥))?[吧呀啊的呢]?$"
)
# two subjects asked about together, the one just answered and the one before: 这俩组 / 这两个组 / 哪个多
_PAIR = re.compile(
    r"[这那](?:俩|两个)(?:小?组|单位|人)?|(?:俩|两个)(?:小?组)?(?:都|各|分别)|两者|二者|它俩|它们俩|哪个(?:更)?[多少]|谁(?:更)?[多少]"
)
_OFFICE_HEAD = re.compile(r"^(?:那|那么)?(?:正)?主任")  # 主任是谁 after the office: its director
_THAT_ONE = re.compile(r"[\u4e00-\u9fff]{2}(?:那个|那一个)(?![组人])")
_DESCRIBED_ONE = re.compile(
    r"^[^，。？?]{1,12}?(?:那个|那位|那一个|那一位|的那个|的那位|的)(?:人)?[吧呀啊]?$"
)  # 专题组那个
_ELLIPSIS_START = (
    *("那", "那么", "说错了", "说错", "打错了", "搞错了", "不对", "我是说", "我问的是", "我说的是"),
    *("不是这个", "不是这", "问的是", "我问"),  # 不是这个 问商事组: the same asked of another
)
_ELLIPSIS_END = ("呢", "的呢")
_THEY = re.compile(r"(?<!其)[他她]们(?!俩|两)")  # 他们 of a group's people, not 他们俩 / 他们两个 of two persons
_PRONOUN_KINDS = {
    "单位": EntityKind.UNIT,
    "部门": EntityKind.UNIT,
    "局": EntityKind.UNIT,
    "组": EntityKind.GROUP,
    "它": EntityKind.GROUP,
    "里": EntityKind.GROUP,
    "其中": EntityKind.GROUP,
    "他": EntityKind.PERSON,
    "她": EntityKind.PERSON,
    "人": EntityKind.PERSON,
    "位": EntityKind.PERSON,
    "其": EntityKind.GROUP,
}
_CLAIM_END = re.compile(r"^(?:的|的人)?(?:吗|吧|么|嘛)?[?？]?$")
_PERSONS_UNIT = re.compile(r"所在的?(?:那个|这个)?(?:单位|局|部门|委|市)")
_OWN_UNIT = re.compile(r"[他她](?:所在的?|的|那个|这个)(?:那个|这个)?(?:单位|局|部门|委)")
_HIS_GROUP = re.compile(r"[他她]们?(?:的|那个|这个|那|所在的?)?(?:小?组|专班)")
_TOWARDS = re.compile(r"^那?(?:对于|对|针对)")
# 刚才那个副主任还兼什么 / 副主任还兼哪些组的组长: the post stands for its holder, named before
_THAT_POST = re.compile(
    r"(?:那个|这个|那位|这位)(?:常务)?副?(?:组长|主任|召集人|指挥长|秘书长)(?!的|呢|是|由|有)"
    r"|^(?:办公室)?(?:常务)?副?(?:组长|主任|召集人|指挥长|秘书长)(?:在[^，。？?]{1,8}?)?(?:还|也|又)"
    r"(?:兼|担任|在|当|管|负责|牵头|参加|有|是(?!谁|哪))"
)
_NOT_PRONOUNS = ("其他", "其它", "吉他")
_AMONG = re.compile(r"其中|里面|里头|当中|^(?:那|那么)?(?:那个|这个|那些|这些)")  # 其中那个保障组 / 那个保障组
_BESIDES_THIS = re.compile(r"除了?(?:这个|那个|这些|那些|它|他|她)(?:组|单位)?(?:以外|之外)?")
_WHICH_UNIT = re.compile(r"^(?:那|那么)?[他她]?(?:是)?(?:哪个|哪|什么)(?:个)?(?:单位|部门)的?(?:呢|啊|呀)?[?？]?$")
_FRAGMENT_FRAME = re.compile(r"^(?:那|那么|就是|是)+|(?:那个|那一个|的那个|的|组|呢|吧|啊|呀|[?？。.!！])+$")
_STEP = re.compile(r"(?:(下)|上)(?:一|面一)(?:行|个组|组|个小组|栏)|(?:(下)|上)一个(?=呢|$)")
_HIS_ONE = ("那个", "的那个", "那一个", "牵头的", "带的")
_PERSON_WORD = re.compile(r"[位人名]")
_IN_GROUP_ROLE = re.compile(
    r"^(?:那|那么)?[他她]?在(?:这个|那个|这|那)?[^，。？?]{0,16}?(?:小组|组|委员会|专班|指挥部|联席会议)?(?:里面?|中|当中)"
    r"(?:呢|干嘛|干什么|做什么|是什么|任什么|担任什么|什么角色|啥角色|是啥|干啥|啥职务|什么职务)?[吗呢啊]?[?？]?$"
)
_WHICH_AMONG = re.compile(r"(?:其中|这几个|这些|这三个|这两个)(?:组里|里面|里)?哪")
_EACH = re.compile(r"各(?:是|为|自|有)|分别|各位|每个组|每组")
_OF_IT = re.compile(r"的(?:有|是)?(?:几个|几位|多少|哪些|哪几个|谁)[？?]?$")
_OFFICE_POST = re.compile(r"^(?:办公室)?((?:常务)?副?主任)")
_WHO_THEN = re.compile(  # 那是谁 / 那应该怎么写 / 正确的是什么: after a claim judged false, what is right
    r"^(?:那|那么)?(?:应该|到底|究竟|正确的?)?(?:是谁|是哪位|是哪个人|谁是|怎么写|咋写|怎么说|是什么|该怎么写)"
    r"(?:才对)?(?:呢|啊|呀)?[?？]?$"
)


def subjects(tools: Tools, query: Query, context: Context | None) -> tuple[Query, tuple[Entity, ...]]:
    """The question's subjects (and the query with the words that only described a group dropped,
    or with the previous relation added to an ellipsis)."""
    query, entities = _named(tools, query)
    chosen = _one_described(tools, query, entities, context) if context is not None else None
    if chosen is not None and context is not None:  # 专题组那个 / 协调小组的: one of the people just named
        return _with_relation(replace(query, cues=query.cues - _KIND_CUES, mentions=()), context), (chosen,)
    of_kind = _listed_of_kind(tools, query, entities, context) if context is not None else ()
    if of_kind and context is not None:  # 罗蔺是哪两个组的组长 → 其中那个保障组负责什么: the one of that kind
        query = replace(query, cues=query.cues - _KIND_CUES)
        return (query if query.cues & RELATION_CUES else _with_relation(query, context)), of_kind
    if context is not None and not entities:
        fragment = _fragment_of_listed(tools, query, context)
        if fragment is not None:  # 专题组组长是谁 → 商事 / 深化那个: the one listed whose name has it
            return _with_relation(replace(query, cues=query.cues - _KIND_CUES), context), (fragment,)
        true_one = _true_holder(tools, query, context)
        if true_one is not None:  # 唐市长是双创组组长吗（不是）→ 那是谁: who holds what was claimed
            return true_one
        if _WHICH_UNIT.match(query.text) and len(context.focus) == 1 and context.focus[0] in tools.kb.people:
            # 激励创业创新组组长是谁 → 哪个单位的: the unit of the one person the answer named
            return replace(query, cues=(query.cues - {Cue.WHICH_GROUP}) | {Cue.ROLES}), (
                Entity(EntityKind.PERSON, context.focus[0]),
            )
        office_post = _office_post_holder(tools, query) if _THAT_POST.search(query.text) else ()
        if office_post:  # 办公室副主任在专题组也有职务吗: its holder, asked about
            return replace(query, cues=query.cues - _OFFICE_CUES - {Cue.OFFICE_DEPUTY}), office_post
        post_holder = _unit_post_holder(tools, query, context)
        if post_holder:  # 那市司法局呢 → 它局长是谁: whoever holds that post of the unit
            return query, post_holder
    listed = context is not None and bool(context.listed_groups or context.people or context.units)
    if context is not None and (context.entities or context.relation or listed):  # (第三部分 → 第二个组)
        query, entities = _follow_up(tools, query, entities, context)
    one_group = len(tools.kb.groups) == 1 and not query.document_fields  # (谁发的: the issuer, no group's head)
    if not entities and one_group and (query.has(*_GROUP_FACETS, Cue.DUTY) or query.asks_person):
        # 组长是谁, asked of a notice that sets up one group: that group
        entities = (Entity(EntityKind.GROUP, next(iter(tools.kb.groups))),)
    if not entities and (context is None or not context.entities) and tools.kb.top is not None:
        # 这个小组的头头是哪个, first in a chat: the group the notice is about, called by the end of its name
        this = _THIS_BODY.search(query.text)
        if this is not None and tools.kb.groups[tools.kb.top].name.endswith(this.group(1)):
            query, entities = (
                replace(query, cues=query.cues - {Cue.ALL_GROUPS}),
                (Entity(EntityKind.GROUP, tools.kb.top),),
            )
    if not entities and query.has(*_GROUP_FACETS, Cue.OTHER_POST):
        # 指挥长是谁 / 秘书长是谁, where only one of the notice's groups has that place: that group
        entities = _only_holder_of_place(tools, query)
    if context is not None and {Cue.OFFICE.value, Cue.OFFICE_PLACE.value} & set(context.relation):
        query = _office_director_after_office(tools, query, entities)
    query = _office_head(tools, query)
    return _who_heads(tools, query, entities), entities


def _office_head(tools: Tools, query: Query) -> Query:
    """办公室的负责人是谁 / office的leader是谁: the head of the office is its director, not the group's head."""
    if not (query.has(Cue.OFFICE) and query.has(Cue.LEADER)):
        return query
    if query.has(Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY, Cue.DEPUTY):
        return query

    def said(cue: Cue) -> list[int]:
        return [at for w in query.cue_words if cue in tools.reader.tags.get(w, ()) and (at := query.text.find(w)) >= 0]

    office, heads = said(Cue.OFFICE), said(Cue.LEADER)
    if not office or not heads or min(heads) < min(office):
        return query  # (组长是谁，办公室在哪: the group's head, then its office)
    # (办公室的负责人有哪些: its director and deputies)
    posts = {Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY} if query.has(Cue.LIST) else {Cue.OFFICE_DIRECTOR}
    return replace(query, cues=(query.cues - {Cue.LEADER}) | posts)


_BARE_DIRECTOR = re.compile(r"(?<![办室])(副)?主任")


def _office_director_after_office(tools: Tools, query: Query, entities: tuple[Entity, ...]) -> Query:
    """办公室设在哪，哪个是主任: after the office, 主任 of a group whose head is no 主任 (组长 / 指挥长) is the
    office's director (副主任 its deputy)."""
    said = _BARE_DIRECTOR.search(query.text)
    groups = [tools.kb.groups[e.id] for e in entities if e.kind is EntityKind.GROUP]
    if said is None or query.has(Cue.OFFICE) or not groups or len(groups) != len(entities):
        return query
    if any(g.office is None or g.leader.role.endswith("主任") for g in groups):
        return query
    post = Cue.OFFICE_DEPUTY if said.group(1) else Cue.OFFICE_DIRECTOR
    return replace(query, cues=(query.cues - {Cue.LEADER, Cue.DEPUTY}) | {post, Cue.OFFICE})


_THESE_GROUPS = re.compile(r"^(?:那|那么)?(?:这|那)?([两俩二三四五六七])个(?:小?组)的?")  # 两个组的组长呢
_MORE = re.compile(
    r"^(?:那)?还有(?:吗|呢|谁|没有|别的吗|别人吗|其他的?吗|其他人吗|几个)[?？。!！]*$"
)  # 还有吗, after a claim
_THIS_BODY = re.compile(r"(?:这个|这|该|本|此)(领导小组|协调小组|小组|指挥部|委员会|联席会议|工作专班|专班)")


def _who_heads(tools: Tools, query: Query, entities: tuple[Entity, ...]) -> Query:
    """法治组谁牵头 / 第二个保障组谁负责: 谁 + a word asking for the group at some work, said of a group
    and no work, asks who heads it."""
    asked = [w for w in query.cue_words if w.startswith("谁") and Cue.WHICH_GROUP in tools.reader.tags.get(w, ())]
    groups = entities and all(e.kind is EntityKind.GROUP for e in entities)
    if not asked or not groups or query.content or tools.has_topic(query) or query.has(*_GROUP_FACETS):
        return query
    return replace(query, cues=(query.cues - {Cue.WHICH_GROUP}) | {Cue.LEADER})


_OF_A_PLACE = frozenset({"单位", "部门", "人员", "名单"})  # 委员单位 / 成员名单: words said with a place, of it


def _only_holder_of_place(tools: Tools, query: Query) -> tuple[Entity, ...]:
    words = sorted((w for w in tools.place_words if w in query.text), key=len, reverse=True)
    if not words and query.has(Cue.LEADER):  # 谁是老大: the head, by whatever word the notice uses for it
        heads = [g.id for g in tools.kb.groups.values() if any(h.tier is Tier.HEAD and not h.unstated for h in g.roles)]
        return (Entity(EntityKind.GROUP, heads[0]),) if len(heads) == 1 else ()
    if any(not any(c in w for w in words) and c not in _OF_A_PLACE for c in query.content):
        # 成员要调整怎么办: what is done to members is every group's rule (委员单位一共多少家 asks the place)
        words = [w for w in words if tier_of(w) is not Tier.MEMBER]
    if not words:
        return ()
    # a place the notice states for one group only (its other groups' 组长 are 未载明): that group's
    groups = [g.id for g in tools.kb.groups.values() if any(h.role == words[0] and not h.unstated for h in g.roles)]
    return (Entity(EntityKind.GROUP, groups[0]),) if len(groups) == 1 else ()


def _named(tools: Tools, query: Query) -> tuple[Query, tuple[Entity, ...]]:
    """The subjects the question itself names or describes."""
    query = _without_own_place(tools, _without_kind_words(tools, query))
    # 市政府 / 市委 are named in titles, not as groups' units: with other words around them the
    # question is about those words (市政府各部门主要负责人要做什么), not about the body.
    entities = tuple(e for e in query.entities if not (tools.umbrella(e) and query.content))
    people = [e for e in entities if e.kind is EntityKind.PERSON]
    units_of_people = {t.unit for e in people for t in tools.kb.people[e.id].titles if t.unit is not None}
    if people and _PERSONS_UNIT.search(query.text):
        # 唐英瑜所在的单位 / 张德宽所在的市司法局: the person describes the unit asked about
        own = [u for u in units_of_people if not tools.kb.units[u].umbrella]
        entities = tuple(
            dict.fromkeys(
                [*(e for e in entities if e.kind is not EntityKind.PERSON), *(Entity(EntityKind.UNIT, u) for u in own)]
            )
        )
    else:
        # 科技局许洪斌: a unit named as a person's own is a description of the person, not a subject; but in
        # 陶彧是市水利水电局的吗 the unit ending the question is what is claimed of the person
        claimed = {m.entity for m in query.mentions if query.has(Cue.YES_NO) and _CLAIM_END.match(query.text[m.end :])}
        entities = tuple(
            e for e in entities if not (e.kind is EntityKind.UNIT and e.id in units_of_people and e not in claimed)
        )
    describers, gaps = _describers(tools, query)
    entities = tuple(e for e in entities if e not in describers)
    if gaps:  # 王书坚牵头的未保组 副省长有几个: 牵头 said which group, it does not ask for the leader
        rest = query.text
        for gap in gaps:
            rest = rest.replace(gap, "|", 1)
        said = {t for w in query.cue_words if any(w in g for g in gaps) and w not in rest for t in tools.reader.tags[w]}
        query = replace(query, cues=query.cues - said)
    only_umbrella = entities == (Entity(EntityKind.GROUP, tools.kb.top or ""),)
    # 协调小组办公室的日常工作由哪个组负责: a group is asked for (哪个组), the 协调小组 only describes it
    asks_group = any("组" in w and w in tools.lexicon.cues[Cue.WHICH_GROUP] for w in query.cue_words)
    # 协调小组的日常工作是谁在做: the same, asked as who does it
    asks_doer = any(w.startswith(("谁在", "谁来", "谁负责")) for w in query.cue_words)  # (谁负责向协调小组提出…)
    asks_which = (asks_group or asks_doer) and only_umbrella and bool(query.content)
    # 那个组副组长单位里有税务局没: in a yes/no question the unit is what is claimed, not what describes 那个组
    claimed = query.has(Cue.YES_NO) and any(e.kind is EntityKind.UNIT for e in entities)
    # 道路交通那个谁牵头: a piece of one group's name before 那个, in a notice whose groups are no 组
    that_one = not entities and _THAT_ONE.search(query.text) is not None
    asks_facet = query.has(*_GROUP_FACETS) and not query.aspects and not query.has(Cue.ROLES)
    that_one = that_one and asks_facet and _group_by_name_word(tools, query.text) is not None
    described_cue = query.has(Cue.DESCRIBED_GROUP) or that_one
    if not claimed and (described_cue or asks_which or _led_group_asked(tools, query, entities)):
        described = _described_group(tools, query, entities)
        if described:  # the words described the group; what is asked of it is in the cues
            listing = {Cue.ALL_GROUPS, Cue.LIST, Cue.COUNT}  # 唐良智下面的副组长: not a list of groups
            entities, query = described, replace(query, content=(), unknown=(), cues=query.cues - listing)
    query = _own_name_again(tools, query, entities)
    nth = _nth_of_kind(tools, query.text)
    # (放管服协调小组第二个保障组组长是谁: the top group named is where the kind stands, not a second subject)
    under_top = [e for e in entities if not (e.kind is EntityKind.GROUP and tools.kb.is_top(e.id))]
    if nth is not None and nth not in entities and not any(e.kind is EntityKind.GROUP for e in under_top):
        entities = (*under_top, nth)  # 第二个保障组组长是谁: the notice's own order of that kind
        query = replace(query, cues=query.cues - _KIND_CUES - {Cue.LIST, Cue.COUNT})
    actions = [w for w in tools.lexicon.document_actions if w in query.text]
    adjusted = bool(actions) or query.about_document
    described = [w for w in query.content if not any(w in a or a in w for a in actions)]
    if not entities and query.has(*_GROUP_FACETS) and adjusted and not described and not query.document_fields:
        # 调整后组长是谁 / 更名后的小组由谁牵头: the group the notice itself adjusts, named in its title
        entities = tuple(Entity(EntityKind.GROUP, g.id) for g in tools.notice_groups())
    return query, entities


def _without_kind_words(tools: Tools, query: Query) -> Query:
    """The query without a group's name that stands inside a longer kind word: 委员会 (a short name of the
    安委会) in 有几个专业委员会 is part of the kind asked about."""
    spans = [
        (m.start(), m.end())
        for kind in tools.kb.kinds()
        if len(kind) > 2
        for m in re.finditer(re.escape(kind), query.text)
    ]
    inside = [
        m
        for m in query.mentions
        if m.entity.kind is EntityKind.GROUP
        and any(s <= m.start and m.end <= e and m.end - m.start < e - s for s, e in spans)
    ]
    return replace(query, mentions=tuple(m for m in query.mentions if m not in inside)) if inside else query


def _without_own_place(tools: Tools, query: Query) -> Query:
    """桐川县创卫领导小组里常务副县长是哪个: the notice's own place (with its level) says which notice, and
    asks nothing of its own."""
    places = tools.kb.places()
    own = [w for w in (*query.content, *query.unknown) if w in places or (w[:-1] in places and w[-1] in "省市县区")]
    if not own:
        return query
    return replace(
        query,
        content=tuple(w for w in query.content if w not in own),
        unknown=tuple(w for w in query.unknown if w not in own),
    )


def _own_name_again(tools: Tools, query: Query, entities: tuple[Entity, ...]) -> Query:
    """改善社会服务组组长是谁啊，就是社会服务那个: words of a named group's own name, said again to make
    sure, ask nothing of it (服务 there is no side of its duties)."""
    names = [tools.kb.groups[e.id].name for e in entities if e.kind is EntityKind.GROUP]
    if not names or not query.content or query.marked_aspects:
        return query
    said = "".join(query.content)
    if len(query.content) < 2 or not any(said in name for name in names):
        return query  # (改善社会服务组在服务上干啥: one word is the side asked)
    return replace(query, content=(), unknown=(), aspects=())


def _follow_up(
    tools: Tools, query: Query, entities: tuple[Entity, ...], context: Context
) -> tuple[Query, tuple[Entity, ...]]:
    """The context policy. The previous subjects carry over only to a question that names none of
    its own and reads as a follow-up (a pronoun, 那…呢, a bare relation such as 组长是谁 / 监管方面呢 /
    有几个); a question with its own subject, its own topic words or words the notice does not have
    never inherits them. A pronoun beside a subject of the question's own adds the previous one (他也是
    协调小组副组长吗). A question without a relation (那商事组呢 / 分别是谁 / 一共几个) keeps the
    previous relation, and the kind of group a list was of."""
    topic_words = tools.topic_words(query)
    pronoun = _pointed_kind(query, context, _pronoun(tools, query, topic_words))
    context_groups = tuple(e for e in context.entities if e.kind is EntityKind.GROUP)
    if not entities and _MORE.match(query.text) and Cue.YES_NO.value in context.relation:
        more = _more_of_claim(tools, query, context, context_groups)
        if more is not None:
            return more
    only_top = all(e.kind is EntityKind.GROUP and tools.kb.is_top(e.id) for e in entities)  # (组长 reads as its)
    among = only_top and len(context.listed_groups) > 1 and _WHICH_AMONG.search(query.text) is not None
    among = among and not query.cues & _KIND_CUES  # (其中那个保障组: the one of that kind, picked before)
    if among and not context.entities:  # 保障组具体是哪三个 → 其中哪一个的组长通知里没写: which of those listed
        query = replace(query, cues=query.cues - _KIND_CUES)
        return query, tuple(Entity(EntityKind.GROUP, g) for g in context.listed_groups)
    kinds_before = {c for c in _KIND_CUES if c.value in context.relation}
    if (
        entities
        and all(e.kind is EntityKind.GROUP for e in entities)
        and query.has(Cue.YES_NO)
        and _ONE_OF.search(query.text)
        and kinds_before
        and not query.cues & _KIND_CUES
    ):
        # 保障组有哪些 → 精简行政审批组是其中之一吗: whether it is of the kind just listed
        return replace(query, cues=query.cues | kinds_before), entities
    if not entities and query.has(Cue.NAME) and query.cues <= {Cue.NAME, Cue.LIST} and kinds_before:
        # 保障组有几个 → 都叫啥 / 分别叫什么: the groups of that kind, by name (not the heads' names)
        return replace(query, cues=frozenset(kinds_before | {Cue.LIST}), asks_person=False), entities
    if entities and _BESIDES_THIS.search(query.text):
        # 市司法局除了这个还在哪个组: what 这个 was is left aside, not asked about
        return replace(query, cues=query.cues - {Cue.DIFFERENCE} | {Cue.WHICH_GROUP}), entities
    if pronoun is EntityKind.PERSON and query.has(Cue.DUTY) and "还" in query.text and not topic_words:
        # 他还管什么: what else the person holds, not the duties of the group just named
        query = replace(query, cues=(query.cues - {Cue.DUTY}) | {Cue.ALSO})
    office = {c.value for c in _OFFICE_CUES} & set(context.relation)
    if office and query.has(Cue.DEPUTY) and "副组长" not in query.text:
        # 办公室主任由谁兼任 → 副职是哪位 / 副的呢: the office's deputy, not the group's
        query = replace(query, cues=(query.cues - {Cue.DEPUTY}) | {Cue.OFFICE, Cue.OFFICE_DEPUTY})
    elif office and not entities and query.has(Cue.LEADER) and _OFFICE_HEAD.search(query.text):
        # 安委办挂在哪个部门 → 主任是哪位领导: the office's 主任, where the body's head is a 主任 too
        query = replace(query, cues=(query.cues - {Cue.LEADER}) | {Cue.OFFICE, Cue.OFFICE_DIRECTOR})
    cited = context_groups or tuple(
        Entity(EntityKind.GROUP, g) for g in context.listed_groups[:1] if len(context.listed_groups) == 1
    )
    if not entities and query.has(Cue.WHICH_ASPECT) and not query.content and context.aspects and cited:
        # 减证便民是哪个组 → 哪方面: the side of the clause just cited, said with it
        aspects = tuple(a for a in Aspect if a.value in context.aspects)
        return replace(query, cues=query.cues - {Cue.WHICH_ASPECT}, aspects=aspects), cited
    if office and query.has(Cue.OFFICE_PLACE) and not query.has(Cue.OFFICE):
        query = replace(query, cues=query.cues | {Cue.OFFICE})  # 办公室主任是谁 → 设在哪: the office's place
    asks_relation = bool(query.cues & RELATION_CUES) or bool(query.aspects)
    ellipsis = query.text.startswith(_ELLIPSIS_START) or query.text.endswith(_ELLIPSIS_END)
    ellipsis = ellipsis or _OF_IT.search(query.text) is not None  # 激励创业创新组的有几个: the same, of it
    person = [e for e in context.entities if e.kind is EntityKind.PERSON] or [
        Entity(EntityKind.PERSON, p) for p in context.focus if p in tools.kb.people
    ]
    if len(person) == 1 and _IN_GROUP_ROLE.match(query.text) and all(e.kind is EntityKind.GROUP for e in entities):
        # 欧顺清啥职务 → 在协调小组里呢 / 吴存荣 → 在小组里干嘛: his place there, not the group's facets
        return replace(query, cues=frozenset({Cue.ROLES})), (*person, *entities)
    claimed_of = [e for e in context.entities if e.kind is not EntityKind.GROUP]
    if ellipsis and not entities and Cue.YES_NO.value in context.relation and len(claimed_of) == 1:
        # 罗蔺是协调小组的组长吗（不是）→ 那副组长呢: the same claim of him, with the place asked now
        places = query.cues & {Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY}
        if places and not query.content and not query.asks_person:  # (那组长是谁 asks who holds it)
            return replace(query, cues=query.cues | {Cue.YES_NO}), (*claimed_of, *context_groups)
    if ellipsis and Cue.REQUIREMENT.value in context.relation and _TOWARDS.match(query.text):
        # 有啥要求 → 那对市政府各部门的主要负责人呢: what the notice requires of them, whoever they are
        return replace(query, cues=(query.cues - RELATION_CUES) | {Cue.REQUIREMENT}), entities
    listing = {Cue.DEPUTY.value, Cue.MEMBERS.value} & set(context.relation)
    if query.has(Cue.COMMON) and not query.has(Cue.DUTY) and len(context_groups) > 1 and listing:
        # 谁的副组长单位多 → 共同的有哪些: the units both groups have, not the duties every group shares
        query = replace(query, cues=(query.cues - {Cue.COMMON}) | {Cue.BOTH})
        return _with_relation(query, context), tuple(dict.fromkeys((*entities, *context_groups)))
    own_kind = bool(query.cues & _KIND_CUES)
    holder = [e for e in context.entities if e.kind is not EntityKind.GROUP]
    if (
        not entities
        and query.cues == {Cue.ALL_GROUPS, Cue.COUNT}
        and not (query.content or query.unknown or query.about_document)
        and len(holder) == 1
        and len(context.listed_groups) > 1
    ):
        # 罗蔺兼任哪些组的组长 → 一共几个组: the groups just listed for him, counted, not every group
        return replace(query, cues=frozenset({Cue.COUNT})), tuple(holder)
    rest = _SEVERAL.search(query.text)
    if own_kind and not entities and rest and rest.group(5):
        # 精简组和激励组的组长 → 那另外两个专题组呢: the groups of that kind not asked about yet
        kinds = tools.kinds_named(query)
        left = [
            g for g in tools.kb.under_top() if g.kind in kinds and Entity(EntityKind.GROUP, g.id) not in context_groups
        ]
        if left:
            query = replace(query, cues=query.cues - _KIND_CUES)
            return _with_relation(query, context), tuple(Entity(EntityKind.GROUP, g.id) for g in left)
    if entities and all(e.kind is EntityKind.GROUP for e in entities) and ORDINAL_ANY.search(query.text):
        # 第一个在协调小组里是什么 / 后面两个也是商事组的副组长单位吗: the ones picked, in the group named
        held = tuple(e for e in _picked(tools, query, context) if e.kind is not EntityKind.GROUP)
        entities = held + entities
    if entities or (own_kind and pronoun is None):
        sets = query.cues & _SET_CUES
        if sets == {Cue.BOTH} and not any(e.kind is EntityKind.GROUP for e in entities):
            sets = frozenset()  # 许洪斌还参加了哪个组: his groups, not a set of the groups before
        if sets:  # 其中哪些也在激励创业创新组 / 和精简行政审批组重叠的呢: with the groups before
            entities += tuple(e for e in context.entities if e not in entities and e.kind is EntityKind.GROUP)
            if not asks_relation:
                query = _with_relation(query, context)
        elif (
            pronoun is None
            and LIST_CHECKED.search(query.text)
            and not any(e.kind is EntityKind.GROUP for e in entities)
        ):
            # 激励创业创新组组长许洪斌对吧 → 副组长单位写的是市科技局、市教委，少没少: checked against that group
            entities += context_groups
            if not asks_relation:
                query = _with_relation(query, context)
        elif (
            (pronoun is None or (pronoun is EntityKind.GROUP and _LIST_PRONOUN.search(query.text) is not None))
            and query.has(Cue.YES_NO)
            and _IN_LIST.search(query.text)
            and not any(e.kind is EntityKind.GROUP for e in entities)
        ):
            # 商事组副组长单位 → 有市场监管局吗 / 里面有市科技局吗: whether it is in the list just given
            entities += context_groups
            if not asks_relation:
                query = _with_relation(query, context)
        elif pronoun is None and _bare_claim(query, entities, context):
            # 改善社会服务组组长是谁 → 许洪斌会不会兼着: the place just asked, claimed of the one named
            entities += context_groups
            query = _with_relation(query, context)
        elif pronoun is not None:
            # a kind the question names itself is not added again, unless it named a post (他是市政府秘书长吗:
            # the holder of the post against the person before)
            claim = query.has(Cue.YES_NO)
            kinds = {m.entity.kind for m in query.mentions if not (m.via_title and claim)}
            one = pronoun is EntityKind.PERSON and not _PLURAL.search(query.text)
            earlier = _earlier(tools, context, pronoun, one)
            if pronoun in kinds:  # 商事组有没有它: 它 beside a group named is the unit or person before
                earlier = tuple(e for e in (*context.entities, *context.earlier) if e.kind not in kinds)[:1]
            if pronoun is EntityKind.PERSON and _HIS_GROUP.search(query.text):
                earlier = _groups_of(tools, earlier)  # 他那个组副组长单位有市教委吗: his group, the unit named
            named_groups = {e.id for e in entities if e.kind is EntityKind.GROUP}
            if pronoun is EntityKind.PERSON and _HE_LEADS.search(query.text) and named_groups and not claim:
                # 他当组长的那个综合组管啥: he only describes the group named, which is what is asked about
                earlier = tuple(e for e in earlier if not {r.group for r in tools.kb.roles_of(e.id)} & named_groups)
            entities += tuple(e for e in earlier if e not in entities and e.kind not in kinds)
            if claim and not asks_relation and pronoun is EntityKind.PERSON:  # 罗蔺是综合组组长吗 → 法治组也是他吗
                query = _with_relation(query, context)
        elif (
            (ellipsis or not (query.cues or query.content))
            and not asks_relation
            and not topic_words
            and not query.unknown
            and not (own_kind and query.has(Cue.LIST, Cue.COUNT))  # 那保障组有哪几个: a list of its own
        ):
            # 那商事组呢: the previous relation of the new subject; 市交通局呢 after 市公安局是A组的副组长单位吗:
            # the new unit in the place of the old, the group kept
            # (only where the new one replaces one of its kind: 那市公安局呢 after 这两个组的组长 asks of the unit)
            kinds = {e.kind for e in entities}
            same_place = _same_place_of_unit(tools, entities, context)
            if same_place:  # 省公安厅联络员是谁（熊斌）→ 那财政厅呢: who holds that place for the other unit
                return query, same_place
            if kinds & {e.kind for e in context.entities}:
                entities += tuple(e for e in context.entities if e.kind not in kinds)
            query = _with_relation(query, context)
        return query, entities
    if query.has(Cue.NAME) and not query.cues & (RELATION_CUES - {Cue.NAME}) and len(context.people) > 1:
        # 通知里点名的人一共几个 → 只要名字: the people just counted, by name
        return query, tuple(Entity(EntityKind.PERSON, p) for p in context.people)
    # 原来是谁 after 组长是谁, in a notice that changes who holds a place: who held it, not the former name
    changed = query.has(Cue.FORMER) and any(g.changes for g in tools.kb.groups.values())
    document = query.document_fields or query.about_document or query.has(Cue.REQUIREMENT, Cue.ELSEWHERE)
    document = document and not query.has(Cue.PART)  # 这个在通知哪一条: where what was said stands in it
    if pronoun is None and document and not changed:
        return query, entities  # 文号是多少 after a group; but 他在这个通知里的身份 is about him
    if pronoun is None and ellipsis and topic_words and not asks_relation and context.relation:
        return _with_relation(query, context), entities  # 全体会议多久开 → 专题会议呢: asked the same, of it
    if pronoun is None and (topic_words or (query.unknown and not asks_relation)):
        return query, entities  # 哪个组负责推行简易注销 after 法治组 / 那房价呢: a question of its own
    picks = _PICK_ALONE.match(query.text) is not None  # 第一个 (after 您指的是哪一个：…)
    these = _THESE_GROUPS.search(query.text)
    if these is not None and not entities:
        # 法治组和综合组分别管什么 → 两个组的组长呢 / 市大数据局在哪些组 → 两个组组长分别是: the groups just given
        given = [e.id for e in context.entities if e.kind is EntityKind.GROUP] or list(context.groups)
        counted = numeral(these.group(1).replace("俩", "两"))
        if len(given) != counted:  # (罗蔺是哪两个组的组长: his two, not the top one too)
            given = [g for g in given if not tools.kb.is_top(g)]
        if len(given) == counted:
            found = tuple(Entity(EntityKind.GROUP, g) for g in given if g in tools.kb.groups)
            return (query if asks_relation else _with_relation(query, context)), found
    counted = GROUP_COUNT.search(query.text) and not ORDINAL_ANY.search(query.text)  # (第一个是两个组都有吗)
    if pronoun is None and not query.has(*_SET_CUES) and counted:
        return query, entities  # 那写了的组长里谁兼两个组: holders counted across every group, not those before
    picks = picks or AFTER.search(query.text) is not None  # 后面还有吗: more of what was just said
    picks = picks or _STEP.search(query.text) is not None  # 那下一行呢: the group after it
    picks = picks or _SEVERAL.search(query.text) is not None  # 后面两个 / 剩下的: several of those listed
    picks = picks or bool(context.listed_groups and _ORDINAL_GROUP.search(query.text))  # 第三部分 → 第二个组
    each_listed = not entities and len(context.listed_groups) > 1 and _EACH.search(query.text) is not None
    if each_listed and pronoun is None and not context.entities:
        # 保障组有哪几个，组长各是谁: each of the groups just listed
        query = query if asks_relation else _with_relation(query, context)
        return query, tuple(Entity(EntityKind.GROUP, g) for g in context.listed_groups)
    picks = picks or (not query.content and _AGAIN.search(query.text) is not None)  # 再说一遍: the same again
    if not (pronoun is not None or ellipsis or picks or query.has(*_FOLLOW_UP_CUES) or query.aspects):
        return query, entities
    # After an answer with no subject of its own (a list of groups, the document) only a pronoun
    # reaches back past it: 一共几个 counts the list, 回到刚才那个组 means the group before.
    one = pronoun is EntityKind.PERSON and not _PLURAL.search(query.text)  # 他, not 他们 / 这两位
    inherited = () if context.carried and pronoun is None else _earlier(tools, context, pronoun, one)
    if _PAIR.search(query.text) and len(inherited) == 1:
        # 双创组组长 → 审批组呢 → 这俩组副组长单位各几个 / 哪个多: this subject and the one before it
        before = next((e for e in context.earlier if e.kind is inherited[0].kind), None)
        inherited = (*([before] if before is not None else []), *inherited)
    holder_asked = False  # 它 stands for the unit or person the groups are asked of
    picked = _picked(tools, query, context)
    if picked:  # 第一个是什么职务 / 排第二的那个组长 / 后者 / 那另一位呢 / 后面两个: of those listed before
        inherited = picked
    elif (
        pronoun is EntityKind.GROUP
        and query.has(Cue.ROLES)
        and not query.has(Cue.WHICH_GROUP, *_GROUP_FACETS)
        and not query.asks_person
    ):
        # 市发展改革委参加了哪些组 → 它在这些组里是什么角色: the role is the holder's, not the groups'
        holders = tuple(e for e in context.entities if e.kind is not EntityKind.GROUP)
        inherited, holder_asked = holders or inherited, bool(holders)
    elif pronoun is EntityKind.GROUP and query.has(Cue.WHICH_GROUP) and bare_pronoun(query.text) == "它":
        # 市市场监管局也是商事组的副组长单位吗 → 那它是哪些组的副组长单位: 它 is what groups are asked of
        holders = tuple(e for e in context.entities if e.kind is not EntityKind.GROUP)
        inherited, holder_asked = holders or inherited, bool(holders)
    office = query.has(Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY)  # 副主任呢 after 他本职是什么
    asks_group = query.has(*_GROUP_FACETS) or office or bool(query.aspects) or pronoun is EntityKind.GROUP
    # 他是哪个组的 / 他也是副组长吗 / 她一共当了几个组的组长 ask of the person; 他的副手是谁 of the group
    asks_of_person = query.has(Cue.WHICH_GROUP, Cue.YES_NO, Cue.ALSO, Cue.COUNT) or (
        query.has(Cue.ROLES) and not query.asks_person
    )
    # (那个单位还在哪些组当副组长; 重庆银保监局 → 重庆市税务局呢 → 这两个都是副组长单位吗: the two units)
    pair = (
        pronoun is None
        and _PAIR.search(query.text) is not None
        and all(e.kind is not EntityKind.GROUP for e in inherited)
    )
    of_person = (pronoun in (EntityKind.PERSON, EntityKind.UNIT) or (pair and bool(inherited))) and asks_of_person
    of_person = (of_person and not _HIS_GROUP.search(query.text)) or holder_asked  # (他那个组负责什么: the group)
    # 这个厅在联席会议里的成员是谁 / 它派的成员是谁: the unit's own people in the place, not its groups
    of_person = of_person or (pronoun is EntityKind.UNIT and query.asks_person and not query.has(Cue.WHICH_GROUP))
    asks_office = office and ellipsis and not query.has(*_GROUP_FACETS, Cue.YES_NO, Cue.ALSO)
    holder_office = tools.office_group() if asks_office else None
    if holder_office is not None and inherited and all(e.kind is EntityKind.PERSON for e in inherited):
        # 主任是罗蔺吗 → 那副主任呢 / 他是办公室主任吧 → 那谁是主任: the office the notice has, not his groups'
        inherited = (Entity(EntityKind.GROUP, holder_office.id),)
    elif asks_group and not of_person:  # 他牵头的组负责什么 / 市大数据发展局 …, 组长是谁: their groups
        inherited = _groups_of(tools, inherited)
    if _WHAT_SAID.search(query.text) and not asks_relation and all(e.kind is EntityKind.GROUP for e in inherited):
        # 组长未载明 → 副组长单位呢 → 那它到底写了些啥: what the notice gives it to do, not the place asked last
        return replace(query, cues=query.cues | {Cue.DUTY}, content=()), inherited
    if not asks_relation and not own_kind:  # 它是专题组还是保障组 asks the kind, not the last relation
        query = _with_relation(query, context)
    return query, inherited


def _more_of_claim(
    tools: Tools, query: Query, context: Context, groups: tuple[Entity, ...]
) -> tuple[Query, tuple[Entity, ...]] | None:
    """还有吗 after a claim judged: more of its subject — the place's other holders (协调小组副组长是吴存荣吗 →
    还有吗: every 副组长), or the person's other places (罗蔺是综合组组长吗 → 还有别的吗: all he holds)."""
    # (the claim's subject is what it named first: 罗蔺是综合组组长吗 is of 罗蔺, 协调小组副组长是吴存荣吗 of the place)
    first = context.mentioned[0] if context.mentioned else None
    if first is not None and first.kind is EntityKind.PERSON:
        return replace(query, cues=frozenset({Cue.ROLES})), (first,)
    places = {Cue(r) for r in context.relation if r in {c.value for c in RELATION_CUES}} - {Cue.YES_NO}
    if not groups or not places:
        return None
    return replace(query, cues=frozenset(places)), groups


def _one_described(tools: Tools, query: Query, entities: tuple[Entity, ...], context: Context) -> Entity | None:
    """The one of the people the last answer set side by side (唐良智、唐英瑜) that a short reply describes by
    where they sit: 专题组那个 (the one in a 专题组), 协调小组的 (the one in that group)."""
    people = [e for e in context.entities if e.kind is EntityKind.PERSON]
    if len(people) < 2 or not _DESCRIBED_ONE.search(query.text) or query.cues & (RELATION_CUES - _KIND_CUES):
        return None
    kinds = tools.kinds_named(query)
    groups = {e.id for e in entities if e.kind is EntityKind.GROUP}
    if not kinds and not groups:
        return None
    fits = [
        p
        for p in people
        if any(r.group in groups or tools.kb.groups[r.group].kind in kinds for r in tools.kb.roles_of(p.id))
    ]
    return fits[0] if len(fits) == 1 else None


def _listed_of_kind(tools: Tools, query: Query, entities: tuple[Entity, ...], context: Context) -> tuple[Entity, ...]:
    """The groups of one kind among those the last answer listed, where the question picks them by their
    kind (其中那个保障组 / 里面的专题组): some of the listed, not every group of that kind."""
    if entities or not _AMONG.search(query.text):
        return ()
    kinds = tools.kinds_named(query)
    listed = [tools.kb.groups[g] for g in context.listed_groups if g in tools.kb.groups]
    fits = [g for g in listed if g.kind in kinds]
    if not kinds or not fits or len(fits) == len(listed):
        return ()
    return tuple(Entity(EntityKind.GROUP, g.id) for g in fits)


def _bare_claim(query: Query, entities: tuple[Entity, ...], context: Context) -> bool:
    """A yes/no naming one person or unit and nothing it claims of them, after a place of a group was asked."""
    places = {Cue.LEADER.value, Cue.DEPUTY.value} & set(context.relation)
    groups = [e for e in context.entities if e.kind is EntityKind.GROUP]
    bare = query.has(Cue.YES_NO) and not query.cues - {Cue.YES_NO, Cue.ALSO, Cue.PRONOUN} and not query.content
    return bare and len(entities) == 1 and entities[0].kind is not EntityKind.GROUP and bool(places and groups)


def _same_place_of_unit(tools: Tools, entities: tuple[Entity, ...], context: Context) -> tuple[Entity, ...]:
    """The people of a unit named after one person of another unit was the answer: those holding the same
    place in the same group (a unit's 联络员, 委员 …) whose titles are in the unit named."""
    units = [e.id for e in entities if e.kind is EntityKind.UNIT]
    people = [e.id for e in context.entities if e.kind is EntityKind.PERSON]
    if not people and all(e.kind is EntityKind.UNIT for e in context.entities):
        people = list(context.focus)  # 省公安厅联络员是谁: the unit asked of, the person it named
    if len(units) != 1 or len(entities) != 1 or len(people) != 1 or people[0] not in tools.kb.people:
        return ()
    places = {(r.group, r.label) for r in tools.kb.roles_of(people[0])}
    if any(t.unit == units[0] for t in tools.kb.people[people[0]].titles):
        return ()
    held = tools.unit_people_holding(units[0], lambda r: (r.group, r.label) in places)
    return tuple(Entity(EntityKind.PERSON, p) for p in held)


def _fragment_of_listed(tools: Tools, query: Query, context: Context) -> Entity | None:
    """A bare piece of one listed group's name, said alone after a list of groups (商事 / 深化那个 / 审批的)."""
    if len(context.listed_groups) < 2 or query.cues & RELATION_CUES:
        return None
    piece = _FRAGMENT_FRAME.sub("", query.text)
    if not 2 <= len(piece) <= 6:
        return None
    fits = [g for g in context.listed_groups if g in tools.kb.groups and piece in tools.kb.groups[g].name]
    return Entity(EntityKind.GROUP, fits[0]) if len(fits) == 1 else None


def _office_post_holder(tools: Tools, query: Query) -> tuple[Entity, ...]:
    """办公室副主任在专题组也有职务吗 / 副主任还兼什么: the people who hold the office's place the question starts with."""
    found = _OFFICE_POST.match(query.text)
    office = tools.office_group()
    if found is None or office is None or office.office is None:
        return ()
    role = found.group(1)
    held = [h for h in office.office.roles if h.role == role]
    return tuple(Entity(EntityKind.PERSON, p) for h in held for p in h.persons)


def _true_holder(tools: Tools, query: Query, context: Context) -> tuple[Query, tuple[Entity, ...]] | None:
    """那是谁 / 那应该是谁 after a yes/no claim of a person's place in a group: the place, of the group."""
    if Cue.YES_NO.value not in context.relation or not _WHO_THEN.match(query.text):
        return None
    groups = tuple(e for e in context.entities if e.kind is EntityKind.GROUP)
    relation = {c for c in Cue if c.value in context.relation} & RELATION_CUES - {Cue.YES_NO, Cue.ROLES}
    if not groups or not relation:
        return None
    return replace(query, cues=frozenset(relation)), groups  # (那应该怎么写: no duty, no requirement asked)


def _unit_post_holder(tools: Tools, query: Query, context: Context) -> tuple[Entity, ...]:
    """它局长是谁 / 这个单位的主任是谁 after one unit: the people whose title is that unit's post."""
    units = [e.id for e in context.entities if e.kind is EntityKind.UNIT]
    if len(units) != 1 or (bare_pronoun(query.text) is None and "单位" not in query.text):
        return ()
    unit = tools.kb.units[units[0]]
    names = (unit.name, *unit.aliases)
    posts = [w for w in query.cue_words if w in tools.lexicon.cues[Cue.OTHER_POST]]
    return tuple(
        Entity(EntityKind.PERSON, p.id)
        for p in tools.kb.people.values()
        if any(t.title in {n + w for n in names for w in posts} for t in p.titles)
    )


def _the_other(tools: Tools, context: Context) -> Entity | None:
    """另一个呢, where the answer named one of two: the other holder of the place the one person just named
    holds with one other (吴存荣 → 欧顺清, the 协调小组's other 副组长), or the other of two groups just listed."""
    if len(context.focus) == 1:
        person = context.focus[0]
        # (许洪斌和唐英瑜哪个是市场监管局局长 → 另一个是哪个局的: the other of the two the asker named)
        asked = {e for e in context.mentioned if e.kind is EntityKind.PERSON and e.id != person}
        if len(asked) == 1:
            return asked.pop()
        held = [h for g in tools.kb.groups.values() for h in g.roles if person in h.persons]
        others = {p for h in held for p in h.persons if p != person}
        if len(others) == 1:
            return Entity(EntityKind.PERSON, others.pop())
    # (市人社局参加了哪些组 → 商事那个组长是谁 → 另一个呢: the other group, though the answer named its leader)
    now = [e.id for e in context.entities if e.kind is EntityKind.GROUP]
    rest = [g for g in context.listed_groups if g not in now]
    return Entity(EntityKind.GROUP, rest[0]) if len(context.listed_groups) == 2 and len(rest) == 1 else None


def _nth_of_kind(tools: Tools, text: str) -> Entity | None:
    """第二个保障组 / 第三个专题组 / 专题组第三个 / 保障组里的第二个: a group by its place among its kind, as the
    notice lists them."""
    for kind in tools.kb.kinds():
        kind_word = re.escape(kind)
        found = re.search(rf"第([一二三四五六七八九1-9])个?{kind_word}", text) or re.search(
            rf"{kind_word}(?:里|里面|中|当中|之中)?的?(?:排)?第([一二三四五六七八九1-9])个(?!组)", text
        )
        if found:
            groups = [g for g in tools.kb.under_top() if g.kind == kind]
            index = numeral(found.group(1)) - 1
            return Entity(EntityKind.GROUP, groups[index].id) if index < len(groups) else None
    return None


def _picked(tools: Tools, query: Query, context: Context) -> tuple[Entity, ...]:
    """The ones an ordinal (第二个 / 排第二的 / 前者 / 后者 / 最后那个 / 第四个和第五个 / 后面两个 / 剩下的) or
    另一位 picks from what the answers listed: the people when several were named, else the groups; after
    one group, the groups of its kind in the notice's order (精简行政审批组… → 第二个组呢)."""
    people = [Entity(EntityKind.PERSON, p) for p in context.people]
    groups = [Entity(EntityKind.GROUP, g) for g in context.listed_groups]
    if len(groups) < 2 and (_ORDINAL_GROUP.search(query.text) or (len(people) < 2 and len(context.units) < 2)):
        last = [tools.kb.groups[e.id] for e in context.entities if e.kind is EntityKind.GROUP]
        if last and not tools.kb.is_top(last[0].id):
            groups = [Entity(EntityKind.GROUP, g.id) for g in tools.kb.under_top() if g.kind == last[0].kind]
    listed = people if len(people) > 1 or not groups else groups
    of_groups = len(context.entities) > 1 and all(e.kind is EntityKind.GROUP for e in context.entities)
    of_groups = of_groups and set(context.people) <= set(context.focus)  # (not a list kept from a pick before)
    # 专题组分别叫什么 → 第一个的组长是谁 → 最后一个呢: the list the last answer picked a group from
    of_groups = of_groups or (
        len(context.entities) == 1
        and context.entities[0].kind is EntityKind.GROUP
        and context.entities[0].id in context.listed_groups
    )
    if of_groups and len(groups) > 1 and not _PERSON_WORD.search(query.text):
        listed = groups  # 四个专题组都是谁当组长 → 最后一个呢: the groups asked about, not the people they name
    units = [Entity(EntityKind.UNIT, u) for u in context.units]
    if len(units) > 1 and len(people) < 2 and (len(context.listed_groups) < 2 or "单位" in query.text):
        listed = units  # 精简行政审批组副组长单位有哪些 → 第一个是哪个单位: the units it listed
    holders = [e for e in context.mentioned if e.kind is not EntityKind.GROUP]
    if len(holders) > 1 and len({e.kind for e in holders}) == 1:
        listed = holders  # 市人力社保局 市国资委 市交通局 分别是哪个组的 → 第三个呢: the ones the asker listed
    if groups and _ORDINAL_GROUP.search(query.text):
        listed = groups  # 排第二的那个组 / 最后那个组
    step = _STEP.search(query.text)
    now = [e.id for e in context.entities if e.kind is EntityKind.GROUP]
    if step and len(now) == 1:  # 那下一行呢 / 上一个组呢: the group next to it, in the notice's order
        order = list(tools.kb.groups)
        index = order.index(now[0]) + (1 if step.group(1) or step.group(2) else -1)
        return (Entity(EntityKind.GROUP, order[index]),) if 0 <= index < len(order) else ()
    several = _several(query.text, listed, context)
    if several:
        return several
    ordinal = _ORDINAL.search(query.text)
    if ordinal:
        index = numeral(ordinal.group(1)) - 1
    elif _FIRST_ONE.search(query.text):
        index = 0
    elif _LAST_ONE.search(query.text):
        index = len(listed) - 1
    elif _OTHER_ONE.search(query.text):
        others = [p for p in context.people if p not in context.focus]
        if len(others) == 1:
            return (Entity(EntityKind.PERSON, others[0]),)
        other = _the_other(tools, context)
        return (other,) if other is not None else ()
    else:
        return ()
    return (listed[index],) if 0 <= index < len(listed) else ()


def _several(text: str, listed: list[Entity], context: Context) -> tuple[Entity, ...]:
    """前两个 / 后面两个 / 第四个和第五个 / 剩下的: several of the listed, in their order."""
    found = _SEVERAL.search(text)
    if found is None or len(listed) < 2:
        return ()
    first, last, one, other, rest = found.groups()
    if first or last:
        count = numeral(first or last)
        picked = listed[:count] if first else listed[-count:]
        return tuple(picked) if count < len(listed) else ()
    if one and other:
        indices = [numeral(one) - 1, numeral(other) - 1]
        return tuple(listed[i] for i in indices if 0 <= i < len(listed)) if max(indices) < len(listed) else ()
    shown = set(context.focus) | {e.id for e in context.entities}
    left = [e for e in listed if e.id not in shown]
    return tuple(left) if rest and 0 < len(left) < len(listed) else ()


def _pronoun(tools: Tools, query: Query, topic_words: list[str]) -> EntityKind | None:
    """What a pronoun of the question points back at: a person (他 / 这位), a unit (该单位), a group
    (它 / 这个组 / 里面 / 那个组 with nothing describing it); None when there is no pronoun."""
    if _OWN_UNIT.search(query.text):  # 他所在的那个局 / 她所在单位: the unit of the person before
        return EntityKind.UNIT
    if _THAT_POST.search(query.text):  # 刚才那个副主任还兼什么: the person who holds it, named before
        return EntityKind.PERSON
    pronouns = tools.lexicon.cues[Cue.PRONOUN]
    for word in (w for w in query.cue_words if w in pronouns):
        for marker, kind in _PRONOUN_KINDS.items():
            if marker in word:
                return kind
    bare = bare_pronoun(query.text)
    if bare is not None:
        return _PRONOUN_KINDS[bare]
    if query.has(Cue.DESCRIBED_GROUP) and not topic_words:
        return EntityKind.GROUP
    return None


def bare_pronoun(text: str) -> str | None:
    """他 / 她 / 它 anywhere, inside a longer jieba word too (那他, 那它), but not in 其他 / 其它 / 吉他."""
    for word in _NOT_PRONOUNS:
        text = text.replace(word, "")
    return next((marker for marker in ("他", "她", "它") if marker in text), None)


def _pointed_kind(query: Query, context: Context, pronoun: EntityKind | None) -> EntityKind | None:
    """The kind a pronoun points at, by what was talked about: 它 after units alone, in a question that names no
    group word, is the unit (省住建厅负责什么 → 它派的成员是谁), not the group it would be of; 他们 after groups alone
    is those groups (合法性谁来审 → 法治组 → 他们还干什么), not the people the answer named."""
    kinds = {e.kind for e in context.entities}
    if pronoun is EntityKind.GROUP and kinds == {EntityKind.UNIT} and bare_pronoun(query.text) == "它":
        return EntityKind.UNIT if "组" not in query.text else pronoun
    asks_work = query.has(Cue.DUTY, Cue.YES_NO) and not query.has(Cue.ROLES)  # (他们分别是什么职务: the people)
    if pronoun is EntityKind.PERSON and kinds == {EntityKind.GROUP} and _THEY.search(query.text) and asks_work:
        return EntityKind.GROUP
    return pronoun


def _earlier(tools: Tools, context: Context, pronoun: EntityKind | None, one: bool = False) -> tuple[Entity, ...]:
    """The previous subjects a pronoun can point at: the subjects of its kind, else what the previous
    question named of that kind, else for 他 / 她 the people the answer named (协调小组办公室主任是谁
    → 他也是副组长吗); without a pronoun, the previous subjects."""
    if pronoun is None:
        return context.entities
    if pronoun is EntityKind.GROUP and not any(e.kind is EntityKind.GROUP for e in context.entities) and context.groups:
        # 市教委是哪个组的副组长单位 → 这个组…: the groups the answer cited (唐英瑜是干啥的 → 这个组: the group she
        # leads, not the 协调小组 she is a member of by its rule)
        cited = [g for g in context.groups if g in tools.kb.groups]
        cited = [g for g in cited if not tools.kb.is_top(g)] or cited
        # 他那个单位在哪个专题组当副组长 → 这个组: the groups it holds the place asked in, not all it was cited in
        places = {kind for cue, kinds in _PLACE_ROLES.items() if cue.value in context.relation for kind in kinds}
        holders = [e.id for e in context.entities if e.kind is not EntityKind.GROUP]
        held = {r.group for h in holders for r in tools.kb.roles_of(h) if r.kind in places}
        return tuple(Entity(EntityKind.GROUP, g) for g in [g for g in cited if g in held] or cited)
    named_one = pronoun is EntityKind.PERSON and one and len(context.focus) == 1
    if named_one and not any(e.kind is EntityKind.PERSON for e in context.entities):
        # 副主任是谁 (罗蔺) → 他兼任哪两个组的组长: the one the answer named, not one a question before named
        return (Entity(EntityKind.PERSON, context.focus[0]),)
    for found in (context.entities, context.mentioned):
        same = tuple(e for e in found if e.kind is pronoun)
        umbrella = all(tools.kb.is_top(e.id) for e in same if e.kind is EntityKind.GROUP)
        others = [e for e in found if e.kind is not EntityKind.GROUP]
        if same and pronoun is EntityKind.GROUP and umbrella and others:
            # 他算协调小组的成员吗 → 这个组…: the group over all the others frames the question; 这个组
            # is the group of the person or unit asked about
            return _groups_of(tools, tuple(others))
        if same:
            return same
    if pronoun is EntityKind.PERSON and one and len(context.focus) == 1:
        return (Entity(EntityKind.PERSON, context.focus[0]),)  # 他还管什么: the one the last answer named
    if pronoun is EntityKind.PERSON and context.people:
        return tuple(Entity(EntityKind.PERSON, p) for p in context.people)
    if pronoun is EntityKind.PERSON:
        # 精简行政审批组组长是谁 → 那副组长呢 (units) → 他还兼什么: the head of the group talked about
        heads = [tools.kb.groups[e.id].leader.person for e in context.entities if e.kind is EntityKind.GROUP]
        named = [h for h in dict.fromkeys(heads) if h]
        if len(named) == 1:
            return (Entity(EntityKind.PERSON, named[0]),)
    if pronoun is EntityKind.UNIT:  # 他是市司法局局长吗 → 这个单位: the units of the people before
        people = [e.id for e in (*context.entities, *context.mentioned) if e.kind is EntityKind.PERSON]
        if not people and len(context.focus) == 1:  # 商事组组长 → 他那个单位: the one person the answer named
            people = [p for p in context.focus if p in tools.kb.people]
        units = [
            t.unit
            for p in people
            for t in tools.kb.people[p].titles
            if t.unit is not None and not tools.kb.units[t.unit].umbrella
        ]
        if units:
            return tuple(dict.fromkeys(Entity(EntityKind.UNIT, u) for u in units))
    return context.entities


_OWN_PLACES = frozenset({Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY})


def _with_relation(query: Query, context: Context) -> Query:
    """The query with the previous question's relation and aspects, for an ellipsis; the kind of
    group a list was of only when the question names no subject or kind of its own."""
    cues = {c for c in Cue if c.value in context.relation}
    if query.cues & _OWN_PLACES:  # 综合组的副组长有哪些 → 那组长呢: the place asked now, not both
        cues -= RELATION_CUES
    of_groups = sum(e.kind is EntityKind.GROUP for e in context.entities) > 1
    if Cue.BOTH in cues and of_groups and not cues & {Cue.DEPUTY, Cue.MEMBERS}:
        cues.add(Cue.DEPUTY)  # (共同的副组长单位 said the place in its set word: the set is of deputy units)
    if query.entities or query.cues & _KIND_CUES:
        cues -= _KIND_CUES
    if not query.entities:  # 一共几个 after a yes/no counts; 市交通局呢 after one is a yes/no of its own
        cues.discard(Cue.YES_NO)
    aspects = tuple(a for a in Aspect if a.value in context.aspects)
    # (叫什么名字 after 安保部部长是谁 asks its name: the place's own relation, the next ellipsis too)
    asks_person = query.asks_person or (ASKS_PERSON in context.relation and Cue.NAME.value not in context.relation)
    return replace(query, cues=query.cues | cues, aspects=query.aspects or aspects, asks_person=asks_person)


def _groups_of(tools: Tools, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Groups stand for themselves; a person stands for the groups they lead (else those they sit in),
    a unit for the groups it sits in — the 协调小组 only when there is no other."""
    groups: list[Entity] = []
    for entity in entities:
        if entity.kind is EntityKind.GROUP:
            groups.append(entity)
            continue
        roles = tools.kb.roles_of(entity.id)
        led = [r for r in roles if r.kind in (RoleKind.LEADER, RoleKind.LEADER_UNIT)]
        ids = [r.group for r in (led or roles)]
        ids = [g for g in ids if not tools.kb.is_top(g)] or ids
        groups += [Entity(EntityKind.GROUP, g) for g in ids]
    return tuple(dict.fromkeys(groups))


_DESCRIBES = re.compile(r"[\u4e00-\u9fff]{0,5}?(?:那个|这个|的)$")  # 牵头那个 / 任组长的那个 / 那个 / 的


def _describers(tools: Tools, query: Query) -> tuple[set[Entity], list[str]]:
    """People named only to say which group: 林克庆牵头那个航空组 公安厅谁 / 孙春兰那个教材委 人社部谁 —
    a person right before a group they hold a place in, with 那个 / 的 between; and the words between."""
    groups = [m for m in query.mentions if m.entity.kind is EntityKind.GROUP]
    found, gaps = set(), []
    for person in (m for m in query.mentions if m.entity.kind is EntityKind.PERSON and not m.via_title):
        held = {r.group for r in tools.kb.roles_of(person.entity.id)}
        for group in (g for g in groups if g.start >= person.end and g.entity.id in held):
            gap = query.text[person.end : group.start]
            if _DESCRIBES.fullmatch(gap) and not gap.startswith("在"):  # (欧顺清在这个协调小组里: he is asked of)
                found.add(person.entity)
                gaps += [gap] if gap else []
    return found, gaps


def _led_group_asked(tools: Tools, query: Query, entities: tuple[Entity, ...]) -> bool:
    """张德宽领导的组负责什么 / 唐良智下面的副组长: a group facet asked of the group a person leads."""
    people = [m for m in query.mentions if m.entity.kind is EntityKind.PERSON and not m.via_title]
    if not people or any(e.kind is EntityKind.GROUP for e in entities) or query.has(Cue.YES_NO, Cue.WHICH_GROUP):
        return False
    asks = query.has(Cue.DEPUTY, Cue.DUTY, Cue.MEMBERS) or bool(query.aspects)
    # (唐英瑜那个，监管方面做什么: 那个 after the person is the group they hold)
    return asks and any("组" in query.text[m.end :] or query.text.startswith(_HIS_ONE, m.end) for m in people)


def _group_by_name_word(tools: Tools, text: str) -> Entity | None:
    """The one group whose names have a three-character stretch of the question no other group's names have."""
    pieces = {
        g.id: {n[i : i + 3] for n in (g.name, g.full_name or "", *g.aliases) for i in range(len(n) - 2)}
        for g in tools.kb.groups.values()
    }
    found = []
    for group_id, own in pieces.items():
        others = set().union(*(v for k, v in pieces.items() if k != group_id))
        if any(p in text and p not in others and not tools.names_group_kind(p) for p in own - others):
            found.append(group_id)
    return Entity(EntityKind.GROUP, found[0]) if len(found) == 1 else None


def _described_group(tools: Tools, query: Query, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """管证照分离的那个组 / 科技局局长带的那个组: the group a duty or a holder points at."""
    holders = [e for e in entities if e.kind is not EntityKind.GROUP]
    if holders:
        roles = [r for h in holders for r in tools.kb.roles_of(h.id)]
        led = [r for r in roles if r.kind in (RoleKind.LEADER, RoleKind.LEADER_UNIT)] or roles
        kinds = tools.kinds_named(query)
        groups = [
            Entity(EntityKind.GROUP, r.group)
            for r in led
            if (not tools.kb.is_top(r.group) or r.kind is RoleKind.LEADER)
            and (not kinds or tools.kb.groups[r.group].kind in kinds)
        ]
        return tuple(dict.fromkeys(groups))
    by_name = _group_by_name_word(tools, query.text)
    if by_name is not None:  # 放管服那个小组: a word of one group's full name (放管服 fills questions elsewhere)
        return (by_name,)
    if not [
        w for w in query.content if w not in tools.lexicon.aspect_words
    ]:  # 协调小组下设的专题组 / 那个组在监管方面:
        return ()  # nothing describes a particular group
    named = [query.text[m.start : m.end] for m in query.mentions]
    hits = [h for h in tools.index.search([*query.content, *named], limit=10) if h.clause.subject in tools.kb.groups]
    if hits and hits[0].score < tools.config.topic_min_score:  # 我们局要清理规范行政许可事项，对口哪个组
        hits = tools.rare_term_hits(query, hits)
    if not hits:
        return ()
    return (Entity(EntityKind.GROUP, hits[0].clause.subject),)
