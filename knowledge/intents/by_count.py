"""Holders counted by their roles: 谁担任了两个组的组长 / 哪些单位在不止一个专题组里 / 只在一个专题组的
有多少家 / 哪个单位参加的专题组最多 / 只在激励创业创新组出现的副组长单位. Every list comes with its count."""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import RoleKind
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.tools import GROUP_COUNT, Tools, number, numeral
from knowledge.turn import Turn

_AT_LEAST = re.compile(r"(?:不止|多于|超过)(?:一|1)个|(\d+|[一二两三四五六七八九十])个(?:及|或)?以上|多个")
_ONLY = re.compile(r"(?:只|仅)(?:在|有|是|参加|参与)?(?:一|1)个")
# 哪些领导只出现一次 / 谁出现了两次 / 只担任一个职务的有谁: people counted by all the places the notice gives them
_TIMES = re.compile(
    r"(?:出现|露面|提到|列了?)(?:了|过)?(\d+|[一二两三四五六七八九十多])次|(?:担任|兼任|任|有|兼)(?:了|着)?(\d+|[一二两三四五六七八九十多])(?:个|项)(?:职务|职位|角色|身份)"
)
_ONLY_IN = re.compile(r"只(?:在|是|出现在|参加)|仅(?:在|出现在|参加)|独有")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query = turn.question, turn.query
    # (the group over them all, as a default or a context carries it, is no subject here)
    own = [e for e in turn.entities if not (e.kind is EntityKind.GROUP and tools.kb.is_top(e.id))]
    times = _TIMES.search(query.text) if not own else None
    if times is not None:
        return _people_by_places(turn, tools, times)
    # (the group over them all, as a context carries it: 这些组长里谁当了两个组的组长 asks across the groups)
    groups = [e.id for e in turn.entities if e.kind is EntityKind.GROUP and not tools.kb.is_top(e.id)]
    holders = [e for e in turn.entities if e.kind is not EntityKind.GROUP]
    rule = _rule(query.text, groups, query.has(Cue.SUPERLATIVE))
    asks = query.has(Cue.LEADER, Cue.DEPUTY, Cue.ROLES, Cue.LIST, Cue.COUNT) or query.asks_person
    if holders or rule is None or not asks or (groups and not _ONLY_IN.search(query.text)) or query.has(Cue.MISSING):
        return None
    if any("组" in w for w in query.cue_words if w in tools.lexicon.cues[Cue.WHICH_GROUP]):
        return None  # 四个专题组里哪个组的副组长单位最多: a group is asked for, not holders
    most = query.has(Cue.SUPERLATIVE) and "组" in query.text
    if not (groups or GROUP_COUNT.search(query.text) or most):
        return None
    units = query.has(Cue.DEPUTY) or "单位" in query.text or "部门" in query.text or "家" in query.text
    kinds = {RoleKind.DEPUTY_UNIT} if units else {RoleKind.LEADER} if query.has(Cue.LEADER) else set(RoleKind)
    of_kind = tools.kinds_named(query) or [g.kind for g in tools.kb.groups.values()]
    table = tools.kb.units if units else tools.kb.people
    held: dict[str, list] = {}
    for holder in table:
        roles = [
            r
            for r in tools.kb.roles_of(holder)
            if r.kind in kinds and tools.kb.groups[r.group].kind in of_kind and not tools.kb.is_top(r.group)
        ]
        if roles:
            held[holder] = roles
    counts = {h: len({r.group for r in roles}) for h, roles in held.items()}
    chosen = [h for h in held if rule(counts[h], {r.group for r in held[h]}, counts)]
    if not chosen:
        return None
    parts = [Part(tools.say("holders_counted", count=len(chosen), what="单位" if units else "人"))]
    for holder in chosen:
        roles = held[holder]
        names = "、".join(dict.fromkeys(f"{tools.kb.groups[r.group].name}{r.kind.value}" for r in roles))
        text = tools.say("holder_groups", name=table[holder].name, count=counts[holder], roles=names)
        parts.append(Part(text, tuple(dict.fromkeys(r.fact for r in roles))))
    parts[-1] = Part(parts[-1].text.removesuffix("；") + "。", parts[-1].facts)
    return tools.answer(question, parts, (), 0.8)


Rule = Callable[[int, set[str], dict[str, int]], bool]


def _rule(text: str, groups: list[str], most: bool) -> Rule | None:
    """How many groups a holder must have: exactly N, at least N, only one, only the group named, the most."""
    if groups:
        return lambda count, held, counts: held == set(groups)
    if _ONLY.search(text):
        return lambda count, held, counts: count == 1
    at_least = _AT_LEAST.search(text)
    if at_least:
        floor = number(at_least.group()) if at_least.group(1) else 2
        return lambda count, held, counts: count >= (floor or 2)
    if most:
        return lambda count, held, counts: count == max(counts.values())
    counted = GROUP_COUNT.search(text)  # 一个人在两个组: the count of groups, not of people
    exact = number(counted.group()) if counted else number(text)
    if exact is None:
        return None
    return lambda count, held, counts: count == exact


def _people_by_places(turn: Turn, tools: Tools, times: re.Match[str]) -> Answer | None:
    """The people the notice names in exactly (or, for 多, more than) that many places, each place counted once:
    a membership that only follows from another place (组长为协调小组成员) is no place of its own."""
    said = times.group(1) or times.group(2)
    wanted = None if said == "多" else numeral(said)
    chosen: list[tuple[str, list[str], tuple[str, ...]]] = []
    for person_id, person in tools.kb.people.items():
        roles = tools.kb.roles_of(person_id)
        held = [r for r in roles if r.kind is not RoleKind.MEMBER] or list(roles)
        places = list(dict.fromkeys(f"{tools.kb.groups[r.group].name}{r.label or r.kind.value}" for r in held))
        if places and (len(places) == wanted if wanted is not None else len(places) > 1):
            chosen.append((person.name, places, tuple(dict.fromkeys(r.fact for r in held))))
    if not chosen:
        return None
    parts = [Part(tools.say("holders_counted", count=len(chosen), what="人"))]
    for name, places, facts in chosen:
        parts.append(Part(tools.say("holder_places", name=name, places="、".join(places)), facts))
    parts[-1] = Part(parts[-1].text.removesuffix("；") + "。", parts[-1].facts)
    return tools.answer(turn.question, parts, (), 0.8)
