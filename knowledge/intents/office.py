"""The office of the group over the others (the 协调小组's): where it is, its director and deputy director."""

from __future__ import annotations

from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if entities or not query.has(Cue.OFFICE, Cue.OFFICE_DEPUTY, Cue.OFFICE_DIRECTOR):
        return None
    offices = [g for g in tools.kb.groups.values() if g.office is not None]
    if tools.kb.top is None and len(offices) > 1:  # 办公室设在哪, of a notice adjusting several bodies: whose
        return tools.clarify(question, tuple(Entity(EntityKind.GROUP, g.id) for g in offices))
    group = tools.office_group()
    subjects = (Entity(EntityKind.GROUP, group.id),) if group is not None else ()
    return tools.answer(question, [tools.office_part(query)], subjects, 0.85)
