"""The question-answering engine: a question (and the previous answer's context) in, a cited Answer out.

The order of the steps in ``_ask_one`` is the policy. What the notice never gives comes first (an
attribute such as a phone number, a procedure, a unit or government it does not name), so a known
name in the question does not pull in an unrelated answer; then document fields, requirements, the
groups of a kind, yes/no claims, numbers it does not give, questions naming a group, person or unit,
the office, roles counted, and last the ranked topic search. Anything without footing is declined
with suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from knowledge import describe
from knowledge.answer import UNSTATED, Answer, Citation, Context
from knowledge.describe import Part
from knowledge.facts import Aspect, FactKind, Group, GroupKind, Knowledge, Person, RoleKind, Unit
from knowledge.lexicon import Cue, Lexicon, load_lexicon
from knowledge.loader import DATA_DIR, aspect_fact_id, load_knowledge
from knowledge.matcher import Entity, EntityKind, EntityMatcher, MatcherConfig, Mention
from knowledge.normalize import normalize
from knowledge.retrieval import ClauseIndex, Hit
from knowledge.segment import build_segmenter
from knowledge.understand import Query, QueryReader


@dataclass(frozen=True)
class EngineConfig:
    """Thresholds; the defaults are documented in config.yaml."""

    fuzzy_floor: float = 80.0
    fuzzy_margin: float = 5.0
    topic_min_score: float = 0.6
    topic_margin: float = 0.15
    max_question_chars: int = 200
    max_suggestions: int = 3


_GROUP_FACET_CUES = (
    Cue.LEADER,
    Cue.DEPUTY,
    Cue.MEMBERS,
    Cue.OFFICE,
    Cue.OFFICE_DIRECTOR,
    Cue.OFFICE_DEPUTY,
    Cue.DUTY,
    Cue.COMMON,
)
_ROLE_CUES = (Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY)
_OFFICE_ROLES = {RoleKind.OFFICE_HOST, RoleKind.OFFICE_DIRECTOR, RoleKind.OFFICE_DEPUTY_DIRECTOR}
_SENTENCE_END = re.compile(r"[?？!！。;；\n]+")
_POST_ASKED = re.compile(r"$|是谁|是哪|叫什么|是什么人|由谁")  # 秘书长是谁, not 哪位副秘书长牵头
_YEAR = re.compile(r"((?:19|20)\d{2}) ?年")
_QUESTION_WORDS = ("哪", "什么", "几", "多少", "啥")
_CLAUSE_BREAK = re.compile(r"[,，:：]+")
_SAME_QUESTION = 85  # a suggestion this close to the question (rapidfuzz ratio) would repeat it
_DOCUMENT_NUMBER = re.compile(r"(\d{4})\D{0,3}?(\d{1,3}) ?号")
_ITEM = re.compile(r"第 ?([一二三四]) ?(?:条|项|点)")
_WEAK_FIELDS = {"basis", "published", "public", "structure"}
_STRONG_CLAUSE = 0.8  # a clause covering this share of a question's words beats a generic document word
_OTHER_LEVEL = re.compile(r"(?:区县|区|县|乡镇|街道|省|国家|全国)级?的?$")
_CONJUNCTION = re.compile(r"以及|还有|和|与|及|跟| ")
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


_normalized = cache(normalize)  # suggestions come from a few templates: normalise each once


def _kinds_named(query: Query) -> list[GroupKind]:
    """The kinds of group a question names: 专题组, 保障组, or both."""
    named = ((Cue.TOPIC_GROUPS, GroupKind.TOPIC), (Cue.SUPPORT_GROUPS, GroupKind.SUPPORT))
    return [kind for cue, kind in named if query.has(cue)]


def _number(text: str) -> int | None:
    """The first count in a question (4个 / 四个), for yes/no claims about how many groups."""
    found = re.search(r"(\d+|[一二两三四五六七八九十])个", text)
    if found is None:
        return None
    token = found.group(1)
    return int(token) if token.isdigit() else _NUMERALS[token]


_FOLLOW_UP_CUES = (
    Cue.LEADER,
    Cue.DEPUTY,
    Cue.MEMBERS,
    Cue.DUTY,
    Cue.ROLES,
    Cue.YES_NO,
    Cue.WHICH_GROUP,
    Cue.PRONOUN,
    Cue.DESCRIBED_GROUP,
)


class Engine:
    def __init__(self, kb: Knowledge, lexicon: Lexicon, config: EngineConfig, cache_dir: Path | None = None) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self.config = config
        matcher = EntityMatcher(kb, MatcherConfig(config.fuzzy_floor, config.fuzzy_margin))
        segmenter = build_segmenter(kb.notice, matcher.surfaces, lexicon.words(), cache_dir)
        self.reader = QueryReader(lexicon, matcher, segmenter)
        self.index = ClauseIndex(kb, segmenter)
        self._document_values = {f.id: normalize(f.value) for f in kb.document.values()}
        self._year = kb.document["published"].value[:4]

    @classmethod
    def build(
        cls, config: EngineConfig | None = None, cache_dir: Path | None = None, data_dir: Path = DATA_DIR
    ) -> Engine:
        """Load the knowledge (``data_dir``: notice.txt, facts.yaml, lexicon.yaml) and build the engine."""
        return cls(
            load_knowledge(data_dir), load_lexicon(data_dir / "lexicon.yaml"), config or EngineConfig(), cache_dir
        )

    # --- cards: whole answers about one group or the document ----------------------------------------

    def group_card(self, group_id: str) -> Answer:
        """Everything the notice says of one group: leader, deputies, duties overall and by aspect."""
        group = self.kb.groups[group_id]
        parts = [describe.leader(self.kb, group)]
        if group.deputies is not None or group.kind is GroupKind.SUPPORT:
            parts.append(describe.deputies(self.kb, group))
        if group.office is not None:
            parts.append(describe.office(self.kb, group))
        parts.append(describe.duty(group))
        parts += [describe.aspect_duty(group, a.aspect) for a in group.aspects]
        card = [Part(part.text + "\n", part.facts) for part in parts]
        return self._answer(group.name, card, (Entity(EntityKind.GROUP, group_id),), 1.0)

    def document_card(self) -> Answer:
        """The notice's title, number, dates and issuer."""
        fields = ("title", "number", "published", "signed", "issuer", "public")
        parts = [describe.document_field(self.kb, f) for f in fields]
        return self._answer("通知", [Part(p.text + "\n", p.facts) for p in parts], (), 1.0)

    # --- the policy ------------------------------------------------------------------------------

    def ask(self, question: str, context: Context | None = None) -> Answer:
        """Answer ``question``; several sentences (法治组组长是谁？综合组呢？) are answered in turn."""
        sentences = [s for s in _SENTENCE_END.split(question[: self.config.max_question_chars * 4]) if normalize(s)]
        if len(sentences) < 2:
            return self._ask_one(question, context)
        answers = []
        for sentence in sentences[:3]:
            answers.append(self._ask_one(sentence, context))
            context = answers[-1].context if answers[-1].answered else context
        answered = [a for a in answers if a.answered]
        if not answered:
            return replace(answers[-1], question=question)
        said = [a for a in answers if a.answered or UNSTATED in a.text]  # 未载明 is an answer too
        return Answer(
            question=question,
            answered=True,
            text="\n".join(a.text for a in said),
            facts=tuple(dict.fromkeys(f for a in answered for f in a.facts)),
            citations=tuple(dict.fromkeys(c for a in answered for c in a.citations)),
            confidence=min(a.confidence for a in answered),
            suggestions=answered[-1].suggestions,
            context=answered[-1].context,
        )

    def _ask_one(self, question: str, context: Context | None) -> Answer:
        """One sentence. When it finds no footing, its trailing clauses are tried alone: the asker's
        self-introduction (我是一名退休教师，…) must not drown the question at the end."""
        answer = self._ask_clause(question, context)
        if answer.answered:
            return answer
        clauses = [c for c in _CLAUSE_BREAK.split(question) if normalize(c)]
        for start in range(1, len(clauses)):
            retry = self._ask_clause("，".join(clauses[start:]), context)
            if retry.answered:
                return replace(retry, question=question)
        return answer

    def _ask_clause(self, question: str, context: Context | None) -> Answer:
        text = self.lexicon.rewrite(normalize(question, self.config.max_question_chars))
        if not text:
            return self._decline(question, "请输入您想了解的问题，例如：")
        query = self.reader.read(text)
        ambiguous = next((m for m in query.mentions if m.rivals), None)
        if ambiguous is not None:
            return self._clarify(question, (ambiguous.entity, *ambiguous.rivals))
        # 市政府 / 市委 are named in titles, not as groups' units: with other words around them the
        # question is about those words (市政府各部门主要负责人要做什么), not about the body.
        entities = tuple(e for e in query.entities if not (self._umbrella(e) and query.content))
        # 科技局许洪斌: a unit named as a person's own is a description of the person, not a subject
        units_of_people = {t.unit for e in entities if e.kind is EntityKind.PERSON for t in self.kb.people[e.id].titles}
        entities = tuple(e for e in entities if not (e.kind is EntityKind.UNIT and e.id in units_of_people))
        only_umbrella = entities == (Entity(EntityKind.GROUP, "coordination"),)
        # 协调小组办公室的日常工作由哪个组负责: a group is asked for (哪个组), the 协调小组 only describes it
        asks_group = any("组" in w and w in self.lexicon.cues[Cue.WHICH_GROUP] for w in query.cue_words)
        asks_which = asks_group and only_umbrella and bool(query.content)
        if query.has(Cue.DESCRIBED_GROUP) or asks_which or self._led_group_asked(query, entities):
            described = self._described_group(query, entities)
            if described:  # the words described the group; what is asked of it is in the cues
                listing = {Cue.ALL_GROUPS, Cue.LIST, Cue.COUNT}  # 唐良智下面的副组长: not a list of groups
                entities, query = described, replace(query, content=(), unknown=(), cues=query.cues - listing)
        if not entities and context and context.entities and (query.has(*_FOLLOW_UP_CUES) or query.aspects):
            entities = context.entities
        for step in (
            self._unknown_attribute,
            self._foreign_unit,
            self._document,
            self._requirement,
            self._elsewhere,
            self._group_list,
            self._yes_no,
            self._quantity,
            self._named,
            self._office,
            self._by_count,
            self._topic,
        ):
            answer = step(question, query, entities)
            if answer is not None:
                return answer
        facet = self._facet_template(query)
        if facet and not entities:
            offers = tuple(facet.format(name=g.name, aspect="") for g in self.kb.groups.values())
            text = "请问您问的是哪个组？例如："
            return self._decline(question, text + "\n" + "\n".join(f"· {o}" for o in offers[:3]), offers=offers)
        return self._decline(question, "抱歉，通知里没有这个问题的答案。您可以这样问：", entities)

    def _facet_template(self, query: Query) -> str | None:
        related = self.lexicon.related
        if query.has(Cue.DEPUTY):
            return related.deputies
        if query.has(Cue.LEADER) and not query.content:
            return related.leader
        if query.has(Cue.DUTY) and not query.content:
            return related.duty
        return None

    def _foreign_unit(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        if query.foreign_unit is None:
            return None
        if query.has(Cue.YES_NO) and any(e.kind is EntityKind.GROUP for e in entities):
            return None  # 市卫生健康委是审批组的副组长单位吗: 不是, with the true list
        text = f"{UNSTATED}“{query.foreign_unit}”：通知中没有提到这个单位。"
        return self._decline(question, text, prefix_only=True)

    def _elsewhere(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        below = any(
            _OTHER_LEVEL.search(query.text[: m.start]) for m in query.mentions if m.entity.kind is EntityKind.GROUP
        )
        if not (query.has(Cue.ELSEWHERE) or below):  # 各区县的放管服协调小组: not the city's group
            return None
        text = f"{UNSTATED}这方面的情况：本通知只涉及重庆市人民政府推进政府职能转变和“放管服”改革协调小组。"
        return self._decline(question, text, prefix_only=True)

    def _led_group_asked(self, query: Query, entities: tuple[Entity, ...]) -> bool:
        """张德宽领导的组负责什么 / 唐良智下面的副组长: a group facet asked of the group a person leads."""
        people = [m for m in query.mentions if m.entity.kind is EntityKind.PERSON and not m.via_title]
        if not people or any(e.kind is EntityKind.GROUP for e in entities) or query.has(Cue.YES_NO, Cue.WHICH_GROUP):
            return False
        asks = query.has(Cue.DEPUTY, Cue.DUTY, Cue.MEMBERS) or bool(query.aspects)
        return asks and any("组" in query.text[m.end :] for m in people)

    def _described_group(self, query: Query, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """管证照分离的那个组 / 科技局局长带的那个组: the group a duty or a holder points at."""
        holders = [e for e in entities if e.kind is not EntityKind.GROUP]
        if holders:
            roles = [r for h in holders for r in self.kb.roles_of(h.id)]
            led = [r for r in roles if r.kind in (RoleKind.LEADER, RoleKind.LEADER_UNIT)] or roles
            kinds = _kinds_named(query)
            groups = [
                Entity(EntityKind.GROUP, r.group)
                for r in led
                if (r.group != "coordination" or r.kind is RoleKind.LEADER)
                and (not kinds or self.kb.groups[r.group].kind in kinds)
            ]
            return tuple(dict.fromkeys(groups))
        if not query.content:  # 协调小组下设的专题组: nothing describes a particular group
            return ()
        named = [query.text[m.start : m.end] for m in query.mentions]
        hits = [h for h in self.index.search([*query.content, *named], limit=10) if h.clause.subject in self.kb.groups]
        if not hits or hits[0].score < self.config.topic_min_score:
            return ()
        return (Entity(EntityKind.GROUP, hits[0].clause.subject),)

    def _unknown_attribute(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        if query.has(Cue.PROCEDURE) and not query.has(Cue.REQUIREMENT):
            # 养老保险异地办理需要带什么材料: how to do things is not in a notice about who does what
            text = f"{UNSTATED}具体办事流程、材料和费用：本通知只写明各组的组成、分工和职责。"
            return self._decline(question, text, entities, prefix_only=True)
        if query.attribute is not None and not entities and query.asks_person:
            # 哪位副市长分管科技创新工作: who does what beyond the groups is not in the notice
            return self._decline(question, f"{UNSTATED}“{query.attribute}”方面的信息。", prefix_only=True)
        if query.attribute is None or not entities:
            return None
        name = self._name(entities[0])
        text = f"{UNSTATED}{name}“{query.attribute}”方面的信息。本通知只写明各组的组成、分工和职责。"
        return self._decline(question, text, entities, prefix_only=True)

    def _document(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        year = next((y for y in _YEAR.findall(query.text) if y != self._year), None)
        if year and not query.has(Cue.YES_NO):  # 2021年协调小组又做了哪些调整: another year, another document
            text = f"{UNSTATED}{year}年的情况：本通知是{self._year}年的{self.kb.document['number'].value}。"
            return self._decline(question, text, entities, prefix_only=True)
        other = _DOCUMENT_NUMBER.search(query.text)
        if (
            other
            and not query.has(Cue.YES_NO)
            and {int(n) for n in other.groups()} != self._numbers(self.kb.document["number"].value)
        ):
            text = f"{UNSTATED}{other.group()}的内容：本机器人只回答{self.kb.document['number'].value}通知的问题。"
            return self._decline(question, text, prefix_only=True)
        fields = list(query.document_fields)
        fields += [f for f, value in self._document_values.items() if len(value) > 3 and value in query.text]
        if query.has(Cue.REQUIREMENT) and any(w in query.text for w in self.lexicon.document_actions):
            fields.append("basis")  # 调整协调小组是按照谁的要求: the requirement the adjustment follows
        naming = {"rename", "title", "basis"} & set(fields)
        if query.has(Cue.WHICH_GROUP) and not (query.about_document or naming):
            return None
        if query.has(Cue.WHEN) and not {"published", "signed"} & set(fields) and not self._when_is_topic(query):
            other = any(e != Entity(EntityKind.GROUP, "coordination") for e in entities)
            about_else = (query.content and not self._strong_clause(query)) or other
            if about_else and not (fields or query.about_document):
                # 证照分离改革哪年完成: the notice sets no dates for its work, only its own
                published, signed = self.kb.document["published"].value, self.kb.document["signed"].value
                text = f"{UNSTATED}这方面的时间安排；通知本身的发布日期是{published}，成文日期是{signed}。"
                return self._decline(question, text, entities, prefix_only=True)
            fields.append("published")
        if not fields:
            return None
        asks_issuer = query.asks_person or query.has(Cue.WHICH_GROUP, Cue.DEPUTY)  # 谁 / 哪个部门印发的
        if asks_issuer and {"published", "signed"} & set(fields):  # 哪个部门印发 / 落款是哪个单位: the issuer
            fields = ["issuer" if f in ("published", "signed") else f for f in fields]
        only_coordination = all(e == Entity(EntityKind.GROUP, "coordination") for e in entities)
        if not query.about_document and set(fields) <= _WEAK_FIELDS and self._strong_clause(query):
            return None  # 双随机一公开 / 要根据什么细化工作: the words are about a duty, not the document
        if entities and not (only_coordination and (query.about_document or naming)):
            return None
        if query.has(Cue.DUTY, Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS) and not (query.about_document or naming):
            return None
        fields = list(dict.fromkeys(fields))[:3]
        parts = [describe.document_field(self.kb, f) for f in fields]
        verdict = self._document_verdict(query, fields[0]) if query.has(Cue.YES_NO) else None
        if verdict is not None:
            parts.insert(0, Part("是。" if verdict else "不是。"))
        return self._answer(question, parts, entities, 0.9)

    def _when_is_topic(self, query: Query) -> bool:
        """压缩企业开办时间是谁的任务: 时间 is part of a duty's wording, not a question about a date."""
        when = [w for w in query.cue_words if w in self.lexicon.cues[Cue.WHEN]]
        hits = self.index.search(list(query.content) + when, limit=1)
        return (
            bool(hits) and hits[0].score >= self.config.topic_min_score and any(w in hits[0].clause.text for w in when)
        )

    def _strong_clause(self, query: Query) -> bool:
        words = list(query.content) + [w for w in query.cue_words if len(w) > 1]
        hits = self.index.search(words, limit=1)
        return bool(hits) and hits[0].score >= _STRONG_CLAUSE

    @staticmethod
    def _numbers(text: str) -> set[int]:
        return {int(n) for n in re.findall(r"\d+", text)}

    def _document_verdict(self, query: Query, field_id: str) -> bool | None:
        """Whether a yes/no claim about a document field holds: its numbers in order (2020年1月1日 is
        not 2020-01-19, 5号 is 渝府办发〔2020〕5号), else its wording."""
        field = self.kb.document[field_id]
        claimed = [int(n) for n in re.findall(r"\d+", query.text)]
        if claimed:
            actual = [int(n) for n in re.findall(r"\d+", field.value)]
            return any(actual[i : i + len(claimed)] == claimed for i in range(len(actual)))
        if any(word in field.quote for word in query.cue_words):
            return True
        return None

    def _requirement(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        if not query.has(Cue.REQUIREMENT):
            return None
        if any(e.kind is not EntityKind.UNIT and e.id != "coordination" for e in entities):
            return None
        item = _ITEM.search(query.text)
        if item is not None:  # 第（二）条: the requirements of 四（二）, what the crawl lost included
            section = f"四（{item.group(1)}）"
            chosen = [r.id for r in self.kb.requirements if r.section == section]
        else:
            words = list(query.content) + [w for w in query.cue_words if w not in ("要求", "有关要求")]
            hits = [h for h in self.index.search(words, limit=20) if h.clause.subject == "requirements"]
            if hits:  # the question already says it asks for a requirement: any overlap ranks
                chosen = [h.clause.fact.removeprefix("req.") for h in hits if h.score >= hits[0].score - 1e-9]
            elif not query.unknown:
                chosen = [r.id for r in self.kb.requirements]
            else:
                return None
        if not chosen:
            return None
        parts = [describe.requirement(self.kb, r) for r in self._with_lost_rest(chosen)]
        return self._answer(question, parts, (), 0.8)

    def _with_lost_rest(self, requirement_ids: list[str]) -> list[str]:
        """The requirements, plus the unstated rest of any item the crawl cut short (四（二）)."""
        sections = {r.section for r in self.kb.requirements if r.id in requirement_ids}
        lost = [r.id for r in self.kb.requirements if r.unstated and r.section in sections]
        return list(dict.fromkeys([*requirement_ids, *lost]))

    def _group_list(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        kinds = _kinds_named(query)
        specific = [e for e in entities if e.kind is EntityKind.GROUP and e.id != "coordination"]
        if specific and kinds and not query.has(Cue.LEADER, Cue.DUTY, Cue.DEPUTY) and not query.aspects:
            if query.has(Cue.YES_NO) and len(kinds) == 1:
                group = self.kb.groups[specific[0].id]
                verdict = "是。" if group.kind is kinds[0] else "不是。"
                return self._answer(question, [Part(verdict), describe.group_kind(self.kb, group)], entities, 0.9)
            parts = [describe.group_kind(self.kb, self.kb.groups[e.id]) for e in specific]
            return self._answer(question, parts, entities, 0.9)
        if specific or any(e.kind is not EntityKind.GROUP for e in entities) or query.has(Cue.OFFICE):
            return None
        asks_facet = query.has(Cue.LEADER, Cue.DEPUTY) or (query.asks_person and not query.has(Cue.NAME))
        if query.has(Cue.COMMON) and not asks_facet and (query.has(Cue.DUTY) or not query.has(Cue.COUNT)):
            return self._answer(question, [describe.common_duty(self.kb)], (), 0.9)
        asks_list = query.has(Cue.COUNT, Cue.LIST, Cue.ALL_GROUPS, Cue.MISSING, Cue.SUPERLATIVE) or query.asks_person
        asks_list = asks_list or _number(query.text) is not None  # 是不是有3个保障组
        asks_list = asks_list or (bool(kinds) and query.has(Cue.LEADER, Cue.DEPUTY))  # 专题组副组长由什么人担任
        if not asks_list or (not kinds and not query.has(Cue.ALL_GROUPS)):
            return None
        if query.content and self._topic_hits(query):
            return None  # 各专题组要调查研究哪些问题 / 要根据什么细化工作: a duty or requirement, found by the search
        if query.has(Cue.DUTY, Cue.LEADER, Cue.DEPUTY) or (query.asks_person and not query.has(Cue.COUNT, Cue.NAME)):
            # 四个专题组的组长分别是谁: the facet asked, for every group of that kind
            groups = [g for g in self.kb.groups.values() if g.kind in (kinds or [GroupKind.TOPIC, GroupKind.SUPPORT])]
            parts = [self._group_answer(query, g) for g in groups]
            if query.has(Cue.MISSING):  # 哪个专题组没有写明组长: only those the notice is silent on
                kept = [(g, p) for g, p in zip(groups, parts, strict=True) if UNSTATED in p.text]
                groups, parts = [g for g, _ in kept], [p for _, p in kept]
            if query.has(Cue.SUPERLATIVE) and query.has(Cue.DEPUTY):
                parts.insert(0, self._most_deputies(groups))
            if parts:
                return self._answer(question, parts, tuple(Entity(EntityKind.GROUP, g.id) for g in groups), 0.85)
        kinds = kinds or [GroupKind.TOPIC, GroupKind.SUPPORT]
        parts = [describe.groups_list(self.kb, tuple(kinds))]
        claimed = _number(query.text)
        # 协调小组下设3个专题组？ states a number: a claim to check even without 吗
        asks = query.has(Cue.COUNT) or query.asks_person or any(w in query.text for w in _QUESTION_WORDS)
        claim = query.has(Cue.YES_NO) or not asks
        if claim and claimed is not None and len(kinds) == 1:
            count = sum(g.kind is kinds[0] for g in self.kb.groups.values())
            parts.insert(0, Part("是。" if claimed == count else "不是。"))
        return self._answer(question, parts, (), 0.9)

    def _quantity(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        """企业开办时间要压缩到几个工作日 / 每年多少经费: numbers the notice never gives."""
        counting = query.has(Cue.COUNT) and not entities and "组" not in query.text  # 试点了多少个事项
        if not (query.has(Cue.QUANTITY) or counting):
            return None
        if query.has(*_ROLE_CUES, Cue.TOPIC_GROUPS, Cue.SUPPORT_GROUPS, Cue.ALL_GROUPS):
            return None
        text = f"{UNSTATED}这方面的具体数字：通知只写明各组的组成、分工和职责。"
        return self._decline(question, text, entities, prefix_only=True)

    def _most_deputies(self, groups: list[Group]) -> Part:
        """哪个专题组的副组长单位最多: counted among the groups whose deputy units are stated."""
        counted = [(len(g.deputies.units), g) for g in groups if g.deputies is not None and g.deputies.units]
        if not counted:
            return Part("")
        most, group = max(counted, key=lambda pair: pair[0])
        silent = [g.name for g in groups if g.deputies is not None and g.deputies.unstated]
        note = f"（{'、'.join(silent)}的副组长单位通知原文未载明）" if silent else ""
        return Part(f"副组长单位最多的是{group.name}，共{most}个{note}。", (f"group.{group.id}.deputies",))

    def _yes_no(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        if not query.has(Cue.YES_NO):
            return None
        if not entities and query.aspects:
            return self._aspect_claim(question, query)
        groups = [e.id for e in entities if e.kind is EntityKind.GROUP]
        holders = [e for e in entities if e.kind is not EntityKind.GROUP]
        titled = [m for m in query.mentions if m.via_title]
        if len(holders) == 2 and len(titled) == 1 and not groups:
            return self._title_claim(question, query, entities, titled[0])
        if not groups and len(holders) == 1 and query.has(Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY):
            groups = ["coordination"]  # 办公室主任 is the 协调小组's office
        if not groups and len(holders) == 2 and {h.kind for h in holders} == {EntityKind.PERSON, EntityKind.UNIT}:
            return self._unit_claim(question, holders, entities)
        if len(groups) == 1 and len(holders) > 1 and query.has(Cue.DEPUTY, Cue.LEADER):
            # 市公安局和重庆海关都是商事组的副组长单位吗: true only if it holds for each of them
            group = self.kb.groups[groups[0]]
            wanted = {RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT} if query.has(Cue.DEPUTY) else {RoleKind.LEADER}
            holds = all(any(r.group == group.id and r.kind in wanted for r in self.kb.roles_of(h.id)) for h in holders)
            facet = describe.deputies(self.kb, group) if query.has(Cue.DEPUTY) else describe.leader(self.kb, group)
            return self._answer(question, [Part("是。" if holds else "不是。"), facet], entities, 0.9)
        if len(groups) != 1 or len(holders) > 1:
            return None
        group = self.kb.groups[groups[0]]
        if not holders and (query.unknown or query.foreign_unit) and query.has(Cue.LEADER, Cue.DEPUTY):
            # 陈敏尔是协调小组组长吗: a name the notice does not have is not its leader.
            deputy = query.has(Cue.DEPUTY)
            if (group.deputies is not None and group.deputies.unstated) if deputy else group.leader.unstated:
                fact = f"group.{group.id}.{'deputies' if deputy else 'leader'}"
                text = f"{UNSTATED}{group.name}的{'副组长单位' if deputy else '组长'}，无法确认。"
                return self._answer(question, [Part(text, (fact,))], entities, 0.7)
            facet = describe.deputies(self.kb, group) if deputy else describe.leader(self.kb, group)
            return self._answer(question, [Part("不是。"), facet], entities, 0.7)
        if not holders:
            return self._topic_claim(question, query, entities, group.id)
        holder = holders[0]
        wanted = self._claimed_roles(query, holder)
        if wanted is None:
            return None
        if RoleKind.LEADER in wanted and group.leader.unstated:
            text = f"{UNSTATED}{group.name}的组长，无法确认。"
            return self._answer(question, [Part(text, (f"group.{group.id}.leader",))], entities, 0.8)
        if RoleKind.DEPUTY_UNIT in wanted and group.deputies is not None and group.deputies.unstated:
            text = f"{UNSTATED}{group.name}的副组长单位，无法确认。"
            return self._answer(question, [Part(text, (f"group.{group.id}.deputies",))], entities, 0.8)
        holds = any(r.group == group.id and r.kind in wanted for r in self.kb.roles_of(holder.id))
        truth = self._describe(holder) if holder.kind is not EntityKind.GROUP else Part("")
        if holds:
            return self._answer(question, [Part("是。"), truth], entities, 0.9)
        if wanted & {RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT}:
            correction = describe.deputies(self.kb, group)
        elif wanted & _OFFICE_ROLES and group.office is not None:
            correction = describe.office(self.kb, group)
        else:
            correction = describe.leader(self.kb, group)
        return self._answer(question, [Part("不是。"), truth, correction], entities, 0.9)

    def _title_claim(self, question: str, query: Query, entities: tuple[Entity, ...], titled: Mention) -> Answer:
        """唐英瑜是市科技局局长吗: the person named against the holder of the title named."""
        claimant = next(e for e in entities if e.kind is not EntityKind.GROUP and e != titled.entity)
        holds = claimant == titled.entity
        parts = [
            Part("是。" if holds else "不是。"),
            describe.person_roles(self.kb, titled.entity.id, titled.via_title),
        ]
        if not holds:  # and what the one named really is
            parts.append(self._describe(claimant))
        return self._answer(question, parts, (titled.entity,), 0.9)

    def _aspect_claim(self, question: str, query: Query) -> Answer | None:
        """全面推开证照分离算放权方面的工作吗: the aspect of the clause the words point at."""
        hits = self._topic_hits(query)
        aspect = self.kb.facts[hits[0].clause.fact].aspect if hits else None
        if aspect is None:
            return None
        verdict = Part("是。" if aspect in (query.marked_aspects or query.aspects) else "不是。")
        return self._answer(question, [verdict, *self._topic_parts(hits[:1])], (), hits[0].score)

    def _unit_claim(self, question: str, holders: list[Entity], entities: tuple[Entity, ...]) -> Answer:
        """许洪斌是市发改委的吗: whether the person holds a post at the unit."""
        person = next(h for h in holders if h.kind is EntityKind.PERSON)
        unit = next(h for h in holders if h.kind is EntityKind.UNIT)
        holds = any(title.unit == unit.id for title in self.kb.people[person.id].titles)
        parts = [Part("是。" if holds else "不是。"), describe.person_roles(self.kb, person.id)]
        return self._answer(question, parts, (person,), 0.9)

    def _claimed_roles(self, query: Query, holder: Entity) -> set[RoleKind] | None:
        if query.has(Cue.DEPUTY) or "副组长" in query.text:
            return {RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT}
        if "副主任" in query.text:
            return {RoleKind.OFFICE_DEPUTY_DIRECTOR}
        if "主任" in query.text:
            return {RoleKind.OFFICE_DIRECTOR}
        if query.has(Cue.OFFICE):
            return {RoleKind.OFFICE_HOST}
        if query.has(Cue.LEADER) or "组长" in query.text:
            return {RoleKind.LEADER} if holder.kind is EntityKind.PERSON else {RoleKind.LEADER_UNIT}
        if query.has(Cue.ROLES, Cue.MEMBERS) or not query.content:
            return set(RoleKind)
        return None

    def _topic_claim(self, question: str, query: Query, entities: tuple[Entity, ...], group_id: str) -> Answer | None:
        best = self._topic_hits(query)
        if not best:
            return None
        top = best[0]
        holds = any(h.clause.subject == group_id for h in best)
        claimed = query.marked_aspects or query.aspects
        if claimed:  # …是改善社会服务组服务方面的任务吗: the group and the aspect must both be right
            holds = holds and self.kb.facts[top.clause.fact].aspect in claimed
        verdict = "是。" if holds else "不是。"
        return self._answer(question, [Part(verdict), *self._topic_parts(best)], entities, top.score)

    def _named(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        if not entities:
            return None
        if query.unknown and not (query.has(*_GROUP_FACET_CUES, Cue.ROLES, Cue.NAME, Cue.WHICH_GROUP) or query.aspects):
            return None
        people = [e for e in entities if e.kind is EntityKind.PERSON]
        units = [e for e in entities if e.kind is EntityKind.UNIT]
        groups = [e for e in entities if e.kind is EntityKind.GROUP]
        listing = query.has(Cue.LIST, Cue.ALL_GROUPS, Cue.COUNT)
        named = [w for w in query.unknown if self._name_like(w)]
        if not (people or units) and query.has(Cue.ROLES) and named and not (query.has(*_ROLE_CUES) or listing):
            # 陈敏尔在协调小组里担任什么职务: someone the notice does not name
            text = f"{UNSTATED}“{named[0]}”在协调小组中的职务：通知中没有这个名字。"
            return self._decline(question, text, entities, prefix_only=True)
        if len(groups) > 1 and query.has(Cue.BOTH) and query.has(Cue.DEPUTY, Cue.LIST, Cue.ROLES):
            return self._shared_units(question, [self.kb.groups[g.id] for g in groups], entities)
        asks_group = bool(query.aspects) or query.has(*_GROUP_FACET_CUES)
        if (people or units) and not query.has(*_ROLE_CUES):
            # 人民银行在协调小组里做什么: every unit is in the 协调小组; the question is about the unit.
            groups = [g for g in groups if g.id != "coordination"]
        parts: list[Part] = []
        post = next((w for w in query.cue_words if w in self.lexicon.cues[Cue.OTHER_POST]), None)
        asked_post = post is not None and _POST_ASKED.match(query.text.split(post, 1)[1]) is not None
        if groups and not (people or units) and asked_post and not query.has(*_ROLE_CUES):
            # 协调小组秘书长是谁: no such post in the groups (but 组长是哪个局的局长 asks the leader's title)
            text = (
                f"{UNSTATED}{self._name(groups[0])}设{post}：各组只设组长、副组长（协调小组另有办公室主任、副主任）。"
            )
            return self._decline(question, text, entities, prefix_only=True)
        if groups and not (people or units) and query.has(Cue.ALSO):
            # 精简行政审批组组长还兼任哪个组的组长: the person the group's post names, and all they hold
            holders = [self._post_holder(self.kb.groups[g.id], query) for g in groups]
            people = [Entity(EntityKind.PERSON, h) for h in dict.fromkeys(holders) if h]
            groups = []
        if groups and (not (people or units) or (asks_group and not query.has(Cue.ROLES))):
            clauses = [self._group_clause(query, self.kb.groups[g.id]) for g in groups]
            if len(groups) > 1 and any(clauses):
                # 综合组要向协调小组提出什么: the group whose own duty says it; the other is its object
                parts += [c for c in clauses if c is not None]
            else:
                parts += [
                    c or self._group_answer(query, self.kb.groups[g.id]) for c, g in zip(clauses, groups, strict=True)
                ]
        elif people:
            titles = {m.entity.id: m.via_title for m in query.mentions if m.via_title}
            parts += [describe.person_roles(self.kb, p.id, titles.get(p.id)) for p in people]
        elif query.asks_person and not query.has(Cue.WHICH_GROUP):
            parts += [self._unit_head(query, u.id) for u in units]
        else:
            parts += [describe.unit_roles(self.kb, u.id) for u in units]
        confidence = min(m.score for m in query.mentions) / 100 if query.mentions else 0.8
        return self._answer(question, parts, entities, confidence)

    def _name_like(self, word: str) -> bool:
        """Two to four characters starting with a common surname: 陈敏尔, 李四 (not 平时, 下面)."""
        return 2 <= len(word) <= 4 and word[0] in self.lexicon.surnames

    def _post_holder(self, group: Group, query: Query) -> str | None:
        """Who holds the post the question names in the group: 办公室主任 / 副主任, else the leader."""
        if group.office is not None and query.has(Cue.OFFICE_DEPUTY):
            return group.office.deputy_director
        if group.office is not None and query.has(Cue.OFFICE_DIRECTOR):
            return group.office.director
        return group.leader.person

    def _group_clause(self, query: Query, group: Group) -> Part | None:
        """A clause of the group's own duties (or a requirement naming it) that the question's words point at."""
        asks_post = query.has(Cue.LEADER, Cue.MEMBERS, Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY)
        if not query.content or query.aspects or asks_post or "副组长" in query.text:
            return None  # 负责“多证合一”改革的深化商事制度改革组，其组长是谁: the words only describe it
        hits = [h for h in self.index.search(list(query.content), limit=20) if self._concerns(h, group)]
        if not hits or hits[0].score < self.config.topic_min_score:
            return None
        best = [h for h in hits if h.score >= hits[0].score - 1e-9]
        own = [h for h in best if h.clause.subject == group.id] or best
        return describe.join([self._whole_fact(h.clause.fact) for h in own[:2]])

    def _whole_fact(self, fact_id: str) -> Part:
        """The whole duty or requirement a clause belongs to (综合组除日常工作外还有哪些职责)."""
        fact = self.kb.facts[fact_id]
        if fact.kind is FactKind.REQUIREMENT:
            return describe.requirement(self.kb, fact_id.removeprefix("req."))
        group = self.kb.groups[fact.subject]
        return describe.aspect_duty(group, fact.aspect) if fact.aspect else describe.duty(group)

    def _shared_units(self, question: str, groups: list[Group], entities: tuple[Entity, ...]) -> Answer:
        """哪些单位同时参加了A组和B组: the deputy units the groups have in common."""
        names = "和".join(g.name for g in groups)
        if any(g.deputies is None or g.deputies.unstated for g in groups):
            facts = tuple(f"group.{g.id}.deputies" for g in groups if g.deputies is not None)
            return self._answer(question, [Part(f"{UNSTATED}{names}共同的副组长单位。", facts)], entities, 0.8)
        shared = [u for u in groups[0].deputies.units if all(u in g.deputies.units for g in groups[1:])]  # type: ignore[union-attr]
        facts = tuple(f"group.{g.id}.deputies" for g in groups)
        if not shared:
            return self._answer(question, [Part(f"没有单位同时是{names}的副组长单位。", facts)], entities, 0.85)
        units = "、".join(self.kb.units[u].name for u in shared)
        return self._answer(question, [Part(f"同时是{names}副组长单位的有：{units}。", facts)], entities, 0.9)

    def _group_answer(self, query: Query, group: Group) -> Part:
        """The clause the question points at, else the facets it asks for, else the group's card."""
        clause = self._group_clause(query, group)
        if clause is not None:
            return clause
        if query.aspects and group.kind is GroupKind.TOPIC:
            return describe.join([describe.aspect_duty(group, a) for a in query.aspects])
        facets = []
        if group.office is not None and query.has(Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY):
            facets.append(self._office_part(query))
        if query.has(Cue.LEADER) or (query.asks_person and not facets and not query.has(Cue.DEPUTY, Cue.MEMBERS)):
            facets.append(describe.leader(self.kb, group))
        if query.has(Cue.DEPUTY):
            facets.append(describe.deputies(self.kb, group))
        if query.has(Cue.MEMBERS):
            facets.append(describe.members(self.kb, group))
        if query.has(Cue.COMMON) and group.kind is GroupKind.TOPIC:
            facets.append(describe.common_duty(self.kb))
        elif query.has(Cue.DUTY):
            facets.append(describe.duty(group))
        if query.aspects:
            facets.append(describe.aspect_duty(group, query.aspects[0]))
        return describe.join(facets) if facets else describe.group_card(self.kb, group)

    def _concerns(self, hit: Hit, group: Group) -> bool:
        """A clause of the group's duties, or a requirement that names the group."""
        subject = hit.clause.subject
        return subject == group.id or (subject == "requirements" and group.name in hit.clause.text)

    def _unit_head(self, query: Query, unit_id: str) -> Part:
        """Who heads a unit: the person whose post right after the unit's name the question names
        (市司法局的局长 → 张德宽; 市科技局副局长 is not 局长), else unstated."""
        unit = self.kb.units[unit_id]
        # The post follows the last unit named: 市科技局和市司法局的局长 asks both for their 局长.
        last = max(m.end for m in query.mentions if m.entity.kind is EntityKind.UNIT)
        after = [query.text[last:].removeprefix("的")]
        for person in self.kb.people.values():
            for title in person.titles:
                post = title.title.removeprefix(unit.name)
                if title.unit == unit_id and any(rest.startswith(post) for rest in after):
                    return describe.person_roles(self.kb, person.id, title.title)
        return describe.join([Part(f"{UNSTATED}{unit.name}负责人的姓名。"), describe.unit_roles(self.kb, unit_id)])

    def _by_count(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        """谁担任了两个组的组长 / 哪些单位参加了三个组: holders counted by their roles."""
        count = _number(query.text)
        asks = query.has(Cue.LEADER, Cue.DEPUTY, Cue.ROLES, Cue.LIST) or query.asks_person
        if entities or count is None or not asks:
            return None
        units = query.has(Cue.DEPUTY) or "单位" in query.text or "部门" in query.text
        kinds = {RoleKind.DEPUTY_UNIT} if units else {RoleKind.LEADER} if query.has(Cue.LEADER) else set(RoleKind)
        table: dict[str, Person] | dict[str, Unit] = self.kb.units if units else self.kb.people
        parts = []
        for holder, entry in table.items():
            roles = [r for r in self.kb.roles_of(holder) if r.kind in kinds]
            if len({r.group for r in roles}) == count:
                held = "、".join(f"{self.kb.groups[r.group].name}{r.kind.value}" for r in roles)
                parts.append(Part(f"{entry.name}：{held}。", tuple(dict.fromkeys(r.fact for r in roles))))
        return self._answer(question, parts, (), 0.8) if parts else None

    def _office(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        if entities or not query.has(Cue.OFFICE, Cue.OFFICE_DEPUTY, Cue.OFFICE_DIRECTOR):
            return None
        coordination = Entity(EntityKind.GROUP, "coordination")
        return self._answer(question, [self._office_part(query)], (coordination,), 0.85)

    def _office_part(self, query: Query) -> Part:
        group = self.kb.groups["coordination"]
        place = query.has(Cue.OFFICE_PLACE)
        deputy = query.has(Cue.OFFICE_DEPUTY)
        director = query.has(Cue.OFFICE_DIRECTOR)
        if not (place or deputy or director):
            return describe.office(self.kb, group)
        return describe.office(self.kb, group, place=place, director=director, deputy=deputy)

    def _topic(self, question: str, query: Query, entities: tuple[Entity, ...]) -> Answer | None:
        """Which group handles a topic. Pieces of the question (split at 和 / 与 / commas) are also
        searched alone: two topics get an answer each, and a polite preamble does not drown the topic."""
        if entities:
            return None
        pieces = [p for p in _CONJUNCTION.split(query.text) if p.strip()]
        per_piece = [self._piece_hits(p) for p in pieces] if len(pieces) > 1 else []
        whole = self._topic_hits(query)
        if per_piece and all(per_piece):
            hits = [h for piece in per_piece for h in piece[:1]]
        elif whole:
            hits = whole
        else:
            hits = [h for piece in per_piece for h in piece[:1]]
        if query.has(Cue.LEADER):  # 搞商事制度改革的那个组，一把手是谁: the group's leader, not a requirement
            hits = [h for h in hits if h.clause.subject in self.kb.groups] or hits
        if not hits:
            return None
        subjects = tuple(Entity(EntityKind.GROUP, h.clause.subject) for h in hits if h.clause.subject in self.kb.groups)
        parts = self._topic_parts(hits)
        lost = self._with_lost_rest(
            [h.clause.fact.removeprefix("req.") for h in hits if h.clause.subject == "requirements"]
        )
        parts += [describe.requirement(self.kb, r) for r in lost if self.kb.facts[f"req.{r}"].quote is None]
        if query.has(Cue.LEADER) or (query.asks_person and not query.has(Cue.WHICH_GROUP)):
            parts += [describe.leader(self.kb, self.kb.groups[e.id]) for e in dict.fromkeys(subjects)]
        return self._answer(question, parts, subjects, min(h.score for h in hits))

    def _piece_hits(self, piece: str) -> list[Hit]:
        """Topic hits for one piece of a question, if it has a topic of its own: an aspect word alone
        (哪个组监督) is not one."""
        query = self.reader.read(piece)
        aspect_words = {w for words in self.lexicon.aspects.values() for w in words}
        return self._topic_hits(query) if any(c not in aspect_words for c in query.content) else []

    def _topic_hits(self, query: Query) -> list[Hit]:
        """The best clause and, when another group's clause is nearly as good, that one too."""
        hits = self.index.search(list(query.content), limit=10)
        if not hits or hits[0].score < self.config.topic_min_score:
            return []
        chosen = [hits[0]]
        for hit in hits[1:]:
            close = hit.score >= max(self.config.topic_min_score, hits[0].score - self.config.topic_margin)
            if close and hit.clause.subject not in {c.clause.subject for c in chosen}:
                chosen.append(hit)
        return chosen[:2]

    def _topic_parts(self, hits: list[Hit], asked: Group | None = None) -> list[Part]:
        parts = []
        for hit in hits:
            fact = self.kb.facts[hit.clause.fact]
            where = fact.section + (f"，{fact.aspect.value}方面" if fact.aspect else "")
            if asked is not None and hit.clause.subject == asked.id:
                text = f"{asked.name}的职责（{where}）：{hit.clause.text}"
            elif hit.clause.subject in self.kb.groups:
                owner = self.kb.groups[hit.clause.subject].name
                text = f"由{owner}负责（{where}）：{hit.clause.text}"
            elif hit.clause.subject == "requirements":
                text = f"有关要求（{where}）：{hit.clause.text}"
            else:
                text = f"各专题组共同负责（{where}）：{hit.clause.text}"
            parts.append(Part(text, (fact.id,)))
        return parts

    # --- building answers --------------------------------------------------------------------------

    def _describe(self, entity: Entity) -> Part:
        if entity.kind is EntityKind.PERSON:
            return describe.person_roles(self.kb, entity.id)
        if entity.kind is EntityKind.UNIT:
            return describe.unit_roles(self.kb, entity.id)
        return describe.group_card(self.kb, self.kb.groups[entity.id])

    def _umbrella(self, entity: Entity) -> bool:
        return entity.kind is EntityKind.UNIT and self.kb.units[entity.id].umbrella

    def _name(self, entity: Entity) -> str:
        table = {EntityKind.GROUP: self.kb.groups, EntityKind.PERSON: self.kb.people, EntityKind.UNIT: self.kb.units}
        return table[entity.kind][entity.id].name

    def _answer(self, question: str, parts: list[Part], entities: tuple[Entity, ...], confidence: float) -> Answer:
        whole = describe.join(parts)
        citations = []
        for fact_id in whole.facts:
            fact = self.kb.facts[fact_id]
            if fact.quote is not None:
                citations.append(Citation(fact.section, fact.quote))
        return Answer(
            question=question,
            answered=True,
            text=whole.text,
            facts=whole.facts,
            citations=tuple(dict.fromkeys(citations)),
            confidence=max(0.0, min(1.0, confidence)),
            suggestions=self._related(entities, question, whole.facts),
            context=Context(entities),
        )

    def _decline(
        self,
        question: str,
        text: str,
        entities: tuple[Entity, ...] = (),
        prefix_only: bool = False,
        offers: tuple[str, ...] = (),
    ) -> Answer:
        suggestions = offers or (self._related(entities, question) if entities else ())
        suggestions = (suggestions + tuple(self.lexicon.suggestions))[: self.config.max_suggestions]
        if offers:
            prefix_only = True
        body = text if prefix_only else text + "\n" + "\n".join(f"· {s}" for s in suggestions)
        return Answer(question, False, body, suggestions=suggestions, context=Context(entities))

    def _clarify(self, question: str, candidates: tuple[Entity, ...]) -> Answer:
        names = [self._name(e) for e in candidates]
        related = self.lexicon.related
        suggestions = tuple(
            (related.duty if e.kind is EntityKind.GROUP else related.unit_roles).format(name=self._name(e))
            for e in candidates
        )[: self.config.max_suggestions]
        text = f"您指的是哪一个：{'、'.join(names)}？请说得具体些。"
        return Answer(question, False, text, suggestions=suggestions)

    def _related(self, entities: tuple[Entity, ...], question: str, answered: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Follow-up questions about what the answer was about, skipping what it already said."""
        related = self.lexicon.related
        offers: list[tuple[str, str]] = []  # (question, the fact it would answer)
        for entity in entities[:2]:
            name = self._name(entity)
            if entity.kind is EntityKind.GROUP:
                group = self.kb.groups[entity.id]
                offers += [
                    (related.leader.format(name=name), f"group.{group.id}.leader"),
                    (related.duty.format(name=name), f"group.{group.id}.duty"),
                ]
                if group.kind is GroupKind.TOPIC:
                    offers += [
                        (related.aspect.format(name=name, aspect=a.value), aspect_fact_id(group.id, a)) for a in Aspect
                    ]
                elif group.office is not None:
                    offers.append((related.office, f"group.{group.id}.office"))
            else:
                for role in self.kb.roles_of(entity.id):
                    offers.append(
                        (related.duty.format(name=self.kb.groups[role.group].name), f"group.{role.group}.duty")
                    )
                template = related.roles if entity.kind is EntityKind.PERSON else related.unit_roles
                own = self.kb.roles_of(entity.id)[0].fact if self.kb.roles_of(entity.id) else ""
                offers.append(
                    (
                        template.format(name=name),
                        f"person.{entity.id}.title1" if entity.kind is EntityKind.PERSON else own,
                    )
                )
        asked = normalize(question)
        unique = [
            offer
            for offer, fact in dict.fromkeys(offers)
            if fact not in answered and fuzz.ratio(_normalized(offer), asked) < _SAME_QUESTION
        ]
        return tuple(unique[: self.config.max_suggestions])
