"""One-character slips in the notice's own vocabulary (双随记一公开, 立改费释, 互连网+医疗), mended before
a question is read, so the topic search and the cue words see the notice's words.

The vocabulary is every word of four or more characters that the notice uses (the segmenter's words
found in it, the terms it puts in quotes) and every four-character stretch of its duty clauses (立改废释
and 简易注销 are no dictionary words). A window of the question is mended to a vocabulary
word of its length that differs in one character, when that character sounds the same (立改费释 →
立改废释) or the word is six or more long, and when the character is a slip: it forms no known pair
with its neighbours (the 合 of 综合保障 is right, the 记 of 双随记 is not; a known pair is one the notice
or the question words have).
Names of groups, people and units are left to the entity matcher.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from knowledge.matcher import sounds

_MIN = 4
_ANY_SLIP = 6  # from this length one wrong character of any sound is still unmistakable
_QUOTED = re.compile(r"“([^”]{2,12})”")
_NOT_WORD = re.compile(r"[^\w+]")


def known_pairs(notice: str, words: Iterable[str]) -> set[str]:
    """Every two characters side by side in the notice, and every two-character word we know."""
    compact = _NOT_WORD.sub("", notice)
    return {compact[i : i + 2] for i in range(len(compact) - 1)} | {w for w in words if len(w) == 2}


def quoted_terms(notice: str) -> set[str]:
    """The terms the notice puts in quotes, their punctuation taken out (“双随机、一公开” → 双随机一公开)."""
    return {t for t in (_NOT_WORD.sub("", q) for q in _QUOTED.findall(notice)) if len(t) >= 2}


def notice_terms(notice: str, vocabulary: Iterable[str], clauses: Iterable[str]) -> set[str]:
    compact = _NOT_WORD.sub("", notice)
    terms = {w for w in vocabulary if len(w) >= _MIN and w in compact}
    terms |= quoted_terms(notice)
    for clause in clauses:
        for piece in _NOT_WORD.split(clause):
            terms |= {piece[i : i + _MIN] for i in range(len(piece) - _MIN + 1)}
    return {t for t in terms if (len(t) >= _MIN and t.isalnum()) or "+" in t}


_FUNCTION_CHARACTERS = frozenset("是的了在和有也都就还与及或吧吗呢啊么谁哪啥")  # words of their own, never slips


class Speller:
    def __init__(self, terms: Iterable[str], names: Iterable[str], known_pairs: Iterable[str]) -> None:
        """``terms``: the vocabulary to mend towards; ``names``: never mended (groups, people, units);
        ``known_pairs``: two-character stretches that are no slip."""
        self._terms = frozenset(terms)
        self._pairs = frozenset(known_pairs)
        names = sorted(set(names), key=len, reverse=True)
        self._names = re.compile("|".join(map(re.escape, names))) if names else None
        # Each term under each of its characters masked: a window one character off finds it at once.
        self._masked: dict[str, list[str]] = {}
        for term in sorted(self._terms):
            for index in range(len(term)):
                self._masked.setdefault(term[:index] + "\0" + term[index + 1 :], []).append(term)
        self._lengths = sorted({len(t) for t in self._terms}, reverse=True)
        # A window one character off a term of four or more keeps its first two characters or its next two:
        # the windows that keep neither are passed over at once (most of them).
        self._heads: dict[int, tuple[set[str], set[str]]] = {}  # by length: the terms' first two, their next two
        for term in self._terms:
            if len(term) >= _MIN:
                firsts, seconds = self._heads.setdefault(len(term), (set(), set()))
                firsts.add(term[:2])
                seconds.add(term[2:4])

    def mend(self, text: str) -> str:
        if len(text) < _MIN:
            return text
        chars = list(text)
        taken = [False] * len(text)
        for found in self._names.finditer(text) if self._names else ():
            taken[found.start() : found.end()] = [True] * (found.end() - found.start())
        # A slip breaks the pairs on both its sides: only windows over such a character are tried.
        slips = self._slips(text)
        if not slips:
            return text
        for size in self._lengths:
            heads = self._heads.get(size)
            for start in range(max(0, slips[0] - size + 1), min(len(text) - size, slips[-1]) + 1):
                if heads and text[start : start + 2] not in heads[0] and text[start + 2 : start + 4] not in heads[1]:
                    continue
                if any(taken[start : start + size]):
                    continue
                window = text[start : start + size]
                inside = slips[bisect_left(slips, start) : bisect_left(slips, start + size)]
                if window in self._terms:
                    term: str | None = window
                elif inside:
                    term = self._near(text, start, size, inside)
                else:
                    continue
                if term is not None:
                    chars[start : start + size] = list(term)
                    taken[start : start + size] = [True] * size
        return "".join(chars)

    def _slips(self, text: str) -> list[int]:
        """Where a character forms no known pair with either neighbour (a word of its own that questions are
        full of, 是 / 的 / 在, is never one: 我问的是道路交通… is no 市道路交通)."""
        known = [text[at : at + 2] in self._pairs for at in range(len(text))]  # the pair from each character on
        return [
            at
            for at, ch in enumerate(text)
            if ch not in _FUNCTION_CHARACTERS and not known[at] and not (known[at - 1] if at else ch in self._pairs)
        ]

    def _near(self, text: str, start: int, size: int, slips: list[int]) -> str | None:
        """A term one character off the window, at one of the slips, sounding the same (or long)."""
        window = text[start : start + size]
        for at in slips:
            index = at - start
            for term in self._masked.get(window[:index] + "\0" + window[index + 1 :], ()):
                if size >= _ANY_SLIP or sounds(window[index], usual=True)[0] & sounds(term[index], usual=True)[0]:
                    return term
        return None
