"""What an adjusting notice says changed in its roster: 原组长X同志因工作调动，不再担任组长，由省长Y同志接任;
增补Z同志为副组长; Y（title）接替X任副组长; 原成员A、B不再担任. The one who left is recorded as such and never as a
holder of the place.

A notice that only adjusts some places (部分成员调整: 组长：由Y担任（原组长X不再担任）, （一）Y（title）接替X,
其他成员不变) gives no roster line for them: whoever it puts in a place (who takes over, who is added) is then
that place's holder as far as the notice names them, and the place says the rest of its holders are not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.ingest.draft import CHECK, Draft
from knowledge.ingest.groups import Scope, scope_of
from knowledge.ingest.names import is_name, roster_name, trailing_name
from knowledge.ingest.roster import LABEL, ROLES, Holder, add_holding
from knowledge.ingest.sections import Line

_ROLE_ALT = "|".join(ROLES)
# 原领导小组组长方建华同志因工作调动，不再担任组长，由省长孙志远同志接任 / 张志强同志不再担任副组长 /
# 原成员汪某、蔡某因工作变动不再担任领导小组成员
_LEFT = re.compile(
    rf"(?:^|(?<=[,，;；:：])|原)([^,，。;；:：原]{{2,40}}?)(?:同志)?(?:[,，]?因[^,，。;；]{{1,20}}?[,，]?)?不再担任"
    rf"(?:[^,，。;；]{{0,20}}?({_ROLE_ALT}))?(?:职务)?(?:[,，]?由([^,，。;；]{{2,40}}?)(?:同志)?(?:接任|担任))?"
)
# 增补省医保局局长马文杰同志为副组长 / 增补X、Y为成员 / 增补万某（市卫生健康委副主任）为成员
_ADDED = re.compile(rf"增补([^,，。;；]{{2,80}}?)(?:同志)?为(?:[^,，。;；]{{0,20}}?)({_ROLE_ALT})")
# 邹某（市市场监管局局长）接替章某任副组长 / （一）彭某（市教育体育局副局长）接替刘某: the place is the one named, or
# the one its line or heading is labelled with (三、成员：)
_REPLACES = re.compile(
    rf"(?:^|(?<=[,，;；:：]))([^,，。;；:：]{{2,40}}?)(?:同志)?接替([^,，。;；:：（(]{{2,8}}?)(?:同志)?"
    rf"(?:(?:任|担任)[^,，。;；]{{0,20}}?({_ROLE_ALT}))?(?=[,，。;；]|$)"
)
# 组长：由副市长罗某担任（原组长何某不再担任）: who holds the place now, said before who left it
_NOW_HELD = re.compile(rf"^({_ROLE_ALT})[:：]由([^,，。;；（(]{{2,40}}?)(?:同志)?担任[（(]$")
# 其他成员不变 / 其余成员不变: the notice lists only the places it changes
_REST_UNCHANGED = re.compile(r"(?:其他|其余)(?:组成人员|成员)(?:职务)?不变")
_PARTIAL = (
    "an adjustment that names only the places it changes ({said}): these are the holders it names, the rest of "
    "the place is not in this notice"
)


@dataclass
class _Placed:
    """The people an adjustment puts in one place, and the lines that say so."""

    persons: list[tuple[str, str | None]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def read_changes(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    placed: dict[tuple[int, str], _Placed] = {}  # (scope, role) → who the changes put there
    labels = _labels(lines)
    for index, line in enumerate(lines):
        scope = scope_of(scopes, index)
        group = scope.entry
        for sentence in re.split(r"(?<=[。;；])", line.body):
            done = _left_bodies(draft, scopes, sentence, line.section)
            for m in _LEFT.finditer(sentence):
                if any(m.start() < end and start < m.end() for start, end in done):
                    continue
                taken = _left(draft, group, m, sentence, line.section)
                if taken:
                    _place(placed, scopes.index(scope), taken[0], taken[1], index)
            for m in _ADDED.finditer(sentence):
                for person in _added(draft, group, m, line.section):
                    _place(placed, scopes.index(scope), m.group(2), person, index)
            for m in _REPLACES.finditer(sentence):
                role = m.group(3) or labels.get(index)
                taken = _replaced(draft, group, m, role, line.section) if role else None
                if taken:
                    _place(placed, scopes.index(scope), role, taken, index)  # type: ignore[arg-type]
    rest = next((m.group(0) for line in lines if (m := _REST_UNCHANGED.search(line.text))), None)
    for (k, role), who in placed.items():
        _hold(draft, scopes[k].entry, role, who, lines, rest)


# 刘某同志因工作调动，不再担任市安全生产委员会常务副主任、市食品安全委员会副主任: places in bodies named each
_LEFT_BODIES = re.compile(
    r"(?:^|(?<=[,，;；:：]))([^,，。;；:：原]{2,40}?)(?:同志)?(?:[,，]?因[^,，。;；]{1,20}?[,，]?)?不再担任([^,，。;；]+)"
)


def _left_bodies(draft: Draft, scopes: list[Scope], sentence: str, section: str) -> list[tuple[int, int]]:
    """Who leaves places the clause names each with its body (不再担任A委员会常务副主任、B委员会副主任), where
    every piece is a body of the notice and one of its places: the change is recorded in each body named. The
    spans of the clauses read so."""
    done = []
    for m in _LEFT_BODIES.finditer(sentence):
        named = _left_names(m.group(1))
        places = [_body_place(scopes, piece) for piece in m.group(2).split("、")]
        if named is None or named[0] or not places or None in places or not draft.stands(m.group(0)):
            continue
        for group, role in places:  # type: ignore[misc]
            former = [draft.person(name, None, m.group(0), section) for name in named[1]]
            change = {"role": role, "former": former, "quote": m.group(0), "section": section}
            group.setdefault("changes", []).append(change)
        done.append(m.span())
    return done


def _body_place(scopes: list[Scope], piece: str) -> tuple[dict, str] | None:
    """市安全生产委员会常务副主任 → (that body, 常务副主任), where the body is one of the notice's by a name of it."""
    piece = piece.strip().removesuffix("职务")
    for scope in scopes:
        group = scope.entry
        for name in sorted({group["name"], group.get("full_name"), *group.get("aliases", [])} - {None}, key=len):
            if len(name) >= 3 and piece.startswith(name) and piece[len(name) :] in ROLES:
                return group, piece[len(name) :]
    return None


def _labels(lines: list[Line]) -> dict[int, str]:
    """The place each line speaks of by its label or its heading's (二、副组长：… / 三、成员： and its items)."""
    out: dict[int, str] = {}
    heading: tuple[int, str] | None = None  # (level, role)
    for i, line in enumerate(lines):
        m = LABEL.match(line.body)
        if line.level and heading and line.level <= heading[0]:
            heading = None
        if line.level and m:
            heading = (line.level, m.group(1))
        if m:
            out[i] = m.group(1)
        elif heading:
            out[i] = heading[1]
    return out


def _place(placed: dict, scope: int, role: str, person: tuple[str, str | None], line: int) -> None:
    who = placed.setdefault((scope, role), _Placed())
    if person[0] not in (p for p, _ in who.persons):
        who.persons.append(person)
    if line not in who.lines:
        who.lines.append(line)


def _hold(draft: Draft, group: dict, role: str, who: _Placed, lines: list[Line], rest: str | None) -> None:
    """The place's holders as the changes name them, where the notice gives the place no roster line."""
    if any(h["role"] == role for h in group.get("roles", [])):
        return  # the notice's roster says who holds it (an adjustment that lists the whole roster too)
    taken = lines[min(who.lines) : max(who.lines) + 1]
    if not add_holding(
        draft, group, role, Holder(persons=who.persons), " ".join(line.text for line in taken), taken[0].section
    ):
        return
    said = rest or "部分成员调整"
    group["roles"][-1].setdefault(CHECK, []).append(_PARTIAL.format(said=said))


def _person(text: str) -> str | None:
    """The name at the end of ``title + name`` (省长孙志远), or a bare name."""
    text = re.sub(r"同志$", "", text.strip())
    named = trailing_name(text)
    return named[1] if named else (text if is_name(text) else None)


def _titled(text: str) -> tuple[str, str | None] | None:
    """A person as a change names them: 万某（市卫生健康委副主任）, 市统计局局长周某, 周某 → (name, title)."""
    text = re.sub(r"同志$", "", text.strip())
    m = re.fullmatch(r"([^()（）]{2,8}?)\s*(?:同志)?[（(]([^()（）]+)[)）]", text)
    if m and roster_name(m.group(1), m.group(2)):  # a title in brackets: a name by its shape, whatever the surname
        return m.group(1), m.group(2)
    named = trailing_name(text)
    if named:
        return named[1], named[0]
    return (text, None) if is_name(text) else None


def _left_names(text: str) -> tuple[str, list[str]] | None:
    """Who a 不再担任 clause names, and the place said before them: 组长方建华 → (组长, [方建华]); 成员汪某、蔡某 →
    (成员, [汪某, 蔡某])."""
    first, *others = re.split(r"[、和]", text)
    named = trailing_name(first) or (("", first) if is_name(first) else None)
    if named is None or not all(is_name(n) for n in others):
        return None
    return named[0], [named[1], *others]


def _left(
    draft: Draft, group: dict, m: re.Match[str], sentence: str, section: str
) -> tuple[str, tuple[str, None]] | None:
    """Record who left a place; the one the sentence says holds it now (组长：由Y担任（原组长X不再担任）), if any."""
    named = _left_names(m.group(1))
    held = re.search(rf"({_ROLE_ALT})$", named[0]) if named and named[0] else None
    if named is None or not (m.group(2) or held) or not draft.stands(m.group(0)):
        return None
    role = m.group(2) or held.group(1)  # type: ignore[union-attr]
    quote = m.group(0)
    successor = _person(m.group(3)) if m.group(3) else None
    now = _NOW_HELD.match(sentence[: m.start()])
    if successor is None and now and now.group(1) == role and (found := _titled(now.group(2))):
        successor = found[0]
        quote = sentence.strip().rstrip("。;；")
        if not draft.stands(quote):
            return None
        draft.person(found[0], found[1], quote, section)
    change: dict = {"role": role, "former": [draft.person(name, None, quote, section) for name in named[1]]}
    if successor:
        change["successors"] = [draft.person(successor, None, quote, section)]
    group.setdefault("changes", []).append(change | {"quote": quote, "section": section})
    return (role, (successor, None)) if successor else None


def _added(draft: Draft, group: dict, m: re.Match[str], section: str) -> list[tuple[str, str | None]]:
    persons = [_titled(piece) for piece in re.split(r"、|和(?![^（(]*[)）])", m.group(1))]
    if not persons or None in persons or not draft.stands(m.group(0)):
        return []
    read = [p for p in persons if p]
    added = [draft.person(name, title, m.group(0), section) for name, title in read]
    change = {"role": m.group(2), "added": added, "quote": m.group(0), "section": section}
    group.setdefault("changes", []).append(change)
    return read


def _replaced(draft: Draft, group: dict, m: re.Match[str], role: str, section: str) -> tuple[str, str | None] | None:
    """邹某（title）接替章某: who took the place over from whom."""
    successor, former = _titled(m.group(1)), m.group(2)
    if successor is None or not is_name(former) or not draft.stands(m.group(0)):
        return None
    change = {
        "role": role,
        "former": [draft.person(former, None, m.group(0), section)],
        "successors": [draft.person(successor[0], successor[1], m.group(0), section)],
    }
    group.setdefault("changes", []).append(change | {"quote": m.group(0), "section": section})
    return successor
