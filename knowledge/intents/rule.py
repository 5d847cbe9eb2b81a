"""A working rule or requirement the question's own words point at (成员工作变动了怎么调整 / 推进会多久开一次):
the clause that covers nearly all of the question's content, quoted, rather than a decline for 会议 / 多久."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import TypeVar

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind, mask
from knowledge.retrieval import Hit
from knowledge.tools import ROLE_CUES, Tools
from knowledge.turn import Turn
from knowledge.understand import Query

_COVERED = 0.8  # the share of the question's content weight the clause must cover
_ACTED_ON = ("abolished", "merged", "kept")  # fields of what the notice does to other bodies
_OF_THE_ABOLISHED = re.compile(r"(?:被|已)?撤(?:销|掉)?的?(?:那些|这些|那几个|这几个)?(?:议事协调)?机构的?")
_WHEN_COVERED = 0.3  # asked when or how often, of a clause that says a time
_CONJUNCTION = re.compile(r"和|与|以及|及|跟")
# how often or when a rule says: 每半年 / 每季度 / 一次 / 定期, else 不定期 / 根据工作需要 (a meeting held both
# ways is asked of its regular one)
_REGULAR = re.compile(r"每[年半季月周日天旬]|[一二两三四五六七八九十\d]+(?:次|天|日|个月|年|周)|(?<!不)定期")
_AS_NEEDED = re.compile(r"不定期|随时|根据工作需要|临时")
_TIMES = re.compile(r"[一两几\d]+[次回遍趟]")  # 一次 / 一回 of 多久报一次
_VALUE_ASKED = "(?:是|大概|一般)?(?:多少|几|什么|啥|哪)"  # after an attribute: its value asked
_ASKED_BEFORE = "(?:几|多少|什么|啥|哪)[\u4e00-\u9fff]?"  # before it: 几点下班
# a day or an hour asked (每月几号开 / 几月份开), finer than a rule that says only how often (每月召开一次)
_DAY_ASKED = re.compile(r"几号|几月份?|哪一?天|哪几天|星期几|周几|礼拜几|几点|具体(?:哪天|日期|时间)")
_DAY_SAID = re.compile(
    r"\d+月\d*日?|[一二三四五六七八九十]+月[一二三四五六七八九十]*日|每月\d+日|每[周星期]+[一二三四五六日]|"
    r"周[一二三四五六日]|\d+[时点]|\d+个?工作日|[月年]底|[月年]初"
)
_T = TypeVar("_T")
_WORD = 2


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    when = query.has(Cue.WHEN, Cue.QUANTITY)  # 运行到什么时候 / 多久开一次: one word of the rule is enough
    groups = [tools.kb.groups[e.id] for e in entities if e.kind is EntityKind.GROUP and not tools.kb.is_top(e.id)]
    if any(e.kind is EntityKind.PERSON for e in entities) or (groups and not when):
        return None  # a person's or a group's own facts come first; but 专项工作组多久报告一次 is a rule of it
    if _asks_attribute(tools, query):
        return None  # 办公室电话多少，我想打过去反映问题: what no rule says, though the rules speak of 反映问题
    units = [e for e in entities if e.kind is EntityKind.UNIT]
    if units and query.has(Cue.DUTY) and tools.lists_unit_duties:
        return None  # 人武部在森林防火里具体干嘛: the unit's item of the duty list
    # (办公室多长时间通报一次: a rule of the office, where it asks how often or when)
    facets = [c for c in ROLE_CUES if c is not Cue.MEMBERS and not (when and c is Cue.OFFICE)]
    # (a facet its own words ask: 联络员 carried from 联络员会议多久开一次 does not make 全体会议呢 one)
    facets = [c for c in facets if any(w in tools.lexicon.cues[c] for w in query.cue_words)]
    # (被撤机构的档案交到哪: the bodies the notice abolishes only say whose archives, which a rule says)
    possessed = _OF_THE_ABOLISHED.search(query.text) is not None
    fields = [f for f in query.document_fields if not (possessed and f in _ACTED_ON)]
    if query.has(*facets, Cue.COMMON, Cue.ELSEWHERE) or fields:
        return None  # 谁说了算 / 办公室设在哪 / 哪天印发的: a facet or the document, not a rule
    holders = [e for e in entities if e.kind is not EntityKind.GROUP]
    place = query.has(Cue.MEMBERS) or any(w in query.text for w in tools.place_words)
    if place and (query.has(Cue.COUNT) or (holders and query.has(Cue.YES_NO))):
        # 委员单位一共多少家 / 市教育局是委员单位吗 / 联络员名单里一共几个单位: the holders of the place,
        # though a rule says 各委员单位 / 明确一名联络员
        return None
    if query.has(Cue.DUTY) and tools.kinds_named(query):
        return None  # 三个保障组的分工: the duties of the groups of a kind, though a rule says 职责分工
    if query.has(Cue.COUNT) and tools.kinds_named(query) and not when:
        return None  # 一共几个专项小组: the groups of that kind counted, though a rule says 各专项小组
    # The words that name the group (专班, 陶寺) or a place in it (成员) say whose rule, not which rule;
    # a cue word counts where a clause uses it (召开, 调整), not where none does (什么时候).
    words = [w for w in _rule_words(turn, tools) if not _names_the_group(turn, tools, w)]
    one = words[0] if len(words) == 1 and (when or not _says_what_or_whose(words[0], tools)) else None
    places = [w for w in tools.place_words if w in query.text]  # 成员要怎么调整: of the rules saying 调整, 成员's
    if len(words) < 2 and not (one and _one_rule_says(tools, one, when, places)):
        return None  # 会谁主持: one word of its own is enough where one rule alone uses it
    unknown = [  # 逃生: no rule says it
        w for w in query.unknown if w not in words and not tools.names_group(w) and not _names_the_group(turn, tools, w)
    ]
    found = tools.index.search([*words, *unknown], limit=20)
    hits = [h for h in found if h.clause.subject == "requirements"]
    duty = found[0] if found and found[0].clause.subject != "requirements" and found[0].score >= _COVERED else None
    asked = duty is not None and (query.has(Cue.DUTY) or (bool(duty.clause.label) and duty.clause.label in words))
    if duty is not None and (
        not hits or duty.score > hits[0].score + 1e-9 or (asked and duty.score >= hits[0].score - 1e-9)
    ):
        return None  # 污水治理这块专班管啥 / 村容村貌整治些啥: a duty says it, not the rule that lists it (评比 of 污水治理)
    hits = [h for h in hits if not _unit_item(tools, h.clause.fact)]
    hits = [h for h in hits if all(tools.concerns(h, g) for g in groups)]  # the rule of the group named
    if when and hits:  # 全体会议多久开: of the clauses that fit best, the one that gives a time
        best = [h for h in hits if h.score >= hits[0].score - 1e-9]
        timed = _timed(best, lambda h: h.clause.text)
        hits = timed + [h for h in hits if h not in timed] if timed else hits
    if (not hits or hits[0].score < _COVERED) and _CONJUNCTION.search(query.text):
        hits = _each_piece(turn, tools, [*words, *unknown]) or hits  # 全体会议和联络员会议分别多久一次
    if when and hits and hits[0].score < _COVERED and _REGULAR.search(hits[0].clause.text):
        # 全体会多久开一回 / 工作进展每月几号前报上去: asked when, in words of its own, the one rule that says a
        # time and shares enough of them is the answer
        shares = hits[0].score >= _WHEN_COVERED and (len(hits) < 2 or hits[1].score < hits[0].score)
        hits = [Hit(hits[0].clause, 1.0)] if shares else hits
    named = {f"req.{r.id}" for r in tools.kb.requirements if r.item and len(r.item) >= _WORD and r.item in query.text}
    own = [Hit(h.clause, max(h.score, hits[0].score)) for h in hits if h.clause.fact in named]
    if own and hits[0].score >= _COVERED:  # 专题会议研究些啥: the item it names, before one that mentions it
        hits = own + [h for h in hits if h.clause.fact not in named]
    if hits and hits[0].score >= _COVERED:
        # of the clauses that fit as well, the one about the place the question names first (成员调整了要重新发文吗:
        # the rule of 成员, not of another group's 组成人员)
        asked = [w for w in tools.place_words if w in query.text]
        hits = sorted(hits, key=lambda h: (-round(h.score, 6), not any(w in h.clause.text for w in asked)))
        chosen = [h.clause.fact.removeprefix("req.") for h in hits if h.score >= hits[0].score - 1e-9][:2]
        parts = [describe.requirement(tools.kb, r) for r in tools.with_lost_rest(chosen)]
        timed = _timed_sentences(tools, chosen[0], words) if when and len(chosen) == 1 else None
        parts = [timed] if timed is not None else parts
    else:  # a sentence of the notice no fact quotes (不作为议事协调机构, 报组长批准)
        hits = tools.passages.search([*words, *unknown], limit=3)
        if not hits or hits[0].score < _COVERED:
            return None
        parts = [describe.passage(tools.kb, hits[0].clause.fact)]
        if query.has(Cue.YES_NO) and all(w in hits[0].clause.text for w in words):
            # 算省政府议事协调机构吗: the sentence says so, or says 不作为 / 不纳入
            parts.insert(0, tools.verdict(not _denies(hits[0].clause.text, words), question))
    if query.has(Cue.YES_NO) and _denies(hits[0].clause.text, words):  # 有没有公章: the rule says 不刻制印章
        parts.insert(0, tools.verdict(False, question))
    if when and _DAY_ASKED.search(query.text) and not any(_DAY_SAID.search(p.text) for p in parts):
        parts.insert(0, Part(tools.say("day_unstated")))  # 调度会每月几号开: the rule says how often, not the day
    return tools.answer(question, parts, (), 0.75)


def _timed_sentences(tools: Tools, requirement_id: str, words: list[str]) -> Part | None:
    """全体会议多久开一次, of an item that sets the times of two meetings (每学期召开一次全体会议…；办公室每季度召开一次
    联络员会议): the sentence of it that says a time and the most of the question's words, not the other's time."""
    entry = next(r for r in tools.kb.requirements if r.id == requirement_id)
    sentences = [c for c in re.split(r"(?<=[。；;])", entry.quote or "") if c.strip()]
    timed = [c for c in sentences if _REGULAR.search(c)]
    if len(timed) < 2:
        return None
    shared = {c: sum(w in c for w in words) for c in timed}
    most = max(shared.values())
    own = [c for c in timed if shared[c] == most]
    if most == 0 or len(own) == len(timed):
        return None
    return Part(f"有关要求（{entry.section}）：{''.join(own)}", (f"req.{entry.id}",))


def _each_piece(turn: Turn, tools: Tools, words: list[str]) -> list[Hit]:
    """The best rule of each piece of a question joined by 和 / 与 (each piece with its own words), when
    every piece has one that covers it."""
    found: list[Hit] = []
    for piece in (p for p in _CONJUNCTION.split(turn.query.text) if p.strip()):
        own = [w for w in words if w in piece]
        hits = [h for h in tools.index.search(own, limit=5) if h.clause.subject == "requirements"] if own else []
        if not hits or hits[0].score < _COVERED:
            return []
        found.append(Hit(hits[0].clause, 1.0))
    return list({h.clause.fact: h for h in found}.values()) if len(found) > 1 else []


def _names_the_group(turn: Turn, tools: Tools, word: str) -> bool:
    """Whether a word is said of the group named rather than of a rule: the notice's place (临江), or a word
    the notice lacks typed right before the group's name as part of it (临江旧改指挥部)."""
    if word in tools.kb.places() or (len(word) > 1 and word in tools.document_values.get("number", "")):
        return True  # (鹤政办函〔2021〕37号 联络员会议由谁召开: the number names the notice, not the rule)
    text = turn.query.text
    starts = [m.start for m in turn.query.mentions if m.entity.kind is EntityKind.GROUP]
    if word in tools.lexicon.document_actions and any(text[max(0, s - len(word) - 2) : s].count(word) for s in starts):
        return True  # 岳宁市政府办调整食品安全示范城市领导小组的通知: what the notice does names the notice
    if word in tools.notice_text:
        return False  # 之前成立专班那个文件: 成立 is what was done, a word of the notice
    return any(text[:start].rstrip().endswith(word) for start in starts)


def _unit_item(tools: Tools, fact: str) -> bool:
    """Whether a requirement is a member unit's item of a duty list (市水利局：负责…): what that unit does, no rule
    (要转移找哪个部门 asks the unit)."""
    return fact.removeprefix("req.") in tools.kb.unit_items


def _asks_attribute(tools: Tools, query: Query) -> bool:
    """Whether the question asks the value of an attribute the notice never gives (电话多少 / 地址是啥 / 值班电话多少),
    not only speaks of one (谁来召集开会)."""
    attributes = [w for w in query.cue_words if w in tools.lexicon.cues[Cue.UNKNOWN_ATTRIBUTE]]
    return any(
        w not in tools.notice_text
        and re.search(f"{re.escape(w)}{_VALUE_ASKED}|{_ASKED_BEFORE}{re.escape(w)}", query.text)
        for w in attributes
    )


def _rule_words(turn: Turn, tools: Tools) -> list[str]:
    """The question's words a rule could use: its content, and the words of its cue words that the
    notice's rules use (召开 and 会议 of 多久召开会议, where 开会 is read as a cue). The words that
    name the group (专班, 陶寺) or a place in it (成员) say whose rule, not which rule."""
    query = turn.query
    cues = [w for w in query.cue_words if len(w) > 1 and w in tools.index.idf]
    spoken = tools.reader.segmenter.cut(mask(query.text, query.mentions))
    inside = [w for w in spoken if len(w) > 1 and w in tools.rule_vocabulary and not _says_what_or_whose(w, tools)]
    # two words side by side that a rule writes as one name (联络员|会议 → 联络员会议): the rule of that name
    # (not a group's name and its place: 专班|组长 is the 组长, asked by named)
    roles = tools.all_place_words
    joined = [
        a + b for a, b in pairwise(spoken) if len(a) > 1 and len(b) > 1 and b not in roles and tools.rule_says(a + b)
    ]
    # (成员调整了要重新发文吗: 调整 is what the notice does, and what a rule of it says too)
    acts = [w for w in tools.lexicon.document_actions if w in query.text and tools.rule_says(w)]
    words = (w for w in (*joined, *query.content, *cues, *inside, *acts) if not tools.names_group(w))
    # (多久报一次: 一次 is the how-often asked, no word of the rule's)
    timed = query.has(Cue.WHEN, Cue.QUANTITY)
    return list(dict.fromkeys(w for w in words if not (timed and _TIMES.fullmatch(w))))


def _says_what_or_whose(word: str, tools: Tools) -> bool:
    """A question word (什么, 会议), a word holding a place's (班组长) or a word of the notice's title or
    issuer (山东, 办公厅): what is asked, or whose notice, not which rule."""
    if word in tools.question_words or any(place in word for place in tools.place_words):
        return True
    return any(word in tools.document_values.get(f, "") for f in ("title", "issuer"))


def _one_rule_says(tools: Tools, word: str, when: bool = False, places: Iterable[str] = ()) -> bool:
    """One word is enough where exactly one rule or passage uses it (运行 →
    专班自成立起运行至2027年底, 主持 → 会议由组长主持) — asked how often or when, one that uses it with a
    time (全体会议多久开 → 全体会议原则上每半年召开一次, not 实行全体会议和专题会议制度)."""
    clauses = [c for c in tools.index.clauses if c.subject == "requirements" and not _unit_item(tools, c.fact)]
    clauses += list(tools.passages.clauses)
    used = [c for c in clauses if word in c.tokens]
    placed = [c for c in used if any(_says_place(tools, c.text, p) for p in places)]  # (成员单位如需调整: units')
    used = placed if len({c.fact for c in placed}) == 1 else used
    # (a word of two characters, 会议, names any meeting: a time does not make one of them the one asked)
    timed = _timed(used, lambda c: c.text) if when and len(word) > _WORD else []
    return len(word) >= _WORD and len({c.fact for c in timed or used}) == 1


def _says_place(tools: Tools, text: str, place: str) -> bool:
    """Whether a text says the place itself, not only a longer place with its word (成员 in 成员单位)."""
    for longer in sorted((w for w in tools.place_words if place in w and w != place), key=len, reverse=True):
        text = text.replace(longer, "|")
    return place in text


def _timed(found: list[_T], text: Callable[[_T], str]) -> list[_T]:
    """Those that say when: regularly (每半年 / 一次) if any do, else as needed (不定期 / 根据工作需要)."""
    return [f for f in found if _REGULAR.search(text(f))] or [f for f in found if _AS_NEEDED.search(text(f))]


def _denies(clause: str, words: list[str]) -> bool:
    """Whether the clause says no to what the question names: 不 / 不再 / 未 just before the word."""
    return any(
        re.search(rf"(?:不|未|不再|无)[\u4e00-\u9fff]{{0,5}}{re.escape(w)}", clause) for w in words if w in clause
    )
