"""The question vocabulary (``data/lexicon.yaml``): cue words for what is asked, aspects, fillers."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from pypinyin import lazy_pinyin

from knowledge.abbreviations import kind_short_forms
from knowledge.facts import ROLE_TIERS, Aspect, Knowledge, Tier
from knowledge.loader import DATA_DIR, KnowledgeError, load_file

_POST = re.compile(r"[\u4e00-\u9fff]{0,3}(?:长|主任|召集人|书记|主席|指挥)")  # a post word: 组长, 秘书长, 主任


class Cue(enum.Enum):
    """What a word in the question signals; the keys of ``cues`` in lexicon.yaml."""

    # A member is its own identity: hashed by it, in C, not by its name in Enum's Python ``__hash__``
    # (the sets of cues each question builds and tests hash them hundreds of times).
    __hash__ = object.__hash__

    LEADER = "leader"
    DEPUTY = "deputy"
    MEMBERS = "members"
    OFFICE = "office"
    OFFICE_PLACE = "office_place"
    OFFICE_DEPUTY = "office_deputy"
    OFFICE_DIRECTOR = "office_director"
    DUTY = "duty"
    NAME = "name"
    ROLES = "roles"
    WHICH_GROUP = "which_group"
    COUNT = "count"
    LIST = "list"
    TOPIC_GROUPS = "topic_groups"
    SUPPORT_GROUPS = "support_groups"
    ALL_GROUPS = "all_groups"
    EVERY = "every"
    BOTH = "both"
    DIFFERENCE = "difference"
    UNION = "union"
    SUM = "sum"
    SAME = "same"
    COMPARE = "compare"
    WHICH_ASPECT = "which_aspect"
    COMMON = "common"
    REQUIREMENT = "requirement"
    PROCEDURE = "procedure"
    QUANTITY = "quantity"
    DESCRIBED_GROUP = "described_group"
    MISSING = "missing"
    SUPERLATIVE = "superlative"
    ALSO = "also"
    OTHER_POST = "other_post"
    PRONOUN = "pronoun"
    YES_NO = "yes_no"
    WHEN = "when"
    ELSEWHERE = "elsewhere"
    UNKNOWN_ATTRIBUTE = "unknown_attribute"
    FORMER = "former"
    ADDED = "added"
    PART = "part"


_ASCII_LETTER = re.compile("[a-z]")
_CHINESE_PAIR = re.compile("[\u4e00-\u9fff](?<!了)[\u4e00-\u9fff](?<!了)")  # two characters, neither 了


def _whole_word(word: str) -> str:
    """``word`` as a pattern that takes an English word only whole (do, not the do of dong)."""
    head = "(?<![a-z])" if _ASCII_LETTER.match(word[0]) else ""
    tail = "(?![a-z])" if _ASCII_LETTER.match(word[-1]) else ""
    return f"{head}{re.escape(word)}{tail}"


@dataclass(frozen=True)
class Related:
    """Templates of follow-up questions offered under an answer."""

    leader: str
    deputies: str
    members: str
    duty: str
    aspect: str
    roles: str
    unit_roles: str
    office: str


@dataclass(frozen=True)
class MessageWords:
    """How a long message is taken apart (knowledge/message.py): what frames it, what asks."""

    framing: tuple[str, ...]  # a clause starting so, asking nothing, frames the question (您好 / 我是…)
    asking: tuple[str, ...]  # words that make a clause a question (谁 / 哪 / 吗 / 请问 …)
    ask_starts: tuple[str, ...]  # where the question begins inside a framing clause (我是…的想问下…)
    first_person: tuple[str, ...]  # 我们 / 我单位: the asker, as the self-introduction named them
    enumeration: tuple[str, ...]  # 第一 / 第二 …: each starts a question of its own


@dataclass(frozen=True)
class SmallTalkWords:
    """Messages that are small talk, not questions (knowledge/intents/small_talk.py)."""

    greeting: tuple[str, ...]
    thanks: tuple[str, ...]
    identity: tuple[str, ...]
    abilities: tuple[str, ...]
    summary: tuple[str, ...]
    particles: str  # may stand around them (啊 / 呀 / 哈 …)


@dataclass(frozen=True)
class Lexicon:
    cues: dict[Cue, tuple[str, ...]]
    document: dict[str, tuple[str, ...]]
    document_words: tuple[str, ...]
    document_actions: tuple[str, ...]
    aspects: dict[Aspect, tuple[str, ...]]
    fillers: tuple[str, ...]
    unit_suffixes: tuple[str, ...]
    unit_classes: dict[str, tuple[str, ...]]
    surnames: str
    synonyms: dict[str, str]
    related: Related
    suggestions: tuple[str, ...]
    message: MessageWords
    small_talk: SmallTalkWords
    # fields only some notices have (撤销 / 保留 …): asked for where a notice states them, else not a field
    document_stated: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # words a rule may use for what the question says in others (另行 for 重新, 汇报 for 报告)
    equivalents: tuple[tuple[str, ...], ...] = ()
    # English words that carry nothing in a question (the, does, thx): dropped as whole words
    ignored_english: tuple[str, ...] = ()
    # what people call a post's charge (分管环保 for 分管生态环境工作): read only of charges
    charges: tuple[tuple[str, ...], ...] = ()

    @cached_property
    def equivalent(self) -> dict[str, frozenset[str]]:
        """Each word of an equivalence group, with the other words of its groups."""
        return _by_word(self.equivalents)

    @cached_property
    def charge_equivalent(self) -> dict[str, frozenset[str]]:
        """Each word people use for a charge (环保), with the notice's words for it (生态环境)."""
        return _by_word(self.charges)

    def rewrite(self, text: str) -> str:
        """Colloquial words in the notice's own wording (一把手 → 主要负责人), longest first, in one
        pass: what was written in is not rewritten again, and a notice term already there stays
        whole (证合一 → 多证合一, but 多证合一 stays 多证合一)."""
        text = self._deputy_slip.sub("副", text)  # 付组长 / 付主任: 付 typed for the 副 of a post
        return self._synonym_pattern.sub(lambda m: self._written_as(m.group()), text)

    def english(self, text: str) -> str:
        """The English words of a question in Chinese, as whole words (deputy leader → 副组长, the → nothing),
        before pinyin is read: an English word is never taken for pinyin (one → 哦呢)."""
        if not _ASCII_LETTER.search(text):
            return text
        return self._english_pattern.sub(lambda m: self._written_as(m.group()), text)

    @cached_property
    def _english_pattern(self) -> re.Pattern[str]:
        words = {w for w in (*self.synonyms, *self.ignored_english) if _ASCII_LETTER.search(w)}
        return re.compile("|".join(map(_whole_word, sorted(words, key=len, reverse=True))))

    @cached_property
    def _ignored(self) -> frozenset[str]:
        return frozenset(self.ignored_english)

    def _written_as(self, word: str) -> str:
        return "" if word in self._ignored else self._spoken.get(word, word)

    @cached_property
    def _spoken(self) -> dict[str, str]:
        """The synonyms, and each two-character one said with 了 inside, as a verb and its object are
        (换了人 for 换人, 开了会 for 开会)."""
        split = {k[0] + "了" + k[1]: v for k, v in self.synonyms.items() if _CHINESE_PAIR.fullmatch(k)}
        return {**split, **self.synonyms}

    @cached_property
    def _deputy_slip(self) -> re.Pattern[str]:
        cues = (Cue.LEADER, Cue.OTHER_POST, Cue.OFFICE_DIRECTOR)
        posts = {w for c in cues for w in self.cues.get(c, ()) if _POST.fullmatch(w) and not w.startswith("副")}
        return re.compile(f"付(?=(?:{'|'.join(map(re.escape, sorted(posts, key=len, reverse=True)))}))")

    @cached_property
    def aspect_words(self) -> frozenset[str]:
        """The words that name an aspect (放权, 监管 …): they mark a side of a duty, not a topic."""
        return frozenset(w for words in self.aspects.values() for w in words)

    @cached_property
    def _synonym_pattern(self) -> re.Pattern[str]:
        """The Chinese words, longest first (the English ones were read before pinyin, by english())."""
        chinese = {k: v for k, v in self._spoken.items() if not _ASCII_LETTER.search(k)}  # English: english()
        words = {*chinese, *chinese.values()}
        return re.compile("|".join(map(_whole_word, sorted(words, key=len, reverse=True))))

    def words(self) -> set[str]:
        """Every word the lexicon knows, for the segmenter's dictionary."""
        lists = [*self.cues.values(), *self.document.values(), *self.aspects.values()]
        # (everyday words of three characters or more, 农家乐 / 红头文件, are read whole to reach their equivalents;
        # shorter ones the segmenter keeps as words already, and adding them would cut 食品安全 apart)
        everyday = {w for group in self.equivalents for w in group if len(w) >= 3}
        return {w for words in lists for w in words} | set(self.document_words) | set(self.fillers) | everyday


@dataclass(frozen=True)
class NoticeWords:
    """A notice's own ``lexicon.yaml``: words added to the general ones (its districts as elsewhere, everyday
    words for its duties), and, if given, its own example questions."""

    cues: dict[Cue, tuple[str, ...]] = field(default_factory=dict)
    fillers: tuple[str, ...] = ()
    synonyms: dict[str, str] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()


def _by_word(groups: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for group in groups:
        for word in group:
            found.setdefault(word, set()).update(w for w in group if w != word)
    return {word: frozenset(others) for word, others in found.items()}


def load_lexicon(path: Path = DATA_DIR / "lexicon.yaml") -> Lexicon:
    """The general question words."""
    lexicon = load_file(Lexicon, path)
    missing = [cue.value for cue in Cue if not lexicon.cues.get(cue)]
    if missing:
        raise KnowledgeError(f"{path}: cues: missing words for {', '.join(missing)}")
    return lexicon


def with_notice_words(lexicon: Lexicon, notice_words: Path) -> Lexicon:
    """The lexicon with a notice's own words added, where it has a lexicon.yaml."""
    if not notice_words.exists():
        return lexicon
    own = load_file(NoticeWords, notice_words)
    cues = {cue: tuple(dict.fromkeys((*words, *own.cues.get(cue, ())))) for cue, words in lexicon.cues.items()}
    return replace(
        lexicon,
        cues=cues,
        fillers=tuple(dict.fromkeys((*lexicon.fillers, *own.fillers))),
        synonyms={**lexicon.synonyms, **own.synonyms},
        suggestions=own.suggestions or lexicon.suggestions,
    )


_TIER_CUES = {Tier.HEAD: Cue.LEADER, Tier.DEPUTY: Cue.DEPUTY, Tier.MEMBER: Cue.MEMBERS}
_UNIT_WORDS = ("单位", "部门")  # 成员单位 / 参与部门: the members, where the notice names member units


_KIND_MODIFIERS = ("工作", "专项")  # 工作专班 is said 专班, 专项推进组 推进组
_PLACE_HOLDER = re.compile(r"(?:单位|部门|[省市县区]?领导)$")  # 牵头单位 / 牵头县领导: who holds the place


def place_stem(role: str) -> str:
    """The word a place of a unit or a leader is asked by: 牵头单位 → 牵头, 配合单位 → 配合, 牵头县领导 → 牵头;
    other places by themselves."""
    stem = _PLACE_HOLDER.sub("", role)
    return stem if len(stem) >= 2 and stem != role else role


def _role_forms(role: str) -> list[str]:
    """A place's word and the words people say for it: 县级河长（湖长） is 县级河长, 湖长, 河长 too."""
    if not role:
        return []
    forms = [role, re.sub(r"[（(][^）)]*[）)]", "", role), *re.findall(r"[（(]([^）)]+)[）)]", role)]
    forms += [f.split("级", 1)[1] for f in forms if "级" in f and len(f.split("级", 1)[1]) >= 2]
    return list(dict.fromkeys(f for f in forms if f))


_OFFICE_PREFIXES = ("办公室", "办")  # 办公室主任 / 办主任: a post of the office, said with it


def with_own_roles(lexicon: Lexicon, kb: Knowledge) -> Lexicon:
    """The lexicon with the notice's own words for the places in its groups (指挥长, 召集人, 委员 …) as
    the cue of their tier; 成员单位 and the like ask for the members (in a notice whose units are all deputies,
    as 渝府办发〔2020〕5号, they ask for the deputies)."""
    cues = {cue: list(words) for cue, words in lexicon.cues.items()}
    holdings = [h for g in kb.groups.values() for h in g.roles]
    for holding in holdings:
        cue = _TIER_CUES.get(holding.tier)
        for word in (holding.role, holding.part):  # a sub-list's label (专家委员) asks for that sub-list
            for form in _role_forms(word or ""):
                if cue is not None and form not in cues[cue]:
                    cues[cue].append(form)
        deputy = f"副{holding.role}"  # 副片长, of a notice whose 片区 have only a 片长: a deputy it may lack
        if holding.tier is Tier.HEAD and not holding.role.startswith("副") and deputy not in cues[Cue.DEPUTY]:
            cues[Cue.DEPUTY].append(deputy)
    # 召集人是谁 / 指挥长是谁, of a notice whose groups have 组长: another body's word for the head (or a deputy)
    # asks for this notice's; 主任 stays the office's where the notice has an office
    own = {h.role for h in holdings}
    office = {h.role for g in kb.groups.values() if g.office for h in g.office.roles}
    for word, tier in ROLE_TIERS.items():
        cue = _TIER_CUES.get(tier) if tier in (Tier.HEAD, Tier.DEPUTY) else None
        other_body = word not in own and word not in office and not word.endswith("主任")
        if cue is not None and other_body and word not in cues[cue]:
            cues[cue].append(word)
    # 主任是谁, of a 专班 whose head is its 主任: the group's head, not an office's (办公室主任 still is)
    for cue in (Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY):
        taken = [w for w in cues[cue] if w in own]
        cues[cue] = [w for w in cues[cue] if w not in own]
        if office:  # (办公室主任 / 办主任 of such a notice: the office's, said whole)
            cues[cue] += [
                f"{prefix}{w}" for w in taken for prefix in _OFFICE_PREFIXES if f"{prefix}{w}" not in cues[cue]
            ]
    # 办公室有哪些工作人员, of a notice whose office names its 工作人员: a place of the notice, not an attribute
    # it lacks; an office place no cue has asks for the office
    cues[Cue.UNKNOWN_ATTRIBUTE] = [w for w in cues[Cue.UNKNOWN_ATTRIBUTE] if w not in own | office]
    listed = {w for words in cues.values() for w in words}
    cues[Cue.OFFICE] += [w for w in sorted(office) if w not in listed]
    # (成员单位 asks for the deputies only where units are deputies and none are members; in a notice whose
    # members are people sent by units, it asks for them)
    unit_members = any(h.tier is Tier.MEMBER and h.units for h in holdings)
    if unit_members or not any(h.tier is Tier.DEPUTY and h.units for h in holdings):
        moved = [
            w
            for w in cues[Cue.DEPUTY]
            if w.endswith(_UNIT_WORDS) and "副" not in w and (unit_members or "成员" in w)  # (哪些单位 stays)
        ]
        cues[Cue.DEPUTY] = [w for w in cues[Cue.DEPUTY] if w not in moved]
        cues[Cue.MEMBERS] += [w for w in moved if w not in cues[Cue.MEMBERS]]
    for role in dict.fromkeys(h.role for h in holdings if h.tier is Tier.OTHER):
        # 牵头单位 / 配合单位: the notice's own places, asked by their stem too (谁牵头, 配合的是谁) —
        # in such a notice 牵头的 asks for the leading unit, not the head
        stem = place_stem(role)
        if stem in own | office:  # 主任单位 beside a 主任: the stem is a place of its own, asked as that
            stem = role
        for cue in cues:
            if stem != role and cue is not Cue.OTHER_POST:
                cues[Cue.OTHER_POST] += [w for w in cues[cue] if stem in w and w not in cues[Cue.OTHER_POST]]
                cues[cue] = [w for w in cues[cue] if stem not in w]
        spoken = [f"{stem}的{role[len(stem) :]}"] if stem != role else []  # 配合的单位 / 牵头的部门
        cues[Cue.OTHER_POST] += [w for w in (role, stem, *spoken) if w not in cues[Cue.OTHER_POST]]
    # 一共几个专项小组: the notice's own kind words say which groups, not a piece of work
    known = {w for words in cues.values() for w in words}
    kinds = [k for k in kb.kinds() if len(k) > 2]
    kinds += [k.removeprefix(m) for k in kinds for m in _KIND_MODIFIERS if k.startswith(m) and len(k) - len(m) >= 2]
    kinds += [f for k in kb.kinds() for f in kind_short_forms(k)]  # 几个专委会 (专业委员会)
    cues[Cue.ALL_GROUPS] += [k for k in dict.fromkeys(kinds) if k not in known and k not in own]
    # 该找哪个专委会 / 归哪个指挥部: a group of the notice's own kinds asked for by its work
    which = [f"{w}{k}" for k in dict.fromkeys(kinds) for w in ("哪个", "哪一个", "哪些")]
    cues[Cue.WHICH_GROUP] += [w for w in which if w not in cues[Cue.WHICH_GROUP]]
    return replace(lexicon, cues={cue: tuple(words) for cue, words in cues.items()})


def with_own_fields(lexicon: Lexicon, kb: Knowledge) -> Lexicon:
    """The lexicon with the words of the document fields this notice states among those only some notices
    have (撤了哪个机构 asks for ``abolished`` where a notice abolishes a body; elsewhere 撤销 stays content)."""
    own = {
        f: (*lexicon.document.get(f, ()), *words) for f, words in lexicon.document_stated.items() if f in kb.document
    }
    document = {**lexicon.document, **own}
    # (通报结果抄送县委督查室, a rule's, in a notice with no 抄送 line: 抄送哪里 asks of the rule, not the document)
    for field_id in _SAID_IN_RULES:
        if field_id not in kb.document and any(w in kb.notice for w in document.get(field_id, ())):
            document.pop(field_id)
    return replace(lexicon, document=document)


_SAID_IN_RULES = ("copied",)  # fields whose words a rule may use too (抄送): the document's only where it has one


def sounded(places: Iterable[str]) -> frozenset[str]:
    """How the notice's places are said (泗川 si chuan): an elsewhere word said alike (四川) is no other place."""
    return frozenset(" ".join(lazy_pinyin(p)) for p in places)


def without_own_places(lexicon: Lexicon, own_words: str, own_sounds: frozenset[str] = frozenset()) -> Lexicon:
    """The lexicon with the places the notice itself names no longer out of scope: 广东 is elsewhere for
    Chongqing's notice, not for Guangdong's; 深圳 not for a notice whose members include 深圳市's; and
    without the everyday words the notice uses itself: 营商 is rewritten 市场 for a notice that says
    市场, not in 市优化营商环境工作领导小组 (a word standing only inside its rewriting, 证合一 in 多证合一, stays)."""
    elsewhere = tuple(
        w for w in lexicon.cues[Cue.ELSEWHERE] if w not in own_words and " ".join(lazy_pinyin(w)) not in own_sounds
    )
    synonyms = {k: v for k, v in lexicon.synonyms.items() if k not in own_words.replace(v, "")}
    return replace(lexicon, cues={**lexicon.cues, Cue.ELSEWHERE: elsewhere}, synonyms=synonyms)
