"""A list of tasks, one numbered line each with who leads it and by when in brackets after it (an annex's 整改任务清单:
``1. 加快…改造（牵头处室：某处；配合单位：某处、某院；完成时限：2025年12月底前）``): each task a requirement of the
notice, its words the item and the list's title the heading, quoted as written; a task whose brackets name no 牵头
says no more (who leads it is 未载明), and one the crawl cut off is quoted as far as it goes."""

from __future__ import annotations

import re

from knowledge.ingest.draft import CHECK, Draft
from knowledge.ingest.sections import Line

# the labels a task's brackets give: who leads it, who helps, by when
_LABELS = r"(?:牵头(?:处室|单位|部门|领导)|责任(?:处室|单位|部门)|配合(?:处室|单位|部门)|完成(?:时限|时间)|时间节点)"
# （牵头处室：…；配合单位：…；完成时限：…） at the end of the line, or cut off inside it (the crawl broke off)
_TASK = re.compile(rf"^(?P<task>[^（(]{{4,80}}?)[（(](?P<said>{_LABELS}[:：][^（()）]*)(?P<end>[)）]?)$")
_PAIR = re.compile(rf"({_LABELS})[:：]")
_LIST_TITLE = re.compile(r"(?:任务|事项|问题)(?:清单|分工|分解表|台账)$")


def task_row(line: Line) -> re.Match[str] | None:
    """A numbered task line with its labelled brackets (two labels at least, or one where the crawl cut it off)."""
    if line.level != 3:
        return None
    m = _TASK.match(line.body.strip())
    if m is None or (len(_PAIR.findall(m.group("said"))) < 2 and m.group("end")):
        return None
    return m


def read_tasks(draft: Draft, lines: list[Line]) -> None:
    for i, line in enumerate(lines):
        m = task_row(line)
        if m is None:
            continue
        title = _list_title(lines, i)
        if title is None or not draft.stands(line.body):
            continue
        entry: dict = {"id": f"r{len(draft.requirements) + 1}", "section": line.section, "quote": line.body.strip()}
        entry |= {"item": m.group("task").strip(), "heading": title}
        notes = []
        if not m.group("end"):
            notes.append("the crawl breaks off inside this task's brackets: the rest is 未载明")
        if not re.search(r"牵头|责任", m.group("said")):
            notes.append("no 牵头 is named for this task: who leads it is 未载明")
        if notes:
            entry[CHECK] = notes
        draft.requirements.append(entry)
        if not m.group("end"):
            lost = {"id": f"r{len(draft.requirements) + 1}", "section": line.section, "unstated": True}
            draft.requirements.append(lost | {CHECK: ["the rest of this task is not in the crawl: 未载明"]})


def _list_title(lines: list[Line], index: int) -> str | None:
    """The title line the task list stands under (…整改任务清单), the nearest one above the task."""
    for line in reversed(lines[:index]):
        if task_row(line) is not None:
            continue
        text = line.text.strip()
        return text if not line.level and _LIST_TITLE.search(text) and len(text) <= 60 else None
    return None
