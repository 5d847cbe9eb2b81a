"""Running the bot for tests: the real Application against the fake Bot API server, or the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fake_bot_api import FakeBotApi
from telegram.ext import Application

from bot.app import build_application
from bot.config import AppConfig, TelegramConfig
from bot.messages import load_messages
from knowledge.engine import Engine


def bot_config(api: FakeBotApi, **telegram: object) -> AppConfig:
    """Settings for tests: the fake server, short time-outs and retry delays, overridable."""
    defaults = {"base_url": api.base_url, "request_timeout": 2.0, "retry_delay": 0.05, "max_retries": 6}
    return AppConfig(telegram=TelegramConfig(**(defaults | telegram)))  # type: ignore[arg-type]


def application_for(api: FakeBotApi, engine: Engine, **telegram: object) -> Application:
    return build_application(bot_config(api, **telegram), engine, load_messages(), api.token)


@asynccontextmanager
async def running(application: Application) -> AsyncIterator[Application]:
    """Start as run_polling would (post_init included), long-polling the fake server; stop after."""
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(timeout=1, bootstrap_retries=5)
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


ROOT = Path(__file__).resolve().parents[1]


def run_cli(args: list[str], stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m bot ARGS`` in a fresh process, with no Telegram settings but those in ``env``."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=environment,
        timeout=120,
    )
