"""A numbered list of working rules, counted: 工作制度有几项 / 有哪些工作制度 → its items by their own headings;
and one item of it by its place (第五项具体啥内容), where the notice has one such list."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.tools import Tools, numeral
from knowledge.turn import Turn

_ITEMS = re.compile(r"几项|多少项|几条|多少条|哪几项|哪些")
_NTH = re.compile(r"第([1-9]|[一二三四五六七八九])(?:项|条)")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    nth = _NTH.search(query.text)
    if nth is not None and not turn.entities and not query.aspects:  # (A组放权方面第二项 is A组's)
        return _item(turn, tools, nth.group(1))
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


def _item(turn: Turn, tools: Tools, place: str) -> Answer | None:
    """第五项 of the one numbered list the notice has (or the one the question names): that item, or
    what of it the crawl lost."""
    lists = dict.fromkeys(r.heading for r in tools.kb.requirements if r.heading)
    named = [h for h in lists if h in turn.query.text]
    heading = named[0] if len(named) == 1 else next(iter(lists)) if len(lists) == 1 else None
    if heading is None:
        return None
    items = [r for r in tools.kb.requirements if r.heading == heading]
    sections = list(dict.fromkeys(r.section for r in items))
    index = numeral(place) - 1
    if index >= len(sections):
        return None
    # the item's own text, and where the crawl cut it, what it lost (an unstated part of the same section)
    parts = [describe.requirement(tools.kb, r.id) for r in tools.kb.requirements if r.section == sections[index]]
    return tools.answer(turn.question, parts, turn.entities, 0.8)
