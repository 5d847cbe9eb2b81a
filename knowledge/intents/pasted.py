"""A line of the notice pasted into the question and asked about: “…”是对谁的要求 / …这句话啥意思 / 成员:各专题组和保障组
组长、副组长 这个是什么意思 — the fact it stands in, quoted whole, with its section and whose it is (a group's duty,
a requirement, a group's members …), not a search for its words.

A short phrase in quotation marks is the notice's wording as the asker remembers it: “双随机、一公开”是啥意思 /
“包容审慎监管”出自哪个组 are answered by the duties whose words it is; a phrase the notice does not have at all
(“放管结合”这句话在哪一部分) is said to be unstated, not answered by the nearest words."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Fact, FactKind
from knowledge.matcher import Entity, EntityKind
from knowledge.normalize import normalize
from knowledge.retrieval import CLAUSE_END, Clause, Hit
from knowledge.tools import Tools
from knowledge.turn import Turn

# what people ask of a line they paste: its meaning, whom it concerns, where it stands
_ASKS_OF_LINE = re.compile(
    r"这句|这段|这条|这一条|这个是|这是什么|什么意思|啥意思|是对谁|对谁说|指的是|指谁|出自|哪一条|哪条|哪一部分|哪部分"
    r"|在通知哪|怎么理解|如何理解|是说|要求谁|针对谁|谁的要求|对谁的"
)
# and what they ask of a phrase they quote: the above, or which group has it, or what it is
_ASKS_OF_PHRASE = re.compile(
    f"{_ASKS_OF_LINE.pattern}|哪个组|哪一组|哪些组|谁负责|谁管|归谁|谁牵头|是什么|是啥|在哪|提法|说法"
)
_QUOTED_PHRASE = re.compile(r"[“「『\"]([^”」』\"]{2,30})[”」』\"]")
_PHRASE_MIN = 3  # characters of a quoted phrase read as the notice's wording (“放管服” and names are read as names)
_PHRASE_LIKE = 75  # a phrase this like some words of the notice is its wording mistyped, not words it lacks
_SKELETON = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")
_SHOWN_HITS = 3
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
        return _quoted_phrase(turn, tools)
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


def _quoted_phrase(turn: Turn, tools: Tools) -> Answer | None:
    """A short phrase quoted and asked about: the duties it stands in, or unstated where the notice lacks it."""
    if not _ASKS_OF_PHRASE.search(turn.question):
        return None
    names = [tools.name(e) for e in turn.entities]
    for found in _QUOTED_PHRASE.finditer(turn.question):
        phrase = _SKELETON.sub("", normalize(found.group(1)))
        if len(phrase) < _PHRASE_MIN or any(phrase in n or n in phrase for n in names):
            continue
        notice = _skeleton(tools.notice_text)
        if phrase in notice:
            hits = _phrase_hits(tools, phrase)
            if hits:  # (“包容审慎监管”哪个组 → 组长: the groups whose words they are are what the chat is about)
                groups = (
                    Entity(EntityKind.GROUP, h.clause.subject) for h in hits if h.clause.subject in tools.kb.groups
                )
                subjects = tuple(dict.fromkeys(groups)) or turn.entities
                return tools.answer(turn.question, tools.topic_parts(hits), subjects, 0.85)
            continue
        if fuzz.partial_ratio(phrase, notice) < _PHRASE_LIKE:
            text = tools.say("phrase_unstated", phrase=found.group(1))
            return tools.decline(turn.question, text, turn.entities, prefix_only=True)
    return None


@lru_cache(maxsize=64)
def _skeleton(text: str) -> str:
    """A notice's text without punctuation or spaces, once per notice (the quoted phrase is looked for in it)."""
    return _SKELETON.sub("", text)


def _phrase_hits(tools: Tools, phrase: str) -> list[Hit]:
    """The duty and requirement clauses whose words the phrase is, each once, in the notice's order."""
    hits: dict[str, Hit] = {}
    for fact in tools.kb.facts.values():
        if fact.kind not in _DUTIES or not fact.quote:
            continue
        for clause in (c.strip() for c in CLAUSE_END.split(fact.quote) if c.strip()):
            if phrase in _SKELETON.sub("", normalize(clause)) and clause not in hits:
                hits[clause] = Hit(Clause(fact.id, fact.subject, clause, frozenset()), 1.0)
    return list(hits.values())[:_SHOWN_HITS]
