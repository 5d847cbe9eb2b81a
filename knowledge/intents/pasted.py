"""A line of the notice pasted into the question and asked about: “…”是对谁的要求 / …这句话啥意思 / 成员:各专题组和保障组
组长、副组长 这个是什么意思 — the fact it stands in, quoted whole, with its section and whose it is (a group's duty,
a requirement, a group's members …), not a search for its words."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Fact, FactKind
from knowledge.matcher import Entity, EntityKind
from knowledge.retrieval import CLAUSE_END, Clause, Hit
from knowledge.tools import Tools
from knowledge.turn import Turn

# what people ask of a line they paste: its meaning, whom it concerns, where it stands
_ASKS_OF_LINE = re.compile(
    r"这句|这段|这条|这一条|这个是|这是什么|什么意思|啥意思|是对谁|对谁说|指的是|指谁|出自|哪一条|哪条|哪一部分|哪部分"
    r"|在通知哪|怎么理解|如何理解|是说|要求谁|针对谁|谁的要求|对谁的"
)
_SKELETON = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")
_PASTED = 10  # characters alike in a row: no question's own wording runs so long in the notice by chance
_DUTIES = (FactKind.DUTY, FactKind.ASPECT_DUTY, FactKind.COMMON_DUTY, FactKind.REQUIREMENT)
_WHAT = {
    FactKind.LEADER: "组长",
    FactKind.DEPUTIES: "副组长",
    FactKind.MEMBERS: "成员",
    FactKind.OFFICE: "办公室",
    FactKind.ROLE: "人员",
}


def answer(turn: Turn, tools: Tools) -> Answer | None:
    found = pasted_clause(tools, turn.question)
    if found is None:
        return None
    fact, clause = found
    if fact.kind in _DUTIES:
        part = tools.topic_parts([Hit(Clause(fact.id, fact.subject, clause, frozenset()), 1.0)])[0]
    elif fact.kind in _WHAT and fact.subject in tools.kb.groups:
        group = tools.kb.groups[fact.subject].name
        text = tools.say("pasted_of_group", section=fact.section, group=group, what=_WHAT[fact.kind], clause=clause)
        part = Part(text, (fact.id,))
    else:
        part = Part(tools.say("pasted_line", section=fact.section, clause=clause), (fact.id,))
    # (“…”这啥意思 → 组长: the group whose clause it is is what the chat is about now)
    subjects = (Entity(EntityKind.GROUP, fact.subject),) if fact.subject in tools.kb.groups else turn.entities
    return tools.answer(turn.question, [part], subjects, 0.85)


def pasted_clause(tools: Tools, question: str) -> tuple[Fact, str] | None:
    """The fact and clause a question pastes and asks about (its meaning, whom, where), if it does: the
    message is then one question, however its pasted line is punctuated."""
    if not _ASKS_OF_LINE.search(question):
        return None
    asked = _SKELETON.sub("", question)
    return _pasted_clause(tools, asked) if len(asked) >= _PASTED else None


def _pasted_clause(tools: Tools, asked: str) -> tuple[Fact, str] | None:
    """The clause of a fact's quote that the question repeats longest (at least ``_PASTED`` characters)."""
    best: tuple[int, Fact, str] | None = None
    for fact in tools.kb.facts.values():
        if not fact.quote or fact.kind is FactKind.DOCUMENT:
            continue
        for clause in (c.strip() for c in CLAUSE_END.split(fact.quote) if c.strip()):
            bare = _SKELETON.sub("", clause)
            if len(bare) < _PASTED:
                continue
            size = SequenceMatcher(None, asked, bare, autojunk=False).find_longest_match().size
            if size >= _PASTED and (best is None or size > best[0]):
                best = (size, fact, clause)
    return (best[1], best[2]) if best else None
