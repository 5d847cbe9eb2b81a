"""Shared fixtures: one engine per session (building it is the slow part); a fake Bot API server
and the bot running against it per test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from bot_process import BotProcess
from fake_bot_api import FakeBotApi
from harness import application_for, running
from telegram.ext import Application

from knowledge.engine import Engine


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.build(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBotApi]:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # RetryAfter without PTB's deprecation warning
    with FakeBotApi(retry_after=0.05, timeout_hold=1.0) as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotApi, engine: Engine) -> AsyncIterator[Application]:
    async with running(application_for(api, engine)) as application:
        yield application


@pytest.fixture
def bots() -> Iterator[list[BotProcess]]:
    """Every bot process a test starts is gone after it."""
    started: list[BotProcess] = []
    yield started
    for bot in started:
        bot.stop()
