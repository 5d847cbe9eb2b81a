"""A message taken apart into its questions, each read once.

A message is cut into sentences (at 。？！；, line breaks and enumerations: 第一… 第二…), and each
sentence into clauses (at commas and colons). A clause is
- framing: it starts like a greeting, thanks or a self-introduction (您好 / 谢谢 / 我是区县发改委的)
  and asks nothing; what it names is the asker's own (我们单位 …), never the subject of the question;
- a question: it asks (谁 / 哪 / 吗 / 请问 …), or names a subject and a relation (法治组组长);
  framing before the ask inside one clause is cut off (我是住建系统的工程师想问下… → 想问下…);
- narrative: anything else (我看到罗蔺这个名字出现了好几次); what it names is what a pronoun of the
  question points at (…想问下他担任了哪些职务).
The question of a sentence is its question clauses when one of them names or points at a subject;
otherwise (协调小组下设3个专题组，对吗 / 创业融资难，哪个组负责) the sentence without its framing.
Every clause is read once and the work is bounded: a very long message keeps its head and its tail.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.answer import Context
from knowledge.lexicon import Cue, MessageWords
from knowledge.matcher import Entity, EntityKind
from knowledge.resolve import RELATION_CUES
from knowledge.understand import Query

_SENTENCE_END = re.compile(r"[?？!！。;；\n]+")
_CLAUSE_BREAK = re.compile(r"[,，:：]+")
_PRONOUN = re.compile(r"[他她它](?<!其他)(?<!其它)")
_MAX_CLAUSES = 12  # of one sentence, the last ones: a question comes at the end of what frames it


@dataclass(frozen=True)
class Piece:
    """One question of a message: its text, the sentence it stands in (without the framing), and what
    the sentence's other clauses named."""

    text: str
    whole: str
    named: tuple[Entity, ...] = ()  # in narrative clauses: what 他 / 这个组 may point at
    introduced: tuple[Entity, ...] = ()  # in the asker's self-introduction: what 我们 means
    first_person: bool = False  # the question speaks of the asker (我们单位在哪个组)

    def context(self, chat: Context | None) -> Context | None:
        """The context the question is read in: the sentence's own names before the chat's."""
        own = self.introduced if self.first_person and self.introduced else self.named
        if not own:
            return chat
        people = tuple(e.id for e in own if e.kind is EntityKind.PERSON)
        return Context(entities=own, mentioned=own, people=people)


class MessageReader:
    def __init__(self, words: MessageWords, read_form: Callable[[str], str], read: Callable[[str], Query]) -> None:
        self.words = words
        self.read_form = read_form
        self.read = read
        self._enumeration = re.compile(
            "(?:^|(?<=[,，、 ]))(?=" + "|".join(map(re.escape, sorted(words.enumeration, key=len, reverse=True))) + ")"
        )

    def split(self, message: str, cap: int) -> list[Piece]:
        """The questions of ``message``, in order; a message longer than ``cap`` keeps both ends."""
        if len(message) > cap:
            message = message[: cap // 2] + "。" + message[-cap // 2 :]
        pieces = []
        for sentence in _SENTENCE_END.split(message):
            for part in self._enumeration.split(sentence):
                piece = self._piece(part)
                if piece is not None:
                    pieces.append(piece)
        return pieces

    def _piece(self, sentence: str) -> Piece | None:
        questions: list[str] = []
        kept: list[str] = []
        named: list[Entity] = []
        introduced: list[Entity] = []
        first_person = complete = bare = False
        for clause in [c for c in _CLAUSE_BREAK.split(sentence) if c.strip()][-_MAX_CLAUSES:]:
            form = self.read_form(clause)
            if not form:
                continue
            query = self.read(form)
            asks = any(w in form for w in self.words.asking) or query.has(Cue.YES_NO)
            if form.startswith(self.words.framing):
                start = self._ask_start(clause)
                if not asks:
                    introduced += query.entities
                    continue
                if start is not None:  # 我是住建系统的工程师想问下…: the question begins at 想问下
                    introduced += self.read(self.read_form(clause[:start])).entities
                    clause, form = clause[start:], self.read_form(clause[start:])
                    query = self.read(form)
            if asks or (query.entities and query.cues & RELATION_CUES):
                if "问题" in form and not query.entities and not query.cues & RELATION_CUES:
                    continue  # 想问三个问题: the asking, not a question
                questions.append(clause)
                first_person = first_person or any(w in form for w in self.words.first_person)
                complete = (
                    complete or bool(query.entities) or query.has(Cue.PRONOUN) or _PRONOUN.search(form) is not None
                )
            else:
                named += query.entities
            kept.append(clause)
        if not kept:
            return None
        whole = "，".join(kept)
        # A question that names nothing and points at nothing (对吗 / 哪个组负责解决) is about what
        # the sentence said before it: then the sentence is the question.
        text = "，".join(questions) if complete and not bare else whole
        return Piece(text, whole, tuple(dict.fromkeys(named)), tuple(dict.fromkeys(introduced)), first_person)

    def _ask_start(self, clause: str) -> int | None:
        """Where the question begins in a clause that starts as framing (我是…的想问下…)."""
        found = [clause.find(w) for w in self.words.ask_starts if w in clause]
        return min(found) if found else None
