"""Reminder fan-out and claim time.

`--n N`: N people each with a reminder due in the same minute, claimed and sent by the real claim job
and sender through the real Telegram channel (python-telegram-bot, httpx) to the fake Bot API on
loopback, which enforces 30 messages/s overall and 1/s per chat and answers 429 beyond them. Prints
one JSON line: n, seconds, rate, configured rate, http_429, duplicates, lost, peak RSS.

`--stored M`: the claim job's time per tick with M reminders stored (1,000,000 for the issue's goal),
of which a few batches are due: median and worst over the ticks. Prints one JSON line.

    .venv/bin/python -m benchmarks.fanout --n 10000
    .venv/bin/python -m benchmarks.fanout --stored 1000000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.app import build
from bot.channels.telegram import TelegramChannel, TelegramSettings
from bot.clock import FakeClock, SystemClock
from bot.config import load_settings
from bot.services.reminder_kinds.dose import DailyAt
from bot.services.reminders import CLAIM_BATCH, claim_due
from bot.store.sqlite import SqliteStore, ts
from scheduler.sender import Sender
from tests.fakes.telegram_api import FakeTelegram

ZONE = "Asia/Ho_Chi_Minh"


def seed(path: Path, people: int, due: datetime, due_count: int) -> None:
    """Bulk rows straight into the file (a fixture, not the bot's own path): `due_count` reminders due
    at `due`, the rest spread over the next day."""
    rule = DailyAt(due.astimezone(ZoneInfo(ZONE)).time().replace(second=0, microsecond=0)).to_rule()
    created = ts(due)
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO people (id, channel, channel_user_id, chat_id, alias, locale, onboarded, consent_at,"
            " created_at, last_seen_at) VALUES (?, 'telegram', ?, ?, ?, 'vi', 1, ?, ?, ?)",
            ((n, str(10_000 + n), str(10_000 + n), f"Bạn {n}", created, created, created)
             for n in range(1, people + 1)),
        )
        db.executemany(
            "INSERT INTO reminders (person_id, kind, rule, timezone, next_at, created_at)"
            " VALUES (?, 'dose', ?, ?, ?, ?)",
            ((n, json.dumps(rule), ZONE,
              ts(due if n <= due_count else due + timedelta(seconds=1 + (n * 86_399) // people)), created)
             for n in range(1, people + 1)),
        )


async def fanout(n: int, rate: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        settings = load_settings({"DATA_DIR": str(data)}, env_file=None)
        fake = await FakeTelegram(limit_per_second=30).start()
        now = datetime.now(UTC)
        bot = await build(settings, clock=SystemClock())
        seed(data / "diemtuvan.sqlite3", n, now - timedelta(seconds=30), n)
        channel = TelegramChannel(TelegramSettings(token=fake.token, base_url=fake.base_url), bot.core.handle,
                                  bot.core.set_reachable, bot.catalogs)
        bot.core.attach(channel)
        await channel.app.initialize()
        sender = Sender(bot.store, bot.clock, bot.core.channels(), rate_per_second=rate)
        started = time.perf_counter()
        while await claim_due(bot.store, bot.catalogs, datetime.now(UTC)) == CLAIM_BATCH:
            pass
        await sender.drain()
        seconds = time.perf_counter() - started
        sent = Counter(int(m["chat_id"]) for m in fake.sent())
        await channel.app.shutdown()
        await bot.store.close()
        await fake.stop()
    delivered = sum(1 for count in sent.values() if count)
    return {"n": n, "seconds": round(seconds, 2), "rate": round(delivered / seconds, 2), "configured_rate": rate,
            "http_429": fake.too_many, "duplicates": sum(c - 1 for c in sent.values() if c > 1),
            "lost": n - delivered, "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


async def claim_time(stored: int, ticks: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claim.sqlite3"
        store = SqliteStore(path)
        await store.open()
        due = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
        seed(path, stored, due, CLAIM_BATCH * ticks)
        settings = load_settings({"DATA_DIR": tmp}, env_file=None)
        bot = await build(settings, clock=FakeClock(due), store_path=path, deliver=False)
        timings = []
        for _ in range(ticks):
            started = time.perf_counter()
            claimed = await claim_due(bot.store, bot.catalogs, due)
            timings.append((time.perf_counter() - started) * 1000)
            assert claimed == CLAIM_BATCH
        await bot.store.close()
        await store.close()
    return {"stored": stored, "batch": CLAIM_BATCH, "ticks": ticks, "median_ms": round(statistics.median(timings), 1),
            "max_ms": round(max(timings), 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, help="reminders due in the same minute")
    parser.add_argument("--rate", type=float, default=25.0, help="the sender's configured rate (messages/s)")
    parser.add_argument("--stored", type=int, help="reminders stored, for the claim time")
    parser.add_argument("--ticks", type=int, default=10)
    args = parser.parse_args()
    if args.stored:
        print(json.dumps(asyncio.run(claim_time(args.stored, args.ticks))))
    if args.n or not args.stored:
        print(json.dumps(asyncio.run(fanout(args.n or 1000, args.rate))))


if __name__ == "__main__":
    main()
