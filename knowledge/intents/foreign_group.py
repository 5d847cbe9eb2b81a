"""A group's name the notice does not have (区城市体检工作领导小组 in a notice of 区城市更新工作领导小组): said
so, with the group the notice is about, rather than answered for the group whose short name it ends in."""

from __future__ import annotations

from knowledge.answer import Answer
from knowledge.tools import Tools
from knowledge.turn import Turn


def answer(turn: Turn, tools: Tools) -> Answer | None:
    name = turn.query.foreign_group
    if name is None:
        return None
    full = tools.kb.groups[tools.kb.top].full_name if tools.kb.top else None
    text = tools.say("foreign_group", group=name, own=full or tools.top_name)
    return tools.decline(turn.question, text, prefix_only=True)
