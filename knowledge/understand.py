"""Read a normalised question into a ``Query``: who or what it names, what it asks, what else it says.

Cue words (lexicon.yaml) are matched longest first without overlap on the question with the
entity names masked, so 副组长 is not also 组长 and 市市场监管局 is not the aspect 监管. What is
left after names, cue words and fillers are removed is the question's content: the words a topic
search uses, and the words that show a question is about something the notice never mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from knowledge.facts import Aspect
from knowledge.lexicon import Cue, Lexicon
from knowledge.matcher import LEVELS, Entity, EntityKind, EntityMatcher, Mention, sounds, spoken
from knowledge.normalize import is_cjk
from knowledge.segment import Segmenter

_ASPECT_MARKERS = ("方面", "这块", "这一块", "领域")
# 这俩组 / 那两个单位 / 这几位: a demonstrative with a number points back as the lexicon's 这几个组 / 这个单位 / 这两位 do
_DEMONSTRATIVE = re.compile(r"[这那](?:俩|两|几|三|四|五)个?(组|小组|单位|人|位)")
# 这个厅 / 该所 / 那个中心: a unit pointed back at by the end of its name (not 这个局长, 这部分)
_UNIT_DEMONSTRATIVE = re.compile(r"[这那该](?:个|家)?(?:厅|局|委|所|中心|大队|分局|社区)(?![长员里内])")
_DEMONSTRATIVE_AS = {"组": "这几个组", "小组": "这几个组", "单位": "这个单位", "人": "这两位", "位": "这两位"}
# A-not-A asks yes or no whatever the verb: 能不能 / 可不可以 / 属不属于 / 会不会 / 有没有.
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")
# 县领导都有谁 / 列一下: all of those asked, not one
_ALL_OF_THEM = re.compile(r"都有谁|都是谁|都有哪些|都有哪几位|有哪几位|列一下|都包括")
_GROUPS_COUNTED = re.compile(r"(?:几|多少)个?小?组(?![长员])")
_PERSON_PRONOUN = re.compile(r"[他她它]")
# 现在还当市长吗 / 目前仍是组长吗 / 至今还在科技局吗: whether it holds now, which a notice cannot say
_STILL_NOW = re.compile(r"(?:现在|目前|如今|眼下|至今|当前|现今)(?:是否|是不是)?(?:还|仍然|仍|依然|依旧)")
_LED_BY = re.compile(r"由[^，。？?]{1,12}?(?:牵头|挂帅|领衔|带队)")
_MODALS = ("应该", "应当")
_WHO_WHICH = re.compile(r"谁|几|多少|哪")
_DUTY_VERB = re.compile(r"负责[\u4e00-\u9fff]{1,2}?(?:什么|啥|哪些)")  # 综合组负责编什么: what it does, in its verb
# 有管这个的组吗 / 有没有专门负责这事的部门: which group does that work, asked as whether there is one
_GROUP_FOR_WORK = re.compile(r"有(?:没有)?(?:专门)?(?:管|负责|抓|处理)[^，。？?\s]{0,8}?的(?:组|小组|工作组|部门|单位)")
# 怎么办营业执照 asks how to get something done (a procedure); 重大问题要怎么办 asks what the notice requires
_HOW_TO = re.compile(r"(?:怎么|怎样|如何|咋)办(?![理法事要呢啊吗])(?=[\u4e00-\u9fff])")  # (换人了咋办 要…: a rule)
_UNDER_LEADERSHIP = re.compile(r"在(?:谁|哪个|哪|什么)[^，。,]{0,6}?领导下")
_WH = re.compile(r"哪|谁|什么|啥|几|多少|怎么|咋")
_WORD = 2  # characters of a two-character word
_IN_THE_NOTICE = re.compile(r"在?(?:这个|这份|本|此|该)?(?:通知|文件)(?:里面|里头|里|中|当中|上)")
# A correlative pair around two names asks what both share: 既在A又在B / 又是A又是B / 既属于A也属于B.
_BOTH_PAIR = re.compile(r"[既又](在|是|属于|参加|参与)\s+[又也还]\1\s")
_NOT_CJK = re.compile("[^\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f]")  # what is_cjk refuses

# Question words people type in their spoken forms: 啥 for 什么, 咋 for 怎么 (啥单位, 咋调整).
# 啥 is always 什么; 咋 is 怎么 but also 为什么 (咋要), so only 怎么 gives 咋.
_SPOKEN = (("什么", "啥", True), ("怎么", "咋", False))


def _spoken_forms(word: str) -> tuple[str, ...]:
    """A cue word with its question word in the written and the spoken form (什么单位 / 啥单位)."""
    forms = [word]
    for written, said, both_ways in _SPOKEN:
        forms += [f.replace(written, said) for f in forms if written in f]
        if both_ways:
            forms += [f.replace(said, written) for f in forms if said in f]
    return tuple(dict.fromkeys(forms))


# A tag is what a cue word signals: a Cue, an aspect, or a document field id.
Tag = Cue | Aspect | str


@dataclass(frozen=True)
class Query:
    text: str
    mentions: tuple[Mention, ...]
    cues: frozenset[Cue]
    cue_words: tuple[str, ...]
    aspects: tuple[Aspect, ...]
    marked_aspects: tuple[Aspect, ...]  # those followed by 方面 / 这块: the aspect a claim names
    document_fields: tuple[str, ...]
    about_document: bool
    asks_person: bool  # 谁 / 哪位: the answer is a person
    content: tuple[str, ...]
    unknown: tuple[str, ...]
    attribute: str | None  # an attribute the notice never gives (电话, 年龄 …)
    foreign_unit: str | None  # a unit-like name the notice does not have (市卫生健康委)
    foreign_group: str | None = None  # a group's kind word after words the notice lacks (区城市体检工作领导小组)

    @property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(dict.fromkeys(m.entity for m in self.mentions))

    def has(self, *cues: Cue) -> bool:
        return not self.cues.isdisjoint(cues)


_WINDOWS_REMEMBERED = 16384  # windows of questions whose likeness to a cue word is kept
_CLAUSES_REMEMBERED = 64  # clauses of one message kept read (a longer message reads the rest again)
_CLAIMING = frozenset({"是", "为", "属于", "参加", "加入", "进", "在", "的", "是不是", "算"})
_GROUP_NAME_LEAD = 10  # characters before a kind word that may belong to the group's name
_WHAT_FOR = re.compile(r"干(?:什么|啥|嘛)的")  # 是干什么的: a person's post, a body's work
_A_PERSON = re.compile(r"[他她]|本职|此人|这人|那人|这位|那位")
_ASKS_PERSON = re.compile(r"谁|哪(?:[两几一]|几个)?位")  # 是谁 / 哪位 / 县级总河长是哪两位


def _heard(cue_word: str) -> list[frozenset[str]]:
    """How a cue word is heard: a short one as it is said (是不是 shi bu shi, though 不 may be read fu:
    是副市长 asks nothing), a four-character one in any reading (副指挥常 is 副指挥长: three characters
    alike leave little to chance)."""
    return sounds(cue_word) if len(cue_word) >= 4 else spoken(cue_word)


def _foreign_group(
    text: str,
    mentions: list[Mention],
    tokens: list[tuple[str, int, int]],
    covered: list[tuple[int, int]],
    unknown: tuple[str, ...],
    names: str,
) -> str | None:
    """A group's name the notice does not have, whose kind word (领导小组, 委员会) a short name of its own group
    matched: the words typed right before it (区城市体检工作 / 市食品) include one the notice lacks."""
    ending = {end: (word, start) for word, start, end in tokens}
    strange = {w for w in unknown if len(w) > 1}
    for mention in (m for m in mentions if m.entity.kind is EntityKind.GROUP):
        start, name_start, found = mention.start, mention.start, False
        while start in ending and mention.start - ending[start][1] <= _GROUP_NAME_LEAD:
            word, begin = ending[start]
            cue = any(a < start and begin < b for a, b in covered)
            if not all(map(is_cjk, word)) or (cue and word not in names):
                break  # (工作 of …工作领导小组 is a word of group names, though a cue elsewhere)
            if word in _CLAIMING and word not in names:
                break  # 省农业农村厅是联席会议成员单位吗: the claim's verb, before the name, is no part of it
            if len(word) == 2 and word[0] in LEVELS and word[1] == "里" and word[0] in names:
                break  # 省里防汛抗旱指挥部: the level as it is said (省里 / 县里), of a notice of that level
            found = found or word in strange
            start = begin
            if found or word in names or word in LEVELS:
                name_start = begin
        # (a name starts with its level: 区城市体检工作领导小组, 市食品安全委员会 — not 这次调整协调小组)
        if found and text[name_start] in LEVELS:
            return text[name_start : mention.end]
    return None


_ASKING = "谁啥"  # question words that stand before a verb (经费谁出)
_WHAT = ("啥", "什么", "哪个", "哪", "几", "多少")  # question words that stand before what they ask (啥级别)


class QueryReader:
    def __init__(
        self,
        lexicon: Lexicon,
        matcher: EntityMatcher,
        segmenter: Segmenter,
        places: frozenset[str] = frozenset(),
        offices: frozenset[str] = frozenset(),
        terms: Iterable[str] = (),
        office_names: Mapping[str, str] | None = None,
        clause_words: Iterable[str] = (),
    ) -> None:
        """``places``: the notice's own places (重庆, 开州); ``offices``: the groups that have an office;
        ``terms``: what the notice puts in quotes (双随机一公开), whose words name no document field;
        ``office_names``: an office's own short name (县河长办) → the id of its group; ``clause_words``: the words
        the notice's clauses are cut into (助餐, 欠薪), found in a question the segmenter cut otherwise."""
        self.matcher = matcher
        self.segmenter = segmenter
        self.fillers = frozenset(lexicon.fillers)
        everyday = {w for group in lexicon.equivalents for w in group if len(w) == _WORD}
        self._everyday = frozenset(everyday | {w for w in clause_words if len(w) == _WORD and all(map(is_cjk, w))})
        self._clause_words = frozenset(clause_words)
        self.document_words = lexicon.document_words
        longest = sorted((t for t in terms if len(t) > 2), key=len, reverse=True)
        self._terms = re.compile("|".join(map(re.escape, longest)) or "(?!)")
        self.tags: dict[str, set[Tag]] = {}
        # each tag's place in the lexicon: a word with two (来文: 主送 and 依据) gives them in that order, every run
        self._rank: dict[Tag, int] = {}
        for cue, words in lexicon.cues.items():
            self._tag(words, cue)
        for field, words in lexicon.document.items():
            self._tag(words, field)
        for aspect, words in lexicon.aspects.items():
            self._tag(words, aspect)
        suffixes = "|".join(map(re.escape, sorted(lexicon.unit_suffixes, key=len, reverse=True)))
        # a unit of the notice's own government, by its level or its place (市X局, 广东省X厅, 重庆X委)
        own = "|".join(map(re.escape, sorted(places, key=len, reverse=True))) or "(?!)"
        self._unit_like = re.compile(f"(?:(?:{own})[省市县区]?|[省市县区])[\u4e00-\u9fff]{{1,8}}?(?:{suffixes})")
        # Cue words by (length, position, character), for typos that keep one character right.
        self._cue_chars: dict[tuple[int, int, str], list[tuple[str, list[frozenset[str]]]]] = {}
        # Pronouns are short and everywhere (这里 is no misspelt 这位): never matched by sound.
        for word in (w for w, tags in self.tags.items() if tags != {Cue.PRONOUN}):
            if 2 <= len(word) <= 4:
                for index, ch in enumerate(word):
                    self._cue_chars.setdefault((len(word), index, ch), []).append((word, _heard(word)))
        # 食安办 of 食安委, 安委办 of 市安委会 (its level left off, as people leave it off)
        # every name of the notice's groups, for telling a group's name the notice lacks from its own
        self._group_names = "\n".join(s for s, (e, _) in matcher.surfaces.items() if e.kind is EntityKind.GROUP)
        self._office_forms = {
            form[:-1] + "办": entity
            for surface, (entity, _) in matcher.surfaces.items()
            if entity.id in offices
            for form in (surface, surface[1:] if surface[:1] in LEVELS and len(surface) == 4 else "")
            if len(form) == 3 and form.endswith(("委", "组", "会"))
        }
        for name, group_id in (office_names or {}).items():  # 县河长办 / 河长办: the notice's own short name
            for form in (name, name[1:] if name[:1] in LEVELS and len(name) > 3 else name):
                self._office_forms.setdefault(form, Entity(EntityKind.GROUP, group_id))
        self._office_form = re.compile(
            "|".join(map(re.escape, sorted(self._office_forms, key=len, reverse=True))) or "(?!)"
        )
        role_words = [w for cue in (Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.OTHER_POST) for w in lexicon.cues[cue]]
        longest = sorted((w for w in role_words if len(w) > 2), key=len, reverse=True)
        self._place_words = re.compile(f"(?=({'|'.join(map(re.escape, longest)) or '(?!)'}))")
        # The cue words' lengths by first character, longest first: at every position, the longest cue word
        # starting there (overlaps allowed) is a few dictionary look-ups, not a regex of a thousand words.
        lengths: dict[str, set[int]] = {}
        for word in self.tags:
            lengths.setdefault(word[0], set()).add(len(word))
        self._cue_lengths = {ch: sorted(sizes, reverse=True) for ch, sizes in lengths.items()}
        # the cue word a window of two to four characters is misspelt for, asked of every window of every question
        self._cue_like = lru_cache(maxsize=_WINDOWS_REMEMBERED)(self._scan_cue_like)
        # the clauses of the message being answered, read (threads answering at once may share it: a clause
        # reads the same whoever asks, and one's forget() only costs another a second reading)
        self._read_now: dict[str, Query] = {}

    def _tag(self, words: tuple[str, ...], tag: Tag) -> None:
        for word in words:
            for form in _spoken_forms(word):
                self.tags.setdefault(form, set()).add(tag)
        self._rank.setdefault(tag, len(self._rank))

    def read(self, text: str) -> Query:
        """The question read; a clause the message being answered asks again (splitting a message reads its
        clauses, answering each reads it again) is read once, until ``forget``."""
        query = self._read_now.get(text)
        if query is None:
            if len(self._read_now) >= _CLAUSES_REMEMBERED:
                self._read_now.clear()
            query = self._read_now[text] = self._read(text)
        return query

    def forget(self) -> None:
        """A new message: the clauses read for the last one are not kept."""
        self._read_now.clear()

    def _read(self, text: str) -> Query:
        tokens = list(self.segmenter.tokenizer.tokenize(text))
        inside = _inside_words(tokens)
        places = [found.span(1) for found in self._place_words.finditer(text)]
        offices = [
            (found, self._office_forms[found.group()]) for found in self._office_form.finditer(text)
        ]  # 食安办 / 未保办: the office of the group whose short form ends 委 / 组 / 会
        mentions = [
            m
            for m in self.matcher.find(text)
            if not (m.via_title and inside(m.start, m.end))
            # 专班 in 副专班长: a group's short name inside a place's word is the place asked about
            and not (
                m.entity.kind is EntityKind.GROUP
                and any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in places)
            )
        ]
        taken = {(m.start, m.end) for m in mentions}
        mentions += [
            Mention(entity, found.start(), found.end(), 100.0)
            for found, entity in offices
            if not any(a < found.end() and found.start() < b for a, b in taken)
        ]
        masked = list(text)
        for mention in mentions:
            masked[mention.start : mention.end] = " " * (mention.end - mention.start)
        # a token across a name's edge (组组长 of 精简政审批组组长) holds no word: its characters stand alone
        inside = _inside_words(_split_at_names(tokens, mentions))
        starts = {start for _, start, _ in tokens}
        cue_spans: list[tuple[int, int]] = []
        tags: list[Tag] = []
        words: list[str] = []
        marked: list[Aspect] = []
        attribute = None
        attribute_end = -1
        under = [found.span() for found in _UNDER_LEADERSHIP.finditer(text)]
        quoted = [found.span() for found in self._terms.finditer(text)]
        plain = "".join(masked)
        demonstratives = list(_DEMONSTRATIVE.finditer(plain))
        shown = [m.span() for m in demonstratives]  # 这几个人: those, not a count
        for word, start in self._cue_matches(plain, starts):
            found = self.tags[word]
            if found & {Cue.QUANTITY, Cue.COUNT} and any(a <= start < b for a, b in shown):
                continue
            if inside(start, start + len(word)):
                continue  # 工作 in 工作简报, 么 in 什么, 服务 in 政务服务: part of another word
            if any(a <= start < b for a, b in under):
                continue  # 在谁的领导下开展工作: under whose lead the group works, a sentence of the notice
            if all(isinstance(t, str) for t in found) and any(a <= start < b for a, b in quoted):
                continue  # the 公开 of 双随机一公开: a term of the notice's, no document field
            if Cue.QUANTITY in found and word.startswith("几") and text[start - 1 : start] == "好":
                continue  # 跑了好几天: many days, told, not a number asked
            if found == {Cue.YES_NO} and len(word) == 1 and start + 1 != len(text):
                continue  # 吗 / 吧 / 么 ask yes or no only at the end
            if found == {Cue.YES_NO} and word != "吗" and len(word) == 1 and _WH.search(text):
                continue  # 哪个组监督他们嘛 / 是谁嘛: a particle after a question word asks nothing more
            tags.extend(sorted(found, key=self._rank.__getitem__))
            words.append(word)
            if text.startswith(_ASPECT_MARKERS, start + len(word)):
                marked.extend(t for t in found if isinstance(t, Aspect))
            # Aspect words (服务, 监管) are also what topic questions are about: they stay content; so does an
            # attribute the notice's clauses speak of (经费 of 普查所需经费由区财政予以保障)
            # (but 啥级别才停课 asks the value: the word after a question word is what is asked, not what about)
            said = found == {Cue.UNKNOWN_ATTRIBUTE} and word in self._clause_words and not text[:start].endswith(_WHAT)
            if not all(isinstance(tag, Aspect) for tag in found) and not said:
                cue_spans.append((start, start + len(word)))
            if Cue.UNKNOWN_ATTRIBUTE in found:
                # (值班电话: the word after is the head of the compound, what is asked)
                attribute = word if attribute is None or start == attribute_end else attribute
                attribute_end = start + len(word) if attribute == word else attribute_end
        for found in demonstratives:
            if not any(a <= found.start() < b for a, b in cue_spans):
                tags.append(Cue.PRONOUN)
                words.append(_DEMONSTRATIVE_AS[found.group(1)])
                cue_spans.append(found.span())
        for found in _UNIT_DEMONSTRATIVE.finditer(plain):  # 这个厅 / 这个所 / 那个中心: the unit before
            if not any(a <= found.start() < b for a, b in cue_spans):
                tags.append(Cue.PRONOUN)
                words.append("这个单位")
                cue_spans.append(found.span())
        if _HOW_TO.search(text):
            tags.append(Cue.PROCEDURE)
        still = _STILL_NOW.search(plain)
        if still is not None and Cue.UNKNOWN_ATTRIBUTE not in tags:
            tags.append(Cue.UNKNOWN_ATTRIBUTE)
            attribute = "目前是否仍在任"  # (not the words: 现在还 is no attribute)
            cue_spans.append(still.span())
        if _DUTY_VERB.search(plain) and Cue.DUTY not in tags:
            tags.append(Cue.DUTY)
        for found in _GROUP_FOR_WORK.finditer(plain):
            tags.append(Cue.WHICH_GROUP)
            words.append("哪个组")  # read as the question word it stands for
            cue_spans.append(found.span())  # (its 管 is the asking, not the work asked about)
        counted = _GROUPS_COUNTED.search(plain) and not mentions and not _PERSON_PRONOUN.search(text)
        if counted and Cue.ALL_GROUPS not in tags:  # (他管几个组: his groups, counted)
            tags.append(Cue.ALL_GROUPS)  # 一共有几个组: the groups counted, whatever word took 几个
        if "领导" in words and Cue.DEPUTY not in tags and _ALL_OF_THEM.search(plain):
            # 县领导在食安委里都有谁: the leadership, head and deputies, not the head alone (nor every member: its
            # 都有谁 asks who they are)
            members = [w for w in words if Cue.MEMBERS in self.tags.get(w, ())]
            if all(_ALL_OF_THEM.fullmatch(w) for w in members):
                tags = [t for t in tags if t is not Cue.MEMBERS]
            tags.append(Cue.DEPUTY)
        if _LED_BY.search(text) and Cue.LEADER not in tags:
            tags.append(Cue.LEADER)  # 协调小组由常务副市长牵头: who leads it, claimed
        for found in _BOTH_PAIR.finditer(plain):
            tags.append(Cue.BOTH)
            words.append(found.group().replace(" ", ""))
        for found in _A_NOT_A.finditer(plain):
            start, end = found.span()
            if any(a <= start < b for a, b in cue_spans):
                tags.append(Cue.YES_NO)  # 以前是不是叫: 以前是 took the 是, the question still asks yes or no
                continue
            if text[end - 1 : end + 1] in self.segmenter.vocabulary:
                end += 1  # 可不可以 / 属不属于: the verb's second character
            tags.append(Cue.YES_NO)
            words.append(text[start:end])
            cue_spans.append((start, end))
        required = [w for w in words if Cue.REQUIREMENT in self.tags.get(w, ()) and w not in _MODALS]
        if Cue.REQUIREMENT in tags and not required and _WHO_WHICH.search(text):
            tags = [t for t in tags if t is not Cue.REQUIREMENT]  # 一共应该几个 / 该填谁: a guess, no requirement
        covered = [(m.start, m.end) for m in mentions] + cue_spans
        for word, start, end in self._cues_by_sound(text, covered, tokens):  # 依剧 → 依据, 办工室 → 办公室
            found = self.tags[word]
            tags.extend(sorted(found, key=self._rank.__getitem__))
            words.append(word)
            if not all(isinstance(tag, Aspect) for tag in found):
                covered.append((start, end))
        content, unknown = self._content(tokens, covered, len(text))
        content = (*content, *self._everyday_cut(text, tokens, covered, content))
        owners = [self.matcher.owners.get(m.entity.id, "") for m in mentions if m.entity.kind is EntityKind.GROUP]
        if any(owners):  # 恒远集团安委会: 恒远 and 集团 say whose group it is, no work asked about
            content = tuple(w for w in content if not any(len(w) >= 2 and w in o for o in owners))
        if len({t for t in tags if isinstance(t, Aspect)}) > 1 and "还是" in text:
            tags.append(Cue.WHICH_ASPECT)  # 双随机一公开算放权还是监管: which of the sides named
        unscoped = _IN_THE_NOTICE.sub("", text)  # (这事在这个通知里归哪个组管: where to look, not what)
        about_document = any(word in unscoped for word in self.document_words)
        holders = [m for m in mentions if m.entity.kind is not EntityKind.GROUP]
        person = _A_PERSON.search(text) is not None  # (她本职是干什么的: a person's post)
        if not holders and not person and Cue.ROLES in tags and _WHAT_FOR.search(text):  # 办公室干啥的: what it does
            tags = [Cue.DUTY if t is Cue.ROLES else t for t in tags]
        if marked and not about_document:  # 放权方面讲了什么: what one side of the work says, not the title
            tags = [t for t in tags if t != "title"]
        return Query(
            text=text,
            mentions=tuple(mentions),
            cues=_office_cues(frozenset(t for t in tags if isinstance(t, Cue)), text, offices),
            cue_words=tuple(words),
            aspects=tuple(dict.fromkeys(t for t in tags if isinstance(t, Aspect))),
            marked_aspects=tuple(dict.fromkeys(marked)),
            document_fields=tuple(dict.fromkeys(t for t in tags if isinstance(t, str))),
            about_document=about_document,
            asks_person=_ASKS_PERSON.search(text) is not None or Cue.NAME in tags,
            content=content,
            unknown=unknown,
            attribute=attribute,
            foreign_unit=self._foreign_unit(plain),
            foreign_group=_foreign_group(text, mentions, tokens, covered, unknown, self._group_names),
        )

    def _cues_by_sound(
        self, text: str, covered: list[tuple[int, int]], tokens: list[tuple[str, int, int]]
    ) -> list[tuple[str, int, int]]:
        """Cue words typed with a wrong character of the same sound (组张, 监菅, 办工室), found in the
        stretches no name or cue word covers. A window spelt exactly like a cue word is not one: it
        was passed over because it is part of another word (工作 in 工作简报)."""
        taken = [False] * len(text)
        for other in _NOT_CJK.finditer(text):  # (a window with any other character is passed over too)
            taken[other.start()] = True
        for start, end in covered:
            taken[start:end] = [True] * (end - start)
        # Two characters are too few to tell a typo from chance where they cut a known word: the 个组
        # of 两个组 straddles 两个 and is no 各组 (jieba's guesses at unknown words do not count).
        known = self.segmenter.vocabulary
        splits = {
            i
            for word, start, end in tokens
            if end - start > 1 and (word in known or word in self.fillers)
            for i in range(start + 1, end)
        }

        # Two characters taking the end of a longer word and the start of the next must sound alike by their
        # usual readings: 七个|组 is 各组, 主城限|号 no 文号 (though 限 may be read wen).
        def ends_inside(at: int) -> int:  # where the longer word that ``at`` is inside ends (or beyond a pair)
            return next((end for _, start, end in tokens if start < at < end and end - start > 1), at + 2)

        found: list[tuple[str, int, int]] = []
        free = _free_runs(taken)
        for size in (4, 3, 2):
            for start in range(len(text) - size + 1):
                if free[start] < size:  # (a covered character in the window)
                    continue
                if size == 2 and (start in splits or start + 2 in splits):
                    continue
                window = text[start : start + size]
                word = self._cue_like(window, size == 2 and ends_inside(start) < start + 2)
                if word is not None:
                    taken[start : start + size] = [True] * size
                    free = _free_runs(taken)
                    found.append((word, start, start + size))
        return found

    def _scan_cue_like(self, window: str, usual: bool = False) -> str | None:
        if window in self.fillers or window in self.segmenter.vocabulary:
            return None  # a word in its own right (有啥), not a misspelt cue word (为啥)
        if not any((len(window), i, ch) in self._cue_chars for i, ch in enumerate(window)):
            return None
        heard = sounds(window, usual)
        for index, ch in enumerate(window):
            other = 1 if index == 0 else 0  # a character beside the shared one, heard first: most differ there
            for word, word_sounds in self._cue_chars.get((len(window), index, ch), ()):
                if heard[other].isdisjoint(word_sounds[other]):
                    continue
                if word != window and all(a & b for a, b in zip(heard, word_sounds, strict=True)):
                    return word
        return None

    def _cue_matches(self, masked: str, starts: set[int]) -> list[tuple[str, int]]:
        """Cue words without overlap, longer words first: 哪些组 wins over 在哪 in 在哪些组. A quantifier
        begins a word (所有 in 派出所|有谁 is none, and leaves 有谁 to be read)."""
        candidates = []
        for start, ch in enumerate(masked):
            for size in self._cue_lengths.get(ch, ()):
                word = masked[start : start + size]
                if word in self.tags:  # the longest starting here
                    if start in starts or Cue.EVERY not in self.tags[word]:
                        candidates.append((word, start))
                    break
        taken = [False] * len(masked)
        chosen = []
        # (那组长呢: 组长 over 那组, a pointing word that ties with the place it runs into)
        for word, start in sorted(candidates, key=lambda c: (-len(c[0]), Cue.DESCRIBED_GROUP in self.tags[c[0]], c[1])):
            if not any(taken[start : start + len(word)]):
                taken[start : start + len(word)] = [True] * len(word)
                chosen.append((word, start))
        return sorted(chosen, key=lambda c: c[1])

    def _foreign_unit(self, masked: str) -> str | None:
        """A unit-shaped name left after known names were masked: 市卫生健康委, 重庆市教育局."""
        found = self._unit_like.search(masked)
        return found.group() if found else None

    def _everyday_cut(
        self, text: str, tokens: list[tuple[str, int, int]], covered: list[tuple[int, int]], content: tuple[str, ...]
    ) -> list[str]:
        """Everyday two-character words (停电, 被淹) and the notice's own (助餐) the segmenter cut across, joined to a
        neighbour (我们村停电两天: 村停 / 电; 办助餐点: 办助 / 餐点): read as the words they are, so they, and their
        equivalents (供电), reach the notice's clauses."""
        found = []
        for at in range(len(text) - _WORD + 1):
            word = text[at : at + _WORD]
            if word not in self._everyday or word in content or word in found:
                continue
            if any(a <= at and at + _WORD <= b for _, a, b in tokens):
                continue  # (执照 inside 营业执照: a word of its own already)
            if not any(a < at + _WORD and at < b for a, b in covered):
                found.append(word)
        return found

    def _content(
        self, tokens: list[tuple[str, int, int]], covered: list[tuple[int, int]], length: int
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Content tokens outside names and cue words; single unknown characters run together."""
        taken = [False] * length
        for start, end in covered:
            taken[start:end] = [True] * (end - start)
        content: list[str] = []
        unknown: list[str] = []
        run = ""

        def close_run() -> None:
            nonlocal run
            run = run.lstrip(_ASKING)  # 经费谁出: the question word before the verb is no content
            if len(run) > 1:
                content.append(run)
                unknown.append(run)
            run = ""

        for word, start, end in tokens:
            if any(taken[start:end]) or not word.strip() or word in self.fillers:
                close_run()
                continue
            if not any(map(is_cjk, word)):
                close_run()
                if len(word) > 1 and word.isalnum():
                    unknown.append(word)
                continue
            if len(word) == 1:
                run += word
                continue
            close_run()
            if word not in self.segmenter.vocabulary and all(ch in self.fillers for ch in word):
                continue  # 要向: function words jieba's HMM ran together
            content.append(word)
            if word not in self.segmenter.vocabulary:
                unknown.append(word)
        close_run()
        return tuple(content), tuple(unknown)


def _free_runs(taken: list[bool]) -> list[int]:
    """For each position, how many characters from it on are not taken (0 where it is)."""
    free = [0] * (len(taken) + 1)
    for at in range(len(taken) - 1, -1, -1):
        free[at] = 0 if taken[at] else free[at + 1] + 1
    return free


def _office_cues(cues: frozenset[Cue], text: str, offices: list[tuple[re.Match[str], Entity]]) -> frozenset[Cue]:
    """After an office named by its group's short form (食安办主任), 主任 / 副主任 are the office's places."""
    if not offices:
        return cues
    cues = cues | {Cue.OFFICE}
    after = [text[found.end() : found.end() + 3] for found, _ in offices]
    if any(a.startswith(("副主任", "常务副")) for a in after):
        return (cues - {Cue.DEPUTY}) | {Cue.OFFICE_DEPUTY}
    if any(a.startswith("主任") for a in after):
        return (cues - {Cue.LEADER}) | {Cue.OFFICE_DIRECTOR}
    return cues


def _split_at_names(tokens: list[tuple[str, int, int]], mentions: list[Mention]) -> list[tuple[str, int, int]]:
    """The tokens, those that cross the edge of a mention cut into single characters."""

    def crosses(start: int, end: int) -> bool:
        return any(m.start < end and start < m.end and not (m.start <= start and end <= m.end) for m in mentions)

    split: list[tuple[str, int, int]] = []
    for word, start, end in tokens:
        if crosses(start, end):
            split += [(word[i - start], i, i + 1) for i in range(start, end)]
        else:
            split.append((word, start, end))
    return split


def _inside_words(tokens: list[tuple[str, int, int]]) -> Callable[[int, int], bool]:
    """A test: does the span lie strictly inside one longer jieba token (市长 in 副市长)?"""
    owner: list[tuple[int, int]] = []
    for _, start, end in tokens:
        owner.extend([(start, end)] * (end - start))

    def inside(start: int, end: int) -> bool:
        if start >= len(owner) or end > len(owner):
            return False
        first, last = owner[start], owner[end - 1]
        return first == last and (first[1] - first[0]) > (end - start)

    return inside
