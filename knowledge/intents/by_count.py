"""Holders counted by their roles: 谁担任了两个组的组长 / 哪些单位参加了三个组."""

from __future__ import annotations

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Person, RoleKind, Unit
from knowledge.lexicon import Cue
from knowledge.tools import Tools, number
from knowledge.turn import Turn


def answer(turn: Turn, tools: Tools) -> Answer | None:
    """谁担任了两个组的组长 / 哪些单位参加了三个组: holders counted by their roles."""
    question, query, entities = turn.question, turn.query, turn.entities
    count = number(query.text)
    asks = query.has(Cue.LEADER, Cue.DEPUTY, Cue.ROLES, Cue.LIST) or query.asks_person
    if entities or count is None or not asks:
        return None
    units = query.has(Cue.DEPUTY) or "单位" in query.text or "部门" in query.text
    kinds = {RoleKind.DEPUTY_UNIT} if units else {RoleKind.LEADER} if query.has(Cue.LEADER) else set(RoleKind)
    table: dict[str, Person] | dict[str, Unit] = tools.kb.units if units else tools.kb.people
    parts = []
    for holder, entry in table.items():
        roles = [r for r in tools.kb.roles_of(holder) if r.kind in kinds]
        if len({r.group for r in roles}) == count:
            held = "、".join(f"{tools.kb.groups[r.group].name}{r.kind.value}" for r in roles)
            parts.append(Part(f"{entry.name}：{held}。", tuple(dict.fromkeys(r.fact for r in roles))))
    return tools.answer(question, parts, (), 0.8) if parts else None
