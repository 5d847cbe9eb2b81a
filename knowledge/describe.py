"""Sentences about the facts: the wording of every answer, in one place.

Each function returns a ``Part``: one sentence of the answer and the ids of the facts it rests on.
A part about an unstated fact says “通知原文未载明…” and names nothing it does not know.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.answer import UNSTATED
from knowledge.facts import Aspect, Group, GroupKind, Knowledge, Person, RoleKind
from knowledge.loader import aspect_fact_id


@dataclass(frozen=True)
class Part:
    text: str
    facts: tuple[str, ...] = ()


def person_with_titles(kb: Knowledge, person_id: str) -> str:
    person = kb.people[person_id]
    return f"{person.name}（{'、'.join(t.title for t in person.titles)}）"


def title_facts(person: Person) -> tuple[str, ...]:
    return tuple(f"person.{person.id}.title{i}" for i in range(1, len(person.titles) + 1))


def leader(kb: Knowledge, group: Group) -> Part:
    fact = f"group.{group.id}.leader"
    if group.leader.person is None:
        return Part(f"{UNSTATED}{group.name}的组长。", (fact,))
    return Part(f"{group.name}组长：{person_with_titles(kb, group.leader.person)}。", (fact,))


def deputies(kb: Knowledge, group: Group) -> Part:
    fact = f"group.{group.id}.deputies"
    if group.deputies is None:
        return Part(f"{UNSTATED}{group.name}设副组长；通知只写明了它的组长。", (f"group.{group.id}.leader",))
    if group.deputies.unstated:
        return Part(f"{UNSTATED}{group.name}的副组长单位。", (fact,))
    if group.deputies.persons:
        names = "、".join(person_with_titles(kb, p) for p in group.deputies.persons)
        return Part(f"{group.name}副组长（{len(group.deputies.persons)}位）：{names}。", (fact,))
    units = [kb.units[u].name for u in group.deputies.units]
    return Part(f"{group.name}副组长由{'、'.join(units)}（共{len(units)}个单位）的分管负责人担任。", (fact,))


def members(kb: Knowledge, group: Group) -> Part:
    parts = [leader(kb, group), deputies(kb, group)]
    if group.members is not None:
        parts.append(Part(f"成员：{group.members.quote.removeprefix('成员:')}。", (f"group.{group.id}.members",)))
    return join(parts)


def office(kb: Knowledge, group: Group, place: bool = True, director: bool = True, deputy: bool = True) -> Part:
    assert group.office is not None
    pieces = []
    if place:
        pieces.append(f"{group.name}办公室设在{kb.units[group.office.location].name}")
    if director:
        pieces.append(f"办公室主任由{person_with_titles(kb, group.office.director)}兼任")
    if deputy:
        pieces.append(f"办公室副主任由{person_with_titles(kb, group.office.deputy_director)}兼任")
    return Part("；".join(pieces) + "。", (f"group.{group.id}.office",))


def duty(group: Group) -> Part:
    fact = f"group.{group.id}.duty"
    if group.duty.quote is None:
        return Part(f"{UNSTATED}{group.name}的职责。", (fact,))
    return Part(f"{group.name}的主要职责：{group.duty.quote}", (fact,))


def aspect_duty(group: Group, aspect: Aspect) -> Part:
    duty_ = group.aspect(aspect)
    if duty_ is None:
        return Part(f"{UNSTATED}{group.name}在{aspect.value}方面的职责：通知只对专题组按放权、监管、服务分列职责。", ())
    fact = aspect_fact_id(group.id, aspect)
    if duty_.quote is None:
        return Part(f"{UNSTATED}{group.name}在{aspect.value}方面的职责。", (fact,))
    body = duty_.quote.removeprefix(f"{aspect.value}方面，")
    return Part(f"{group.name}在{aspect.value}方面：{body}", (fact,))


def common_duty(kb: Knowledge) -> Part:
    return Part(f"各专题组的共同职责：{kb.common_topic_duty.quote}", ("common_topic_duty",))


def group_card(kb: Knowledge, group: Group) -> Part:
    kind = "" if group.kind is GroupKind.COORDINATION else f"（{group.kind.value}）"
    head = Part(f"{group.name}{kind}。")
    return join([head, leader(kb, group), duty(group)])


def group_kind(kb: Knowledge, group: Group) -> Part:
    if group.kind is GroupKind.COORDINATION:
        return Part(f"{group.name}即{group.full_name}，下设4个专题组和3个保障组。", ("doc.structure",))
    return Part(f"{group.name}是协调小组下设的{group.kind.value}。", ("doc.structure",))


def groups_list(kb: Knowledge, kinds: tuple[GroupKind, ...]) -> Part:
    sentences = []
    for kind in kinds:
        names = [g.name for g in kb.groups.values() if g.kind is kind]
        sentences.append(f"{len(names)}个{kind.value}：{'、'.join(names)}")
    total = sum(g.kind in kinds for g in kb.groups.values())
    tail = f"（共{total}个组）" if len(kinds) > 1 else ""
    return Part(f"协调小组下设{'；'.join(sentences)}{tail}。", ("doc.structure",))


_ROLE_WORDS = {
    RoleKind.LEADER: "组长",
    RoleKind.DEPUTY: "副组长",
    RoleKind.OFFICE_DIRECTOR: "办公室主任",
    RoleKind.OFFICE_DEPUTY_DIRECTOR: "办公室副主任",
}


def person_roles(kb: Knowledge, person_id: str, via_title: str | None = None) -> Part:
    person = kb.people[person_id]
    roles = kb.roles_of(person_id)
    held = [f"{kb.groups[r.group].name}{_ROLE_WORDS[r.kind]}" for r in roles]
    led = [r for r in roles if r.kind is RoleKind.LEADER and r.group != "coordination"]
    if led:
        held.append(f"共任{len(led)}个组的组长")
        held.append("协调小组成员（各专题组和保障组组长、副组长为协调小组成员）")
    titles = "、".join(t.title for t in person.titles)
    lead = f"{via_title}是{person.name}。" if via_title else ""
    text = f"{lead}{person.name}：{titles}；在协调小组中任{'；'.join(held)}。"
    return Part(text, title_facts(person) + tuple(dict.fromkeys(r.fact for r in roles)))


def unit_roles(kb: Knowledge, unit_id: str) -> Part:
    unit = kb.units[unit_id]
    sentences = []
    for role in kb.roles_of(unit_id):
        group = kb.groups[role.group]
        if role.kind is RoleKind.DEPUTY_UNIT:
            sentences.append(f"{group.name}副组长单位（分管负责人任副组长）")
        elif role.kind is RoleKind.LEADER_UNIT:
            assert group.leader.person is not None
            head = kb.people[group.leader.person]
            title = next(t.title for t in head.titles if t.unit == unit_id)
            sentences.append(f"{group.name}组长由{title}{head.name}担任")
        elif role.kind is RoleKind.OFFICE_HOST:
            sentences.append(f"{group.name}办公室设在{unit.name}")
    facts = tuple(dict.fromkeys(r.fact for r in kb.roles_of(unit_id)))
    if not sentences:
        holders = [p for p in kb.people.values() if any(t.unit == unit_id for t in p.titles)]
        named = "、".join(f"{p.name}（{'、'.join(t.title for t in p.titles)}）" for p in holders)
        return Part(
            f"通知中{unit.name}只出现在领导职务中：{named}。", tuple(f for p in holders for f in title_facts(p))
        )
    groups = len({r.group for r in kb.roles_of(unit_id)})
    return Part(f"{unit.name}（涉及{groups}个组）：{'；'.join(sentences)}。", facts)


def document_field(kb: Knowledge, field_id: str) -> Part:
    field = kb.document[field_id]
    return Part(f"{field.label}：{field.value}。", (f"doc.{field_id}",))


def requirement(kb: Knowledge, requirement_id: str) -> Part:
    entry = next(r for r in kb.requirements if r.id == requirement_id)
    if entry.quote is None:
        return Part(f"{UNSTATED}{entry.section}的其余内容。", (f"req.{entry.id}",))
    return Part(f"有关要求（{entry.section}）：{entry.quote}", (f"req.{entry.id}",))


def join(parts: list[Part]) -> Part:
    return Part("".join(p.text for p in parts), tuple(dict.fromkeys(f for p in parts for f in p.facts)))
