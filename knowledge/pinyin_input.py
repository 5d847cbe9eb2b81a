"""Questions typed in pinyin (luo lin shi shei, fazhizu zuzhang, Xǔ Hóngbīn): Latin runs turned into the
notice's own words before the question is read.

A run of Latin letters is split into pinyin syllables (tone marks and tone digits dropped, the fewest
syllables per typed word), and the syllables are covered, longest first, by words the engine knows:
the names of groups, people and units first, then the question words, then the notice's vocabulary.
A run that is no pinyin (English, a product name) is left as it is, and so is a syllable no known word
covers. Built on first use: most questions have no Latin letters at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Mapping
from functools import cached_property
from itertools import product

from pypinyin import Style, pinyin
from pypinyin.pinyin_dict import pinyin_dict

_LATIN_RUN = re.compile(r"[a-z]+[1-5]?(?: [a-z]+[1-5]?)*")
_LATIN = re.compile(r"[a-z\u00e0-\u01dc]")
_MIXED_RUN = re.compile(r"([a-z]+[1-5]?(?: [a-z]+[1-5]?)*)([\u4e00-\u9fff]{1,2})?")
_VOWELS = frozenset("aeiouv")
_LONGEST_SYLLABLE = 6
_INITIALS_MIN, _INITIALS_MAX = 3, 5  # names typed by their initials: 法治组 fzz, not 2 letters (too many hits)
_MAX_READINGS = 8  # a word with many heteronyms is indexed under its first few readings only


def is_han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _plain(text: str) -> str:
    """Without tone marks (xǔ → xu), ü as v; everything else as it was."""
    text = text.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v").replace("ǚ", "v").replace("ǜ", "v")
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


class PinyinReader:
    def __init__(self, words: Iterable[str], names: Mapping[str, Hashable] | None = None) -> None:
        """``words`` in order of preference: the first word with a given reading is the one taken; ``names``
        (of groups, people, units, each with what it names) may also be typed by their initials (fzz 法治组,
        tlz 唐良智)."""
        self._words = list(dict.fromkeys(w for w in words if w and all("\u4e00" <= ch <= "\u9fff" for ch in w)))
        self._names = {n: e for n, e in (names or {}).items() if _INITIALS_MIN <= len(n) <= _INITIALS_MAX and is_han(n)}

    @cached_property
    def _initials(self) -> dict[str, str]:
        """Initials → a name of the one thing they spell; initials of two things spell neither."""
        found: dict[str, dict[Hashable, str]] = {}
        for name, named in self._names.items():
            for key in product(*pinyin(name, style=Style.FIRST_LETTER, heteronym=True)):
                found.setdefault("".join(key), {}).setdefault(named, name)
        return {key: next(iter(names.values())) for key, names in found.items() if len(names) == 1}

    @cached_property
    def _syllables(self) -> frozenset[str]:
        readings = {_plain(r) for value in pinyin_dict.values() for r in value.split(",")}
        return frozenset(r for r in readings if _VOWELS & set(r))  # not the interjections m, n, ng, hm

    @cached_property
    def _index(self) -> dict[tuple[str, ...], str]:
        index: dict[tuple[str, ...], str] = {}
        for word in self._words:
            readings = pinyin(word, style=Style.NORMAL, heteronym=True)
            for key in list(product(*readings))[:_MAX_READINGS]:
                index.setdefault(tuple(_plain(s) for s in key), word)
        return index

    @cached_property
    def _longest_word(self) -> int:
        return max((len(key) for key in self._index), default=1)

    def convert(self, text: str) -> str:
        """``text`` with each Latin run that reads as pinyin of known words written in those words."""
        if not _LATIN.search(text):
            return text
        return _MIXED_RUN.sub(self._mixed, _plain(text))

    def _mixed(self, found: re.Match[str]) -> str:
        """A Latin run, and the characters typed right after it where they end the word it starts
        (shuangchuang组 → 双创组): the characters read as pinyin with the run, kept only if a word covers them."""
        run, tail = found.group(1), found.group(2) or ""
        if tail:
            spelt = " ".join(_plain(s[0]) for s in pinyin(tail, style=Style.NORMAL))
            joined = self._run(f"{run} {spelt}")
            if _LATIN.search(joined) is None and joined.endswith(tail[-1]):
                return joined
        return self._run(run) + tail

    def _run(self, run: str) -> str:
        """A run of Latin words: each stretch of pinyin in it in characters, the words that are no pinyin
        (English, codes) left as they are between them (jingjian xingzheng shenpi zu de deputy leader →
        精简行政审批组的 deputy leader); a run of one such word may be a name's initials."""
        typed = run.split(" ")
        splits = [self._split(word.rstrip("12345")) for word in typed]
        if len(typed) == 1 and splits[0] is None:
            return self._initials.get(run, run)
        pieces: list[str] = []
        start = 0
        for end in range(len(typed) + 1):
            if end < len(typed) and splits[end] is not None:
                continue
            if start < end:
                pieces.append(self._pinyin(typed[start:end], [s for split in splits[start:end] for s in split or ()]))
            if end < len(typed):
                pieces.append(typed[end])
            start = end + 1
        return " ".join(pieces)

    def _pinyin(self, typed: list[str], syllables: list[str]) -> str:
        run = " ".join(typed)
        return self._cover(syllables, run) if len(syllables) >= 2 else run

    def _split(self, typed: str) -> list[str] | None:
        """The fewest pinyin syllables that spell ``typed`` exactly, or None."""
        best: list[list[str] | None] = [[]] + [None] * len(typed)
        for end in range(1, len(typed) + 1):
            for start in range(max(0, end - _LONGEST_SYLLABLE), end):
                head = best[start]
                if head is not None and typed[start:end] in self._syllables:
                    candidate = [*head, typed[start:end]]
                    if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                        best[end] = candidate
        return best[len(typed)]

    def _cover(self, syllables: list[str], run: str) -> str:
        """Known words over the syllables: as many syllables covered as can be, in as few words as can
        be (什么 + 职务, not 什么职 + wu); a syllable no word covers stays Latin."""
        # best[i]: (syllables left uncovered, pieces, words) for the first i syllables
        best: list[tuple[int, int, list[str]]] = [(0, 0, [])]
        for end in range(1, len(syllables) + 1):
            left, count, words = best[end - 1]
            options = [(left + 1, count + 1, [*words, f" {syllables[end - 1]} "])]
            for size in range(1, min(self._longest_word, end) + 1):
                word = self._index.get(tuple(syllables[end - size : end]))
                if word is not None:
                    left, count, words = best[end - size]
                    options.append((left, count + 1, [*words, word]))
            best.append(min(options, key=lambda option: option[:2]))
        left, _, words = best[-1]
        return "".join(words) if left * 2 < len(syllables) else run
