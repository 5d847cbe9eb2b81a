"""A roster table the crawl flattened (职务 | 姓名 | 单位及职务): one line per row, as the roster reads a list.

A row with its place reads "place：name title", a row whose place cell is empty (the place of the row above goes
on) "name title" under it, a row without a name its post alone (副专班长：区政府办公室主任 / 县农业农村局局长), never
a name guessed. Rows come as markdown (| a | b | c |, its |---| line dropped), as cells split by | or tabs, or — a
table a PDF carried over a page break — one cell per line under its header cells given again, the empty cells
dropped: each cell then goes to the column it reads as (a place, a name, the rest), a row ending at its last
column or where a cell belongs to a column the row has already filled.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.ingest.draft import is_unit
from knowledge.ingest.names import SURNAMES, ends_as_post, is_name
from knowledge.ingest.roster import ROLES

_CELLS = re.compile(r"[|｜\t]")
_RULE = re.compile(r"^:?-{3,}:?$")
_PLACE_HEADS = ("职务", "职位")
_NAME_HEAD = "姓名"
_LONGEST_CELL = 30
_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、|^[（(][一二三四五六七八九十]{1,3}[)）]")


def table_rows(lines: list[str]) -> list[str]:
    lines = _headers_rejoined(lines)
    out: list[str] = []
    header: list[str] | None = None  # the last table's header cells, for its rows after a page break
    columns: dict[str, int] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        held = _held_header(lines, i)
        rows, end = _held_rows(lines, i + held) if held else ([], i)
        if rows:  # a header no row follows is left as the crawl gave it
            out.extend(rows)
            i = end
            continue
        cells = _cells(line)
        if cells and _is_header(cells):
            header, columns = cells, _columns(cells)
            i += 1
            continue
        if cells and _is_name_header(cells):  # 成员： | 姓名 | 单位及职务 |: the label's entries, "name title" each
            rows, i = _name_rows(lines, i + 1, len(cells))
            out.extend(rows)
            continue
        if cells and all(_RULE.match(c) for c in cells if c):
            i += 1  # markdown's |---|---| under the header
            continue
        if columns is not None and cells is not None and len(cells) >= 3:
            out.append(
                _row(*(cells[columns[k]] if columns[k] < len(cells) else "" for k in ("place", "name", "title")))
            )
            i += 1
            continue
        columns = None  # the table ends where a line has no cells
        size = _header_run(lines, i, header)
        if size:
            header = lines[i : i + size]
            rows, i = _cell_rows(lines, i + size, _columns(header))
            out.extend(rows)
            continue
        out.append(_headless_row(line))
        i += 1
    return out


def _headless_row(line: str) -> str:
    """A table's row the crawl gave with its cells apart by a space and no header above (组长 张伟 区委副书记、区长):
    "place：name title", as a headed table's row; any other line as it is."""
    place, held = _held_cells(line)
    entry = _held_entry(held) if place and _cells(line) is None else None
    return f"{place}：{entry[0]}" if entry and entry[1] else line


def _headers_rejoined(lines: list[str]) -> list[str]:
    """A markdown header row the crawl broke over two lines (| 单位 | 姓名 | / 职务 |, then |---|---|---|): one line."""
    out: list[str] = []
    for k, line in enumerate(lines):
        rule = k + 1 < len(lines) and (cells := _cells(lines[k + 1])) is not None and all(_RULE.match(c) for c in cells)
        broken = out and out[-1].startswith(("|", "｜")) and not line.startswith(("|", "｜"))
        if broken and rule and line.endswith(("|", "｜")) and len(line) <= _LONGEST_CELL:
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _cells(line: str) -> list[str] | None:
    if not _CELLS.search(line):
        return None
    text = line.strip()
    if text[:1] in "|｜" and text[-1:] in "|｜" and len(text) > 1:
        text = text[1:-1]  # a markdown row's outer bars
    return [c.strip() for c in re.split(r"\s*[|｜\t]\s*", text)]


def _is_header(cells: list[str]) -> bool:
    """A roster table's header: its first column the place (职务 | 姓名 | 单位及职务); a table whose first column is
    the unit (单位 | 姓名 | 职务, an annex's 联络员) stays as its rows, which the roster reads by their columns."""
    return len(cells) >= 3 and any(h in cells[0] for h in _PLACE_HEADS) and any(_NAME_HEAD in c for c in cells)


def _is_name_header(cells: list[str]) -> bool:
    """The header of a table of one place's holders (| 姓名 | 单位及职务 |, under 成员：): a name column first, then
    what each holds, and no column of places."""
    return 2 <= len(cells) <= 3 and cells[0] == _NAME_HEAD and not any(h in c for c in cells for h in _PLACE_HEADS[1:])


def _name_rows(lines: list[str], start: int, width: int) -> tuple[list[str], int]:
    """The rows of such a table from ``start`` as "name title" lines, a line of rows the crawl ran together
    (| 吕某 | 街道社会事务办主任 || 余某 | 街道城建办主任 |) as its rows, and where the table ends."""
    rows: list[str] = []
    i = start
    while i < len(lines) and (cells := _cells(lines[i])) is not None:
        if all(_RULE.match(c) for c in cells if c):
            i += 1
            continue
        pieces = [c for c in cells if c] if "||" in lines[i].replace(" ", "") else cells
        if len(pieces) % width or not all(is_name(_unpadded(n)) for n in pieces[::width]):
            break
        rows += [_row("", pieces[k], " ".join(pieces[k + 1 : k + width])) for k in range(0, len(pieces), width)]
        i += 1
    return rows, i


def _columns(header: list[str]) -> dict[str, int]:
    columns = {"place": 0, "name": next(i for i, c in enumerate(header) if _NAME_HEAD in c)}
    columns["title"] = next((i for i, c in enumerate(header) if i not in columns.values()), 2)
    return columns


def _header_run(lines: list[str], start: int, header: list[str] | None) -> int:
    """How many lines from ``start`` are a table's header given one cell per line (the header above again, or
    cells naming a place and a name column), else 0."""
    if header is not None and [line.strip() for line in lines[start : start + len(header)]] == header:
        return len(header)
    run = 0
    while start + run < len(lines) and _header_word(lines[start + run].strip()):
        run += 1
    return run if run >= 3 and _is_header([line.strip() for line in lines[start : start + run]]) else 0


def _header_word(cell: str) -> bool:
    return any(h in cell for h in (*_PLACE_HEADS, _NAME_HEAD, "单位")) and len(cell) <= 8


def _cell_rows(lines: list[str], start: int, columns: dict[str, int]) -> tuple[list[str], int]:
    """The rows of a table given one cell per line from ``start``, and where the table ends."""
    order = sorted(columns, key=columns.__getitem__)
    rows: list[str] = []
    row: dict[str, str] = {}
    i = start
    while i < len(lines) and _is_cell(lines[i].strip()):
        cell = lines[i].strip()
        kind = _kind(cell)
        if row and order.index(kind) <= max(order.index(k) for k in row):
            rows.append(_row(row.get("place", ""), row.get("name", ""), row.get("title", "")))
            row = {}
        row[kind] = cell
        if kind == order[-1]:
            rows.append(_row(row.get("place", ""), row.get("name", ""), row.get("title", "")))
            row = {}
        i += 1
    if row:
        rows.append(_row(row.get("place", ""), row.get("name", ""), row.get("title", "")))
    return rows, i


def _is_cell(text: str) -> bool:
    return 0 < len(text) <= _LONGEST_CELL and not re.search(r"[。：:；;，,|｜]", text) and not _HEADING.match(text)


def _kind(cell: str) -> str:
    if cell in ROLES:
        return "place"
    name = _unpadded(cell)
    if is_name(name) or (len(name) <= 3 and not ends_as_post(name) and " " not in name):
        return "name"
    return "title"


def _unpadded(cell: str) -> str:
    """A two-character name padded to three (潘 丽 → 潘丽): a name cell holds a name."""
    m = re.fullmatch(r"([\u4e00-\u9fff]) ([\u4e00-\u9fff])", cell)
    return m.group(1) + m.group(2) if m and m.group(1) in SURNAMES else cell


def _row(place: str, name: str, title: str) -> str:
    name = _unpadded(name)
    held = f"{name} {title}".strip() if name else title
    return f"{place}：{held}" if place else held


def _held_header(lines: list[str], start: int) -> int:
    """How many lines from ``start`` are the header of a two-column roster table whose second column holds each
    name with its title (职务 | 姓名及单位职务: one line of cells, or one cell per line), else 0."""
    cells = _cells(lines[start])
    size = 1 if cells is not None else 2
    if cells is None:
        cells = [line.strip() for line in lines[start : start + 2]]
    if len(cells) != 2:
        return 0
    place, held = cells
    is_header = place in _PLACE_HEADS and _NAME_HEAD in held and re.search("职务|单位", held) and len(held) <= 8
    rule = start + size < len(lines) and all(_RULE.match(c) for c in _cells(lines[start + size]) or ["x"])
    return size + rule if is_header else 0  # markdown's |---|---| under it too


def _held_rows(lines: list[str], start: int) -> tuple[list[str], int]:
    """The rows of a two-column table (place | name and title) from ``start``, each "place：name title", or "name
    title" where its place cell is blank (the place above goes on), and where the table ends. A row's place may
    stand on a line of its own above its name (秘书长 / 某某 title: a row the crawl broke at its cell), and a title
    the crawl wrapped (…、省某办 / 专职副主任) is joined to its row; the table ends at the first line that is none."""
    rows: list[str] = []
    i = start
    while i < len(lines):
        place, held = _held_cells(lines[i])
        if place and not held and i + 1 < len(lines):
            below, held = _held_cells(lines[i + 1])  # the place alone, its name and title on the next line
            entry = None if below else _held_entry(held)
            if entry is None:
                break
            rows.append(f"{place}：{entry[0]}")
            i += 2
            continue
        entry, as_cells = _held_entry(held), _cells(lines[i]) is not None
        if entry and (entry[1] or place or as_cells):  # a post alone in a blank-place cell is that place's too
            rows.append(f"{place}：{entry[0]}" if place else entry[0])
        elif rows and not place and not as_cells and _wraps_title(rows[-1], held):
            rows[-1] += held
        else:
            break
        i += 1
    return rows, i


def _held_cells(line: str) -> tuple[str, str]:
    """A two-column row's place (blank where the place above goes on) and its name-and-title cell."""
    cells = _cells(line)
    if cells is not None and len(cells) == 2:
        return cells[0], cells[1]
    text = line.strip()
    first, _, rest = text.partition(" ")
    return (first, rest.strip()) if first in ROLES else ("", text)


def _held_entry(cell: str) -> tuple[str, bool] | None:
    """A name-and-title cell as the roster line it is ("name title", a padded name joined; "name（title）" as
    written; a post no one is named for alone) and whether it names someone; None for none of these."""
    padded = re.match(r"([\u4e00-\u9fff]) ([\u4e00-\u9fff])(?=[\s(（]|$)", cell)  # 潘 丽 县某局局长: a padded name
    if padded and padded.group(1) in SURNAMES:
        cell = padded.group(1) + padded.group(2) + cell[padded.end() :]
    name, title = cell.partition(" ")[::2]
    if is_name(name) and title.strip():
        return f"{name} {title.strip()}", True
    bracketed = re.fullmatch(r"([^\s()（）]{2,4}?)\s*[(（][^()（）]+[)）]", cell)
    if bracketed and is_name(bracketed.group(1)):
        return cell, True
    if cell and " " not in cell and ends_as_post(cell) and len(cell) <= _LONGEST_CELL:
        return cell, False
    return None


def _wraps_title(row: str, text: str) -> bool:
    """Whether ``text`` is the end of the row's title the crawl wrapped: the row stops at a unit (…、省某办), the line
    is a post by itself (专职副主任), no name, no place, no sentence."""
    return (
        bool(text)
        and is_unit(re.split(r"[、 ：]", row)[-1])
        and ends_as_post(text)
        and text not in ROLES
        and not is_name(text)
        and _is_cell(text)
        and " " not in text
        and len(text) <= 12
    )


_SERIAL_HEADS = ("序号", "编号")
_HEAD_CELL = re.compile(r"^[\u4e00-\u9fff（）()]{2,12}$")


def serial_rows(lines: list[str]) -> list[str]:
    """A table the crawl gave one cell per line under a 序号 header (序号 / 河湖名称 / … then 1 / 清江 / …): each row
    one markdown line (| 1 | 清江 | … |), its cells in their columns. A row is its serial number and the cells up to
    the next number; the table is left as it is unless every row has one cell per header column (a row with a cell
    dropped cannot say which column it lost). Its bare serial numbers are never page chrome then."""
    return _rebuilt(lines, _serial_table)


def _rebuilt(lines: list[str], table: Callable[[list[str], int], tuple[list[str], int]]) -> list[str]:
    """The lines with each table that ``table`` finds at a line (its rows, and where it ends) given as its rows."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows, end = table(lines, i)
        if rows:
            out.extend(rows)
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out


def _serial_table(lines: list[str], start: int) -> tuple[list[str], int]:
    cell = [line.strip() for line in lines]
    if cell[start] not in _SERIAL_HEADS:
        return [], start
    width = 1
    while start + width < len(cell) and _HEAD_CELL.match(cell[start + width]):
        width += 1
    if width < 3 or start + width >= len(cell) or cell[start + width] != "1":
        return [], start
    rows = ["| " + " | ".join(cell[start : start + width]) + " |"]
    i, serial = start + width, 1
    while i < len(cell) and cell[i] == str(serial):
        row = cell[i + 1 : i + width]
        if len(row) < width - 1 or not all(_is_cell(c) and c not in (str(serial + 1), "") for c in row):
            return [], start
        rows.append(f"| {serial} | " + " | ".join(row) + " |")
        i, serial = i + width, serial + 1
    return (rows, i) if serial > 2 else ([], start)


GROUP_HEADS = ("组别", "工作组", "组名", "名称", "工作组名称", "小组名称")
_HEAD_WORD = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_GROUP_CELL = re.compile(r"^[\u4e00-\u9fff]{2,14}组$")
_LONGEST_DUTY = 200


def group_rows(lines: list[str]) -> list[str]:
    """A table of the groups set up under the notice's group, given one cell per line under its header (组别 / 组长单位 /
    成员单位 / 主要职责, then 综合协调组 / 县某局 / … per group): each row one markdown line (| 综合协调组 | 县某局 | … |).
    A row is as many cells as the header, the first a group's name (…组); the table is left as it is unless every
    row is whole, so no cell is ever put in another's column."""
    return _rebuilt(lines, _group_table)


def _group_table(lines: list[str], start: int) -> tuple[list[str], int]:
    cell = [line.strip() for line in lines]
    if cell[start] not in GROUP_HEADS:
        return [], start
    width = 1
    while start + width < len(cell) and _HEAD_WORD.match(cell[start + width]) and _is_column_head(cell[start + width]):
        width += 1
    if width < 3:
        return [], start
    rows = ["| " + " | ".join(cell[start : start + width]) + " |"]
    i = start + width
    while i < len(cell) and _GROUP_CELL.match(cell[i]):
        row = cell[i : i + width]
        whole = len(row) == width and all(_is_group_cell(c) and not _GROUP_CELL.match(c) for c in row[1:])
        if not whole:
            return [], start
        rows.append("| " + " | ".join(row) + " |")
        i += width
    return (rows, i) if len(rows) > 2 else ([], start)


def _is_column_head(cell: str) -> bool:
    """A header cell of a table of groups: a place (组长单位, 组长, 成员单位) or their duties (主要职责)."""
    return cell in ROLES or cell.endswith("单位") or "职责" in cell


def _is_group_cell(text: str) -> bool:
    return (
        0 < len(text) <= _LONGEST_DUTY
        and not re.search(r"[|｜]|。(?!$)", text)
        and not _HEADING.match(text)
        and not re.match(r"^\d{1,2}[、.．](?!\d)", text)
    )


def tabbed_group_rows(lines: list[str]) -> list[str]:
    """A table of groups the crawl gave as tab-separated text (组别 ⇥ 组长 ⇥ 职责, then 宣传组 ⇥ ⇥ 负责…): each row one
    markdown line (| 宣传组 | | 负责… |), so an EMPTY cell keeps its column (the cells' spacing is lost after this:
    a row with a blank 组长 would read as its duty shifted into the 组长 column). A row is a group's name (…组) and as
    many cells as the header; the table ends at the first line that is not one."""
    return _rebuilt(lines, _tabbed_table)


def _tabbed_table(lines: list[str], start: int) -> tuple[list[str], int]:
    header = [c.strip() for c in lines[start].split("\t")]
    if len(header) < 3 or header[0] not in GROUP_HEADS or not all(_is_column_head(c) for c in header[1:]):
        return [], start
    rows = ["| " + " | ".join(header) + " |"]
    i = start + 1
    while i < len(lines) and "\t" in lines[i]:
        cells = [c.strip() for c in lines[i].strip().split("\t")]
        if (
            len(cells) != len(header)
            or not _GROUP_CELL.match(cells[0])
            or not all(_is_group_cell(c) for c in cells[1:] if c)
        ):
            break
        rows.append("| " + " | ".join(cells) + " |")
        i += 1
    return (rows, i) if len(rows) > 1 else ([], start)


_SERIAL_CELLS = re.compile(r"\t+|[ \u3000]{2,}")
_SERIAL_ROW = re.compile(r"^\d{1,3}$")


def serial_roster_rows(lines: list[str]) -> list[str]:
    """A roster the crawl gave as a numbered table, its columns apart by tabs or runs of spaces (序号 姓名 单位及职务 /
    1 何建国 市委网信办主任 …): each row "name title", under the place the label above it opens (成员：), the header
    dropped; a row without a name of its own is left as it is."""
    out: list[str] = []
    columns: tuple[int, int] | None = None
    for line in lines:
        cells = [c.strip() for c in _SERIAL_CELLS.split(line.strip()) if c.strip()]
        if len(cells) >= 3 and cells[0] in _SERIAL_HEADS and _NAME_HEAD in cells[1:]:
            name = cells.index(_NAME_HEAD)
            columns = (name, next(i for i in range(1, len(cells)) if i != name))
            continue
        if columns is not None and len(cells) > max(columns) and _SERIAL_ROW.match(cells[0]):
            name, title = _unpadded(cells[columns[0]]), cells[columns[1]]
            if is_name(name) or (len(name) <= 4 and name[:1] in SURNAMES):
                out.append(f"{name} {title}")
                continue
        columns = None if not _SERIAL_ROW.match(cells[0] if cells else "") else columns
        out.append(line)
    return out
