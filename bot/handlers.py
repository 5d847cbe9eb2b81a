"""Telegram updates in, engine calls, rendered answers out. No matching logic lives here.

Each handler reads the shared ``Services`` from ``bot_data``; whose follow-up context a question reads
and which messages its answer goes into (an edit edits) is bot/conversation.py's; everything a user
sees is rendered by bot/render.py from the engine's Answer.
"""

from __future__ import annotations

import base64
import binascii
import html
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.answering import AnswerTimeout, WorkerPool
from bot.chart_photo import ChartCache, chart_button
from bot.config import TelegramConfig
from bot.contexts import ChatContexts
from bot.conversation import answered_before, context_key, edit, previous_context, remember, remove
from bot.feedback import log_answer, log_failure, with_feedback
from bot.layout import subjects_of
from bot.messages import Messages
from bot.questionlog import QuestionLog
from bot.render import ASK, answer_messages, inline_result, suggestion_keyboard, text_result
from bot.script import is_traditional, to_traditional
from bot.search import Card, rank
from bot.sent import SentAnswers
from knowledge.answer import Answer, Context
from knowledge.library import Library

_LOGGER = logging.getLogger(__name__)
_DEEP_LINK = "q_"  # /start q_<base64url of a question> opens that question
_INLINE_RESULTS = 10
_START_LIMIT = 64  # characters of a /start parameter
T = TypeVar("T")


@dataclass(frozen=True)
class Services:
    """What every handler shares, built once at start-up: the engine runs on ``pool`` (never on the
    event loop) within ``budget`` seconds a question; follow-up contexts live in ``contexts``, the
    question log in ``questions``. A reload replaces the whole object (bot/reload.py)."""

    engine: Library  # the loaded notices; cards and /groups show the first one
    messages: Messages
    telegram: TelegramConfig
    pool: WorkerPool
    contexts: ChatContexts
    budget: float = 5.0
    cards: tuple[Card, ...] = ()  # what inline search finds as you type (bot/search.py)
    questions: QuestionLog | None = None
    sent: SentAnswers | None = None  # the answer messages: edits edit them, replies continue from them
    charts: ChartCache | None = None  # /chart: drawn once per notice, uploaded once

    async def compute(self, function: Callable[..., T], *args: object) -> T:
        """``function(*args)`` on a worker thread; AnswerTimeout past the budget."""
        return await self.pool.run(self.budget, function, *args)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data["services"]


# --- answering ------------------------------------------------------------------------------------


async def answer_question(
    update: Update, context: ContextTypes.DEFAULT_TYPE, question: str, standalone: bool = False
) -> None:
    """Answer in the chat, with the asker's follow-up context (or the replied-to answer's), as a reply
    to the asker in groups, in traditional characters to a question written in them. A ``standalone``
    question (a tapped button, a deep link) is read without the context, and sets it."""
    shared = services(context)
    key = context_key(update)
    previous = None if standalone else previous_context(update, shared.contexts, shared.sent, context.bot.id)
    started = time.perf_counter()
    try:
        answer = await shared.compute(shared.engine.ask, question, previous)
    except AnswerTimeout:
        _LOGGER.warning("update %s: no answer within %.1f s", update.update_id, shared.budget)
        log_failure(update, shared, question, time.perf_counter() - started)
        await send_text(update, context, shared.messages.too_slow)
        return
    if key is not None and (answer.answered or not standalone):  # the engine returns the context to keep
        shared.contexts.put(key, answer.context)
    question_id = log_answer(update, shared, answer, time.perf_counter() - started)
    await send_answer(update, context, answer, question_id=question_id, traditional=is_traditional(question))


async def refuse_flood(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A chat (or a user) asking faster than it can be answered is told so, once."""
    await send_text(update, context, services(context).messages.too_many)


async def send_answer(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    answer: Answer,
    subjects: tuple[str, ...] = (),
    question_id: int | None = None,
    traditional: bool = False,
) -> None:
    """The answer's messages; ``question_id``: its question log row, for the 👍 / 👎 row; ``traditional``:
    text, quotes and buttons converted, with a line saying the quotes are converted."""
    shared = services(context)
    subjects = subjects or subjects_of(shared.engine.kb_for(answer), answer)
    script = to_traditional if traditional else str
    note = shared.messages.traditional_note if traditional and answer.citations else ""
    chunks = answer_messages(
        answer, shared.messages.layout, shared.telegram.max_message_chars, subjects=subjects, script=script, note=note
    )
    keyboard = suggestion_keyboard([script(s) for s in answer.suggestions])
    await send_chunks(update, context, chunks, with_feedback(keyboard, question_id, shared), answer.context)


async def send_chunks(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    chunks: list[str],
    keyboard: InlineKeyboardMarkup | None = None,
    left: Context | None = None,
) -> None:
    """Send messages in order; the first replies to the asker in groups, the last carries the buttons.
    To an edited question, the messages of its earlier answer are edited instead. ``left``: the context
    the answer leaves, kept with its messages for replies to them."""
    message = update.effective_message
    chat = update.effective_chat
    if chat is None:
        return
    shared = services(context)
    earlier = answered_before(update, shared.sent)
    in_group = chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)
    sent: list[int] = []
    for index, chunk in enumerate(chunks):
        markup = keyboard if index == len(chunks) - 1 else None
        if index < len(earlier) and await edit(context.bot, chat.id, earlier[index], chunk, markup):
            sent.append(earlier[index])
        elif index == 0 and message is not None and in_group and update.callback_query is None:
            sent.append((await message.reply_text(chunk, reply_markup=markup, do_quote=True)).message_id)
        else:
            sent.append((await context.bot.send_message(chat.id, chunk, reply_markup=markup)).message_id)
    await remove(context.bot, chat.id, earlier[len(chunks) :])
    remember(update, shared.sent, sent, left or Context())


async def send_text(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, keyboard: InlineKeyboardMarkup | None = None
) -> None:
    """One of the bot's own texts (messages.yaml), escaped."""
    await send_chunks(update, context, [html.escape(text, quote=False)], keyboard)


# --- messages -------------------------------------------------------------------------------------


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any text in a private chat is a question (an edited one edits its answer)."""
    message = update.effective_message
    if message is not None and message.text:
        await answer_question(update, context, message.text)


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups only a mention of the bot or a reply to it is a question; other chatter is ignored."""
    message = update.effective_message
    if message is None or not message.text:
        return
    bot = context.bot
    mentioned = _mentions(message, bot.username, bot.id)
    replied = message.reply_to_message is not None and message.reply_to_message.from_user is not None
    if not mentioned and not (replied and message.reply_to_message.from_user.id == bot.id):  # type: ignore[union-attr]
        return
    question = _strip_mention(message.text, bot.username)
    if not question.strip():
        await send_text(update, context, services(context).messages.group_mention_help.format(bot=bot.username))
        return
    await answer_question(update, context, question)


async def on_other_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo, voice or location in a private chat: a one-line hint."""
    await send_text(update, context, services(context).messages.not_text)


def _mentions(message: Message, username: str, bot_id: int) -> bool:
    for entity, text in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if entity.type == MessageEntity.MENTION and text.lower() == f"@{username}".lower():
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id:
            return True
    return False


def _strip_mention(text: str, username: str) -> str:
    mention = f"@{username}"
    index = text.lower().find(mention.lower())
    while index != -1:
        text = text[:index] + text[index + len(mention) :]
        index = text.lower().find(mention.lower())
    return text


# --- commands -------------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome with example questions; ``/start q_<payload>`` (a deep link) opens that question."""
    question = _deep_link_question(context.args or [])
    if question:
        await answer_question(update, context, question, standalone=True)
        return
    shared = services(context)
    featured = suggestion_keyboard(shared.messages.featured)
    rows = (*(featured.inline_keyboard if featured else ()), (chart_button(shared.messages.groups.chart),))
    await send_text(update, context, shared.messages.welcome, InlineKeyboardMarkup(rows))


def deep_link_payload(question: str) -> str | None:
    """The /start payload that opens ``question`` (Telegram allows 64 characters of [A-Za-z0-9_-]); a
    longer question is cut, between characters, to the longest beginning that fits. None: nothing fits."""
    question = question.strip()
    while question:
        payload = _DEEP_LINK + base64.urlsafe_b64encode(question.encode()).decode().rstrip("=")
        if len(payload) <= _START_LIMIT:
            return payload
        question = question[:-1]
    return None


def _deep_link_question(args: list[str]) -> str | None:
    if not args or not args[0].startswith(_DEEP_LINK):
        return None
    encoded = args[0][len(_DEEP_LINK) :]
    try:
        return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await send_text(update, context, services(context).messages.help.format(bot=context.bot.username))


async def notices_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The notices loaded, as answers name them."""
    shared = services(context)
    words = shared.messages.notices
    lines = [words.heading.format(count=len(shared.engine.notices))]
    for notice in shared.engine.notices:
        kb = notice.engine.kb
        lines.append(words.line.format(label=notice.label, title=kb.document["title"].value, groups=len(kb.groups)))
    await send_text(update, context, "\n".join(lines))


async def source_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    shared = services(context)
    await send_answer(update, context, await shared.compute(shared.engine.first.document_card))


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _command_question(update, context, "{0}", services(context).messages.usage.ask)


async def leader_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _command_question(update, context, "{0}的组长是谁", services(context).messages.usage.leader)


async def who_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _command_question(update, context, "{0}担任哪些职务", services(context).messages.usage.who)


async def duty_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/duty 组 [放权|监管|服务]: the group's duties, or those of one aspect."""
    args = context.args or []
    if len(args) >= 2 and args[-1] in ("放权", "监管", "服务"):
        question = f"{''.join(args[:-1])}在{args[-1]}方面的职责"
        await answer_question(update, context, question)
        return
    await _command_question(update, context, "{0}的职责是什么", services(context).messages.usage.duty)


async def _command_question(update: Update, context: ContextTypes.DEFAULT_TYPE, template: str, usage: str) -> None:
    argument = " ".join(context.args or []).strip()
    if not argument:
        await send_text(update, context, usage)
        return
    await answer_question(update, context, template.format(argument))


# --- buttons and inline mode -----------------------------------------------------------------------


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tapped button: always acknowledged; a question is answered (/groups' buttons: bot/browse.py)."""
    query = update.callback_query
    if query is None:
        return
    shared = services(context)
    data = query.data or ""
    if data.startswith(ASK) and data[len(ASK) :].strip():
        await query.answer()
        await answer_question(update, context, data[len(ASK) :], standalone=True)
    else:  # forged or from an older version of the bot
        await query.answer(shared.messages.stale_button)


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """@bot 问题: the best answer first, then answers to related questions; empty: featured questions."""
    inline = update.inline_query
    if inline is None:
        return
    shared = services(context)
    text = inline.query.strip()
    try:
        results, found = await shared.compute(_inline_results, shared, text)
    except AnswerTimeout:
        results, found = [], False
    label = shared.messages.inline_button if found else shared.messages.inline_no_answer
    button = InlineQueryResultsButton(text=label, start_parameter=deep_link_payload(text) or "inline")
    await inline.answer(
        results[:_INLINE_RESULTS], cache_time=shared.telegram.inline_cache_seconds, is_personal=False, button=button
    )


def _inline_results(shared: Services, text: str) -> tuple[list[InlineQueryResultArticle], bool]:
    """As you type: the answer to the query when it is a question, then the cards it points at (a group,
    a person, a unit: bot/search.py); nothing found: one article saying so. Empty: the featured
    questions. Runs on a worker."""
    engine, messages = shared.engine, shared.messages
    script = to_traditional if is_traditional(text) else str
    if not text:
        answers = [engine.ask(q) for q in messages.featured]
    else:
        best = engine.ask(text)
        answers = [best] if best.answered else []
        answers += [engine.ask(card.question) for card in rank(text, shared.cards, _INLINE_RESULTS)]
        if best.answered:
            answers += [engine.ask(s) for s in best.suggestions]  # related facts
    results, seen = [], set()
    for answer in answers:
        result = inline_result(answer, messages.layout, subjects_of(engine.kb_for(answer), answer), script=script)
        if answer.answered and result.id not in seen:
            seen.add(result.id)
            results.append(result)
    if text and not results:
        return [text_result(messages.inline_no_result_title, messages.inline_no_result)], False
    return results, bool(results)


# --- errors ---------------------------------------------------------------------------------------


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (the log formatter redacts secrets) and, where there is a chat, say so."""
    _LOGGER.error("update %s failed", getattr(update, "update_id", "?"), exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, html.escape(services(context).messages.error))
    except TelegramError:
        _LOGGER.warning("could not tell chat %s about the failure", update.effective_chat.id)
