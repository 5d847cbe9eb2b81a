"""The notice's lines with the section each stands in: 一、 / （一） / 1. / 第N条 headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = "一二三四五六七八九十"
_LEVELS = (
    (1, re.compile(rf"^([{_NUM}]{{1,3}})、\s*(.*)$")),
    (2, re.compile(rf"^[（(]([{_NUM}]{{1,3}})[）)]\s*(.*)$")),
    (3, re.compile(r"^(\d{1,2})[、.．](?!\d)\s*(.*)$")),
    (1, re.compile(rf"^第([{_NUM}百零]{{1,4}})条\s*(.*)$")),
)


_ANNEX = re.compile(r"^附件\s*\d{0,2}$")
_ANNEX_OF = re.compile(r"^附件(?:\d{1,2}(?![.．\d])|)")  # 附件2（一）: 附件2; 附件1. (item 1. of 附件): 附件
# 此前有关文件与本通知不一致的，以本通知为准。 / 本通知自印发之日起施行。 / 特此通知。: the notice's own closing words,
# which stand after its last numbered item but are no part of it
CLOSING = re.compile(r"^(?:[^。]{0,30}以本通知为准|本通知自[^。]{2,20}(?:施行|执行)|特此通知)。?$")
# 附件：某某联络员名单 / 附件：1.…: the list of the notice's annexes, after its last item but no part of it
_ANNEX_LIST = re.compile(r"^附件\s*\d{0,2}\s*[:：]")


@dataclass(frozen=True)
class Line:
    text: str  # the whole line as in notice.txt
    body: str  # the line without its heading number
    section: str  # 一（二）, 第三条, or 正文 before the first heading
    level: int = 0  # 0: not a heading; 1: 一、 / 第N条; 2: （一）; 3: 1.
    heading: str = ""  # the heading's own words, up to its first 。 (empty for a plain line)

    @property
    def annex(self) -> str:
        """The annex the line stands in (附件, 附件2), empty in the notice's own text."""
        m = _ANNEX_OF.match(self.section)
        return m.group(0) if m else ""


def split_sections(text: str) -> list[Line]:
    lines: list[Line] = []
    path: list[str] = []
    annex = ""  # 附件 / 附件1 the lines stand in: its headings are the annex's (附件一), not the notice's own 一、
    article = inline = False
    raws = [r.strip() for r in text.split("\n") if r.strip()]
    for k, raw in enumerate(raws):
        level, number, body = 0, "", raw
        for lvl, pattern in _LEVELS:
            m = pattern.match(raw)
            if m:
                level, number, body = lvl, m.group(1), m.group(2)
                article = raw.startswith("第") and raw[1 : 1 + len(number)] == number
                break
        if _ANNEX.match(raw) or _inline_annex(raw, raws[k + 1 : k + 2]):  # 附件 / 附件1: the annex, numbered afresh
            annex, path, article = _ANNEX_OF.match(raw).group(0), [], False
            inline = not _ANNEX.match(raw)
            lines.append(Line(raw, raw, annex))
            continue
        if inline and not level and path and len(raw) <= 30 and "。" not in raw:
            annex, path, inline = "", [], False  # after an annex set in the text, its signature: the notice's own
        if level:
            label = f"第{number}条" if article else {1: number, 2: f"（{number}）", 3: f"{number}."}[level]
            path = [*path[: level - 1], label]
            while len(path) < level:
                path.insert(len(path) - 1, "")
            heading = re.split(r"[。:：]", body, maxsplit=1)[0]
            lines.append(Line(raw, body, annex + "".join(path), level, heading))
        elif (CLOSING.match(raw) and len([p for p in [annex, *path] if p]) >= 2) or (_ANNEX_LIST.match(raw) and path):
            lines.append(Line(raw, raw, "正文"))  # after 四、 / 5. …: the notice's closing, cited as its body's
        else:
            lines.append(Line(raw, raw, annex + "".join(path) or "正文"))
    return lines


def _inline_annex(raw: str, after: list[str]) -> bool:
    """附件：成员单位职责分工 followed by its items (1. 省发展改革委：负责…): the annex itself, its title on the line,
    not the list of the notice's annexes (附件：1.某某名单 2.…), whose items are titles."""
    titled = re.match(r"^附件\s*\d{0,2}\s*[:：]\s*([^\d\s].{1,30})$", raw)
    if titled is None or not after:
        return False
    item = re.match(r"^(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])\s*(.+)$", after[0])
    return item is not None and len(item.group(1)) > 20 and bool(re.search(r"[：:].*[，,。]", item.group(1)))
