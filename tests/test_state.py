"""The state database: migrations, the journal's bookkeeping, contexts' time-to-live and cap."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.config import QuestionLogConfig
from bot.contexts import ChatContexts
from bot.journal import Entry, Journal
from bot.questionlog import SALT_NAME, UP, Asked, QuestionLog, questions_since
from bot.state import MIGRATIONS, Database, StateError
from knowledge.answer import Context
from knowledge.engine import Engine


def test_a_new_database_is_migrated_in_wal_mode_and_reopening_keeps_it(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "state")
    Journal(database).record([Entry(7, "1", {"update_id": 7})])
    database.close()
    again = Database.open(tmp_path / "state")
    assert again.connection.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    assert again.connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert Journal(again).pending() == [Entry(7, "1", {"update_id": 7})]


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as connection:
        connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StateError, match="newer version"):
        Database.open(tmp_path)


def test_the_journal_skips_seen_ids_remembers_the_offset_and_prunes_only_done_rows() -> None:
    journal = Journal(Database.open(None))
    assert [e.update_id for e in journal.record([Entry(1, "a", {}), Entry(2, "a", {})], now=100)] == [1, 2]
    assert [e.update_id for e in journal.record([Entry(2, "a", {}), Entry(3, "b", {})], now=100)] == [3]
    journal.mark_done(1, now=100)
    journal.mark_done(3, now=200)
    assert journal.prune(keep_seconds=50, now=220) == 1  # update 1; 3 is recent, 2 is pending
    assert [e.update_id for e in journal.pending()] == [2]
    assert journal.last_update_id() == 3 and journal.counts() == (1, 1)
    assert journal.record([Entry(1, "a", {})], now=300) != []  # pruned ids are forgotten (after a day)


def test_contexts_expire_after_their_ttl_and_the_oldest_go_beyond_the_cap(engine: Engine) -> None:
    contexts = ChatContexts(Database.open(None), ttl=60, cap=2)
    about_legal = engine.ask("法治组组长是谁").context
    assert about_legal != Context()
    for number, chat in enumerate(["a", "b", "c"]):
        contexts.put(chat, about_legal, now=1000 + number)
    assert contexts.get("a", now=1010) == about_legal
    assert contexts.get("a", now=1061) is None  # older than the TTL: not used
    assert contexts.evict(now=1010) == 1 and contexts.get("a", now=1010) is None  # the cap: "a" was oldest
    assert contexts.evict(now=2000) == 2 and contexts.count() == 0


def asked(question: str, user_hash: str) -> Asked:
    return Asked("渝府办发〔2020〕5号", "private", user_hash, question, "declined", "", "", 0.0, 12.5)


def test_the_salt_is_made_once_in_a_0600_file_and_never_stored_in_the_database(tmp_path: Path) -> None:
    database = Database.open(tmp_path)
    first = QuestionLog.open(database, tmp_path, QuestionLogConfig())
    again = QuestionLog.open(database, tmp_path, QuestionLogConfig())
    assert (tmp_path / SALT_NAME).stat().st_mode & 0o777 == 0o600
    assert first.hash(4242) == again.hash(4242) != first.hash(4243)
    first.record(asked("法治组组长是谁", first.hash(4242)))
    database.close()
    assert first.salt not in (tmp_path / "bot.sqlite3").read_bytes()


def test_a_comment_is_taken_only_from_the_asker_within_its_time_and_rows_expire() -> None:
    log = QuestionLog.open(Database.open(None), None, QuestionLogConfig(comment_timeout=60, retention_days=1))
    asker = log.hash(1)
    row = log.record(asked("法治组组长是谁", asker), now=1000)
    assert row is not None and log.vote(row, asker, UP) and not log.vote(row, log.hash(2), UP)
    log.await_comment(chat_id=1, prompt_id=5, question_id=row, user_hash=asker, now=1000)
    assert not log.take_comment(1, 5, log.hash(2), "不是我问的", now=1010)
    assert not log.take_comment(1, 5, asker, "太晚了", now=1061)
    assert log.take_comment(1, 5, asker, "  第一行\n第二行  ", now=1059)
    assert not log.take_comment(1, 5, asker, "再来一次", now=1059)  # one comment a prompt
    (logged,) = questions_since(log.database, 0)
    assert (logged.vote, logged.comment) == (UP, "第一行 第二行")
    assert log.prune(now=1000 + 86399) == 0 and log.prune(now=1000 + 86401) == 1
