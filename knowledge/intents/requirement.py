"""The notice's requirements (四、有关要求), by item or by the words of the question."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.normalize import normalize
from knowledge.tools import Tools
from knowledge.turn import Turn

_ITEM = re.compile(r"第 ?([一二三四]) ?(?:条|项|点)")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if not query.has(Cue.REQUIREMENT):
        return None
    if any(e.kind is not EntityKind.UNIT and not tools.kb.is_top(e.id) for e in entities):
        return None
    item = _ITEM.search(query.text)
    # 四（二）后面还提了哪些要求: a section named as the notice numbers it
    named = [r.section for r in tools.kb.requirements if normalize(r.section) in query.text]
    if item is not None or named:  # 第（二）条: the requirements of 四（二）, what the crawl lost included
        section = named[0] if named else f"四（{item.group(1)}）"  # type: ignore[union-attr]
        chosen = [r.id for r in tools.kb.requirements if r.section == section]
    else:
        # (the words that ask for requirements — 要求, 工作要求 — say what is asked, not which one)
        asking = tools.lexicon.cues[Cue.REQUIREMENT]
        words = list(query.content) + [w for w in query.cue_words if w not in asking and w not in ("要求", "有关要求")]
        hits = [h for h in tools.index.search(words, limit=20) if h.clause.subject == "requirements"]
        if hits:  # the question already says it asks for a requirement: any overlap ranks
            chosen = [h.clause.fact.removeprefix("req.") for h in hits if h.score >= hits[0].score - 1e-9]
        elif not query.unknown:
            chosen = [r.id for r in tools.kb.requirements]
        else:
            return None
    if not chosen:
        return None
    parts = [describe.requirement(tools.kb, r) for r in tools.with_lost_rest(chosen)]
    return tools.answer(question, parts, (), 0.8)
