"""What only the PostgreSQL store has to show: one numbered list of migrations for both databases, an
older schema upgraded and a newer one refused, claims shared by several processes, and a server that
is down, refuses us, or goes away."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from bot.store.base import DatabaseUnusable, StoreUnavailable
from bot.store.postgres import PostgresStore
from bot.store.records import Appointment, Person, Reminder
from bot.store.sqlite import MIGRATIONS_DIR, migrations
from tests.pg import SERVER

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def person(user: str) -> Person:
    return Person(channel="telegram", user_id=user, chat_id=user, alias=f"Mây {user}", locale="vi",
                  created_at=NOW, last_seen_at=NOW)


def test_both_databases_have_the_same_numbered_migrations() -> None:
    sqlite = [n for n, _ in migrations()]
    postgres = [n for n, _ in migrations(postgres=True)]
    assert sqlite == postgres and sqlite
    names = {p.name.removesuffix(".sql") for _, p in migrations()}
    assert {p.name.removesuffix(".postgres.sql") for _, p in migrations(postgres=True)} == names


async def test_an_older_schema_is_upgraded_in_place_and_a_newer_one_refused(postgres_url: str,
                                                                              tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    latest = migrations(folder, postgres=True)[-1][0]
    last = next(folder.glob(f"{latest:04d}_*.postgres.sql"))
    held_back = last.read_text(encoding="utf-8")
    last.unlink()
    old = PostgresStore(postgres_url, migrations_dir=folder)
    await old.open()
    async with old.unit_of_work() as uow:
        await uow.people.add(person("1"))
        await uow.commit()
    assert await old.schema_version() == latest - 1
    await old.close()

    last.write_text(held_back, encoding="utf-8")
    upgraded = PostgresStore(postgres_url, migrations_dir=folder)
    await upgraded.open(upgrade=False)
    try:
        assert await upgraded.upgrade() == [latest]
        assert await upgraded.schema_version() == latest
        assert [r["alias"] for r in (await upgraded.table_rows())["people"]] == ["Mây 1"]
        async with upgraded.pool.connection() as conn:
            await conn.execute("INSERT INTO schema_migrations VALUES (99)")
    finally:
        await upgraded.close()
    with pytest.raises(DatabaseUnusable, match=r"has schema 99, newer than this program's"):
        await PostgresStore(postgres_url).open()


async def test_a_failed_migration_leaves_the_schema_as_it_was(postgres_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    latest = migrations(folder, postgres=True)[-1][0]
    (folder / f"{latest + 1:04d}_broken.sql").write_text("CREATE TABLE half (x INTEGER);\n", encoding="utf-8")
    (folder / f"{latest + 1:04d}_broken.postgres.sql").write_text(
        "CREATE TABLE half (x INTEGER);\nTHIS IS NOT SQL;\n", encoding="utf-8")
    with pytest.raises(DatabaseUnusable, match=rf"to schema {latest + 1} .*left at schema {latest}"):
        await PostgresStore(postgres_url, migrations_dir=folder).open()
    store = PostgresStore(postgres_url)
    await store.open()
    try:
        assert await store.schema_version() == latest and "half" not in await store.table_rows()
    finally:
        await store.close()


async def test_two_processes_claim_due_reminders_without_sharing_one(postgres_url: str) -> None:
    """Two stores (as two processes) claim at the same moment: each due reminder is claimed by one."""
    first, second = PostgresStore(postgres_url), PostgresStore(postgres_url)
    await first.open()
    await second.open()
    try:
        async with first.unit_of_work() as uow:
            someone = await uow.people.add(person("1"))
            assert someone.id
            for n in range(30):
                await uow.reminders.add(Reminder(person_id=someone.id, kind="dose", rule={}, timezone="UTC",
                                                 created_at=NOW, next_at=NOW - timedelta(minutes=n)))
            await uow.commit()
        async with first.unit_of_work() as a, second.unit_of_work() as b:
            claimed_a = await a.reminders.due(NOW, 20)
            claimed_b = await b.reminders.due(NOW, 20)  # does not wait for a's claim: it skips it
            ids_a = {d.reminder.id for d in claimed_a}
            ids_b = {d.reminder.id for d in claimed_b}
            assert len(ids_a) == 20 and len(ids_b) == 10 and not ids_a & ids_b
    finally:
        await first.close()
        await second.close()


async def test_a_taken_slot_leaves_the_rest_of_the_transaction_usable(postgres_url: str) -> None:
    from bot.store.base import SlotTaken

    store = PostgresStore(postgres_url)
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            someone, counselor = await uow.people.add(person("1")), await uow.people.add(person("2"))
            assert someone.id and counselor.id
            booking = Appointment(person_id=someone.id, counselor_id=counselor.id, point_id="p1", starts_at=NOW,
                                  minutes=45, kind="phone", topic="t", status="requested", created_at=NOW)
            await uow.appointments.book(booking)
            with pytest.raises(SlotTaken):
                await uow.appointments.book(Appointment(**{**booking.__dict__, "id": None}))
            await uow.people.add(person("3"))  # the transaction goes on after the refused insert
            await uow.commit()
        rows = await store.table_rows()
        assert len(rows["appointments"]) == 1 and len(rows["people"]) == 3
    finally:
        await store.close()


async def test_a_server_that_does_not_answer_is_tried_again_then_named_in_one_sentence() -> None:
    pauses: list[float] = []

    async def sleep(seconds: float) -> None:
        pauses.append(seconds)

    store = PostgresStore("postgresql://postgres:secret@127.0.0.1:9/test", sleep=sleep)
    with pytest.raises(DatabaseUnusable) as raised:
        await store.open()
    message = str(raised.value)
    assert message.startswith("PostgreSQL at 127.0.0.1:9/test (DATABASE_URL) does not answer after 5 tries")
    assert "secret" not in message and "\n" not in message
    assert pauses == [0.5, 1.0, 2.0, 4.0]


async def test_a_refused_login_names_the_setting_at_once(postgres_url: str) -> None:
    pauses: list[float] = []

    async def sleep(seconds: float) -> None:
        pauses.append(seconds)

    wrong = SERVER.rsplit("/", 1)[0] + "/no_such_database_here"
    with pytest.raises(DatabaseUnusable, match=r"^DATABASE_URL is refused by PostgreSQL at .*no_such_database_here.*"
                                               r"check the user, password and database name"):
        await PostgresStore(wrong, sleep=sleep).open()
    assert pauses == []


async def test_connections_lost_mid_run_fail_one_unit_and_the_next_one_works(postgres_url: str) -> None:
    """The server drops every connection (a restart): the unit under way fails, the pool replaces the
    connections, and the next unit works without the bot restarting."""
    store = PostgresStore(postgres_url)
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            await uow.people.add(person("1"))
            with psycopg.connect(SERVER, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                              " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                              " AND query NOT LIKE '%pg_terminate_backend%' AND application_name = ''"
                              " AND backend_type = 'client backend' AND pid IN (SELECT pid FROM pg_stat_activity"
                              " WHERE query LIKE '%INSERT INTO people%')")
            with pytest.raises(StoreUnavailable):
                await uow.people.add(person("2"))
        async with store.unit_of_work() as uow:  # the pool gave up the dead connection: a new one serves
            await uow.people.add(person("3"))
            await uow.commit()
        assert [r["channel_user_id"] for r in (await store.table_rows())["people"]] == ["3"]
    finally:
        await store.close()
