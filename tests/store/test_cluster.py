"""Several processes on one PostgreSQL database, each with a store of its own (two stores here stand for
two processes): a chat held for a turn makes the other process's turn wait, a note reaches the other
processes only when its unit commits, one of them leads, and another leads when the leader's connection
goes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.store.cluster import Alone, Cluster, cluster_for
from bot.store.postgres import PostgresStore
from bot.store.sqlite import SqliteStore


@pytest.fixture
async def two(postgres_url: str) -> AsyncIterator[tuple[PostgresStore, PostgresStore]]:
    first, second = PostgresStore(postgres_url), PostgresStore(postgres_url)
    await first.open()
    await second.open()
    yield first, second
    await first.close()
    await second.close()


async def test_a_chat_held_by_one_process_waits_the_other_until_it_commits(
        two: tuple[PostgresStore, PostgresStore]) -> None:
    first, second = two
    order: list[str] = []

    async def other_turn() -> None:
        async with second.unit_of_work() as uow:
            await uow.lock_chat("telegram", "42")
            order.append("second holds")
            await uow.commit()

    async with first.unit_of_work() as uow:
        await uow.lock_chat("telegram", "42")
        waiting = asyncio.create_task(other_turn())
        await asyncio.sleep(0.3)
        assert order == []  # still waiting for the first turn
        async with second.unit_of_work() as elsewhere:  # another chat is not held
            await elsewhere.lock_chat("telegram", "43")
        order.append("first commits")
        await uow.commit()
    await asyncio.wait_for(waiting, 5)
    assert order == ["first commits", "second holds"]


async def test_one_process_leads_and_another_takes_over_when_its_connection_goes(
        two: tuple[PostgresStore, PostgresStore]) -> None:
    first, second = two
    a, b = cluster_for(first), cluster_for(second)
    assert isinstance(a, Cluster) and isinstance(b, Cluster)
    led: list[str] = []
    heard: list[str] = []

    async def lead_a() -> None:
        led.append("a")

    async def lead_b() -> None:
        led.append("b")

    async def nothing() -> None:
        pass

    await a.open()
    await b.open()
    try:
        assert (a.leading, b.leading) == (True, False)
        await a.start(lead_a, nothing, lambda note: None, nothing)
        await b.start(lead_b, nothing, heard.append, nothing)
        assert led == ["a"]

        async with first.unit_of_work() as uow:  # a note goes with its commit, and only then
            uow.notify("r x 1 n telegram 42")
            await uow.lock_chat("telegram", "42")
            await asyncio.sleep(0.2)
            assert heard == []
            await uow.commit()
        async with first.unit_of_work() as uow:
            uow.notify("rolled back")
            await uow.lock_chat("telegram", "42")
        await asyncio.wait_for(_until(lambda: heard == ["r x 1 n telegram 42"]), 5)

        await a.stop()  # its session ends, and the lock with it
        await asyncio.wait_for(_until(lambda: b.leading), 5)
        assert led == ["a", "b"]
    finally:
        await a.stop()
        await b.stop()
    await asyncio.sleep(0.3)
    assert heard == ["r x 1 n telegram 42"]


async def test_sqlite_is_one_process_that_leads_from_the_start(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "one.sqlite3")
    alone = cluster_for(store)
    assert isinstance(alone, Alone) and alone.leading


async def _until(condition: Callable[[], bool]) -> None:
    while not condition():  # noqa: ASYNC110 - the other side is another connection's notification
        await asyncio.sleep(0.05)


async def test_a_leader_whose_connection_is_cut_stops_sending_and_the_other_leads(
        two: tuple[PostgresStore, PostgresStore]) -> None:
    first, second = two
    a, b = cluster_for(first), cluster_for(second)
    assert isinstance(a, Cluster) and isinstance(b, Cluster)
    events: list[str] = []

    def hook(name: str) -> Callable[[], Awaitable[None]]:
        async def record() -> None:
            events.append(name)
        return record

    await a.open()
    await b.open()
    try:
        await a.start(hook("a leads"), hook("a follows"), lambda note: None, hook("a resyncs"))
        await b.start(hook("b leads"), hook("b follows"), lambda note: None, hook("b resyncs"))
        assert events == ["a leads"]
        async with first.pool.connection() as conn:  # the server ends the leader's session, as a cut does
            await conn.execute("SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory'"
                               " AND l.granted AND l.objid = 1 AND l.objsubid = 2 AND l.classid ="
                               " (hashtext(current_schema())::bigint & 4294967295)::text::oid")
        await asyncio.wait_for(_until(lambda: "b leads" in events and "a resyncs" in events), 10)
        assert events.index("a follows") < events.index("a resyncs")  # it stopped sending before anything else
        assert not a.leading and b.leading and a.demoted.is_set()
    finally:
        await a.stop()
        await b.stop()
