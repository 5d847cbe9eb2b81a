"""A table of the groups set up under the notice's group, one group per row (| 组别 | 组长单位 | 成员单位 | 主要职责 |, as
table.group_rows rebuilt it): each row's group a scope of its own under the top one, its unit columns places held by
the units the cell lists (in the column's own word), its duties column its duty. Each place quotes its row up to its
own cell, so the citation shows the group and what the row says of it."""

from __future__ import annotations

from knowledge.ingest.draft import CHECK, Draft
from knowledge.ingest.groups import Scope, group_id, kind_of, kind_set_under
from knowledge.ingest.roster import ROLES, Holder, add_holding, read_holders, row_cells, unit_list
from knowledge.ingest.sections import Line
from knowledge.ingest.table import GROUP_HEADS


def read_group_table(draft: Draft, lines: list[Line], scopes: list[Scope]) -> list[Scope]:
    """The groups such a table lists, each a scope whose lines are its row (so the heading above the table, 三、工作组
    及职责, is not read as the top group's duties)."""
    top = scopes[0].entry
    taken = {s.entry["id"] for s in scopes}
    known = {s.entry["name"] for s in scopes}
    under = kind_set_under(draft.notice)
    found: list[Scope] = []
    for i, line in enumerate(lines):
        header = row_cells(line.text) if line.text.startswith(("|", "｜")) else []
        # (| 专业委员会 | 主任 | 牵头单位 |: a kind word heads the column of the groups' names too)
        if not header or (header[0] not in GROUP_HEADS and kind_of(header[0]) != header[0]):
            continue
        for k in range(i + 1, len(lines)):
            cells = row_cells(lines[k].text) if lines[k].text.startswith(("|", "｜")) else []
            if len(cells) != len(header):
                break
            if cells[0] in known:  # a group its own heading sets out too: the row says who holds its places
                scope = next(s for s in [*scopes, *found] if s.entry["name"] == cells[0])
                _read_row(draft, scope.entry, header, cells, lines[k])
                continue
            entry = {"id": group_id(cells[0], taken), "name": cells[0]}
            entry |= {"kind": kind_of(cells[0]) or under or cells[0][-3:], "section": lines[k].section}
            entry["parent"] = top["id"]
            _read_row(draft, entry, header, cells, lines[k])
            found.append(Scope(entry, range(k, k + 1), row=k))
            known.add(cells[0])
    return found


def _read_row(draft: Draft, entry: dict, header: list[str], cells: list[str], row: Line) -> None:
    for k in range(1, len(header)):
        head, cell = header[k], cells[k]
        if not cell:
            if head in ROLES:  # | 宣传组 | | 负责… |: the row names no one for it, never the next cell's words
                check = f"{cells[0]}: its {head} cell is empty ({row.text}): 未载明"
                entry.setdefault("roles", []).append(
                    {"role": head, "unstated": True, "section": row.section, CHECK: [check]}
                )
            continue
        quote = "| " + " | ".join(cells[: k + 1])  # ending at its cell: what follows a unit list is whom they send
        if "职责" in head and draft.stands(cell):
            entry["duty"] = {"quote": cell, "section": row.section}
        elif head in ROLES:
            holder = Holder(units=unit_list(cell)) if head.endswith("单位") else read_holders(cell, head)
            add_holding(draft, entry, head, holder, quote, row.section)
