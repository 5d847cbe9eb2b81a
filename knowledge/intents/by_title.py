"""People found by a word of their titles: 深圳派的谁 / 几个副省长 / 省法院的是谁 — the members of a roster
notice are named with their posts, and people ask by the place or the post, not by the name. A unit the
question names (环保部谁参加了, 北师大有人吗, 民政厅来了几个人) is such a word: its people are those whose
titles name it (``by_unit``)."""

from __future__ import annotations

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn

_SHORTEST = 2


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if any(e.kind is not EntityKind.GROUP or not tools.kb.is_top(e.id) for e in entities):
        return None  # a person, a unit or a group named: named answers
    asks = query.asks_person or query.has(Cue.COUNT, Cue.MEMBERS, Cue.ROLES, Cue.YES_NO)
    if not asks or query.has(Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY):
        return None
    if any(p in query.text for p in tools.place_words | tools.office_place_words if len(p) > 2):
        return None  # 常务副主任谁: a place the notice names, not a word of a title
    # not a word of the duties or rules (监管, 科技): those ask which group does the work
    words = [
        w
        for w in (*query.content, *query.unknown)
        if len(w) >= _SHORTEST and not tools.names_group(w) and w not in tools.index.idf
    ]
    for word in dict.fromkeys(words):
        people = [p for p in tools.kb.people.values() if any(word in t.title for t in p.titles)]
        if not people:
            continue
        foreign = [w for w in query.unknown if w != word and len(w) >= _SHORTEST and w not in tools.notice_text]
        if foreign and not (query.asks_person or query.has(Cue.COUNT, Cue.MEMBERS, Cue.ROLES)):
            return None  # 深圳今天台风停课没: about something else the notice never mentions
        parts = [Part(tools.say("people_by_title", word=word, count=len(people)))]
        parts += [describe.person_roles(tools.kb, p.id) for p in people]
        subjects = tuple(dict.fromkeys(m.entity for m in query.mentions))
        return tools.answer(question, parts, subjects, 0.7)
    return None
