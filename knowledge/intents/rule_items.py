"""A numbered list of working rules, counted: 工作制度有几项 / 有哪些工作制度 → its items by their own headings;
and one item of it by its place (第五项具体啥内容), where the notice has one such list."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.item_fields import list_named, ordinal
from knowledge.lexicon import Cue
from knowledge.tools import ROLE_CUES, Tools
from knowledge.turn import Turn

_ITEMS = re.compile(r"几项|多少项|几条|多少条|哪几项|哪些")
_NTH = re.compile(r"第\s*(?:[1-9]\d?|[一二三四五六七八九十]{1,3})\s*(?:项|条)")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    place = ordinal(query.text) if _NTH.search(query.text) else None
    named = list_named(tools.kb, query.text, or_the_only=False)
    # (专班主要职责第三条 is of the group's duties; 第6项整改任务, with the group read in, of the list it names)
    only_top = not turn.entities or (named is not None and all(tools.kb.is_top(e.id) for e in turn.entities))
    if place is not None and only_top and not query.aspects:  # (A组放权方面第二项 is A组's)
        return _item(turn, tools, place)
    if not (query.has(Cue.COUNT, Cue.LIST) or _ITEMS.search(query.text)) or query.has(*ROLE_CUES):
        return None  # (各个副组长分别分管哪几项整改任务 asks of the deputies, which the list does not say)
    heading = named
    if heading is None:
        return None  # no list named, or several: the rule retrieval decides
    items = [r for r in tools.kb.requirements if r.heading == heading]
    sections = dict.fromkeys(r.section for r in items)
    names = [next((r.item for r in items if r.section == s and r.item), s) for s in sections]
    text = tools.say("rule_items", heading=heading, count=len(sections), items="；".join(names))
    return tools.answer(turn.question, [Part(text, tuple(f"req.{r.id}" for r in items))], turn.entities, 0.85)


def _item(turn: Turn, tools: Tools, place: int) -> Answer | None:
    """第五项 of the one numbered list the notice has (or the one the question names): that item, or
    what of it the crawl lost."""
    heading = list_named(tools.kb, turn.query.text)
    if heading is None:
        return None
    items = [r for r in tools.kb.requirements if r.heading == heading]
    sections = list(dict.fromkeys(r.section for r in items))
    index = place - 1
    if index >= len(sections):
        return None
    # the item's own text, and where the crawl cut it, what it lost (an unstated part of the same section)
    parts = [describe.requirement(tools.kb, r.id) for r in tools.kb.requirements if r.section == sections[index]]
    return tools.answer(turn.question, parts, turn.entities, 0.8)
