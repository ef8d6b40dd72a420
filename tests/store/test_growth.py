"""What keeps costs flat as history grows: indexes behind every reference to a person, reads that take
no writer, a purge in short batches, the polls reading their own indexes (benchmarks/growth.py measures
the times; these pin the behaviour)."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.messages import Reply
from bot.store.records import Chat, OutboxItem, Person
from bot.store.sqlite import SqliteStore
from scheduler.housekeeping import Retention, _Batches, purge

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def person(user: str, seen: datetime = NOW) -> Person:
    return Person(channel="telegram", user_id=user, chat_id=user, alias="Mây 1234", locale="vi",
                  created_at=NOW, last_seen_at=seen)


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    instance = SqliteStore(tmp_path / "store.sqlite3")
    await instance.open()
    yield instance
    await instance.close()


async def test_every_column_that_points_at_a_person_leads_an_index(store: SqliteStore) -> None:
    """Erasing a person (ON DELETE CASCADE / SET NULL) looks each of these up; without an index each
    lookup reads its whole table."""
    db = sqlite3.connect(store.path)
    try:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        missing = []
        for table in tables:
            leading = set()
            for index in db.execute(f"PRAGMA index_list('{table}')"):
                column = db.execute(f"PRAGMA index_info('{index[1]}')").fetchone()[2]
                sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (index[1],)).fetchone()[0] or ""
                # A partial index serves the lookup only when it leaves out just the rows without a person.
                if not index[4] or sql.rstrip(" ;").endswith(f"WHERE {column} IS NOT NULL"):
                    leading.add(column)
            primary = [row[1] for row in db.execute(f"PRAGMA table_info('{table}')") if row[5] == 1]
            leading.update(primary[:1])
            for reference in db.execute(f"PRAGMA foreign_key_list('{table}')"):
                if reference[2] in ("people", "chats") and reference[3] not in leading:
                    missing.append(f"{table}.{reference[3]}")
    finally:
        db.close()
    assert missing == []


async def test_the_redelivery_scan_reads_only_the_rows_with_replies(store: SqliteStore) -> None:
    db = sqlite3.connect(store.path)
    try:
        plan = " ".join(row[3] for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM inbox INDEXED BY inbox_unsent WHERE replies IS NOT NULL"
            " AND (retry_at IS NULL OR retry_at <= '2026') ORDER BY id LIMIT 5"))
    finally:
        db.close()
    assert "inbox_unsent" in plan


async def test_a_reading_unit_never_waits_for_the_writer_and_cannot_write(store: SqliteStore) -> None:
    async with store.unit_of_work() as uow:
        await uow.people.add(person("1"))
        await uow.commit()
    async with store.unit_of_work() as writer:
        await writer.people.add(person("2"))  # holds the writer, uncommitted
        async with store.reading() as reader:
            seen = await asyncio.wait_for(reader.people.get("telegram", "1"), 2)
            assert seen is not None
            assert await reader.people.get("telegram", "2") is None  # only what is committed
            with pytest.raises(sqlite3.OperationalError):
                await reader.people.add(person("3"))
        await writer.commit()


async def test_the_idle_poll_takes_each_priority_in_order_and_nothing_not_yet_due(store: SqliteStore) -> None:
    async with store.unit_of_work() as uow:
        someone = await uow.people.add(person("1"))
        items = [OutboxItem(f"later{n}", someone.id, "telegram", "1", 2, Reply("x"), NOW + timedelta(days=1))
                 for n in range(50)]
        items += [OutboxItem("dose", someone.id, "telegram", "1", 3, Reply("x"), NOW - timedelta(minutes=1)),
                  OutboxItem("alert", someone.id, "telegram", "1", 0, Reply("x"), NOW),
                  OutboxItem("relay", someone.id, "telegram", "1", 1, Reply("x"), NOW - timedelta(minutes=2)),
                  OutboxItem("group", someone.id, "telegram", "1", 4, Reply("x"), NOW - timedelta(hours=1))]
        await uow.outbox.add_many(items)
        await uow.commit()
    async with store.reading() as reader:
        assert [i.key for i in await reader.outbox.pending(NOW, 10)] == ["alert", "relay", "dose", "group"]
        assert [i.key for i in await reader.outbox.pending(NOW, 2)] == ["alert", "relay"]
    async with store.unit_of_work() as uow:
        with pytest.raises(ValueError, match="priority"):
            await uow.outbox.add_many([OutboxItem("odd", someone.id, "telegram", "1", 99, Reply("x"), NOW)])


async def test_a_person_past_retention_goes_in_batches_with_everything_that_names_them(store: SqliteStore) -> None:
    async with store.unit_of_work() as uow:
        old = [await uow.people.add(person(f"old{n}", NOW - timedelta(days=400))) for n in range(40)]
        kept = await uow.people.add(person("new"))
        for someone in old:
            assert someone.id is not None
            await uow.chats.open(Chat(person_id=someone.id, point_id="p", opened_at=NOW, counselor_id=kept.id))
            await uow.outbox.add_many([OutboxItem(f"k{someone.id}", someone.id, "telegram", "1", 3, Reply("x"), NOW,
                                                  about_id=kept.id)])
        await uow.commit()
    transactions = 0
    begin = store.unit_of_work

    def counted():  # type: ignore[no-untyped-def]
        nonlocal transactions
        transactions += 1
        return begin()

    store.unit_of_work = counted  # type: ignore[method-assign]
    purged = await purge(store, FakeClock(NOW), Retention(60, 7, 365))
    assert purged.people == 40
    assert transactions > 2  # the first for ids and sessions, then the people in more than one batch
    rows = await store.table_rows()
    assert [r["channel_user_id"] for r in rows["people"]] == ["new"]
    assert rows["chats"] == [] and rows["outbox"] == []


def test_a_batch_grows_while_it_is_quick_and_shrinks_when_it_is_slow() -> None:
    batches = _Batches()
    batches.took(4, 0.001)
    assert batches.size == 8  # at most doubling
    batches.took(8, 0.4)  # 50 ms a person
    assert batches.size == 1
    batches.took(0, 0.0)  # the last, empty batch changes nothing
    assert batches.size == 1


async def test_who_may_have_an_open_chat_is_known_without_a_statement(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    store = SqliteStore(path)
    await store.open()
    async with store.unit_of_work() as uow:
        talking = await uow.people.add(person("1"))
        quiet = await uow.people.add(person("2"))
        assert talking.id is not None and quiet.id is not None
        chat = await uow.chats.open(Chat(person_id=talking.id, point_id="p", opened_at=NOW))
        await uow.commit()
    async with store.unit_of_work() as uow:
        assert await uow.chats.of_person(quiet.id) is None
        assert not uow.in_transaction  # no statement, no writer
        found = await uow.chats.of_person(talking.id)
        assert found is not None and found.id == chat.id
    await store.close()

    reopened = SqliteStore(path)  # loaded from the file
    await reopened.open()
    try:
        async with reopened.unit_of_work() as uow:
            assert (await uow.chats.of_person(talking.id)) is not None
            assert chat.id is not None
            await uow.chats.close(chat.id, NOW)
            assert await uow.chats.of_person(talking.id) is None
            await uow.commit()
        async with reopened.unit_of_work() as uow:
            assert await uow.chats.of_person(talking.id) is None
            assert not uow.in_transaction
    finally:
        await reopened.close()


async def test_an_in_memory_store_reads_committed_state_too() -> None:
    store = SqliteStore(":memory:")
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            await uow.people.add(person("1"))
            await uow.commit()
        async with store.reading() as reader:
            assert await reader.people.get("telegram", "1") is not None
    finally:
        await store.close()



def _count_elsewhere(path: Path) -> int:
    """People counted by another process (a backup, `sqlite3`, a monitoring read), which then closes."""
    done = subprocess.run(
        [sys.executable, "-c", "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
         " print(db.execute('SELECT COUNT(*) FROM people').fetchone()[0]); db.close()", str(path)],
        check=True, capture_output=True, text=True)
    return int(done.stdout)


async def test_another_process_reading_the_file_never_loses_a_commit(tmp_path: Path) -> None:
    """Another process that opens and closes the file while the bot runs must not take the -wal away
    from under it (its last close would checkpoint and delete it if the bot held no lock on the file),
    or the bot's later commits go to a deleted file and are lost at the next start."""
    path = tmp_path / "shared.sqlite3"
    store = SqliteStore(path)
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            await uow.people.add(person("1"))
            await uow.commit()
        assert _count_elsewhere(path) == 1
        async with store.unit_of_work() as uow:
            await uow.people.add(person("2"))
            await uow.commit()
        assert _count_elsewhere(path) == 2
    finally:
        await store.close()
    reopened = SqliteStore(path)
    await reopened.open()
    try:
        assert len((await reopened.table_rows())["people"]) == 2
    finally:
        await reopened.close()
