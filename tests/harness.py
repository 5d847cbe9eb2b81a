"""Running the bot for tests: the real Application against the fake Bot API server, or the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fake_bot_api import FakeBotApi
from telegram.ext import Application

from bot.app import build_application
from bot.config import AppConfig, DeliveryConfig, TelegramConfig
from bot.messages import load_messages
from bot.runtime import Runtime
from knowledge.engine import Engine
from knowledge.library import Library
from knowledge.loader import BUNDLED


def bot_config(api: FakeBotApi, delivery: dict[str, object] | None = None, **telegram: object) -> AppConfig:
    """Settings for tests: the fake server, short time-outs, retry delays and shutdown, overridable."""
    defaults = {"base_url": api.base_url, "request_timeout": 2.0, "retry_delay": 0.05, "max_retries": 6}
    scheduling = {"shutdown_deadline": 1.0} | (delivery or {})
    return AppConfig(
        telegram=TelegramConfig(**(defaults | telegram)),  # type: ignore[arg-type]
        delivery=DeliveryConfig(**scheduling),  # type: ignore[arg-type]
    )


def application_for(
    api: FakeBotApi, engine: Engine, delivery: dict[str, object] | None = None, **telegram: object
) -> Application:
    library = engine if isinstance(engine, Library) else Library.of(engine)
    return build_application(bot_config(api, delivery, **telegram), library, load_messages(), api.token)


def runtime_for(application: Application, config: AppConfig | None = None, **options: object) -> Runtime:
    """The bot's own runtime (journal, intake, shutdown) around ``application``, polling each second."""
    state, built_with = application.bot_data["state"], application.bot_data["config"]
    return Runtime(application, config or built_with, state, poll_timeout=1.0, **options)  # type: ignore[arg-type]


@asynccontextmanager
async def running(application: Application, config: AppConfig | None = None) -> AsyncIterator[Application]:
    """Start as ``python -m bot`` would (post_init, journal, long polling the fake server); stop after."""
    runtime = runtime_for(application, config)
    await runtime.start()
    try:
        yield application
    finally:
        await runtime.stop()


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


def copy_knowledge(directory: Path) -> Path:
    """A copy of the bundled notice's directory in ``directory``, for a bot whose ``notices`` name it."""
    data = directory / BUNDLED.name
    shutil.copytree(BUNDLED, data)
    return data


def rename_in(data: Path, old: str, new: str) -> None:
    """Rename someone in the notice and its facts both (every quote must stand in the notice)."""
    for name in ("notice.txt", "facts.yaml"):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
