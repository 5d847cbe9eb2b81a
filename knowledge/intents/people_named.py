"""Everyone the notice names (通知里点名的领导一共多少人 / 文里提到的人有哪些): the people, each once, counted."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.tools import Tools
from knowledge.turn import Turn

# the people of the notice as a whole: named, mentioned or listed in it
_NAMED_IN_NOTICE = re.compile(
    r"(?:点名|点了|提到|提及|涉及|出现|列出|写到|写了)了?(?:几|多少)?(?:个|位|名)?的?(?:领导|人|人员|同志|名字)"
    r"|(?:全部|所有)的?(?:人|人员|领导)|人名"
)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    asks = query.has(Cue.COUNT, Cue.LIST, Cue.NAME) or query.asks_person
    groups = [e for e in turn.entities if not tools.kb.is_top(e.id)]
    if groups or not asks or not _NAMED_IN_NOTICE.search(query.text):
        return None
    people = [p for p in tools.kb.people.values() if not p.post]
    names = "、".join(p.name for p in people)
    facts = tuple(f"person.{p.id}.title1" for p in people if p.titles)  # cited where each is named
    text = tools.say("people_named", count=len(people), names=names)
    return tools.answer(turn.question, [Part(text, facts)], (), 0.85)
