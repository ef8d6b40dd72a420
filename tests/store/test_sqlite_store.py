"""The SQLite store on real files: migrations upgrade in place, one writer, repositories round-trip."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.store.base import DatabaseUnusable
from bot.store.records import Person
from bot.store.sqlite import MIGRATIONS_DIR, SqliteStore, migrations
from tests.store.test_contract import lone_record

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def person(user: str = "1") -> Person:
    return Person(channel="telegram", user_id=user, chat_id=user, alias="Mây 1234", locale="vi",
                  created_at=NOW, last_seen_at=NOW)


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    instance = SqliteStore(tmp_path / "store.sqlite3")
    await instance.open()
    yield instance
    await instance.close()


async def test_a_new_file_gets_every_migration_and_wal(store: SqliteStore) -> None:
    assert await store.schema_version() == migrations()[-1][0]
    async with store.db.execute("PRAGMA journal_mode") as cursor:
        assert (await cursor.fetchone())[0] == "wal"
    async with store.db.execute("PRAGMA foreign_keys") as cursor:
        assert (await cursor.fetchone())[0] == 1


async def test_an_existing_file_is_upgraded_in_place_keeping_its_rows(tmp_path: Path) -> None:
    """A later migration (here a test one) runs on a file made by an earlier version; rows stay."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    path = tmp_path / "old.sqlite3"
    old = SqliteStore(path, migrations_dir=folder)
    await old.open()
    async with old.unit_of_work() as uow:
        await uow.people.add(person())
        await uow.commit()
    version = await old.schema_version()
    await old.close()

    (folder / f"{version + 1:04d}_people_note.sql").write_text(
        "ALTER TABLE people ADD COLUMN note TEXT NOT NULL DEFAULT 'kept';\n", encoding="utf-8")
    upgraded = SqliteStore(path, migrations_dir=folder)
    await upgraded.open()
    try:
        assert await upgraded.schema_version() == version + 1
        rows = (await upgraded.table_rows())["people"]
        assert len(rows) == 1 and rows[0]["alias"] == "Mây 1234" and rows[0]["note"] == "kept"
    finally:
        await upgraded.close()


async def test_a_failed_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    version = migrations(folder)[-1][0]
    (folder / f"{version + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half (x INTEGER);\nTHIS IS NOT SQL;\n", encoding="utf-8")
    path = tmp_path / "b.sqlite3"
    broken = SqliteStore(path, migrations_dir=folder)
    with pytest.raises(DatabaseUnusable, match=rf"^upgrading the database file {path} to schema {version + 1} "
                                               rf".*left at schema {version}"):
        await broken.open()
    assert broken._db is None and broken._reader is None  # closed: no thread keeps the process alive
    as_it_was = SqliteStore(path)
    await as_it_was.open()
    try:
        assert await as_it_was.schema_version() == version
        assert "half" not in await as_it_was.table_rows()
    finally:
        await as_it_was.close()


async def test_a_newer_file_than_the_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    store = SqliteStore(path)
    with pytest.raises(DatabaseUnusable, match=f"{path} has schema 99, newer than this program's"):
        await store.open()
    assert store._db is None


async def test_a_row_that_fails_fails_only_its_own_turn(store: SqliteStore) -> None:
    await store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON inbox WHEN NEW.event_id = 'bad'"
                           " BEGIN SELECT RAISE(ABORT, 'refused'); END")
    results = await asyncio.gather(lone_record(store, "ok", "x"), lone_record(store, "bad", "y"),
                                   lone_record(store, "fine", "z"), return_exceptions=True)
    assert isinstance(results[1], sqlite3.IntegrityError)
    rows = {row["id"]: row["event_id"] for row in (await store.table_rows())["inbox"]}
    assert rows == {results[0]: "ok", results[2]: "fine"}
    assert await lone_record(store, "after", "w") is not None
