"""The sender keeps several messages on their way at once (a round trip to the platform would otherwise
cap the rate), while slots are taken one by one in priority order and a chat never has two at once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.channels.base import Capabilities
from bot.channels.pace import pace_of
from bot.clock import FakeClock
from bot.messages import Reply
from bot.store.records import OutboxItem, Person
from bot.store.sqlite import SqliteStore
from scheduler.sender import SENDS_IN_FLIGHT, Sender

NOW = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


class _HeldChannel:
    """A platform whose answers the test releases: shows what is on its way at any moment."""

    name = "test"
    capabilities = Capabilities(buttons=True, location=True, max_text=4096, discreet_notice=False)

    def __init__(self) -> None:
        self.started: list[tuple[str, str]] = []  # (chat, text) in the order the sends began
        self.on_the_way: set[str] = set()
        self.most_at_once = 0
        self.twice_to_a_chat = False
        self.release = asyncio.Event()
        self.full = asyncio.Event()  # SENDS_IN_FLIGHT on their way

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.twice_to_a_chat |= chat_id in self.on_the_way
        self.on_the_way.add(chat_id)
        self.started.append((chat_id, reply.text))
        self.most_at_once = max(self.most_at_once, len(self.on_the_way))
        if len(self.on_the_way) >= SENDS_IN_FLIGHT:
            self.full.set()
        await self.release.wait()
        self.on_the_way.discard(chat_id)


async def test_several_messages_go_at_once_in_order_and_never_two_to_one_chat(tmp_path: Path) -> None:
    assert SENDS_IN_FLIGHT > 1
    clock = FakeClock(NOW)
    store = SqliteStore(tmp_path / "sender.sqlite3")
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            someone = await uow.people.add(Person("test", "1", "1", "Mây", "vi", NOW, NOW))
            items = [OutboxItem(f"k{n}", someone.id, "test", str(n), 3, Reply(f"m{n}"), NOW + timedelta(seconds=n))
                     for n in range(20)]
            # Two more to chat 0, due later than everything else: they follow its first, in order.
            items += [OutboxItem(f"again{n}", someone.id, "test", "0", 3, Reply(f"again{n}"),
                                 NOW + timedelta(seconds=30 + n)) for n in range(2)]
            await uow.outbox.add_many(items)
            await uow.commit()
        channel = _HeldChannel()

        async def sleep(seconds: float) -> None:
            clock.advance(timedelta(seconds=seconds))
            await asyncio.sleep(0)

        clock.advance(timedelta(minutes=1))
        sender = Sender(store, clock, {"test": channel}, rate_per_second=25, sleep=sleep)
        draining = asyncio.create_task(sender.drain())
        await asyncio.wait_for(channel.full.wait(), 30)
        assert [text for _, text in channel.started] == [f"m{n}" for n in range(SENDS_IN_FLIGHT)]
        channel.release.set()
        assert await asyncio.wait_for(draining, 30) == 22
        assert channel.most_at_once == SENDS_IN_FLIGHT
        assert not channel.twice_to_a_chat
        assert [text for _, text in channel.started[:20]] == [f"m{n}" for n in range(20)]  # due order
        assert [text for chat, text in channel.started if chat == "0"] == ["m0", "again0", "again1"]
        assert pace_of(channel).counted <= 28  # every message landed: none is counted as on its way
        async with store.reading() as uow:
            assert await uow.outbox.pending(clock.now() + timedelta(hours=1), 100) == []
    finally:
        await store.close()
