"""Turn what a user typed into the one form the engine matches on.

Full-width → half-width (NFKC), traditional → simplified (OpenCC t2s), lower case; a leading
``@botname`` is dropped; punctuation, emoji, zero-width, control and direction characters become
spaces; runs of spaces fold; the result is capped in length so a 20,000-character paste costs the
same as a question.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

# Letters, digits and CJK survive; "+" survives for 互联网+医疗; format characters vanish.
# Everything else (punctuation, emoji, symbols, controls) is a separator.
_KEEP_CATEGORIES = ("L", "N")
_KEEP_CHARS = frozenset("+")
_MENTION = re.compile(r"^\s*@[A-Za-z0-9_]{3,}\s*")
_SPACES = re.compile(r"\s+")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalize(text: str, max_chars: int = 200) -> str:
    """Return the matching form of ``text``: at most ``max_chars`` characters, never raises."""
    text = _MENTION.sub("", text[: max_chars * 4])
    text = unicodedata.normalize("NFKC", text)
    text = _SPACES.sub(" ", "".join(map(_keep, text))).strip().lower()
    return _converter().convert(text)[:max_chars].strip()


def _keep(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cf":  # zero-width and direction marks: dropped so 罗\u200b蔺 stays 罗蔺
        return ""
    return ch if ch in _KEEP_CHARS or category[0] in _KEEP_CATEGORIES else " "


def is_cjk(ch: str) -> bool:
    """Han characters of the basic block and its extensions (as the notice and names use)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"
