"""The question log's Telegram side: each question logged as it is answered, 👍/👎 under the answer,
and after 👎 a "哪里不对？" prompt whose reply is kept as the comment.

The buttons carry the log row's id (``f:+:123`` / ``f:-:123``, far below Telegram's 64 bytes) and
only the asker's vote counts (the row holds the hash of their user id). The row is appended to
whatever keyboard the answer already has, so other buttons are left as they are; once chosen it
becomes one button showing the choice. The comment is the asker's reply to the prompt, within
``question_log.comment_timeout`` seconds; any other message is a question as usual.
"""

from __future__ import annotations

import html
import logging
import sqlite3
from typing import TYPE_CHECKING

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.questionlog import DOWN, ERROR, UP, Asked, QuestionLog, asked
from knowledge.answer import Answer

if TYPE_CHECKING:
    from bot.handlers import Services

FEEDBACK = "f:"  # callback data: f:+:<row id>, f:-:<row id>; f:= is a choice already made
_VOTES = {"+": UP, "-": DOWN}
_LOGGER = logging.getLogger(__name__)


def _services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data["services"]


def _user_hash(shared: Services, update: Update) -> str:
    user = update.effective_user
    assert shared.questions is not None
    return shared.questions.hash(user.id if user is not None else 0)


def _chat_type(update: Update) -> str:
    chat = update.effective_chat
    return str(chat.type) if chat is not None else ""


def log_answer(update: Update, shared: Services, answer: Answer, latency: float) -> int | None:
    """Log the question ``answer`` answers; the row id when it gets 👍/👎 buttons, else None."""
    if shared.questions is None or not shared.questions.enabled:
        return None
    row = asked(shared.engine, answer, _chat_type(update), _user_hash(shared, update), latency)
    question_id = _record(shared.questions, row)
    in_group = _chat_type(update) in (ChatType.GROUP, ChatType.SUPERGROUP)
    return question_id if not in_group or shared.questions.config.feedback_in_groups else None


def log_failure(update: Update, shared: Services, question: str, latency: float) -> None:
    """Log a question that got no answer at all (past the time budget)."""
    if shared.questions is None or not shared.questions.enabled:
        return
    user_hash = _user_hash(shared, update)  # which notice it was for is not known: it got no answer
    _record(shared.questions, Asked("", _chat_type(update), user_hash, question, ERROR, "", "", 0.0, latency * 1000))


def _record(log: QuestionLog, row: Asked) -> int | None:
    """Log the row; a database that cannot take it (disk full) costs the log row, never the answer."""
    try:
        return log.record(row)
    except sqlite3.Error as error:
        _LOGGER.warning("question not logged: %s", error)
        return None


def with_feedback(
    keyboard: InlineKeyboardMarkup | None, question_id: int | None, shared: Services
) -> InlineKeyboardMarkup | None:
    """``keyboard`` with a 👍 / 👎 row below it; unchanged when the question has no log row."""
    if question_id is None:
        return keyboard
    texts = shared.messages.feedback
    row = (
        InlineKeyboardButton(texts.up, callback_data=f"{FEEDBACK}+:{question_id}"),
        InlineKeyboardButton(texts.down, callback_data=f"{FEEDBACK}-:{question_id}"),
    )
    rows = tuple(keyboard.inline_keyboard) if keyboard is not None else ()
    return InlineKeyboardMarkup((*rows, row))


def _chosen(keyboard: InlineKeyboardMarkup | None, label: str) -> InlineKeyboardMarkup:
    """The answer's keyboard with its 👍 / 👎 row replaced by one button showing the choice."""
    rows = keyboard.inline_keyboard if keyboard is not None else ()
    kept = [row for row in rows if not any((b.callback_data or "").startswith(FEEDBACK) for b in row)]  # type: ignore[union-attr]
    return InlineKeyboardMarkup((*kept, (InlineKeyboardButton(label, callback_data=f"{FEEDBACK}="),)))


async def on_feedback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """👍 / 👎 tapped: recorded against the log row when the tapper asked it, always acknowledged."""
    query = update.callback_query
    if query is None:
        return
    shared = _services(context)
    texts = shared.messages.feedback
    sign, _, number = (query.data or "")[len(FEEDBACK) :].partition(":")
    if sign == "=":  # the choice already made: nothing to do
        await query.answer()
        return
    if sign not in _VOTES or not number.isdigit() or shared.questions is None:
        await query.answer(shared.messages.stale_button)
        return
    user_hash = _user_hash(shared, update)
    if not shared.questions.vote(int(number), user_hash, _VOTES[sign]):
        await query.answer(texts.not_yours)
        return
    await query.answer(texts.thanks)
    message = query.message
    if message is not None:
        keyboard = getattr(message, "reply_markup", None)
        try:
            await query.edit_message_reply_markup(
                _chosen(keyboard, texts.chosen_up if sign == "+" else texts.chosen_down)
            )
        except BadRequest as error:  # too old to edit, or already showing the choice: the vote counts
            _LOGGER.info("could not show the vote on the answer: %s", error)
    chat = update.effective_chat
    if _VOTES[sign] == DOWN and chat is not None:
        prompt = await context.bot.send_message(
            chat.id,
            html.escape(texts.ask_why),
            reply_markup=ForceReply(selective=True, input_field_placeholder=texts.placeholder),
        )
        shared.questions.await_comment(chat.id, prompt.message_id, int(number), user_hash)


async def on_comment(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A reply to a "哪里不对？" prompt by the user it asked: stored as the comment, thanked, and not
    answered as a question (the handler stops here). Any other reply goes on to the usual handlers."""
    message = update.effective_message
    chat = update.effective_chat
    shared = _services(context)
    if message is None or chat is None or message.reply_to_message is None or shared.questions is None:
        return
    prompt_id = message.reply_to_message.message_id
    if not shared.questions.take_comment(chat.id, prompt_id, _user_hash(shared, update), message.text or ""):
        return
    await context.bot.send_message(chat.id, html.escape(shared.messages.feedback.comment_saved))
    raise ApplicationHandlerStop
