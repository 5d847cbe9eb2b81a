"""What every question type shares: the loaded knowledge, the reader and the clause index, and the
building of answers (cited parts → Answer, declines, clarifying questions, related questions).

An intent (``knowledge/intents/``) gets a ``Turn`` and these ``Tools`` and returns an Answer or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, cached_property

from rapidfuzz import fuzz

from knowledge import describe
from knowledge.abbreviations import kind_short_forms
from knowledge.answer import Answer, Citation, Context
from knowledge.describe import Part
from knowledge.facts import Aspect, Fact, FactKind, Group, Holding, Knowledge, Role, Tier, tier_of
from knowledge.lexicon import Cue, Lexicon, place_stem
from knowledge.loader import aspect_fact_id
from knowledge.matcher import Entity, EntityKind, mask
from knowledge.normalize import normalize
from knowledge.retrieval import ClauseIndex, Hit
from knowledge.understand import Query, QueryReader
from knowledge.wording import Wording


@dataclass(frozen=True)
class EngineConfig:
    """Thresholds; the defaults are documented in config.yaml."""

    fuzzy_floor: float = 80.0
    fuzzy_margin: float = 5.0
    topic_min_score: float = 0.6
    topic_margin: float = 0.15
    max_question_chars: int = 200
    max_suggestions: int = 3


ROLE_CUES = (Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY)
_KIND_CUES = (Cue.TOPIC_GROUPS, Cue.SUPPORT_GROUPS)
_ITEM_BREAK = re.compile(r"[，,;；]")  # how a side of a group's duties separates its items
PEOPLE_COUNTED = re.compile(r"几位|几个人|几人|多少人|多少位|几名")  # a count of people, not of groups
# 专班里有教育局的人吗 / 有没有教育局的人: whether a unit has people in it, asked of its people
HAS_PEOPLE = re.compile(r"有(?:没有)?[^，。？?]{0,14}?的人(?:吗|么|没有|不|没)?|有人(?:吗|么|没有)")
_PEOPLE_OF = ("有", "派", "的人", "谁", "来了")  # what follows a unit or place asked for its people


def asks_people_of(text: str, word: str) -> bool:
    """Whether the question asks for the people of ``word``: 佛山有副市长吗 / 教育部有成员吗 / 教育部派谁."""
    return word in text and text.split(word, 1)[1].startswith(_PEOPLE_OF)


_WHO = frozenset({"有谁", "都有谁", "哪些人"})  # member words that only ask who
_SAME_QUESTION = 85  # a suggestion this close to the question (rapidfuzz ratio) would repeat it
_QUALIFIED = re.compile(r"(?:常务|第一|执行)副?(?:组长|主任委员|主任|召集人|指挥长|总指挥)")
# a count of groups: 两个组 / 不止一个专题组 / 三个以上的组, not 统一个标准 nor 第二个组 (holders counted by their groups)
GROUP_COUNT = re.compile(
    r"(?<![第\d下上])(?:\d+|[一二两三四五六七八九十]|多)个(?:及以上|或以上|以上)?(?:的)?(?:专题|保障)?小?组"
)
# a list the asker wrote, checked for what it lacks: 少没少 / 是不是少了 / 全不全 / 就这几个吗
LIST_CHECKED = re.compile(
    r"少没少|少不少|是不是少|少了(?:吗|没|哪|谁|什么|几)|漏了|漏没漏|有没有漏|缺了|缺没缺|有没有缺|遗漏|全不全|齐不齐"
    r"|(?:全|齐|完整)(?:吗|了吗|么)|完不完整|就这(?:几|些)"
)
# what comes after what was just said: 后面还有吗 / 后面还写了什么 / 好像没说完
AFTER = re.compile(
    r"(?:后面|后边|后头|之后|接下来|再往后)(?:还|又)?(?:有|写|说|讲|提)?了?(?:什么|啥|哪些|吗|呢|没有|内容)|没说完|没写完|不完整"
    r"|(?:后|下)半(?:句|段|截|部分)"
    r"|^(?:就|只有)这(?:一句|一条|些|么多|一点|几句)[吗吧啊？?]*$"
)
_DUTY_ORDINAL = re.compile(
    r"第\s*([一二三四五六七八九十1-9])\s*(?:条|项|点|个)|(?<![一二三四五六七八九十])([一二三四五六七八九十])是(?:啥|什么)"
)
_HAS_ASKED = re.compile(r"有没有|有无|是否有|有[^，。？?是]{1,8}(?:吗|么|嘛)")  # whether there is, not whether it is
_LEVEL = re.compile(r"[省市县区](?!长)")  # 江苏原副省长 is 江苏省原副省长; 副市长 stays no 副省长
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_normalized = cache(normalize)  # suggestions come from a few templates: normalise each once


def post_fits(claim: str, text: str) -> bool:
    """Whether a text says what is claimed, levels aside, and not only as part of a deputy's post:
    副局长 does not make a 局长, 副市长 no 市长."""
    claim, text = _LEVEL.sub("", claim), _LEVEL.sub("", text)
    start = text.find(claim)
    while start >= 0:
        if claim.startswith(("副", "常务")) or not text[:start].endswith(("副", "常务")):
            return True
        start = text.find(claim, start + 1)
    return False


def numeral(ch: str) -> int:
    """The value of one digit or Chinese numeral (3 / 三)."""
    return int(ch) if ch.isdigit() else _NUMERALS[ch]


def number(text: str) -> int | None:
    """The first count in a question (4个 / 四个), for yes/no claims about how many groups."""
    found = re.search(r"(?<![第\d])(\d+|[一二两三四五六七八九十])(?:个|家|位|名)", text)  # (第一个 is no count)
    if found is None:
        return None
    token = found.group(1)
    return int(token) if token.isdigit() else _NUMERALS[token]


@dataclass(frozen=True)
class Tools:
    kb: Knowledge
    lexicon: Lexicon
    config: EngineConfig
    reader: QueryReader
    index: ClauseIndex
    passages: ClauseIndex  # the notice's sentences no fact quotes, and those of its document fields (basis, 更名)
    document_values: dict[str, str]  # each document field's value, normalised
    year: str | None  # the notice's year, from its dates or 文号
    wording: Wording
    examples: tuple[str, ...] = ()  # example questions, filled from the facts

    def say(self, key: str, **fields: object) -> str:
        """One of the engine's sentences (data/wording.yaml), filled in."""
        return self.wording.say(key, **fields)

    def verdict(self, holds: bool, question: str = "") -> Part:
        """是。 / 不是。 before the facts that show it; 有。 / 没有。 where the question asks whether there is
        something (有没有公章 / 有公章吗)."""
        if _HAS_ASKED.search(question):
            return Part(self.say("has" if holds else "has_not"))
        return Part(self.say("yes" if holds else "no"))

    def answer(self, question: str, parts: list[Part], entities: tuple[Entity, ...], confidence: float) -> Answer:
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
            suggestions=self.related(entities, question, whole.facts),
            context=Context(entities),
        )

    def decline(
        self,
        question: str,
        text: str,
        entities: tuple[Entity, ...] = (),
        prefix_only: bool = False,
        offers: tuple[str, ...] = (),
    ) -> Answer:
        suggestions = offers or (self.related(entities, question) if entities else ())
        suggestions = (suggestions + self.examples)[: self.config.max_suggestions]
        if offers:
            prefix_only = True
        body = text if prefix_only else text + "\n" + "\n".join(f"· {s}" for s in suggestions)
        return Answer(question, False, body, suggestions=suggestions, context=Context(entities))

    def clarify(self, question: str, candidates: tuple[Entity, ...]) -> Answer:
        names = [self.name(e) for e in candidates]
        related = self.lexicon.related
        suggestions = tuple(
            (related.duty if e.kind is EntityKind.GROUP else related.unit_roles).format(name=self.name(e))
            for e in candidates
        )[: self.config.max_suggestions]
        text = self.say("which_one", names="、".join(names))
        # the candidates are what the reply picks from (第一个 / 专题组那个 / 唐英瑜)
        people = tuple(e.id for e in candidates if e.kind is EntityKind.PERSON)
        chosen = Context(entities=candidates, people=people)
        return Answer(question, False, text, suggestions=suggestions, context=chosen)

    def related(self, entities: tuple[Entity, ...], question: str, answered: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Follow-up questions about what the answer was about, skipping what it already said."""
        related = self.lexicon.related
        offers: list[tuple[str, str]] = []  # (question, the fact it would answer)
        for entity in entities[:2]:
            name = self.name(entity)
            if entity.kind is EntityKind.GROUP:
                group = self.kb.groups[entity.id]
                offers += [
                    (self.offer(related.leader, group), f"group.{group.id}.leader"),
                    (related.duty.format(name=name), f"group.{group.id}.duty"),
                ]
                if group.aspects:
                    offers += [
                        (related.aspect.format(name=name, aspect=a.value), aspect_fact_id(group.id, a)) for a in Aspect
                    ]
                elif group.office is not None:
                    offers.append((related.office.format(name=name), f"group.{group.id}.office"))
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

    def entity_part(self, entity: Entity) -> Part:
        if entity.kind is EntityKind.PERSON:
            return describe.person_roles(self.kb, entity.id)
        if entity.kind is EntityKind.UNIT:
            return describe.unit_roles(self.kb, entity.id)
        return describe.group_card(self.kb, self.kb.groups[entity.id])

    def umbrella(self, entity: Entity) -> bool:
        return entity.kind is EntityKind.UNIT and self.kb.units[entity.id].umbrella

    def name(self, entity: Entity) -> str:
        table = {EntityKind.GROUP: self.kb.groups, EntityKind.PERSON: self.kb.people, EntityKind.UNIT: self.kb.units}
        return table[entity.kind][entity.id].name

    def has_topic(self, query: Query, strong: bool = False) -> bool:
        """Whether the question names a piece of the notice's work of its own: a word (not an aspect)
        that only one clause has (科研经费, 双随机一公开, 公用事业), or two words the clauses use
        (工程 建设项目 审批); not one common word alone (解决, 推进). ``strong``: a word only one group's
        clauses use."""
        known = self.topic_words(query)
        if strong:
            return bool(self.group_terms(known))
        rare = self.index.unknown_weight - 1e-9
        return len(set(known)) >= 2 or any(self.index.idf[w] >= rare for w in known)

    def notice_groups(self) -> list[Group]:
        """The groups the notice itself is about: those its title names by their full name."""
        title = self.kb.document["title"].value  # the one field every notice has
        return [g for g in self.kb.groups.values() if g.full_name and g.full_name in title]

    def topic_words(self, query: Query) -> list[str]:
        """The question's content words that the notice's clauses use, other than the aspect words; an
        everyday word stands for its equivalent the clauses use (办事窗口 for 窗口, 开店 for 企业开办)."""
        idf = self.index.idf
        found = []
        for word in (w for w in query.content if w not in self.lexicon.aspect_words):
            same = sorted(self.index.equivalents_of(word))
            used = word if word in idf else next((e for e in same if e in idf), None)
            if used is not None:
                found.append(used)
        return found

    def group_terms(self, words: Iterable[str]) -> list[str]:
        """Those of ``words`` that only one group's clauses use (简易注销, 科研经费)."""
        return [w for w in words if len(w) > 1 and len(self.index.subjects_of(w)) == 1]

    def topic_hits(self, query: Query) -> list[Hit]:
        """The best clause and, when another group's clause is nearly as good, that one too."""
        hits = self.index.search(list(query.content), limit=10)
        if not hits:
            return []
        if hits[0].score < self.config.topic_min_score:
            return self.rare_term_hits(query, hits)
        chosen = [hits[0]]
        for hit in hits[1:]:
            close = hit.score >= max(self.config.topic_min_score, hits[0].score - self.config.topic_margin)
            if close and hit.clause.subject not in {c.clause.subject for c in chosen}:
                chosen.append(hit)
        return chosen[:2]

    def rare_term_hits(self, query: Query, hits: list[Hit]) -> list[Hit]:
        """Below the share a clause must cover, a term only one group's clauses have still points at
        that group's clause (我们公司不想干了想走简易注销，归哪个组 → 简易注销), when the question asks for a
        group and no other term of its own is a word the notice uses elsewhere in another group's work."""
        if not query.has(Cue.WHICH_GROUP):
            return []
        # (舆论这块谁来处理: 舆情, the notice's word for it, stands in one group's work only)
        said = [*query.content, *(e for w in query.content for e in sorted(self.lexicon.equivalent.get(w, ())))]
        terms = self.group_terms(said)
        owners = [h for h in hits if any(t in h.clause.tokens or t in h.clause.text for t in terms)]
        if not owners or len({h.clause.subject for h in owners}) > 1:
            return []
        return [replace(owners[0], score=min(owners[0].score, self.config.topic_min_score))]

    def topic_parts(self, hits: list[Hit], asked: Group | None = None) -> list[Part]:
        parts = []
        for hit in hits:
            fact = self.kb.facts[hit.clause.fact]
            where = (
                self.say("where_aspect", section=fact.section, aspect=fact.aspect.value)
                if fact.aspect
                else fact.section
            )
            clause = hit.clause.text
            if asked is not None and hit.clause.subject == asked.id:
                text = self.say("clause_own", group=asked.name, where=where, clause=clause)
            elif hit.clause.subject in self.kb.groups:
                owner = self.kb.groups[hit.clause.subject].name
                text = self.say("clause_of_group", group=owner, where=where, clause=clause)
            elif hit.clause.subject == "requirements" and (
                unit := self.kb.unit_items.get(fact.id.removeprefix("req."))
            ):
                # 牵头做好防范和化解拖欠中小企业账款工作, a clause of 省工业和信息化厅：负责…: the unit it is of
                name = self.kb.units[unit].name
                clause = re.sub(rf"^[|｜]?\s*{re.escape(name)}[ \t]*[：:|｜][ \t\u3000]*", "", clause)  # said once
                clause = re.sub(r"[ \t]*[|｜]$", "", clause)  # (a table row's: 省司法厅 | 负责…)
                text = self.say("clause_of_unit", unit=name, where=where, clause=clause)
            elif hit.clause.subject == "requirements":
                text = self.say("clause_requirement", where=where, clause=clause)
            elif hit.clause.subject == "document":  # 撤销X，其工作由Y承担: said whole, where its work went
                text = self.say("clause_of_notice", where=where, clause=fact.quote or clause)
            else:
                text = self.say("clause_common", where=where, clause=clause)
            parts.append(Part(text, (fact.id,)))
        return parts

    def group_clause(self, query: Query, group: Group) -> Part | None:
        """A clause of the group's own duties (or a requirement naming it) that the question's words point at."""
        asks_post = query.has(Cue.LEADER, Cue.MEMBERS, Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY)
        if not query.content or query.aspects or asks_post or "副组长" in query.text:
            return None  # 负责“多证合一”改革的深化商事制度改革组，其组长是谁: the words only describe it
        # (专班的主要职责是啥: 专班 says whose clause, not which; the office's 工作专班办公室设在… uses it too)
        words = [w for w in query.content if not self.names_group(w)]
        hits = [h for h in self.index.search(words, limit=20) if self.concerns(h, group)] if words else []
        if not hits or hits[0].score < self.config.topic_min_score:
            return None
        best = [h for h in hits if h.score >= hits[0].score - 1e-9]
        own = [h for h in best if h.clause.subject == group.id] or best
        return describe.join([self.whole_fact(h.clause.fact) for h in own[:2]])

    @staticmethod
    def _second_head(query: Query, group: Group) -> tuple[Holding, ...] | None:
        """A head-tier place besides the head's own that the question names by its word (召集人 under 总召集人)."""
        # (第一组长和组长分别是谁: the head's own word said, and the other's beside it)
        rest = query.text.replace(group.leader.role, "|")
        heads = [h for h in group.holdings(Tier.HEAD) if h.role != group.leader.role and h.role in rest]
        longer = [h for h in group.roles if any(h.role != x.role and x.role in h.role for x in heads)]
        if not heads or any(h.role in rest for h in longer):
            return None
        return tuple(heads)

    def _items_counted(self, group: Group, aspect: Aspect, part: Part) -> Part:
        duty = group.aspect(aspect)
        if duty is None or duty.quote is None:
            return part
        items = [i for i in _ITEM_BREAK.split(duty.quote.removeprefix(f"{aspect.value}方面，")) if i.strip("。 ")]
        said = self.say("items_counted", group=group.name, aspect=aspect.value, count=len(items))
        return Part(said + part.text, part.facts)

    def group_answer(self, query: Query, group: Group) -> Part:
        """The clause the question points at, else the facets it asks for, else the group's card."""
        clause = self.group_clause(query, group)
        if clause is not None:
            return clause
        if query.aspects and group.aspects:
            parts = [describe.aspect_duty(group, a) for a in query.aspects]
            if query.has(Cue.COUNT):  # 放权方面一共写了几条: its items, counted as the notice separates them
                parts = [self._items_counted(group, a, p) for a, p in zip(query.aspects, parts, strict=True)]
            return describe.join(parts)
        facets = []
        office_asked = query.has(Cue.OFFICE, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY)
        if office_asked:
            # 精简行政审批组的办公室设在哪: only the groups the notice gives an office have one
            facets.append(self.office_part(query, group) if group.office is not None else self.no_office(group))
        head = group.leader
        second = self._second_head(query, group)
        if second is not None:  # 召集人是谁, of a 联席会议 with a 总召集人 above its 召集人: that place
            if head.role in query.text:  # (第一组长 said with the 组长 under it: both)
                facets.append(describe.leader(self.kb, group))
            if not (head.role in query.text and head.role.startswith("第一")):
                facets.append(describe.holding(self.kb, group, second))
        elif self._asks_group_name(query, group) and not office_asked:
            facets.append(describe.group_kind(self.kb, group))  # 专班叫什么名字: the group's own name, in full
        elif query.has(Cue.NAME) and head.person is None and head.posts and not query.has(Cue.DEPUTY, Cue.MEMBERS):
            # 指挥长叫什么名字, of a notice that names the post only
            facets.append(Part(self.say("name_unstated", group=group.name, role=head.role, post="、".join(head.posts))))
        elif query.has(Cue.LEADER) or (query.asks_person and not facets and not query.has(Cue.DEPUTY, Cue.MEMBERS)):
            facets.append(describe.leader(self.kb, group))
        own = self._own_deputy_place(query, group)
        if own:  # 常务副组长是谁: that place, not every deputy
            facets.append(describe.holding(self.kb, group, own))
        elif query.has(Cue.DEPUTY):
            facets.append(describe.deputies(self.kb, group))
        # 副组长有谁: 有谁 asks who, not for the members too; 领导和成员都有谁 asks for them
        members = [w for w in query.cue_words if w in self.lexicon.cues[Cue.MEMBERS] and w not in _WHO]
        one_tier = query.has(Cue.DEPUTY) != query.has(Cue.LEADER) and "正副" not in query.text
        if query.has(Cue.MEMBERS) and (members or not one_tier):
            asked = tuple(w for w in members if any(h.part == w for h in group.roles))  # 专家委员多少人
            facets.append(describe.members(self.kb, group, asked))
        if query.has(Cue.COMMON) and self.kb.common_duty(group.kind):
            facets.append(describe.common_duty(self.kb, group.kind))
        elif query.has(Cue.DUTY) and not (office_asked and group.office and group.office.duty):
            # (办公室负责哪些事情 is the office's duty, said above; 主要职责第三条 is one item of them)
            ordinal = _DUTY_ORDINAL.search(query.text)
            item = describe.duty_item(group, numeral(ordinal.group(1) or ordinal.group(2))) if ordinal else None
            facets.append(item or describe.duty(group))
        if query.aspects:
            facets.append(describe.aspect_duty(group, query.aspects[0]))
        if not facets and query.has(Cue.COUNT) and PEOPLE_COUNTED.search(query.text):
            facets.append(describe.members(self.kb, group))  # 领导小组一共多少人: everyone it names, counted
        return describe.join(facets) if facets else describe.group_card(self.kb, group)

    def _asks_group_name(self, query: Query, group: Group) -> bool:
        """专班叫什么名字: the name of the group the question names, where no place of it is asked (组长叫啥,
        商事制度改革组长叫啥, 叫什么名字 after 组长是谁 ask a person's)."""
        named = any(m.entity.id == group.id for m in query.mentions)
        places = any(w in query.text for w in self.place_words) or query.has(Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS)
        return query.has(Cue.NAME) and named and not places and "谁" not in query.text

    def _own_deputy_place(self, query: Query, group: Group) -> tuple[Holding, ...]:
        """A deputy's place of its own the question names (常务副组长 beside 副组长), as the group holds it."""
        words = sorted((w for w in self.place_words if w in query.text), key=len, reverse=True)
        deputies = group.deputies
        if not words or deputies is None or words[0] == deputies.role or tier_of(words[0]) is not Tier.DEPUTY:
            return ()
        return tuple(h for h in group.roles if h.role == words[0] and not h.unstated)

    def quoted(self, facts: Iterable[Fact]) -> list[str]:
        """Facts in the notice's words, those with a section first, each headed by it (通知一（二）：“…”)."""
        facts = list(facts)
        said = [self.say("answer_cited", section=f.section, quote=f.quote) for f in facts if f.section]
        return said + [self.say("quote_of", quote=f.quote) for f in facts if not f.section]

    def whole_fact(self, fact_id: str) -> Part:
        """The whole duty or requirement a clause belongs to (综合组除日常工作外还有哪些职责)."""
        fact = self.kb.facts[fact_id]
        if fact.kind is FactKind.REQUIREMENT:
            return describe.requirement(self.kb, fact_id.removeprefix("req."))
        group = self.kb.groups[fact.subject]
        if fact.kind is FactKind.OFFICE:  # 日常工作由谁承担: the office's sentence (or that there is none), whole
            return describe.office(self.kb, group, duty=True)
        return describe.aspect_duty(group, fact.aspect) if fact.aspect else describe.duty(group)

    def concerns(self, hit: Hit, group: Group) -> bool:
        """A clause of the group's duties, or a requirement that names the group (by its name, an alias, or
        the end of its name the notice calls it by: 专项工作组 for 东川省公立医院综合改革专项工作组)."""
        subject, text = hit.clause.subject, hit.clause.text
        if subject == group.id:
            return True
        tails = [
            group.name[-size:]
            for size in range(len(group.kind) + 2, len(group.name))
            if group.name.endswith(group.kind)
        ]
        if subject != "requirements":
            return False
        # 联席会议原则上每季度召开一次, in the part that sets up 松溪镇信访工作联席会议: the group by its kind word
        in_part = group.section not in ("正文", "") and self.kb.facts[hit.clause.fact].section.startswith(group.section)
        return any(n in text for n in (group.name, *group.aliases, *tails)) or (in_part and group.kind in text)

    def with_lost_rest(self, requirement_ids: list[str]) -> list[str]:
        """The requirements, plus the unstated rest of any item the crawl cut short (四（二）)."""
        sections = {r.section for r in self.kb.requirements if r.id in requirement_ids}
        lost = [r.id for r in self.kb.requirements if r.unstated and r.section in sections]
        return list(dict.fromkeys([*requirement_ids, *lost]))

    def no_office(self, group: Group) -> Part:
        """精简行政审批组的办公室设在哪: the notice gives an office to another group, or to none."""
        holder = self.office_group()
        if holder is None:
            return Part(self.say("office_unstated"))
        said = Part(self.say("no_office", group=group.name, office_group=holder.name))
        # (法治组组长是谁 → 办公室在哪: that office said too, since it is the one the notice has)
        return describe.join([said, describe.office(self.kb, holder)]) if holder.office else said

    @cached_property
    def place_words(self) -> frozenset[str]:
        """The notice's words for the places in its groups (组长, 召集人, 秘书长 …)."""
        return frozenset(w for g in self.kb.groups.values() for h in g.roles for w in (h.role, h.part) if w)

    def places_of(self, word: str) -> tuple[str, ...]:
        """The notice's places a question word asks for: itself, or the places it is the stem of (谁牵头 →
        牵头县领导 and 牵头单位)."""
        if word in self.place_words:
            return (word,)
        return tuple(p for p in sorted(self.place_words) if place_stem(p) != p and place_stem(p) in word)

    @cached_property
    def lists_unit_duties(self) -> bool:
        """Whether the notice's duties list what each member unit does (1.县应急管理局：… 2.县林业局：…)."""
        return describe.lists_unit_duties(self.kb)

    @cached_property
    def office_place_words(self) -> frozenset[str]:
        """The notice's words for the places in its offices (主任, 常务副主任, 联络员 …)."""
        return frozenset(h.role for g in self.kb.groups.values() if g.office for h in g.office.roles)

    @cached_property
    def rule_vocabulary(self) -> frozenset[str]:
        """The words the notice's clauses and passages use: what a rule could be found by."""
        return frozenset(self.index.idf) | frozenset(self.passages.idf)

    @cached_property
    def _rule_text(self) -> str:
        return "\n".join(c.text for c in (*self.index.clauses, *self.passages.clauses) if c.subject == "requirements")

    def rules_say(self, words: str) -> bool:
        """Whether a working rule, requirement or member unit's item writes ``words`` as they stand (补贴 in a
        notice whose requirements set a meal subsidy, 工资 in its units' duties): then they are what the notice
        speaks of, not what it never gives."""
        # (not 分管 in 由分管副组长召集: there it says which post, not what the notice speaks of)
        said = re.compile(re.escape(words) + "(?!副|领导|负责|同志)")
        return any(said.search(r.quote or "") for r in self.kb.requirements)

    def rule_says(self, words: str) -> bool:
        """Whether a working rule or requirement writes ``words`` as they stand (联络员会议)."""
        return words in self._rule_text

    @cached_property
    def all_place_words(self) -> frozenset[str]:
        """Every place the notice names, in its groups and offices, and as offices call them (办公室主任)."""
        office = self.office_place_words
        return self.place_words | office | {f"办公室{w}" for w in office}

    def qualified_place(self, query: Query) -> str | None:
        """A place qualified as some notices qualify it (常务副组长, 第一副主任, 执行主任), where this notice has no
        such place."""
        found = _QUALIFIED.search(query.text)
        return found.group() if found and found.group() not in self.all_place_words else None

    def no_such_place(self, group: Group, place: str) -> list[Part]:
        """Not stated, and who holds the plain place nearest to it (the deputies for 常务副组长)."""
        nearest = describe.deputies(self.kb, group) if "副" in place else describe.leader(self.kb, group)
        return [Part(self.say("no_such_post", group=group.name, post=place)), nearest]

    @cached_property
    def question_words(self) -> frozenset[str]:
        """The lexicon's cue words and fillers: they say what is asked, whatever names they stand in."""
        return frozenset(self.lexicon.fillers) | {w for words in self.lexicon.cues.values() for w in words}

    @cached_property
    def group_names(self) -> str:
        """Every name of every group, normalised, in one string (航空 is a word of 广东省航空产业…小组)."""
        names = [n for g in self.kb.groups.values() for n in (g.name, *g.aliases, g.full_name or "")]
        return " ".join(normalize(n) for n in names if n)

    def people_of_unit(self, unit_id: str) -> tuple[str, ...]:
        """The people whose titles name a unit (环境保护部副部长 吴晓青), and the posts of it the notice names
        without a person (市公安局常务副局长), in the notice's order."""
        name = self.kb.units[unit_id].name
        return tuple(
            p.id
            for p in self.kb.people.values()
            if any(t.unit == unit_id or name in t.title for t in p.titles) or (p.post and p.name.startswith(name))
        )

    def unit_people_holding(self, unit_id: str, holds: Callable[[Role], bool]) -> tuple[str, ...]:
        """The people whose titles are in a unit and who hold a place the test accepts (the unit's 联络员, its
        副厅长 a 委员), in the notice's order."""
        return tuple(
            p.id
            for p in self.kb.people.values()
            if any(t.unit == unit_id for t in p.titles) and any(holds(r) for r in self.kb.roles_of(p.id))
        )

    @property
    def kind_words(self) -> frozenset[str]:
        """The notice's kinds of group and their short forms (专业委员会, 专委会)."""
        return self.reader.matcher.kind_words

    def names_group_kind(self, word: str) -> bool:
        """Whether a stretch is part of a kind's word (协调小, 导小组): it says what kind, not which group."""
        return any(word in f"{g.kind}小组" for g in self.kb.groups.values())

    def names_group(self, word: str) -> bool:
        """Whether a word only says which group (a piece of a group's name, or a place in it: 成员, 组长)."""
        if word in self.place_words:
            return True
        return word in self.group_names and word not in self.question_words  # 工作 asks, 陶寺 names

    @cached_property
    def notice_text(self) -> str:
        """The notice as the questions are read (normalised), to tell its own places from others'."""
        return normalize(self.kb.notice, max_chars=len(self.kb.notice)).replace(" ", "")

    @cached_property
    def own_levels(self) -> frozenset[str]:
        """The levels of government the notice is itself at (县 for a county's notice, 国家 for 国务院's):
        a question about its own level is not about another government."""
        issuer = " ".join(self.kb.field(f).value for f in ("issuer", "title") if self.kb.field(f))
        place = issuer.split("人民政府")[0] if "人民政府" in issuer else ""
        levels = {level for level in ("区", "县", "省") if level in place}
        if "国务院" in issuer:
            levels |= {"国家", "全国"}
        return frozenset(levels)

    @property
    def top_name(self) -> str:
        """The name of the group the notice is about (协调小组), for sentences about its scope."""
        return self.kb.groups[self.kb.top].name if self.kb.top else self.kb.document["title"].value

    @property
    def notice_label(self) -> str:
        """How an answer names the notice: its 文号, else its title."""
        number = self.kb.field("number")
        return number.value if number else self.kb.document["title"].value

    def field_value(self, field_id: str) -> str:
        field = self.kb.field(field_id)
        return field.value if field else self.say("field_unstated", label=self.wording.field_label(field_id))

    def kinds_named(self, query: Query) -> list[str]:
        """The kinds of group a question names (专题组, 保障组 …): the notice's own kind words outside the
        names it mentions, or a cue for a kind (保障组 misspelt, or carried from the last question)."""
        text = mask(query.text, query.mentions)
        cued = [w for cue in _KIND_CUES if query.has(cue) for w in self.lexicon.cues[cue]]
        named = [
            kind
            for kind in self.kb.kinds()
            if kind in text or any(kind in w for w in cued) or any(f in text for f in kind_short_forms(kind))
        ]
        # 不是专题组的有哪些 / 除了专题组还有哪些组: the other kinds
        negated = [kind for kind in named if re.search(f"(?:不是|不属于|除了|除去|非){re.escape(kind)}", text)]
        if negated and len(negated) == len(named):
            return [kind for kind in self.kb.kinds() if kind not in negated]
        return named

    def document_part(self, field_id: str) -> Part:
        """A field of the document (文号, 成文日期 …), or that the notice does not give it."""
        if field_id in self.kb.document:
            return describe.document_fields(self.kb, self.kb.fields(field_id))
        return Part(self.say("field_unstated", label=self.wording.field_label(field_id)))

    def offer(self, template: str, group: Group) -> str:
        """A question about a group in its own words for its places: 组长 / 召集人, 副组长单位 / 副主任."""
        deputies = group.deputies
        deputy = deputies.role if deputies is not None else f"副{group.leader.role}"
        deputy += "单位" if deputies is not None and deputies.units else ""
        return template.format(name=group.name, head=group.leader.role, deputy=deputy, aspect="")

    def office_group(self) -> Group | None:
        """The group whose office the notice sets up (the top group's, where several have one)."""
        offices = [g for g in self.kb.groups.values() if g.office is not None]
        top = [g for g in offices if self.kb.is_top(g.id)]
        return (top or offices or [None])[0]

    def office_part(self, query: Query, group: Group | None = None) -> Part:
        """The office a question asks about: where it is, who directs it (the top group's by default)."""
        group = group or self.office_group()
        if group is None or group.office is None:
            return Part(self.say("office_unstated"))
        # (常务副 said without 主任, as people cut it: 河长办常务副是谁)
        own = [
            h
            for h in group.office.roles
            if h.role not in ("主任", "副主任")
            and (
                h.role in query.text
                or (len(h.role.removesuffix("主任")) > 1 and h.role.removesuffix("主任") in query.text)
            )
        ]
        # (办公室主任、常务副主任分别是谁: the director asked beside that place)
        director_too = own and re.search(r"(?<![副务])主任(?!委员)", query.text.replace(own[0].role, "|")) is not None
        if own and not director_too:  # 办公室常务副主任是谁: that place itself
            return describe.office_place(self.kb, group, own[0])
        if own:
            director = describe.office(self.kb, group, place=False, deputy=False)
            return describe.join([director, describe.office_place(self.kb, group, own[0])])
        under = group.office.groups
        if under is not None and query.has(Cue.ALL_GROUPS):  # 办公室下设几个组 / 办公室下面有哪几个组
            names = "、".join(self.kb.groups[g].name for g in under.ids)
            text = self.say("office_groups", group=group.name, count=len(under.ids), groups=names)
            return Part(text, (f"group.{group.id}.office.groups",))
        place = query.has(Cue.OFFICE_PLACE)
        deputy = query.has(Cue.OFFICE_DEPUTY)
        director = query.has(Cue.OFFICE_DIRECTOR)
        duty = query.has(Cue.DUTY) and group.office.duty is not None  # 办公室负责哪些事情
        if not (place or deputy or director or duty):
            return describe.office(self.kb, group)
        return describe.office(self.kb, group, place=place, director=director, deputy=deputy, duty=duty)
