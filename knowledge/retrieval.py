"""Ranked retrieval over the notice's duty and requirement clauses, for "which group handles X?".

Every stated duty, aspect duty, shared duty and requirement is split into clauses (at 。 and ;),
each remembering its fact. A question's content tokens (jieba) are weighted by inverse clause
frequency; a clause scores the share of that weight it covers, a token counting as covered when
it stands in the clause or nearly does (rapidfuzz, for typos). A token the notice never uses gets
the highest weight, so "营业执照怎么办理" scores low although 办理 occurs: what the question is
really about is not in the notice.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from rapidfuzz import fuzz

from knowledge.facts import FactKind, Knowledge
from knowledge.matcher import sounds
from knowledge.normalize import level_numerals
from knowledge.segment import Segmenter

CLAUSE_END = re.compile(r"(?<=[。;；])")  # where a quote's clauses end
_SEARCHED = (FactKind.DUTY, FactKind.ASPECT_DUTY, FactKind.COMMON_DUTY, FactKind.REQUIREMENT)
_REMEMBERED = 4096  # content words whose owners subjects_of keeps
_EQUIVALENT = 0.9  # a word of the same equivalence group stands in the clause
_NEAR = 85  # a token of 3+ characters within this partial ratio of a clause counts as present


_ITEM_NUMBER = r"(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）])"  # 3. / （二）
# a numbered item's heading alone (3. 污水治理。 / （二）评比。), which names what the sentence after it is about
_ITEM_HEADING = re.compile(rf"^{_ITEM_NUMBER}\s*[^。；;，,\n]{{2,12}}。$")


def _headed(texts: list[str]) -> list[str]:
    """Clauses with each item's heading put before the sentence it heads (3. 污水治理。推进农村生活污水治理…), as
    one clause: the heading's words are what its sentence is about. A heading at the end of a clause's last line
    (…主要职责如下:\n1. 垃圾清运。) is that line's, not the clause's."""
    out: list[str] = []
    heading = ""
    for text in texts:
        before, _, last = text.rpartition("\n")
        if before.strip() and _ITEM_HEADING.match(last.strip()):
            out.append(heading + before.strip())
            heading = last.strip()
        elif _ITEM_HEADING.match(text) and not heading:
            heading = text
        else:
            out.append(heading + text)
            heading = ""
    return [*out, heading] if heading else out


@dataclass(frozen=True)
class Clause:
    fact: str
    subject: str
    text: str
    tokens: frozenset[str]
    heading: str = ""  # the numbered rule's own heading (实行月报制度), what each of its clauses is about
    label: str = ""  # the words it is labelled with (橙色预警：… / 3. 污水治理。…), read once when indexed


@dataclass(frozen=True)
class Hit:
    clause: Clause
    score: float


class ClauseIndex:
    def __init__(
        self,
        kb: Knowledge,
        segmenter: Segmenter,
        kinds: tuple[FactKind, ...] = _SEARCHED,
        ids: frozenset[str] = frozenset(),
        equivalent: dict[str, frozenset[str]] | None = None,
    ) -> None:
        """The clauses of the facts of ``kinds``, and of those named in ``ids``; a question's word counts
        as nearly present where a clause has an ``equivalent`` of it."""
        self.equivalent = equivalent or {}
        self.clauses: list[Clause] = []
        # a numbered rule's own heading (信息例会制度) is what each of its clauses is about: 例会多久开一次
        # (its words too, as a search cuts them: 例会 of 信息例会制度, which the segmenter knows as one word)
        items = {
            f"req.{r.id}": [*segmenter.tokenizer.cut_for_search(level_numerals(r.item))]
            for r in kb.requirements
            if r.item
        }
        headings = {f"req.{r.id}": r.item for r in kb.requirements if r.item}
        for fact in kb.facts.values():
            if (fact.kind in kinds or fact.id in ids) and fact.quote:
                texts = [c.strip() for c in CLAUSE_END.split(fact.quote) if c.strip()]
                heading = headings.get(fact.id)
                if len(texts) > 1 and heading and texts[0].rstrip("。;；") == heading:
                    texts = texts[1:]  # 委员调整。市食安委委员因工作变动…: the heading is in every clause's words
                texts = _headed(texts)
                for text in texts:
                    tokens = frozenset((*segmenter.cut(level_numerals(text)), *items.get(fact.id, ())))
                    self.clauses.append(Clause(fact.id, fact.subject, text, tokens, heading or "", _label_of(text)))
        # Every two-character stretch of every clause by its readings, for typos that sound right.
        self._bigrams: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for number, clause in enumerate(self.clauses):
            for start in range(len(clause.text) - 1):
                bigram = clause.text[start : start + 2]
                first, second = sounds(bigram, usual=True)
                for key in product(first, second):
                    self._bigrams.setdefault(key, []).append((number, bigram))
        frequency = Counter(token for clause in self.clauses for token in clause.tokens)
        total = len(self.clauses)
        self.idf = {token: math.log(1 + total / count) for token, count in frequency.items()}
        self.unknown_weight = math.log(1 + total)
        self._subjects_of = lru_cache(maxsize=_REMEMBERED)(self._scan_subjects)
        self.equivalents_of = lru_cache(maxsize=_REMEMBERED)(self._equivalents_of)  # asked of every token searched
        self.presence_of = lru_cache(maxsize=_REMEMBERED)(self._scan_presence)  # a token's clauses, for every search

    def subjects_of(self, token: str) -> frozenset[str]:
        """Whose clauses (groups, requirements …) use ``token``; asked of every content word, so remembered
        for the words people use most."""
        return self._subjects_of(token)

    def _scan_subjects(self, token: str) -> frozenset[str]:
        return frozenset(c.subject for c in self.clauses if token in c.tokens or (len(token) > 1 and token in c.text))

    def _equivalents_of(self, token: str) -> frozenset[str]:
        """The words that stand in a clause for ``token``: its own equivalents, or those of the longest
        equivalence word inside it (管开店, as jieba cuts 管开店办执照, has 开店's)."""
        if token in self.equivalent:
            return self.equivalent[token]
        inside = [w for w in self.equivalent if len(w) > 1 and w in token]
        if not inside:
            return frozenset()
        word = max(inside, key=len)
        return self.equivalent[word] | {word}

    def _scan_presence(self, token: str) -> dict[int, float]:
        """How far ``token`` stands in each clause it stands in at all (see _presence), by clause number."""
        heard = self._sounds_like(token) if len(token) == 2 else set()
        same = self.equivalents_of(token)
        found = ((n, _presence(token, clause, n in heard, same)) for n, clause in enumerate(self.clauses))
        return {n: presence for n, presence in found if presence}

    def weight(self, token: str) -> float:
        return self.idf.get(token, self.unknown_weight)

    def search(self, tokens: list[str], limit: int = 5) -> list[Hit]:
        """Clauses by the share of the tokens' weight they cover, best first; ties keep notice order."""
        if not tokens:
            return []
        total = sum(map(self.weight, tokens))
        weights = [self.weight(t) for t in tokens]
        rows = [self.presence_of(t) for t in tokens]
        hits = []
        said = "".join(tokens)
        for number in sorted({n for row in rows for n in row}):
            covered = sum(w * row.get(number, 0.0) for w, row in zip(weights, rows, strict=True))
            if covered:
                clause = self.clauses[number]
                # 橙色预警啥条件: the clause labelled with the words asked (橙色预警：…), before one that only
                # shares a rarer word (…未达到更高级别预警条件 of 黄色预警)
                bonus = _LABELLED if clause.label and clause.label in said else 0.0
                hits.append(Hit(clause, min(1.0, covered / total + bonus)))
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]

    def _sounds_like(self, token: str) -> set[int]:
        """Clauses with a two-character stretch that shares a character with ``token`` and sounds
        the same: 注消 finds 注销, 审合 finds 审核."""
        first, second = sounds(token, usual=True)
        return {
            number
            for key in product(first, second)
            for number, bigram in self._bigrams.get(key, ())
            if bigram[0] == token[0] or bigram[1] == token[1]
        }


# 橙色预警：… / 省财政厅：… / 3. 污水治理。…: what the clause is of
_LABEL = re.compile(rf"^(?:([\u4e00-\u9fff]{{2,10}})[：:]|{_ITEM_NUMBER}\s*([\u4e00-\u9fff]{{2,10}})。)")
_LABELLED = 0.2


def _label_of(text: str) -> str:
    """The words a clause is labelled with (橙色预警 of 橙色预警：…, 污水治理 of 3. 污水治理。…), or ""."""
    m = _LABEL.match(text)
    return (m.group(1) or m.group(2)) if m else ""


def _presence(token: str, clause: Clause, sounds_like: bool, equivalents: frozenset[str] = frozenset()) -> float:
    if token in clause.tokens or (len(token) > 1 and (token in clause.text or token in clause.heading)):
        return 1.0  # (月报 of 实行月报制度, a word its heading has that the segmenter cut in two)
    if any(word in clause.text for word in equivalents):
        return _EQUIVALENT
    if len(token) >= 3:
        score = fuzz.partial_ratio(token, clause.text, score_cutoff=_NEAR)
        return score / 100 if score else 0.0
    return 0.9 if sounds_like else 0.0
