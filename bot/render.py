"""Telegram renderings of the engine's Answer: HTML messages, buttons, inline results.

Every piece of text is escaped here and nowhere else. A message is built from blocks (a line of
the answer, one citation as an expandable blockquote); messages are cut between blocks, and a
block too long for one message is cut into pieces that are each escaped and wrapped on their
own, so no message ever holds half a tag or an escape.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)

from bot.layout import LayoutWords, citation_lines, lay_out
from knowledge.answer import Answer

ASK = "a:"  # callback data: a question to answer
CALLBACK_LIMIT = 64  # bytes of callback_data Telegram accepts
_SHORT_BOX = 40  # characters of a one-line citation box shown as a plain blockquote


@dataclass(frozen=True)
class Block:
    text: str
    opening: str = ""
    closing: str = ""
    strong: str = ""  # a part of ``text`` shown in bold

    def html(self) -> str:
        before, found, after = self.text.partition(self.strong) if self.strong else (self.text, "", "")
        body = escape(before, quote=False)
        if found:
            body += f"<b>{escape(found, quote=False)}</b>{escape(after, quote=False)}"
        return f"{self.opening}{body}{self.closing}"


def answer_blocks(
    answer: Answer,
    words: LayoutWords,
    subjects: tuple[str, ...] = (),
    buttons: bool = True,
    script: Callable[[str], str] = str,
    note: str = "",
) -> list[Block]:
    """The answer's lines, then one expandable box with every citation (bot/layout.py decides what).
    ``script`` converts the laid-out text (traditional for a traditional question, bot/script.py);
    ``note``, when given, closes the box (the quotes are converted)."""
    layout = lay_out(answer, words, subjects, buttons)
    blocks = [Block(script(line.text), strong=script(line.strong)) for line in layout.lines]
    cited = [script(line) for line in citation_lines(layout)] + ([script(note)] if note else [])
    if cited:
        box = "\n".join(cited)
        # Telegram shows a short box whole, expandable or not: only a longer one needs to fold
        opening = "<blockquote>" if len(cited) == 1 and size(box) <= _SHORT_BOX else "<blockquote expandable>"
        blocks.append(Block(box, opening, "</blockquote>"))
    return blocks


def answer_messages(
    answer: Answer,
    words: LayoutWords,
    limit: int,
    question: str | None = None,
    subjects: tuple[str, ...] = (),
    script: Callable[[str], str] = str,
    note: str = "",
) -> list[str]:
    """The HTML messages for an answer; ``question`` is repeated in bold on top (inline shares)."""
    blocks = answer_blocks(answer, words, subjects, script=script, note=note)
    if question:
        blocks.insert(0, Block(f"问：{question}", "<b>", "</b>"))
    return pack(blocks, limit)


def size(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts two)."""
    return len(text.encode("utf-16-le")) // 2


def pack(blocks: list[Block], limit: int) -> list[str]:
    """Join blocks with newlines into messages of at most ``limit`` characters."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        for piece in _fit(block, limit):
            if current and size(current) + 1 + size(piece) > limit:
                messages.append(current)
                current = ""
            current = f"{current}\n{piece}" if current else piece
    if current:
        messages.append(current)
    return messages


def _fit(block: Block, limit: int) -> list[str]:
    """The block's HTML, cut into several wrapped pieces when it alone exceeds the limit."""
    whole = block.html()
    if size(whole) <= limit:
        return [whole]
    room = limit - size(block.opening) - size(block.closing)
    pieces, start = [], 0
    while start < len(block.text):
        end = min(len(block.text), start + room)
        while size(escape(block.text[start:end], quote=False)) > room:  # & → &amp;, emoji count two
            end -= max(1, (size(escape(block.text[start:end], quote=False)) - room + 4) // 5)
        pieces.append(Block(block.text[start:end], block.opening, block.closing).html())
        start = end
    return pieces


def suggestion_keyboard(suggestions: tuple[str, ...] | list[str]) -> InlineKeyboardMarkup | None:
    """One button per suggested question; tapping it asks that question."""
    buttons = [
        [InlineKeyboardButton(text, callback_data=ASK + text)]
        for text in suggestions
        if len((ASK + text).encode()) <= CALLBACK_LIMIT
    ]
    return InlineKeyboardMarkup(buttons) if buttons else None


def inline_result(
    answer: Answer,
    words: LayoutWords,
    subjects: tuple[str, ...] = (),
    title: str | None = None,
    script: Callable[[str], str] = str,
) -> InlineQueryResultArticle:
    """A self-contained, cited answer ready to share into any chat (``script``: as in answer_blocks)."""
    question = answer.question
    message = answer_messages(answer, words, 4096, question=question, subjects=subjects, script=script)[0]
    identifier = hashlib.sha1(f"{question}|{answer.text}".encode()).hexdigest()[:32]
    return InlineQueryResultArticle(
        id=identifier,
        title=script(title or question),
        description=script(answer.text.replace("\n", " ")[:120]),
        input_message_content=InputTextMessageContent(message),
    )


def text_result(title: str, text: str) -> InlineQueryResultArticle:
    """An inline result holding one of the bot's own texts (nothing found)."""
    identifier = hashlib.sha1(f"text|{title}".encode()).hexdigest()[:32]
    return InlineQueryResultArticle(
        id=identifier, title=title, input_message_content=InputTextMessageContent(escape(text, quote=False))
    )
