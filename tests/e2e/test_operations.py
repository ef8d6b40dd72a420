"""The operator's endpoints on the bot as `diemtuvan run` runs it (bot/app.py: Running), against the fake
Telegram Bot API, through real HTTP: /healthz and /readyz in polling and in webhook mode, a reminder
tick made stale by the fake clock, a backlog over its bound, and /metrics moving after a turn and a
send. Bodies carry names and numbers, never a person."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.app import Running
from bot.clock import FakeClock
from bot.ops import Readiness
from bot.store.sqlite import SqliteStore
from scheduler.reminders import TickStats
from tests.conftest import free_port, make_settings
from tests.fakes.telegram_api import FakeTelegram

PERSON, OTHER, COUNSELOR = 5101, 5102, 6101
SECRET = "webhook-secret_0123456789"
NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


@dataclass
class Live:
    running: Running
    clock: FakeClock
    fake: FakeTelegram
    base: str
    client: httpx.AsyncClient

    async def get(self, path: str) -> httpx.Response:
        return await self.client.get(f"{self.base}{path}")

    async def ready(self) -> dict[str, Any]:
        answer = await self.get("/readyz")
        body = answer.json()
        assert answer.status_code == (200 if body["ok"] else 503)
        return dict(body)

    async def metrics(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        answer = await self.get("/metrics")
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(answer.text) for s in family.samples}

    def turns(self) -> int:
        assert self.running.bot is not None
        return sum(self.running.bot.core.stats.turns.values())

    async def say(self, user: int, text: str) -> None:
        """A message through the fake API, and until the bot has handled it (replies sent)."""
        before = self.turns()
        self.clock.advance(timedelta(seconds=30))
        await self.fake.push(self.fake.text_update(user, text))
        await eventually(lambda: self.turns() > before)


async def eventually(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise TimeoutError("the bot did not get there in time")


async def until(probe: Callable[[], Any], check: Callable[[Any], bool], timeout: float = 10.0) -> Any:
    """Ask `probe` (an HTTP read) until `check` holds; returns the last answer."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        answer = await probe()
        if check(answer) or asyncio.get_running_loop().time() > deadline:
            return answer
        await asyncio.sleep(0.05)


@asynccontextmanager
async def running_bot(mode: str, tmp_path: Path, fake_telegram: FakeTelegram, clock: FakeClock,
                      **more: str) -> AsyncIterator[Live]:
    health = free_port()
    env = {"TELEGRAM_BOT_TOKEN": fake_telegram.token, "TELEGRAM_API_BASE_URL": fake_telegram.base_url,
           "HEALTH_PORT": str(health), "READY_MAX_BACKLOG": "0", "READY_MAX_TICK_SECONDS": "60", **more}
    if mode == "webhook":
        port = free_port()
        env |= {"TELEGRAM_MODE": "webhook", "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
                "TELEGRAM_WEBHOOK_SECRET": SECRET, "TELEGRAM_WEBHOOK_PORT": str(port)}
    running = Running(make_settings(tmp_path, **env), clock=clock)
    await running.start()
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            yield Live(running, clock, fake_telegram, f"http://127.0.0.1:{health}", client)
    finally:
        await running.stop()
    assert not fake_telegram.rejected, fake_telegram.rejected


@pytest.fixture(params=["polling", "webhook"])
async def live(request: pytest.FixtureRequest, tmp_path: Path, fake_telegram: FakeTelegram,
               clock: FakeClock) -> AsyncIterator[Live]:
    async with running_bot(request.param, tmp_path, fake_telegram, clock) as bot:
        yield bot


@pytest.fixture
async def polling(tmp_path: Path, fake_telegram: FakeTelegram, clock: FakeClock) -> AsyncIterator[Live]:
    # Each message moves the fake clock 30 s, and ticks run on real time: the tick bound is an hour here.
    async with running_bot("polling", tmp_path, fake_telegram, clock, READY_MAX_TICK_SECONDS="3600") as bot:
        yield bot


async def test_healthz_and_readyz_answer_in_both_modes_and_a_stale_tick_is_named(live: Live) -> None:
    alive = await live.get("/healthz")
    assert (alive.status_code, alive.json()) == (200, {"ok": True})
    body = await until(live.ready, lambda b: b["ok"])  # ready once the first tick has run (at start)
    assert body["failed"] == [] and set(body["checks"]) == {"database", "reminder_tick", "outbox_backlog"}
    assert body["checks"]["outbox_backlog"] == {"ok": True, "due": 0, "oldest_seconds": 0.0, "bound": 0}

    engine = live.running.engine
    assert engine is not None
    for _ in range(3):  # a scheduled tick that ends between the clock's move and the request makes it fresh
        ticks = engine.stats.ticks
        live.clock.advance(timedelta(minutes=10))
        answer = await live.get("/readyz")
        if engine.stats.ticks == ticks:
            break
    assert answer.status_code == 503
    body = answer.json()
    assert body["ok"] is False and body["failed"] == ["reminder_tick"]
    assert body["checks"]["reminder_tick"]["age_seconds"] >= 600 and body["checks"]["database"] == {"ok": True}
    await engine.claim()  # the next tick
    assert (await live.get("/readyz")).status_code == 200


async def test_metrics_move_after_a_turn_and_a_send_and_a_backlog_over_its_bound_is_not_ready(
    polling: Live
) -> None:
    live = polling
    bot = live.running.bot
    assert bot is not None
    start = await live.metrics()
    assert start[("diemtuvan_outbox_backlog", ())] == 0

    # A turn: a question answered.
    await live.say(PERSON, "methadone la gi")
    after_turn = await until(live.metrics, lambda m: m.get(("diemtuvan_replies_total", (("channel", "telegram"),)),
                                                           0) >= 1)
    answered = ("diemtuvan_turns_total", (("channel", "telegram"), ("outcome", "answered")))
    assert after_turn[answered] == start.get(answered, 0) + 1
    assert after_turn[("diemtuvan_replies_total", (("channel", "telegram"),))] >= 1
    assert after_turn[("diemtuvan_turn_seconds_count", (("channel", "telegram"),))] == 1
    assert after_turn[("diemtuvan_turn_seconds_sum", (("channel", "telegram"),))] > 0

    # A send: a counselor on duty gets the crisis alert through the outbox sender.
    async with bot.store.unit_of_work() as uow:
        await uow.invites.add("OPSDUTY2", "counselor", "hcm-pham-ngu-lao-point", live.clock.now(),
                              live.clock.now() + timedelta(days=1))
        await uow.commit()
    for line in ("/start OPSDUTY2", "1", "/truc"):
        await live.say(COUNSELOR, line)
    sent = ("diemtuvan_sends_total", (("outcome", "sent"),))
    before = (await live.metrics())[sent]
    await live.say(PERSON, "ban toi bat tinh roi")
    moved = await until(live.metrics, lambda m: m[sent] > before)
    assert moved[sent] == before + 1
    assert moved[("diemtuvan_turns_total", (("channel", "telegram"), ("outcome", "crisis")))] == 1
    assert any(m["text"].startswith("🚨") for m in live.fake.sent(COUNSELOR))

    # The next alert cannot go (the platform fails it): due and unsent, over the bound of 0.
    def refuse(method: str, params: dict[str, Any]) -> bool:
        return method == "sendMessage" and int(params["chat_id"]) == COUNSELOR
    live.fake.intercept = refuse
    retried = ("diemtuvan_sends_total", (("outcome", "retried"),))
    await live.say(OTHER, "ban toi bat tinh roi")
    stuck = await until(live.metrics, lambda m: m[retried] >= 1)
    assert stuck[("diemtuvan_outbox_backlog", ())] == 1
    body = await live.ready()
    assert body["failed"] == ["outbox_backlog"]
    assert body["checks"]["outbox_backlog"]["due"] == 1 and body["checks"]["outbox_backlog"]["bound"] == 0

    # Nothing about anyone in what the monitor reads: no chat id, no alias, no text.
    scraped = (await live.get("/metrics")).text + (await live.get("/readyz")).text
    # An id as a whole number, not as digits inside another (the process start time 1.7961013563e+09).
    numbers = set(re.findall(r"[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?", scraped))
    for chat_id in (PERSON, OTHER, COUNSELOR):
        assert str(chat_id) not in numbers
    for private in ("bat tinh", "methadone"):
        assert private not in scraped

    # The platform takes it again: sent at its retry time, and the bot is ready.
    live.fake.intercept = None
    live.clock.advance(timedelta(minutes=1))
    live.running.engine.sender.wake()  # type: ignore[union-attr]
    cleared = await until(live.metrics, lambda m: m[("diemtuvan_outbox_backlog", ())] == 0)
    assert cleared[sent] == before + 2
    assert (await live.ready())["ok"]


async def test_a_database_another_program_holds_is_named_and_ready_again_when_it_lets_go(tmp_path: Path) -> None:
    """Another process holds the write lock (a stuck script, a long manual transaction): the write check
    says so within its wait, and the probe, never cancelled, finds the database writable once it is let go."""
    store = SqliteStore(tmp_path / "held.sqlite3")
    await store.open()
    ticks = TickStats(last_ok_at=NOW)
    readiness = Readiness(store, FakeClock(NOW), ticks, max_backlog=10, max_tick_seconds=60, write_seconds=0.3)
    holder = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLD, str(tmp_path / "held.sqlite3"),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert await asyncio.wait_for(holder.stdout.readline(), 60) == b"holding\n"
        held = (await readiness.check()).body()
        assert held["failed"] == ["database"]
        assert held["checks"]["database"] == {"ok": False, "error": "no write transaction within 0.3 s"}
        holder.stdin.write(b"go\n")
        await holder.stdin.drain()
        assert await asyncio.wait_for(holder.wait(), 60) == 0
        assert (await readiness.check()).ok
    finally:
        if holder.returncode is None:
            holder.kill()
            await holder.wait()
        await store.close()


HOLD = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
"""
