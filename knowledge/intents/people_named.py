"""Everyone the notice names (通知里点名的领导一共多少人 / 文里提到的人有哪些): the people, each once, counted;
asked for what each of them holds (列出每个人担任的职务 / 所有人的职务), each with their titles and places."""

from __future__ import annotations

import re

from knowledge import describe
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
_EVERYONE = re.compile(r"每(?:一)?个人|每(?:一)?位|所有(?:的)?人|全部(?:的)?人|各位领导|每个领导")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    groups = [e for e in turn.entities if not tools.kb.is_top(e.id)]
    people = [p for p in tools.kb.people.values() if not p.post]
    if not groups and query.has(Cue.ROLES) and _EVERYONE.search(query.text):
        return tools.answer(turn.question, [describe.person_roles(tools.kb, p.id) for p in people], (), 0.8)
    asks = query.has(Cue.COUNT, Cue.LIST, Cue.NAME) or query.asks_person
    if groups or not asks or not _NAMED_IN_NOTICE.search(query.text):
        return None
    names = "、".join(p.name for p in people)
    facts = tuple(f"person.{p.id}.title1" for p in people if p.titles)  # cited where each is named
    text = tools.say("people_named", count=len(people), names=names)
    return tools.answer(turn.question, [Part(text, facts)], (), 0.85)
