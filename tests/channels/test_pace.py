"""One send budget per platform: replies take slots without waiting, the sender fills the rest, a late
sender catches up without ever passing the platform's limit, and a chat's memory is pruned."""

from __future__ import annotations

import bisect
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.channels.base import Capabilities
from bot.channels.pace import CATCH_UP, SendPace, pace_of, retry_delay
from bot.clock import FakeClock
from bot.messages import Reply
from bot.store.records import OutboxItem, Person
from bot.store.sqlite import SqliteStore
from scheduler.sender import Sender

NOW = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


def paced(rate: float = 25) -> SendPace:
    pace = SendPace()
    pace.configure(rate, 1.0)
    return pace


def test_an_unconfigured_pace_delays_nothing() -> None:
    pace = SendPace()
    for _ in range(100):
        pace.take(NOW, "c")
    assert pace.wait(NOW) == 0


def test_a_reply_takes_a_slot_at_once_and_the_scheduled_message_waits_behind_it() -> None:
    pace = paced(25)
    assert pace.wait(NOW) == 0
    pace.take(NOW, "a")  # a scheduled message
    pace.take(NOW, "b")  # a reply, at once, although the slot was not free
    pace.take(NOW, "c")  # another reply
    assert abs(pace.wait(NOW) - 3 / 25) < 1e-9  # the next scheduled message goes after all three


def test_a_late_sender_catches_up_but_never_sends_more_than_the_limit_in_a_second() -> None:
    rate = 25
    pace = paced(rate)
    sends: list[datetime] = []
    now = NOW
    for step in range(2000):
        # A loop that wakes late now and then (every 7th slot by 100 ms, every 50th by a whole second).
        late = timedelta(seconds=1) if step % 50 == 49 else timedelta(milliseconds=100 if step % 7 == 0 else 0)
        now = now + timedelta(seconds=max(pace.wait(now), 0)) + late
        pace.take(now, str(step))
        pace.landed(now)
        sends.append(now)
    span = (sends[-1] - sends[0]).total_seconds()
    worst = max(sum(1 for t in sends[i:i + 60] if t - sends[i] < timedelta(seconds=1)) for i in range(len(sends)))
    assert worst <= rate * (1 + CATCH_UP.total_seconds()) + 1
    # Only the second-long stalls are lost; the 100 ms ones are caught up.
    assert len(sends) / (span - 39) > 0.99 * rate


def test_a_pause_holds_the_scheduled_messages_and_says_how_long_to_a_reply() -> None:
    pace = paced()
    pace.pause(NOW + timedelta(seconds=3))
    assert pace.wait(NOW) == 3
    assert pace.paused(NOW) == 3
    assert pace.paused(NOW + timedelta(seconds=4)) == 0


def test_chats_are_remembered_only_for_the_gap() -> None:
    pace = paced()
    for n in range(10_000):
        pace.take(NOW + timedelta(milliseconds=n), str(n))
    assert pace.chats_remembered <= 1001  # a second's worth at one a millisecond
    assert pace.chat_free_at("9999") == NOW + timedelta(milliseconds=9999, seconds=1)
    assert pace.chat_free_at("1") is None


def test_one_retry_schedule() -> None:
    assert [retry_delay(n) for n in range(6)] == [5, 30, 120, 600, 600, 600]


class _Channel:
    name = "test"
    capabilities = Capabilities(buttons=True, location=True, max_text=4096, discreet_notice=False)

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.sent: list[datetime] = []

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.sent.append(self.clock.now())


async def test_the_sender_leaves_the_slots_replies_took(tmp_path: Path) -> None:
    clock = FakeClock(NOW)
    store = SqliteStore(tmp_path / "pace.sqlite3")
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            someone = await uow.people.add(Person("test", "1", "1", "Mây", "vi", NOW, NOW))
            await uow.outbox.add_many([OutboxItem(f"k{n}", someone.id, "test", str(n), 3, Reply("x"), NOW)
                                       for n in range(3)])
            await uow.commit()
        channel = _Channel(clock)

        async def sleep(seconds: float) -> None:
            clock.advance(timedelta(seconds=seconds))

        sender = Sender(store, clock, {"test": channel}, rate_per_second=10, sleep=sleep)
        pace = pace_of(channel)
        pace.configure(10, 1.0)
        for _ in range(5):  # five replies went just now
            with pace.sending(clock.now, "reply"):
                pass
        assert await sender.drain() == 3
        assert channel.sent[0] - NOW >= timedelta(milliseconds=500)  # behind the five replies' slots
    finally:
        await store.close()


async def test_a_commit_that_queues_messages_wakes_the_sender_and_nothing_else_does(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "wake.sqlite3")
    await store.open()
    woken: list[int] = []
    store.on_queued(lambda: woken.append(1))
    try:
        async with store.unit_of_work() as uow:
            someone = await uow.people.add(Person("test", "1", "1", "Mây", "vi", NOW, NOW))
            await uow.commit()
        assert woken == []
        async with store.unit_of_work() as uow:
            await uow.outbox.add_many([OutboxItem("k", someone.id, "test", "1", 3, Reply("x"), NOW)])
            # left without commit: rolled back, nothing to send
        assert woken == []
        async with store.unit_of_work() as uow:
            await uow.outbox.add_many([OutboxItem("k", someone.id, "test", "1", 3, Reply("x"), NOW)])
            assert woken == []  # not before the commit: the sender would not see the rows yet
            await uow.commit()
        assert woken == [1]
    finally:
        await store.close()


def test_a_reply_waits_only_when_the_last_second_is_full() -> None:
    pace = paced(25)
    assert pace.ceiling == 28
    for n in range(27):
        pace.take(NOW + timedelta(milliseconds=10 * n), str(n))
        pace.landed(NOW + timedelta(milliseconds=10 * n))
    moment = NOW + timedelta(milliseconds=500)
    assert pace.room(moment) == 0
    pace.take(moment, "27")  # still on its way
    assert abs(pace.room(moment) - 0.5) < 1e-9  # until the first of the 28 leaves the second
    assert pace.room(NOW + timedelta(seconds=1, milliseconds=1)) == 0


def test_a_message_counts_until_a_second_after_its_answer() -> None:
    pace = paced(25)
    for n in range(28):
        pace.take(NOW, str(n))  # all on their way: the platform may count any of them at any moment
    assert pace.room(NOW + timedelta(seconds=5)) == 1.0  # until a second after the first answer
    for _ in range(28):
        pace.landed(NOW + timedelta(seconds=2))
    assert pace.room(NOW + timedelta(seconds=2, milliseconds=999)) > 0
    assert pace.room(NOW + timedelta(seconds=3)) == 0


@pytest.mark.parametrize("seed", range(5))
def test_no_second_of_the_platform_holds_more_than_the_ceiling_whatever_the_delays(seed: int) -> None:
    """Replies of concurrent turns and the sender's messages, each arriving at the platform anywhere
    between taking its slot and its answer (a pooled connection's queue, a slow network): the platform,
    which counts arrivals, never sees more than the ceiling in any second."""
    rng = random.Random(seed)
    pace = paced(25)
    assert pace.ceiling is not None
    step = timedelta(milliseconds=2)
    now = NOW
    answers: list[datetime] = []  # of the messages on their way
    arrivals: list[datetime] = []  # when the platform counted each message
    sender_busy_until: datetime | None = None
    for _ in range(30_000):  # a minute
        now += step
        for answer in [a for a in answers if a <= now]:
            answers.remove(answer)
            pace.landed(now)
        wanted = rng.random() < 0.04  # about 20 replies a second, beyond what the budget leaves them
        if wanted and pace.room(now) <= 0:
            trip = timedelta(milliseconds=rng.choice((5, 40, 300, 900)))
            pace.take(now, "reply")
            answers.append(now + trip)
            arrivals.append(now + trip * rng.choice((0.0, 1.0)))
        if (sender_busy_until is None or now >= sender_busy_until) and pace.wait(now) <= 0:
            trip = timedelta(milliseconds=rng.choice((5, 40, 300)))
            pace.take(now, "scheduled")
            answers.append(now + trip)
            arrivals.append(now + trip * rng.choice((0.0, 1.0)))
            sender_busy_until = now + trip / 8  # eight on their way at once
    arrivals.sort()
    worst = max(bisect.bisect_left(arrivals, a + timedelta(seconds=1)) - i for i, a in enumerate(arrivals))
    assert len(arrivals) > 25 * 60 * 0.8
    assert worst <= pace.ceiling


async def test_a_waiting_reply_holds_the_sender_back_and_gets_the_room_that_frees() -> None:
    clock = FakeClock(NOW)
    pace = paced(25)
    assert pace.ceiling is not None
    for n in range(pace.ceiling):  # sent two seconds ago, answered just now: the ceiling is full
        pace.take(NOW - timedelta(seconds=2), str(n))
        pace.landed(NOW)
    woken: list[float] = []

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))
        # The room has just freed and the reply has not taken it yet: the sender must not either.
        woken.append(pace.wait(clock.now()))

    await pace.room_for_reply(clock.now, sleep)
    assert woken and all(wait > 0 for wait in woken)
    assert pace.room(clock.now()) == 0 and pace.replies_waiting == 0
    assert clock.now() - NOW == timedelta(seconds=1)  # the second of the first answers, no more
