"""Who a unit sends, where the unit stands only in people's titles (吴晓青 环境保护部副部长): 环保部谁参加了 /
住建部派的谁 / 国土部有几个人 / 民航局有人吗 — answered by the people whose titles name the unit."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind, mask
from knowledge.tools import HAS_PEOPLE, PEOPLE_COUNTED, Tools
from knowledge.turn import Turn

_GROUPS_ASKED = re.compile(r"哪(?:些|几个|个|几)[^，。？?]{0,3}组")
# What is asked of a unit beside its people: its own places (副组长单位, 办公室设在) and its work.
_NOT_PEOPLE = (
    Cue.OTHER_POST,
    Cue.LEADER,
    Cue.DEPUTY,
    Cue.OFFICE,
    Cue.OFFICE_PLACE,
    Cue.OFFICE_DIRECTOR,
    Cue.DUTY,
    Cue.WHICH_GROUP,
)

_ANY_LEADER = frozenset({"领导", "哪位领导", "哪个领导", "什么领导", "正的", "副的", "正职", "副职"})


def answer(turn: Turn, tools: Tools) -> Answer | None:
    units = [e for e in turn.entities if e.kind is EntityKind.UNIT and not tools.umbrella(e)]
    if not units or any(
        e not in units and not (e.kind is EntityKind.GROUP and tools.kb.is_top(e.id)) for e in turn.entities
    ):
        return None  # a person or another group named: named answers
    return _unit_people(turn, tools, units)


def _unit_people(turn: Turn, tools: Tools, units: list[Entity]) -> Answer | None:
    """Who a unit sends (测绘地信局谁参加了 / 住建部派的谁 / 国土部有几个人 / 民航局有人吗): the people whose
    titles name it, with their places. Its own places (副组长单位) and a post after its name (市司法局的
    局长) are for ``named``."""
    query = turn.query
    # A unit with places of its own (副组长单位) is asked of those by 有市场监管局吗 / 在哪几个组 / 承担哪些角色:
    # only who it sends (市司法局有谁 / 谁参加了) is about its people.
    only_titles = all(not tools.kb.roles_of(u.id) for u in units)
    unnamed = mask(query.text, query.mentions)
    counted = query.has(Cue.COUNT, Cue.LIST) and "组" not in unnamed
    asks = (
        query.asks_person
        or query.has(Cue.MEMBERS)
        or PEOPLE_COUNTED.search(query.text) is not None  # 民政厅来了几个人
        or HAS_PEOPLE.search(query.text) is not None  # 专班里有教育局的人吗
        or (only_titles and (counted or (query.has(Cue.YES_NO) and "有" in query.text)))
    )
    # (交通局是哪位领导在领导小组里 / 消防大队谁进了领导小组，是正的还是副的: of a unit standing only in
    # titles, a leader's word in general asks which of its people, and their place)
    general = only_titles and set(query.cue_words) <= _ANY_LEADER
    shown = [c for c in _NOT_PEOPLE if not (general and c in (Cue.LEADER, Cue.DEPUTY))]
    if not asks or query.has(*shown) or _post_named(tools, turn, units):
        return None
    if tools.kinds_named(query) or _GROUPS_ASKED.search(unnamed):
        return None  # 市场监管局参加了哪些专题组: its groups, not its people
    parts = []
    # 它派的成员是谁: of that place (the places in the order the question says them)
    asked = sorted((w for w in tools.place_words if w in unnamed), key=unnamed.find)
    for unit in units:
        people = tools.people_of_unit(unit.id)
        if not people:
            return None
        placed = [p for p in people if any(r.label in asked for r in tools.kb.roles_of(p))]
        if placed:
            text = tools.say(
                "people_of_unit_in_place", unit=tools.name(unit), place="、".join(asked), count=len(placed)
            )
            parts.append(Part(text))
            people = tuple(placed)
        else:
            parts.append(Part(tools.say("people_of_unit", unit=tools.name(unit), count=len(people))))
        parts += [describe.person_roles(tools.kb, p) for p in people]
    return tools.answer(turn.question, parts, tuple(units), 0.8)


def _post_named(tools: Tools, turn: Turn, units: list[Entity]) -> bool:
    """Whether a post of the unit's people follows its name (市司法局的局长, 测绘地信局副局长是谁)."""
    ends = [m.end for m in turn.query.mentions if m.entity in units]
    after = turn.query.text[max(ends) :].removeprefix("的") if ends else ""
    posts = {
        t.title.removeprefix(tools.name(u))
        for u in units
        for p in tools.people_of_unit(u.id)
        for t in tools.kb.people[p].titles
        if t.unit == u.id
    }
    return any(post and after.startswith(post) for post in posts)
