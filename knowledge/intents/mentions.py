"""The clauses that use a word the question quotes: 专题组的职责里哪一条提到了企业 / 哪些职责写到了高校 — each
clause of the groups named (or of the kind named, or of every group) that has the word, with whose it is."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.retrieval import Hit
from knowledge.tools import Tools
from knowledge.turn import Turn

_MENTIONS = re.compile(
    r"(?:哪一?条|哪几条|哪些|哪个|哪一项)[^，。？?]{0,6}?(?:提到|提及|写到|说到|涉及|出现)了?[“\"]?([\u4e00-\u9fff]{2,8}?)[”\"]?(?:的|这个词|二字|两个字)?(?:[？?。！!]|$)"
)
_SHOWN = 6


def answer(turn: Turn, tools: Tools) -> Answer | None:
    found = _MENTIONS.search(turn.question)
    if found is None:
        return None
    word = found.group(1)
    kinds = tools.kinds_named(turn.query)
    named = {e.id for e in turn.entities if e.id in tools.kb.groups and not tools.kb.is_top(e.id)}
    groups = named or {g.id for g in tools.kb.groups.values() if not kinds or g.kind in kinds}
    hits = [Hit(c, 1.0) for c in tools.index.clauses if c.subject in groups and word in c.text]
    if not hits:
        return tools.answer(turn.question, [Part(tools.say("no_clause_mentions", word=word))], (), 0.6)
    head = Part(tools.say("clauses_mention", word=word, count=len(hits)))
    return tools.answer(turn.question, [head, *tools.topic_parts(hits[:_SHOWN])], (), 0.8)
