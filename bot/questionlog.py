"""The question log: every question asked in Telegram, its outcome and any 👍/👎, in the state database.

A row holds the time, the notice, the chat type, a salted hash of the asker's user id (HMAC-SHA256;
never the id, a name or a username), the question, its outcome (answered / declined / unstated /
error), the type of fact that answered it, its topic, the confidence and the latency, and later the
vote and the one-line comment. The salt is made once and kept in a file of its own in the state
directory (mode 0600), not in the database, so a copy of the database handed to someone for analysis
does not let them test a user id against the hashes. Rows older than ``retention_days`` are deleted.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from bot.config import QuestionLogConfig
from bot.layout import subjects_of
from bot.state import Database, StateError
from knowledge.answer import Answer
from knowledge.library import Library

SALT_NAME = "question_log.salt"
ERROR = "error"  # no answer at all: past the time budget
UP, DOWN = 1, -1
_COMMENT_CHARS = 500
_DAY = 86400.0


@dataclass(frozen=True)
class Asked:
    """One question as the log keeps it."""

    notice: str
    chat_type: str
    user_hash: str
    question: str
    outcome: str
    kind: str
    topic: str
    confidence: float
    latency_ms: float


@dataclass(frozen=True)
class Logged:
    """A row read back, for the report."""

    id: int
    asked_at: float
    asked: Asked
    vote: int | None
    comment: str | None


def asked(library: Library, answer: Answer, chat_type: str, user_hash: str, latency: float) -> Asked:
    """The log's record of ``answer``: the notice it names (its 文号 or title), its type the kind of the
    first fact it cites (leader, duty …), its topic the first subject it is about (a group, person or
    unit), both empty when it cites no fact (a decline keeps the context before it: not its topic)."""
    kb = library.kb_for(answer)
    fact = kb.facts.get(answer.facts[0]) if answer.facts else None
    subjects = subjects_of(kb, answer) if fact is not None else ()
    return Asked(
        notice=answer.notice,
        chat_type=chat_type,
        user_hash=user_hash,
        question=answer.question,
        outcome=answer.outcome,
        kind=fact.kind.value if fact is not None else "",
        topic=subjects[0] if subjects else "",
        confidence=answer.confidence,
        latency_ms=latency * 1000,
    )


@dataclass
class QuestionLog:
    database: Database
    salt: bytes
    config: QuestionLogConfig

    @classmethod
    def open(cls, database: Database, directory: Path | None, config: QuestionLogConfig) -> QuestionLog:
        """The log in ``database``, its salt from ``salt_file``, else ``directory``'s (made on first use);
        ``directory`` None (tests): a salt for this process only. Raises StateError."""
        return cls(database, _salt(directory, config.salt_file), config)

    @property
    def enabled(self) -> bool:
        return self.config.enabled

    def hash(self, value: int | str) -> str:
        """A user id (or a chat and message) as stored: salted, one-way, 128 bits in hex."""
        return hmac.new(self.salt, str(value).encode(), hashlib.sha256).hexdigest()[:32]

    def record(self, question: Asked, now: float | None = None) -> int | None:
        """Log a question; its row id (for the 👍/👎 buttons), or None when the log is off."""
        if not self.enabled:
            return None
        cursor = self.database.connection.execute(
            "INSERT INTO questions (asked_at, notice, chat_type, user_hash, question, outcome, kind, topic, "
            "confidence, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                time.time() if now is None else now,
                question.notice,
                question.chat_type,
                question.user_hash,
                question.question,
                question.outcome,
                question.kind,
                question.topic,
                question.confidence,
                question.latency_ms,
            ),
        )
        return cursor.lastrowid

    def vote(self, question_id: int, user_hash: str, vote: int) -> bool:
        """The asker's 👍 (UP) or 👎 (DOWN) on their question; False when the row is not theirs or gone."""
        cursor = self.database.connection.execute(
            "UPDATE questions SET vote = ? WHERE id = ? AND user_hash = ?", (vote, question_id, user_hash)
        )
        return cursor.rowcount == 1

    def await_comment(
        self, chat_id: int, prompt_id: int, question_id: int, user_hash: str, now: float | None = None
    ) -> None:
        """After 👎: a reply by the same user to prompt message ``prompt_id`` in the chat is the comment."""
        expires = (time.time() if now is None else now) + self.config.comment_timeout
        self.database.connection.execute(
            "INSERT OR REPLACE INTO comment_prompts (prompt_key, question_id, user_hash, expires_at) VALUES (?, ?, ?, ?)",
            (self.hash(f"{chat_id}:{prompt_id}"), question_id, user_hash, expires),
        )

    def take_comment(self, chat_id: int, prompt_id: int, user_hash: str, text: str, now: float | None = None) -> bool:
        """Store ``text`` (one line, cut to 500 characters) as the comment the prompt asked for; False
        when the message answers no prompt of this user's that is still open."""
        connection = self.database.connection
        key = self.hash(f"{chat_id}:{prompt_id}")
        row = connection.execute(
            "SELECT question_id FROM comment_prompts WHERE prompt_key = ? AND user_hash = ? AND expires_at >= ?",
            (key, user_hash, time.time() if now is None else now),
        ).fetchone()
        if row is None:
            return False
        comment = " ".join(text.split())[:_COMMENT_CHARS]
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute("UPDATE questions SET comment = ? WHERE id = ?", (comment, row[0]))
            connection.execute("DELETE FROM comment_prompts WHERE prompt_key = ?", (key,))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return True

    def prune(self, now: float | None = None) -> int:
        """Delete questions past the retention and prompts past their time; returns the questions deleted."""
        stamp = time.time() if now is None else now
        connection = self.database.connection
        connection.execute("DELETE FROM comment_prompts WHERE expires_at < ?", (stamp,))
        cutoff = stamp - self.config.retention_days * _DAY
        return connection.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,)).rowcount


def questions_since(database: Database, start: float) -> list[Logged]:
    """The questions asked since ``start`` (a time.time()), oldest first: what the report reads."""
    rows = database.connection.execute(
        "SELECT id, asked_at, notice, chat_type, user_hash, question, outcome, kind, topic, confidence, "
        "latency_ms, vote, comment FROM questions WHERE asked_at >= ? ORDER BY id",
        (start,),
    )
    return [Logged(row[0], row[1], Asked(*row[2:11]), row[11], row[12]) for row in rows]


def _salt(directory: Path | None, salt_file: str | None) -> bytes:
    if salt_file is not None:
        return _read_salt(Path(salt_file))
    if directory is None:
        return secrets.token_bytes(32)
    path = directory / SALT_NAME
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_salt(path)
    except OSError as error:
        raise StateError(f"{path}: {error.strerror}") from None
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secrets.token_hex(32) + "\n")
    return _read_salt(path)


def _read_salt(path: Path) -> bytes:
    """The salt file's text (never shown in an error: only its path and what is wrong)."""
    try:
        salt = path.read_bytes().strip()
    except OSError as error:
        raise StateError(f"{path}: {error.strerror} (question_log.salt_file)") from None
    if len(salt) < 16:
        raise StateError(f"{path}: the salt must be at least 16 characters (question_log.salt_file)")
    return salt
