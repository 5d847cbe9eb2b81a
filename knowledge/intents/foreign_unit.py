"""A unit-like name the notice does not have (市卫生健康委): said so, not guessed at."""

from __future__ import annotations

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.tools import Tools, asks_people_of
from knowledge.turn import Turn


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if query.foreign_unit is None:
        return None
    if query.foreign_unit in tools.notice_text and query.attribute is None:
        return None  # 省未成年人保护委员会还在不: the notice names it (撤销…), so it is not one it lacks
    if _own_without_level(tools, query.foreign_unit):
        return None  # 南江生态环境厅 of 南江省生态环境厅's notice: its own issuer, its place said without 省
    if query.has(Cue.YES_NO) and any(e.kind is EntityKind.GROUP for e in entities):
        return None  # 市卫生健康委是审批组的副组长单位吗: 不是, with the true list
    if asks_people_of(query.text, query.foreign_unit) and (entities or tools.kb.top):
        return None  # 市教育局有人吗: 没有, with the members (by_title)
    text = tools.say("foreign_unit", unit=query.foreign_unit)
    if query.has(Cue.YES_NO):  # 市教育局有人吗 / 市体育局是成员单位吗: no, and the notice does not name it
        return tools.answer(question, [tools.verdict(False), Part(text)], (), 0.8)
    return tools.decline(question, text, prefix_only=True)


def _own_without_level(tools: Tools, name: str) -> bool:
    """Whether a name is one the notice has, with its place's level (省 / 市 / 县 / 区) left out."""
    return any(
        name.startswith(place) and f"{place}{level}{name[len(place) :]}" in tools.notice_text
        for place in tools.kb.places()
        for level in "省市县区"
    )
