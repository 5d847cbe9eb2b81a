"""A numbered list of working rules, counted: 工作制度有几项 / 有哪些工作制度 → its items by their own headings."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.tools import Tools
from knowledge.turn import Turn

_ITEMS = re.compile(r"几项|多少项|几条|多少条|哪几项|哪些")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    if not (query.has(Cue.COUNT, Cue.LIST) or _ITEMS.search(query.text)):
        return None
    headings = dict.fromkeys(r.heading for r in tools.kb.requirements if r.heading and r.heading in query.text)
    if len(headings) != 1:
        return None  # no list named, or several: the rule retrieval decides
    heading = next(iter(headings))
    items = [r for r in tools.kb.requirements if r.heading == heading]
    sections = dict.fromkeys(r.section for r in items)
    names = [next((r.item for r in items if r.section == s and r.item), s) for s in sections]
    text = tools.say("rule_items", heading=heading, count=len(sections), items="；".join(names))
    return tools.answer(turn.question, [Part(text, tuple(f"req.{r.id}" for r in items))], turn.entities, 0.85)
