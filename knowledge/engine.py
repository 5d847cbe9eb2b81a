"""The question-answering engine: a question (and the previous answer's context) in, a cited Answer out.

Wiring only. A message is split into sentences; each is normalised and read once into a ``Query``
(knowledge/understand.py), its subjects resolved with the context policy (knowledge/resolve.py), and
the question types of knowledge/policy.py tried in order until one answers.
"""

from __future__ import annotations

import logging
import re
import string
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from knowledge import describe
from knowledge.abbreviations import office_forms
from knowledge.answer import UNSTATED, Answer, Context
from knowledge.describe import Part
from knowledge.facts import DEPUTY_QUALIFIERS, Aspect, FactKind, Knowledge, Person, Unit
from knowledge.intents.by_name_part import names_a_piece
from knowledge.intents.pasted import pasted_clause
from knowledge.lexicon import (
    Cue,
    Lexicon,
    load_lexicon,
    sounded,
    with_notice_words,
    with_own_fields,
    with_own_roles,
    without_own_places,
)
from knowledge.loader import BUNDLED, DATA_DIR, load_knowledge
from knowledge.matcher import Entity, EntityKind, EntityMatcher, MatcherConfig, Mention
from knowledge.message import TRUE_FALSE, MessageReader, Piece
from knowledge.normalize import normalize
from knowledge.pinyin_input import PinyinReader
from knowledge.policy import POLICY
from knowledge.resolve import ASKS_PERSON, CONTEXT_CUES, subjects
from knowledge.retrieval import ClauseIndex
from knowledge.segment import build_segmenter
from knowledge.spelling import Speller, known_pairs, notice_terms, quoted_terms
from knowledge.tools import PEOPLE_COUNTED, EngineConfig, Tools, numeral
from knowledge.turn import Turn
from knowledge.understand import Query, QueryReader
from knowledge.wording import load_wording

__all__ = ["Engine", "EngineConfig"]

_LOGGER = logging.getLogger(__name__)
_CLAIM = re.compile(r"[?？]\s*$")
# 简易注销改革记得是商事组放权方面的: a fact half remembered, said to be checked
_RECALLED = re.compile(r"记得|没记错的话|印象中|印象里|我印象")
_QUOTED_CLAIM = re.compile(r"[“\"「『]([^”\"」』]{4,80})[”\"」』]")
_CHECKED = re.compile(r"对吗|对不对|准确吗|准不准|没错吧|是这样吗|正确吗|有依据吗|属实吗|没写错吧|写得对吗")
_QUOTE_MARKS = re.compile(r"[\s，,、。；;：:“”\"]")  # what a quoted claim is compared without
_QUOTE_SHORTEST = 6  # characters a quoted claim must have to be checked against the notice's own words
_BESIDES = re.compile(r"还(?:在|参加|参与|是|当|任|兼|有)")  # 还在哪个组 / 还参加了哪个组: besides those before
_WORDING_ASKED = re.compile(r"原文|原话|原句|原文表述|怎么写的|如何表述|怎么表述|怎么说的|原样")
_QUOTED = 3  # quotes shown at most
# a claim says something of its subject (罗蔺是综合组组长？); 综合组服务方面？ only names what it asks about
_CLAIM_VERB = re.compile(r"是|为|有|在|属|算|兼|负责|担任|管|归|包括|设")
# 回到前面那个组 / 回到最开始 / 说回刚才那个问题: a subject asked about before the last one
_BACK_TO_ORDINAL = re.compile(
    r"^(?:回到|说回|再说回|返回|再回到|回头说)(第[一二三四五六七八九]个)(?!问|说|提)[，,、\s]*(?:它|他|她|那个)?"
)
_BACK = re.compile(
    r"^(?:(?:回到|说回|再说回|返回|再回到)(?:(最开始|最早|开头|一开始|第一个问题)|刚才|前面|之前|上面|上一个)"
    r"|(?:再说一遍|再讲一遍)?(?:刚才|之前|前面)?(第一个问的|最开始问的|一开始问的|最早问的|最先问的|刚才第一个))[^，,。？?]*"
)  # 回到刚才那个组 / 第一个问的那个，… / 再说一遍刚才第一个: the chat as it was about that subject
_EARLIER = 8  # earlier subjects kept
# 刚才第一个问的那个单位 / 第一个问题说的那个内容 / 第二题里那个人 / 第一问那段原文: a question of the chat by its place,
# and what it was about (said as a pronoun of that kind, or left out where it names no kind)
_TURN_BACK = re.compile(
    r"(?:刚才|前面|之前|上面|我)?(?:第([一二三四五六七八九十\d])个?(?:问题|问|题)|第([一二三四五六七八九十\d])个问的"
    r"|(?:最开始|一开始|最早|最先|开头)问的)(?:里面|里头|里|中|当中|说的|问的|提到的|讲的)?的?(?:那个|那位|那段|这个|那)?"
    r"(单位|部门|组|人|内容|事)?"
)
_TURN_PRONOUNS = {"单位": "这个单位", "部门": "这个单位", "组": "这个组", "人": "这个人"}
_KIND_WORDS = ("领导小组", "小组", "组")  # a group's name ends in one, which a search-box query leaves off
_ITEM_WORD = 8  # characters of a rule's heading read as one word (主任办公会议, not a sentence heading it)
_MAX_QUESTIONS = 5  # answered in one message; the rest would drown them
_REPLAY_LONGEST = 16  # characters of a bare follow-up that asks the claim before of another subject
# what is left of 那许洪斌也是吗 / 许洪斌也算吧 / 督查组算不算 / 欧顺清呢 without the name: a bare yes/no
_BARE_CLAIM = re.compile(
    r"(?:那|那么|那个)?(?:也|又|还|同样)?(?:是|算|在|属于)?(?:吗|嘛|吧|呢|么|不是|不算|不|对吗|是吧|对吧)*"
)
_SAID_OF = re.compile(r"^(?:那|那么)?(他|她)(?!们)")  # a claim about the person a pronoun stands for
_SO_CALLED = re.compile(r"(?:以下)?简称[“\"]?([\u4e00-\u9fff]{2,8}?)[”\"]?[)）]")  # an office's own short name
_TOLD_APART = 3  # people one address may mean that are answered side by side rather than asked about


def _in_order(text: str, named: Iterable[Person | Unit]) -> tuple[str, ...]:
    """The ids of those whose names a text has, in the order it has them."""
    return tuple(item for _, item in sorted((text.index(n.name), n.id) for n in named if n.name in text))


def _list_to_pick(shown: tuple[str, ...], before: tuple[str, ...]) -> tuple[str, ...]:
    """What an answer lists, or the list before it where it names some of that list (第二个组呢 / 第三个呢):
    the list to pick from stays."""
    return before if shown and len(shown) < len(before) and set(shown) < set(before) else shown


def _turn_asked(question: str, context: Context | None) -> tuple[str, Context | None]:
    """A question that points at an earlier one by its place (刚才第一个问的那个单位一共在几个组), asked in the
    context that question left, its subject said as a pronoun (这个单位一共在几个组)."""
    found = _TURN_BACK.search(question) if context is not None else None
    if found is None or context is None:
        return question, context
    number = found.group(1) or found.group(2)
    then = context.at_turn(numeral(number) if number else 1)
    if then is None:
        return question, context
    said = _TURN_PRONOUNS.get(found.group(3) or "", "")
    return question[: found.start()] + said + question[found.end() :], then


def _each_told(ambiguous: Mention, query: Query) -> bool:
    """Whether a mention that fits several people is answered for each (a description tells them apart)
    rather than asked about: a few people, and nothing claimed of one of them."""
    people = (ambiguous.entity, *ambiguous.rivals)
    few = len(people) <= _TOLD_APART and all(e.kind is EntityKind.PERSON for e in people)
    return few and not query.has(Cue.YES_NO)


# 办公室副主任有几个 / 副组长一共多少个: the holders of a place of people counted (not 副组长单位有几个)
_PLACE_COUNTED = re.compile(r"(?:长|主任|召集人|成员|委员|联络员)(?:都|一共|总共|共)?有?(?:几个|多少个)")
_PLACE_KINDS = frozenset(
    {FactKind.LEADER, FactKind.DEPUTIES, FactKind.MEMBERS, FactKind.OFFICE, FactKind.TITLE, FactKind.ROLE}
)
_BARE_COUNT = re.compile(r"(?:那|那么)?(?:一共|总共|共|总的)?(?:有)?多少(?:个)?(?:呢|啊|呀)?[?？]?")
# 那法治呢 / 督查呢: a follow-up naming only a group's name without its kind word
_BARE_ELLIPSIS = re.compile(r"(那么?|那个)?(.{2,8}?)呢[?？]?")


class Engine:
    def __init__(self, kb: Knowledge, lexicon: Lexicon, config: EngineConfig, cache_dir: Path | None = None) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self.config = config
        matcher = EntityMatcher(kb, MatcherConfig(config.fuzzy_floor, config.fuzzy_margin))
        # the names, and the headings of numbered rules (主任办公会议): each is one word, whose 主任 asks nothing
        items = [r.item for r in kb.requirements if r.item and len(r.item) <= _ITEM_WORD and not r.item[-1].isdigit()]
        segmenter = build_segmenter(kb.notice, [*matcher.surfaces, *items], lexicon.words(), cache_dir)
        offices = frozenset(g.id for g in kb.groups.values() if g.office is not None)
        office_names = office_forms(kb, segmenter.cut) | {
            found.group(1): g.id
            for g in kb.groups.values()
            if g.office is not None and g.office.quote
            for found in _SO_CALLED.finditer(g.office.quote)
        }
        # (撤销松溪镇森林防火指挥部，其工作由镇安全生产委员会承担: where a body's work went is whose it is now)
        handed = frozenset(f"doc.{f.id}" for f in kb.fields("abolished") if f.says_more)
        # (专班不设办公室，日常工作由镇农业服务中心承担 / 办公室设在民政部，承担联席会议日常工作: whose daily work)
        handed |= {f.id for f in kb.facts.values() if f.kind is FactKind.OFFICE and f.quote and "日常工作" in f.quote}
        index = ClauseIndex(kb, segmenter, ids=handed, equivalent=lexicon.equivalent)
        self.reader = QueryReader(
            lexicon, matcher, segmenter, kb.places(), offices, quoted_terms(kb.notice), office_names, index.idf
        )
        # Pinyin is read as the names first, then the question words, then the notice's words, and
        # last single characters of question words (guan → 管).
        question_words = [*(w for words in lexicon.cues.values() for w in words), *lexicon.fillers]
        self.pinyin = PinyinReader(
            [*matcher.surfaces, *question_words, *sorted(segmenter.vocabulary), *"".join(question_words)],
            names={surface: entity for surface, (entity, _) in matcher.surfaces.items()},
        )
        terms = notice_terms(kb.notice, segmenter.vocabulary, (clause.text for clause in index.clauses))
        pairs = known_pairs(kb.notice, [*segmenter.vocabulary, *question_words])
        self.speller = Speller(terms, matcher.surfaces, pairs)
        self.tools = Tools(
            kb=kb,
            lexicon=lexicon,
            config=config,
            reader=self.reader,
            index=index,
            # 作为市级议事协调机构 stands in the sentence that sets the group up: the basis or the 更名 too
            passages=ClauseIndex(
                kb, segmenter, (FactKind.TEXT,), frozenset({"doc.basis", "doc.rename"}), lexicon.equivalent
            ),
            document_values={f.id: normalize(f.value) for f in kb.document.values()},
            year=_year(kb),
            wording=load_wording(),
            examples=example_questions(kb, lexicon.suggestions),
        )
        self.message = MessageReader(
            lexicon.message, self.read_form, self.reader.read, self.tools.has_topic, self.tools.name
        )

    @classmethod
    def build(
        cls, config: EngineConfig | None = None, cache_dir: Path | None = None, data_dir: Path = BUNDLED
    ) -> Engine:
        """Load one notice (``data_dir``: notice.txt, facts.yaml and, optionally, its own lexicon.yaml) and
        build the engine with the general question words."""
        kb = load_knowledge(data_dir)
        general = without_own_places(
            load_lexicon(DATA_DIR / "lexicon.yaml"), normalize(kb.notice, len(kb.notice)), sounded(kb.places())
        )
        lexicon = with_own_fields(with_own_roles(with_notice_words(general, data_dir / "lexicon.yaml"), kb), kb)
        return cls(kb, lexicon, config or EngineConfig(), cache_dir)

    # --- cards: whole answers about one group or the document ----------------------------------------

    def group_card(self, group_id: str) -> Answer:
        """Everything the notice says of one group: leader, deputies, duties overall and by aspect."""
        group = self.kb.groups[group_id]
        parts = [describe.leader(self.kb, group)]
        if group.deputies is not None or not self.kb.is_top(group.id):
            parts.append(describe.deputies(self.kb, group))
        if group.office is not None:
            parts.append(describe.office(self.kb, group))
        parts.append(describe.duty(group))
        parts += [describe.aspect_duty(group, a.aspect) for a in group.aspects]
        card = [Part(part.text + "\n", part.facts) for part in parts]
        return self.tools.answer(group.name, card, (Entity(EntityKind.GROUP, group_id),), 1.0)

    def document_card(self) -> Answer:
        """The notice's title, number, dates and issuer."""
        fields = ("title", "number", "published", "signed", "issuer", "public")
        parts = [describe.document_field(self.kb, f) for f in fields if f in self.kb.document]
        return self.tools.answer("通知", [Part(p.text + "\n", p.facts) for p in parts], (), 1.0)

    # --- answering -----------------------------------------------------------------------------------

    def ask(self, question: str, context: Context | None = None) -> Answer:
        """Answer ``question``; several sentences (法治组组长是谁？综合组呢？) are answered in turn.
        The answer's context is the one to keep for the next question, declined or not. Never raises:
        a failure while answering is logged and becomes an apology for that question."""
        self.reader.forget()
        chat = context or Context()
        try:
            asked, context = _turn_asked(question.strip(), context)
            # 回到第一个，它负责什么: the first of those listed, asked at once (第一个负责什么)
            asked = _BACK_TO_ORDINAL.sub(r"\1", asked) if context is not None else asked
            answer = replace(self._ask(asked, context), question=question)
            answer = self._quoted(self._checked_quote(answer, question), question)
        except Exception:  # one question's bug must not end the chat, the batch or the bot
            _LOGGER.exception("answering failed")
            answer = replace(self.tools.decline(question, self.tools.say("apology"), prefix_only=True), context=chat)
        return replace(answer, context=chat.after(answer))

    def _ask(self, question: str, context: Context | None) -> Answer:
        back = _BACK.match(question.strip())
        if back and context is not None:  # 回到前面那个组，它监管方面干啥: the chat as it was about that group
            kind = EntityKind.GROUP if "组" in back.group() else None
            context = context.back(first=bool(back.group(1) or back.group(2)), kind=kind)
        pieces = self.message.split(question, self.config.max_question_chars * 4)
        if pasted_clause(self.tools, question) is not None:
            pieces = [Piece(question)]  # 各专题组…重点工作 这句话啥意思: the pasted line and what is asked of it
        if not pieces:  # all framing (我是…，领导让我查…): the message as it is
            answer = self._ask_clause(question, context)
            return replace(answer, context=self._kept(answer, context))
        answers = []
        for piece in pieces[:_MAX_QUESTIONS]:
            answer = self._ask_piece(piece, context)
            context = self._kept(answer, context)
            answers.append(replace(answer, context=context))
        if len(answers) == 1:
            return replace(answers[0], question=question)
        answered = [a for a in answers if a.answered]
        if not answered:
            # 经费从哪里出？有没有专项资金？: what one piece is told is 未载明 is said, not lost under an apology
            unstated = [a for a in answers if UNSTATED in a.text] or answers[-1:]
            return replace(unstated[-1], question=question, text="\n".join(dict.fromkeys(a.text for a in unstated)))
        said = [a for a in answers if a.answered or UNSTATED in a.text]  # 未载明 is an answer too
        return Answer(
            question=question,
            answered=True,
            text="\n".join(dict.fromkeys(a.text for a in said)),
            facts=tuple(dict.fromkeys(f for a in answered for f in a.facts)),
            citations=tuple(dict.fromkeys(c for a in answered for c in a.citations)),
            confidence=min(a.confidence for a in answered),
            suggestions=answered[-1].suggestions,
            context=self._joined_context(answered),
        )

    @staticmethod
    def _kept(answer: Answer, context: Context | None) -> Context:
        """The context after an answer: its own; after a decline about a subject the notice has (罗蔺的
        手机号是多少), that subject; after any other decline, the one before (the last answered)."""
        if answer.answered or answer.context.entities:
            return answer.context
        return context or Context()

    @staticmethod
    def _joined_context(answered: list[Answer]) -> Context:
        """The last answer's context, with the relations of every question of the message asked of the
        same subjects (法治组组长是谁，主要负责什么 → 那综合组的呢 asks both of 综合组)."""
        last = answered[-1].context
        relation = (r for a in answered if a.context.entities == last.entities for r in a.context.relation)
        return replace(last, relation=tuple(dict.fromkeys(relation)))

    def _ask_piece(self, piece: Piece, context: Context | None) -> Answer:
        """One question of the message, in the context its own sentence gives."""
        return self._ask_clause(piece.text, piece.context(context))

    def _ask_clause(self, question: str, context: Context | None) -> Answer:
        tools = self.tools
        text = self.read_form(question)
        if not text:
            return tools.decline(question, tools.say("ask_for_question"))
        text = self._replayed(text, context) or text  # 唐英瑜是市科技局局长吗 → 那许洪斌是吗: the claim, of him
        true_false = TRUE_FALSE.search(text) is not None
        text = TRUE_FALSE.sub("", text).strip() if true_false else text
        query = self.reader.read(text)
        claimed = true_false or _CLAIM.search(question) is not None or _RECALLED.search(text) is not None
        if claimed and _CLAIM_VERB.search(text) and not self.message.asks(text, query):
            # 张德宽是综合组组长？: a statement asked with a question mark is a yes/no claim
            query = replace(query, cues=query.cues | {Cue.YES_NO})
        # (市食品安全委员会: a group the notice lacks, whatever its kind word fits, is said so, not asked about)
        ambiguous = next((m for m in query.mentions if m.rivals), None) if query.foreign_group is None else None
        if ambiguous is not None and _each_told(ambiguous, query):
            # 唐组长是哪个组的 (唐良智, 唐英瑜): each of the few people it may mean, told apart by their places
            each = [replace(ambiguous, entity=e, rivals=()) for e in (ambiguous.entity, *ambiguous.rivals)]
            mentions = [m for m in query.mentions if m is not ambiguous]
            query = replace(query, mentions=tuple(sorted([*mentions, *each], key=lambda m: m.start)))
        elif ambiguous is not None:
            return tools.clarify(question, (ambiguous.entity, *ambiguous.rivals))
        query, entities = subjects(tools, query, context)
        turn = Turn(question, query, entities, *((context.cited, context.relation) if context is not None else ()))
        for intent in POLICY:
            answer = intent(turn, tools)
            if answer is not None and answer.answered and not answer.text.strip():
                continue  # an answer that says nothing is none: the next question type is asked
            if answer is not None:
                if not answer.answered:  # (2019年的协调小组组长是谁 → 那这次调整后呢: its subject and relation kept)
                    relation = tuple(sorted(c.value for c in query.cues & CONTEXT_CUES))
                    kept = replace(answer.context, relation=relation) if answer.context.entities else answer.context
                    return replace(answer, context=kept)
                answer = self._names_unstated(self._people_counted(answer, query), query)
                return replace(answer, context=self._context(answer, query, context))
        raise AssertionError("the policy's last row always answers")

    def read_form(self, question: str) -> str:
        """The form a question is read in: normalised, pinyin in characters, everyday words in the
        notice's, one-character slips in its vocabulary mended."""
        text = self.pinyin.convert(self.lexicon.english(normalize(question, self.config.max_question_chars)))
        text = self._bare_names.get(text, text)  # 法治 typed alone, as in a search box: 法治组
        if _BARE_COUNT.fullmatch(text):  # 多少 / 一共有多少 alone, after a list: how many it has
            text = "一共几个"
        if (ellipsis := _BARE_ELLIPSIS.fullmatch(text)) and ellipsis.group(2) in self._bare_names:
            # 法治呢 / 那督查呢: the group by its name alone, in a follow-up that keeps what was asked
            text = text.replace(ellipsis.group(2), self._bare_names[ellipsis.group(2)], 1)
        stem = self.reader.matcher.stem_of(text) if text in self.lexicon.synonyms else None
        if stem is not None and stem.kind is EntityKind.GROUP:  # 双创 alone: the group, not the words it rewrites to
            text = self.kb.groups[stem.id].name
        return self._qualified_whole(self.speller.mend(self.lexicon.rewrite(text)))

    def _qualified_whole(self, text: str) -> str:
        """常务副的呢 / 第一副是谁: the qualified place said without its word, where the notice has one such place
        (常务副指挥长)."""
        for said, place in self._qualified_places:
            text = said.sub(place, text)
        return text

    @cached_property
    def _qualified_places(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """Each qualifier the notice has one place for, as it is said without the place's word, and that place."""
        places = {h.role for g in self.kb.groups.values() for h in g.roles}
        found = {
            p: [w for w in places if w.startswith(p) and len(w) > len(p)] for p in DEPUTY_QUALIFIERS
        }  # (people name one by its qualifier alone)
        return tuple(
            (re.compile(f"{p}(?![\u4e00-\u9fff]*?(?:组长|主任|召集人|指挥长|总指挥|长))"), ws[0])
            for p, ws in found.items()
            if len(ws) == 1
        )

    @cached_property
    def _bare_names(self) -> dict[str, str]:
        """A group's name without its kind word (法治 for 法治组, 协调 for 协调小组), where it names one group."""
        found: dict[str, list[str]] = {}
        for group in self.kb.groups.values():
            core = next((group.name.removesuffix(k) for k in _KIND_WORDS if group.name.endswith(k)), "")
            if len(core) >= 2:
                found.setdefault(core, []).append(group.name)
        return {core: names[0] for core, names in found.items() if len(names) == 1}

    def _checked_quote(self, answer: Answer, question: str) -> Answer:
        """稿子里写“将原…协调小组更名”，对吗: words in quotation marks that stand in the notice as written are
        confirmed (是), whatever else the answer says; words it does not have are left to the answer."""
        found = _QUOTED_CLAIM.search(question)
        if not (answer.answered and found and _CHECKED.search(question)) or answer.text.startswith(("是。", "不是。")):
            return answer
        said = _QUOTE_MARKS.sub("", found.group(1))
        if len(said) < _QUOTE_SHORTEST or said not in self._plain_notice:
            return answer
        return replace(answer, text=self.tools.verdict(True).text + answer.text)

    @cached_property
    def _plain_notice(self) -> str:
        return _QUOTE_MARKS.sub("", normalize(self.kb.notice, len(self.kb.notice)))

    def _quoted(self, answer: Answer, question: str) -> Answer:
        """给我原文 / 原文怎么写的: the answer's facts in the notice's own words, after it."""
        if not (answer.answered and _WORDING_ASKED.search(question)):
            return answer
        quotes = [self.kb.facts[f].quote for f in answer.facts if f in self.kb.facts and self.kb.facts[f].quote]
        shown = [q for q in dict.fromkeys(quotes) if q not in answer.text][:_QUOTED]
        said = "".join(self.tools.say("quote_of", quote=q) for q in shown)
        return replace(answer, text=f"{answer.text}\n{said}") if said else answer

    def _names_unstated(self, answer: Answer, query: Query) -> Answer:
        """办公室副主任叫什么名字 / 征地拆迁组组长具体是哪个人, where the notice names a unit or a post only:
        that it gives no name is said first, then what it does give."""
        said = self._people_named(answer.text)
        named = [p for p in said if not self.kb.people[p].post]  # (a post has no name)
        asked = query.has(Cue.NAME) or (query.asks_person and bool(said))
        if not (asked and answer.facts) or UNSTATED in answer.text or named or names_a_piece(query.text):
            return answer
        return replace(answer, text=self.tools.say("names_unstated") + answer.text)

    def _people_counted(self, answer: Answer, query: Query) -> Answer:
        """一共几位 / 组长加副组长一共几个人: a count of people is said, whatever list answers it."""
        counted = PEOPLE_COUNTED.search(query.text) or _PLACE_COUNTED.search(query.text)
        if not (query.has(Cue.COUNT, Cue.LIST) and counted):
            return answer
        named = self._people_named(answer.text)
        if not named or f"共{len(named)}位" in answer.text or f"（{len(named)}位）" in answer.text:
            return answer  # none named, or the answer counts them itself
        return replace(answer, text=self.tools.say("people_counted", count=len(named)) + answer.text)

    def _units_listed(self, text: str) -> tuple[str, ...]:
        """The ids of the units a text lists (a group's deputy units), in its order; one unit is no list."""
        found = _in_order(text, self.kb.units.values())
        return found if len(found) > 1 else ()

    def _people_named(self, text: str) -> tuple[str, ...]:
        """The ids of the people a text names, in the order it names them."""
        return _in_order(text, self.kb.people.values())

    def _replayed(self, text: str, context: Context | None) -> str | None:
        """The claim just judged, asked of the one subject a bare follow-up names (许洪斌也是吗 / 那许洪斌是吗 /
        许洪斌也算吧 / 督查组算不算 / 欧顺清呢), where it is of the kind the claim was about."""
        if context is None or not context.claim or len(text) > _REPLAY_LONGEST:
            return None
        query = self.reader.read(text)
        named = [m for m in query.mentions if not m.via_title]
        if len({m.entity for m in named}) != 1 or len(query.mentions) != len(named):
            return None
        mention = named[0]
        rest = text[: mention.start] + text[mention.end :]
        if not _BARE_CLAIM.fullmatch(rest.replace(" ", "")):
            return None
        kind, template = context.claim.split("|", 1)
        if kind != mention.entity.kind.value:
            return None
        return template.replace("{}", text[mention.start : mention.end], 1)

    @staticmethod
    def _claim(query: Query) -> str:
        """A yes/no question judged, kept with its subject as ``{}`` (``kind|text``): its first subject named
        by name, where the question names just one such."""
        if not query.has(Cue.YES_NO):
            return ""
        said = _SAID_OF.match(query.text)  # 她是市场监管局局长吗: the person the pronoun stands for
        if said is not None:
            return f"{EntityKind.PERSON.value}|{query.text[: said.start(1)]}{{}}{query.text[said.end(1) :]}"
        named = [m for m in query.mentions if not m.via_title]
        holders = [m for m in named if m.entity.kind is not EntityKind.GROUP]
        if len({m.entity for m in holders}) == 1 and len(holders) < len(named):
            named = holders  # 欧顺清是协调小组办公室主任吗: the claim is of the holder, in the group it names
        if len({m.entity for m in named}) != 1:
            return ""
        mention = named[0]
        template = query.text[: mention.start] + "{}" + query.text[mention.end :]
        return f"{mention.entity.kind.value}|{template}"

    def _context(self, answer: Answer, query: Query, previous: Context | None) -> Context:
        """What a follow-up may refer to: the answer's subjects (or, for an answer without any, the
        previous ones, carried), what the question named, the relation asked, the groups cited."""
        groups = tuple(dict.fromkeys(self.kb.facts[f].subject for f in answer.facts if f in self.kb.facts))
        if previous is not None and _BESIDES.search(query.text):
            # 张德宽是哪个单位的 → 这个单位还在哪个组当副组长: the groups besides those before are the ones meant
            before = {e.id for e in previous.entities if e.kind is EntityKind.GROUP} | set(previous.groups)
            groups = tuple(g for g in groups if g not in before) or groups
        carried = not answer.context.entities and previous is not None
        named = self._people_named(answer.text)
        # an answer about some of the people or groups listed before (第一个 / 其中谁 / 第三个呢) keeps
        # the list to pick from
        listed = previous.people if previous is not None else ()
        people = listed if named and set(named) < set(listed) else named
        listed_groups = _list_to_pick(
            self._listed_groups(answer.text), previous.listed_groups if previous is not None else ()
        )
        units = _list_to_pick(self._units_listed(answer.text), previous.units if previous is not None else ())
        if previous is not None and query.has(Cue.YES_NO) and len(previous.units) > 1:
            units = previous.units  # 商事组副组长单位 → 有市公安局吗（是）→ 最后那个是哪个单位: the list checked stays
        mentioned = query.entities
        asked = previous.mentioned if previous is not None else ()
        if not mentioned and set(answer.context.entities) < set(asked):
            mentioned = asked  # 市人力社保局 市国资委 市交通局 … → 第一个… → 第三个呢: the list the asker gave
        relation = {c.value for c in query.cues & CONTEXT_CUES} | set(answer.context.relation)
        if previous is not None and relation == {Cue.NAME.value}:
            relation |= set(previous.relation)  # 安保部部长是谁 → 叫什么名字 → 医疗卫生部呢: still its 部长
        if query.asks_person:
            relation.add(ASKS_PERSON)
        if answer.facts and all(
            self.kb.facts[f].kind is FactKind.REQUIREMENT for f in answer.facts if f in self.kb.facts
        ):
            relation.add(Cue.REQUIREMENT.value)  # 四（二）呢 → 后面还有吗: an answer of requirements is about them
        return Context(
            entities=previous.entities if carried and previous else answer.context.entities,
            mentioned=mentioned,
            carried=carried,
            relation=tuple(sorted(relation)),
            aspects=tuple(a.value for a in query.aspects or self._aspects_cited(answer)),
            groups=tuple(dict.fromkeys(g for g in groups if g in self.kb.groups)),
            people=people,
            focus=named,
            listed_groups=listed_groups,
            units=units,
            earlier=self._earlier(answer, previous),
            claim=self._claim(query),
            cited=answer.facts,
        )

    def _aspects_cited(self, answer: Answer) -> tuple[Aspect, ...]:
        """The one side of 放管服 every fact an answer cites is a duty of (减证便民是哪个组 → 哪方面: 服务)."""
        facts = [self.kb.facts[f] for f in answer.facts if f in self.kb.facts]
        # (the duties cited; a place said beside them, 组长：罗蔺, has no side)
        facts = [f for f in facts if f.kind not in _PLACE_KINDS] or facts
        sides = {f.aspect for f in facts}
        return (sides.pop(),) if facts and len(sides) == 1 and None not in sides else ()  # type: ignore[return-value]

    @staticmethod
    def _earlier(answer: Answer, previous: Context | None) -> tuple[Entity, ...]:
        """The subjects of the answers before this one, the most recent first, each once."""
        if previous is None:
            return ()
        now = answer.context.entities or previous.entities
        before = (*previous.entities, *previous.earlier)
        return tuple(dict.fromkeys(e for e in before if e not in now))[:_EARLIER]

    def _listed_groups(self, text: str) -> tuple[str, ...]:
        """The groups an answer names, in the order it names them (the 协调小组 over them left out: 精简行政审批组
        是协调小组下设的专题组 names one group of its kind, and 第二个组呢 counts in that kind)."""
        found = sorted((text.index(g.name), g.id) for g in self.kb.groups.values() if g.name in text)
        ids = [g for _, g in found]
        under = [g for g in ids if not self.kb.is_top(g)]
        return tuple(under or ids)


def _year(kb: Knowledge) -> str | None:
    """The notice's year, from its publication or signing date or its 文号 (〔2020〕)."""
    for field_id in ("published", "signed", "number"):
        field = kb.field(field_id)
        found = re.search(r"(19|20)\d\d", field.value) if field else None
        if found:
            return found.group()
    return None


def example_questions(kb: Knowledge, templates: tuple[str, ...]) -> tuple[str, ...]:
    """The example questions offered when the bot declines, filled from the notice's facts; a template
    whose field the notice cannot fill (no 文号, no groups under the top one) is left out."""
    top = kb.groups[kb.top] if kb.top else next(iter(kb.groups.values()))
    people = sorted(kb.people, key=lambda p: -len(kb.roles_of(p)))
    fields = {
        "top": top.name,
        "head": top.leader.role,
        "kinds": "和".join(kb.kinds()) or None,
        "person": kb.people[people[0]].name if people else None,
        "number": "" if kb.field("number") else None,
    }
    examples = []
    for template in templates:
        used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        if all(fields.get(name) is not None for name in used):
            examples.append(template.format(**fields))
    return tuple(examples)
