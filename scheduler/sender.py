"""The one sender that drains the outbox: by priority (crisis alerts, appointment reminders, dose
reminders, the rest), under a global rate and at most one message per second per chat.

Each message is marked in its own transaction right after the platform accepts it, so a crash can at
worst send one message twice (the moment between the platform's answer and the mark), never lose one.
A 429 pauses everything for its retry_after; a network or server error retries that message with
backoff; "blocked" or "chat not found" marks the person unreachable, which pauses their reminders and
drops what was queued for them. A message past its grace window is dropped and recorded, not sent late.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.channels.base import Channel, ChatUnreachable, DeliveryFailed
from bot.clock import Clock
from bot.messages import Choice
from bot.services.budget import MessageBudget, Priority
from bot.store.base import Store
from bot.store.records import OutboxItem

log = logging.getLogger(__name__)
BATCH = 200
MAX_BACKOFF = timedelta(minutes=10)

Sleep = Callable[[float], Awaitable[None]]
Offer = Callable[[int, tuple[Choice, ...]], Awaitable[None]]
Unreachable = Callable[[int], Awaitable[None]]


@dataclass
class SenderStats:
    sent: int = 0
    dropped_late: int = 0
    held: int = 0
    unreachable: int = 0
    retried: int = 0
    rate_limited: int = 0


class Sender:
    def __init__(
        self, store: Store, clock: Clock, channels: Mapping[str, Channel], *, rate_per_second: float = 25.0,
        per_chat_seconds: float = 1.0, budgets: Mapping[str, MessageBudget] | None = None,
        offer: Offer | None = None, unreachable: Unreachable | None = None, sleep: Sleep = asyncio.sleep,
    ) -> None:
        if rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        self._store, self._clock, self._channels = store, clock, channels
        self._interval = timedelta(seconds=1 / rate_per_second)
        self._per_chat = timedelta(seconds=per_chat_seconds)
        self._budgets = budgets or {}
        self._offer, self._unreachable, self._sleep = offer, unreachable, sleep
        self._next_slot: datetime | None = None
        self._paused_until: datetime | None = None
        self._last_to_chat: dict[tuple[str, str], datetime] = {}
        self._wake = asyncio.Event()
        self.stats = SenderStats()

    def wake(self) -> None:
        """New messages were queued: look now rather than at the next poll."""
        self._wake.set()

    async def run(self, poll_seconds: float = 1.0) -> None:
        """Drain forever (until cancelled), waking on `wake()` or every poll."""
        while True:
            try:
                await self.drain()
            except Exception:
                log.exception("outbox sender failed; trying again")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), poll_seconds)

    async def drain(self) -> int:
        """Send everything that may be sent now; returns how many were sent. Waits (through `sleep`)
        for the global rate, a 429's pause and the per-chat gap, so it returns when the due queue is
        empty or holds only messages waiting for a retry."""
        sent = 0
        while True:
            now = self._clock.now()
            async with self._store.unit_of_work() as uow:
                batch = await uow.outbox.pending(now, BATCH)
            if not batch:
                return sent
            progressed, earliest_chat = False, None
            for item in batch:
                outcome = await self._one(item)
                if outcome == "no_channel":
                    continue
                if outcome == "later":
                    wait_until = self._last_to_chat[(item.channel, item.chat_id)] + self._per_chat
                    earliest_chat = wait_until if earliest_chat is None else min(earliest_chat, wait_until)
                    continue
                progressed = True
                sent += outcome == "sent"
            if not progressed:
                if earliest_chat is None:
                    return sent
                await self._wait_until(earliest_chat)

    async def _one(self, item: OutboxItem) -> str:
        assert item.id is not None
        now = self._clock.now()
        if item.expires_at is not None and now > item.expires_at:
            await self._finish(item, "dropped", "late")
            self.stats.dropped_late += 1
            log.info("outbox: %s dropped, %s late", item.key, now - item.due_at)
            return "dropped"
        channel = self._channels.get(item.channel)
        if channel is None:
            return "no_channel"  # stays queued until that channel is attached
        last = self._last_to_chat.get((item.channel, item.chat_id))
        if last is not None and now < last + self._per_chat:
            return "later"
        budget = self._budgets.get(item.channel)
        if budget is not None and not await budget.allows(Priority(item.priority)):
            await self._finish(item, "held", "monthly budget")
            self.stats.held += 1
            return "held"
        await self._wait_for_slot()
        try:
            await channel.send(item.chat_id, item.reply)
        except ChatUnreachable:
            await self._chat_unreachable(item)
            return "unreachable"
        except DeliveryFailed as failure:
            await self._failed(item, failure)
            return "retry"
        sent_at = self._clock.now()
        self._last_to_chat[(item.channel, item.chat_id)] = sent_at
        await self._finish(item, "sent", None)
        self.stats.sent += 1  # the channel counts it against its monthly budget, as it does replies
        if item.reply.choices and item.person_id is not None and self._offer is not None:
            await self._offer(item.person_id, item.reply.choices)
        return "sent"

    async def _wait_for_slot(self) -> None:
        """The global rate: one message per interval, and nothing while a 429's pause lasts."""
        now = self._clock.now()
        if self._paused_until is not None and now < self._paused_until:
            await self._wait_until(self._paused_until)
            now = self._clock.now()
        if self._next_slot is not None and now < self._next_slot:
            await self._wait_until(self._next_slot)
            now = self._clock.now()
        self._next_slot = max(now, self._next_slot or now) + self._interval

    async def _wait_until(self, moment: datetime) -> None:
        delay = (moment - self._clock.now()).total_seconds()
        if delay > 0:
            await self._sleep(delay)

    async def _finish(self, item: OutboxItem, status: str, note: str | None) -> None:
        assert item.id is not None
        async with self._store.unit_of_work() as uow:
            await uow.outbox.finish(item.id, status, self._clock.now(), note)
            await uow.commit()

    async def _failed(self, item: OutboxItem, failure: DeliveryFailed) -> None:
        assert item.id is not None
        now = self._clock.now()
        if failure.retry_after:
            self.stats.rate_limited += 1
            self._paused_until = now + timedelta(seconds=failure.retry_after)
            retry_at = self._paused_until
            log.warning("outbox: rate limited by %s; pausing %.1fs", item.channel, failure.retry_after)
        else:
            self.stats.retried += 1
            retry_at = now + min(timedelta(seconds=5 * 2 ** item.attempts), MAX_BACKOFF)
            log.warning("outbox: %s failed (%s); retry at %s", item.key, failure, retry_at.isoformat())
        async with self._store.unit_of_work() as uow:
            await uow.outbox.retry(item.id, retry_at)
            await uow.commit()

    async def _chat_unreachable(self, item: OutboxItem) -> None:
        self.stats.unreachable += 1
        now = self._clock.now()
        async with self._store.unit_of_work() as uow:
            assert item.id is not None
            await uow.outbox.finish(item.id, "dropped", now, "unreachable")
            if item.person_id is not None:
                await uow.people.set_unreachable_by_id(item.person_id)
                await uow.outbox.drop_person(item.person_id, now, "unreachable")
            await uow.commit()
        if item.person_id is not None and self._unreachable is not None:
            await self._unreachable(item.person_id)
        log.info("outbox: a person on %s is unreachable; their reminders pause", item.channel)
