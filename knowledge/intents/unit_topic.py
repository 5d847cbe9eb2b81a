"""Which member unit handles a piece of work, in a notice that lists each unit's duties (附件：成员单位职责分工 /
成员单位职责 1.县应急管理局：负责…): 拖欠账款归联席会议哪个单位管 / 减少跑腿是哪个部门负责的 is answered by the unit
whose item the words point at, not by the group the question names as where it looks."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn

# 哪个单位 / 哪个成员单位 / 哪家部门 / 找哪个厅 / 归哪个局管: a unit asked for, not a group
# (归谁管 / 谁来救 / 是谁组织的: who does that work, asked by 谁, is one of the units whose items say it)
_WHICH_UNIT = re.compile(
    r"(?:哪|那)(?:个|家|一个|些)(?:成员)?(?:单位|部门|厅|局|委|机关)|找(?:谁|哪)|归谁|由谁|谁(?=[来管负组发修救抓办做处])|是谁(?=\S{1,4}的)"
)
_ASKING = re.compile(r"单位|部门|负责|管|谁|哪")  # cue words that ask, not describe the work
_LEAST = 0.3  # share of the question's words a unit's item must cover
_MARGIN = 0.1  # over the next unit's best item
_PLACES = (Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY)
_SEVERAL = re.compile(r"哪些|哪几个|哪几家|都有谁|有谁")  # the units asked for, however many
_SHARE_OF_BEST = 0.5  # of the best item's score, another unit's must have to be listed too


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    if not tools.lists_unit_duties or not _WHICH_UNIT.search(query.text):
        return None
    places = {w for c in _PLACES for w in tools.lexicon.cues[c]} - {"参与", "参加"}
    if any(w in places and not _WHICH_UNIT.search(w) for w in query.cue_words):
        return None  # 办公室主任是谁: a place asked, not a piece of work (but 哪些单位参与 asks units)
    if any(e.kind is not EntityKind.GROUP or not tools.kb.is_top(e.id) for e in turn.entities):
        return None  # a unit or person named is asked about itself (省财政厅负责什么: named)
    items = [r.quote or "" for r in tools.kb.requirements if r.id in tools.kb.unit_items]
    # (乱收费 of 违规收费: a word read as a cue elsewhere is the work here, where a unit's item has it)
    words = [w for w in query.cue_words if not _ASKING.search(w) and any(w in item for item in items)]
    best: dict[str, list] = {}
    for hit in tools.index.search([*query.content, *words], limit=30):
        unit = (
            tools.kb.unit_items.get(hit.clause.fact.removeprefix("req."))
            if hit.clause.subject == "requirements"
            else None
        )
        if unit is not None:
            best.setdefault(unit, []).append(hit)
    ranked = sorted(best.items(), key=lambda pair: -pair[1][0].score)
    if not ranked or ranked[0][1][0].score < _LEAST:
        return None
    tied = len(ranked) > 1 and ranked[1][1][0].score > ranked[0][1][0].score - _MARGIN
    if _SEVERAL.search(query.text):  # 有哪些单位参与: every unit whose item says a good part of it
        floor = max(_LEAST, ranked[0][1][0].score * _SHARE_OF_BEST)
        ranked = [pair for pair in ranked if pair[1][0].score >= floor]
    else:
        ranked = ranked[: 2 if tied else 1]  # two units' items as good: both, each with its clause
    parts = tools.topic_parts([hits[0] for _, hits in ranked])
    subjects = tuple(Entity(EntityKind.UNIT, unit) for unit, _ in ranked)
    return tools.answer(turn.question, parts, subjects, min(hits[0].score for _, hits in ranked))
