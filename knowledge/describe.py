"""Sentences about the facts: the wording of every answer, in one place.

Each function returns a ``Part``: one sentence of the answer and the ids of the facts it rests on.
A part about an unstated fact says “通知原文未载明…” and names nothing it does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.answer import UNSTATED
from knowledge.facts import (
    UNIT_ITEM_HEAD,
    Aspect,
    DocumentField,
    Group,
    Holding,
    Knowledge,
    OfficeStatus,
    Person,
    RoleKind,
    Tier,
    Title,
)
from knowledge.loader import aspect_fact_id, common_fact_id, holding_fact_id
from knowledge.portfolio import bracketed_charges


@dataclass(frozen=True)
class Part:
    text: str
    facts: tuple[str, ...] = ()


def title_text(kb: Knowledge, title: Title) -> str:
    """A title as the bot says it: with its unit where the title leaves it out (a 联络员 table's row
    省公安厅 | 熊斌 | 科技信息化处副处长 → 省公安厅科技信息化处副处长)."""
    unit = kb.units.get(title.unit) if title.unit else None
    if unit is None or unit.umbrella or any(n in title.title for n in (unit.name, *unit.aliases)):
        return title.title
    return unit.name + title.title


def titles_text(kb: Knowledge, person: Person) -> str:
    """The person's titles, with what they are in charge of where the notice writes it after the name (副县长
    马国庆（分管农业农村、商务工作）)."""
    titles = "、".join(title_text(kb, t) for t in person.titles)
    charges = [c for c in bracketed_charges(person) if c not in titles]
    return f"{titles}，分管{'、'.join(charges)}" if titles and charges else titles


def person_with_titles(kb: Knowledge, person_id: str) -> str:
    person = kb.people[person_id]
    titles = titles_text(kb, person)
    return f"{person.name}（{titles}）" if titles else person.name


def title_facts(person: Person) -> tuple[str, ...]:
    return tuple(f"person.{person.id}.title{i}" for i in range(1, len(person.titles) + 1))


_LEADING_UNITS = ("牵头单位", "组长单位", "主任单位", "指挥长单位", "召集单位")  # a unit at the head of a body


def leader(kb: Knowledge, group: Group) -> Part:
    fact, head = f"group.{group.id}.leader", group.leader
    leading = [h for h in group.roles if h.role in _LEADING_UNITS and h.units]
    if head.person is None and not head.posts and leading and not group.holdings(Tier.HEAD):
        # 道路交通那个谁牵头 / 宣传组组长是谁: no head named, the unit at its head (主任单位 / 牵头单位) is
        units = "、".join(kb.units[u].name for u in leading[0].units)
        text = f"{UNSTATED}{group.name}的{head.role}；{leading[0].role}：{units}。"
        return Part(text, (holding_fact_id(group.id, leading[0]),))
    if head.person is None and not head.posts:
        return Part(f"{UNSTATED}{group.name}的{head.role}。", (fact,))
    if len(head.persons) > 1:  # 组长：陈建国、刘明 — two heads side by side
        names = "、".join(person_with_titles(kb, p) for p in head.persons)
        return Part(f"{group.name}{head.role}（{len(head.persons)}位）：{names}。", (fact,))
    holder = (
        person_with_titles(kb, head.person) if head.person else "、".join(_placed(kb, leading, p) for p in head.posts)
    )
    text = f"{group.name}{head.role}：{holder}。"
    facts = (fact, *(holding_fact_id(group.id, h) for h in leading))
    if head.role.startswith("第一"):  # 第一组长 above 组长: the 组长 leads it too
        plain = [h for h in group.holdings(Tier.HEAD) if h.role == head.role.removeprefix("第一") and h.persons]
        for held in plain:
            names = "、".join(person_with_titles(kb, p) for p in held.persons)
            text += f"{group.name}{held.role}：{names}。"
            facts += (holding_fact_id(group.id, held),)
    return Part(text, facts)


def _placed(kb: Knowledge, leading: list[Holding], post: str) -> str:
    """A post said by the group's own unit place (牵头单位负责同志), with the units that hold that place:
    牵头单位负责同志（牵头单位：省应急管理厅）."""
    for held in (h for h in leading if post.startswith(h.role)):
        return f"{post}（{held.role}：{'、'.join(kb.units[u].name for u in held.units)}）"
    return post


def deputies(kb: Knowledge, group: Group) -> Part:
    fact = f"group.{group.id}.deputies"
    held = group.deputies
    if held is None:
        head = group.leader.role
        if group.leader.person is None and not group.leader.posts:  # 督查组: its head is lost with the rest
            return Part(f"{UNSTATED}{group.name}设副{head}。", (f"group.{group.id}.leader",))
        return Part(f"{UNSTATED}{group.name}设副{head}；通知只写明了它的{head}。", (f"group.{group.id}.leader",))
    if held.unstated:
        return Part(f"{UNSTATED}{group.name}的{held.role}{'单位' if group.aspects else ''}。", (fact,))
    if held.persons or held.posts:
        names = [person_with_titles(kb, p) for p in held.persons] + list(held.posts)
        return Part(f"{group.name}{held.role}（{len(names)}位）：{'、'.join(names)}。", (fact,))
    units = [kb.units[u].name for u in held.units]
    return Part(f"{group.name}{held.role}由{'、'.join(units)}（共{len(units)}个单位）的分管负责人担任。", (fact,))


def members(kb: Knowledge, group: Group, asked: tuple[str, ...] = ()) -> Part:
    """Everyone the group names, counted; only the sub-lists ``asked`` (专家委员) where the question names them."""
    held = group.holdings(Tier.MEMBER)
    fact = (f"group.{group.id}.members",)
    chosen = [h for h in held if h.part in asked]
    if chosen:
        return join([_sub_list(kb, group, h) for h in chosen])
    # (常务副总指挥 / 第一副指挥长: the qualified deputy places too, in the notice's order)
    plain = group.deputies.role if group.deputies is not None else None
    qualified = [h for h in group.holdings(Tier.DEPUTY) if h.role != plain and not h.unstated]
    parts = [leader(kb, group), *(holding(kb, group, (h,)) for h in qualified), deputies(kb, group)]
    # (a post named without its holder, 县委宣传部副部长, is a member like a person: 位, not 个 成员单位)
    posts = [p for h in held for p in h.posts]
    units = [kb.units[u].name for h in held for u in h.units]
    # 成员为各成员单位分管负责同志: who the member units send, not one more member
    sent = [p for p in posts if "成员单位" in p and len(units) + len(posts) > 1]
    people = _people(kb, held) + [p for p in posts if p not in sent]
    if people or units:  # the members by name, counted: 成员（7位）/ 成员单位（23个）
        if people and any(h.part for h in held):  # 委员（48位）：部门委员（22位）…；专家委员（26位）…
            lists = [_sub_list(kb, group, h, own=False).text.rstrip("。") for h in held]
            parts.append(Part(f"{held[0].role}（{len(people)}位）：{'；'.join(lists)}。", fact))
        elif people:
            parts.append(Part(f"{held[0].role}（{len(people)}位）：{'、'.join(people)}。", fact))
        if units:
            who = (
                f"（成员为{'、'.join(p.removeprefix('各成员单位') for p in sent)}）" if sent else _sent_by(held, units)
            )
            label = held[0].role.removesuffix("单位") + "单位"
            parts.append(Part(f"{label}（{len(units)}个）：{'、'.join(units)}{who}。", fact))
    elif group.members is not None and group.members.quote is not None:
        parts.append(Part(f"成员：{group.members.quote.removeprefix('成员:')}。", fact))
    return join(parts)


def holding(kb: Knowledge, group: Group, held: tuple[Holding, ...]) -> Part:
    """A place other than head, deputy or member (秘书长, 联络员): its holders as the notice names them."""
    if any(h.part for h in held):  # 部门委员 / 专家委员: each sub-list under its own label
        return join([_sub_list(kb, group, h) for h in held])
    role = held[0].role
    fact = (holding_fact_id(group.id, held[0]),)
    names = _people(kb, held) + _units_and_posts(kb, held)
    if not names:
        return Part(f"{UNSTATED}{group.name}{role}由谁担任。", fact)
    # 各成员单位确定一名处级干部: whom each unit names, no one person to count (beside those the notice names)
    each = [n for n in names if n.startswith("各")]
    names = [n for n in names if n not in each]
    told = f"；{'、'.join(each)}" if names and each else "、".join(each)
    if not names:
        return Part(f"{group.name}{role}：{told}。", fact)
    units = all(not h.persons and not h.posts for h in held)  # 主任单位（1个）, not 1位
    return Part(f"{group.name}{role}（{len(names)}{'个' if units else '位'}）：{'、'.join(names)}{told}。", fact)


def _sub_list(kb: Knowledge, group: Group, held: Holding, own: bool = True) -> Part:
    """One labelled sub-list of a place (部门委员), counted, with what its label says (按姓氏笔划为序)."""
    names = _people(kb, (held,)) + _units_and_posts(kb, (held,))
    note = f"，{held.note}" if held.note else ""
    text = f"{group.name if own else ''}{held.label}（{len(names)}位{note}）：{'、'.join(names)}。"
    return Part(text, (holding_fact_id(group.id, held),))


def _people(kb: Knowledge, held: tuple[Holding, ...]) -> list[str]:
    """The people holding a place, with their titles; an entry the crawl garbled is quoted as it stands."""
    named = [person_with_titles(kb, p) for h in held for p in h.persons]
    return named + [f"“{u}”（原文乱码，照录）" for h in held for u in h.unread]


def _units_and_posts(kb: Knowledge, held: tuple[Holding, ...]) -> list[str]:
    """The units holding a place, then the posts named without a person."""
    return [kb.units[u].name for h in held for u in h.units] + [post_with_holder(kb, p) for h in held for p in h.posts]


def post_with_holder(kb: Knowledge, post: str) -> str:
    """A post the notice names for a place (市工业和信息化局局长), with the one person the notice gives that title
    elsewhere (its member table's 郑启明 市工业和信息化局局长) — never a person guessed where two or none have it."""
    holder = kb.post_holders.get(post)
    return f"{post}（通知中任此职务的是{kb.people[holder].name}）" if holder is not None else post


_SENT = re.compile(r"[^。；;：:]*?((?:主要|分管|有关)?(?:负责同志|负责人|领导同志))")


def _sent_of(quote: str, unit: str) -> str:
    """Whom a member unit sends, as the run of the list it stands in ends (…研究生院主要负责人，人事处…): the first
    such words after its name; none where the list says none."""
    at = quote.find(unit)
    m = _SENT.match(quote, at + len(unit)) if at >= 0 else None
    return m.group(1) if m else ""


def _sent_by(held: tuple[Holding, ...], units: list[str]) -> str:
    """Who the member units send, as the notice ends their list (…分管负责人 / …等分管领导组成)."""
    quote = "".join(h.quote or "" for h in held)
    last = max((quote.rfind(u) + len(u) for u in units if u in quote), default=-1)
    tail = quote[last:].strip("。；;，,、 ") if last > 0 else ""
    return f"（{tail}）" if 0 < len(tail) <= 16 else ""


def office(
    kb: Knowledge, group: Group, place: bool = True, director: bool = True, deputy: bool = True, duty: bool = False
) -> Part:
    office, fact = group.office, (f"group.{group.id}.office",)
    if office is None or office.status is OfficeStatus.UNSTATED:
        return Part(f"{UNSTATED}{group.name}的办公室。", fact if office else ())
    if office.status is OfficeStatus.NONE:
        return Part(f"通知写明{group.name}不设办公室：{office.quote}", fact)
    pieces = []
    if place:
        where = kb.units[office.host].name if office.host else None
        pieces.append(f"{group.name}办公室设在{where}" if where else f"{UNSTATED}{group.name}办公室设在哪里")

    def said(tier: Tier) -> str:  # (the words of the office's places: whom the units named send)
        return "".join(h.quote or "" for h in office.roles if h.tier is tier)

    if director:
        pieces.append(
            _office_holder(
                kb,
                group,
                "主任",
                office.persons(Tier.HEAD),
                office.holders(Tier.HEAD),
                office.posts_beside(Tier.HEAD),
                said(Tier.HEAD),
            )
        )
    if deputy:
        # (常务副主任由吴海涛担任, the office's only deputy place: said by its own word)
        labels = {h.role for h in office.roles if h.tier is Tier.DEPUTY}
        pieces.append(
            _office_holder(
                kb,
                group,
                labels.pop() if len(labels) == 1 else "副主任",
                office.persons(Tier.DEPUTY),
                office.holders(Tier.DEPUTY),
                office.posts_beside(Tier.DEPUTY),
                said(Tier.DEPUTY),
            )
        )
    if duty:  # 办公室负责哪些事情
        work = office.duty.quote if office.duty is not None else None
        pieces.append(f"办公室的职责：{work}" if work else f"{UNSTATED}{group.name}办公室的职责")
    return Part("；".join(pieces) + "。", fact)


def office_place(kb: Knowledge, group: Group, held: Holding) -> Part:
    """A place in the office other than 主任 and 副主任 (常务副主任, 联络员), as the notice names it."""
    if (
        held.unstated
    ):  # 附件：…办公室联络员名单, the annex itself lost: the place is the office's, who holds it is not said
        return Part(f"{UNSTATED}{group.name}办公室{held.role}的姓名。", (f"group.{group.id}.office",))
    names = _people(kb, (held,)) + _units_and_posts(kb, (held,))
    return Part(f"{group.name}办公室{held.role}：{'、'.join(names)}。", (f"group.{group.id}.office",))


def _office_holder(
    kb: Knowledge,
    group: Group,
    post: str,
    persons: tuple[str, ...],
    others: tuple[str, ...],
    beside: tuple[str, ...],
    quote: str = "",
) -> str:
    if persons:
        named = f"办公室{post}由{'、'.join(person_with_titles(kb, p) for p in persons)}兼任"
        posts = list(beside)
        # (副主任由发展规划处副处长俞可、人事处分管人才工作的副处长担任: the post named for no one too)
        return named + (f"；另一位{post}为{'、'.join(posts)}（{UNSTATED}其姓名）" if posts else "")
    if others:  # units (or posts) the notice names for the place, not people: listed as it names them, counted
        names = [kb.units[x].name if x in kb.units else post_with_holder(kb, x) for x in others]
        units = all(x in kb.units for x in others)
        counted = f"共{len(names)}个单位" if len(names) > 1 and units else ""
        sent = _sent_of(quote, names[-1]) if units else ""  # 由党委宣传部、保卫处分管负责同志担任
        told = "，".join(x for x in (counted, sent) if x)
        return f"办公室{post}：{'、'.join(names)}" + (f"（{told}）" if told else "")
    return f"{UNSTATED}{group.name}办公室{post}由谁担任"


def duty(group: Group) -> Part:
    fact = f"group.{group.id}.duty"
    if group.duty is None or group.duty.quote is None:
        return Part(f"{UNSTATED}{group.name}的职责。", (fact,))
    return Part(f"{group.name}的主要职责：{group.duty.quote}", (fact,))


_DUTY_ITEM = re.compile(
    r"(?=[一二三四五六七八九十]是)|(?<![\d.])(?=\d{1,2}[.．、])|(?=[（(][一二三四五六七八九十][)）])"
)


# 3.县人武部:负责组织民兵应急分队…: an item of a duty list that names the unit it is for
_UNIT_ITEM = re.compile(
    r"(?:^|(?<=[\n。；;]))[ \t\u3000]*\d{1,2}[ \t]*[.．、][ \t]*([^：:\n。，,]{2,30}?)[ \t]*[：:][ \t\u3000]*([^\n]*)",
    re.MULTILINE,
)
_UNIT_LIST = 3  # items naming units a duty list has when it is a list of the member units' duties


def unit_duties(kb: Knowledge, unit_id: str) -> list[Part]:
    """What a group's duty list gives one member unit to do (成员单位职责: 1.县应急管理局：负责…), each item
    quoted; an item whose words the crawl lost is said to be unstated."""
    unit = kb.units[unit_id]
    names = {unit.name, *unit.aliases}
    parts: list[Part] = []
    for group in kb.groups.values():
        if group.duty is None or group.duty.quote is None:
            continue
        for found in _UNIT_ITEM.finditer(group.duty.quote):
            if found.group(1).strip() not in names:
                continue
            said = found.group(2).strip()
            fact = (f"group.{group.id}.duty",)
            text = f"{unit.name}的职责：{said}" if said else f"{UNSTATED}{unit.name}的职责。"
            parts.append(Part(text, fact if said else ()))
    for requirement in kb.requirements:  # 附件：成员单位职责分工 1. 省财政厅：负责…, each item a rule of its list
        if kb.unit_items.get(requirement.id) == unit_id:
            said = UNIT_ITEM_HEAD.match(requirement.quote or "").group(2).strip()  # type: ignore[union-attr]
            parts.append(Part(f"{unit.name}的职责（{requirement.section}）：{said}", (f"req.{requirement.id}",)))
    return parts


def lists_unit_duties(kb: Knowledge) -> bool:
    """Whether a group's duties are a list of what each member unit does (1.县应急管理局：… 2.县林业局：…)."""
    units = {n for u in kb.units.values() for n in (u.name, *u.aliases)}
    return len(kb.unit_items) >= _UNIT_LIST or any(
        sum(m.group(1).strip() in units for m in _UNIT_ITEM.finditer(g.duty.quote)) >= _UNIT_LIST
        for g in kb.groups.values()
        if g.duty is not None and g.duty.quote
    )


def duty_item(group: Group, number: int) -> Part | None:
    """The numbered item of a group's duties (一是… / 1.… / （一）…) a question asks for by its number, or
    that the duties have fewer; None where they are not numbered."""
    if group.duty is None or group.duty.quote is None:
        return None
    items = [i.strip("；;。 ") for i in _DUTY_ITEM.split(group.duty.quote) if i.strip("；;。 ")]
    numbered = [
        i for i in items if _DUTY_ITEM.match(i) or re.match(r"[一二三四五六七八九十]是|\d{1,2}[.．、]|[（(]", i)
    ]
    if len(numbered) < 2:
        return None
    fact = (f"group.{group.id}.duty",)
    if number > len(numbered):
        return Part(f"{UNSTATED}{group.name}主要职责的第{number}项：通知只列了{len(numbered)}项。", fact)
    return Part(f"{group.name}主要职责的第{number}项：{numbered[number - 1]}。", fact)


def aspect_duty(group: Group, aspect: Aspect) -> Part:
    duty_ = group.aspect(aspect)
    if duty_ is None:
        return Part(f"{UNSTATED}{group.name}在{aspect.value}方面的职责：通知只对专题组按放权、监管、服务分列职责。", ())
    fact = aspect_fact_id(group.id, aspect)
    if duty_.quote is None:
        return Part(f"{UNSTATED}{group.name}在{aspect.value}方面的职责。", (fact,))
    body = duty_.quote.removeprefix(f"{aspect.value}方面，")
    return Part(f"{group.name}在{aspect.value}方面：{body}", (fact,))


def common_duty(kb: Knowledge, kind: str) -> Part:
    common = kb.common_duty(kind)
    if common is None:
        return Part(f"{UNSTATED}各{kind}的共同职责。")
    return Part(f"各{kind}的共同职责：{common.quote}", (common_fact_id(kind),))


def group_card(kb: Knowledge, group: Group) -> Part:
    kind = "" if kb.is_top(group.id) else f"（{group.kind}）"
    head = Part(f"{group.name}{kind}。")
    # (第二片区 包含社区（村）: the places of its own the notice fills, beside its head and duty)
    own = [holding(kb, group, (h,)) for h in group.holdings(Tier.OTHER) if not h.unstated and (h.units or h.persons)]
    return join([head, leader(kb, group), *own, duty(group)])


def group_kind(kb: Knowledge, group: Group) -> Part:
    structure = ("doc.structure",) if "structure" in kb.document else ()
    if kb.is_top(group.id):
        under = "和".join(f"{len([g for g in kb.under_top() if g.kind == k])}个{k}" for k in kb.kinds())
        named = f"{group.name}即{group.full_name}" if group.full_name else group.name
        return Part(f"{named}，下设{under}。" if under else f"{named}。", structure)
    parent = kb.groups[group.parent].name if group.parent else None
    return Part(f"{group.name}是{parent}下设的{group.kind}。" if parent else f"{group.name}是{group.kind}。", structure)


def groups_list(kb: Knowledge, kinds: tuple[str, ...]) -> Part:
    sentences = []
    for kind in kinds:
        names = [g.name for g in kb.under_top() if g.kind == kind]
        sentences.append(f"{len(names)}个{kind}：{'、'.join(names)}")
    total = sum(g.kind in kinds for g in kb.under_top())
    tail = f"（共{total}个组）" if len(kinds) > 1 else ""
    structure = ("doc.structure",) if "structure" in kb.document else ()
    if not kb.top:  # a notice about several bodies side by side: none is set up under another
        return Part(f"通知涉及{'；'.join(sentences)}{tail}。", structure)
    return Part(f"{kb.groups[kb.top].name}下设{'；'.join(sentences)}{tail}。", structure)


def person_roles(kb: Knowledge, person_id: str, via_title: str | None = None) -> Part:
    person = kb.people[person_id]
    roles = kb.roles_of(person_id)
    held = [f"{kb.groups[r.group].name}{r.label}" for r in roles]
    led = [r for r in roles if r.kind is RoleKind.LEADER and not kb.is_top(r.group)]
    top = kb.groups[kb.top] if kb.top else None
    by_rule: tuple[str, ...] = ()
    if led and top is not None:
        held.append(f"共任{len(led)}个组的组长")
        rule = (top.members.quote or "").removeprefix("成员:") if top.members is not None else ""
        if any(kind in rule for kind in kb.kinds()):  # 成员:各专题组和保障组组长、副组长
            held.append(f"{top.name}成员（{rule}为{top.name}成员）")
            by_rule = (f"group.{top.id}.members",)
    elif len(led) > 1:  # several bodies side by side (5个委员会的主任): how many the person heads
        kinds = list(dict.fromkeys(kb.groups[r.group].kind for r in led))
        kind = kinds[0] if len(kinds) == 1 else "机构"
        held.append(f"共任{len(led)}个{kind}的{'、'.join(dict.fromkeys(r.label for r in led))}")
    titles = titles_text(kb, person)
    lead = f"{via_title}是{person.name}。" if via_title and not person.post else ""  # (a post names itself)
    within = top.name if top is not None else "通知"
    # 李文钢是什么职务, of a roster naming no post: the notice gives only the place in the group
    about = f"{titles}；" if titles else "" if person.post else f"{UNSTATED}其职务和单位；"
    text = f"{lead}{person.name}：{about}在{within}中任{'；'.join(held)}。"
    return Part(text, title_facts(person) + tuple(dict.fromkeys(r.fact for r in roles)) + by_rule)


_HEADS_AND_DEPUTIES = (RoleKind.LEADER, RoleKind.DEPUTY, RoleKind.OFFICE_DIRECTOR, RoleKind.OFFICE_DEPUTY_DIRECTOR)


def unit_roles(kb: Knowledge, unit_id: str) -> Part:
    unit = kb.units[unit_id]
    sentences = []
    for role in kb.roles_of(unit_id):
        group = kb.groups[role.group]
        if role.kind is RoleKind.DEPUTY_UNIT:
            sentences.append(f"{group.name}{role.label}单位（分管负责人任{role.label}）")
        elif role.kind is RoleKind.MEMBER_UNIT:  # 成员单位, not 成员单位单位; and whom it sends, where the list says
            sent = _sent_of(kb.facts[role.fact].quote or "", unit.name) if role.fact in kb.facts else ""
            sentences.append(f"{group.name}{role.label.removesuffix('单位')}单位" + (f"（{sent}）" if sent else ""))
        elif role.kind is RoleKind.LEADER_UNIT:
            head = kb.people[group.leader.person] if group.leader.person else None
            title = next((t.title for t in head.titles if t.unit == unit_id), None) if head else None
            if head is not None and title is not None:
                sentences.append(f"{group.name}{group.leader.role}由{title}{head.name}担任")
            else:  # the unit itself stands in the head's place (牵头单位：市民政局)
                sentences.append(f"{group.name}{role.label.removesuffix('单位')}单位")
        elif role.kind is RoleKind.OFFICE_HOST:
            sentences.append(f"{group.name}办公室设在{unit.name}")
        elif role.kind is RoleKind.OTHER and role.label:  # 第四片区 包含社区（村）: a place of the notice's own
            sentences.append(f"{group.name}{role.label}：{unit.name}")
    posts = [
        p
        for p in kb.people.values()
        if p.post and (p.name.startswith(unit.name) or any(t.unit == unit_id for t in p.titles))
    ]
    held = [(p, r) for p in posts for r in kb.roles_of(p.id) if r.label]
    if sentences:  # 县消防救援大队: a member unit whose 大队长, named by post, is a 副指挥长 too
        sentences += [f"{kb.groups[r.group].name}{r.label}由{p.name}担任" for p, r in held]
        # 省发展改革委 牵头, and its 主任梁志恒 a 副召集人: the places its own people hold, said with its own
        led = {r.group for r in kb.roles_of(unit_id) if r.kind is RoleKind.LEADER_UNIT}
        for person in (p for p in kb.people.values() if not p.post):
            title = next((t.title for t in person.titles if t.unit == unit_id), None)
            mine = [  # (the heads and deputies it gives: a member's place is the person's own, asked of them)
                r
                for r in kb.roles_of(person.id)
                if r.kind in _HEADS_AND_DEPUTIES and not (r.kind is RoleKind.LEADER and r.group in led)
            ]
            if title is not None and mine:
                sentences += [f"{kb.groups[r.group].name}{r.label}由{title}{person.name}担任" for r in mine]
                held += [(person, r) for r in mine]
    facts = tuple(dict.fromkeys([*(r.fact for r in kb.roles_of(unit_id)), *(r.fact for _, r in held)]))
    if not sentences:
        holders = [p for p in kb.people.values() if any(t.unit == unit_id for t in p.titles)]
        if not holders:
            return Part(f"{UNSTATED}{unit.name}在其中的职务。", (f"unit.{unit_id}",))
        named = "、".join(f"{p.name}（{titles_text(kb, p)}）" for p in holders)
        return Part(
            f"通知中{unit.name}只出现在领导职务中：{named}。", tuple(f for p in holders for f in title_facts(p))
        )
    groups = len({r.group for r in kb.roles_of(unit_id)})
    return Part(f"{unit.name}（涉及{groups}个组）：{'；'.join(sentences)}。", facts)


def document_field(kb: Knowledge, field_id: str) -> Part:
    field = kb.document[field_id]
    if field.says_more:  # 撤销松溪镇森林防火指挥部，其工作由镇安全生产委员会承担
        return Part(f"{field.label}：{field.quote}。", (f"doc.{field_id}",))
    return Part(f"{field.label}：{field.value}。", (f"doc.{field_id}",))


def document_fields(kb: Knowledge, fields: list[DocumentField]) -> Part:
    """A field the notice gives once, or several times counted (撤销（3个）：撤销X…；撤销Y…)."""
    if len(fields) == 1:
        return document_field(kb, fields[0].id)
    said = "；".join(f.quote if f.quote.startswith(f.label + f.value) else f.value for f in fields)
    return Part(f"{fields[0].label}（{len(fields)}个）：{said}。", tuple(f"doc.{f.id}" for f in fields))


def requirement(kb: Knowledge, requirement_id: str) -> Part:
    entry = next(r for r in kb.requirements if r.id == requirement_id)
    if entry.quote is None:
        return Part(f"{UNSTATED}{entry.section}的其余内容。", (f"req.{entry.id}",))
    return Part(f"有关要求（{entry.section}）：{entry.quote}", (f"req.{entry.id}",))


def passage(kb: Knowledge, fact_id: str) -> Part:
    """A sentence of the notice no other fact quotes, as it stands."""
    return Part(f"通知原文：{kb.facts[fact_id].quote}", (fact_id,))


def join(parts: list[Part]) -> Part:
    return Part("".join(p.text for p in parts), tuple(dict.fromkeys(f for p in parts for f in p.facts)))
