"""Traditional in, traditional out: a question written in traditional characters gets its answer in them.

The engine reads every question in simplified (knowledge/normalize.py converts with OpenCC ``t2s``) and
answers in the notice's own simplified words. A question counts as traditional when it holds more
traditional-only characters (組, 長, 誰: changed by ``t2s``) than simplified-only ones (组, 长, 谁: changed
by ``s2t``), so a simplified question with one stray 麼 stays simplified, and one made only of
characters both scripts share (法治) too. Its answer, buttons and quotes are then converted with OpenCC
``s2tw`` (Taiwan's standard characters, 為 not 爲, with no change of vocabulary, so a quote keeps the
notice's words) after the layout, whose patterns are simplified; the answer says that its quotes are a
conversion of the simplified original.
"""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


_READ = 200  # characters of a question looked at


def is_traditional(text: str) -> bool:
    to_simplified, to_traditional_ = _converter("t2s"), _converter("s2t")
    traditional = simplified = 0
    for char in dict.fromkeys(text[:_READ]):
        traditional += to_simplified.convert(char) != char
        simplified += to_traditional_.convert(char) != char
    return traditional > simplified


def to_traditional(text: str) -> str:
    return _converter("s2tw").convert(text)
