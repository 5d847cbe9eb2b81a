"""Wiring: one function builds the Application, one runs it (long polling or a webhook).

Read top to bottom: the engine and texts are built once and shared through ``bot_data``; handlers
are registered in an order that matters where noted.
"""

from __future__ import annotations

import logging
import os
import sys

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import handlers
from bot.config import AppConfig, ConfigError, RunMode, read_token, read_webhook_secret, with_environment
from bot.delivery import PerChatUpdateProcessor, ResilientRateLimiter
from bot.handlers import Services
from bot.logs import setup_logging
from bot.messages import Messages, load_messages
from knowledge.engine import Engine
from knowledge.loader import KnowledgeError

_LOGGER = logging.getLogger(__name__)
_CONCURRENT_UPDATES = 256
_POLL_TIMEOUT = 30  # seconds a getUpdates long poll may wait for updates


def build_application(config: AppConfig, engine: Engine, messages: Messages, token: str) -> Application:
    telegram = config.telegram
    timeout = telegram.request_timeout
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(telegram.base_url)
        .base_file_url(telegram.base_url.replace("/bot", "/file/bot"))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(
            ResilientRateLimiter(
                telegram.overall_max_rate, telegram.group_max_rate, telegram.max_retries, telegram.retry_delay
            )
        )
        .concurrent_updates(PerChatUpdateProcessor(_CONCURRENT_UPDATES))
        .connect_timeout(timeout)
        .read_timeout(timeout)
        .write_timeout(timeout)
        .pool_timeout(timeout)
        .connection_pool_size(64)
        .get_updates_connect_timeout(timeout)
        .get_updates_read_timeout(timeout)
        .post_init(set_command_menus)
        .build()
    )
    application.bot_data["services"] = Services(engine, messages, telegram)

    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    # Message and edited message alike (an edited question is answered again); channel posts never.
    updates = filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE
    commands = [
        ("start", handlers.start),
        ("help", handlers.help_command),
        ("groups", handlers.groups_command),
        ("leader", handlers.leader_command),
        ("duty", handlers.duty_command),
        ("who", handlers.who_command),
        ("ask", handlers.ask_command),
        ("source", handlers.source_command),
    ]
    for name, callback in commands:
        application.add_handler(CommandHandler(name, callback, filters=updates))
    # After the commands, so "/help" is never taken for a question.
    application.add_handler(
        MessageHandler(updates & private & filters.TEXT & ~filters.COMMAND, handlers.on_private_text)
    )
    application.add_handler(MessageHandler(updates & groups & filters.TEXT & ~filters.COMMAND, handlers.on_group_text))
    application.add_handler(MessageHandler(updates & private & ~filters.TEXT, handlers.on_other_message))
    application.add_handler(CallbackQueryHandler(handlers.on_callback))
    application.add_handler(InlineQueryHandler(handlers.on_inline_query))
    application.add_error_handler(handlers.on_error)
    return application


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
    """Run the bot until stopped; a bad configuration or knowledge base exits 2 before any network call."""
    config = with_environment(config)
    try:
        token = read_token(config)
        secret = read_webhook_secret(config) if config.telegram.mode is RunMode.WEBHOOK else None
        if not token:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set and telegram.token_file names no token")
        if config.telegram.mode is RunMode.WEBHOOK and not secret:
            raise ConfigError("webhook mode needs TELEGRAM_WEBHOOK_SECRET or telegram.webhook.secret_token_file")
        messages = load_messages()
        engine = Engine.build(config.engine, **config.engine_paths())
    except (ConfigError, KnowledgeError) as error:
        print(f"配置错误：{error}", file=sys.stderr)
        return 2
    setup_logging(os.environ.get("LOG_LEVEL", "INFO"), [token, secret or ""])
    application = build_application(config, engine, messages, token)
    telegram = config.telegram
    _LOGGER.info("starting in %s mode against %s", telegram.mode.value, telegram.base_url)
    if telegram.mode is RunMode.WEBHOOK:
        application.run_webhook(
            listen=telegram.webhook.listen,
            port=telegram.webhook.port,
            url_path=telegram.webhook.path,
            webhook_url=telegram.webhook.url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
            bootstrap_retries=telegram.bootstrap_retries,
        )
    else:
        application.run_polling(
            allowed_updates=Update.ALL_TYPES, timeout=_POLL_TIMEOUT, bootstrap_retries=telegram.bootstrap_retries
        )
    return 0
