"""Yes/no claims, each checked in full: roles, titles, units, aspects and topics; a false one is corrected."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Group, RoleKind, Tier
from knowledge.lexicon import Cue, place_stem
from knowledge.matcher import Entity, EntityKind, Mention
from knowledge.tools import GROUP_COUNT, HAS_PEOPLE, ROLE_CUES, Tools, number, post_fits
from knowledge.turn import Turn
from knowledge.understand import Query

_OFFICE_ROLES = {RoleKind.OFFICE_HOST, RoleKind.OFFICE_DIRECTOR, RoleKind.OFFICE_DEPUTY_DIRECTOR}
# what a claim says a subject is: the words after its last 设在 / 是 / 为 / 担任, the asking taken off
_CLAIMED = re.compile(r"(?:设在|担任|是|为|当)(?!不是)([^是为]{2,30}?)(?:吗|吧|么|嘛|呢|啊|呀|的吧|的吗|[?？]|$)")
_ONLY = re.compile(r"只在|仅在|只参加|只参与|只属于|只是[^，。？?]{0,12}的|只有在|光在")  # one group and no other
_POST_END = re.compile(r"(?:长|主任|书记|委员|总理|主席|巡视员|参谋长|总工程师|秘书|校长|院长|教授|理事)$")


_JOINS = re.compile(r"参加|参与|加入")  # 省农业农村厅参加这个联席会议吗: whether it is a member
_EACH = 4  # units a claim may be made of at once, each judged


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if not query.has(Cue.YES_NO):
        return None
    if query.has(Cue.WHICH_GROUP) and tools.topic_hits(query):
        return None  # 招工难，专班有管这个的组吗: which group does that work, found by the search
    if not entities and query.aspects:
        return _aspect_claim(tools, question, query)
    groups = [e.id for e in entities if e.kind is EntityKind.GROUP]
    holders = [e for e in entities if e.kind is not EntityKind.GROUP]
    qualified = tools.qualified_place(query)
    if len(groups) == 1 and not holders and qualified:  # 有没有常务副主任, of a notice without one
        return tools.answer(question, tools.no_such_place(tools.kb.groups[groups[0]], qualified), entities, 0.8)
    titled = [m for m in query.mentions if m.via_title]
    if len(holders) == 2 and len(titled) == 1 and not groups:
        return _title_claim(tools, question, query, entities, titled[0])
    claim = _claimed(query.text)
    said = [m for m in query.mentions if m.entity.kind is EntityKind.PERSON and not m.via_title]
    # (a post only one person holds is a name of theirs too: 副市长 of 尼加提·尼亚孜是副市长吗 names him again)
    # (他是秘书长吗 / 欧顺清，他是秘书长吗: the person the pronoun stands for, named in no span of this text)
    person_mentioned = any(m.entity.kind is EntityKind.PERSON for m in query.mentions)
    by_name = (
        len(holders) == 1
        and not query.has(*ROLE_CUES)
        and (len({m.entity for m in said}) == 1 or (not person_mentioned and holders[0].kind is EntityKind.PERSON))
    )
    named_span = query.text[said[0].start : said[0].end] if said else ""
    if by_name and claim and claim not in named_span and _is_post(tools, claim):
        # 尼加提·尼亚孜是副市长吗 / 贾峰是市场监管局局长吗 (he is 副局长): the claim against the person's titles
        person = tools.kb.people[holders[0].id]
        holds = any(post_fits(claim, t.title) for t in person.titles)
        return tools.answer(question, [tools.verdict(holds), tools.entity_part(holders[0])], entities, 0.85)
    people = [h for h in holders if h.kind is EntityKind.PERSON]
    each = len(people) > 1 and len(people) == len(holders) and not groups and not query.has(*ROLE_CUES)
    if each and claim and _is_post(tools, claim):  # 他俩都是局长吗: the post claimed of each of them
        holds = all(any(post_fits(claim, t.title) for t in tools.kb.people[p.id].titles) for p in people)
        return tools.answer(question, [tools.verdict(holds), *map(tools.entity_part, people)], entities, 0.85)
    facet = _facet_claimed(tools, query, groups, holders, claim)
    if facet is not None:
        # 组长是市长吗 (the 组长 is a 副市长) / 办公室设在市行政审批局吗: the value claimed against the facet
        return tools.answer(question, [tools.verdict(post_fits(claim or "", facet.text)), facet], entities, 0.85)
    if not groups and len(holders) == 1 and query.has(Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY):
        office = tools.office_group()  # 办公室主任 is the 协调小组's office
        groups = [office.id] if office is not None else []
    pair = not groups and len(holders) == 2 and {h.kind for h in holders} == {EntityKind.PERSON, EntityKind.UNIT}
    person = next((h for h in holders if h.kind is EntityKind.PERSON), None)
    if pair and person is not None and claim and _is_post(tools, claim) and _POST_END.search(claim):
        # 他是市委书记吗 (市委副书记): the post claimed, whose unit (市委) only says where
        holds = any(post_fits(claim, t.title) for t in tools.kb.people[person.id].titles)
        return tools.answer(question, [tools.verdict(holds), tools.entity_part(person)], entities, 0.85)
    if pair:
        return _unit_claim(tools, question, holders, entities)
    if len(groups) == 1 and holders and _ONLY.search(query.text):
        # 市发展改革委只在精简组吗 / 海关、人行、税务局是不是都只在商事组: that group and no other, for each
        holds = all(_groups_of(tools, h) == {groups[0]} for h in holders)
        return tools.answer(question, [tools.verdict(holds), *(tools.entity_part(h) for h in holders)], entities, 0.9)
    if len(groups) == 1 and len(holders) > 1 and query.has(Cue.DEPUTY, Cue.LEADER):
        # 市公安局和重庆海关都是商事组的副组长单位吗: true only if it holds for each of them
        group = tools.kb.groups[groups[0]]
        wanted = {RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT} if query.has(Cue.DEPUTY) else {RoleKind.LEADER}
        lacking = [
            h for h in holders if not any(r.group == group.id and r.kind in wanted for r in tools.kb.roles_of(h.id))
        ]
        facet = describe.deputies(tools.kb, group) if query.has(Cue.DEPUTY) else describe.leader(tools.kb, group)
        # (those that do not hold it are told where they are: 市国资委 is a deputy unit of 激励创业创新组)
        parts = [tools.verdict(not lacking), *map(tools.entity_part, lacking), facet]
        return tools.answer(question, parts, entities, 0.9)
    claimed = number(query.text)
    tier = Tier.DEPUTY if query.has(Cue.DEPUTY) else Tier.MEMBER if query.has(Cue.MEMBERS) else None
    if claimed is not None and len(groups) == 1 and not holders and tier is not None:
        # 精简行政审批组的副组长单位一共5家，对吗: the count claimed against the place's holders
        group = tools.kb.groups[groups[0]]
        held = [h for h in group.holdings(tier) if not h.unstated]
        if held:
            count = sum(len(h.units) + len(h.persons) for h in held)
            facet = describe.deputies(tools.kb, group) if tier is Tier.DEPUTY else describe.members(tools.kb, group)
            return tools.answer(question, [tools.verdict(count == claimed), facet], entities, 0.85)
    if claimed is not None and len(holders) == 1 and not groups and GROUP_COUNT.search(query.text):
        # 市大数据发展局在三个专题组都当副组长吧: the number of groups it sits in
        holds = len(_groups_of(tools, holders[0])) == claimed
        return tools.answer(question, [tools.verdict(holds), tools.entity_part(holders[0])], entities, 0.85)
    own = _own_role_word(tools, query)
    if len(holders) == 1 and holders[0].kind is EntityKind.PERSON and own and all(tools.kb.is_top(g) for g in groups):
        # 林尚立是委员会的秘书长吗 (his title is 中央政研室秘书长) / 她是主任委员吗: the place, not the title
        holds = any(r.label in (own, f"办公室{own}") for r in tools.kb.roles_of(holders[0].id))
        held = [(g, tuple(h for h in g.roles if own in (h.role, h.part))) for g in tools.kb.groups.values()]
        parts = [tools.verdict(holds), tools.entity_part(holders[0])]
        parts += [describe.holding(tools.kb, g, h) for g, h in held if h and not holds][:1]
        return tools.answer(question, parts, entities, 0.85)
    if not groups and len(holders) > 1 and len({h.kind for h in holders}) == 1 and query.has(*ROLE_CUES):
        # 重庆银保监局和重庆市税务局都是副组长单位吗: the role claimed in no particular group, of each of them
        wanted_each = [_claimed_roles(tools, query, h) for h in holders]
        if all(w is not None for w in wanted_each):
            holds = all(
                any(r.kind in w for r in tools.kb.roles_of(h.id)) for h, w in zip(holders, wanted_each, strict=True)
            )
            return tools.answer(question, [tools.verdict(holds), *map(tools.entity_part, holders)], entities, 0.85)
    if not groups and len(holders) == 1 and query.has(*ROLE_CUES):
        # 他也是副组长吗 / 罗蔺是组长吗: a role claimed in no particular group holds if any group has it
        holder = holders[0]
        wanted = _claimed_roles(tools, query, holder)
        if wanted is not None:
            holds = any(r.kind in wanted for r in tools.kb.roles_of(holder.id))
            # 省财政厅是不是成员单位, of a notice naming its 委员 as people: the unit is in it through them
            sent = [] if holds or holder.kind is not EntityKind.UNIT else _sent_by(tools, holder, wanted, query.text)
            parts = [
                tools.verdict(holds or bool(sent)),
                *(map(tools.entity_part, sent) if sent else [tools.entity_part(holder)]),
            ]
            if not (
                holds or sent
            ):  # 吴存荣是组长吧（不是）: who holds that place in the group where the notice puts him
                parts += _correction(tools, holder, wanted)
            return tools.answer(question, parts, entities, 0.85)
    if len(groups) > 1 and len(holders) == 1:
        # 市发展改革委是A、B和C的副组长单位吗: true only if it holds in each of them
        wanted = _claimed_roles(tools, query, holders[0]) or set(RoleKind)
        roles = tools.kb.roles_of(holders[0].id)
        holds = all(any(r.group == g and r.kind in wanted for r in roles) for g in groups)
        return tools.answer(question, [tools.verdict(holds), tools.entity_part(holders[0])], entities, 0.9)
    if claimed is not None and len(groups) == 1 and not holders and query.has(Cue.DEPUTY):
        # 精简行政审批组有6个副组长单位吗 / 协调小组有三个副组长吗: the count claimed
        group = tools.kb.groups[groups[0]]
        deputies = group.deputies
        if deputies is not None and not deputies.unstated:
            holds = len(deputies.units or deputies.persons) == claimed
            return tools.answer(question, [tools.verdict(holds), describe.deputies(tools.kb, group)], entities, 0.9)
    units_asked = holders and all(h.kind is EntityKind.UNIT for h in holders)
    if units_asked and HAS_PEOPLE.search(query.text) and any(tools.people_of_unit(h.id) for h in holders):
        return None  # 专班里有教育局的人吗: its people, who they are (by_unit)
    if len(groups) == 1 and 1 < len(holders) <= _EACH and units_asked:
        return _each_holder(turn, tools, holders)
    if len(groups) != 1 or len(holders) > 1:
        return None
    group = tools.kb.groups[groups[0]]
    own_place = _own_place_claim(tools, question, query, entities, group, holders)
    if own_place is not None:
        return own_place
    if not holders and (query.unknown or query.foreign_unit) and query.has(Cue.LEADER, Cue.DEPUTY):
        # 陈敏尔是协调小组组长吗: a name the notice does not have is not its leader.
        deputy = query.has(Cue.DEPUTY)
        if (group.deputies is not None and group.deputies.unstated) if deputy else group.leader.unstated:
            fact = f"group.{group.id}.{'deputies' if deputy else 'leader'}"
            text = tools.say("claim_unstated", group=group.name, facet="副组长单位" if deputy else "组长")
            return tools.answer(question, [Part(text, (fact,))], entities, 0.7)
        facet = describe.deputies(tools.kb, group) if deputy else describe.leader(tools.kb, group)
        return tools.answer(question, [tools.verdict(False), facet], entities, 0.7)
    joins = query.has(Cue.MEMBERS) or _JOINS.search(query.text) is not None
    if not holders and query.foreign_unit and joins and group.members is not None:
        # 省农业农村厅参加这个联席会议吗: a unit the notice does not name is none of its members
        said = Part(tools.say("foreign_unit", unit=query.foreign_unit))
        return tools.answer(question, [tools.verdict(False), said, describe.members(tools.kb, group)], entities, 0.75)
    if not holders and query.aspects and not tools.has_topic(query) and bool(group.aspects):
        # 那是不是还管监管: whether the group has duties on that side, and which
        parts = [describe.aspect_duty(group, a) for a in query.aspects]
        duties = [group.aspect(a) for a in query.aspects]
        stated = all(d is not None and d.quote for d in duties)
        return tools.answer(question, [tools.verdict(True) if stated else Part(""), *parts], entities, 0.85)
    if not holders:
        return _topic_claim(tools, question, query, entities, group.id)
    holder = holders[0]
    wanted = _claimed_roles(tools, query, holder)
    if wanted is None:
        return None
    if RoleKind.LEADER in wanted and group.leader.unstated:
        # 督查组组长是张德宽对吧: not stated, and what the notice does say of the one claimed
        text = tools.say("claim_unstated", group=group.name, facet="组长")
        truth = tools.entity_part(holder) if holder.kind is not EntityKind.GROUP else Part("")
        return tools.answer(question, [Part(text, (f"group.{group.id}.leader",)), truth], entities, 0.8)
    if RoleKind.DEPUTY_UNIT in wanted and group.deputies is not None and group.deputies.unstated:
        text = tools.say("claim_unstated", group=group.name, facet="副组长单位")
        return tools.answer(question, [Part(text, (f"group.{group.id}.deputies",))], entities, 0.8)
    holds = any(r.group == group.id and r.kind in wanted for r in tools.kb.roles_of(holder.id))
    if holder.kind is EntityKind.UNIT and not tools.umbrella(holder) and not tools.kb.roles_of(holder.id):
        # 文旅局在植物园专班里吗: a unit standing only in people's titles is in the group through them
        people = tools.people_of_unit(holder.id)
        holds = any(r.group == group.id and r.kind in wanted for p in people for r in tools.kb.roles_of(p))
    if query.has(Cue.MEMBERS) and group.members is not None:
        holds = holds or _member_by_rule(tools, group, holder)  # 他算协调小组的成员吗
    truth = tools.entity_part(holder) if holder.kind is not EntityKind.GROUP else Part("")
    if holds:
        return tools.answer(question, [tools.verdict(True), truth], entities, 0.9)
    # 法治组归罗蔺管吗: no place claimed of a person; who leads the group is the correction
    some_place = wanted == set(RoleKind) and holder.kind is EntityKind.PERSON
    if wanted & {RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT} and not some_place:
        correction = describe.deputies(tools.kb, group)
    elif wanted & _OFFICE_ROLES and group.office is not None and not some_place:
        correction = describe.office(tools.kb, group)
    else:
        correction = describe.leader(tools.kb, group)
    return tools.answer(question, [tools.verdict(False), truth, correction], entities, 0.9)


def _correction(tools: Tools, holder: Entity, wanted: set[RoleKind]) -> list[Part]:
    """The place claimed, as the notice fills it, in the first group the holder has a place of their own in that
    has it (none where no such group does)."""
    roles = [r for r in tools.kb.roles_of(holder.id) if r.kind is not RoleKind.MEMBER] or tools.kb.roles_of(holder.id)
    for group in (tools.kb.groups[g] for g in dict.fromkeys(r.group for r in roles)):
        if wanted & {RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT}:
            return [describe.deputies(tools.kb, group)]
        if RoleKind.LEADER in wanted and not group.leader.unstated:
            return [describe.leader(tools.kb, group)]
    return []


def _each_holder(turn: Turn, tools: Tools, holders: list[Entity]) -> Answer | None:
    """人民银行澜州省分行和省工商联都是联席会议的成员单位吗: the claim judged of each unit; true only if of all."""
    others = tuple(e for e in turn.entities if e not in holders)
    each = [answer(replace(turn, entities=(*others, h)), tools) for h in holders]
    if any(a is None or not a.answered for a in each):
        return None
    holds = all(a.text.startswith(tools.say("yes")) for a in each if a is not None)
    parts = [tools.verdict(holds)] + [Part(a.text.partition("。")[2], a.facts) for a in each if a is not None]
    return tools.answer(turn.question, list({p.text: p for p in parts}.values()), turn.entities, 0.85)


_UNIT_SHAPED = re.compile(r"[\u4e00-\u9fff](?:局|厅|委|办|处|中心|大队|所)$")


def _own_place_claim(
    tools: Tools, question: str, query: Query, entities: tuple[Entity, ...], group: Group, holders: list[Entity]
) -> Answer | None:
    """综合协调组是区住建局牵头吗 / 宣传组是区融媒体中心牵头的吗: a place of the group's own (牵头单位),
    claimed for a unit the notice names or one it does not; a false claim gets the real holders."""
    own = _own_role_word(tools, query)
    held = tuple(h for h in group.roles if h.role == own)
    if not held or not (holders or query.unknown or query.foreign_unit):
        return None
    if holders and holders[0].kind is EntityKind.PERSON:
        return None  # 梅香雪是爱卫会主任委员吗: a person's claim is judged with all their roles below
    listed = describe.holding(tools.kb, group, held)
    if not holders and not query.foreign_unit and any(_UNIT_SHAPED.search(w) for w in query.unknown):
        # 城管局是不是委员单位: a short form the notice may write otherwise (县城市管理局): the list, no 不是 guessed
        return tools.answer(question, [listed], entities, 0.6)
    holds = bool(holders) and any(holders[0].id in h.holders for h in held)
    return tools.answer(question, [tools.verdict(holds), listed], entities, 0.85)


def _groups_of(tools: Tools, holder: Entity) -> set[str]:
    """The groups under the top one where the holder has a place."""
    return {r.group for r in tools.kb.roles_of(holder.id) if not tools.kb.is_top(r.group)}


def _claimed(text: str) -> str | None:
    claims = [m.group(1).strip() for m in _CLAIMED.finditer(text)]
    return claims[-1] if claims else None


def _is_post(tools: Tools, claim: str) -> bool:
    """A post claimed of a person (副市长, 江苏原副省长), not a place in a group (组长, 办公室主任)."""
    if not _POST_END.search(claim) or tools.names_group(claim) or claim.removeprefix("办公室") in tools.all_place_words:
        return False
    return not any(g.name in claim or any(a in claim for a in g.aliases) for g in tools.kb.groups.values())


def _facet_claimed(
    tools: Tools, query: Query, groups: list[str], holders: list[Entity], claim: str | None
) -> Part | None:
    """The leader or the office of the group asked about, where the question claims a value no name of the
    notice stands for (市长, 市行政审批局 where it is only in a post)."""
    if holders or claim is None or len(groups) > 1 or not (query.content or query.foreign_unit):
        return None
    group = tools.kb.groups[groups[0]] if groups else tools.office_group() if query.has(Cue.OFFICE) else None
    if group is None and tools.kb.top:
        group = tools.kb.groups[tools.kb.top]
    if group is None or any(w in claim for w in tools.place_words):
        return None
    if query.has(Cue.OFFICE_PLACE) or (query.has(Cue.OFFICE) and "设在" in query.text):
        return describe.office(tools.kb, group, director=False, deputy=False) if group.office else None
    if query.has(Cue.LEADER) and not query.has(Cue.DEPUTY) and not group.leader.unstated:
        return describe.leader(tools.kb, group)
    return None


def _title_claim(tools: Tools, question: str, query: Query, entities: tuple[Entity, ...], titled: Mention) -> Answer:
    """唐英瑜是市科技局局长吗: the person named against the holder of the title named."""
    claimant = next(e for e in entities if e.kind is not EntityKind.GROUP and e != titled.entity)
    holds = claimant == titled.entity
    parts = [
        tools.verdict(holds),
        describe.person_roles(tools.kb, titled.entity.id, titled.via_title),
    ]
    if not holds:  # and what the one named really is
        parts.append(tools.entity_part(claimant))
    return tools.answer(question, parts, (titled.entity,), 0.9)


def _aspect_claim(tools: Tools, question: str, query: Query) -> Answer | None:
    """全面推开证照分离算放权方面的工作吗: the aspect of the clause the words point at."""
    hits = tools.topic_hits(query)
    aspect = tools.kb.facts[hits[0].clause.fact].aspect if hits else None
    if aspect is None:
        return None
    # the aspect claimed is the one marked (放权方面) or named last: 包容审慎监管算放权不 claims 放权
    verdict = tools.verdict(aspect in (query.marked_aspects or query.aspects[-1:]))
    return tools.answer(question, [verdict, *tools.topic_parts(hits[:1])], (), hits[0].score)


def _unit_claim(tools: Tools, question: str, holders: list[Entity], entities: tuple[Entity, ...]) -> Answer:
    """许洪斌是市发改委的吗: whether the person holds a post at the unit."""
    person = next(h for h in holders if h.kind is EntityKind.PERSON)
    unit = next(h for h in holders if h.kind is EntityKind.UNIT)
    holds = any(title.unit == unit.id for title in tools.kb.people[person.id].titles)
    parts = [tools.verdict(holds), describe.person_roles(tools.kb, person.id)]
    return tools.answer(question, parts, (person,), 0.9)


_OF_UNIT = {RoleKind.MEMBER_UNIT: RoleKind.MEMBER, RoleKind.DEPUTY_UNIT: RoleKind.DEPUTY}


def _sent_by(tools: Tools, unit: Entity, wanted: set[RoleKind], text: str) -> list[Entity]:
    """The unit's people who hold the place claimed of the unit (its 副厅长 a 委员: the unit is a member)."""
    kinds = {_OF_UNIT.get(k, k) for k in wanted} - {RoleKind.OTHER}
    kinds |= {RoleKind.MEMBER} if "成员" in text else set()  # (成员单位, of a notice whose 委员 are people)
    return [Entity(EntityKind.PERSON, p) for p in tools.unit_people_holding(unit.id, lambda r: r.kind in kinds)]


def _claimed_roles(tools: Tools, query: Query, holder: Entity) -> set[RoleKind] | None:
    if query.has(Cue.DEPUTY) or "副组长" in query.text:
        return {RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT}
    if "副主任" in query.text:
        return {RoleKind.OFFICE_DEPUTY_DIRECTOR}
    if "主任" in query.text:
        return {RoleKind.OFFICE_DIRECTOR}
    if query.has(Cue.OFFICE):
        return {RoleKind.OFFICE_HOST}
    if query.has(Cue.LEADER) or "组长" in query.text:
        return {RoleKind.LEADER} if holder.kind is EntityKind.PERSON else {RoleKind.LEADER_UNIT}
    if query.has(Cue.MEMBERS) and not query.has(Cue.ROLES):
        # 林秋菊是领导小组成员吗: a place in the group itself; the office's deputy alone is not one
        return set(RoleKind) - _OFFICE_ROLES - {RoleKind.OFFICE_MEMBER}
    if query.has(Cue.ROLES) or not query.content:
        return set(RoleKind)
    return None


def _topic_claim(
    tools: Tools, question: str, query: Query, entities: tuple[Entity, ...], group_id: str
) -> Answer | None:
    best = tools.topic_hits(query)
    if not best:
        return None
    group = tools.kb.groups[group_id]
    names = (group.name, group.full_name or "", *group.aliases)
    rest = [c for c in query.content if not any(c in n for n in names)]
    said = tools.index.search(rest, limit=1) if rest else best
    if not said or said[0].score < tools.config.topic_min_score:
        # 各市（州）是不是也要对应成立…联席会议: the group's name matches its duty; what is claimed of it, no clause says
        text = tools.say("claim_not_said")
        return tools.answer(question, [Part(text)], entities, 0.6)
    top = best[0]
    if top.clause.subject == "requirements" and tools.kb.is_top(group_id):
        # 联席会议能不能邀请企业代表列席: a working rule says it, of no group's duty; quoted, not judged by whose
        return tools.answer(question, tools.topic_parts(best), entities, top.score)
    holds = any(h.clause.subject == group_id for h in best)
    claimed = query.marked_aspects or query.aspects
    if claimed:  # …是改善社会服务组服务方面的任务吗: the group and the aspect must both be right
        holds = holds and tools.kb.facts[top.clause.fact].aspect in claimed
    # 法治组的职责是不是包括编发工作简报 (综合组's): not, whose it is, and what the group named does itself
    own = [describe.duty(group)] if not holds and not claimed and group.duty is not None else []
    return tools.answer(question, [tools.verdict(holds), *tools.topic_parts(best), *own], entities, top.score)


def _member_by_rule(tools: Tools, group: Group, holder: Entity) -> bool:
    """A group whose members are "各专题组和保障组组长、副组长": the leaders and deputies of the groups of
    the kinds its members passage names are its members."""
    quote = group.members.quote if group.members is not None else None
    if not quote or holder.kind is not EntityKind.PERSON:
        return False
    kinds = {g.kind for g in tools.kb.groups.values() if g.kind in quote}
    posts = {kind for kind, word in ((RoleKind.LEADER, "组长"), (RoleKind.DEPUTY, "副组长")) if word in quote}
    return any(r.kind in posts and tools.kb.groups[r.group].kind in kinds for r in tools.kb.roles_of(holder.id))


_PLAIN_PLACES = frozenset({"组长", "副组长", "成员", "主任", "副主任"})  # judged by their tiers below


def _own_role_word(tools: Tools, query: Query) -> str | None:
    """A place the notice names besides the plain ones (秘书长, 主任委员, 召集人), claimed in the question."""
    found = sorted((w for w in tools.place_words - _PLAIN_PLACES if place_stem(w) in query.text), key=len, reverse=True)
    return found[0] if found else None
