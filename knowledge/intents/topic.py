"""Which group handles a topic: ranked retrieval over the duty and requirement clauses."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.retrieval import Hit
from knowledge.tools import Tools
from knowledge.turn import Turn

_NAME_WORD = 2  # characters of a word of a group's name that names the work it is set up for
_CONJUNCTION = re.compile(r"以及|还有|和|与|及|跟| ")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    """Which group handles a topic. Pieces of the question (split at 和 / 与 / commas) are also
    searched alone: two topics get an answer each, and a polite preamble does not drown the topic."""
    question, query, entities = turn.question, turn.query, turn.entities
    if entities:
        return None
    pieces = [p for p in _CONJUNCTION.split(query.text) if p.strip()]
    per_piece = [_piece_hits(tools, p) for p in pieces] if len(pieces) > 1 else []
    whole = tools.topic_hits(query)
    if per_piece and all(per_piece):
        hits = [h for piece in per_piece for h in piece[:1]]
    elif whole:
        hits = whole
    else:
        hits = [h for piece in per_piece for h in piece[:1]]
    if query.has(Cue.LEADER):  # 搞商事制度改革的那个组，一把手是谁: the group's leader, not a requirement
        hits = [h for h in hits if h.clause.subject in tools.kb.groups] or hits
    if not hits:
        return _named_by_its_words(turn, tools)
    subjects = tuple(Entity(EntityKind.GROUP, h.clause.subject) for h in hits if h.clause.subject in tools.kb.groups)
    parts = tools.topic_parts(hits)
    if query.has(Cue.SAME) and per_piece and all(per_piece) and len(subjects) == len(per_piece):
        # 简易注销和生产许可证改革是同一个组的吗: one group for both pieces of work, or not
        parts.insert(0, tools.verdict(len(set(subjects)) == 1))
    lost = tools.with_lost_rest(
        [h.clause.fact.removeprefix("req.") for h in hits if h.clause.subject == "requirements"]
    )
    parts += [describe.requirement(tools.kb, r) for r in lost if tools.kb.facts[f"req.{r}"].quote is None]
    # 审批精简这块工作是谁牵头的: 谁 asks for the person leading the group, not only the group; 双随机一公开归哪个组 /
    # 减证便民 (a search box's words alone): the group under the top one, and who leads it, whom to turn to
    # (only a leader the notice names: what was not asked is not answered 未载明)
    owners = list(dict.fromkeys(subjects))
    if not (query.has(Cue.LEADER) or query.asks_person):
        asked = query.has(Cue.WHICH_GROUP) or not query.cues
        owners = [
            e for e in owners if asked and not tools.kb.is_top(e.id) and not tools.kb.groups[e.id].leader.unstated
        ]
    parts += [describe.leader(tools.kb, tools.kb.groups[e.id]) for e in owners]
    return tools.answer(question, parts, subjects, min(h.score for h in hits))


def _piece_hits(tools: Tools, piece: str) -> list[Hit]:
    """Topic hits for one piece of a question, if it has a topic of its own: an aspect word alone
    (哪个组监督) is not one."""
    query = tools.reader.read(piece)
    return tools.topic_hits(query) if any(c not in tools.lexicon.aspect_words for c in query.content) else []


def _named_by_its_words(turn: Turn, tools: Tools) -> Answer | None:
    """防汛的事归哪个管 / 上访的事归谁管, where no clause says the work: the one group whose name has the word
    (松溪镇防汛抗旱指挥部, 信访工作联席会议 by 信访), told with its card."""
    if not turn.query.has(Cue.WHICH_GROUP):
        return None
    found = set()
    for word in (w for w in turn.query.content if len(w) >= _NAME_WORD):
        said = tools.lexicon.equivalent.get(word, frozenset()) | {word}
        owners = {g.id for g in tools.kb.groups.values() if any(s in (g.full_name or g.name) for s in said)}
        found |= owners if len(owners) == 1 else set()
    if len(found) != 1:
        return None
    group = tools.kb.groups[found.pop()]
    return tools.answer(
        turn.question, [describe.group_card(tools.kb, group)], (Entity(EntityKind.GROUP, group.id),), 0.6
    )
