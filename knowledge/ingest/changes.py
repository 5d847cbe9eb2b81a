"""What an adjusting notice says changed in its roster: 原组长X同志因工作调动，不再担任组长，由省长Y同志接任;
增补Z同志为副组长. The one who left is recorded as such and never as a holder of the place."""

from __future__ import annotations

import re

from knowledge.ingest.draft import Draft
from knowledge.ingest.groups import Scope, scope_of
from knowledge.ingest.names import is_name, trailing_name
from knowledge.ingest.roster import ROLES
from knowledge.ingest.sections import Line

_ROLE_ALT = "|".join(ROLES)
# 原领导小组组长方建华同志因工作调动，不再担任组长，由省长孙志远同志接任 / 张志强同志不再担任副组长
_LEFT = re.compile(
    rf"(?:^|(?<=[,，;；:：])|原)([^,，。;；:：原]{{2,40}}?)(?:同志)?(?:[,，]?因[^,，。;；]{{1,20}}?[,，]?)?不再担任"
    rf"(?:[^,，。;；]{{0,20}}?({_ROLE_ALT}))?(?:职务)?(?:[,，]?由([^,，。;；]{{2,40}}?)(?:同志)?(?:接任|担任))?"
)
# 增补省医保局局长马文杰同志为副组长 / 增补X、Y为成员
_ADDED = re.compile(rf"增补([^,，。;；]{{2,80}}?)(?:同志)?为(?:[^,，。;；]{{0,20}}?)({_ROLE_ALT})")


def read_changes(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    for index, line in enumerate(lines):
        group = scope_of(scopes, index).entry
        for sentence in re.split(r"(?<=[。;；])", line.body):
            for m in _LEFT.finditer(sentence):
                _left(draft, group, m, line.section)
            for m in _ADDED.finditer(sentence):
                _added(draft, group, m, line.section)


def _person(text: str) -> str | None:
    """The name at the end of ``title + name`` (省长孙志远), or a bare name."""
    text = re.sub(r"同志$", "", text.strip())
    named = trailing_name(text)
    return named[1] if named else (text if is_name(text) else None)


def _left(draft: Draft, group: dict, m: re.Match[str], section: str) -> None:
    named = trailing_name(m.group(1)) or (("", m.group(1)) if is_name(m.group(1)) else None)  # 组长 + 方建华
    held = re.search(rf"({_ROLE_ALT})$", named[0]) if named and named[0] else None
    if named is None or not (m.group(2) or held) or not draft.stands(m.group(0)):
        return
    role = m.group(2) or held.group(1)  # type: ignore[union-attr]
    change: dict = {"role": role, "former": [draft.person(named[1], None, m.group(0), section)]}
    successor = _person(m.group(3)) if m.group(3) else None
    if successor:
        change["successors"] = [draft.person(successor, None, m.group(0), section)]
    group.setdefault("changes", []).append(change | {"quote": m.group(0), "section": section})


def _added(draft: Draft, group: dict, m: re.Match[str], section: str) -> None:
    names = [_person(piece) for piece in re.split(r"[、和]", m.group(1))]
    if not names or None in names or not draft.stands(m.group(0)):
        return
    added = [draft.person(name, None, m.group(0), section) for name in names if name]
    change = {"role": m.group(2), "added": added, "quote": m.group(0), "section": section}
    group.setdefault("changes", []).append(change)
