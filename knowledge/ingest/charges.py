"""A table of charges, one body per row (序号 | 河湖名称 | 县级河长（湖长） | 职务 | 联系部门): each row's body (a river, a
lake) a place of its own under the notice's group, held by the row's person (with the row's title) in the
column's own word and by the row's units in theirs. Only a table whose rows all read so is taken."""

from __future__ import annotations

import re

from knowledge.ingest.draft import Draft, is_unit
from knowledge.ingest.groups import Scope, group_id
from knowledge.ingest.names import is_name
from knowledge.ingest.roster import row_cells
from knowledge.ingest.sections import Line

_BODY_HEAD = re.compile(r"^([\u4e00-\u9fff]{1,6})名称$")  # 河湖名称 → the rows' bodies are 河湖
_TITLE_HEADS = ("职务", "职位")
_SERIAL_HEADS = ("序号", "编号")


def read_charges(draft: Draft, lines: list[Line], scopes: list[Scope]) -> list[Scope]:
    """The bodies such tables list, as scopes of their own (their lines: none; every fact is in the row)."""
    top = scopes[0].entry
    taken = {s.entry["id"] for s in scopes}
    found: list[Scope] = []
    for i, line in enumerate(lines):
        header = row_cells(line.text) if line.text.startswith(("|", "｜")) else []
        kind = next((m.group(1) for c in header if (m := _BODY_HEAD.match(c))), None)
        if kind is None:
            continue
        rows = []
        for row in lines[i + 1 :]:
            cells = row_cells(row.text) if row.text.startswith(("|", "｜")) else []
            if len(cells) != len(header):
                break
            rows.append((row, cells))
        charges = _columns(header, [cells for _, cells in rows])
        if charges is None:
            continue
        body, person, title, units = charges
        for row, cells in rows:
            entry = {"id": group_id(cells[body], taken), "name": cells[body], "kind": kind, "section": row.section}
            entry["parent"] = top["id"]
            held = draft.person(cells[person], cells[title] if title is not None else None, row.text, row.section)
            roles = [{"role": header[person], "persons": [held], "quote": row.text, "section": row.section}]
            for k in units:
                unit = draft.unit(cells[k], row.text, row.section)
                roles.append({"role": header[k], "units": [unit], "quote": row.text, "section": row.section})
            entry["roles"] = roles
            found.append(Scope(entry))
    return found


def _columns(header: list[str], rows: list[list[str]]) -> tuple[int, int, int | None, list[int]] | None:
    """(body, person, title, unit columns) of a table whose every row has a body, one person and units, else None."""
    if len(rows) < 2:
        return None
    body = next(k for k, c in enumerate(header) if _BODY_HEAD.match(c))
    persons = [k for k in range(len(header)) if all(is_name(r[k]) for r in rows)]
    title = next((k for k, c in enumerate(header) if c in _TITLE_HEADS), None)
    rest = [k for k in range(len(header)) if k not in (body, title, *persons) and header[k] not in _SERIAL_HEADS]
    if len(persons) != 1 or not rest or not all(is_unit(r[k]) for r in rows for k in rest):
        return None
    if not all(r[body] for r in rows):
        return None
    return body, persons[0], title, rest
