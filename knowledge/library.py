"""Several notices in one bot: each answered by its own engine, a question sent to the notice it names.

A question names a notice by words only that notice has among those loaded: its 文号, a piece of its
title or of a group's name (陶寺, 经济普查), a person it names. A question naming none goes to the notice
the conversation is about; with no such notice and several loaded, the bot asks which one, and never
mixes two notices in one answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from knowledge.answer import Answer, Context
from knowledge.engine import Engine
from knowledge.facts import ROLE_TIERS, Knowledge
from knowledge.lexicon import Cue
from knowledge.loader import BUNDLED
from knowledge.matcher import EntityKind
from knowledge.normalize import normalize
from knowledge.tools import EngineConfig

_SHORTEST = 2  # a distinctive piece of a name is at least this long
_LONGEST = 8
_COVERAGE_WEIGHT = 10  # coverage decides, the longest distinctive stretch breaks ties
_SURE = 90  # a mention this sure names its notice
_GENERIC_NAMES = frozenset({"领导小组", "协调小组", "工作专班", "专班", "指挥部", "委员会", "小组", "联席会议"})
_MASKED = re.compile("|".join(sorted((*_GENERIC_NAMES, *ROLE_TIERS, "组成人员", "办公室"), key=len, reverse=True)))
_NUMBER = re.compile(r"(\d{4})\D{0,3}?(\d+)\s*号")
# a group asked by its level (省放管服协调小组, 市未保组): the notices of that level, where names tie
_LEVEL_ASKED = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff]))([省市县区])(?![长委政级里])(?=[\u4e00-\u9fff]{3})")
# the provinces' one-character names, as people prefix them to a group (粤放管服小组, 鲁未保领导小组)
_PROVINCES = {
    "京": "北京",
    "津": "天津",
    "沪": "上海",
    "渝": "重庆",
    "冀": "河北",
    "晋": "山西",
    "辽": "辽宁",
    "吉": "吉林",
    "黑": "黑龙江",
    "苏": "江苏",
    "浙": "浙江",
    "皖": "安徽",
    "闽": "福建",
    "赣": "江西",
    "鲁": "山东",
    "豫": "河南",
    "鄂": "湖北",
    "湘": "湖南",
    "粤": "广东",
    "琼": "海南",
    "川": "四川",
    "蜀": "四川",
    "黔": "贵州",
    "贵": "贵州",
    "滇": "云南",
    "云": "云南",
    "陕": "陕西",
    "秦": "陕西",
    "甘": "甘肃",
    "陇": "甘肃",
    "青": "青海",
    "桂": "广西",
    "蒙": "内蒙古",
    "藏": "西藏",
    "宁": "宁夏",
    "新": "新疆",
}
_PROVINCE_PREFIX = re.compile(rf"(?:^|(?<=[^\u4e00-\u9fff]))([{''.join(_PROVINCES)}])(?=[\u4e00-\u9fff]{{2}})")


@dataclass(frozen=True)
class Notice:
    """One loaded notice: its directory name, its engine, and how answers name it."""

    key: str
    engine: Engine

    @cached_property
    def label(self) -> str:
        """文号, else the title: how the citation and the which-notice question name it."""
        return self.engine.tools.notice_label

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The strings that name this notice or what is in it: title, 文号, groups, people."""
        kb = self.engine.kb
        found = [f.value for f in kb.document.values() if f.id in ("title", "number", "issuer")]
        # the bodies it abolishes or merges (原江源省支持非公有制经济发展联席会议): asked of, they name it too
        found += [f.value for f in [*kb.fields("abolished"), *kb.fields("merged")]]
        for group in kb.groups.values():
            found += [group.name, *(group.aliases), *([group.full_name] if group.full_name else [])]
        # (a post no one is named for is said by its unit: 国网…供电公司副经理 is no claim on 供电公司)
        found += [p.name for p in kb.people.values() if not p.post]
        # the short forms its reader derives for its groups (协调组 of any 协调小组): what they name, they name
        # for every notice that has them, so a hand-written alias is no more distinctive than a derived one
        surfaces = self.engine.reader.matcher.surfaces.items()
        found += [form for form, (entity, _) in surfaces if entity.kind is EntityKind.GROUP]
        return tuple(dict.fromkeys(normalize(s).replace(" ", "") for s in found))

    @cached_property
    def kinds(self) -> str:
        """The kinds and names of its groups in one string (领导小组 … 工作专班), for 那个专班."""
        return " ".join(f"{g.kind} {g.name}" for g in self.engine.kb.groups.values())

    @cached_property
    def places_held(self) -> frozenset[str]:
        """The places its groups and offices have (组长, 常务副主任, 召集人 …)."""
        tools = self.engine.tools
        return tools.place_words | tools.office_place_words

    @cached_property
    def levels(self) -> frozenset[str]:
        return self.engine.kb.levels()

    @cached_property
    def places(self) -> frozenset[str]:
        return self.engine.kb.places()

    @cached_property
    def number_prefix(self) -> str:
        """The issuer's part of the 文号 (清府发 of 清府发〔2023〕9号), which notices of one year may share
        the number without."""
        field = self.engine.kb.field("number")
        found = _NUMBER.search(field.value) if field else None
        return field.value[: found.start()].rstrip("〔[(（【 ") if field and found else ""

    @cached_property
    def number(self) -> tuple[int, int] | None:
        field = self.engine.kb.field("number")
        found = _NUMBER.search(field.value) if field else None
        return (int(found.group(1)), int(found.group(2))) if found else None


class Library:
    """The notices the bot answers from, and the routing between them."""

    def __init__(self, notices: Sequence[Notice], generic: Iterable[str] = ()) -> None:
        if not notices:
            raise ValueError("a library needs at least one notice")
        self.notices = tuple(notices)
        self.by_key = {n.key: n for n in self.notices}
        self._generic = frozenset(p for word in generic for p in _pieces([word]) | {word})
        # per notice, the pieces (2–8 characters) of its names that are not question words (组长, 通知 …),
        # and those of them no other loaded notice's names contain
        self._named_pieces = {
            n.key: frozenset(p for p in _pieces(n.names) if p not in self._generic) for n in self.notices
        }
        owners = Counter(p for pieces in self._named_pieces.values() for p in pieces)
        self._others_pieces = {
            n.key: frozenset().union(*(v for k, v in self._named_pieces.items() if k != n.key)) for n in self.notices
        }
        self._pieces = {k: frozenset(p for p in v if owners[p] == 1) for k, v in self._named_pieces.items()}

    @classmethod
    def build(
        cls, dirs: Sequence[Path] = (BUNDLED,), config: EngineConfig | None = None, cache_dir: Path | None = None
    ) -> Library:
        notices = []
        for path in dirs:
            key = _unique_key(path.name, {n.key for n in notices})
            notices.append(Notice(key, Engine.build(config, cache_dir, path)))
        lexicon = notices[0].engine.lexicon
        # question words say what is asked, not which notice; places (广东, 开州) do say which
        asking = [w for cue, words in lexicon.cues.items() if cue is not Cue.ELSEWHERE for w in words]
        named = " ".join(name for n in notices for name in n.names)
        fillers = [w for w in lexicon.fillers if w not in named]  # 放管服 / 协调 fill questions, but name groups
        generic = {*fillers, *asking, *lexicon.document_words} - set(lexicon.cues[Cue.ELSEWHERE])
        return cls(notices, generic)

    @classmethod
    def of(cls, engine: Engine, key: str = BUNDLED.name) -> Library:
        """One notice's engine as a library (tests and benches build the engine once)."""
        return cls([Notice(key, engine)])

    @property
    def first(self) -> Engine:
        return self.notices[0].engine

    def kb_for(self, answer: Answer) -> Knowledge:
        """The knowledge an answer comes from (by the notice it names), for rendering its subjects."""
        return next((n.engine.kb for n in self.notices if n.label == answer.notice), self.first.kb)

    def ask(self, question: str, context: Context | None = None) -> Answer:
        """The answer of the notice the question is about, naming that notice; or, where several could
        answer and the question names none, the question which notice is meant."""
        notice = self.route(question, context)
        if notice is None:
            return self._which_notice(question, context)
        own = context if context is not None and context.notice in ("", notice.key) else None
        answer = notice.engine.ask(question, own)
        if len(self.notices) == 1:
            return replace(answer, notice=notice.label)
        # several notices: each citation says which notice it quotes (渝府办发〔2020〕5号 三（二）)
        cited = tuple(replace(c, section=f"{notice.label} {c.section}") for c in answer.citations)
        kept = replace(answer.context, notice=notice.key)
        return replace(answer, notice=notice.label, citations=cited, context=kept)

    def route(self, question: str, context: Context | None = None) -> Notice | None:
        if len(self.notices) == 1:
            return self.notices[0]
        scores = self.named(question)
        best = max(scores.values(), default=0)
        top = [self.by_key[k] for k, s in scores.items() if s == best and s > 0]
        level = _LEVEL_ASKED.search(normalize(question).replace(" ", ""))
        if len(top) > 1 and level:  # 省放管服协调小组: of the tied notices, the province's
            top = [n for n in top if level.group(1) in n.levels] or top
        if len(top) > 1:  # 未保办常务副主任谁: of the tied notices, those that have the place asked about
            asked = max((len(w) for n in top for w in n.places_held if w in question), default=0)
            top = [n for n in top if any(len(w) == asked and w in question for w in n.places_held)] or top
        if len(top) == 1:
            return top[0]
        if context is not None and context.notice in self.by_key:
            return self.by_key[context.notice]
        return None

    def named(self, question: str) -> dict[str, int]:
        """How strongly the question names each notice: its 文号 (a number beats any name), else the
        longest stretch that names only it — a piece of one of its names, or what its own reader
        recognises as one of its groups or people (a short form: 未保组, 航空组; a post: 副总理)."""
        text = normalize(question).replace(" ", "")
        asked = {(int(y), int(n)) for y, n in _NUMBER.findall(text)}
        bare = _MASKED.sub("|", text)  # 领导小组 / 组长 say what, not which notice: 地普|||谁
        recognised = {n.key: self._recognised(n, question) for n in self.notices}
        spans = {key: found[0] for key, found in recognised.items()}
        if not any(spans.values()):  # 梅岭社区在哪个片区: a unit only one notice's reader recognises names it, where
            # the question names no group or person (植物园专班 供电公司谁 is the 专班's, whoever has a 供电公司)
            spans = {key: found[1] for key, found in recognised.items()}
        places = self._places_named(text)
        generic = [g for g in _GENERIC_NAMES if g in text]
        scores = {}
        numbered = any(n.number is not None and n.number in asked for n in self.notices)
        for notice in self.notices:
            if numbered and notice.number not in asked:
                scores[notice.key] = 0  # another notice's 文号 is asked: no name of this one outweighs it
                continue
            if notice.number is not None and notice.number in asked:
                # 清府发〔2023〕9号 and 澄府办发〔2023〕9号 share year and number: the issuer's prefix tells them apart
                prefix = notice.number_prefix
                scores[notice.key] = 100 + bool(prefix and prefix in text)
                continue
            if places and not any(p in notice.engine.tools.notice_text for p in places):
                scores[notice.key] = 0  # 广东那个放管服协调小组: not Chongqing's, whatever else it shares
                continue
            kinds = notice.kinds
            pieces = self._pieces[notice.key]
            others = set().union(*(v for k, v in spans.items() if k != notice.key))
            # a short form only it recognises, unless other notices' names hold it too (放管服协调组 is
            # as much Guangdong's as Chongqing's): at least two of its characters are its own
            theirs = self._others_pieces[notice.key]
            own = [len(s) for s in spans[notice.key] - others if len(s) - _covered(s, theirs) >= _SHORTEST]
            # a piece only its names have counts where the others' names do not spell it out between them
            mine = _own_stretches(bare, frozenset(p for p in pieces if p in bare), _coverage(bare, theirs))
            distinctive = max(mine + own, default=0)
            # how much of the question its names cover (广东 + 放管服 + 协调 beats 放管服协调 alone), then
            # the longest stretch only it has
            covered = _covered(bare, self._named_pieces[notice.key]) + sum(own)
            score = covered * _COVERAGE_WEIGHT + distinctive if distinctive or covered >= _SHORTEST else 0
            score = max(score, 1) if places else score  # 鲁未保领导小组: its place names it
            # 广东那个专班: of the notices named, the one with a group of that kind
            scores[notice.key] = score + sum(k in kinds for k in generic) if score else 0
        return scores

    def _places_named(self, text: str) -> set[str]:
        """The places of loaded notices the question names, by stem or by a province's one-character name."""
        named = {p for n in self.notices for p in n.places if p in text}
        named |= {_PROVINCES[c] for c in _PROVINCE_PREFIX.findall(text)}
        return {p for p in named if any(p in n.places for n in self.notices)}

    @staticmethod
    def _recognised(notice: Notice, question: str) -> tuple[set[str], set[str]]:
        """The stretches of the question the notice's reader takes for its groups or people, and for its units."""
        engine = notice.engine
        text = engine.read_form(question)
        query = engine.reader.read(text)
        # (a post no one is named for — 县农业农村局副局长 — is said by its unit's name, which any notice may have)
        people = engine.kb.people
        sure = [
            m for m in query.mentions if m.score >= _SURE and not (m.entity.id in people and people[m.entity.id].post)
        ]

        def said(kinds: tuple[EntityKind, ...]) -> set[str]:
            found = {text[m.start : m.end] for m in sure if m.entity.kind in kinds}
            # a place's word read as a post (副主任 for a 市政府办公室副主任 without a name) says what, not which notice
            return {s for s in found if len(s) >= _SHORTEST and s not in _GENERIC_NAMES and not _MASKED.fullmatch(s)}

        return said((EntityKind.GROUP, EntityKind.PERSON)), said((EntityKind.UNIT,))

    def _which_notice(self, question: str, context: Context | None) -> Answer:
        wording = self.first.tools
        labels = "、".join(n.label for n in self.notices)
        text = wording.say("which_notice", notices=labels)
        offers = tuple(f"{n.label}：{question}" for n in self.notices)
        return Answer(question, False, text, suggestions=offers, context=context or Context())


def _covered(text: str, pieces: frozenset[str]) -> int:
    """How many characters of ``text`` some piece (2–8 characters) of a notice's names covers."""
    return sum(_coverage(text, pieces))


def _coverage(text: str, pieces: frozenset[str]) -> list[bool]:
    """Which characters of ``text`` some piece of a notice's names covers."""
    covered = [False] * len(text)
    for start in range(len(text)):
        for size in range(min(_LONGEST, len(text) - start), _SHORTEST - 1, -1):
            if text[start : start + size] in pieces:
                covered[start : start + size] = [True] * size
                break
    return covered


def _own_stretches(text: str, pieces: frozenset[str], theirs: list[bool]) -> list[int]:
    """The lengths of the pieces standing in ``text`` with at least two characters no other notice's
    names cover there (服协 of 放管服协调组 is 放管服 + 协调 of Guangdong's names too)."""
    found = []
    for piece in pieces:
        start = text.find(piece)
        while start >= 0:
            if sum(not c for c in theirs[start : start + len(piece)]) >= _SHORTEST:
                found.append(len(piece))
                break
            start = text.find(piece, start + 1)
    return found


def _pieces(names: Iterable[str]) -> set[str]:
    found = set()
    for name in names:
        for size in range(_SHORTEST, min(_LONGEST, len(name)) + 1):
            found.update(name[i : i + size] for i in range(len(name) - size + 1))
    return found


def _unique_key(name: str, taken: set[str]) -> str:
    key, n = name, 2
    while key in taken:
        key, n = f"{name}-{n}", n + 1
    return key
