"""A choice among candidates the question lists: 单选题：以下哪个不是精简行政审批组的副组长单位？A.… B.… /
吴存荣、欧顺清、罗蔺，谁不是协调小组副组长 / 精简行政审批组和法治组，哪个组的组长不是罗蔺. Each candidate is
judged against the place asked; those that hold it (asked with 不是: those that do not) are named, with their
option letters, then the facts that show it."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Group, RoleKind
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind, mask
from knowledge.tools import Tools, post_fits
from knowledge.turn import Turn

_CHOOSING = re.compile(r"哪|谁|选项|以下|下列|单选|多选|选出|选择")
_NEGATED = re.compile(r"不是|不属于|不在|不担任|没有担任")
_LETTER = re.compile(r"([A-Fa-f])\s*[\.．、:：)）]?\s*$")
_HOLDERS = (EntityKind.PERSON, EntityKind.UNIT)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    titled = _by_title(turn, tools)
    if titled is not None:
        return titled
    among = _among_groups(turn, tools)
    if among is not None:
        return among
    if not _CHOOSING.search(query.text) or not query.has(Cue.LEADER, Cue.DEPUTY) or query.has(Cue.YES_NO):
        return None
    named = list(dict.fromkeys(m.entity for m in query.mentions))
    groups = [e for e in named if e.kind is EntityKind.GROUP]
    holders = [e for e in named if e.kind in _HOLDERS]
    deputy = query.has(Cue.DEPUTY)
    negated = _NEGATED.search(query.text) is not None
    chosen: list[Entity] = []
    if len(groups) == 1 and len(holders) > 1 and len({h.kind for h in holders}) == 1:
        group = tools.kb.groups[groups[0].id]
        chosen = [h for h in holders if _holds(tools, h, group, deputy) != negated]
        place = f"{group.name}{_place_word(holders[0], deputy)}"
        names = [_option(tools, turn, h) for h in chosen]
        facet = describe.deputies(tools.kb, group) if deputy else describe.leader(tools.kb, group)
    elif len(groups) > 1 and len(holders) == 1:
        holder = holders[0]
        picked = [g for g in groups if _holds(tools, holder, tools.kb.groups[g.id], deputy) != negated]
        place = tools.say("place_held_by", holder=tools.name(holder), role=_place_word(holder, deputy))
        names = [_option(tools, turn, g) for g in picked]
        shown = [tools.kb.groups[g.id] for g in groups]  # each candidate's place, as the notice fills it
        facet = describe.join(
            [describe.deputies(tools.kb, g) if deputy else describe.leader(tools.kb, g) for g in shown]
        )
    else:
        return None
    if names:
        text = tools.say("choice_not" if negated else "choice_is", chosen="、".join(names), place=place)
    else:
        text = tools.say("choice_none_not" if negated else "choice_none", place=place)
    # (下列哪个不是…副组长单位 → C 市公安局 → 它是哪个组的: the one chosen)
    return tools.answer(turn.question, [Part(text), facet], tuple(chosen) if len(chosen) == 1 else tuple(named), 0.85)


def _among_groups(turn: Turn, tools: Tools) -> Answer | None:
    """下列哪个不是专题组？A.… B.… / 负责“证照分离”改革的是哪个 A.… B.…: groups given as lettered options, judged by
    their kind or by whose work the topic is; the options that fit (with 不是: those that do not) are named."""
    query = turn.query
    if not _CHOOSING.search(query.text) or query.has(Cue.LEADER, Cue.DEPUTY, Cue.YES_NO):
        return None
    groups = list(dict.fromkeys(m.entity for m in query.mentions if m.entity.kind is EntityKind.GROUP))
    if len(groups) < 2 or len(groups) != len({m.entity for m in query.mentions}) or not _lettered(turn, groups):
        return None
    negated = _NEGATED.search(query.text) is not None
    text = mask(query.text, query.mentions)
    kinds = [kind for kind in tools.kb.kinds() if kind in text]
    if kinds:
        fits = {g for g in groups if tools.kb.groups[g.id].kind in kinds}
        place, shown = "、".join(kinds), [describe.group_kind(tools.kb, tools.kb.groups[g.id]) for g in groups]
    else:
        hits = tools.topic_hits(query)
        fits = {g for g in groups if g.id in {h.clause.subject for h in hits}}
        if not fits:
            return None
        place, shown = tools.say("topic_owner"), tools.topic_parts(hits)
    chosen = [g for g in groups if (g in fits) != negated]
    names = [_option(tools, turn, g) for g in chosen]
    if names:
        lead = tools.say("choice_not" if negated else "choice_is", chosen="、".join(names), place=place)
    else:
        lead = tools.say("choice_none_not" if negated else "choice_none", place=place)
    # (the one chosen is what 这个组 asks of next)
    return tools.answer(turn.question, [Part(lead), *shown], tuple(chosen or groups), 0.85)


def _lettered(turn: Turn, entities: list[Entity]) -> bool:
    """Whether each candidate is given with an option letter before it."""
    return all(_letter(turn, e) is not None for e in entities)


def _by_title(turn: Turn, tools: Tools) -> Answer | None:
    """许洪斌和唐英瑜哪个是市场监管局局长: the people named, judged by the title asked (the answer is about the
    one it fits, so 另一个是哪个局的 asks of the other)."""
    query = turn.query
    titles = [m for m in query.mentions if m.via_title]
    people = list(dict.fromkeys(m.entity for m in query.mentions if not m.via_title))
    if not _CHOOSING.search(query.text) or len(titles) != 1 or len(people) < 2 or query.has(Cue.YES_NO):
        return None
    if any(p.kind is not EntityKind.PERSON for p in people):
        return None
    # (the title names its holder: the one chosen is the one it was read as, if named among them)
    said = query.text[titles[0].start : titles[0].end].removeprefix("是")
    chosen = [p for p in people if p == titles[0].entity]
    held = [t.title for p in chosen for t in tools.kb.people[p.id].titles if post_fits(said, t.title)]
    title = held[0] if held else said
    if not chosen:
        text = tools.say("choice_none", place=title)
        return tools.answer(turn.question, [Part(text), *map(tools.entity_part, people)], tuple(people), 0.85)
    text = tools.say("choice_is", chosen="、".join(_option(tools, turn, p) for p in chosen), place=title)
    return tools.answer(turn.question, [Part(text), *map(tools.entity_part, chosen)], tuple(chosen), 0.85)


def _holds(tools: Tools, holder: Entity, group: Group, deputy: bool) -> bool:
    wanted = {RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT} if deputy else {RoleKind.LEADER, RoleKind.LEADER_UNIT}
    return any(r.group == group.id and r.kind in wanted for r in tools.kb.roles_of(holder.id))


def _place_word(holder: Entity, deputy: bool) -> str:
    word = "副组长" if deputy else "组长"
    return f"{word}单位" if holder.kind is EntityKind.UNIT and deputy else word


def _option(tools: Tools, turn: Turn, entity: Entity) -> str:
    """The candidate's name, with the option letter written before it (C.市公安局 → C 市公安局)."""
    letter = _letter(turn, entity)
    name = tools.name(entity)
    return f"{letter} {name}" if letter else name


def _letter(turn: Turn, entity: Entity) -> str | None:
    """The option letter written before a mention of the candidate (a title naming it earlier has none)."""
    for mention in turn.query.mentions:
        letter = _LETTER.search(turn.query.text[: mention.start]) if mention.entity == entity else None
        if letter is not None:
            return letter.group(1).upper()
    return None
