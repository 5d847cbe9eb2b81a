"""The bot's answer messages, remembered for a while: which question each one answered and the context
it left, kept in the state database (table ``sent_answers``, migration 3).

Two things need them: an edited question edits the answer it got (its messages, in order), and a reply
to one of the bot's answers continues from that answer's subject, whoever replies (in a group, the
asker's own context is someone else's). In the database rather than in memory, like the chat contexts
(bot/contexts.py): nothing per chat stays in the process, a restart keeps them, and an edit arriving
after a restart still finds its answer. Bounded the same way: rows older than ``ttl`` seconds are
ignored and deleted, and at most ``cap`` messages are kept (the oldest go first). No text is stored,
only message ids and the answer's context (the ids of what it was about).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from bot.contexts import stored_context
from bot.state import Database
from knowledge.answer import Context


@dataclass
class SentAnswers:
    database: Database
    ttl: float
    cap: int

    def record(
        self,
        chat_key: str,
        question_id: int | None,
        message_ids: list[int],
        context: Context,
        now: float | None = None,
    ) -> None:
        """The messages (in order) that answer ``question_id`` (the asker's message; None for a tapped
        button), each with the context the answer left. Replaces what that question had before."""
        connection = self.database.connection
        stamp = time.time() if now is None else now
        encoded = json.dumps(context.to_dict(), ensure_ascii=False)
        connection.execute("BEGIN")
        try:
            if question_id is not None:
                connection.execute(
                    "DELETE FROM sent_answers WHERE chat_key = ? AND question_id = ?", (chat_key, question_id)
                )
            connection.executemany(
                "INSERT OR REPLACE INTO sent_answers (chat_key, message_id, question_id, part, context, sent_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(chat_key, m, question_id, part, encoded, stamp) for part, m in enumerate(message_ids)],
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def answer_to(self, chat_key: str, question_id: int, now: float | None = None) -> list[int]:
        """The message ids that answered the question, in order; empty when unknown or expired."""
        cutoff = (time.time() if now is None else now) - self.ttl
        rows = self.database.connection.execute(
            "SELECT message_id FROM sent_answers WHERE chat_key = ? AND question_id = ? AND sent_at >= ? ORDER BY part",
            (chat_key, question_id, cutoff),
        ).fetchall()
        return [row[0] for row in rows]

    def context_of(self, chat_key: str, message_id: int, now: float | None = None) -> Context | None:
        """The context an answer message left, or None when it is not one of ours (or expired)."""
        row = self.database.connection.execute(
            "SELECT context, sent_at FROM sent_answers WHERE chat_key = ? AND message_id = ?", (chat_key, message_id)
        ).fetchone()
        return stored_context(row, self.ttl, now)

    def evict(self, now: float | None = None) -> int:
        """Delete expired rows, then the oldest beyond the cap; returns how many went."""
        cutoff = (time.time() if now is None else now) - self.ttl
        return self.database.evict("sent_answers", "sent_at", cutoff, self.cap)

    def count(self) -> int:
        (count,) = self.database.connection.execute("SELECT count(*) FROM sent_answers").fetchone()
        return int(count)
