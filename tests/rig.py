"""The conversation rig: the core on a real SQLite file, a fake clock, a channel that records what
it is asked to send, and the real outbox sender whose waits move the fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import Bot, build
from bot.channels.base import Capabilities
from bot.clock import FakeClock
from bot.messages import Incoming, Reply
from bot.services.reminders import claim_due
from scheduler.sender import Sender
from tests.conftest import make_settings

# 06:00 in Hà Nội on Monday 23/11/2026.
START = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)


@dataclass
class RecordingChannel:
    """A channel that keeps what it was asked to send, and fails when told to."""

    name: str = "test"
    capabilities: Capabilities = field(default_factory=lambda: Capabilities(buttons=True, location=True,
                                                                            max_text=4096))
    sent: list[tuple[str, Reply, datetime]] = field(default_factory=list)
    failures: list[Exception] = field(default_factory=list)
    clock: FakeClock | None = None

    async def send(self, chat_id: str, reply: Reply) -> None:
        if self.failures:
            raise self.failures.pop(0)
        assert self.clock is not None
        self.sent.append((chat_id, reply, self.clock.now()))


@dataclass
class Rig:
    bot: Bot
    clock: FakeClock
    channel: RecordingChannel
    sender: Sender
    events: int = 0
    last_replies: list[Reply] = field(default_factory=list)  # what the last `say` got, choices too

    async def say(self, text: str | None = None, user: str = "u1", choice: str | None = None) -> list[str]:
        self.events += 1
        outcome = await self.bot.core.handle(Incoming("test", user, user, f"e{self.events}", text=text,
                                                      choice=choice))
        self.last_replies = list(outcome.replies)
        return [r.text for r in outcome.replies]

    async def tick(self) -> int:
        await claim_due(self.bot.store, self.bot.catalogs, self.clock.now())
        return await self.sender.drain()

    def texts(self, user: str = "u1") -> list[str]:
        return [reply.text for chat, reply, _ in self.channel.sent if chat == user]

    async def outbox(self) -> list[dict[str, object]]:
        return (await self.bot.store.table_rows())["outbox"]


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[Rig]:
    clock = FakeClock(START)
    bot = await build(make_settings(tmp_path), clock=clock, store_path=tmp_path / "r.sqlite3", deliver=False)
    channel = RecordingChannel(clock=clock)

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    sender = Sender(bot.store, clock, {"test": channel}, rate_per_second=5, offer=bot.core.offer,
                    unreachable=bot.core.unreachable, sleep=sleep)
    yield Rig(bot, clock, channel, sender)
    await bot.store.close()


async def onboard(rig: Rig, user: str = "u1", consent: str = "1") -> None:
    await rig.say("/start", user)
    for answer in ("1", "1", consent):
        await rig.say(answer, user)
