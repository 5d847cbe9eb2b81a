"""Wiring: one function builds the Application, one runs it (long polling or a webhook).

Read top to bottom: the engine and texts are built once and shared through ``bot_data``; handlers
are registered in an order that matters where noted.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import admin, browse, chart_photo, feedback, handlers, profile, search
from bot.answering import WorkerPool
from bot.config import (
    AppConfig,
    ConfigError,
    RunMode,
    read_token,
    read_webhook_secret,
    state_dir,
    with_environment,
)
from bot.delivery import PerChatUpdateProcessor, ResilientRateLimiter
from bot.handlers import Services
from bot.logs import install_excepthook, redact, setup_logging
from bot.messages import Messages, load_messages
from bot.reload import Reloader
from bot.runtime import BotState, Runtime
from bot.state import StateError
from knowledge.library import Library
from knowledge.loader import KnowledgeError

_LOGGER = logging.getLogger(__name__)
EXIT_BAD_SETUP = 2


def build_application(
    config: AppConfig, engine: Library, messages: Messages, token: str, state: BotState | None = None
) -> Application:
    """The Application with our handlers, scheduler and rate limiter; no Updater (bot/intake.py
    fetches updates through the journal). ``state`` None: an in-memory one (tests)."""
    telegram, delivery = config.telegram, config.delivery
    state = state or BotState.open(None, delivery, config.question_log)
    timeout = telegram.request_timeout
    processor = PerChatUpdateProcessor(
        delivery.concurrent_chats, state.journal, delivery.max_pending_per_chat, delivery.max_reply_age
    )
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(telegram.base_url)
        .base_file_url(telegram.base_url.replace("/bot", "/file/bot"))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(
            ResilientRateLimiter(
                telegram.overall_max_rate,
                telegram.group_max_rate,
                telegram.max_retries,
                telegram.retry_delay,
                telegram.request_timeout,
            )
        )
        .concurrent_updates(processor)
        .updater(None)
        .connect_timeout(timeout)
        .read_timeout(timeout)
        .write_timeout(timeout)
        .pool_timeout(timeout)
        .connection_pool_size(64)
        .get_updates_connect_timeout(timeout)
        .get_updates_read_timeout(timeout)
        .post_init(introduce)
        .build()
    )
    pool = WorkerPool(delivery.workers)
    cards = search.cards(engine.first.kb, messages.inline_cards)
    application.bot_data["services"] = Services(
        engine,
        messages,
        telegram,
        pool,
        state.contexts,
        delivery.answer_budget,
        cards,
        state.questions,
        sent=state.sent,
        charts=chart_photo.ChartCache(state.database),
    )
    application.bot_data["state"] = state
    application.bot_data["config"] = config
    application.bot_data["reloader"] = Reloader(application, config)

    async def refuse(update: Update) -> None:
        await handlers.refuse_flood(update, CallbackContext.from_update(update, application))

    processor.refuse = refuse

    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    # Message and edited message alike (an edited question is answered again); channel posts never.
    updates = filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE
    commands = [
        ("start", handlers.start),
        ("help", handlers.help_command),
        ("groups", browse.groups_command),
        ("chart", chart_photo.chart_command),
        ("leader", handlers.leader_command),
        ("duty", handlers.duty_command),
        ("who", handlers.who_command),
        ("ask", handlers.ask_command),
        ("source", handlers.source_command),
        ("notices", handlers.notices_command),
    ]
    for name, callback in commands:
        application.add_handler(CommandHandler(name, callback, filters=updates))
    # The admins' commands: not in the menus, no reply to anyone else (bot/admin.py).
    application.add_handler(CommandHandler("stats", admin.stats_command, filters=updates))
    application.add_handler(CommandHandler("reload", admin.reload_command, filters=updates))
    # First, in a group of its own: a reply to a "哪里不对？" prompt is a comment, not a question; any
    # other message goes on to the handlers below.
    comment = filters.UpdateType.MESSAGE & filters.TEXT & filters.REPLY & ~filters.COMMAND
    application.add_handler(MessageHandler(comment, feedback.on_comment), group=-1)
    # After the commands, so "/help" is never taken for a question.
    application.add_handler(
        MessageHandler(updates & private & filters.TEXT & ~filters.COMMAND, handlers.on_private_text)
    )
    application.add_handler(MessageHandler(updates & groups & filters.TEXT & ~filters.COMMAND, handlers.on_group_text))
    application.add_handler(MessageHandler(updates & private & ~filters.TEXT, handlers.on_other_message))
    application.add_handler(CallbackQueryHandler(feedback.on_feedback, pattern=f"^{feedback.FEEDBACK}"))
    application.add_handler(
        CallbackQueryHandler(browse.on_browse, pattern=f"^({browse.NOTICES}|{browse.MENU}|{browse.CARD})")
    )
    application.add_handler(CallbackQueryHandler(chart_photo.on_chart_button, pattern=f"^{chart_photo.CHART}"))
    application.add_handler(CallbackQueryHandler(handlers.on_callback))
    application.add_handler(InlineQueryHandler(handlers.on_inline_query))
    application.add_error_handler(handlers.on_error)
    return application


async def introduce(application: Application) -> None:
    """At start-up: the command menus and the bot's profile."""
    await set_command_menus(application)
    await profile.set_profile(application.bot, application.bot_data["services"])


async def set_command_menus(application: Application) -> None:
    """The command menus, in Chinese, for private chats and for groups; a failure is logged, not fatal."""
    menus = application.bot_data["services"].messages.commands
    scopes = ((menus.private, BotCommandScopeAllPrivateChats()), (menus.group, BotCommandScopeAllGroupChats()))
    for commands, scope in scopes:
        try:
            await application.bot.set_my_commands([BotCommand(c.command, c.description) for c in commands], scope=scope)
        except TelegramError as error:
            _LOGGER.warning("could not set the command menu for %s: %s", scope.type, error)


def run(config: AppConfig) -> int:
    """Run the bot until stopped. Exit 2: a bad set-up (configuration, knowledge, state directory,
    a rejected token, Telegram unreachable at start); 1: a fatal error while running; 0: stopped."""
    config = with_environment(config)
    install_excepthook([])
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # a reload asked for while starting is not a kill
    try:
        token = read_token(config)
        secret = read_webhook_secret(config) if config.telegram.mode is RunMode.WEBHOOK else None
        if not token:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set and telegram.token_file names no token")
        if config.telegram.mode is RunMode.WEBHOOK and not secret:
            raise ConfigError("webhook mode needs TELEGRAM_WEBHOOK_SECRET or telegram.webhook.secret_token_file")
        messages = load_messages()
        engine = Library.build(config.notice_dirs(), config.engine, config.cache_path())
    except (ConfigError, KnowledgeError) as error:
        print(f"配置错误：{error}", file=sys.stderr)
        return EXIT_BAD_SETUP
    secrets = [token, secret or ""]
    install_excepthook(secrets)
    try:
        state = BotState.open(state_dir(config), config.delivery, config.question_log)
    except StateError as error:
        print(f"状态目录不可用：{error}（见 state_dir / BOT_STATE_DIR）", file=sys.stderr)
        return EXIT_BAD_SETUP
    setup_logging(os.environ.get("LOG_LEVEL", "INFO"), secrets)
    application = build_application(config, engine, messages, token, state)
    try:
        return asyncio.run(serve(Runtime(application, config, state, secret), secrets))
    finally:
        state.close()


async def serve(runtime: Runtime, secrets: list[str]) -> int:
    """Start, run until SIGTERM/SIGINT or a fatal error, stop; the exit code."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, runtime.request_stop)
    reloader: Reloader = runtime.application.bot_data["reloader"]
    loop.add_signal_handler(signal.SIGHUP, reloader.spawn, "SIGHUP")  # hot reload of the knowledge
    try:
        await runtime.start()
    except InvalidToken:
        await runtime.stop()
        print(
            "启动失败：Telegram 拒绝了这个 token（401/404），请检查 TELEGRAM_BOT_TOKEN 或 telegram.token_file。",
            file=sys.stderr,
        )
        return EXIT_BAD_SETUP
    except (TelegramError, OSError) as error:
        await runtime.stop()
        reason = redact(f"{type(error).__name__}: {error}", secrets)
        print(f"启动失败：无法连接 Telegram Bot API 或无法监听端口（{reason}）。", file=sys.stderr)
        return EXIT_BAD_SETUP
    _LOGGER.info("running in %s mode against %s", runtime.config.telegram.mode.value, runtime.config.telegram.base_url)
    code = await runtime.wait()
    await runtime.stop()
    return code
