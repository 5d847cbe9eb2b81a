"""What the notice never gives: how to get things done, and attributes (电话, 年龄 …) of anyone."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Group
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.portfolio import writes_charges
from knowledge.resolve import RELATION_CUES
from knowledge.tools import Tools
from knowledge.turn import Turn

_RANKS = frozenset({"级别", "职级", "行政级别"})
_INVITED = "(?:请|邀请|叫|通知|安排|坐)"
_WHAT_IF = re.compile(r"如果|假如|假设|(?<![主需重只就])要是|万一|倘若|一旦")  # (not the 要是 of 主要是)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if query.has(Cue.PROCEDURE) and not query.has(Cue.REQUIREMENT, Cue.WHICH_GROUP):  # (乱收费这块谁管: a group)
        # 养老保险异地办理需要带什么材料: how to do things is not in a notice about who does what
        text = tools.say("procedure")
        return tools.decline(question, text, entities, prefix_only=True)
    if (
        _WHAT_IF.search(question)
        and [w for w in query.unknown if w not in tools.notice_text]
        and not (query.has(Cue.WHICH_GROUP) and tools.topic_hits(query))  # 山上要是滑坡了找哪个部门: whose work
    ):
        # 如果组长出差了谁来代理 / 督查组要是查出问题会怎么处罚: a case the notice does not provide for
        return tools.decline(question, tools.say("what_if"), entities, prefix_only=True)
    if query.attribute in _RANKS and query.has(Cue.LEADER, Cue.DEPUTY):
        # 专题组组长一般是什么级别的干部: the notice gives no ranks, only each holder's post, which is said
        return _posts_for_rank(turn, tools)
    about_notice = bool(query.document_fields) or query.about_document or query.has(Cue.FORMER)
    plain = not (query.has(Cue.WHICH_GROUP) or about_notice)  # (这次是新成立的，还是改了个名: the notice)
    people = any(e.kind is EntityKind.PERSON for e in entities)
    if query.attribute is not None and tools.rules_say(query.attribute) and not people:
        return None  # 补贴谁来结算, of a notice whose requirements set the meal subsidy: asked of its clauses
    if query.attribute is not None and query.attribute.startswith("分管") and writes_charges(tools.kb):
        return None  # 分管环保的副市长是哪位, of a notice that writes 分管生态环境工作的副市长: the post's holders
    office = tools.office_group() if query.has(Cue.OFFICE) and not tools.has_topic(query) else None
    if query.attribute is not None and not entities and office is not None:
        return _of_office(turn, tools, office)  # 办公室电话多少: the office is named by its word, not by a name
    if query.attribute is not None and not entities and (query.asks_person or plain):
        # 哪位副市长分管科技创新工作 / 政务服务大厅几点下班: what the notice never gives, of anyone
        return tools.decline(question, tools.say("attribute", attribute=query.attribute), prefix_only=True)
    if query.attribute is None or not entities:
        return None
    if (query.cues & RELATION_CUES or query.asks_person) and _in_passing(question, query.attribute):
        return None  # 法治组开会，应该请司法局的哪位领导: the meeting is why they ask, the person is what
    group = tools.kb.groups.get(entities[0].id) if entities[0].kind is EntityKind.GROUP else None
    if group is not None and group.office is not None and query.has(Cue.OFFICE):
        return _of_office(turn, tools, group)  # 协调小组办公室电话多少
    name = tools.name(entities[0])
    text = tools.say("attribute_of", name=name, attribute=query.attribute)
    return tools.decline(question, text, entities, prefix_only=True)


def _of_office(turn: Turn, tools: Tools, group: Group) -> Answer:
    """An attribute of an office the notice does not give (its phone, its address): 未载明, and where the office
    is, which the notice does say and is how to find it."""
    text = tools.say("attribute_of_office", name=f"{group.name}办公室", attribute=turn.query.attribute)
    if group.office is None or group.office.host is None:
        return tools.decline(turn.question, text, prefix_only=True)
    where = describe.office(tools.kb, group, director=False, deputy=False)
    return tools.answer(turn.question, [Part(text), where], (Entity(EntityKind.GROUP, group.id),), 0.7)


def _in_passing(question: str, attribute: str) -> bool:
    """Whether the attribute is only the occasion of the question: whom to invite or seat then
    (精简行政审批组开会，副组长单位要请哪几家 / 法治组开会应该请哪位领导)."""
    return re.search(f"{re.escape(attribute)}[^。？?]{{0,10}}?{_INVITED}", question) is not None


def _posts_for_rank(turn: Turn, tools: Tools) -> Answer:
    named = [tools.kb.groups[e.id] for e in turn.entities if e.id in tools.kb.groups]
    kinds = tools.kinds_named(turn.query)
    groups = named or [g for g in tools.kb.groups.values() if g.kind in kinds] or list(tools.kb.groups.values())
    asked = replace(turn.query, attribute=None)
    parts = [
        Part(tools.say("rank_unstated", attribute=turn.query.attribute)),
        *(tools.group_answer(asked, g) for g in groups),
    ]
    return tools.answer(turn.question, parts, tuple(Entity(EntityKind.GROUP, g.id) for g in groups), 0.7)
