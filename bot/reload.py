"""Hot reload: the notices rebuilt from their data files (SIGHUP, or /reload from an admin), no restart.

The new library (every notice's engine) is built off the event loop, on a thread of its own, while
the old one keeps answering. Only when it built (every file passed validation) is the shared
``Services`` in ``bot_data`` replaced by a copy holding it, and the inline search's cards made from
it: one assignment, so every handler that starts afterwards sees the new knowledge and every
question already under way finishes on the old (a handler reads ``Services`` once). A failed build
changes nothing: the reason is logged and given to the admin. Reloads run one at a time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field, replace

from telegram.ext import Application

from bot import search
from bot.answering import WorkerPool
from bot.config import AppConfig
from knowledge.library import Library

_LOGGER = logging.getLogger(__name__)
_BUILD_BUDGET = 300.0  # seconds a rebuild may take before it is given up (it takes a few)


@dataclass(frozen=True)
class Reloaded:
    """How a reload went: ``reason`` says why it failed; ``facts`` counts the new knowledge."""

    ok: bool
    seconds: float
    facts: int = 0
    reason: str = ""


@dataclass
class Reloader:
    application: Application
    config: AppConfig
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _pool: WorkerPool = field(default_factory=lambda: WorkerPool(1))
    _tasks: set[asyncio.Task[Reloaded]] = field(default_factory=set)

    def spawn(self, trigger: str) -> None:
        """Reload in the background (a signal handler cannot wait)."""
        task = asyncio.ensure_future(self.reload(trigger))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def reload(self, trigger: str) -> Reloaded:
        async with self._lock:
            started = time.monotonic()
            try:
                library = await self._pool.run(_BUILD_BUDGET, self._build)
            except Exception as error:  # whatever went wrong, the old knowledge stays
                reason = str(error) or type(error).__name__
                _LOGGER.error(
                    "reload (%s) failed, still answering from the knowledge loaded before: %s", trigger, reason
                )
                return Reloaded(False, time.monotonic() - started, reason=reason)
            services = self.application.bot_data["services"]
            cards = search.cards(library.first.kb, services.messages.inline_cards)
            self.application.bot_data["services"] = replace(services, engine=library, cards=cards)
            seconds = time.monotonic() - started
            facts = sum(len(notice.engine.kb.facts) for notice in library.notices)
            _LOGGER.info(
                "reload (%s): knowledge reloaded in %.1f s, %d notices, %d facts",
                trigger,
                seconds,
                len(library.notices),
                facts,
            )
            return Reloaded(True, seconds, facts)

    def _build(self) -> Library:
        config = self.config
        return Library.build(config.notice_dirs(), config.engine, config.cache_path())

    def close(self) -> None:
        self._pool.close()
