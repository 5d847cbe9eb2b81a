"""An annex the notice lists whose content the crawl lost (附件:某某领导小组办公室联络员名单, then the signature and
nothing more): the place it lists is the group's (or its office's), and who holds it is 未载明 — never the roster's
people, whom a question about that place would otherwise be answered with."""

from __future__ import annotations

import re

from knowledge.ingest.draft import CHECK, Draft
from knowledge.ingest.groups import Scope
from knowledge.ingest.roster import ROLES
from knowledge.ingest.sections import Line

_ROLE_ALT = "|".join(ROLES)
# 附件:X联络员名单 / 附件1：X成员名单 / 附件：1.X联络员名单
_ANNEX_LIST = re.compile(rf"^附件\d?[:：]?(?:\d[.．、])?(.+?)({_ROLE_ALT})(?:人员)?名单$")


def read_missing_annexes(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    for i, line in enumerate(lines):
        m = _ANNEX_LIST.match(line.text.replace(" ", ""))
        if not m:
            continue
        whose, role = m.group(1), m.group(2)
        title = line.text.replace(" ", "").split(whose, 1)[1]
        if any(whose + title in later.text.replace(" ", "") for later in lines[i + 1 :]):
            continue  # the annex itself follows (its title again): what it lists is read where it stands
        target = _holder_of(whose, scopes)
        if target is None or any(r["role"] == role for r in target.get("roles", [])):
            continue
        check = f"the annex {line.text} is not in the crawl: who holds the place is 未载明"
        target.setdefault("roles", []).append({"role": role, "unstated": True, "section": line.section, CHECK: [check]})


def _holder_of(whose: str, scopes: list[Scope]) -> dict | None:
    """The group (or the group's office) an annex's title names: 桐溪县某某领导小组办公室 → that group's office."""
    office = whose.endswith("办公室")
    name = whose.removesuffix("办公室") if office else whose
    found = [
        s.entry for s in scopes if name in (s.entry["name"], s.entry.get("full_name"), *s.entry.get("aliases", []))
    ]
    if len(found) != 1:
        return None
    return found[0].get("office") if office else found[0]
