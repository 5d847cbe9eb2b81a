"""Which bodies the notice sets up, adjusts or keeps, and which lines speak of each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

from knowledge.ingest.draft import CHECK, Draft
from knowledge.ingest.sections import Line

# The notice's words for a body, longest first so 工作专班 wins over 专班.
KINDS = ("工作领导小组", "领导小组", "协调小组", "工作专班", "专班", "指挥部", "联席会议", "委员会", "工作组", "小组")
_KIND_END = re.compile("(" + "|".join(KINDS) + r")(?:制度)?$")
_SHORT = re.compile(r"[(（]以下简称([^)）]{1,12})[)）]")
_VERBS = ("成立", "建立", "改为", "更名为", "组建", "设立", "决定将", "对", "调整")


@dataclass
class Scope:
    """A group and the lines that belong to it (indices into the notice's lines)."""

    entry: dict
    lines: range = field(default_factory=lambda: range(0))


def kind_of(name: str) -> str | None:
    m = _KIND_END.search(name)
    return None if m is None else ("领导小组" if m.group(1) == "工作领导小组" else m.group(1))


def _group_id(name: str, taken: set[str]) -> str:
    base = "".join(s[0] for s in lazy_pinyin(name) if s and s[0].isascii() and s[0].isalpha()).lower() or "group"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}{n}", n + 1
    taken.add(candidate)
    return candidate


def _full_name_before(text: str, end: int) -> str | None:
    """The body's full name written just before ``(以下简称…)`` at ``end``."""
    head = re.split(r"[,，。:：;；]", text[:end])[-1]
    for verb in _VERBS:
        if verb in head:
            head = head.rsplit(verb, 1)[1]
    head = re.sub(r"^第[一二三四五六七八九十]+条", "", head).strip()
    head = re.sub(r"制度$", "", head)
    return head if kind_of(head) and 3 <= len(head) <= 60 else None


def find_groups(draft: Draft, lines: list[Line], title: str | None) -> list[Scope]:
    taken: set[str] = set()
    blocks = _blocks(lines)
    scopes: list[Scope] = []
    full = short = None
    if title:
        m = re.search(r"关于(?:成立|建立|调整|设立|组建|印发)?(.+?)(?:组成人员|成员)?(?:制度)?的通知$", title)
        if m and kind_of(m.group(1)):
            full = re.sub(r"^(?:成立|建立)", "", m.group(1))
    for line in lines[:20]:
        m = _SHORT.search(line.text)
        if m and kind_of(m.group(1)):
            short = m.group(1)
            full = full or _full_name_before(line.text, m.start())
            break
    if full is None and short is None and not blocks:
        m = re.search(r"(?:成立|建立|调整)([^,，。:：;；]{2,40}?(?:" + "|".join(KINDS) + "))", draft.notice)
        full = m.group(1) if m else None
    if full or short:
        name = short or full
        entry = {"id": _group_id(name, taken), "name": name, "kind": kind_of(name) or kind_of(full or "") or "小组"}
        if full and full != name:
            entry["full_name"] = full
        entry["section"] = "正文"
        if entry["kind"] != name:
            entry["aliases"] = [entry["kind"]]
        scopes.append(Scope(entry, range(len(lines))))
    for name, section, span in blocks:
        entry = {"id": _group_id(name, taken), "name": name, "kind": kind_of(name), "section": section}
        scopes.append(Scope(entry, span))
    if not scopes:
        name = title or "通知所设机构"
        entry = {
            "id": "group",
            "name": name,
            "kind": "小组",
            "section": "正文",
            CHECK: ["no body named by the notice was found: name and kind are placeholders"],
        }
        scopes.append(Scope(entry, range(len(lines))))
    return scopes


def _blocks(lines: list[Line]) -> list[tuple[str, str, range]]:
    """Numbered headings that are each a body (1、市城市规划委员会 …): one notice, several bodies."""
    found: list[tuple[str, str, int]] = []
    for i, line in enumerate(lines):
        body = line.body.strip()
        if line.level >= 2 and kind_of(body) and len(body) <= 30 and "。" not in body and "办公室" not in body:
            found.append((body, line.section, i))
    if len(found) < 2:
        return []
    out = []
    for k, (name, section, start) in enumerate(found):
        end = found[k + 1][2] if k + 1 < len(found) else len(lines)
        for j in range(start + 1, end):
            if lines[j].level and lines[j].level <= lines[start].level - 1:
                end = j
                break
        out.append((name, section, range(start, end)))
    return out


def scope_of(scopes: list[Scope], index: int) -> Scope:
    """The innermost group a line belongs to (a block wins over the whole notice)."""
    inner = [s for s in scopes if index in s.lines]
    if not inner:
        return scopes[0]
    return min(inner, key=lambda s: len(s.lines))
