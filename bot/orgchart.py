"""The organisation chart of a notice, drawn from its facts as a PNG (/chart).

At the top the group the others are set up under (``kb.top``), below it one band per kind of group
(``kb.kinds()``: 专题组, 保障组 …) joined to it by a spine on the left; each group a box with its name,
its head (组长, 召集人 …: the person, else the post the notice names) and how many deputy units (or
deputies) it has. What the notice does not state is written as such, in grey (the legend says so),
never guessed. Every word comes from the facts or from messages.yaml ``chart``.

Drawn with Pillow in Noto Sans CJK SC from the ``noto-cjk-sans-otc`` package (SIL Open Font License
1.1): a project dependency, so the chart looks the same on any machine and never depends on the fonts
installed there; the whole font rather than a subset, so a newly ingested notice's names are covered
too. ``draw`` also returns where it wrote each text, for the test that no text fell back to .notdef.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

import noto_cjk_sans_otc
from PIL import Image, ImageDraw, ImageFont

from knowledge.facts import Group, Knowledge

FACE = "Noto Sans CJK SC"  # the face of the collection for simplified Chinese
_MARGIN, _GAP, _PAD, _SPINE = 48, 28, 18, 26
_BOX_W, _PER_ROW = 330, 4
_SIZES = {"title": 34, "name": 27, "line": 22, "label": 24, "legend": 20}
_INK, _ACCENT, _GREY, _LINE = (33, 37, 41), (21, 76, 140), (136, 136, 136), (150, 160, 175)
_FILL, _TOP_FILL, _PAPER = (240, 245, 252), (222, 234, 250), (255, 255, 255)


@dataclass(frozen=True)
class ChartWords:
    """The chart's own words (messages.yaml ``chart``); {role}, {name}, {count} filled from the facts."""

    title: str  # {notice}
    head: str
    deputy_units: str
    deputy_people: str
    unstated: str  # {role}: a place the notice names but the crawl lost, or one it never states
    kind: str  # {kind}, {count}
    legend: str
    caption: str  # {notice}: the photo's caption


@dataclass(frozen=True)
class Placed:
    """A text the chart drew: where (its top left corner) and in which size of the font."""

    text: str
    x: int
    y: int
    size: int


@dataclass(frozen=True)
class Chart:
    png: bytes
    width: int
    height: int
    texts: tuple[Placed, ...]


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    """Noto Sans CJK SC at ``size`` pixels: the face of that name in the package's collection."""
    path = str(noto_cjk_sans_otc.FONT_PATH)
    index = 0
    while True:  # the collection's faces in order; OSError past the last one
        face = ImageFont.truetype(path, size, index=index)
        if face.getname()[0] == FACE:
            return face
        index += 1


@dataclass(frozen=True)
class _Box:
    name: str
    lines: tuple[tuple[str, bool], ...]  # (text, unstated)


def _box(kb: Knowledge, group: Group, words: ChartWords, top: bool) -> _Box:
    leader = group.leader
    if leader.unstated:
        lines = [(words.unstated.format(role=leader.role), True)]
    else:
        holder = kb.people[leader.person].name if leader.person in kb.people else "、".join(leader.posts)
        lines = [(words.head.format(role=leader.role, name=holder), False)] if holder else []
    deputies = group.deputies
    if deputies is None:
        if not top:  # a group under the top one with no deputies stated: said so, not left out
            lines.append((words.unstated.format(role="副" + leader.role), True))
    elif deputies.unstated:
        lines.append((words.unstated.format(role=deputies.role), True))
    else:
        if deputies.units:
            lines.append((words.deputy_units.format(role=deputies.role, count=len(deputies.units)), False))
        if deputies.persons or deputies.posts:
            count = len(deputies.persons) + len(deputies.posts)
            lines.append((words.deputy_people.format(role=deputies.role, count=count), False))
    return _Box(group.name, tuple(lines))


def _wrap(text: str, size: int, width: int) -> list[str]:
    """``text`` cut between characters into lines no wider than ``width`` pixels."""
    face, lines, current = font(size), [], ""
    for char in text:
        if current and face.getlength(current + char) > width:
            lines.append(current)
            current = ""
        current += char
    return [*lines, current] if current else lines


def _rows(box: _Box, width: int) -> list[tuple[str, int, tuple[int, int, int]]]:
    """The box's text lines: (text, size, colour), wrapped to ``width``."""
    rows = [(t, _SIZES["name"], _ACCENT) for t in _wrap(box.name, _SIZES["name"], width)]
    for text, unstated in box.lines:
        rows += [(t, _SIZES["line"], _GREY if unstated else _INK) for t in _wrap(text, _SIZES["line"], width)]
    return rows


def _height(rows: list[tuple[str, int, tuple[int, int, int]]]) -> int:
    return 2 * _PAD + sum(int(size * 1.45) for _, size, _ in rows)


def draw(kb: Knowledge, notice: str, words: ChartWords) -> Chart:
    """The chart of ``kb``; ``notice`` names it in the title (its 文号, else its title)."""
    top = kb.groups[kb.top] if kb.top is not None else None
    kinds = kb.kinds() if top is not None else list(dict.fromkeys(g.kind for g in kb.groups.values()))
    members = kb.under_top() if top is not None else list(kb.groups.values())
    bands = [(kind, [_box(kb, g, words, False) for g in members if g.kind == kind]) for kind in kinds]
    per_row = min(_PER_ROW, max((len(b) for _, b in bands), default=1))
    labels = [words.kind.format(kind=kind, count=len(boxes)) for kind, boxes in bands]
    label_w = _SPINE + 2 * _PAD + int(max((font(_SIZES["label"]).getlength(t) for t in labels), default=0))
    width = 2 * _MARGIN + label_w + per_row * _BOX_W + (per_row - 1) * _GAP
    inner = _BOX_W - 2 * _PAD

    # Measure first: the height follows from the wrapped lines.
    title_rows = _wrap(words.title.format(notice=notice), _SIZES["title"], width - 2 * _MARGIN)
    y = _MARGIN + len(title_rows) * int(_SIZES["title"] * 1.4) + _GAP
    top_rows = _rows(_box(kb, top, words, True), int(_BOX_W * 1.4) - 2 * _PAD) if top is not None else []
    top_y, y = y, y + (_height(top_rows) + 2 * _GAP if top_rows else 0)
    layout = []  # (kind label, y of its row of boxes, [(rows, x)] per line of boxes)
    for label, (_, boxes) in zip(labels, bands, strict=True):
        lines = []
        for start in range(0, len(boxes), per_row):
            line = [_rows(b, inner) for b in boxes[start : start + per_row]]
            lines.append((y, line))
            y += max(_height(r) for r in line) + _GAP
        layout.append((label, lines))
        y += _GAP
    legend_y = y
    height = y + int(_SIZES["legend"] * 1.4) + _MARGIN

    image = Image.new("RGB", (width, height), _PAPER)
    pen = ImageDraw.Draw(image)
    placed: list[Placed] = []

    def write(x: int, y: int, text: str, size: int, colour: tuple[int, int, int]) -> None:
        pen.text((x, y), text, font=font(size), fill=colour)
        placed.append(Placed(text, x, y, size))

    def box(x: int, y: int, w: int, rows: list[tuple[str, int, tuple[int, int, int]]], fill: tuple) -> None:
        pen.rounded_rectangle((x, y, x + w, y + _height(rows)), radius=12, fill=fill, outline=_LINE, width=2)
        line_y = y + _PAD
        for text, size, colour in rows:
            write(x + _PAD, line_y, text, size, colour)
            line_y += int(size * 1.45)

    for index, text in enumerate(title_rows):
        write(_MARGIN, _MARGIN + index * int(_SIZES["title"] * 1.4), text, _SIZES["title"], _INK)
    spine_x = _MARGIN + _SPINE
    spine_from = top_y
    if top is not None:
        top_w = int(_BOX_W * 1.4)
        top_x = (width - top_w) // 2
        box(top_x, top_y, top_w, top_rows, _TOP_FILL)
        joint = top_y + _height(top_rows) + _GAP
        pen.line((width // 2, top_y + _height(top_rows), width // 2, joint), fill=_LINE, width=3)
        pen.line((spine_x, joint, width // 2, joint), fill=_LINE, width=3)
        spine_from = joint
    last_row_y, last_line = layout[-1][1][-1] if layout and layout[-1][1] else (spine_from, [])
    last_bus = last_row_y + max((_height(r) for r in last_line), default=0) // 2
    pen.line((spine_x, spine_from, spine_x, last_bus), fill=_LINE, width=3)
    for label, lines in layout:
        for number, (row_y, line) in enumerate(lines):
            bus = row_y + max(_height(r) for r in line) // 2
            x0 = _MARGIN + label_w
            pen.line((spine_x, bus, x0 + (len(line) - 1) * (_BOX_W + _GAP) + _BOX_W // 2, bus), fill=_LINE, width=3)
            if number == 0:
                label_h = int(_SIZES["label"] * 1.6)
                pen.rounded_rectangle(
                    (spine_x - 8, bus - label_h // 2, x0 - _PAD, bus + label_h // 2),
                    radius=8,
                    fill=_ACCENT,
                )
                write(spine_x + 4, bus - int(_SIZES["label"] * 0.72), label, _SIZES["label"], _PAPER)
            for place, rows in enumerate(line):
                box(
                    x0 + place * (_BOX_W + _GAP),
                    row_y + (max(_height(r) for r in line) - _height(rows)) // 2,
                    _BOX_W,
                    rows,
                    _FILL,
                )
    write(_MARGIN, legend_y, words.legend, _SIZES["legend"], _GREY)

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return Chart(buffer.getvalue(), width, height, tuple(placed))
