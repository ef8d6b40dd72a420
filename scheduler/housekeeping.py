"""Retention and redelivery: what "keep the least, for the shortest time" means in practice.

Each tick forgets idle conversation state, old inbox ids and people who have not written for the
retention period, and resends replies a crash or a network failure left in the outbox.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock
from bot.core import Core
from bot.store.base import Store

log = logging.getLogger(__name__)


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


async def purge(store: Store, clock: Clock, retention: Retention) -> Purged:
    now = clock.now()
    async with store.unit_of_work() as uow:
        sessions = await uow.sessions.purge_idle(now - timedelta(minutes=retention.session_minutes))
        inbox = await uow.inbox.purge(now - timedelta(days=retention.inbox_days))
        people = await uow.people.purge_inactive(now - timedelta(days=retention.person_days))
        await uow.outbox.purge(now - timedelta(days=retention.inbox_days))
        await uow.chats.purge(now - timedelta(days=retention.chat_days))
        await uow.commit()
    if sessions or inbox or people:
        log.info("retention: %d idle sessions, %d inbox ids, %d inactive people removed", sessions, inbox, people)
    return Purged(sessions, inbox, people)


class Housekeeping:
    """Runs `purge` and the outbox redelivery on APScheduler intervals."""

    def __init__(self, store: Store, clock: Clock, core: Core, retention: Retention) -> None:
        self._store, self._clock, self._core, self._retention = store, clock, core, retention
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._started = False

    def start(self) -> None:
        self._scheduler.add_job(self._safe_tick, "interval", minutes=5, id="housekeeping", max_instances=1,
                                coalesce=True)
        self._scheduler.add_job(self._safe_redeliver, "interval", seconds=15, id="redeliver", max_instances=1,
                                coalesce=True)
        self._scheduler.start()
        self._started = True

    def stop(self) -> None:
        if self._started:
            self._started = False
            self._scheduler.shutdown(wait=False)

    async def _safe_tick(self) -> None:
        try:
            purged = await purge(self._store, self._clock, self._retention)
            if purged.people or purged.sessions:
                self._core.forget()
        except Exception:
            log.exception("housekeeping failed")

    async def _safe_redeliver(self) -> None:
        try:
            await self._core.redeliver()
        except Exception:
            log.exception("redelivery failed")
