"""Updates in, journal first: long polling without PTB's Updater.

PTB's Updater confirms a batch (the next ``getUpdates`` offset) as soon as it is queued in memory,
so a crash loses it. ``Poller`` writes each batch to the journal, and only then puts the updates it
has not seen before on ``application.update_queue`` and asks for the next batch, whose offset
confirms this one. Each successful poll touches the liveness file. A rejected token while running
is fatal (the supervisor restarts the process); network trouble, 5xx, 429 and a conflicting
poller are waited out with back-off.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import Update
from telegram.error import Conflict, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application

from bot.delivery import chat_key, retry_seconds
from bot.health import Liveness
from bot.journal import Entry, Journal

_LOGGER = logging.getLogger(__name__)
_MAX_BACKOFF = 30.0


class FatalPollingError(RuntimeError):
    """Telegram refuses this bot (token revoked or wrong): retrying cannot help."""


def entries(updates: Sequence[Update]) -> list[Entry]:
    return [Entry(u.update_id, chat_key(u), u.to_dict()) for u in updates]


async def accept(application: Application, journal: Journal, updates: Sequence[Update]) -> int:
    """Journal a batch, then queue the updates not seen before; returns how many were queued."""
    fresh = {entry.update_id for entry in journal.record(entries(updates))}
    for update in updates:
        if update.update_id in fresh:
            await application.update_queue.put(update)
    return len(fresh)


@dataclass
class Poller:
    application: Application
    journal: Journal
    liveness: Liveness
    poll_timeout: float = 30.0
    request_timeout: float = 10.0
    retry_delay: float = 0.5

    async def run(self) -> None:
        """Poll until cancelled; raises FatalPollingError when Telegram rejects the token."""
        bot = self.application.bot
        last = self.journal.last_update_id()
        offset = None if last is None else last + 1
        failures = 0
        while True:
            try:
                updates = await bot.get_updates(
                    offset=offset,
                    timeout=int(self.poll_timeout),
                    allowed_updates=Update.ALL_TYPES,
                    read_timeout=self.poll_timeout + self.request_timeout,
                )
            except (InvalidToken, Forbidden) as error:
                raise FatalPollingError(f"getUpdates: {type(error).__name__}") from None
            except RetryAfter as error:
                _LOGGER.warning("getUpdates: 429, waiting %.1f s", retry_seconds(error))
                await asyncio.sleep(retry_seconds(error))
                continue
            except (Conflict, TelegramError) as error:
                delay = min(_MAX_BACKOFF, self.retry_delay * 2**failures)
                failures += 1
                _LOGGER.warning("getUpdates failed (%s); retry in %.1f s", error, delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            self.liveness.touch()
            if updates:
                await accept(self.application, self.journal, updates)
                offset = updates[-1].update_id + 1
