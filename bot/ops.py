"""What the operator's monitor reads: `/healthz` (the process answers), `/readyz` (it can do its work)
and `/metrics` (Prometheus), on a small server of their own (`HEALTH_PORT`, loopback by default).

Readiness is three checks, and a 503's JSON body names the ones that failed, with numbers only: the
database takes a write transaction, the reminder tick last succeeded recently by the bot's own clock,
and no more messages are due and unsent than the configured bound. The metrics are counts and times
that the core, the outbox sender and the reminder engine already keep as plain numbers (`TurnStats`,
`SenderStats`, `TickStats`); they are read when Prometheus scrapes, so the turn's path pays a counter
increment and nothing more. No label is ever a person, a chat or a text: only channels and kinds.

The registry belongs to the composition root that builds `Metrics` (never prometheus_client's global
one), so two bots in one process, as in the tests, never share or leak counts.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, ProcessCollector, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric, SummaryMetricFamily
from tornado.web import RequestHandler

from bot.clock import Clock
from bot.core import TurnStats
from bot.store.base import Store
from scheduler.reminders import TickStats
from scheduler.sender import SenderStats

log = logging.getLogger(__name__)
# A key no outbox row has (theirs start with "r<id>:", "crisis:", "apt:"…): cancelling it is a write
# transaction that changes nothing, which is what "the database takes a write" needs and no more.
PROBE_KEY = "readyz:probe"
WRITE_SECONDS = 2.0  # how long the write check waits before it says the database does not take one
# SenderStats fields as the `outcome` label of diemtuvan_sends_total, where the field name is not it.
SEND_OUTCOMES = {"rate_limited": "429", "dropped_late": "late", "held": "held_budget"}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def body(self) -> dict[str, Any]:
        return {"ok": self.ok, "failed": [c.name for c in self.checks if not c.ok],
                "checks": {c.name: {"ok": c.ok, **c.detail} for c in self.checks}}


class Readiness:
    def __init__(self, store: Store, clock: Clock, ticks: TickStats, max_backlog: int, max_tick_seconds: float,
                 write_seconds: float = WRITE_SECONDS, leading: Callable[[], bool] = lambda: True) -> None:
        self._store, self._clock, self._ticks = store, clock, ticks
        # Only the process that leads ticks (bot/store/cluster.py): another's tick is nobody's to check.
        self._leading = leading
        self.max_backlog, self.max_tick_seconds, self._write_seconds = max_backlog, max_tick_seconds, write_seconds
        # One write probe at a time: a probe that outlives its wait (a writer held elsewhere) is never
        # cancelled, since cancelling a statement under way could leave its transaction open; the next
        # request waits for the same one.
        self._probe: asyncio.Task[None] | None = None
        self._was_ok: bool | None = None

    async def check(self) -> Report:
        report = Report((await self._database(), self._tick(), await self._backlog()))
        if report.ok != self._was_ok:  # a line when it changes, not one per probe
            if report.ok:
                log.info("ready")
            else:
                log.warning("not ready: %s", ", ".join(report.body()["failed"]))
            self._was_ok = report.ok
        return report

    async def _database(self) -> Check:
        if self._probe is None or self._probe.done():
            self._probe = asyncio.create_task(self._write(), name="readyz-write")
        done, _ = await asyncio.wait({self._probe}, timeout=self._write_seconds)
        if not done:
            return Check("database", False, {"error": f"no write transaction within {self._write_seconds:g} s"})
        failure = self._probe.exception()
        if failure is not None:
            kind = getattr(failure, "sqlite_errorname", "") or failure.__class__.__name__
            return Check("database", False, {"error": kind})
        return Check("database", True)

    async def _write(self) -> None:
        async with self._store.unit_of_work() as uow:  # left without commit: rolled back
            await uow.outbox.cancel(PROBE_KEY, self._clock.now())

    def _tick(self) -> Check:
        if not self._leading():
            return Check("reminder_tick", True, {"leader": False})
        last = self._ticks.last_ok_at
        if last is None:
            return Check("reminder_tick", False, {"error": "no successful tick yet", "bound_seconds":
                                                  self.max_tick_seconds})
        age = (self._clock.now() - last).total_seconds()
        return Check("reminder_tick", age <= self.max_tick_seconds,
                     {"age_seconds": round(age, 1), "bound_seconds": self.max_tick_seconds})

    async def _backlog(self) -> Check:
        due, oldest = await backlog(self._store, self._clock.now())
        return Check("outbox_backlog", due <= self.max_backlog,
                     {"due": due, "oldest_seconds": round(oldest, 1), "bound": self.max_backlog})


async def backlog(store: Store, now: datetime) -> tuple[int, float]:
    """Messages due and unsent, and how long the oldest of them has been due (0 with none)."""
    async with store.reading() as uow:
        due, oldest = await uow.outbox.backlog(now)
    return due, (now - oldest).total_seconds() if oldest is not None else 0.0


class Metrics:
    def __init__(self, store: Store, clock: Clock, turns: TurnStats, sends: SenderStats, ticks: TickStats,
                 process: bool = True) -> None:
        self._store, self._clock = store, clock
        self.turns, self.sends, self.ticks = turns, sends, ticks
        self._backlog: tuple[int, float] = (0, 0.0)
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(_Collector(self))
        if process:  # memory, CPU, open files of this process: the usual first questions
            ProcessCollector(registry=self.registry)

    async def scrape(self) -> bytes:
        """The text Prometheus reads, with the backlog read now from the database."""
        self._backlog = await backlog(self._store, self._clock.now())
        return generate_latest(self.registry)

    def families(self) -> Iterator[Metric]:
        turns = CounterMetricFamily("diemtuvan_turns", "Messages and presses handled, by channel and outcome",
                                    labels=["channel", "outcome"])
        for (channel, outcome), n in sorted(self.turns.turns.items()):
            turns.add_metric([channel, outcome], n)
        yield turns
        seconds = SummaryMetricFamily("diemtuvan_turn_seconds", "Time of a turn, from arrival to replies sent",
                                      labels=["channel"])
        per_channel: dict[str, int] = {}
        for (channel, _), n in self.turns.turns.items():
            per_channel[channel] = per_channel.get(channel, 0) + n
        for channel, n in sorted(per_channel.items()):
            seconds.add_metric([channel], n, self.turns.seconds.get(channel, 0.0))
        yield seconds
        replies = CounterMetricFamily("diemtuvan_replies", "Replies the platform accepted, by channel",
                                      labels=["channel"])
        for channel, n in sorted(self.turns.replies.items()):
            replies.add_metric([channel], n)
        yield replies
        sends = CounterMetricFamily("diemtuvan_sends", "Outbox messages (reminders, notices, relays) by outcome",
                                    labels=["outcome"])
        for item in fields(self.sends):
            sends.add_metric([SEND_OUTCOMES.get(item.name, item.name)], getattr(self.sends, item.name))
        yield sends
        due, oldest = self._backlog
        yield GaugeMetricFamily("diemtuvan_outbox_backlog", "Outbox messages due and not yet sent", value=due)
        yield GaugeMetricFamily("diemtuvan_outbox_oldest_age_seconds",
                                "How long the oldest unsent due message has been due", value=oldest)
        ticks = self.ticks
        yield SummaryMetricFamily("diemtuvan_reminder_tick_seconds", "Time of a reminder tick (claiming due reminders)",
                                  count_value=ticks.ticks, sum_value=ticks.seconds)
        yield GaugeMetricFamily("diemtuvan_reminder_tick_last_seconds", "Time of the last reminder tick",
                                value=ticks.last_seconds)
        age = ((self._clock.now() - ticks.last_ok_at).total_seconds() if ticks.last_ok_at is not None else math.nan)
        yield GaugeMetricFamily("diemtuvan_reminder_tick_age_seconds",
                                "Seconds since the last reminder tick that succeeded", value=age)
        yield CounterMetricFamily("diemtuvan_reminder_tick_failures", "Reminder ticks that failed", value=ticks.failed)
        yield CounterMetricFamily("diemtuvan_reminders_claimed", "Reminder occurrences claimed", value=ticks.claimed)


class _Collector:
    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def collect(self) -> Iterator[Metric]:
        return self._metrics.families()


class _Ready(RequestHandler):
    logs_itself = True  # a 503 here is a state the readiness logs when it changes, not a bad request

    def initialize(self, readiness: Readiness) -> None:
        self.readiness = readiness

    async def get(self) -> None:
        report = await self.readiness.check()
        self.set_status(200 if report.ok else 503)
        self.set_header("Cache-Control", "no-store")
        self.finish(report.body())


class _Metrics(RequestHandler):
    def initialize(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def get(self) -> None:
        body = await self.metrics.scrape()
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.set_header("Cache-Control", "no-store")
        self.finish(body)


def pages(readiness: Readiness, metrics: Metrics) -> list[Any]:
    """The handlers for `WebServer.add_pages` (bot/web.py serves /healthz itself)."""
    return [(r"/readyz", _Ready, {"readiness": readiness}), (r"/metrics", _Metrics, {"metrics": metrics})]
