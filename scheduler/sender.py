"""The one sender that drains the outbox: by priority (crisis alerts, appointment reminders, dose
reminders, the rest), under a global rate and at most one message per second per chat.

Each message is marked in its own transaction right after the platform accepts it, so a crash can at
worst send again the messages that were on their way (up to SENDS_IN_FLIGHT: the moment between the
platform's answer and the mark), never lose one.
The rate and the 429 pause are the platform's one send budget, shared with the core's replies, which
go first (bot/channels/pace.py). A 429 pauses its own platform for its retry_after; a network or server
error retries that message with backoff (the same schedule as a reply's) and makes the platform suspect:
the sender probes it (bot/channels/health.py), and while it is down nothing is sent to it but the probe;
the probe that finds it back releases every waiting message at once, crisis alerts first. "Blocked" or
"chat not found" marks the person unreachable, which pauses their reminders and drops what was queued
for them. A message the platform refuses for good is dropped and recorded, as is one past its grace
window: never sent late.

Everything here is a message the person did not just ask for. For a discreet person (the default) on a
platform that can deliver silently, it goes as a neutral notifying line ("Bạn có tin nhắn mới") and then
the text without a notification, so a lock screen shows nothing about treatment, drugs or the point.
On a platform that cannot (Zalo), such a message is kept instead: the person gets only the neutral line,
saying to write to read it, and the core shows what was kept in answer to their next message (they are
looking at the chat then). Reminder occurrences are worded discreetly by the person's own choice and go
as they are.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping, MutableSet
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.channels.base import (
    QUOTA_ATTEMPTS,
    Channel,
    ChatUnreachable,
    DeliveryFailed,
    MessageRefused,
    QuotaExceeded,
)
from bot.channels.health import PlatformHealth, State, health_of
from bot.channels.pace import SendPace, pace_of, retry_delay
from bot.clock import Clock
from bot.i18n import Catalogs
from bot.keys import prefix_of
from bot.messages import Choice, Reply
from bot.priorities import Priority
from bot.services.budget import MessageBudget
from bot.services.people import mark_unreachable
from bot.store.base import Store
from bot.store.records import OutboxItem

log = logging.getLogger(__name__)
BATCH = 200
# Messages on their way to the platforms at once (the Telegram channel pools 8 connections).
SENDS_IN_FLIGHT = 8
MAX_BACKOFF = timedelta(minutes=10)  # how long a message to a platform that is down is parked
# A pause longer than this (a quota, a long retry_after) parks that platform's messages instead of
# holding up the others.
LONGEST_WAIT = timedelta(seconds=30)
# One neutral line covers what follows it to the same chat for this long.
NOTICE_AGAIN_AFTER = timedelta(minutes=5)

Sleep = Callable[[float], Awaitable[None]]
Offer = Callable[[int, tuple[Choice, ...]], Awaitable[None]]
Unreachable = Callable[[int], Awaitable[None]]
Kept = MutableSet[int]


@dataclass
class SenderStats:
    sent: int = 0
    dropped_late: int = 0
    held: int = 0
    unreachable: int = 0
    retried: int = 0
    rate_limited: int = 0
    refused: int = 0
    parked: int = 0
    released: int = 0
    notices: int = 0
    kept: int = 0


class Sender:
    def __init__(
        self, store: Store, clock: Clock, channels: Mapping[str, Channel], *, rate_per_second: float = 25.0,
        per_chat_seconds: float = 1.0, budgets: Mapping[str, MessageBudget] | None = None,
        offer: Offer | None = None, unreachable: Unreachable | None = None, sleep: Sleep = asyncio.sleep,
        catalogs: Catalogs | None = None, kept: Kept | None = None,
    ) -> None:
        if rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        self._store, self._clock, self._channels = store, clock, channels
        self._rate, self._per_chat_seconds = rate_per_second, per_chat_seconds
        self._budgets = budgets or {}
        self._offer, self._unreachable, self._sleep = offer, unreachable, sleep
        # The people with messages kept for them to ask for (shared with the core, which shows them at
        # their next turn); without it nothing is kept.
        self._kept = kept
        # The neutral notifying line is worded per locale; without catalogs every message goes as is.
        # The reminder engine hands over its own when none were given (scheduler/reminders.py).
        self.catalogs = catalogs
        self._last_notice: dict[tuple[str, str], datetime] = {}
        self._waiting: dict[str, set[int]] = {}  # per platform: messages to release when it answers again
        self._slot_turn: dict[str, asyncio.Lock] = {}  # per platform: one message at a time takes a slot
        self._wake = asyncio.Event()
        self.stats = SenderStats()

    def wake(self) -> None:
        """New messages were queued: look now rather than at the next poll."""
        self._wake.set()

    async def run(self, poll_seconds: float = 1.0) -> None:
        """Drain forever (until cancelled), waking on `wake()` or every poll (which is also how often a
        platform that is down can be probed)."""
        while True:
            self._wake.clear()  # before draining: a wake during the drain means another look at once
            try:
                await self.drain()
            except Exception:
                log.exception("outbox sender failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), poll_seconds)

    async def drain(self) -> int:
        """Send everything that may be sent now; returns how many were sent (or kept for their reader).
        Probes a platform that is down when its probe is due. Waits (through `sleep`) for the global rate,
        a short 429 pause and the per-chat gap, so it returns when the due queue is empty or holds only
        messages waiting for a retry or for their platform."""
        sent = 0
        while True:
            await self.check_platforms()
            now = self._clock.now()
            async with self._store.reading() as uow:
                batch = await uow.outbox.pending(now, BATCH)
            if not batch:
                return sent
            progressed, earliest_chat = False, None
            for item, outcome in await self._batch(batch):
                if outcome == "no_channel":
                    continue
                if outcome == "later":
                    wait_until = self._pace(self._channels[item.channel]).chat_free_at(item.chat_id) or now
                    earliest_chat = wait_until if earliest_chat is None else min(earliest_chat, wait_until)
                    continue
                progressed = True
                sent += outcome in ("sent", "kept")
            if not progressed:
                if earliest_chat is None:
                    return sent
                await self._wait_until(earliest_chat)

    async def _batch(self, batch: list[OutboxItem]) -> list[tuple[OutboxItem, str]]:
        """Each message of the batch, in its order, with up to SENDS_IN_FLIGHT of them on their way at
        once: a send waits a round trip for the platform's answer (a fifth of a second from Vietnam to
        Telegram's servers), so one at a time would cap the rate at about five a second whatever the
        configured rate. Slots are still taken one by one in the batch's order (`_send`); a chat's
        next message waits for the batch after the one in flight, which keeps each chat's order. Returns
        when every message of the batch is done, so a row is never read again while it is on its way."""
        slots = asyncio.Semaphore(SENDS_IN_FLIGHT)
        busy: set[tuple[str, str]] = set()
        outcomes: list[tuple[OutboxItem, str]] = []
        errors: list[Exception] = []

        async def one(item: OutboxItem, chat: tuple[str, str]) -> None:
            try:
                outcomes.append((item, await self._one(item)))
            except Exception as exc:  # the others on their way finish and are marked; nothing more starts
                errors.append(exc)
            finally:
                busy.discard(chat)
                slots.release()

        async with asyncio.TaskGroup() as group:
            for item in batch:
                chat = (item.channel, item.chat_id)
                if chat in busy:
                    continue  # read again with the next batch, once the one before it is done
                await slots.acquire()
                if errors:
                    slots.release()
                    break
                busy.add(chat)
                group.create_task(one(item, chat))
        if errors:
            raise errors[0]
        return outcomes

    def _pace(self, channel: Channel) -> SendPace:
        """The platform's send budget, which the core's replies share, at this sender's rate."""
        pace = pace_of(channel)
        pace.configure(self._rate, self._per_chat_seconds)
        return pace

    async def check_platforms(self) -> None:
        """Probe each platform whose probe is due; one that answers again after being down gets its
        waiting messages back at once (the core's replies through its own listener)."""
        for name, channel in self._channels.items():
            self._pace(channel)  # the replies count against the budget from the first one
            await self._probe(name, health_of(channel))

    async def _probe(self, name: str, health: PlatformHealth) -> None:
        if not health.probe_due(self._clock.now()):
            return
        if await health.check(self._clock.now()):
            await self._release(name)
        elif health.state is State.UP:
            # It answered at once: the failure was the message's own, which keeps its backoff.
            self._waiting.pop(name, None)

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
        health = health_of(channel)
        await self._probe(item.channel, health)  # after a failed send, before trying the next one
        if health.down:
            await self._park(item, now + MAX_BACKOFF, health)
            return "parked"
        pace = self._pace(channel)
        if pace.paused(now) > LONGEST_WAIT.total_seconds():
            assert pace.paused_until is not None
            await self._park(item, pace.paused_until, None)
            return "parked"
        free_at = pace.chat_free_at(item.chat_id)
        if free_at is not None and now < free_at:
            return "later"
        budget = self._budgets.get(item.channel)
        if budget is not None and not await budget.allows(Priority(item.priority)):
            await self._finish(item, "held", "monthly budget")
            self.stats.held += 1
            return "held"
        try:
            kept = await self._deliver(channel, item)
        except ChatUnreachable:
            await self._chat_unreachable(item)
            return "unreachable"
        except MessageRefused as refused:
            await self._finish(item, "dropped", "refused")
            self.stats.refused += 1
            log.error("outbox: %s refused by %s (%s); dropped, not retried", item.key, item.channel, refused)
            return "refused"
        except DeliveryFailed as failure:
            return await self._failed(item, failure, health)
        if kept:
            async with self._store.unit_of_work() as uow:
                await uow.outbox.keep(item.id, self._clock.now())
                await uow.commit()
            assert self._kept is not None and item.person_id is not None
            self._kept.add(item.person_id)
            self.stats.kept += 1
            return "kept"
        await self._finish(item, "sent", None)
        self.stats.sent += 1  # the channel counts it against its monthly budget, as it does replies
        if item.reply.choices and item.person_id is not None and self._offer is not None:
            await self._offer(item.person_id, item.reply.choices)
        return "sent"

    async def _deliver(self, channel: Channel, item: OutboxItem) -> bool:
        """The message, after a neutral notifying line and then silently when its person is discreet
        and the platform can deliver silently; on a platform that cannot, only the neutral line, and the
        message is kept for the person to ask for (True). One neutral line covers what follows it for a
        while, so a relay in parts or a row of notices rings once; a crisis alert always rings, with its
        own line."""
        reply = item.reply
        silent = channel.capabilities.discreet_notice
        keeps = channel.capabilities.keeps_unasked and self._kept is not None and not _worded_by_choice(item)
        if not silent and not keeps:
            await self._send(channel, item.chat_id, reply)
            return False
        discreet, locale = await self._discreet(item)
        if not discreet:
            await self._send(channel, item.chat_id, reply)
            return False
        assert self.catalogs is not None
        _ = self.catalogs.translator(locale)
        urgent = item.priority == Priority.CRISIS
        if not silent:
            # One line per unread batch: it says there is something to read until the person reads it.
            if urgent or not await self._has_kept(item.person_id):
                await self._send(channel, item.chat_id,
                                 Reply(_("notify.kept_urgent") if urgent else _("notify.kept")))
                self.stats.notices += 1
            return True
        chat = (item.channel, item.chat_id)
        now = self._clock.now()
        last = self._last_notice.get(chat)
        if urgent or last is None or now - last >= NOTICE_AGAIN_AFTER:
            await self._send(channel, item.chat_id, Reply(_("notify.urgent") if urgent else _("notify.new_message")))
            self.stats.notices += 1
            self._remember_notice(chat, now)
        await self._send(channel, item.chat_id, replace(reply, silent=True))
        return False

    async def _send(self, channel: Channel, chat_id: str, reply: Reply) -> None:
        """One message, in its slot of the platform's budget (the neutral line takes one too)."""
        pace = self._pace(channel)
        async with self._slot_turn.setdefault(channel.name, asyncio.Lock()):  # slots in the batch's order
            await self._wait_for_slot(pace)
            pace.take(self._clock.now(), chat_id)
        try:
            await channel.send(chat_id, reply)
        except DeliveryFailed as failure:
            if failure.retry_after:
                pace.pause(self._clock.now() + timedelta(seconds=failure.retry_after))
            raise
        finally:
            pace.landed(self._clock.now())

    async def _has_kept(self, person_id: int | None) -> bool:
        """Whether the person still has kept messages they have not read: asked of the database where
        other processes share it (their turns show what was kept), else this process's own record."""
        assert self._kept is not None
        if person_id is None:
            return False
        if not getattr(self._store, "shared", False):
            return person_id in self._kept
        async with self._store.reading() as uow:
            return await uow.outbox.has_kept(person_id)

    async def _discreet(self, item: OutboxItem) -> tuple[bool, str]:
        """Whether this message needs the neutral line, and the person's locale; read at send time, so
        a wording choice changed after the message was queued still holds."""
        if self.catalogs is None or item.person_id is None:
            return False, ""
        async with self._store.reading() as uow:
            person = await uow.people.get_by_id(item.person_id)
        if person is None or not person.discreet:
            return False, ""
        return True, person.locale

    def _remember_notice(self, chat: tuple[str, str], at: datetime) -> None:
        self._last_notice[chat] = at
        if len(self._last_notice) > 10_000:
            self._last_notice = {k: v for k, v in self._last_notice.items() if at - v < NOTICE_AGAIN_AFTER}

    async def _wait_for_slot(self, pace: SendPace) -> None:
        """The platform's rate, shared with the core's replies (which take their slots without
        waiting), and nothing to a platform while its short 429 pause lasts."""
        while (wait := pace.wait(self._clock.now())) > 0:
            await self._sleep(wait)

    async def _wait_until(self, moment: datetime) -> None:
        delay = (moment - self._clock.now()).total_seconds()
        if delay > 0:
            await self._sleep(delay)

    async def _finish(self, item: OutboxItem, status: str, note: str | None) -> None:
        assert item.id is not None
        async with self._store.unit_of_work() as uow:
            await uow.outbox.finish(item.id, status, self._clock.now(), note)
            await uow.commit()

    async def _retry_at(self, item: OutboxItem, at: datetime) -> None:
        assert item.id is not None
        async with self._store.unit_of_work() as uow:
            await uow.outbox.retry(item.id, at)
            await uow.commit()

    async def _park(self, item: OutboxItem, until: datetime, health: PlatformHealth | None) -> None:
        """Not sent now, and not tried until `until`, or until its platform answers again (`health`)."""
        assert item.id is not None
        await self._retry_at(item, until)
        self.stats.parked += 1
        if health is not None:
            self._waiting.setdefault(item.channel, set()).add(item.id)

    async def _release(self, channel: str) -> None:
        ids = self._waiting.pop(channel, set())
        if not ids:
            return
        now = self._clock.now()
        async with self._store.unit_of_work() as uow:
            for item_id in ids:
                await uow.outbox.retry(item_id, now)
            await uow.commit()
        self.stats.released += len(ids)
        log.info("outbox: %d messages to %s released", len(ids), channel)

    async def _failed(self, item: OutboxItem, failure: DeliveryFailed, health: PlatformHealth) -> str:
        now = self._clock.now()
        if isinstance(failure, QuotaExceeded) and item.attempts + 1 >= QUOTA_ATTEMPTS:
            await self._finish(item, "dropped", "quota")
            self.stats.refused += 1
            log.error("outbox: %s dropped after %d refusals for %s's quota (%s)", item.key, item.attempts + 1,
                      item.channel, failure)
            return "refused"
        if failure.retry_after:
            self.stats.rate_limited += 1
            retry_at = pace_of(self._channels[item.channel]).paused_until or now  # paused by `_send`
            log.warning("outbox: %s paused %.0fs (%s)", item.channel, failure.retry_after, failure)
        else:
            self.stats.retried += 1
            retry_at = now + timedelta(seconds=retry_delay(item.attempts))
            health.failed(now)
            if health.can_probe:
                assert item.id is not None
                self._waiting.setdefault(item.channel, set()).add(item.id)
            log.warning("outbox: %s failed (%s); retry at %s or when %s answers again", item.key, failure,
                        retry_at.isoformat(), item.channel)
        await self._retry_at(item, retry_at)
        return "retry"

    async def _chat_unreachable(self, item: OutboxItem) -> None:
        self.stats.unreachable += 1
        now = self._clock.now()
        async with self._store.unit_of_work() as uow:
            assert item.id is not None
            await uow.outbox.finish(item.id, "dropped", now, "unreachable")
            if item.person_id is not None:
                await mark_unreachable(uow, item.person_id, now)
            await uow.commit()
        if item.person_id is not None and self._unreachable is not None:
            await self._unreachable(item.person_id)
        log.info("outbox: a person on %s is unreachable; their reminders pause", item.channel)


def _worded_by_choice(item: OutboxItem) -> bool:
    """A reminder occurrence ("r<reminder>:<minute>…"): its words are the person's own wording choice,
    discreet unless they chose otherwise, so it goes as it is even where nothing can be sent silently."""
    head = prefix_of(item.key)
    return len(head) > 1 and head[0] == "r" and head[1:].isdigit()
