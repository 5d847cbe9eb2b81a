"""The numbered lists of a notice's requirements (an annexed 整改任务清单, a 工作制度 list) and the labelled fields
of their items: 1. 加快…改造（牵头处室：水生态环境处；配合单位：综合处、省环境科学研究院；完成时限：2025年12月底前）
says who leads item 1, who helps and by when, in the notice's own labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.facts import Knowledge, Requirement

_FIELD = re.compile(r"([\u4e00-\u9fff]{2,6})[：:]([^：:；;）)]*)([；;）)]?)")
_BRACKET = re.compile(r"[（(](?=[\u4e00-\u9fff]{2,6}[：:])")
# the part of a label that says what kind of holder it names, not which field (单位 of 牵头单位 and 配合单位)
_GENERIC = ("单位", "处室", "部门", "科室", "机构", "人员", "情况", "内容")
_TIMED = ("时限", "时间", "日期", "期限", "节点")  # a label of when (完成时限), asked by 什么时候 / 几号前
_NTH = re.compile(r"第\s*([1-9]\d?|[一二三四五六七八九十]{1,3})\s*(?:项|条|个|点|号)")
_NUMERALS = "一二三四五六七八九"
_NAMING = 4  # characters of a heading that name its list (整改任务), where a shorter stretch (工作, 任务) is any list's


@dataclass(frozen=True)
class ItemField:
    label: str  # 牵头处室
    value: str  # 水生态环境处
    whole: bool  # False where the crawl cut the item inside this field


@dataclass(frozen=True)
class ListItem:
    place: int  # 1-based, in the list's order
    requirement: Requirement
    fields: tuple[ItemField, ...]

    def field(self, label: str) -> ItemField | None:
        return next((f for f in self.fields if f.label == label), None)


def fields_of(quote: str) -> tuple[ItemField, ...]:
    """The labelled fields in the item's brackets, in order; a field the text ends inside is not whole."""
    opened = _BRACKET.search(quote)
    if opened is None:
        return ()
    return tuple(
        ItemField(m.group(1), m.group(2).strip(), bool(m.group(3)))
        for m in _FIELD.finditer(quote, opened.end())
        if m.group(2).strip() or m.group(3)
    )


def ordinal(text: str) -> int | None:
    """The place a question names (第6项 / 第十项 / 第12条), 1-based."""
    found = _NTH.search(text)
    if found is None:
        return None
    token = found.group(1)
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    tens, _, ones = token.partition("十") if "十" in token else ("", "", token)
    if "十" not in token:
        return _NUMERALS.index(ones) + 1 if len(ones) == 1 else None
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def lists(kb: Knowledge) -> dict[str, list[ListItem]]:
    """Each numbered list by its heading: its items in order, one per section, with their fields."""
    found: dict[str, list[ListItem]] = {}
    for requirement in kb.requirements:
        if not requirement.heading or requirement.quote is None:
            continue
        items = found.setdefault(requirement.heading, [])
        if any(i.requirement.section == requirement.section for i in items):
            continue  # (a section's later clauses and its unstated rest are the same item)
        items.append(ListItem(len(items) + 1, requirement, fields_of(requirement.quote)))
    return found


def list_named(kb: Knowledge, text: str, or_the_only: bool = True) -> str | None:
    """The list a question names: by its whole heading, else by the longest stretch of four or more characters
    that stands in one heading only (整改任务 of 整改任务清单, not 工作 of 工作要求); else the one list, where
    the notice has one and ``or_the_only``."""
    headings = list(lists(kb))
    whole = [h for h in headings if h in text]
    if len(whole) == 1:
        return whole[0]
    if len(headings) == 1 and or_the_only:
        return headings[0]
    longest: dict[str, int] = {}  # each heading by the longest word of its own the question has
    for heading in headings:
        own = (
            heading[start : start + size]
            for size in range(_NAMING, len(heading) + 1)
            for start in range(len(heading) - size + 1)
        )
        words = [
            w for w in own if w in text and w not in _GENERIC and not any(w in h for h in headings if h != heading)
        ]
        if words:
            longest[heading] = max(map(len, words))
    ranked = sorted(longest.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def labels_asked(labels: list[str], text: str, when: bool) -> list[str]:
    """The labels a question asks: named whole, or by a telling part of two characters (牵头 / 配合 / 完成 of
    完成时限), or asked when (什么时候 / 几号前) where the label is of a time."""
    asked = []
    for label in labels:
        parts = {label[i : i + 2] for i in range(len(label) - 1)} - set(_GENERIC)
        if label in text or any(p in text for p in parts) or (when and any(t in label for t in _TIMED)):
            asked.append(label)
    return asked
