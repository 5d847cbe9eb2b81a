"""Getting replies out through a flaky network and Telegram's limits, without losing or doubling any.

``ResilientRateLimiter`` is python-telegram-bot's ``AIORateLimiter`` (at most 30 messages in any second
overall and 20 in any minute per group, waiting out 429 ``retry_after``) plus retries of transient failures: connection
errors, 5xx and time-outs, with exponential back-off. A request the Bot API rejected (400, 403) is
not retried. ``PerChatUpdateProcessor`` answers many chats at once but one chat's updates in order,
so a follow-up question always sees the context of the one before it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

_LOGGER = logging.getLogger(__name__)
JSON = bool | dict[str, Any] | list[dict[str, Any]]


class ResilientRateLimiter(AIORateLimiter):
    def __init__(self, overall_max_rate: float, group_max_rate: float, max_retries: int, retry_delay: float) -> None:
        # A leaky bucket of capacity N lets a burst of N through and then N per period, so N = 30
        # would allow 60 messages in one second. Capacity 1 leaking every 1/30 s never exceeds 30
        # (31 at a window's edge) in any second, and 20 in any minute for a group.
        super().__init__(
            overall_max_rate=1,
            overall_time_period=1 / overall_max_rate,
            group_max_rate=1,
            group_time_period=60 / group_max_rate,
            max_retries=max_retries,
        )
        self._transient_retries = max_retries
        self._retry_delay = retry_delay

    async def process_request(
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        for attempt in range(self._transient_retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise
            except NetworkError as error:
                if attempt == self._transient_retries:
                    raise
                delay = self._retry_delay * 2**attempt
                _LOGGER.warning("%s failed (%s); retry %d in %.1f s", endpoint, error, attempt + 1, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` at once, but never two of the same chat at the same time."""

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._waiting[chat.id] = self._waiting.get(chat.id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[chat.id] -= 1
            if not self._waiting[chat.id]:  # forget idle chats: memory stays flat under bursts
                del self._waiting[chat.id], self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
