"""The admins' commands: /stats (the question log's figures, short) and /reload (the knowledge rebuilt
from its files). Admins are the user ids under ``admins`` in config.yaml; to anyone else these
commands do not exist: no reply at all, so they give nothing away."""

from __future__ import annotations

import time

from telegram import Update
from telegram.ext import ContextTypes

from bot import report
from bot.answering import AnswerTimeout
from bot.config import AppConfig
from bot.handlers import send_text, services
from bot.questionlog import questions_since
from bot.reload import Reloader

STATS_DAYS = 7


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    config: AppConfig = context.bot_data["config"]
    user = update.effective_user
    return user is not None and user.id in config.admins


async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        return
    shared = services(context)
    database = context.bot_data["state"].database  # read on the event loop, like every use of it
    now = time.time()
    rows = questions_since(database, now - STATS_DAYS * 86400)
    try:
        figures = await shared.compute(report.build, rows, STATS_DAYS, now)  # clustering is CPU work
    except AnswerTimeout:
        await send_text(update, context, shared.messages.too_slow)
        return
    await send_text(update, context, report.short(figures, shared.messages.report))


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        return
    reloader: Reloader = context.bot_data["reloader"]
    done = await reloader.reload("/reload")
    texts = services(context).messages.operators
    if done.ok:
        reply = texts.reloaded.format(facts=done.facts, seconds=f"{done.seconds:.1f}")
    else:
        reply = texts.reload_failed.format(reason=done.reason)
    await send_text(update, context, reply)
