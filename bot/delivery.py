"""Getting replies out through a flaky network and Telegram's limits, fairly, without losing or
doubling any.

``ResilientRateLimiter`` is python-telegram-bot's ``AIORateLimiter`` (at most 30 messages in any second
overall and 20 in any minute per group) plus its own handling of failures: a 429 pauses the chat it
was about (not every chat, as AIORateLimiter does), connection errors, 5xx and time-outs are retried
with exponential back-off, a request the Bot API rejected (400, 403) is not retried.

A send that failed *after* it may have reached Telegram (a read time-out, a connection lost before
the answer) is ambiguous. The policy is at-least-once, not blind: it is retried, with the read
time-out doubled each time (a slow Telegram gets the time to answer rather than a second copy),
and logged as possibly doubled. A lost answer leaves a user waiting for nothing and is worse for a
question-answering bot than a rare duplicate; README explains.

``PerChatUpdateProcessor`` answers many chats at once but one chat's updates in order, so a
follow-up question always sees the context of the one before it. Fairness: an update first waits
for its chat's turn and only then for one of ``slots`` concurrency slots, so one chat's backlog
holds at most one slot however long it is. A chat (or an inline user) with more than
``max_pending`` updates waiting is told once that it asks too much and the excess is dropped; a
message older than ``max_age`` seconds when its turn comes is dropped unanswered. Every update that
finishes, is refused or dropped is marked done in the journal; one interrupted by a shutdown is not,
and is answered after the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

from bot.journal import Journal

_LOGGER = logging.getLogger(__name__)
JSON = bool | dict[str, Any] | list[dict[str, Any]]
_UNBOUNDED = 1_000_000  # PTB's own semaphore must never bind: our slot is taken after the chat's turn
_AMBIGUOUS = (httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError)


class ResilientRateLimiter(AIORateLimiter):
    def __init__(
        self,
        overall_max_rate: float,
        group_max_rate: float,
        max_retries: int,
        retry_delay: float,
        request_timeout: float = 10.0,
    ) -> None:
        # A leaky bucket of capacity N lets a burst of N through and then N per period, so N = 30
        # would allow 60 messages in one second. Capacity 1 leaking every 1/30 s never exceeds 30
        # (31 at a window's edge) in any second, and 20 in any minute for a group.
        # max_retries=0: AIORateLimiter re-raises a 429 at once instead of pausing every chat.
        super().__init__(
            overall_max_rate=1,
            overall_time_period=1 / overall_max_rate,
            group_max_rate=1,
            group_time_period=60 / group_max_rate,
            max_retries=0,
        )
        self._retries = max_retries
        self._retry_delay = retry_delay
        self._request_timeout = request_timeout
        self._paused_until: dict[str, float] = {}  # chat_id → monotonic time its 429 pause ends

    async def process_request(
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        chat = str(data["chat_id"]) if data.get("chat_id") is not None else None
        for attempt in range(self._retries + 1):
            await self._wait_for_pause(chat)
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, None)
            except BadRequest:
                raise
            except RetryAfter as error:
                if attempt == self._retries:
                    raise
                pause = retry_seconds(error)
                _LOGGER.info("%s: 429, chat %s paused %.1f s", endpoint, chat or "-", pause)
                if chat is None:
                    await asyncio.sleep(pause)  # a chat-less request (inline answer) waits alone
                else:
                    until = time.monotonic() + pause
                    self._paused_until[chat] = max(until, self._paused_until.get(chat, 0.0))
            except NetworkError as error:
                if attempt == self._retries:
                    raise
                delay = self._retry_delay * 2**attempt
                if isinstance(error.__cause__, _AMBIGUOUS):
                    kwargs = kwargs | {"read_timeout": self._request_timeout * 2 ** (attempt + 1)}
                    _LOGGER.warning(
                        "%s to chat %s may have been delivered (%s); resending in %.1f s, may arrive twice",
                        endpoint,
                        chat or "-",
                        type(error.__cause__).__name__,
                        delay,
                    )
                else:
                    _LOGGER.warning("%s failed (%s); retry %d in %.1f s", endpoint, error, attempt + 1, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    async def _wait_for_pause(self, chat: str | None) -> None:
        while chat is not None and (until := self._paused_until.get(chat)) is not None:
            remaining = until - time.monotonic()
            if remaining <= 0:
                self._paused_until.pop(chat, None)  # forget ended pauses: memory stays flat
                return
            await asyncio.sleep(remaining)


def retry_seconds(error: RetryAfter) -> float:
    value = error._retry_after  # a timedelta whatever PTB_TIMEDELTA says
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


def chat_key(update: object) -> str | None:
    """What one update queues behind: its chat, else its sender (inline queries), else nothing."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return str(update.effective_chat.id)
    if update.effective_user is not None:
        return f"user:{update.effective_user.id}"
    return None


@dataclass
class _Chat:
    """One chat's turn-taking: its lock, how many of its updates wait or run, and whether it was told."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    waiting: int = 0
    told: bool = False


Refusal = Callable[[Update], Awaitable[None]]


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Many chats at once, one chat's updates in order; a chat's turn is taken before a slot."""

    def __init__(
        self,
        slots: int,
        journal: Journal | None = None,
        max_pending: int = 30,
        max_age: float = 900.0,
    ) -> None:
        super().__init__(_UNBOUNDED)
        self.slots = slots
        self.journal = journal
        self.max_pending = max_pending
        self.max_age = max_age
        self.refuse: Refusal | None = None  # set by build_application: says "您的问题太多，请稍后再问"
        self._slots = asyncio.Semaphore(slots)
        self._chats: dict[str, _Chat] = {}
        self._tasks: dict[asyncio.Task[Any], bool] = {}  # task → running (True) or waiting its turn
        self._stopping = False
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def _locks(self) -> dict[str, asyncio.Lock]:
        """The chats that have a lock right now (the burst test checks none is kept)."""
        return {key: chat.lock for key, chat in self._chats.items()}

    @property
    def _waiting(self) -> dict[str, int]:
        return {key: chat.waiting for key, chat in self._chats.items()}

    def busy(self) -> int:
        """Updates waiting or running."""
        return len(self._tasks)

    async def wait_idle(self) -> None:
        """Until no update waits or runs (tests and benchmarks)."""
        await self._idle.wait()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._stopping:  # left in the journal for the next start
            _close(coroutine)
            return
        task = asyncio.current_task()
        assert task is not None
        self._tasks[task] = False
        self._idle.clear()
        try:
            await self._schedule(update, coroutine, task)
        finally:
            del self._tasks[task]
            if not self._tasks:
                self._idle.set()

    async def _schedule(self, update: object, coroutine: Awaitable[Any], task: asyncio.Task[Any]) -> None:
        key = chat_key(update)
        if key is None:
            async with self._slots:
                self._tasks[task] = True
                await self._run(update, coroutine)
            return
        chat = self._chats.setdefault(key, _Chat())
        if chat.waiting >= self.max_pending:
            _close(coroutine)
            await self._refuse(update, chat)
            return
        chat.waiting += 1
        try:
            async with chat.lock, self._slots:  # the chat's turn first, then a slot
                self._tasks[task] = True
                if self._too_old(update):
                    _close(coroutine)
                    _LOGGER.info("update %s dropped: older than %.0f s", _update_id(update), self.max_age)
                    self._done(update)
                    return
                await self._run(update, coroutine)
        finally:
            chat.waiting -= 1
            if not chat.waiting:  # forget idle chats: memory stays flat under bursts
                del self._chats[key]
            _close(coroutine)  # cancelled while waiting: never started (a no-op once it has run)

    async def _run(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine
        self._done(update)

    async def _refuse(self, update: object, chat: _Chat) -> None:
        _LOGGER.warning("update %s refused: its chat has %d updates waiting", _update_id(update), chat.waiting)
        self._done(update)
        if chat.told or self.refuse is None or not isinstance(update, Update):
            return
        chat.told = True  # once per backlog: the chat is forgotten, and may be told again, once it drains
        with contextlib.suppress(Exception):
            await self.refuse(update)

    def _too_old(self, update: object) -> bool:
        if not isinstance(update, Update):
            return False
        message = update.message or update.edited_message
        if message is None:
            return False
        sent = message.edit_date or message.date
        return (dtm.datetime.now(dtm.UTC) - sent).total_seconds() > self.max_age

    def _done(self, update: object) -> None:
        update_id = _update_id(update)
        if self.journal is not None and update_id is not None:
            self.journal.mark_done(update_id)

    async def drain(self, deadline: float) -> int:
        """Stop taking updates: those waiting their turn are left in the journal, those running get
        until ``deadline`` (seconds) to finish and are then interrupted. Returns how many were left."""
        self._stopping = True
        left = 0
        for task, running in list(self._tasks.items()):
            if not running:
                task.cancel()
                left += 1
        running_tasks = [task for task, running in self._tasks.items() if running]
        if running_tasks:
            _done, late = await asyncio.wait(running_tasks, timeout=deadline)
            for task in late:
                task.cancel()
            left += len(late)
            if late:
                await asyncio.wait(late, timeout=1.0)
        return left

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def _update_id(update: object) -> int | None:
    return update.update_id if isinstance(update, Update) else None


def _close(coroutine: Awaitable[Any]) -> None:
    """A handler coroutine that will never run: closed, so Python does not warn it was never awaited."""
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()
