"""Who or what a question is about: the subjects it names, a group described by its work or its leader,
and — by the context policy — the previous answer's subjects for a follow-up.
"""

from __future__ import annotations

from dataclasses import replace

from knowledge.answer import Context
from knowledge.facts import RoleKind
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.tools import Tools, kinds_named
from knowledge.understand import Query

# Question words that read as a follow-up: with one of them and no subject of its own, a question
# is about the previous answer's subjects.
_FOLLOW_UP_CUES = (
    Cue.LEADER,
    Cue.DEPUTY,
    Cue.MEMBERS,
    Cue.DUTY,
    Cue.ROLES,
    Cue.YES_NO,
    Cue.WHICH_GROUP,
    Cue.PRONOUN,
    Cue.DESCRIBED_GROUP,
)


def subjects(tools: Tools, query: Query, context: Context | None) -> tuple[Query, tuple[Entity, ...]]:
    """The question's subjects (and the query with the words that only described a group dropped)."""
    # 市政府 / 市委 are named in titles, not as groups' units: with other words around them the
    # question is about those words (市政府各部门主要负责人要做什么), not about the body.
    entities = tuple(e for e in query.entities if not (tools.umbrella(e) and query.content))
    # 科技局许洪斌: a unit named as a person's own is a description of the person, not a subject
    units_of_people = {t.unit for e in entities if e.kind is EntityKind.PERSON for t in tools.kb.people[e.id].titles}
    entities = tuple(e for e in entities if not (e.kind is EntityKind.UNIT and e.id in units_of_people))
    only_umbrella = entities == (Entity(EntityKind.GROUP, "coordination"),)
    # 协调小组办公室的日常工作由哪个组负责: a group is asked for (哪个组), the 协调小组 only describes it
    asks_group = any("组" in w and w in tools.lexicon.cues[Cue.WHICH_GROUP] for w in query.cue_words)
    asks_which = asks_group and only_umbrella and bool(query.content)
    if query.has(Cue.DESCRIBED_GROUP) or asks_which or _led_group_asked(tools, query, entities):
        described = _described_group(tools, query, entities)
        if described:  # the words described the group; what is asked of it is in the cues
            listing = {Cue.ALL_GROUPS, Cue.LIST, Cue.COUNT}  # 唐良智下面的副组长: not a list of groups
            entities, query = described, replace(query, content=(), unknown=(), cues=query.cues - listing)
    if not entities and context and context.entities and (query.has(*_FOLLOW_UP_CUES) or query.aspects):
        entities = context.entities
    return query, entities


def _led_group_asked(tools: Tools, query: Query, entities: tuple[Entity, ...]) -> bool:
    """张德宽领导的组负责什么 / 唐良智下面的副组长: a group facet asked of the group a person leads."""
    people = [m for m in query.mentions if m.entity.kind is EntityKind.PERSON and not m.via_title]
    if not people or any(e.kind is EntityKind.GROUP for e in entities) or query.has(Cue.YES_NO, Cue.WHICH_GROUP):
        return False
    asks = query.has(Cue.DEPUTY, Cue.DUTY, Cue.MEMBERS) or bool(query.aspects)
    return asks and any("组" in query.text[m.end :] for m in people)


def _described_group(tools: Tools, query: Query, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """管证照分离的那个组 / 科技局局长带的那个组: the group a duty or a holder points at."""
    holders = [e for e in entities if e.kind is not EntityKind.GROUP]
    if holders:
        roles = [r for h in holders for r in tools.kb.roles_of(h.id)]
        led = [r for r in roles if r.kind in (RoleKind.LEADER, RoleKind.LEADER_UNIT)] or roles
        kinds = kinds_named(query)
        groups = [
            Entity(EntityKind.GROUP, r.group)
            for r in led
            if (r.group != "coordination" or r.kind is RoleKind.LEADER)
            and (not kinds or tools.kb.groups[r.group].kind in kinds)
        ]
        return tuple(dict.fromkeys(groups))
    if not query.content:  # 协调小组下设的专题组: nothing describes a particular group
        return ()
    named = [query.text[m.start : m.end] for m in query.mentions]
    hits = [h for h in tools.index.search([*query.content, *named], limit=10) if h.clause.subject in tools.kb.groups]
    if not hits or hits[0].score < tools.config.topic_min_score:
        return ()
    return (Entity(EntityKind.GROUP, hits[0].clause.subject),)
