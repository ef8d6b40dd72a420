"""The contract of a store, on SQLite and on PostgreSQL alike (the `store` fixture, tests/store/conftest.py):
transactions, replays refused, replies kept until sent, erasure, purges, concurrent turns."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.messages import Choice, Reply
from bot.store.base import Store
from bot.store.postgres import PgOutbox
from bot.store.records import OutboxItem, Person, Reminder, Session
from bot.store.sqlite import SqliteStore

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def person(user: str = "1") -> Person:
    return Person(channel="telegram", user_id=user, chat_id=user, alias="Mây 1234", locale="vi",
                  created_at=NOW, last_seen_at=NOW)


async def test_leaving_a_unit_of_work_without_commit_rolls_back(store: Store) -> None:
    async with store.unit_of_work() as uow:
        await uow.people.add(person())
    with pytest.raises(ZeroDivisionError):
        async with store.unit_of_work() as uow:
            await uow.people.add(person("2"))
            raise ZeroDivisionError
    assert (await store.table_rows())["people"] == []


async def test_concurrent_units_of_work_take_turns(store: Store) -> None:
    async def add(n: int) -> None:
        async with store.unit_of_work() as uow:
            await uow.people.add(person(str(n)))
            await asyncio.sleep(0)
            await uow.commit()

    await asyncio.gather(*(add(n) for n in range(50)))
    assert len((await store.table_rows())["people"]) == 50


async def test_inbox_records_an_event_once(store: Store) -> None:
    async with store.unit_of_work() as uow:  # single statements, no transaction opened
        assert await uow.inbox.record("telegram", "77", NOW)
        assert not await uow.inbox.record("telegram", "77", NOW)
        assert await uow.inbox.record("zalo", "77", NOW)


async def test_unsent_replies_round_trip(store: Store) -> None:
    async with store.unit_of_work() as uow:
        row = await uow.inbox.record("telegram", "9", NOW, None, "42", (Reply("a"), Reply("b", (Choice("k", "K"),))))
        assert row is not None
        await uow.inbox.failed(row, NOW + timedelta(minutes=1), (Reply("b", (Choice("k", "K"),)),))
        await uow.commit()
    async with store.unit_of_work() as uow:
        assert await uow.inbox.unsent(NOW, 10) == []
        (item,) = await uow.inbox.unsent(NOW + timedelta(minutes=1), 10)
        assert item.chat_id == "42" and item.attempts == 1 and item.replies[0].choices[0].key == "k"
        await uow.inbox.delivered([item.id])
        assert await uow.inbox.unsent(NOW + timedelta(days=1), 10) == []


async def test_session_round_trip_and_cascade(store: Store) -> None:
    async with store.unit_of_work() as uow:
        someone = await uow.people.add(person())
        assert someone.id is not None
        await uow.sessions.save(Session(
            person_id=someone.id, updated_at=NOW, flow="onboarding", step="who", data={"a": "ồ"},
            offered=(Choice("who:self", "Cho bản thân tôi"),), last_choice="lang:vi", last_choice_at=NOW))
        assert await uow.inbox.record("telegram", "e1", NOW, someone.id, "1", (Reply("x"),)) is not None
        assert await uow.inbox.record("telegram", "e1", NOW, someone.id, "1", (Reply("y"),)) is None
        await uow.commit()
    async with store.unit_of_work() as uow:
        session = await uow.sessions.get(someone.id)
        assert session is not None and session.data == {"a": "ồ"} and session.offered[0].key == "who:self"
        assert session.last_choice_at == NOW
        await uow.people.erase(someone.id)
        await uow.commit()
    rows = await store.table_rows()
    assert rows["sessions"] == [] and rows["people"] == []
    assert rows["inbox"][0]["person_id"] is None  # an unsent reply no longer says whose it was


async def test_an_invite_is_redeemed_once_and_not_after_expiry(store: Store) -> None:
    async with store.unit_of_work() as uow:
        first = await uow.people.add(person("1"))
        second = await uow.people.add(person("2"))
        await uow.invites.add("ABC123", "volunteer", "p1", NOW, NOW + timedelta(days=1))
        await uow.invites.add("OLD999", "counselor", "p1", NOW - timedelta(days=9), NOW - timedelta(days=2))
        assert first.id and second.id
        invite = await uow.invites.redeem("ABC123", first.id, NOW)
        assert invite is not None and invite.role == "volunteer"
        assert await uow.invites.redeem("ABC123", second.id, NOW) is None
        assert await uow.invites.redeem("OLD999", second.id, NOW) is None
        await uow.commit()


async def test_retention_purges(store: Store) -> None:
    from bot.clock import FakeClock
    from scheduler.housekeeping import Retention, purge

    async with store.unit_of_work() as uow:
        old = await uow.people.add(person("old"))
        await uow.people.add(Person(channel="telegram", user_id="new", chat_id="new", alias="Gió 1", locale="vi",
                                    created_at=NOW, last_seen_at=NOW + timedelta(days=400)))
        assert old.id
        await uow.sessions.save(Session(person_id=old.id, updated_at=NOW))
        await uow.inbox.record("telegram", "1", NOW)
        await uow.commit()
    purged = await purge(store, FakeClock(NOW + timedelta(days=400)), Retention(60, 7, 365))
    assert (purged.sessions, purged.inbox, purged.people) == (1, 1, 1)
    assert [row["channel_user_id"] for row in (await store.table_rows())["people"]] == ["new"]


async def test_lone_statements_never_land_in_another_units_transaction(store: Store) -> None:
    """Many lone inserts race with transactions that roll back: every lone insert survives, and
    nothing a rolled-back transaction wrote does."""

    async def lone(n: int) -> None:
        async with store.unit_of_work() as uow:
            await uow.inbox.record("test", f"lone-{n}", NOW)

    async def rolled_back(n: int) -> None:
        async with store.unit_of_work() as uow:
            await uow.people.add(person(f"rb-{n}"))
            await asyncio.sleep(0)
            await uow.inbox.record("test", f"txn-{n}", NOW)
            # leaving without commit

    await asyncio.gather(*(lone(n) if n % 2 else rolled_back(n) for n in range(200)))
    rows = await store.table_rows()
    assert sorted(r["event_id"] for r in rows["inbox"]) == sorted(f"lone-{n}" for n in range(1, 200, 2))
    assert rows["people"] == []



async def lone_record(store: Store, event_id: str, reply: str) -> int | None:
    async with store.unit_of_work() as uow:
        return await uow.inbox.record("telegram", event_id, NOW, None, "1", (Reply(reply),))


async def test_concurrent_lone_records_share_statements_and_each_gets_its_own_row(store: Store) -> None:
    """Turns that answer at once share INSERTs (group commit): each still learns the id of its own row."""
    ids = await asyncio.gather(*(lone_record(store, f"e{n}", f"answer {n}") for n in range(300)))
    rows = {row["id"]: row for row in (await store.table_rows())["inbox"]}
    assert len(rows) == 300 and len(set(ids)) == 300
    for n, row_id in enumerate(ids):
        assert row_id is not None
        assert rows[row_id]["event_id"] == f"e{n}" and f"answer {n}" in rows[row_id]["replies"]


async def test_a_replay_in_the_same_statement_gets_none_and_the_others_their_ids(store: Store) -> None:
    assert await lone_record(store, "old", "first") is not None
    # "old" again (replayed by the platform) and "new" twice, all in one statement with fresh events.
    ids = await asyncio.gather(lone_record(store, "a", "a"), lone_record(store, "old", "again"),
                               lone_record(store, "new", "new"), lone_record(store, "new", "twice"),
                               lone_record(store, "b", "b"))
    # Of the same event twice at once exactly one is written: in one statement (SQLite) the first, across
    # connections (PostgreSQL) whichever commits first.
    assert ids[1] is None and (ids[2] is None) != (ids[3] is None)
    rows = {row["id"]: row for row in (await store.table_rows())["inbox"]}
    written = [ids[0], ids[2] or ids[3], ids[4]]
    assert [rows[row_id]["event_id"] for row_id in written] == ["a", "new", "b"]  # type: ignore[index]
    if isinstance(store, SqliteStore):
        assert ids[2] is not None
    assert "first" in rows[min(rows)]["replies"] and len(rows) == 4



async def test_a_claims_batch_is_saved_whole_and_a_queued_key_is_ignored(store: Store) -> None:
    async with store.unit_of_work() as uow:
        someone = await uow.people.add(person())
        other = await uow.people.add(person("2"))
        assert someone.id is not None and other.id is not None
        reminders = [await uow.reminders.add(Reminder(someone.id, "dose", {"type": "daily", "at": "07:00"},
                                                      "Asia/Ho_Chi_Minh", NOW, next_at=NOW)) for _ in range(3)]
        await uow.commit()
    first, second, third = reminders
    first.next_at, first.state = NOW + timedelta(days=1), {"day": "2026-11-23", "note": "it's 'quoted' \"twice\" %s"}
    second.next_at, second.paused_until = None, NOW + timedelta(days=2)
    third.next_at, third.paused_until, third.state = NOW + timedelta(hours=1), None, {}
    text = Reply("Đến giờ uống thuốc rồi, 100% 'nhé' \"bạn\" \\ ?", (Choice("dose:ok:1", "Đã uống"),))
    items = [OutboxItem("r1:a", someone.id, "telegram", "1", 3, text, NOW, NOW + timedelta(hours=2)),
             OutboxItem("r1:b", other.id, "telegram", "2", 2, Reply("b"), NOW, about_id=someone.id),
             OutboxItem("r1:a", someone.id, "telegram", "1", 3, Reply("the same key again"), NOW)]
    async with store.unit_of_work() as uow:
        await uow.reminders.advance(reminders)
        assert await uow.outbox.add_many(items) == 2
        assert await uow.outbox.add_many(items[:1]) == 0
        await uow.commit()
    async with store.unit_of_work() as uow:
        assert [await uow.reminders.get(r.id) for r in reminders if r.id is not None] == reminders
        queued = {item.key: item for item in await uow.outbox.pending(NOW, 10)}
    assert queued["r1:a"].reply == text and queued["r1:a"].expires_at == NOW + timedelta(hours=2)
    assert queued["r1:b"].expires_at is None and queued["r1:b"].priority == 2 and queued["r1:b"].chat_id == "2"
    assert len((await store.table_rows())["outbox"]) == 2


async def test_finished_notices_forget_whom_they_were_about_and_nothing_else(store: Store,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PgOutbox, "FORGET_BATCH", 2)  # PostgreSQL forgets in batches: three of them here
    async with store.unit_of_work() as uow:
        about = await uow.people.add(person())
        counselor = await uow.people.add(person("2"))
        assert about.id is not None and counselor.id is not None
        await uow.outbox.add_many([OutboxItem(f"crisis:{about.id}:{k}", counselor.id, "telegram", "2", 0, Reply("!"),
                                              NOW, about_id=about.id) for k in range(7)])
        ids = {item.key: item.id for item in await uow.outbox.pending(NOW, 10)}
        for k in range(5):  # sent ten minutes ago
            await uow.outbox.finish(ids[f"crisis:{about.id}:{k}"], "sent", NOW - timedelta(minutes=10))
        await uow.outbox.finish(ids[f"crisis:{about.id}:5"], "sent", NOW)  # sent just now; the last stays pending
        await uow.commit()
    async with store.unit_of_work() as uow:
        assert await uow.outbox.forget_whom(NOW - timedelta(minutes=5)) == 5
        assert await uow.outbox.forget_whom(NOW - timedelta(minutes=5)) == 0
        await uow.commit()
    rows = {row["id"]: row for row in (await store.table_rows())["outbox"]}
    for key, item_id in ids.items():
        forgotten = int(key.rsplit(":", 1)[1]) < 5
        assert rows[item_id]["key"] == (f"done:{item_id}" if forgotten else key)
        assert rows[item_id]["about_id"] == (None if forgotten else about.id)
