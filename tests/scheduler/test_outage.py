"""The platform's health as the outbox sender sees it, on a channel whose probe and sends a test
switches: a failure the probe contradicts is the message's own (it keeps its backoff and holds nothing
else up); a platform that does not answer is probed at a short, capped interval, nothing else is sent
to it, and its return releases every waiting message at once, crisis first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.channels.base import Capabilities, DeliveryFailed
from bot.channels.health import PROBE_CAP, PlatformHealth, State
from bot.clock import FakeClock
from bot.messages import Reply
from bot.priorities import Priority
from bot.store.records import OutboxItem
from scheduler.sender import Sender
from tests.rig import Rig


@dataclass(eq=False)
class Flaky:
    """A platform that can be down (every call fails) or refuse one poisoned text while up."""

    clock: FakeClock
    name: str = "flaky"
    capabilities: Capabilities = field(default_factory=lambda: Capabilities(True, True, 4096))
    down: bool = False
    poison: str = "poison"
    sent: list[tuple[str, datetime]] = field(default_factory=list)
    attempts: int = 0
    probes: list[datetime] = field(default_factory=list)

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.attempts += 1
        if self.down or reply.text == self.poison:
            raise DeliveryFailed("502 Bad Gateway")
        self.sent.append((reply.text, self.clock.now()))

    async def probe(self) -> bool:
        self.probes.append(self.clock.now())
        return not self.down


def sender_on(rig: Rig, channel: Flaky) -> Sender:
    async def sleep(seconds: float) -> None:
        rig.clock.advance(timedelta(seconds=seconds))

    return Sender(rig.bot.store, rig.clock, {channel.name: channel}, rate_per_second=50, sleep=sleep)


async def queue(rig: Rig, *texts_and_priorities: tuple[str, Priority]) -> None:
    async with rig.bot.store.unit_of_work() as uow:
        await uow.outbox.add_many([OutboxItem(f"k-{text}", None, "flaky", f"chat-{text}", priority, Reply(text),
                                              rig.clock.now()) for text, priority in texts_and_priorities])
        await uow.commit()


async def test_a_failure_the_probe_contradicts_is_the_messages_own(rig: Rig) -> None:
    channel = Flaky(rig.clock)
    sender = sender_on(rig, channel)
    await queue(rig, ("poison", Priority.CRISIS), ("a", Priority.ROUTINE), ("b", Priority.ROUTINE))
    await sender.drain()
    assert [text for text, _at in channel.sent] == ["a", "b"]  # the others went at once
    assert len(channel.probes) == 1 and sender.stats.parked == 0
    rig.clock.advance(timedelta(seconds=2))
    await sender.drain()
    assert channel.attempts == 3  # the poisoned one keeps its 5-second backoff
    rig.clock.advance(timedelta(seconds=4))
    await sender.drain()
    assert channel.attempts == 4


async def test_a_platform_that_is_down_is_probed_not_sent_to_and_its_return_releases_everything(rig: Rig) -> None:
    channel = Flaky(rig.clock, down=True)
    sender = sender_on(rig, channel)
    await queue(rig, ("routine", Priority.ROUTINE), ("dose", Priority.DOSE))
    start = rig.clock.now()
    await sender.drain()
    await queue(rig, ("alert", Priority.CRISIS))
    for _ in range(600):  # ten minutes down, the sender's loop once a second
        rig.clock.advance(timedelta(seconds=1))
        await sender.drain()
    assert channel.attempts == 1  # only the first send tried; then only probes
    gaps = [(b - a).total_seconds() for a, b in zip(channel.probes, channel.probes[1:], strict=False)]
    assert gaps[:3] == [1, 2, 4] and max(gaps) <= PROBE_CAP.total_seconds()
    assert len(channel.probes) < 130  # one getMe every few seconds, not a send per message
    channel.down = False
    back = rig.clock.now()
    for _ in range(PROBE_CAP.seconds + 1):
        rig.clock.advance(timedelta(seconds=1))
        await sender.drain()
    assert [text for text, _at in channel.sent] == ["alert", "dose", "routine"]  # by priority
    assert all(at - back <= PROBE_CAP + timedelta(seconds=1) for _text, at in channel.sent)
    assert rig.clock.now() - start > timedelta(minutes=10)


async def test_the_probe_interval_doubles_to_its_cap_and_a_return_calls_the_listeners() -> None:
    answers = [False] * 6 + [True]
    called: list[str] = []

    async def probe() -> bool:
        return answers.pop(0)

    health = PlatformHealth("zalo", probe)
    health.on_return(called.append)
    now = datetime(2026, 11, 23, 1, 0)
    health.failed(now)
    assert health.state is State.SUSPECT and health.probe_due(now)
    moments: list[float] = []
    while not await health.check(now):
        if health.state is State.DOWN:
            assert health.next_probe_at is not None
            moments.append((health.next_probe_at - now).total_seconds())
            now = health.next_probe_at
    assert moments == [1, 2, 4, 5, 5, 5]
    assert called == ["zalo"] and health.state is State.UP
