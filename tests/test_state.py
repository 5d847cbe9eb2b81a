"""The state database: migrations, the journal's bookkeeping, contexts' time-to-live and cap."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.contexts import ChatContexts
from bot.journal import Entry, Journal
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
