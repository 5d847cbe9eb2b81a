"""Questions naming a group, person or unit: the facet asked of it, its roles, the posts it holds."""

from __future__ import annotations

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Group
from knowledge.lexicon import Cue, place_stem
from knowledge.matcher import Entity, EntityKind
from knowledge.tools import ROLE_CUES, Tools
from knowledge.turn import Turn
from knowledge.understand import Query

_GROUP_FACET_CUES = (
    Cue.LEADER,
    Cue.DEPUTY,
    Cue.MEMBERS,
    Cue.OFFICE,
    Cue.OFFICE_DIRECTOR,
    Cue.OFFICE_DEPUTY,
    Cue.DUTY,
    Cue.COMMON,
)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if not entities:
        return None
    if query.unknown and not (
        query.has(*_GROUP_FACET_CUES, Cue.ROLES, Cue.NAME, Cue.WHICH_GROUP, Cue.OTHER_POST) or query.aspects
    ):  # a place the notice names (榆溪防汛抗旱指挥部的政委) is asked, whatever word it did not know
        return None
    people = [e for e in entities if e.kind is EntityKind.PERSON]
    units = [e for e in entities if e.kind is EntityKind.UNIT]
    groups = [e for e in entities if e.kind is EntityKind.GROUP]
    listing = query.has(Cue.LIST, Cue.ALL_GROUPS, Cue.COUNT)
    named = [w for w in query.unknown if _name_like(tools, w)]
    if not (people or units) and query.has(Cue.ROLES) and named and not (query.has(*ROLE_CUES) or listing):
        # 陈敏尔在协调小组里担任什么职务: someone the notice does not name
        text = tools.say("unknown_person", name=named[0], group=tools.top_name)
        return tools.decline(question, text, entities, prefix_only=True)
    asks_group = bool(query.aspects) or query.has(*_GROUP_FACET_CUES)
    if (people or units) and not query.has(*ROLE_CUES):
        # 人民银行在协调小组里做什么: every unit is in the 协调小组; the question is about the unit.
        groups = [g for g in groups if not tools.kb.is_top(g.id)]
    qualified = tools.qualified_place(query)
    if groups and not (people or units) and qualified:
        # 常务副组长是谁, of a notice whose groups have plain 副组长: not stated, and who the deputies are
        parts = tools.no_such_place(tools.kb.groups[groups[0].id], qualified)
        return tools.answer(question, parts, entities, 0.8)
    parts: list[Part] = []
    post = next((w for w in query.cue_words if w in tools.lexicon.cues[Cue.OTHER_POST]), None)
    places = tools.places_of(post) if post else ()
    heads = _place_unit_heads(tools, query, groups) if groups and not (people or units) else []
    if heads:
        # 政务服务组牵头单位的局长叫啥 / 牵头那个局的局长: the person heading the unit that holds that place
        return tools.answer(question, heads, entities, 0.8)
    held = [h for g in groups for h in tools.kb.groups[g.id].roles if h.role in places]
    if held and not (people or units):
        # 联络员由什么人担任: a place the notice names besides the head, deputies and members (of each group named)
        # (谁牵头: 牵头县领导 and 牵头单位, each place said on its own)
        places = [
            (tools.kb.groups[g.id], tuple(h for h in held if h in tools.kb.groups[g.id].roles and h.role == role))
            for g in groups
            for role in dict.fromkeys(h.role for h in held)
        ]
        parts = [describe.holding(tools.kb, group, own) for group, own in places if own]
        return tools.answer(question, parts, entities, 0.85)
    if groups and not (people or units) and query.has(Cue.ALSO):
        # 精简行政审批组组长还兼任哪个组的组长: the person the group's post names, and all they hold
        holders = [_post_holder(tools, tools.kb.groups[g.id], query) for g in groups]
        people = [Entity(EntityKind.PERSON, h) for h in dict.fromkeys(holders) if h]
        groups = [] if people else groups  # (督查组还在哪个组当副组长: no one the notice names; the group's own place)
    if groups and (not (people or units) or (asks_group and not query.has(Cue.ROLES))):
        clauses = [tools.group_clause(query, tools.kb.groups[g.id]) for g in groups]
        if len(groups) > 1 and any(clauses):
            # 综合组要向协调小组提出什么: the group whose own duty says it; the other is its object
            parts += [c for c in clauses if c is not None]
        else:
            parts += [
                c or tools.group_answer(query, tools.kb.groups[g.id]) for c, g in zip(clauses, groups, strict=True)
            ]
        if query.has(Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY):
            # 防指办周启明和高振宇谁是主任: the office's place asked, and what the other one named holds there
            said = "".join(p.text for p in parts)
            named = dict.fromkeys(m.entity.id for m in query.mentions if m.entity.kind is EntityKind.PERSON)
            parts += [describe.person_roles(tools.kb, p) for p in named if tools.kb.people[p].name not in said]
    elif people:
        titles = {m.entity.id: m.via_title for m in query.mentions if m.via_title}
        for person in people:
            holder = tools.kb.people[person.id]
            elsewhere = tools.kb.post_holders.get(holder.name) if holder.post else None
            if holder.post and (query.has(Cue.NAME) or query.asks_person) and elsewhere is None:
                # 市公安局常务副局长叫什么 / 是谁 (but 市工业和信息化局局长, whom the member table names, is said)
                parts.append(Part(tools.say("post_name_unstated", post=holder.name)))
            if elsewhere is not None:  # 工信局局长是谁: 郑启明, the member the table gives that title, with his places
                parts.append(describe.person_roles(tools.kb, elsewhere, holder.name))
                continue
            parts.append(describe.person_roles(tools.kb, person.id, titles.get(person.id)))
    elif units and places and all(any(r.label in places for r in tools.kb.roles_of(u.id)) for u in units):
        # 教体局配合哪几个专班: the unit holds the place itself, in the groups its roles say
        parts += [describe.unit_roles(tools.kb, u.id) for u in units]
    elif units and len(places) == 1 and any(r.label == places[0] for h in tools.kb.roles for r in tools.kb.roles_of(h)):
        # 省公安厅联络员是谁: the people in that place whose titles are the unit's (a 联络员 list by unit)
        parts += [_unit_place(tools, u.id, places[0]) for u in units]
    elif query.has(Cue.DUTY) and not query.asks_person and tools.lists_unit_duties:
        # 公安局职责是什么, of a notice listing each member unit's duties: its item (未载明 where it has none)
        for unit in units:
            said = describe.unit_duties(tools.kb, unit.id)
            parts += said or [Part(tools.say("unit_duty_unstated", unit=tools.name(unit)))]
    elif query.asks_person and not query.has(Cue.WHICH_GROUP):
        parts += [_unit_head(tools, query, u.id) for u in units]
    else:
        parts += [describe.unit_roles(tools.kb, u.id) for u in units]
    confidence = min(m.score for m in query.mentions) / 100 if query.mentions else 0.8
    return tools.answer(question, parts, entities, confidence)


def _name_like(tools: Tools, word: str) -> bool:
    """Two to four characters starting with a common surname: 陈敏尔, 李四 (not 平时, 下面)."""
    return 2 <= len(word) <= 4 and word[0] in tools.lexicon.surnames


def _post_holder(tools: Tools, group: Group, query: Query) -> str | None:
    """Who holds the post the question names in the group: 办公室主任 / 副主任, else the leader."""
    if group.office is not None and query.has(Cue.OFFICE_DEPUTY):
        return group.office.deputy_director
    if group.office is not None and query.has(Cue.OFFICE_DIRECTOR):
        return group.office.director
    return group.leader.person


def _unit_place(tools: Tools, unit_id: str, place: str) -> Part:
    """The unit's people in a place of the groups (its 联络员), or that the notice names none."""
    held = tools.unit_people_holding(unit_id, lambda r: r.label == place)
    if not held:
        return Part(tools.say("unit_place_unstated", unit=tools.kb.units[unit_id].name, place=place))
    return describe.join([describe.person_roles(tools.kb, p) for p in held])


def _place_unit_heads(tools: Tools, query: Query, groups: list[Entity]) -> list[Part]:
    """The people whose post (局长, 主任) is of a unit holding a place of the groups the question names by its
    word (牵头单位 → 牵头): 牵头单位的局长 is 区司法局局长 郑丽华. Empty where no such place or person."""
    places = {h.role for g in groups for h in tools.kb.groups[g.id].roles}
    others = tools.lexicon.cues[Cue.OTHER_POST]
    post = next((w for w in reversed(query.cue_words) if w in others and w not in places), None)
    if post is None:
        return []
    units = [
        u
        for g in groups
        for h in tools.kb.groups[g.id].roles
        if h.units and place_stem(h.role) != h.role and place_stem(h.role) in query.text
        for u in h.units
    ]
    parts = []
    for unit_id in dict.fromkeys(units):
        name = tools.kb.units[unit_id].name
        for person in tools.kb.people.values():
            title = next((t.title for t in person.titles if t.unit == unit_id and t.title == name + post), None)
            if title is not None:
                parts.append(describe.person_roles(tools.kb, person.id, title))
    return parts


def _unit_head(tools: Tools, query: Query, unit_id: str) -> Part:
    """Who heads a unit: the person whose post right after the unit's name the question names
    (市司法局的局长 → 张德宽; 市科技局副局长 is not 局长), else unstated."""
    unit = tools.kb.units[unit_id]
    # The post follows the last unit named: 市科技局和市司法局的局长 asks both for their 局长.
    named = [m.end for m in query.mentions if m.entity.kind is EntityKind.UNIT]
    if not named:  # the unit came from the context: the question names no post of it
        return describe.unit_roles(tools.kb, unit_id)
    after = [query.text[max(named) :].removeprefix("的")]
    for person in tools.kb.people.values():
        for title in person.titles:
            post = title.title.removeprefix(unit.name)
            if title.unit == unit_id and any(rest.startswith(post) for rest in after):
                return describe.person_roles(tools.kb, person.id, title.title)
    return describe.join(
        [Part(tools.say("unit_head_unstated", unit=unit.name)), describe.unit_roles(tools.kb, unit_id)]
    )
