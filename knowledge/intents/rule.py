"""A working rule or requirement the question's own words point at (成员工作变动了怎么调整 / 推进会多久开一次):
the clause that covers nearly all of the question's content, quoted, rather than a decline for 会议 / 多久."""

from __future__ import annotations

from knowledge import describe
from knowledge.answer import Answer
from knowledge.matcher import EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn

_COVERED = 0.8  # the share of the question's content weight the clause must cover


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if any(e.kind is not EntityKind.UNIT and not tools.kb.is_top(e.id) for e in entities):
        return None  # a person's or a group's own facts come first
    words = [*query.content, *(w for w in query.cue_words if len(w) > 1)]
    if len(words) < 2:
        return None
    hits = [h for h in tools.index.search(words, limit=20) if h.clause.subject == "requirements"]
    if not hits or hits[0].score < _COVERED:
        return None
    chosen = [h.clause.fact.removeprefix("req.") for h in hits if h.score >= hits[0].score - 1e-9][:2]
    parts = [describe.requirement(tools.kb, r) for r in tools.with_lost_rest(chosen)]
    return tools.answer(question, parts, (), 0.75)
