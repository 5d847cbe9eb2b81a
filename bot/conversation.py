"""Whose conversation a message continues, and which of the bot's messages its answer goes into.

- Context is per person: in a private chat the chat is the person; in a group each member has their
  own (``chat:user``), so one member's "那它负责什么" never picks up another's subject.
- A reply to one of the bot's answers continues from *that* answer's subject, whoever replies: the
  context the answer left is kept with its message (bot/sent.py).
- An edited question edits the answer it got, message for message: extra old messages are deleted,
  extra new ones sent; an answer that can no longer be edited (deleted, too old) is sent anew.
"""

from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError

from bot.contexts import ChatContexts
from bot.sent import SentAnswers
from knowledge.answer import Context

_LOGGER = logging.getLogger(__name__)
_UNCHANGED = "message is not modified"  # Telegram's BadRequest for an edit to the same text and buttons


def context_key(update: Update) -> str | None:
    """The key of the asker's context: the chat in private chats, the chat and the member in groups."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return None
    if chat.type in (ChatType.GROUP, ChatType.SUPERGROUP) and user is not None:
        return f"{chat.id}:{user.id}"
    return str(chat.id)


def previous_context(update: Update, contexts: ChatContexts, sent: SentAnswers | None, bot_id: int) -> Context | None:
    """The context a question is read with: the replied-to answer's, else the asker's own."""
    message, chat = update.effective_message, update.effective_chat
    replied = message.reply_to_message if message is not None and update.callback_query is None else None
    ours = replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
    if chat is not None and sent is not None and replied is not None and ours:
        left = sent.context_of(str(chat.id), replied.message_id)
        if left is not None and left.entities:
            return left
    key = context_key(update)
    return contexts.get(key) if key is not None else None


def question_id(update: Update) -> int | None:
    """The asker's message an answer answers; None for a tapped button (its message is the bot's)."""
    if update.callback_query is not None:
        return None
    message = update.effective_message
    return message.message_id if message is not None else None


def answered_before(update: Update, sent: SentAnswers | None) -> list[int]:
    """For an edited question, the messages that answered it before (in order); else none."""
    message, chat = update.edited_message, update.effective_chat
    if message is None or chat is None or sent is None:
        return []
    return sent.answer_to(str(chat.id), message.message_id)


async def edit(bot: Bot, chat_id: int, message_id: int, text: str, keyboard: InlineKeyboardMarkup | None) -> bool:
    """Turn an earlier message into ``text``; False when it cannot be edited any more."""
    try:
        await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, reply_markup=keyboard)
    except BadRequest as error:
        if _UNCHANGED in str(error).lower():
            return True
        _LOGGER.info("could not edit an earlier answer (%s); sending it anew", error)
        return False
    return True


async def remove(bot: Bot, chat_id: int, message_ids: list[int]) -> None:
    """Delete what is left of a longer earlier answer; one that cannot be deleted stays."""
    for message_id in message_ids:
        try:
            await bot.delete_message(chat_id, message_id)
        except TelegramError as error:
            _LOGGER.info("could not delete the rest of an earlier answer: %s", error)


def remember(update: Update, sent: SentAnswers | None, message_ids: list[int], left: Context) -> None:
    """Keep which question these messages answer and the context the answer left."""
    chat = update.effective_chat
    if sent is not None and chat is not None and message_ids:
        sent.record(str(chat.id), question_id(update), message_ids, left)
