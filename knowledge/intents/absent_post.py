"""A place the notice's groups do not have (秘书长是谁 / 各成员单位的联络员是谁 / 专题组的联络员呢): 未载明 that the
group has it — never the head, the deputies or the members in its stead. A word that is also part of a
person's title (秘书长 of 市政府秘书长), asked of no group, is left to the questions about titles."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.tools import ROLE_CUES, Tools
from knowledge.turn import Turn
from knowledge.understand import Query

_POST_ASKED = re.compile(
    r"$|是?谁|是哪|哪位|叫什么|是什么人|由谁|呢|吗|么"
)  # 秘书长是谁 / 有秘书长吗, not 哪位副秘书长牵头


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    # the post word, or a title it is the whole of (秘书长 naming 市政府秘书长 欧顺清: not a subject here)
    words = (*query.cue_words, *(m.via_title for m in query.mentions if m.via_title))
    post = next((w for w in words if w in tools.lexicon.cues[Cue.OTHER_POST]), None)
    if post is None or post not in query.text or _POST_ASKED.match(query.text.split(post, 1)[1]) is None:
        return None  # (a post heard in a slip, 联洛员, is not enough to say the notice lacks it)
    by_post = {m.entity for m in query.mentions if m.via_title == post}
    entities = tuple(e for e in turn.entities if e not in by_post)
    if any(e.kind is not EntityKind.GROUP for e in entities):
        return None  # 罗蔺是联络员吗 / 省公安厅联络员是谁: a person's or a unit's place
    if not _post_of_role(tools, query, post):
        return None  # 组长是哪个局的局长: the leader's title asked
    groups = [tools.kb.groups[e.id] for e in entities] or list(tools.kb.groups.values())
    places = set(tools.places_of(post))
    if any(h.role in places for g in groups for h in g.roles) or places & tools.office_place_words:
        return None
    kind = next((k for k in tools.kb.kinds() if k in query.text), None)  # 专题组的联络员: of the kind asked
    if not (entities or kind) and any(post in t.title for p in tools.kb.people.values() for t in p.titles):
        return None  # 秘书长是谁, where a member is 市政府秘书长: the people of that title (协调小组秘书长: the place)
    named = [e for e in entities if not tools.kb.is_top(e.id)]
    group = tools.name(named[0]) if named else f"各{kind}" if kind else tools.top_name
    return tools.decline(turn.question, tools.say("no_such_post", group=group, post=post), entities, prefix_only=True)


def _post_of_role(tools: Tools, query: Query, post: str) -> bool:
    """Whether every role word asked only says whose ``post`` is asked (成员单位的联络员是谁), none is asked
    itself (组长是哪个局的局长: the leader's title)."""
    text, at = query.text, query.text.find(post)
    roles = {w for cue in ROLE_CUES for w in tools.lexicon.cues[cue]}
    spans = [(text.find(w), len(w)) for w in query.cue_words if w != post and w in roles]
    return all(0 <= start < at and text[start + size : start + size + 1] == "的" for start, size in spans)
