"""The 协调小组's office: where it is, its director and deputy director."""

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
    coordination = Entity(EntityKind.GROUP, "coordination")
    return tools.answer(question, [tools.office_part(query)], (coordination,), 0.85)
