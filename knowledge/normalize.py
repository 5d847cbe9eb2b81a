"""Turn what a user typed into the one form the engine matches on.

Full-width → half-width (NFKC), traditional → simplified (OpenCC t2s), lower case; emoticon codes
([捂脸]) vanish; a leading ``@botname`` is dropped; punctuation, emoji, zero-width, control and
direction characters become spaces; runs of spaces fold; the result is capped in length so a
20,000-character paste costs the same as a question.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

# Format characters (zero-width, direction marks) vanish, so 罗\u200b蔺 stays 罗蔺. Then letters,
# digits and CJK survive, and "+" for 互联网+医疗; everything else (punctuation, emoji, symbols,
# controls, "_") becomes a separator.
_SEPARATORS = re.compile(r"(?:[^\w+]|_)+")
# Single Han characters typed with spaces between them (not words separated by spaces).
_SPACED_HAN = re.compile(r"(?<![\u3400-\u9fff])[\u3400-\u9fff](?: [\u3400-\u9fff](?![\u3400-\u9fff]))+")
_SPACE_IN_HAN = re.compile(r"(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])")
# Emoticons typed as codes ([捂脸] [疑问] [OK]): chat apps' stickers as text, no words of the question
_EMOTICON = re.compile(r"\[(?:[\u4e00-\u9fff]{1,4}|[A-Za-z]{1,8})\]")
# @bot_username, or any other @name followed by a space or comma (@客服 …), at the start or after a sentence
# (…压下来。@政务通知bot 这事归哪个组管: the bot addressed, no words of the question)
_MENTION = re.compile(r"(?:^|(?<=[\s,，。.？?！!;；]))\s*@(?:[A-Za-z0-9_]{3,}\s*|[^\s,，:：@]+[\s,，:：]+)")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalize(text: str, max_chars: int = 200) -> str:
    """Return the matching form of ``text``: at most ``max_chars`` characters, never raises."""
    text = _MENTION.sub("", text[: max_chars * 4])
    text = without_emoticons(unicodedata.normalize("NFKC", text))
    if not text.isprintable():  # rare: only then look for format characters one by one
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _SPACED_HAN.sub(lambda m: m.group().replace(" ", ""), text)  # 罗 蔺 是 谁 → 罗蔺是谁
    text = _SPACE_IN_HAN.sub("", text)  # 法治 组 组长 是 谁: words typed apart, one question
    text = level_numerals(_SEPARATORS.sub(" ", text).strip().lower())
    return _converter().convert(text)[:max_chars].strip()


_LEVEL_NUMERAL = re.compile(r"(?<![a-z])(iv|iii|ii|i|v|[1-5])(?=级)|[Ⅰ-Ⅴ](?=级)", re.IGNORECASE)
_LEVEL_WORDS = {"i": "一", "ii": "二", "iii": "三", "iv": "四", "v": "五", "1": "一", "2": "二", "3": "三"}
_LEVEL_WORDS |= {"4": "四", "5": "五", "Ⅰ": "一", "Ⅱ": "二", "Ⅲ": "三", "Ⅳ": "四", "Ⅴ": "五"}


def level_numerals(text: str) -> str:
    """A level in Chinese numerals, however written (Ⅲ级 / III级 / 3级 → 三级), so 三级响应 finds Ⅲ级响应."""
    return _LEVEL_NUMERAL.sub(lambda m: _LEVEL_WORDS[m.group(0).lower() if m.group(0).isascii() else m.group(0)], text)


def without_emoticons(text: str) -> str:
    """The text without emoticon codes ([捂脸]), which the message reader must not take for a clause."""
    return _EMOTICON.sub("", text)


def is_cjk(ch: str) -> bool:
    """Han characters of the basic block and its extensions (as the notice and names use)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"
