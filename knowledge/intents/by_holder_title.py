"""Groups picked by the titles of who holds a place in them: 哪几个组的组长是局长 / 副组长是副市长的是哪些组
— the groups whose head (or deputies) has a title with that post word (局长 is no 副局长). A post word no
holder has is answered with none of them, the holders' titles beside it."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Group, Tier
from knowledge.lexicon import Cue
from knowledge.loader import holding_fact_id
from knowledge.tools import Tools
from knowledge.turn import Turn

# 哪几个组的组长… / …的组有哪些 / 组长里有几个是局长 / 组长里面那几个局长都是谁 (among the heads)
_WHICH_GROUPS = re.compile(
    r"哪(?:几|些)?个?(?:专题|保障)?小?组|的(?:小?组|是)(?:有)?哪(?:几|些)|组长(?:里面?|中间?|当中|之中)"
)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    if turn.entities or not _WHICH_GROUPS.search(query.text):
        return None
    tier, role = (Tier.DEPUTY, "副组长") if "副组长" in query.text else (Tier.HEAD, "组长")
    heads = {g.leader.role for g in tools.kb.groups.values()}  # (哪些组长是局长: 哪些组 took the 组 of 组长)
    if tier is Tier.HEAD and not (query.has(Cue.LEADER) or any(h in query.text for h in heads)):
        return None
    posts = tools.lexicon.cues[Cue.OTHER_POST]
    words = sorted((w for w in query.cue_words if w in posts), key=len, reverse=True)
    if not words:
        return None
    word = words[0]
    found: list[tuple[Group, list[str], str]] = []
    for group in tools.kb.groups.values():
        for holding in group.holdings(tier):
            people = [p for p in holding.persons if any(_holds(t.title, word) for t in tools.kb.people[p].titles)]
            if people:
                found.append((group, people, holding_fact_id(group.id, holding)))
    if not found:
        return tools.answer(turn.question, [Part(tools.say("no_group_by_title", role=role, word=word))], (), 0.6)
    listed = "、".join(
        tools.say("group_by_holder", group=g.name, people="；".join(_titled(tools, p, word) for p in people))
        for g, people, _ in found
    )
    text = tools.say("groups_by_title", role=role, word=word, count=len(found), groups=listed)
    return tools.answer(turn.question, [Part(text, tuple(dict.fromkeys(f for _, _, f in found)))], (), 0.8)


def _holds(title: str, word: str) -> bool:
    """Whether a title is the post word: 市科技局局长 is a 局长, 副局长 is not (unless the word is 副…)."""
    return any(
        word.startswith("副") or start == 0 or title[start - 1] != "副"
        for start in (m.start() for m in re.finditer(re.escape(word), title))
    )


def _titled(tools: Tools, person_id: str, word: str) -> str:
    person = tools.kb.people[person_id]
    titles = [t.title for t in person.titles if _holds(t.title, word)]
    return tools.say("holder_titled", name=person.name, titles="、".join(titles))
