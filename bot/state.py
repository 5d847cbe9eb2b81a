"""The bot's durable state: one SQLite database (standard library, WAL mode) in the state directory.

Tables are created by numbered migrations, applied in order and recorded in ``PRAGMA user_version``,
so a feature (the question log, migration 2; the answer messages, migration 3) adds a table by appending one script to ``MIGRATIONS``
and an older database is brought up to date on the next start. The connection is used from the event
loop's thread only; every write is one short transaction.

WAL with ``synchronous=NORMAL``: a committed transaction survives the process being killed (the
case that matters, SIGKILL or a crash); only a power loss may take back the last few.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "bot.sqlite3"

MIGRATIONS: tuple[str, ...] = (
    # 1: the update journal, chat contexts, and small key/value facts (the last update_id seen).
    """
    CREATE TABLE updates (
        update_id   INTEGER PRIMARY KEY,
        chat_key    TEXT,
        received_at REAL NOT NULL,
        payload     TEXT,
        done_at     REAL
    );
    CREATE INDEX updates_done_at ON updates (done_at);
    CREATE TABLE chat_contexts (
        chat_key   TEXT PRIMARY KEY,
        context    TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE INDEX chat_contexts_updated_at ON chat_contexts (updated_at);
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: the question log (bot/questionlog.py): one row a question, no user id or name in clear; and
    # the 👎 prompts awaiting their one-line comment, keyed by a hash of the chat and the prompt.
    """
    CREATE TABLE questions (
        id          INTEGER PRIMARY KEY,
        asked_at    REAL NOT NULL,
        notice      TEXT NOT NULL,
        chat_type   TEXT NOT NULL,
        user_hash   TEXT NOT NULL,
        question    TEXT NOT NULL,
        outcome     TEXT NOT NULL,
        kind        TEXT NOT NULL,
        topic       TEXT NOT NULL,
        confidence  REAL NOT NULL,
        latency_ms  REAL NOT NULL,
        vote        INTEGER,
        comment     TEXT
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE TABLE comment_prompts (
        prompt_key  TEXT PRIMARY KEY,
        question_id INTEGER NOT NULL,
        user_hash   TEXT NOT NULL,
        expires_at  REAL NOT NULL
    );
    """,
    # 3: the bot's answer messages (bot/sent.py): which question each answered, so an edited question
    # edits its answer, and the context it left, so a reply to it continues from its subject. No text.
    """
    CREATE TABLE sent_answers (
        chat_key    TEXT NOT NULL,
        message_id  INTEGER NOT NULL,
        question_id INTEGER,
        part        INTEGER NOT NULL,
        context     TEXT NOT NULL,
        sent_at     REAL NOT NULL,
        PRIMARY KEY (chat_key, message_id)
    );
    CREATE INDEX sent_answers_question ON sent_answers (chat_key, question_id);
    CREATE INDEX sent_answers_sent_at ON sent_answers (sent_at);
    """,
)


class StateError(RuntimeError):
    """The state directory or its database cannot be used; the message names the path."""


@dataclass
class Database:
    """An open, migrated state database."""

    connection: sqlite3.Connection
    path: Path | None

    @classmethod
    def open(cls, directory: Path | None) -> Database:
        """Open (creating and migrating) ``directory/bot.sqlite3``; ``None``: a private in-memory one."""
        path = None if directory is None else directory / DATABASE_NAME
        try:
            if directory is not None:
                directory.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(":memory:" if path is None else path, isolation_level=None)
            connection.execute("PRAGMA busy_timeout = 5000")
            if path is not None:
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            migrate(connection)
        except (OSError, sqlite3.Error) as error:
            raise StateError(f"{path or directory}: {error}") from None
        return cls(connection, path)

    def close(self) -> None:
        self.connection.close()

    def evict(self, table: str, stamp: str, cutoff: float, cap: int) -> int:
        """Delete ``table``'s rows whose ``stamp`` is before ``cutoff``, then the oldest beyond ``cap``;
        returns how many went. (Table and column names are the module's own, never user input.)"""
        connection = self.connection
        removed = connection.execute(f"DELETE FROM {table} WHERE {stamp} < ?", (cutoff,)).rowcount
        (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        if count > cap:
            removed += connection.execute(
                f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} ORDER BY {stamp} LIMIT ?)",
                (count - cap,),
            ).rowcount
        return removed


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations the database has not seen yet; returns its version afterwards."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError(f"written by a newer version of the bot (schema {version})")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, script.split(";")):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)
