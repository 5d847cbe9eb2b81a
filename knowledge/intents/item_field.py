"""A labelled field of a numbered list's item (an annexed 整改任务清单: 牵头处室 / 配合单位 / 完成时限): 第3项任务谁牵头,
第6项配合单位呢, 这项什么时候完成 (the item just quoted), 历史遗留固废整治由哪个处牵头 (the item its words name), and
the other way round, 执法总队配合哪些任务 (the items whose field holds a unit). A field the item lacks, or that the
crawl cut, is unstated — never the next item's."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.item_fields import ListItem, labels_asked, list_named, lists, ordinal
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.retrieval import Hit
from knowledge.tools import Tools
from knowledge.turn import Turn

_COVERED = 0.75  # the share of the question's own words an item's text must cover to be the item asked
_TAIL = 4  # characters of a holder's name that name it when the question shortens it (执法总队)
RELATION = "item_field:"  # the label asked, kept for 说错了，是第8项


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    if any(e.kind in (EntityKind.PERSON, EntityKind.GROUP) and not tools.kb.is_top(e.id) for e in turn.entities):
        return None
    found = {h: items for h, items in lists(tools.kb).items() if any(i.fields for i in items)}
    if not found:
        return None
    labels = list(dict.fromkeys(f.label for items in found.values() for i in items for f in i.fields))
    asked = labels_asked(labels, query.text, query.has(Cue.WHEN))
    carried = [r.removeprefix(RELATION) for r in turn.relation if r.startswith(RELATION)]
    place = ordinal(query.text)
    heading = list_named(tools.kb, query.text, or_the_only=False) if place is not None else None
    if place is not None and heading is None and len(found) == 1:
        heading = next(iter(found))  # 第10项完成时限: the one list whose items have fields
    if place is not None and heading not in found:
        return None
    if not asked and query.asks_person and not query.has(Cue.YES_NO):
        asked = labels[:1]  # 第3项谁负责: the item's first field, who leads it
    if not asked and place is not None and carried:
        asked = [c for c in carried if c in labels]  # 第3项任务谁牵头 → 说错了，是第8项: the field asked before
    if not asked:
        return None
    if place is not None:
        items = found[heading or ""]
        chosen = [items[place - 1]] if place <= len(items) else []
        if not chosen:
            return None
        return _fields(turn, tools, chosen, asked)
    holders = _holders(turn, tools, found, asked)
    if holders:
        return _holding(turn, tools, found, asked, holders)
    cited = [i for items in found.values() for i in items if f"req.{i.requirement.id}" in turn.cited]
    content = [w for w in query.content if not any(w in label for label in labels)]
    if len(cited) == 1 and not content:  # 谁牵头 / 这项什么时候完成, after an item was quoted
        return _fields(turn, tools, cited, asked)
    named = _named_item(tools, found, content)
    return _fields(turn, tools, [named], asked) if named is not None else None


def _named_item(tools: Tools, found: dict[str, list[ListItem]], words: list[str]) -> ListItem | None:
    """The one item whose own text covers the question's words (历史遗留固废堆存场所排查整治)."""
    if not words:
        return None
    by_fact = {f"req.{i.requirement.id}": i for items in found.values() for i in items}
    best: dict[str, Hit] = {}
    for hit in tools.index.search(words, limit=8):  # best first: an item's clauses count once, by its best
        if hit.clause.fact in by_fact:
            best.setdefault(hit.clause.fact, hit)
    hits = list(best.values())
    if not hits or hits[0].score < _COVERED or (len(hits) > 1 and hits[1].score >= hits[0].score - 1e-9):
        return None
    return by_fact[hits[0].clause.fact]


def _title(tools: Tools, item: ListItem) -> str:
    return tools.say("item_named", place=item.place, item=item.requirement.item or item.requirement.section)


def _fields(turn: Turn, tools: Tools, items: list[ListItem], asked: list[str]) -> Answer:
    parts = []
    for item in items:
        title, fact = _title(tools, item), (f"req.{item.requirement.id}",)
        for label in asked:
            field = item.field(label)
            if field is None:
                parts.append(Part(tools.say("item_field_unstated", item=title, label=label), fact))
            elif not field.whole:
                parts.append(Part(tools.say("item_field_cut", item=title, label=label, value=field.value), fact))
            else:
                parts.append(Part(tools.say("item_field", item=title, label=label, value=field.value), fact))
    return _kept(tools.answer(turn.question, parts, turn.entities, 0.85), asked)


def _holders(turn: Turn, tools: Tools, found: dict[str, list[ListItem]], asked: list[str]) -> list[str]:
    """The holders the question names that the asked fields list (a unit by its name, or by the tail people
    shorten it to: 执法总队 of 省生态环境保护综合行政执法总队)."""
    named = [tools.name(e) for e in turn.entities if e.kind is EntityKind.UNIT]
    pieces = {
        piece
        for items in found.values()
        for i in items
        for f in i.fields
        if f.label in asked
        for piece in f.value.split("、")
        if piece
    }
    text = turn.query.text
    return [
        p
        for p in sorted(pieces, key=len, reverse=True)
        if p in named or p in text or any(p[-n:] in text for n in range(_TAIL, len(p)))
    ]


def _holding(
    turn: Turn, tools: Tools, found: dict[str, list[ListItem]], asked: list[str], holders: list[str]
) -> Answer:
    """执法总队配合哪些任务: the items whose asked field holds each holder named."""
    parts = []
    for holder in holders:
        for label in asked:
            items = [
                i
                for its in found.values()
                for i in its
                if (f := i.field(label)) is not None and holder in f.value.split("、")
            ]
            if not items:
                continue
            listed = "；".join(_title(tools, i) for i in items)
            text = tools.say("items_holding", label=label, holder=holder, count=len(items), items=listed)
            parts.append(Part(text, tuple(f"req.{i.requirement.id}" for i in items)))
    if not parts:
        heading = next(iter(found))
        text = tools.say("items_holding_none", holder="、".join(holders), label="、".join(asked), heading=heading)
        parts.append(Part(text))
    return _kept(tools.answer(turn.question, parts, turn.entities, 0.85), asked)


def _kept(answer: Answer, asked: list[str]) -> Answer:
    """The answer, keeping the fields asked for a follow-up that names another item only."""
    return replace(answer, context=replace(answer.context, relation=tuple(RELATION + a for a in asked)))
