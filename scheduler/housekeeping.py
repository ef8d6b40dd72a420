"""Retention and redelivery: what "keep the least, for the shortest time" means in practice.

Each tick forgets idle conversation state, old inbox ids, people who have not written for the
retention period, expired web sign-ins and wrong codes that no longer count; drops whom a sent notice
was about once it can no longer be a duplicate; makes sure nothing it deleted stays in the database
files (the -wal emptied, the file rebuilt); and resends replies a crash or a network failure left in
the outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock
from bot.core import Core
from bot.store.base import Store

log = logging.getLogger(__name__)

# How long a sent alert or notice keeps its key (which names the person it was about): the keys that
# refuse duplicates are per minute (a crisis alert, a volunteer's escalation), so a few minutes cover
# every duplicate they exist to refuse. With the five-minute tick, gone within ten minutes of sending.
NOTICE_KEY_MINUTES = 5


@dataclass(frozen=True)
class Retention:
    session_minutes: int
    inbox_days: int
    person_days: int
    chat_days: int = 30


@dataclass(frozen=True)
class Purged:
    sessions: int
    inbox: int
    people: int
    chat_messages: int = 0
    other: int = 0  # outbox rows, and sent notices that dropped whom they were about


class _Batches:
    """How many people one purge transaction erases: as many as fit in HOLD_SECONDS of the writer, as
    last measured. Erasing one person touches a row or two in a dozen tables and their indexes (a few
    milliseconds on a large file), and a year-old cohort can be thousands of people: one transaction
    for all would stall every turn and send for as long."""

    HOLD_SECONDS = 0.025  # half of the 50 ms a purge may hold the writer at once
    LARGEST = 256

    def __init__(self) -> None:
        self.size = 4

    def took(self, people: int, seconds: float) -> None:
        if people < self.size:
            return  # the last, short batch says nothing about the size
        per_person = max(seconds, 1e-6) / people
        self.size = max(1, min(self.LARGEST, int(self.HOLD_SECONDS / per_person), self.size * 2))


async def purge(store: Store, clock: Clock, retention: Retention) -> Purged:
    """Delete what has outlived its purpose, then make sure no copy of it stays in the files: the file is
    rebuilt when people or chat messages went, and the -wal emptied when only conversation state, ids
    and finished messages went. Idle sessions expire all day long and belong to people who are still
    here; rebuilding the file for them would hold the writer every few minutes on a large database.
    People past retention go in short transactions of a few each, so turns and sends run in between."""
    now = clock.now()
    async with store.unit_of_work() as uow:
        sessions = await uow.sessions.purge_idle(now - timedelta(minutes=retention.session_minutes))
        inbox = await uow.inbox.purge(now - timedelta(days=retention.inbox_days))
        other = await uow.outbox.purge(now - timedelta(days=retention.inbox_days))
        other += await uow.outbox.forget_whom(now - timedelta(minutes=NOTICE_KEY_MINUTES))
        chat_messages = await uow.chats.purge(now - timedelta(days=retention.chat_days))
        other += await uow.web.purge(now)  # expired sign-in links and web sessions
        other += await uow.code_failures.purge(now)  # wrong codes that no longer count
        await uow.commit()
    people, batches = 0, _Batches()
    while True:
        size = batches.size
        started = time.perf_counter()
        async with store.unit_of_work() as uow:
            removed = await uow.people.purge_inactive(now - timedelta(days=retention.person_days), size)
            await uow.commit()
        batches.took(removed, time.perf_counter() - started)
        people += removed
        if removed < size:
            break
    if people:
        await store.checkpoint()  # the batches' deleted rows leave the -wal now; the rebuild follows
    if people or chat_messages:
        store.request_wipe()  # in the background: it may wait for the pause after an erasure's rebuild
    elif sessions or inbox or other:
        await store.checkpoint()
    if sessions or inbox or people or chat_messages:
        log.info("retention: %d idle sessions, %d inbox ids, %d inactive people, %d chat messages removed",
                 sessions, inbox, people, chat_messages)
    return Purged(sessions, inbox, people, chat_messages, other)


class Housekeeping:
    """Runs `purge` and the outbox redelivery on APScheduler intervals."""

    def __init__(self, store: Store, clock: Clock, core: Core, retention: Retention) -> None:
        self._store, self._clock, self._core, self._retention = store, clock, core, retention
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._started = False
        self._running: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        """The purge and redelivery schedules; after a `stop` they may start again."""
        if self._started:
            return
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._scheduler.add_job(self._safe_tick, "interval", minutes=5, id="housekeeping", max_instances=1,
                                coalesce=True)
        self._scheduler.add_job(self._safe_redeliver, "interval", seconds=15, id="redeliver", max_instances=1,
                                coalesce=True)
        self._scheduler.start()
        self._started = True

    async def stop(self) -> None:
        """Stop the schedule and let a purge under way finish (one short transaction), so that the
        store is never closed under it."""
        if self._started:
            self._started = False
            running = [task for task in self._running if not task.done()]
            self._scheduler.shutdown(wait=False)  # cancels the job it runs; the work below is shielded
            await asyncio.gather(*running, return_exceptions=True)

    async def _safe_tick(self) -> None:
        task = asyncio.create_task(self._tick())
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.shield(task)

    async def _tick(self) -> None:
        try:
            purged = await purge(self._store, self._clock, self._retention)
            if purged.people or purged.sessions:
                self._core.forget()
        except Exception:
            log.exception("housekeeping failed")

    async def _safe_redeliver(self) -> None:
        # Not waited for at stop: a send cut short is sent again at the next start (at least once).
        try:
            await self._core.redeliver()
        except Exception:
            log.exception("redelivery failed")
