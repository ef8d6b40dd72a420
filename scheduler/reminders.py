"""The reminder engine's two moving parts in the running bot: an APScheduler job that claims due
reminders every few seconds (bot/services/reminders.py: claim_due), and the outbox sender's loop
(scheduler/sender.py), woken as soon as a claim queues something."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock
from bot.i18n import Catalogs
from bot.services.reminders import CLAIM_BATCH, claim_due
from bot.store.base import Store
from scheduler.sender import Sender

log = logging.getLogger(__name__)
CLAIM_SECONDS = 5


@dataclass
class TickStats:
    """What the operator's readiness check and metrics read of the ticks (bot/ops.py): counts and times."""

    ticks: int = 0
    failed: int = 0
    claimed: int = 0
    seconds: float = 0.0  # the ticks' total duration
    last_seconds: float = 0.0
    last_ok_at: datetime | None = None  # by the bot's clock, when the last tick that claimed all it could ended


class ReminderEngine:
    def __init__(self, store: Store, clock: Clock, catalogs: Catalogs, sender: Sender) -> None:
        self._store, self._clock, self._catalogs, self.sender = store, clock, catalogs, sender
        if sender.catalogs is None:  # the sender words its neutral notifying line with the same catalogs
            sender.catalogs = catalogs
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._sending: asyncio.Task[None] | None = None
        self.stats = TickStats()

    def start(self) -> None:
        """Claim and send from now on; after a `stop` it may start again (a process that leads again)."""
        if self._scheduler.running:
            return
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        # The first claim runs at once: what fell due while the bot was stopped goes out now.
        self._scheduler.add_job(self.claim, "interval", seconds=CLAIM_SECONDS, id="claim-reminders",
                                max_instances=1, coalesce=True, next_run_time=datetime.now(UTC))
        self._scheduler.start()
        self._sending = asyncio.create_task(self.sender.run(), name="outbox-sender")

    async def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        if self._sending is not None:
            self._sending.cancel()
            await asyncio.gather(self._sending, return_exceptions=True)
            self._sending = None

    async def claim(self) -> int:
        """One tick: claim until nothing is due (a backlog is taken in batches), then wake the sender."""
        total, started, stats = 0, time.perf_counter(), self.stats
        try:
            while True:
                claimed = await claim_due(self._store, self._catalogs, self._clock.now())
                total += claimed
                if claimed < CLAIM_BATCH:
                    break
        except Exception:
            stats.failed += 1
            log.exception("claiming reminders failed; the next tick tries again")
        else:
            stats.last_ok_at = self._clock.now()
        finally:
            stats.last_seconds = time.perf_counter() - started
            stats.ticks += 1
            stats.seconds += stats.last_seconds
            stats.claimed += total
        if total:
            self.sender.wake()
        return total
