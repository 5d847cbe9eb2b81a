"""The groups of a kind: lists, counts and claims about them, a facet for every group, the most deputy units."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import UNSTATED, Answer
from knowledge.describe import Part
from knowledge.facts import Group
from knowledge.lexicon import Cue
from knowledge.loader import aspect_fact_id
from knowledge.matcher import Entity, EntityKind
from knowledge.tools import Tools, number, numeral
from knowledge.turn import Turn

_QUESTION_WORDS = ("哪", "什么", "几", "多少", "啥")
_WHICH_SIDES = re.compile(r"(?:哪几个|哪些|几个|什么|哪几)方面")  # the sides a kind's duties are listed by
_LACKS = re.compile(r"哪(?:个|些|几个|一个)?[^，。？?]{0,6}?(?:没有|没设|不设|无)")  # 哪个组没有副组长单位: lacking it


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    kinds = tools.kinds_named(query)
    # 所有组长 / 全部副组长 (not 他所有的职务, nor 所有组长里有几个是局长: counted by their title)
    every = (
        query.has(Cue.EVERY)
        and query.has(Cue.LEADER, Cue.DEPUTY, Cue.DUTY)
        and not query.has(Cue.COUNT, Cue.OTHER_POST)
    )
    specific = [e for e in entities if e.kind is EntityKind.GROUP and not tools.kb.is_top(e.id)]
    if specific and kinds and not query.has(Cue.LEADER, Cue.DUTY, Cue.DEPUTY) and not query.aspects:
        if query.has(Cue.YES_NO) and len(kinds) == 1:
            group = tools.kb.groups[specific[0].id]
            verdict = tools.verdict(group.kind == kinds[0])
            return tools.answer(question, [verdict, describe.group_kind(tools.kb, group)], entities, 0.9)
        parts = [describe.group_kind(tools.kb, tools.kb.groups[e.id]) for e in specific]
        return tools.answer(question, parts, entities, 0.9)
    if specific or any(e.kind is not EntityKind.GROUP for e in entities) or query.has(Cue.OFFICE):
        return None
    sided = [g for g in tools.kb.under_top() if g.aspects and (not kinds or g.kind in kinds)]
    if sided and _WHICH_SIDES.search(query.text):
        # 每个专题组都从哪几个方面开展工作 / 职责分几个方面: the sides its duties are listed by
        sides = list(dict.fromkeys(a.aspect.value for g in sided for a in g.aspects))
        text = tools.say("sides_of_kind", kind=sided[0].kind, sides="、".join(sides), count=len(sides))
        facts = tuple(aspect_fact_id(g.id, a.aspect) for g in sided[:1] for a in g.aspects if a.quote)
        return tools.answer(question, [Part(text, facts)], (), 0.85)
    asks_facet = query.has(Cue.LEADER, Cue.DEPUTY) or (query.asks_person and not query.has(Cue.NAME))
    shared = [d.kind for d in tools.kb.common_duties if not kinds or d.kind in kinds]
    if query.has(Cue.COMMON) and shared and not asks_facet and (query.has(Cue.DUTY) or not query.has(Cue.COUNT)):
        return tools.answer(question, [describe.common_duty(tools.kb, shared[0])], (), 0.9)
    missing = query.has(Cue.MISSING) or bool(_LACKS.search(query.text))
    asks_list = query.has(Cue.COUNT, Cue.LIST, Cue.ALL_GROUPS, Cue.SUPERLATIVE) or every or missing or query.asks_person
    asks_list = asks_list or number(query.text) is not None  # 是不是有3个保障组
    # 专题组副组长由什么人担任 / 保障组负责什么: a facet of a kind's groups is each group's (their duties
    # where nothing else is asked of them: 专题组的职责里哪一条提到了企业 searches them)
    facet = query.has(Cue.LEADER, Cue.DEPUTY) or (query.has(Cue.DUTY) and not query.content)
    asks_list = asks_list or (bool(kinds) and facet)
    bare = not query.content and not query.cues - {Cue.TOPIC_GROUPS, Cue.SUPPORT_GROUPS}
    asks_list = asks_list or (bool(kinds) and bare)  # 保障组: the kind typed alone, as in a search box
    if not asks_list or (not kinds and not query.has(Cue.ALL_GROUPS) and not every and not missing):
        return None
    if query.content and tools.topic_hits(query) and not missing:
        return None  # 各专题组要调查研究哪些问题 / 要根据什么细化工作: a duty or requirement, found by the search
    # 哪个专题组没写服务方面: a side of the duties, for every group, kept where the notice is silent
    missing_side = bool(query.aspects) and missing
    if (
        query.has(Cue.DUTY, Cue.LEADER, Cue.DEPUTY)
        or missing_side
        or (query.asks_person and not query.has(Cue.COUNT, Cue.NAME))
    ):
        # 四个专题组的组长分别是谁: the facet asked, for every group of that kind
        groups = [g for g in tools.kb.under_top() if g.kind in (kinds or tools.kb.kinds())]
        if every and not kinds and tools.kb.top is not None:  # 所有组长: the top group's too
            groups.insert(0, tools.kb.groups[tools.kb.top])
        parts = [tools.group_answer(query, g) for g in groups]
        if missing:  # 哪个专题组没有写明组长: only those the notice is silent on
            kept = [(g, p) for g, p in zip(groups, parts, strict=True) if UNSTATED in p.text]
            groups, parts = [g for g, _ in kept], [p for _, p in kept]
        if query.has(Cue.SUPERLATIVE) and query.has(Cue.DEPUTY):
            parts.insert(0, _most_deputies(tools, groups))
        if query.has(Cue.COUNT) and query.has(Cue.LEADER) and groups:
            parts.insert(0, _leaders_counted(tools, groups, missing=missing))
        if parts:
            return tools.answer(question, parts, tuple(Entity(EntityKind.GROUP, g.id) for g in groups), 0.85)
    kinds = kinds or tools.kb.kinds()
    if not kinds:  # 下设几个工作组, of a notice that sets up one group only
        return tools.answer(question, [Part(tools.say("no_groups_under", group=tools.top_name))], (), 0.8)
    parts = [describe.groups_list(tools.kb, tuple(kinds))]
    claimed = number(query.text)
    # 协调小组下设3个专题组？ states a number: a claim to check even without 吗
    asks = query.has(Cue.COUNT) or query.asks_person or any(w in query.text for w in _QUESTION_WORDS)
    claim = query.has(Cue.YES_NO) or not asks
    each = [
        (int(n) if n.isdigit() else numeral(n), k)
        for n, k in re.findall(r"(\d+|[一二两三四五六七八九十])个([^\d、，,和与及]{1,6}?组)", query.text)
    ]
    each = [(n, k) for n, k in each if k in tools.kb.kinds()]
    if claim and len(each) > 1:  # 下设4个专题组、3个保障组，准确吗: each count against its kind
        holds = all(sum(g.kind == k for g in tools.kb.under_top()) == n for n, k in each)
        parts.insert(0, tools.verdict(holds))
    elif claim and claimed is not None:  # 下设3个专题组？ / 下面一共有7个组，对不对
        count = sum(g.kind in kinds for g in tools.kb.under_top())
        parts.insert(0, tools.verdict(claimed == count))
    return tools.answer(question, parts, (), 0.9)


def _most_deputies(tools: Tools, groups: list[Group]) -> Part:
    """哪个专题组的副组长单位最多: counted among the groups whose deputy units are stated."""
    counted = [(len(g.deputies.units), g) for g in groups if g.deputies is not None and g.deputies.units]
    if not counted:
        return Part("")
    most, group = max(counted, key=lambda pair: pair[0])
    silent = [g.name for g in groups if g.deputies is not None and g.deputies.unstated]
    note = tools.say("most_deputies_note", groups="、".join(silent)) if silent else ""
    text = tools.say("most_deputies", group=group.name, count=most, note=note)
    return Part(text, (f"group.{group.id}.deputies",))


def _leaders_counted(tools: Tools, groups: list[Group], missing: bool) -> Part:
    """有几个组写明了组长 / 有几个组的组长没写 / 涉及几个不同的人: the leaders counted."""
    stated = [g for g in groups if g.leader.person is not None]
    people = {g.leader.person for g in stated}
    if missing:
        return Part(tools.say("leaders_missing", count=len(groups), groups="、".join(g.name for g in groups)))
    silent = len(groups) - len(stated)
    counted = tools.say("leaders_counted", count=len(groups), stated=len(stated), silent=silent, people=len(people))
    return Part(counted)
