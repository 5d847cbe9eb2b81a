"""People found by a word of their titles: 深圳派的谁 / 几个副省长 / 省法院的是谁 — the members of a roster
notice are named with their posts, and people ask by the place or the post, not by the name. A unit the
question names (环保部谁参加了, 北师大有人吗, 民政厅来了几个人) is such a word: its people are those whose
titles name it (``by_unit``)."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.abbreviations import looks_like_unit, title_places
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.portfolio import charge_asked, charged, writes_charges
from knowledge.tools import Tools, asks_people_of, post_fits
from knowledge.turn import Turn

_SHORTEST = 2
_POST = re.compile(r"[\u4e00-\u9fff]{0,3}(?:[省市县区镇乡]长|书记|主席)")  # a government's head post: 县长, 市委书记
_WHICH_PLACES = re.compile(r"(?:哪几个|哪些|几个|哪个)(省|市|县|区)")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    titles = {m.via_title for m in query.mentions if m.via_title}
    people = [e for e in entities if e.kind is EntityKind.PERSON]
    if len(titles) == 1 and len(people) > 1 and (query.has(Cue.COUNT, Cue.LIST) or query.asks_person):
        # 几个副省长 / 副省长有几个 / 县级总河长是哪两位: a title several people hold, counted
        title, holders = titles.pop(), [p.id for p in people]
        charge = "、".join(charge_asked(query.text)) if writes_charges(tools.kb) else ""
        if charge:  # 分管市场监管那个副县长: of the post's holders, the one whose charge the notice writes so
            return _by_charge(turn, tools, title, charge, holders)
        return _holders(turn, tools, title, holders)
    if any(e.kind is not EntityKind.GROUP or not tools.kb.is_top(e.id) for e in entities):
        return None  # a person, a unit or a group named: named answers
    if query.has(Cue.WHICH_GROUP) and not query.asks_person:
        return None  # 政府办事窗口…哪个组监督: a group asked for by its work, not people by their titles
    which = _WHICH_PLACES.search(query.text)
    places = title_places(tools.kb, which.group(1)) if which else {}
    if places:  # 哪几个市有人进了: the places whose officials are in the group
        parts = [
            Part(tools.say("places_with_people", level=which.group(1), count=len(places), places="、".join(places)))
        ]
        parts += [describe.person_roles(tools.kb, p) for p in dict.fromkeys(p for ids in places.values() for p in ids)]
        return tools.answer(question, parts, entities, 0.7)
    # 深圳呢 (after 广州谁进了): a bare word of titles with 呢 asks for its people as well
    ellipsis = not query.cues and query.text.endswith("呢") and len(query.content) == 1
    asks = ellipsis or query.asks_person or query.has(Cue.COUNT, Cue.MEMBERS, Cue.ROLES, Cue.YES_NO)
    if not asks or query.has(Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY):
        return None
    if any(p in query.text for p in tools.place_words | tools.office_place_words if len(p) > 2):
        return None  # 常务副主任谁: a place the notice names, not a word of a title
    # not a word of the duties or rules (监管, 科技): those ask which group does the work
    # nor a piece of a unit's name the notice does not have (政局 of 市民政局 is no word of 市财政局局长)
    inside = query.foreign_unit or ""
    words = [
        w
        for w in (*query.content, *query.unknown)
        if len(w) >= _SHORTEST
        and not tools.names_group(w)
        and w not in tools.index.idf
        and not (w in inside and not inside.startswith(w))
    ]
    unheld = None  # 青峪县县长是谁: a post no one in the notice holds (杨帆 is 副县长)
    posts = [p for g in tools.kb.groups.values() for h in g.roles for p in h.posts]  # (分管副市长: a post held)
    for word in dict.fromkeys(words):
        at = query.text.find(word)
        if at > 0 and query.text[at - 1] == "副":
            word = "副" + word  # 副市长 (cut 副 / 市长) asks for deputies' posts: 常务副市长, not 市长
        # 企业 stands for the units named like one (…有限公司): people whose titles name such a unit
        named = tools.lexicon.unit_classes.get(word, (word,))
        people = [p for p in tools.kb.people.values() if any(post_fits(n, t.title) for t in p.titles for n in named)]
        charge = "、".join(charge_asked(query.text)) if people and writes_charges(tools.kb) else ""
        if charge:  # 分管市场监管那个副县长: of the post's holders, the one whose charge the notice writes so
            return _by_charge(turn, tools, word, charge, [p.id for p in people])
        if not people:
            held = word in tools.place_words or any(post_fits(word, p) for p in posts)
            unheld = unheld or (word if _POST.fullmatch(word) and not held else None)
            continue
        foreign = [w for w in query.unknown if w != word and len(w) >= _SHORTEST and w not in tools.notice_text]
        intro = "people_of_unit" if word in tools.lexicon.unit_classes else "people_by_title"
        parts = [Part(tools.say(intro, unit=word, word=word, count=len(people)))]
        parts += [describe.person_roles(tools.kb, p.id) for p in people]
        absent = next((w for w in foreign if asks_people_of(query.text, w)), None)
        if absent is not None:  # 佛山有副市长在里面吗: 没有, and the holders of the post there are
            return _nobody(turn, tools, absent, parts)
        if foreign and not (query.asks_person or query.has(Cue.COUNT, Cue.MEMBERS, Cue.ROLES)):
            return None  # 深圳今天台风停课没: about something else the notice never mentions
        subjects = tuple(dict.fromkeys(m.entity for m in query.mentions))
        return tools.answer(question, parts, subjects, 0.7)
    if unheld is not None and query.asks_person:
        return tools.decline(question, tools.say("post_unheld", post=unheld), prefix_only=True)
    named = [*(w for w in query.unknown if looks_like_unit(w)), *([query.foreign_unit] if query.foreign_unit else [])]
    absent = next((w for w in named if asks_people_of(query.text, w)), None)
    group = entities[0].id if entities else tools.kb.top
    if absent is not None and absent not in tools.notice_text and group is not None:
        # 教育部有成员吗: a unit in no title and nowhere in the notice; the members are the nearest fact
        return _nobody(turn, tools, absent, [describe.members(tools.kb, tools.kb.groups[group])])
    return None


def _by_charge(turn: Turn, tools: Tools, post: str, charge: str, holders: list[str]) -> Answer:
    """The holders of the post in charge of what the question names, each with the charge the notice writes;
    where none is, 未载明, and what each holder's charge is."""
    chosen = charged(tools.kb, turn.query.text, holders, tools.lexicon.charge_equivalent)
    key = "people_by_charge" if chosen else "charge_unstated"
    parts = [Part(tools.say(key, post=post, charge=charge))]
    for person in chosen or holders:
        parts.append(describe.person_roles(tools.kb, person))
    subjects = tuple(Entity(EntityKind.PERSON, p) for p in chosen)
    if not chosen:
        return tools.answer(turn.question, parts, subjects, 0.6)
    return tools.answer(turn.question, parts, subjects, 0.8)


def _holders(turn: Turn, tools: Tools, title: str, people: list[str]) -> Answer:
    """The people holding a title, counted."""
    parts = [Part(tools.say("people_by_title", word=title, count=len(people)))]
    parts += [describe.person_roles(tools.kb, p) for p in people]
    return tools.answer(turn.question, parts, tuple(Entity(EntityKind.PERSON, p) for p in people), 0.8)


def _nobody(turn: Turn, tools: Tools, absent: str, nearest: list[Part]) -> Answer:
    """没有: nobody in the notice is of ``absent``; then the nearest the notice has."""
    parts = [Part(tools.say("nobody_of", what=absent)), *nearest]
    subjects = tuple(dict.fromkeys(m.entity for m in turn.query.mentions))
    return tools.answer(turn.question, parts, subjects, 0.6)
