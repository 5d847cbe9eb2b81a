"""Each chat's follow-up context ("那它负责什么呢" after "法治组组长是谁"), kept in the state database.

A table of our own rather than PTB's persistence: PTB's ``BasePersistence`` holds every chat's
``chat_data`` in memory and writes it back on an interval, so memory grows with the number of chats
and a crash loses the last interval. Here a context is read when a question arrives and written
when it is answered, nothing stays in memory, a context older than ``ttl`` seconds is ignored and
deleted, and at most ``cap`` chats are kept (the least recently used go first).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from bot.state import Database
from knowledge.answer import Context


@dataclass
class ChatContexts:
    database: Database
    ttl: float
    cap: int

    def get(self, chat_key: str, now: float | None = None) -> Context | None:
        """The chat's context, or None when it has none or it is older than the TTL."""
        row = self.database.connection.execute(
            "SELECT context, updated_at FROM chat_contexts WHERE chat_key = ?", (chat_key,)
        ).fetchone()
        return stored_context(row, self.ttl, now)

    def put(self, chat_key: str, context: Context, now: float | None = None) -> None:
        self.database.connection.execute(
            "INSERT INTO chat_contexts (chat_key, context, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_key) DO UPDATE SET context = excluded.context, updated_at = excluded.updated_at",
            (chat_key, json.dumps(context.to_dict(), ensure_ascii=False), time.time() if now is None else now),
        )

    def evict(self, now: float | None = None) -> int:
        """Delete expired contexts, then the oldest beyond the cap; returns how many went."""
        cutoff = (time.time() if now is None else now) - self.ttl
        return self.database.evict("chat_contexts", "updated_at", cutoff, self.cap)

    def count(self) -> int:
        (count,) = self.database.connection.execute("SELECT count(*) FROM chat_contexts").fetchone()
        return int(count)


def stored_context(row: tuple[str, float] | None, ttl: float, now: float | None = None) -> Context | None:
    """A (context JSON, stamp) row as a Context; None when absent, older than ``ttl`` or unreadable."""
    if row is None or row[1] < (time.time() if now is None else now) - ttl:
        return None
    try:
        return Context.from_dict(json.loads(row[0]))
    except ValueError:
        return None
