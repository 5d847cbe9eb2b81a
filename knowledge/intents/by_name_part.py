"""Units or people picked by a piece of their name: 名称里带“委”字的成员单位有哪些 / 以“部”结尾的部委有几个 /
姓王的领导有几位 / 有没有姓李的. The notice's own list filtered, counted and quoted; none found is said so."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import RoleKind
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn

_CHARACTERS = r"(?:这?[一二两三四]个字|[二两三四]字|字)?"  # 带重庆两个字的 / 带“委”字的
_PIECE = r"\s?([\u4e00-\u9fff]{1,4}?)\s?" + _CHARACTERS
# (the question's quotes are spaces in its form: 名称里带 总局 的成员单位)
_CONTAINS = re.compile(
    r"(?:名称|名字|单位名|名)(?:里|中|当中|上)?(?:带|含|含有|包含|带有|有)了?" + _PIECE + r"(?:的|$)"
    r"|(?:带|含|含有|包含|带有)\s([\u4e00-\u9fff]{1,4})\s" + _CHARACTERS + "的"
    r"|(?:带|含|含有|包含|带有)([\u4e00-\u9fff]{1,4}?)(?:这?[一二两三四]个字|[二两三四]字|字)的"
)
_ENDS = re.compile(r"以" + _PIECE + r"(?:结尾|结束|收尾)|([\u4e00-\u9fff]{1,4}?)字(?:结尾)的")
_STARTS = re.compile(r"以" + _PIECE + r"(?:开头|打头|起头)|([\u4e00-\u9fff]{1,4}?)字(?:开头|打头)的")
_SURNAME = re.compile(r"姓\s?([\u4e00-\u9fff]{1,2}?)\s?的")
_NOT_A_PIECE = re.compile(r"什么|啥|哪|几|多少")
_HAS_ASKED = re.compile(r"有没有|是否有|有吗|有么")
_PEOPLE = re.compile(r"人|领导|同志|谁|干部|人员|负责人")
_ASKS = re.compile(r"哪|几|多少|谁|有没有|是否有|有吗|有么|列|分别|的(?:单位|部门|人|领导)[吗呢]?$")
# the place asked of the units, the longest first
_PLACES = (
    ("副组长单位", RoleKind.DEPUTY_UNIT),
    ("牵头单位", RoleKind.LEADER_UNIT),
    ("成员单位", RoleKind.MEMBER_UNIT),
)
_PEOPLE_PLACES = (("副组长", RoleKind.DEPUTY), ("组长", RoleKind.LEADER), ("成员", RoleKind.MEMBER))


@dataclass(frozen=True)
class _Piece:
    text: str
    how: str  # 带 / 以…结尾 / 以…开头 / 姓
    people: bool

    def fits(self, name: str) -> bool:
        if self.how == "结尾":
            return name.endswith(self.text)
        if self.how in ("开头", "姓"):
            return name.startswith(self.text)
        return self.text in name


def names_a_piece(text: str) -> bool:
    """Whether the question picks by a piece of a name (名字里带“华”字的领导), so its 名字 asks no name."""
    return _piece(text) is not None


def _piece(text: str) -> _Piece | None:
    surname = _SURNAME.search(text)
    if surname and not _NOT_A_PIECE.search(surname.group(1)):
        return _Piece(surname.group(1), "姓", True)
    for pattern, how in ((_ENDS, "结尾"), (_STARTS, "开头"), (_CONTAINS, "带")):
        found = pattern.search(text)
        said = next((g for g in found.groups() if g), None) if found else None
        if said and not _NOT_A_PIECE.search(said):
            people = _PEOPLE.search(text) is not None and not re.search("单位|部门|机构|部委", text)
            return _Piece(said, how, people)
    return None


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    piece = _piece(query.text)
    if piece is None or not (query.has(Cue.COUNT, Cue.LIST) or _ASKS.search(query.text)):
        return None
    if any(e.kind is not EntityKind.GROUP for e in turn.entities):
        return None  # 姓王的那个副组长在哪个组 names its person: left to named
    groups = {e.id for e in turn.entities if e.kind is EntityKind.GROUP and not tools.kb.is_top(e.id)}
    kinds = tools.kinds_named(query)
    groups |= {g.id for g in tools.kb.under_top() if g.kind in kinds}
    table = tools.kb.people if piece.people else tools.kb.units
    held = {
        holder: [r for r in tools.kb.roles_of(holder) if not groups or r.group in groups]
        for holder, entry in table.items()
        if not getattr(entry, "post", False) and not getattr(entry, "umbrella", False)
    }
    held = {h: roles for h, roles in held.items() if roles}
    what = "" if piece.people else "单位"
    for word, kind in _PEOPLE_PLACES if piece.people else _PLACES:
        if word in query.text:
            placed = {h: [r for r in roles if r.kind is kind] for h, roles in held.items()}
            if any(placed.values()):
                held, what = {h: roles for h, roles in placed.items() if roles}, word
            break
    if not held:
        return None
    chosen = [h for h in held if piece.fits(table[h].name)]
    how = {"姓": "姓{part}", "结尾": "{name}以“{part}”结尾", "开头": "{name}以“{part}”开头", "带": "{name}中带“{part}”"}
    said = how[piece.how].format(part=piece.text, name="名字" if piece.people else "名称")
    measure = "位" if piece.people else "个"
    if not chosen:
        listed = f"{len(held)}{measure}{what}" if what else f"{len(held)}人"
        text = tools.say("name_part_none", listed=listed, said=said)
        facts = tuple(dict.fromkeys(r.fact for roles in held.values() for r in roles))
        return tools.answer(turn.question, [Part(text, facts)], (), 0.8)
    if piece.people:
        names = "、".join(describe.person_with_titles(tools.kb, h) for h in chosen)
        facts = tuple(f for h in chosen for f in describe.title_facts(tools.kb.people[h]))
    else:
        names = "、".join(table[h].name for h in chosen)
        facts = ()
    facts = tuple(dict.fromkeys((*facts, *(r.fact for h in chosen for r in held[h]))))
    text = tools.say("name_part", said=said, what=what, count=len(chosen), measure=measure, names=names)
    parts = [Part(text, facts)]
    if _HAS_ASKED.search(query.text):
        parts.insert(0, tools.verdict(True, turn.question))
    return tools.answer(turn.question, parts, (), 0.85)
