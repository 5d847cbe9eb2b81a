"""What an adjusting notice changed in a place: who held it before (组长原来是谁, 那她之前是谁当的), whether
one who left still holds it (方建华还是组长吗 → 不是, and who took over), who was added (是新增补的吗).

Who left a place is never its holder: the notice says only that they no longer hold it, so where they
went is 未载明.
"""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Change, Group, Tier, tier_of
from knowledge.lexicon import Cue
from knowledge.loader import change_fact_id
from knowledge.matcher import EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn
from knowledge.understand import Query

_TIER_CUES = {Tier.HEAD: Cue.LEADER, Tier.DEPUTY: Cue.DEPUTY, Tier.MEMBER: Cue.MEMBERS}
_LEAVING = re.compile(r"不再担任|不再是|离开|退出|卸任|不干了|走了")
_TAKING_OVER = re.compile(r"接替|顶替|接任|替换|接班|顶了")
_HOW_MANY = re.compile(r"(?:几|多少)(?:个|名|位|人)")
_NOW = ("还是", "现在", "仍", "目前", "如今")  # the claim is about now, even with 原 in it (原组长现在还是组长吗)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    changes = [(g, n, c) for g in tools.kb.groups.values() for n, c in enumerate(g.changes)]
    question, query, entities = turn.question, turn.query, turn.entities
    if not changes:
        return _not_stated(turn, tools)
    people = [e.id for e in entities if e.kind is EntityKind.PERSON]
    groups = [e.id for e in entities if e.kind is EntityKind.GROUP]
    earlier = query.has(Cue.FORMER)
    if len(people) == 2 and query.has(Cue.YES_NO):
        # 谢国庆接替的是刘敏吗: whether one took over the other's place
        holds = any(set(people) <= {*c.former, *c.successors} and set(c.former) & set(people) for _, _, c in changes)
        shown = [(g, n, c) for g, n, c in changes if set(c.former + c.successors) & set(people)]
        return tools.answer(question, [tools.verdict(holds), *(_told(tools, *ch) for ch in shown)], entities, 0.9)
    left = [(g, n, c) for g, n, c in changes if set(c.former) & set(people)]
    if left and len(people) > 1 and all(any(p in c.former for _, _, c in left) for p in people):
        # 汪继红和蔡文斌怎么了: each no longer in the place
        return tools.answer(question, [_left(tools, g, n, c) for g, n, c in left], entities, 0.9)
    if left and len(people) == 1:
        # 方建华还是组长吗 / 方建华现在任什么职务: no longer in the place; where they went is not stated
        parts = [_left(tools, g, n, c) for g, n, c in left]
        if query.has(Cue.YES_NO):
            parts.insert(0, tools.verdict(earlier and not _asks_now(query)))
        parts.append(Part(tools.say("former_now_unstated", name=tools.kb.people[people[0]].name)))
        return tools.answer(question, parts, entities, 0.9)
    took = [(g, n, c) for g, n, c in changes if set(c.successors) & set(people)]
    if took and earlier and len(people) == 1:
        # 那她之前是谁当的: the place she took over, and who held it before
        return tools.answer(question, [_left(tools, g, n, c) for g, n, c in took], entities, 0.9)
    added = [(g, n, c) for g, n, c in changes if set(c.added) & set(people)]
    if added and query.has(Cue.ADDED) and len(people) == 1:
        # 马文杰是新增补的副组长吗: the notice adds him
        parts = [tools.verdict(True)] if query.has(Cue.YES_NO) else []
        parts += [_added(tools, g, n, c) for g, n, c in added]
        return tools.answer(question, parts, entities, 0.9)
    if people or not (earlier or query.has(Cue.ADDED)):
        return None
    # 组长原来是谁 / 老大换人了？换成谁了 / 增补了谁: the changes of the place asked, in the group asked
    asked = [(g, n, c) for g, n, c in changes if (not groups or g.id in groups) and _asks_place(tools, query, c)]
    asked = asked or [(g, n, c) for g, n, c in changes if not groups or g.id in groups]  # 谁接替了谁: any place
    if query.has(Cue.ADDED):
        asked = [(g, n, c) for g, n, c in asked if c.added] or [(g, n, c) for g, n, c in changes if c.added]
    elif _LEAVING.search(query.text):  # 哪几个原成员不再担任了: those who left, not those added
        asked = [(g, n, c) for g, n, c in asked if c.former]
    elif _TAKING_OVER.search(query.text):  # 成员里有几个是接替别人的: those who took a place over
        asked = [(g, n, c) for g, n, c in asked if c.successors]
    if not asked:
        return None
    parts = [_told(tools, g, n, c) for g, n, c in asked]
    if query.has(Cue.COUNT) or _HOW_MANY.search(query.text):  # 这次增补了几名成员: the people counted
        counted = [p for _, _, c in asked for p in (c.added if query.has(Cue.ADDED) else c.successors or c.former)]
        parts.insert(0, Part(tools.say("changed_counted", count=len(dict.fromkeys(counted)))))
    return tools.answer(question, parts, entities, 0.85)


def _told(tools: Tools, group: Group, index: int, change: Change) -> Part:
    """A change as the notice tells it: who left (and who took over), or who was added."""
    return _left(tools, group, index, change) if change.former else _added(tools, group, index, change)


def _asks_now(query: Query) -> bool:
    return any(w in query.text for w in _NOW)


def _asks_place(tools: Tools, query: Query, change: Change) -> bool:
    """Whether the question asks for the change's place: by its word (常务副组长), or by its tier's cue."""
    words = sorted((w for w in tools.place_words if w in query.text), key=len, reverse=True)
    if words:
        return words[0] == change.role
    tier_cue = _TIER_CUES.get(tier_of(change.role))
    return tier_cue is not None and query.has(tier_cue)


def _names(tools: Tools, ids: tuple[str, ...]) -> str:
    return "、".join(tools.kb.people[p].name for p in ids)


def _left(tools: Tools, group: Group, index: int, change: Change) -> Part:
    key = "former_holder_succeeded" if change.successors else "former_holder"
    text = tools.say(
        key,
        names=_names(tools, change.former),
        group=group.name,
        role=change.role,
        successors=_names(tools, change.successors),
    )
    return Part(text, (change_fact_id(group.id, index),))


def _added(tools: Tools, group: Group, index: int, change: Change) -> Part:
    text = tools.say("added_holder", names=_names(tools, change.added), group=group.name, role=change.role)
    return Part(text, (change_fact_id(group.id, index),))


def _not_stated(turn: Turn, tools: Tools) -> Answer | None:
    """组长原来是谁 / 由谁接替了谁 / 新增了哪些专题组, of a notice that names no one who left or was added: the
    notice gives the places as they are after it, not before."""
    query = turn.query
    about_place = query.has(Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.TOPIC_GROUPS, Cue.SUPPORT_GROUPS)
    other_fields = set(query.document_fields) - {"rename"}  # 原来那个小组的组长: 原来 reads as the 更名 too
    if not (query.has(Cue.FORMER, Cue.ADDED) and about_place) or other_fields or "叫" in query.text:
        return None  # 协调小组原来叫什么: the former name, which the document gives
    if any(e.kind is not EntityKind.GROUP for e in turn.entities):
        return None  # 我以前在保险公司上班，重庆银保监局参加哪个组: 以前 of the asker, the unit asked about
    return tools.answer(turn.question, [Part(tools.say("before_unstated"))], turn.entities, 0.8)
