"""A part of the notice asked for by its number, as the notice numbers it (四（一）怎么说的, 第三部分第二项讲的啥,
通知第二条, 二（一）): what that part says, quoted — the group it sets up, the requirement it states."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from knowledge import describe
from knowledge.answer import UNSTATED, Answer
from knowledge.describe import Part
from knowledge.facts import Fact, FactKind, Group
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn

_NUMERAL = "[一二三四五六七八九十]{1,3}"
# 四（一） / 一(一) / 三、（二）: a part and its item, written as the notice writes them
# 四（一） / 四、（一） / 四、有关要求第（一）条: an item of a part, the part's heading between them or not
_ITEM_OF_PART = re.compile(
    rf"({_NUMERAL})\s*(?:[、.．]\s*[\u4e00-\u9fff]{{0,10}}?\s*第?)?\s*[（(]\s*({_NUMERAL})\s*[)）]"
)
# 第三部分第二项 / 第二部分 / 通知第二条 / 第四部分第二条
_PART_WORDS = re.compile(rf"第({_NUMERAL})(?:部分|大部分|大项|章)(?:的?第({_NUMERAL})(?:项|条|点|段|小项|部分))?")
_PART_OF_NOTICE = re.compile(rf"(?:通知|文件|原文)的?第({_NUMERAL})(?:条|项|点|段)")
_ARTICLE = re.compile(rf"第{_NUMERAL}条")  # a notice made of articles (第一条…第六条) labels its parts so
# (not 哪条街 / 哪个条例: a street, a law)
_WHICH_PART = re.compile(r"第几(?:部分|条|项|节|段|章)|哪(?:个|一)?(?:部分|节|段|章)|哪一?条(?![\u4e00-\u9fff])")
_HOW_MANY_PARTS = re.compile(r"(?:分|有|共|分成|分为)(?:了)?(?:几|多少)个?(?:部分|大部分|大项|板块)")
_TOP = re.compile(rf"{_NUMERAL}(?![一二三四五六七八九十])")
_HEADING = re.compile(r"^([一二三四五六七八九十])、", re.MULTILINE)
_ORDER = "一二三四五六七八九十"
_TITLE = re.compile(r"标题|题目|小标题|叫什么名")  # 第二部分标题呢
_THAT_PART = re.compile(r"[这那该此]一?(?:个)?(?:部分|大项|节|章)")
# 二、协调小组各专题组及主要职责(一)…: a part's heading in the text, before its first item or the line's end
_TITLED_HEADING = re.compile(
    r"(?:^|[。；;:：\n>])\s*([一二三四五六七八九十])、([^，。；;（）()\n]{2,24}?)(?=[（(][一二三四五六七八九十][）)]|\n|$|。)",
    re.MULTILINE,
)
# （二）呢 / 那（三）讲了什么: an item by its number alone
# (第二条 / 那第三项呢, after an item was quoted: the same, by its place in the part)
_BARE_ITEM = re.compile(
    rf"^(?:那|那么)?(?:\(({_NUMERAL})\)|第({_NUMERAL})(?:条|项|点))(?:呢|怎么说|说了什么|讲了什么|讲的啥|写了什么|说啥)?[?？。]*$"
)
_SHOWN = 6  # parts of one section quoted at most
_SAID = (FactKind.DUTY, FactKind.ASPECT_DUTY, FactKind.COMMON_DUTY, FactKind.REQUIREMENT, FactKind.TEXT)
_ROSTER = (FactKind.LEADER, FactKind.DEPUTIES, FactKind.MEMBERS, FactKind.ROLE)
_FACETS = {  # the place or duty of a group a question names, and the facts that state it
    Cue.LEADER: FactKind.LEADER,
    Cue.DEPUTY: FactKind.DEPUTIES,
    Cue.MEMBERS: FactKind.MEMBERS,
    Cue.OFFICE: FactKind.OFFICE,
    Cue.DUTY: FactKind.DUTY,
}


def answer(turn: Turn, tools: Tools) -> Answer | None:
    sibling = _sibling_item(turn, tools)
    turn = sibling or turn
    titled = _title_asked(turn, tools)
    if titled is not None:
        return titled
    groups = [tools.kb.groups[e.id] for e in turn.entities if e.kind is EntityKind.GROUP]
    if groups and _WHICH_PART.search(turn.question):  # 综合组在通知的第几部分: where the notice sets it up
        facets = _facet_facts(turn, tools, groups)
        if facets:  # 协调小组的主要职责原文在哪一部分: where that place or duty stands, in its words
            lead = tools.say("answer_from", sections="、".join(dict.fromkeys(f.section for f in facets if f.section)))
            said = Part(lead + "\n".join(tools.quoted(facets)), tuple(f.id for f in facets))
            return tools.answer(turn.question, [said], turn.entities, 0.85)
        parts = [
            Part(tools.say("section_of", name=g.name, section=g.section), (f"group.{g.id}.leader",)) for g in groups
        ]
        return tools.answer(turn.question, parts, turn.entities, 0.85)
    if _HOW_MANY_PARTS.search(turn.question):  # 这个通知分几个部分: the parts its sections are numbered in
        # the parts its facts stand in and the headings its text keeps (a heading the crawl lost still has facts)
        read = {m.group() for f in tools.kb.facts.values() if (m := _TOP.match(f.section or ""))}
        headed = {m.group(1) for m in _HEADING.finditer(tools.kb.notice)}
        tops = sorted(read | headed, key=_ORDER.index) if (read | headed) <= set(_ORDER) else []
        if tops:
            text = tools.say("parts_counted", count=len(tops), parts="、".join(tops))
            return tools.answer(turn.question, [Part(text)], (), 0.7)
    asked = _sections(turn.question)
    section = next((s for s in asked if any(_within(f.section, s) for f in tools.kb.facts.values())), None)
    if section is None:
        # 第六条写的是什么: an article the notice numbers so, of which the crawl kept nothing readable
        cut = next((s for s in asked if s.startswith("第") and s in tools.notice_text), None)
        cut = cut or (asked[0] if sibling is not None and asked else None)  # （三）呢, of a part the crawl kept two of
        if cut is not None:
            return tools.answer(turn.question, [Part(tools.say("section_unstated", section=cut))], (), 0.7)
        return None  # 第二个组 / 第一条 of a list: not a part of the notice
    titled = _ITEM_OF_PART.search(unicodedata.normalize("NFKC", turn.question))
    if turn.query.has(Cue.REQUIREMENT) and not (titled and "要求" in titled.group()) and sibling is None:
        # 四（一）有哪些要求: the requirements of that item, as the requirement intent lists them (but 四、有关要求第
        # （一）条 names the part by its heading: the item itself)
        return None
    groups = [g for g in tools.kb.groups.values() if g.section == section]
    under: list[Group] = []
    if groups:  # 三（二）: the group it sets up, with its leader and duties
        parts = [describe.group_card(tools.kb, g) for g in groups]
    else:
        parts = _said(tools, section)
        # 二: what it says itself, then the groups of its items (二（一）精简行政审批组 …), so 第一个组 can pick one
        under = [
            g for g in tools.kb.groups.values() if g.section and g.section != section and _within(g.section, section)
        ]
        parts += [Part(tools.say("section_group", section=g.section, group=g.name)) for g in under]
        if not parts:  # 四: what its items say (四（一）, 四（二）)
            items = dict.fromkeys(f.section for f in tools.kb.facts.values() if _within(f.section, section))
            parts = [p for item in items if item != section for p in _said(tools, item)]
    if not parts:
        return None
    # a requirement says its item itself (有关要求（四（一））：…); anything else is headed by the section, on
    # its own line so the parts keep their labels
    said_by_itself = all(p.text.startswith("有关要求") or UNSTATED in p.text for p in parts)
    head = [] if said_by_itself else [Part(_section_head(tools, section, under) + "\n")]
    return tools.answer(turn.question, [*head, *parts[: _SHOWN + len(under)]], (), 0.85)


def _section_head(tools: Tools, section: str, under: list[Group]) -> str:
    """通知一“协调小组组成人员及主要职责”：, the heading as the text keeps it; where the crawl lost it and the
    part sets up groups of one kind, that kind (通知三（3个保障组）：), never a heading made up."""
    headings = {m.group(1): m.group(2) for m in reversed(list(_TITLED_HEADING.finditer(tools.kb.notice)))}
    if section in headings:
        return tools.say("section_titled", section=section, title=headings[section])
    kinds = {g.kind for g in under}
    if len(kinds) == 1 and all(kinds):
        return tools.say("section_of_kind", section=section, count=len(under), kind=kinds.pop())
    return tools.say("section_is", section=section)


def _sibling_item(turn: Turn, tools: Tools) -> Turn | None:
    """四（一）讲了什么 → （二）呢: an item by its number alone, after an item of a part was quoted, is that part's."""
    bare = _BARE_ITEM.match(unicodedata.normalize("NFKC", turn.question).strip())
    if bare is None:
        return None
    cited = [tools.kb.facts[f].section or "" for f in turn.cited if f in tools.kb.facts]
    part = next((m.group(1) for c in cited if (m := re.match(rf"^({_NUMERAL})[（(]", c))), None)
    return replace(turn, question=f"{part}（{bare.group(1) or bare.group(2)}）") if part else None


def _facet_facts(turn: Turn, tools: Tools, groups: list[Group]) -> list[Fact]:
    """The facts of the groups' place or duty a question asks the part of (组长 / 副组长 / 成员 / 办公室 / 职责 /
    放权方面), those with a section; none where it asks of the group as a whole."""
    kinds = {kind for cue, kind in _FACETS.items() if turn.query.has(cue)}
    if turn.query.aspects:
        kinds = {FactKind.ASPECT_DUTY}
    ids = {g.id for g in groups}
    aspects = set(turn.query.aspects)
    return [
        f
        for f in tools.kb.facts.values()
        if f.subject in ids and f.kind in kinds and f.section and f.quote and (not aspects or f.aspect in aspects)
    ][:_SHOWN]


def _title_asked(turn: Turn, tools: Tools) -> Answer | None:
    """第二部分的标题是什么 / 那一部分标题呢: the heading of a part, as the notice's text has it (a heading the
    crawl lost is said to be unstated, never made up from what the part says)."""
    if not _TITLE.search(turn.question):
        return None
    asked = [s for s in _sections(turn.question) if _TOP.fullmatch(s)]
    if not asked and _THAT_PART.search(turn.question):  # 那一部分: the part of what was just cited
        cited = [tools.kb.facts[f].section for f in turn.cited if f in tools.kb.facts]
        asked = list(dict.fromkeys(m.group() for s in cited if s and (m := _TOP.match(s))))
    if len(asked) != 1:
        return None
    headings = {m.group(1): m.group(2) for m in reversed(list(_TITLED_HEADING.finditer(tools.kb.notice)))}
    part = asked[0]
    heading = headings.get(part)
    text = tools.say("part_title", part=part, title=heading) if heading else tools.say("part_title_unstated", part=part)
    return tools.answer(turn.question, [Part(text)], (), 0.75)


def _sections(question: str) -> list[str]:
    """The sections a question may name, as a notice writes them: 四（一）, 二, or an article 第六条 (digits
    read as numerals: 二(３) is 二（三）)."""
    question = re.sub(r"[1-9]", lambda m: _ORDER[int(m.group()) - 1], unicodedata.normalize("NFKC", question))
    found = _ITEM_OF_PART.search(question)
    if found:
        return [f"{found.group(1)}（{found.group(2)}）"]
    found = _PART_WORDS.search(question)
    if found:
        return [f"{found.group(1)}（{found.group(2)}）" if found.group(2) else found.group(1)]
    found = _PART_OF_NOTICE.search(question)
    article = _ARTICLE.search(question)
    return [*([found.group(1)] if found else []), *([article.group()] if article else [])]


def _within(section: str | None, asked: str) -> bool:
    return section is not None and (section == asked or section.startswith(f"{asked}（"))


def _said(tools: Tools, section: str) -> list[Part]:
    """The duties, requirements and sentences that stand in the section, each once, whole."""
    kb = tools.kb
    parts: list[Part] = []
    for fact in kb.facts.values():
        if fact.section != section or fact.kind not in (*_SAID, *_ROSTER, FactKind.OFFICE):
            continue
        if fact.kind in _ROSTER:  # 一（一）组成人员: the group's places, each holder named
            part = describe.members(kb, kb.groups[fact.subject])
        elif fact.kind is FactKind.OFFICE:
            part = describe.office(kb, kb.groups[fact.subject])
        elif fact.kind is FactKind.REQUIREMENT:
            part = describe.requirement(kb, fact.id.removeprefix("req."))
        elif fact.kind is FactKind.COMMON_DUTY:
            part = describe.common_duty(kb, fact.subject)
        elif fact.kind is FactKind.TEXT:
            part = describe.passage(kb, fact.id)
        else:
            part = tools.whole_fact(fact.id)
        if part.text not in (p.text for p in parts):
            parts.append(part)
    return parts
