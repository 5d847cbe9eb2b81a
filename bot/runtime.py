"""Running the bot: start-up, the journal replayed first, intake (long polling or webhook),
housekeeping, and a shutdown that finishes within a deadline.

Start: ``getMe`` (a rejected token is a start-up failure: exit 2), command menus, the updates the
journal holds unfinished, then ``deleteWebhook`` + polling or ``setWebhook`` + our server. Stop
(SIGTERM/SIGINT): stop fetching at once, give running answers ``shutdown_deadline`` seconds, leave
everything else in the journal for the next start. A fatal polling error (token revoked) stops
the bot with exit code 1 so that a supervisor restarts it and notices.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from telegram import Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application

from bot.config import AppConfig, DeliveryConfig, QuestionLogConfig, RunMode
from bot.contexts import ChatContexts
from bot.delivery import PerChatUpdateProcessor
from bot.health import LIVENESS_NAME, Liveness
from bot.intake import FatalPollingError, Poller
from bot.journal import Journal
from bot.questionlog import QuestionLog
from bot.sent import SentAnswers
from bot.state import Database
from bot.webhook import WebhookServer

_LOGGER = logging.getLogger(__name__)
POLL_TIMEOUT = 30.0  # seconds a getUpdates long poll may wait for updates
_HOUSEKEEPING_EVERY = 30.0
EXIT_OK, EXIT_FATAL = 0, 1


@dataclass
class BotState:
    """The state database and what lives in it."""

    database: Database
    journal: Journal
    contexts: ChatContexts
    liveness: Liveness
    questions: QuestionLog
    sent: SentAnswers

    @classmethod
    def open(
        cls, directory: Path | None, delivery: DeliveryConfig, question_log: QuestionLogConfig | None = None
    ) -> BotState:
        """The state in ``directory`` (created); None: in memory, for tests. Raises StateError."""
        database = Database.open(directory)
        liveness = Liveness(None if directory is None else directory / LIVENESS_NAME)
        contexts = ChatContexts(database, delivery.context_ttl, delivery.max_contexts)
        questions = QuestionLog.open(database, directory, question_log or QuestionLogConfig())
        sent = SentAnswers(database, delivery.context_ttl, delivery.max_contexts)
        return cls(database, Journal(database), contexts, liveness, questions, sent)

    def close(self) -> None:
        self.database.close()


@dataclass
class Runtime:
    application: Application
    config: AppConfig
    state: BotState
    secret: str | None = None
    poll_timeout: float = POLL_TIMEOUT
    webhook_port: int | None = None
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _webhook: WebhookServer | None = None
    _fatal: str | None = None
    _started: bool = False

    @property
    def processor(self) -> PerChatUpdateProcessor:
        processor = self.application.update_processor
        assert isinstance(processor, PerChatUpdateProcessor)
        return processor

    async def start(self) -> None:
        """Raises InvalidToken or TelegramError when Telegram cannot be reached or refuses the bot."""
        application, telegram = self.application, self.config.telegram
        await application.initialize()  # getMe
        if application.post_init:
            await application.post_init(application)
        await application.start()
        self._started = True
        replayed = self._replay()
        if replayed:
            _LOGGER.info("answering %d updates left from the last run first", replayed)
        if telegram.mode is RunMode.WEBHOOK:
            assert self.secret and telegram.webhook.url
            await self._bootstrap(
                lambda: application.bot.set_webhook(
                    telegram.webhook.url, secret_token=self.secret, allowed_updates=Update.ALL_TYPES
                )
            )
            self._webhook = WebhookServer(
                application, self.state.journal, telegram.webhook, self.secret, port=self.webhook_port
            )
            self._webhook.start()
            self._spawn(self._heartbeat())
        else:
            await self._bootstrap(lambda: application.bot.delete_webhook(drop_pending_updates=False))
            poller = Poller(
                application,
                self.state.journal,
                self.state.liveness,
                self.poll_timeout,
                telegram.request_timeout,
                telegram.retry_delay,
            )
            self._spawn(self._guard(poller.run()))
        self._spawn(self._housekeeping())

    def _replay(self) -> int:
        pending = self.state.journal.pending()
        for entry in pending:
            update = Update.de_json(entry.payload, self.application.bot)
            if update is None:
                self.state.journal.mark_done(entry.update_id)
                continue
            self.application.update_queue.put_nowait(update)
        return len(pending)

    async def _bootstrap(self, call: object) -> None:
        """deleteWebhook / setWebhook, retried ``bootstrap_retries`` times (-1: forever)."""
        telegram = self.config.telegram
        attempt = 0
        while True:
            try:
                await call()  # type: ignore[operator]
                return
            except InvalidToken:
                raise
            except TelegramError as error:
                if 0 <= telegram.bootstrap_retries <= attempt:
                    raise
                delay = min(30.0, telegram.retry_delay * 2**attempt)
                _LOGGER.warning("start-up call failed (%s); retry in %.1f s", error, delay)
                attempt += 1
                await asyncio.sleep(delay)

    def _spawn(self, coroutine: object) -> None:
        self._tasks.append(asyncio.ensure_future(coroutine))  # type: ignore[arg-type]

    async def _guard(self, coroutine: object) -> None:
        try:
            await coroutine  # type: ignore[misc]
        except FatalPollingError as error:
            _LOGGER.critical("Telegram rejects the bot (%s): stopping so that the supervisor restarts it", error)
            self._fatal = str(error)
            self._stop.set()

    async def _heartbeat(self) -> None:
        while True:
            self.state.liveness.touch()
            await asyncio.sleep(min(15.0, self.config.delivery.health_max_age / 4))

    async def _housekeeping(self) -> None:
        delivery = self.config.delivery
        while True:
            try:
                pruned = self.state.journal.prune(delivery.journal_keep)
                evicted = self.state.contexts.evict() + self.state.sent.evict()
                expired = self.state.questions.prune()
                if pruned or evicted or expired:
                    _LOGGER.info(
                        "housekeeping: %d done updates, %d contexts and answer messages and %d logged questions forgotten",
                        pruned,
                        evicted,
                        expired,
                    )
            except Exception:
                _LOGGER.exception("housekeeping failed")
            await asyncio.sleep(_HOUSEKEEPING_EVERY)

    def request_stop(self) -> None:
        """SIGTERM / SIGINT: begin a graceful stop."""
        self._stop.set()

    async def wait(self) -> int:
        """Until a stop is requested or polling fails fatally; returns the exit code."""
        await self._stop.wait()
        return EXIT_FATAL if self._fatal else EXIT_OK

    async def stop(self) -> int:
        """Stop fetching, finish running answers within the deadline, close. Returns updates left."""
        started = time.monotonic()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if self._webhook is not None:
            await self._webhook.stop()
        left = 0
        if self._started:
            left = await self.processor.drain(self.config.delivery.shutdown_deadline)
            await self.application.stop()
        with contextlib.suppress(Exception):
            await self.application.shutdown()
        self.application.bot_data["services"].pool.close()
        if self._started:
            _LOGGER.info("stopped in %.1f s; %d updates left for the next start", time.monotonic() - started, left)
        return left
