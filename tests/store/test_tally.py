"""The tally on real files: events are counted in their own transaction, erasure and purges leave past
counts alone, rows cannot be changed, the back-fill counts what old rows hold, and the migration runner
applies a lower-numbered migration merged after a higher one."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.store.base import Store
from bot.store.records import Appointment, Chat, Group, Person, TallyTotal
from bot.store.sqlite import MIGRATIONS_DIR, SqliteStore, migrations, ts

# 20:00 UTC is 03:00 the next day in Vietnam: counts land on the local day.
NOW = datetime(2026, 8, 14, 20, 0, tzinfo=UTC)
LOCAL_DAY = date(2026, 8, 15)


def person(user: str) -> Person:
    return Person(channel="telegram", user_id=user, chat_id=user, alias=f"Mây {user}", locale="vi",
                  created_at=NOW, last_seen_at=NOW)


async def totals(store: Store, point: str | None = "p1") -> dict[str, int]:
    async with store.unit_of_work() as uow:
        rows = await uow.tally.totals(date(2026, 7, 1), date(2026, 9, 30), point)
    return {row.what: row.n for row in rows}


async def test_events_are_counted_once_on_their_local_day_and_outlive_the_person(store: Store) -> None:
    async with store.unit_of_work() as uow:
        someone = await uow.people.add(person("1"))
        counselor = await uow.people.add(person("2"))
        assert someone.id and counselor.id
        appointment = await uow.appointments.book(Appointment(
            person_id=someone.id, counselor_id=counselor.id, point_id="p1", starts_at=NOW, minutes=45,
            kind="in_person", topic="methadone", status="requested", created_at=NOW))
        assert appointment.id
        await uow.appointments.set_status(appointment.id, "confirmed")
        await uow.appointments.set_status(appointment.id, "confirmed")  # a second press counts nothing
        await uow.appointments.set_status(appointment.id, "attended")
        await uow.appointments.rate(appointment.id, 3)
        await uow.appointments.rate(appointment.id, 1)  # only the first answer counts
        chat = await uow.chats.open(Chat(person_id=someone.id, point_id="p1", opened_at=NOW))
        assert chat.id
        assert await uow.chats.take(chat.id, counselor.id, NOW + timedelta(minutes=4))
        assert not await uow.chats.take(chat.id, counselor.id, NOW + timedelta(minutes=5))
        await uow.chats.close(chat.id, NOW + timedelta(minutes=30))
        await uow.chats.close(chat.id, NOW + timedelta(minutes=31))
        group = await uow.groups.add(Group(name="Nhóm", rule={}, place="P", created_at=NOW, point_id="p1"))
        assert group.id
        await uow.groups.join(group.id, someone.id, NOW)
        await uow.groups.rsvp(group.id, NOW, someone.id, "yes")
        await uow.groups.rsvp(group.id, NOW, someone.id, "yes")
        await uow.groups.attend(group.id, NOW, someone.id)
        await uow.groups.attend(group.id, NOW, someone.id)
        await uow.groups.attend(group.id, NOW, counselor.id)
        await uow.groups.cancel(group.id, NOW + timedelta(days=30))
        await uow.groups.cancel(group.id, NOW + timedelta(days=30))
        await uow.tally.add(None, "question.methadone", NOW)
        await uow.commit()
    expected = {
        "appointment.requested": 1, "appointment.confirmed": 1, "appointment.attended": 1,
        "satisfaction.helped": 1, "chat.opened": 1, "chat.taken": 1, "chat.first_reply_seconds": 240,
        "chat.closed": 1, "group.rsvp_yes": 1, "group.attended": 2, "group.meeting_held": 1,
        "group.meeting_cancelled": 1,
    }
    assert await totals(store) == expected
    assert await totals(store, "") == {"question.methadone": 1}
    async with store.unit_of_work() as uow:
        rows = await uow.tally.totals(LOCAL_DAY, LOCAL_DAY, None)
        assert TallyTotal("p1", "appointment.attended", 1) in rows
        assert not await uow.tally.totals(date(2026, 8, 14), date(2026, 8, 14), None)  # the UTC day has none

    async with store.unit_of_work() as uow:  # erasure, then the purge of closed chats
        await uow.people.erase(someone.id)
        await uow.chats.purge(NOW + timedelta(days=365))
        await uow.commit()
    assert await totals(store) == expected


async def test_a_rolled_back_event_counts_nothing_and_rows_cannot_be_changed(store: Store) -> None:
    async with store.unit_of_work() as uow:
        await uow.tally.add("p1", "chat.opened", NOW)
        # leaving without commit
    assert await totals(store) == {}
    async with store.unit_of_work() as uow:
        await uow.tally.add("p1", "chat.opened", NOW)
        await uow.commit()
    if isinstance(store, SqliteStore):
        with pytest.raises(sqlite3.IntegrityError, match="never changed"):
            await store.db.execute("UPDATE tally SET n = 0")
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            await store.db.execute("DELETE FROM tally")
    else:
        import psycopg

        for sql, refusal in (("UPDATE tally SET n = 0", "never changed"), ("DELETE FROM tally", "never deleted")):
            with pytest.raises(psycopg.errors.RaiseException, match=refusal):
                async with store.pool.connection() as conn:
                    await conn.execute(sql)
    assert await totals(store) == {"chat.opened": 1}


async def test_the_back_fill_counts_what_the_old_rows_still_hold(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = SqliteStore(path)
    await old.open(upgrade=False)
    await old.upgrade(target=7)
    async with old.unit_of_work() as uow:
        someone = await uow.people.add(person("1"))
        assert someone.id
        await uow.commit()
    moment = ts(NOW)
    await old.db.executescript(f"""
        INSERT INTO appointments (person_id, point_id, starts_at, minutes, kind, topic, status, rating, created_at)
            VALUES ({someone.id}, 'p1', '{moment}', 45, 'phone', 't', 'attended', 2, '{moment}'),
                   ({someone.id}, 'p1', '{moment}', 45, 'phone', 't', 'cancelled', NULL, '{moment}');
        INSERT INTO chats (person_id, point_id, opened_at, taken_at) VALUES ({someone.id}, 'p1', '{moment}',
            '{ts(NOW + timedelta(seconds=90))}');
    """)
    await old.close()
    upgraded = SqliteStore(path)
    await upgraded.open()
    try:
        assert await totals(upgraded) == {"appointment.requested": 2, "appointment.attended": 1,
                                          "appointment.cancelled": 1, "satisfaction.so_so": 1, "chat.opened": 1,
                                          "chat.taken": 1, "chat.first_reply_seconds": 90}
        async with upgraded.unit_of_work() as uow:
            rows = await uow.tally.totals(LOCAL_DAY, LOCAL_DAY, "p1")
        assert all(row.backfilled == row.n for row in rows)
    finally:
        await upgraded.close()


async def test_a_lower_migration_merged_after_a_higher_one_is_still_applied(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    numbers = [n for n, _ in migrations(folder)]
    missing = [n for n in range(1, numbers[-1]) if n not in numbers]
    if not missing:  # this branch has every number: take one out to play the parallel branch's
        missing = [numbers[-2]]
        next(p for p in folder.glob(f"{missing[0]:04d}_*.sql") if not p.name.endswith(".postgres.sql")).unlink()
    path = tmp_path / "f.sqlite3"
    first = SqliteStore(path, migrations_dir=folder)
    await first.open()
    latest = await first.schema_version()
    await first.close()
    (folder / f"{missing[0]:04d}_parallel.sql").write_text("CREATE TABLE parallel (x INTEGER);\n", encoding="utf-8")
    second = SqliteStore(path, migrations_dir=folder)
    await second.open()
    try:
        assert await second.schema_version() == latest
        assert "parallel" in await second.table_rows()
        seen = [r[0] for r in await second.db.execute_fetchall("SELECT number FROM schema_migrations ORDER BY 1")]
        assert seen == list(range(1, latest + 1))
    finally:
        await second.close()
    # A program without that migration refuses the file, as it refuses any newer file.
    (folder / f"{missing[0]:04d}_parallel.sql").unlink()
    third = SqliteStore(path, migrations_dir=folder)
    with pytest.raises(Exception, match="newer than this program"):
        await third.open()
