"""Which side of 放管服 a piece of work is on: 双随机一公开属于哪个方面 → 监管方面, with the clause."""

from __future__ import annotations

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.tools import Tools
from knowledge.turn import Turn


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    if not query.has(Cue.WHICH_ASPECT) or query.has(Cue.YES_NO):
        return None
    hits = [h for h in tools.topic_hits(query) if tools.kb.facts[h.clause.fact].aspect is not None]
    if not hits:
        return None
    fact = tools.kb.facts[hits[0].clause.fact]
    assert fact.aspect is not None
    verdict = Part(tools.say("aspect_of", aspect=fact.aspect.value))
    return tools.answer(turn.question, [verdict, *tools.topic_parts(hits[:1])], (), hits[0].score)
