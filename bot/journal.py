"""The update journal: every update is written down before Telegram is told it arrived, and marked
done once its reply is out, so a crash loses nothing and a repeat is answered once.

Polling confirms an update to Telegram only with the *next* ``getUpdates`` offset, which is asked
for after ``record`` has committed; a webhook answers 200 only after ``record`` has committed. On
start, ``pending`` returns what was received but never finished, oldest first, to be answered
before anything new. ``record`` skips update_ids it has seen (done or not), for as long as done
rows are kept (``journal_keep``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass

from bot.state import Database

_LAST_UPDATE_ID = "last_update_id"


@dataclass(frozen=True)
class Entry:
    """One update as the journal holds it: its id, the chat it belongs to and the Bot API JSON."""

    update_id: int
    chat_key: str | None
    payload: dict[str, object]


@dataclass
class Journal:
    database: Database

    def record(self, entries: Iterable[Entry], now: float | None = None) -> list[Entry]:
        """Write the entries in one transaction; returns those never seen before, in order."""
        connection = self.database.connection
        stamp = time.time() if now is None else now
        fresh: list[Entry] = []
        highest: int | None = None
        connection.execute("BEGIN IMMEDIATE")
        try:
            for entry in entries:
                cursor = connection.execute(
                    "INSERT OR IGNORE INTO updates (update_id, chat_key, received_at, payload) VALUES (?, ?, ?, ?)",
                    (entry.update_id, entry.chat_key, stamp, json.dumps(entry.payload, ensure_ascii=False)),
                )
                if cursor.rowcount == 1:
                    fresh.append(entry)
                highest = entry.update_id if highest is None else max(highest, entry.update_id)
            if highest is not None:
                connection.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                    "SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
                    (_LAST_UPDATE_ID, str(highest)),
                )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return fresh

    def mark_done(self, update_id: int, now: float | None = None) -> None:
        """The update needs nothing more: its reply was sent, or it was deliberately dropped."""
        self.database.connection.execute(
            "UPDATE updates SET done_at = ?, payload = NULL WHERE update_id = ? AND done_at IS NULL",
            (time.time() if now is None else now, update_id),
        )

    def pending(self) -> list[Entry]:
        """Updates received but not done, oldest first."""
        rows = self.database.connection.execute(
            "SELECT update_id, chat_key, payload FROM updates WHERE done_at IS NULL ORDER BY update_id"
        )
        return [Entry(update_id, chat_key, json.loads(payload)) for update_id, chat_key, payload in rows]

    def last_update_id(self) -> int | None:
        """The highest update_id ever recorded (kept when its row is pruned): the next offset is one more."""
        row = self.database.connection.execute("SELECT value FROM meta WHERE key = ?", (_LAST_UPDATE_ID,)).fetchone()
        return int(row[0]) if row else None

    def prune(self, keep_seconds: float, now: float | None = None) -> int:
        """Forget done updates older than ``keep_seconds``; returns how many."""
        cutoff = (time.time() if now is None else now) - keep_seconds
        cursor = self.database.connection.execute("DELETE FROM updates WHERE done_at < ?", (cutoff,))
        return cursor.rowcount

    def counts(self) -> tuple[int, int]:
        """(pending, done) rows: for the health check, tests and benchmarks."""
        row = self.database.connection.execute(
            "SELECT count(*) - count(done_at), count(done_at) FROM updates"
        ).fetchone()
        return int(row[0]), int(row[1])
