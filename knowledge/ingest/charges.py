"""A table of charges, one body per row (序号 | 河湖名称 | 县级河长（湖长） | 职务 | 联系部门, or 片区 片长 包含社区（村） as text rows):
each row's body (a river, a lake, a 片区) a place of its own under the notice's group, held by the row's person (with the row's title) in the
column's own word and by the row's units in theirs. Only a table whose rows all read so is taken."""

from __future__ import annotations

import re

from knowledge.ingest.draft import Draft, is_unit
from knowledge.ingest.groups import Scope, group_id, kind_set_under
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
        header = _cells(line)
        if len(header) < 3:
            continue
        rows = []
        for row in lines[i + 1 :]:
            cells = _cells(row)
            if len(cells) != len(header):
                break
            rows.append((row, cells))
        found_body = _body_column(header, [cells for _, cells in rows])
        charges = _columns(header, [cells for _, cells in rows], found_body[0]) if found_body else None
        if found_body is None or charges is None:
            continue
        # 专班 | 牵头县领导 | … under 下设5个工作专班: the rows' bodies are of the kind the notice sets up
        under = kind_set_under(draft.notice)
        kind = under if under and under.endswith(found_body[1]) else found_body[1]
        body, person, title, units = charges
        for n, (row, cells) in enumerate(rows, start=i + 1):
            entry = {"id": group_id(cells[body], taken), "name": cells[body], "kind": kind, "section": row.section}
            entry["parent"] = top["id"]
            held = draft.person(cells[person], cells[title] if title is not None else None, row.text, row.section)
            roles = [{"role": header[person], "persons": [held], "quote": row.text, "section": row.section}]
            for k in units:
                listed = [draft.unit(u, row.text, row.section) for u in _listed(cells[k])]
                roles.append({"role": header[k], "units": listed, "quote": row.text, "section": row.section})
            entry["roles"] = roles
            found.append(Scope(entry, row=n))
    return found


def _cells(line: Line) -> list[str]:
    """A row's cells: a markdown row's, or a row the crawl flattened to cells kept apart by spaces (第一片区 陈某
    甲社区、乙社区); none for a heading or a sentence."""
    if line.text.startswith(("|", "｜")):
        return row_cells(line.text)
    if line.level or re.search(r"[。；;:：，,]", line.text):
        return []
    return row_cells(line.text)


def _body_column(header: list[str], rows: list[list[str]]) -> tuple[int, str] | None:
    """The column of the bodies and their kind: the one headed X名称 (河湖名称 → 河湖), or the one whose every cell is
    a body of the kind its header names (片区: 第一片区, 第二片区)."""
    for k, cell in enumerate(header):
        m = _BODY_HEAD.match(cell)
        if m:
            return k, m.group(1)
    for k, cell in enumerate(header):
        named = rows and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", cell)
        if named and all(r[k].endswith(cell) and len(r[k]) > len(cell) and "、" not in r[k] for r in rows):
            return k, cell
    return None


# 白沙社区、河滨社区、东坪村: the communities (villages) a row lists, each its own, like units
_AREA = re.compile(r"[\u4e00-\u9fff]{2,12}(?:社区|村|居委会|镇|乡|街道)")


def _listed(cell: str) -> list[str]:
    """A unit cell as the units (or communities) it lists: one unit, or items joined by 、 that are each one."""
    items = cell.split("、")
    if len(items) > 1 and all(is_unit(i) or _AREA.fullmatch(i) for i in items):
        return items
    return [cell]


def _columns(header: list[str], rows: list[list[str]], body: int) -> tuple[int, int, int | None, list[int]] | None:
    """(body, person, title, unit columns) of a table whose every row has a body, one person and units, else None."""
    if len(rows) < 2:
        return None
    persons = [k for k in range(len(header)) if all(is_name(r[k]) for r in rows)]
    title = next((k for k, c in enumerate(header) if c in _TITLE_HEADS), None)
    rest = [k for k in range(len(header)) if k not in (body, title, *persons) and header[k] not in _SERIAL_HEADS]
    if (
        len(persons) != 1
        or not rest
        or not all(is_unit(u) or _AREA.fullmatch(u) for r in rows for k in rest for u in _listed(r[k]))
    ):
        return None
    if not all(r[body] for r in rows):
        return None
    return body, persons[0], title, rest
