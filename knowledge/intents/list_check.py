"""A list checked against the notice: 副组长单位写的是市科技局、市教委，少没少 / 我写了A、B、C，是不是少了 /
成员就这几个吗. The holders the asker wrote that do not hold the place are named, then the ones the list
lacks, then the notice's own list, so a draft table can be corrected line by line."""

from __future__ import annotations

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Group, Tier
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.tools import LIST_CHECKED, Tools
from knowledge.turn import Turn

_HOLDERS = (EntityKind.PERSON, EntityKind.UNIT)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    if not LIST_CHECKED.search(query.text) or not query.has(Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS):
        return None
    groups = [e for e in turn.entities if e.kind is EntityKind.GROUP]
    written = list(dict.fromkeys(m.entity for m in query.mentions if m.entity.kind in _HOLDERS))
    if len(groups) != 1 or not written:
        return None
    group = tools.kb.groups[groups[0].id]
    tier = Tier.DEPUTY if query.has(Cue.DEPUTY) else Tier.MEMBER if query.has(Cue.MEMBERS) else Tier.HEAD
    held = [h for h in group.holdings(tier) if not h.unstated]
    if not held:
        return None
    holders = [Entity(EntityKind.PERSON, p) for h in held for p in h.persons]
    holders += [Entity(EntityKind.UNIT, u) for h in held for u in h.units]
    units = any(e.kind is EntityKind.UNIT for e in written)
    place = f"{group.name}{held[0].role}{'单位' if units and tier is not Tier.MEMBER else ''}"
    wrong = [e for e in written if e not in holders]
    missing = [e for e in holders if e not in written and (e.kind is EntityKind.UNIT) == units]
    said = [tools.verdict(not wrong and not missing).text]  # 齐全吗 / 少没少: yes or no first
    if wrong:
        said.append(tools.say("list_check_wrong", names="、".join(map(tools.name, wrong)), place=place))
    if missing:
        names = "、".join(map(tools.name, missing))
        said.append(tools.say("list_check_missing", names=names, count=len(missing)))
    elif not wrong:
        said.append(tools.say("list_check_complete", place=place))
    return tools.answer(turn.question, [Part("".join(said)), _listed(tools, group, tier)], (groups[0],), 0.85)


def _listed(tools: Tools, group: Group, tier: Tier) -> Part:
    if tier is Tier.DEPUTY:
        return describe.deputies(tools.kb, group)
    if tier is Tier.MEMBER:
        return describe.members(tools.kb, group)
    return describe.leader(tools.kb, group)
