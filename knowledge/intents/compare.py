"""Sets and comparisons over two or more groups (or a kind of group): the deputy units they share
(同时 / 都有), those of the first the others lack (A有而B没有), all of them once (合在一起 / 去重), their
counts added (加起来) or compared (哪个多 / 多几个 / 最多), and whether two posts have one holder (是同一个
人吗). Every list is given with its count; a group whose deputy units the notice does not state is said so.
"""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part, person_with_titles
from knowledge.facts import Group, Holding, Role, RoleKind, Tier
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn

_SET_CUES = (Cue.BOTH, Cue.DIFFERENCE, Cue.UNION, Cue.SUM, Cue.COMPARE, Cue.SUPERLATIVE)
_HOW_DIFFERENT = re.compile(r"区别|不同|异同|差别|差异|有啥两样|分工")
_WHICH_MORE = re.compile(r"(?:谁|哪).*(?:多|少)[吗呢啊呀]?$")
_FEWER = re.compile(r"少|最少")
_UNIT_ASKED = re.compile(r"哪个单位|哪些单位|哪家|哪几家|几个单位|多少家")
_EVERY_GROUP = re.compile(r"(?:每个|每一个|所有|全部|各个?)(?:的)?(?:专题|保障)?小?组")  # 哪家单位在每个组里都有
_ALL_HAVE = re.compile(r"都(?:有|在|是)(?!哪|谁|什么|啥|些)")  # (都有哪些 lists them all)
_GROUP_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十]|多)个(?:及|或)?以上(?:的)?(?:专题|保障)?小?组|不止一个")
_ONE_GROUP = re.compile(r"同一个?(?:小?组|专班)|同(?:一|个)组|在一个组")  # 两个单位在同一个组吗
_POSTS = (  # the longest first: 副组长 is no 组长, 办公室副主任 no 办公室主任
    ("办公室副主任", RoleKind.OFFICE_DEPUTY_DIRECTOR),
    ("副主任", RoleKind.OFFICE_DEPUTY_DIRECTOR),
    ("办公室主任", RoleKind.OFFICE_DIRECTOR),
    ("主任", RoleKind.OFFICE_DIRECTOR),
    ("副组长", RoleKind.DEPUTY),
    ("组长", RoleKind.LEADER),
)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    holders = [e for e in turn.entities if e.kind is not EntityKind.GROUP]
    people = [e for e in holders if e.kind is EntityKind.PERSON]
    in_groups = not any(e.kind is EntityKind.GROUP for e in turn.entities) and _ONE_GROUP.search(query.text) is not None
    units = [h for h in holders if h.kind is EntityKind.UNIT]
    if query.has(Cue.SAME) and len(units) == len(holders) == 2 and in_groups:
        # 这两个单位有没有在同一个组的: the groups both hold a place in, or none (people are left to the
        # rules that make heads members of the group over theirs)
        first, second = ({r.group for r in tools.kb.roles_of(h.id)} for h in holders)
        both = first & second
        shared = [g for g in tools.kb.groups if g in both]
        shared = [g for g in shared if not tools.kb.is_top(g)] or shared
        names = "和".join(tools.name(h) for h in holders)
        groups = "、".join(tools.kb.groups[g].name for g in shared)
        lead = (
            tools.say("groups_shared", names=names, groups=groups)
            if shared
            else tools.say("no_group_shared", names=names)
        )
        parts = [Part(lead), *(tools.entity_part(h) for h in holders)]
        return tools.answer(turn.question, parts, turn.entities, 0.85)
    if query.has(Cue.SAME) and len(people) == 2 and len(holders) == 2 and not in_groups:
        # 唐良智和唐英瑜是同一个人吗: two people the notice names apart are two
        parts = [Part(tools.say("two_people")), *(tools.entity_part(p) for p in people)]
        return tools.answer(turn.question, parts, turn.entities, 0.9)
    if query.has(Cue.SAME) or (query.has(Cue.YES_NO) and not holders):
        # 办公室主任也是协调小组的副组长吗: two posts, one holder or two
        same = _same_holder(turn, tools)
        if same is not None or query.has(Cue.SAME):
            return same
    named_groups = [tools.kb.groups[e.id] for e in turn.entities if e.kind is EntityKind.GROUP]
    if len(named_groups) > 1 and _HOW_DIFFERENT.search(query.text) and not query.has(Cue.DEPUTY):
        # 综合组和督查组有什么区别: each group as the notice sets it up, side by side
        if query.aspects:  # 商事组监管跟双创组监管区别: that side of each
            parts = [describe.aspect_duty(g, a) for g in named_groups for a in query.aspects]
        else:
            parts = [describe.group_card(tools.kb, g) for g in named_groups]
        return tools.answer(turn.question, parts, turn.entities, 0.8)
    # 哪家单位在每个组里都有: the units all the groups have
    every = (
        _EVERY_GROUP.search(query.text) is not None
        and _UNIT_ASKED.search(query.text) is not None
        and (query.has(Cue.BOTH) or _ALL_HAVE.search(query.text) is not None)
    )
    comparing = query.has(*_SET_CUES) or bool(_WHICH_MORE.search(query.text)) or every
    if not comparing or not (query.has(Cue.DEPUTY) or "单位" in query.text):
        return None
    if query.has(Cue.YES_NO) and len(holders) == 1:
        return None  # 海关也在里面？: whether that one unit is in the group, a claim to judge
    named = [e for e in turn.entities if e.kind is not EntityKind.UNIT]
    if len(named) < 2 and not every and (_UNIT_ASKED.search(query.text) or _GROUP_COUNT.search(query.text)):
        return None  # 哪个单位参加的专题组最多 / 同时是两个以上专题组的: units counted by their groups
    groups = _groups(turn, tools)
    if len(groups) < 2:
        return None
    # (哪个组的成员单位最多: the member units compared, where the question asks them and not the deputies)
    members = query.has(Cue.MEMBERS) and not query.has(Cue.DEPUTY)
    place = "成员单位" if members else "副组长单位"
    held = {g.id: _member_units(g) if members else g.deputies for g in groups}
    stated = [g for g in groups if (h := held[g.id]) is not None and not h.unstated and h.units]
    silent = [g for g in groups if g not in stated]
    facts = tuple(f"group.{g.id}.{'members' if members else 'deputies'}" for g in groups if held[g.id] is not None)
    note = [Part(tools.say("silent_deputies", place=place, groups="、".join(g.name for g in silent)))] if silent else []
    if len(stated) < 2:
        return tools.answer(
            turn.question, [Part(tools.say("cannot_compare", place=place, groups=_names(silent)), facts)], (), 0.7
        )
    units = {g.id: list(held[g.id].units) for g in stated}  # type: ignore[union-attr]
    names = _names(stated)
    subjects = turn.entities
    if query.has(Cue.DIFFERENCE):
        first, rest = stated[0], stated[1:]
        only = [u for u in units[first.id] if not any(u in units[g.id] for g in rest)]
        head = tools.say("difference", place=place, first=first.name, rest=_names(rest))
        part = _listing(tools, head, only)
    elif every or query.has(Cue.BOTH) or (query.has(Cue.COMMON) and not query.has(Cue.DUTY)):
        shared = [u for u in units[stated[0].id] if all(u in units[g.id] for g in stated[1:])]
        part = _listing(tools, tools.say("intersection", place=place, groups=names), shared)
    elif query.has(Cue.UNION):
        joined = list(dict.fromkeys(u for g in stated for u in units[g.id]))
        part = _listing(tools, tools.say("union", place=place, groups=names), joined)
    elif query.has(Cue.SUM):
        counts = [len(units[g.id]) for g in stated]
        sums = "+".join(map(str, counts))
        part = Part(tools.say("sum", place=place, groups=names, sums=sums, total=sum(counts)))
    else:
        part, best = _compared(tools, stated, units, bool(_FEWER.search(query.text)), place)
        if len(stated) > 2:  # 副组长单位最多的是哪个组 → 有几个 / 都有谁: of the one it names
            subjects = (Entity(EntityKind.GROUP, best.id),)
        led = [p for p in turn.entities if p.kind is EntityKind.PERSON]
        if led:  # the people the question named the groups by
            leaders = "，".join(
                tools.say("led_by", person=tools.kb.people[p.id].name, group=g.name)
                for p in led
                for g in stated
                if g.leader.person == p.id
            )
            part = Part(f"{part.text}（{leaders}）" if leaders else part.text)
    return tools.answer(turn.question, [Part(part.text, facts), *note], subjects, 0.9)


def _groups(turn: Turn, tools: Tools) -> list[Group]:
    """The groups compared: those named, a person's by the groups they lead (唐英瑜和许洪斌谁的组…),
    every group of the kind named (各专题组), or with nothing named every group with deputy units."""
    named: list[str] = []
    for entity in turn.entities:
        if entity.kind is EntityKind.GROUP:
            named.append(entity.id)
        elif entity.kind is EntityKind.PERSON:
            led = [r.group for r in tools.kb.roles_of(entity.id) if r.kind is RoleKind.LEADER]
            mine = [g for g in led if Entity(EntityKind.GROUP, g) in turn.entities]
            named += [] if mine else [g for g in led if not tools.kb.is_top(g)][:1]
    if len(named) < 2:
        kinds = tools.kinds_named(turn.query)
        named += [g.id for g in tools.kb.under_top() if g.kind in kinds]
    if not turn.entities and not named:  # 副组长单位加起来不重复的一共多少个: every group's
        named = [g.id for g in tools.kb.under_top() if g.deputies is not None]
    return [tools.kb.groups[g] for g in dict.fromkeys(named)]


def _listing(tools: Tools, head: str, unit_ids: list[str]) -> Part:
    if not unit_ids:
        return Part(tools.say("listing_empty", head=head))
    listed = "、".join(tools.kb.units[u].name for u in unit_ids)
    return Part(tools.say("listing", head=head, count=len(unit_ids), units=listed))


def _member_units(group: Group) -> Holding | None:
    """The group's member units (成员单位), where the notice lists them."""
    return next((h for h in group.holdings(Tier.MEMBER) if h.units), None)


def _compared(
    tools: Tools, groups: list[Group], units: dict[str, list[str]], fewer: bool, place: str = "副组长单位"
) -> tuple[Part, Group]:
    """Which of the groups has more (or fewer) deputy units, and that group."""
    counted = sorted(groups, key=lambda g: len(units[g.id]), reverse=not fewer)
    each = "，".join(tools.say("group_count", group=g.name, count=len(units[g.id])) for g in groups)
    best, other = counted[0], counted[1]
    gap = abs(len(units[best.id]) - len(units[other.id]))
    if gap == 0 and len(groups) == 2:
        return Part(tools.say("equally_many", place=place, each=each)), best
    word = tools.say("fewer" if fewer else "more")
    if len(groups) == 2:
        return Part(
            tools.say("more_of_two", place=place, best=best.name, other=other.name, word=word, gap=gap, each=each)
        ), best
    return Part(tools.say("most_of_all", place=place, best=best.name, word=word, each=each)), best


def _same_holder(turn: Turn, tools: Tools) -> Answer | None:
    """法治组和综合组的组长是同一个人吗 / 办公室副主任和综合组组长是不是同一人: the holders of the posts."""
    posts = _posts(turn, tools)
    if len(posts) < 2:
        return None
    parts, facts, holders = [], [], []
    for group, kind, word in posts:
        roles = _roles(tools, group, kind)
        label = f"{group.name}{word}"
        if not roles:
            parts.append(tools.say("post_unstated", post=label))
            holders.append(None)
            continue
        holders.append({r.holder for r in roles})
        facts += [r.fact for r in roles]
        named = "、".join(person_with_titles(tools.kb, r.holder) for r in roles)
        parts.append(tools.say("post_holder", post=label, holders=named))
    known = [h for h in holders if h is not None]
    same = len(known) == len(holders) and bool(set.intersection(*known))
    verdict = tools.say("holder_unknown" if None in holders else "same_holder" if same else "other_holder")
    text = verdict + "；".join(parts) + "。"
    return tools.answer(turn.question, [Part(text, tuple(dict.fromkeys(facts)))], turn.entities, 0.9)


def _posts(turn: Turn, tools: Tools) -> list[tuple[Group, RoleKind, str]]:
    """The posts the question names, each with its group: a post word after a group name belongs to it;
    a group named without one takes the post named last (法治组和综合组的组长); an office post with no
    group is the 协调小组's office."""
    text = turn.query.text
    mentions = [m for m in turn.query.mentions if m.entity.kind is EntityKind.GROUP]
    found: list[tuple[int, RoleKind, str]] = []
    taken = [False] * len(text)
    for word, kind in _POSTS:
        for match in re.finditer(word, text):
            if not any(taken[match.start() : match.end()]):
                taken[match.start() : match.end()] = [True] * len(word)
                found.append((match.start(), kind, word))
    found.sort()
    office = next((g for g in tools.kb.groups.values() if g.office is not None), None)
    posts: list[tuple[Group, RoleKind, str]] = []
    for start, kind, word in found:
        before = [m for m in mentions if m.end <= start]
        if kind in (RoleKind.OFFICE_DIRECTOR, RoleKind.OFFICE_DEPUTY_DIRECTOR):
            group = office
        else:
            group = tools.kb.groups[before[-1].entity.id] if before else None
        if group is not None:
            posts.append((group, kind, word))
    # 法治组和综合组的组长: the groups named before the one post share it
    if len(posts) == 1 and len(mentions) > 1:
        kind, word = posts[0][1], posts[0][2]
        posts = [(tools.kb.groups[m.entity.id], kind, word) for m in mentions]
    asked = [tools.kb.groups[e.id] for e in turn.entities if e.kind is EntityKind.GROUP]
    if not mentions and len(found) == 1 and len(asked) > 1:  # 这两个组是同一个人当组长吗: the groups before
        posts = [(group, found[0][1], found[0][2]) for group in asked]
    return list(dict.fromkeys(posts))


def _roles(tools: Tools, group: Group, kind: RoleKind) -> list[Role]:
    return [r for holder in tools.kb.roles for r in tools.kb.roles_of(holder) if r.group == group.id and r.kind is kind]


def _names(groups: list[Group]) -> str:
    return "和".join(g.name for g in groups) if len(groups) < 3 else "、".join(g.name for g in groups)
