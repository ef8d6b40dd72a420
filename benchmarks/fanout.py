"""Reminder fan-out and claim time.

`--n N`: N people each with a reminder due in the same minute, claimed and sent by the real claim job
and sender through the real Telegram channel (python-telegram-bot, httpx) to the fake Bot API on
loopback, which enforces 30 messages/s overall and 1/s per chat and answers 429 beyond them. Prints
one JSON line: n, seconds, rate, configured rate, http_429, duplicates, lost, peak RSS.

`--burst N`: the morning burst. N reminders fall due at once and the real engine runs as in the bot:
the claim job, the sender's loop (woken by each commit that queues messages), the core and the
Telegram channel polling the fake Bot API. Most people (`--answer`, 80%) press "Đã đi" a few seconds to
three minutes after their reminder arrives, and the bot thanks them: replies and reminders share the
platform's one budget, replies first. Prints one JSON line: reminders and replies sent, the 429s, the
duplicates and losses of each, the rate of all messages over the burst against the configured rate,
and the replies' latency (median, 99th percentile, from the press to the thanks).

`--stored M`: the claim job's time per tick with M reminders stored (1,000,000 for the issue's goal),
of which a few batches are due: median and worst over the ticks. Prints one JSON line.

    .venv/bin/python -m benchmarks.fanout --n 10000
    .venv/bin/python -m benchmarks.fanout --n 2000 --latency 0.2   # as far from the platform as Vietnam is
    .venv/bin/python -m benchmarks.fanout --burst 10000
    .venv/bin/python -m benchmarks.fanout --stored 1000000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import sqlite3
import statistics
import sys
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


async def fanout(n: int, rate: float, latency: float = 0.0) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        settings = load_settings({"DATA_DIR": str(data)}, env_file=None)
        fake = await FakeTelegram(limit_per_second=30, send_delay=latency).start()
        now = datetime.now(UTC)
        bot = await build(settings, clock=SystemClock())
        seed(data / "diemtuvan.sqlite3", n, now - timedelta(seconds=30), n)
        channel = TelegramChannel(TelegramSettings(token=fake.token, base_url=fake.base_url), bot.core.handle,
                                  bot.core.set_reachable)
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


async def burst(n: int, rate: float, answer: float, latency: float = 0.0) -> dict[str, object]:
    rng = random.Random(n)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        settings = load_settings({"DATA_DIR": str(data)}, env_file=None)
        fake = await FakeTelegram(limit_per_second=30, send_delay=latency).start()
        now = datetime.now(UTC)
        bot = await build(settings, clock=SystemClock())
        seed(data / "diemtuvan.sqlite3", n, now - timedelta(seconds=30), n)
        channel = TelegramChannel(TelegramSettings(token=fake.token, base_url=fake.base_url, poll_timeout_seconds=1),
                                  bot.core.handle, bot.core.set_reachable)
        bot.core.attach(channel)
        sender = Sender(bot.store, bot.clock, bot.core.channels(), rate_per_second=rate, offer=bot.core.offer,
                        unreachable=bot.core.unreachable)
        bot.store.on_queued(sender.wake)
        await channel.start()
        started = time.perf_counter()
        sending = asyncio.create_task(sender.run())

        async def redelivering() -> None:  # as the bot's housekeeping does: a reply that failed goes again
            while True:
                await asyncio.sleep(15)
                await bot.core.redeliver()

        redelivery = asyncio.create_task(redelivering())
        while await claim_due(bot.store, bot.catalogs, datetime.now(UTC)) == CLAIM_BATCH:
            pass
        sender.wake()
        reminded: dict[int, float] = {}  # chat → when its reminder was seen sent
        pressed: dict[int, float] = {}  # chat → when its press was pushed
        thanked: dict[int, float] = {}
        presses: list[tuple[float, int, str]] = []  # (when, chat, data)
        seen = 0
        deadline = time.perf_counter() + n / rate * 3 + 600
        report_at = time.perf_counter() + 30
        while time.perf_counter() < deadline:
            if time.perf_counter() >= report_at:  # progress on stderr: a long run shows where it stands
                report_at += 30
                print(f"{time.perf_counter() - started:6.0f} s: reminders {len(reminded)}, presses {len(pressed)}"
                      f" (+{len(presses)} to come), thanked {len(thanked)}, 429 {dict(fake.too_many_why)}",
                      file=sys.stderr, flush=True)
            calls = fake.calls
            for call in calls[seen:]:
                if call.method != "sendMessage":
                    continue
                chat = int(call.params["chat_id"])
                if "dose:done" in str(call.params.get("reply_markup", "")):
                    if chat not in reminded:
                        reminded[chat] = time.perf_counter()
                        if rng.random() < answer:
                            data_ = json.loads(call.params["reply_markup"]) if isinstance(
                                call.params["reply_markup"], str) else call.params["reply_markup"]
                            done = data_["inline_keyboard"][0][0]["callback_data"]
                            presses.append((reminded[chat] + rng.uniform(2, 180), chat, done))
                elif chat in pressed and chat not in thanked:
                    thanked[chat] = time.perf_counter()
            seen = len(calls)
            presses.sort()
            while presses and presses[0][0] <= time.perf_counter():
                _, chat, done = presses.pop(0)
                pressed[chat] = time.perf_counter()
                await fake.push(fake.button_update(chat, done))
            if len(reminded) == n and not presses and len(thanked) == len(pressed):
                break
            await asyncio.sleep(0.2)
        seconds = time.perf_counter() - started
        sending.cancel()
        redelivery.cancel()
        await asyncio.gather(sending, redelivery, return_exceptions=True)
        await channel.stop()
        await bot.core.close()
        await bot.store.close()
        await fake.stop()
    reminders = Counter(int(c.params["chat_id"]) for c in fake.calls
                        if c.method == "sendMessage" and "dose:done" in str(c.params.get("reply_markup", "")))
    sends = [c for c in fake.calls if c.method == "sendMessage"]
    messages = len(sends)
    last_reminder = max(i for i, c in enumerate(sends) if "dose:done" in str(c.params.get("reply_markup", "")))
    fanout_seconds = max(reminded.values()) - started
    latencies = sorted(thanked[c] - pressed[c] for c in thanked)
    return {
        "burst": n, "configured_rate": rate, "seconds": round(seconds, 1), "reminders_sent": len(reminders),
        "reminders_duplicated": sum(c - 1 for c in reminders.values() if c > 1), "reminders_lost": n - len(reminders),
        "answers": len(pressed), "replies_sent": len(thanked), "replies_lost": len(pressed) - len(thanked),
        "http_429": fake.too_many, "http_429_limit": dict(fake.too_many_why), "messages": messages,
        # While reminders were still waiting, the budget was full: every message sent until the last
        # reminder went (to within the 0.2 s this loop looks), over that time.
        "fanout_seconds": round(fanout_seconds, 1),
        "share_of_rate": round((last_reminder + 1) / fanout_seconds / rate, 3),
        "reply_latency_median_s": round(statistics.median(latencies), 2) if latencies else None,
        "reply_latency_p99_s": round(latencies[int(len(latencies) * 0.99)], 2) if latencies else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


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
    parser.add_argument("--burst", type=int, help="reminders due at once, most of them answered (the morning)")
    parser.add_argument("--answer", type=float, default=0.8, help="the share of people who answer, in a burst")
    parser.add_argument("--ticks", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.0,
                        help="seconds the fake Bot API takes to answer a sendMessage (a round trip to Telegram)")
    args = parser.parse_args()
    if args.burst:
        print(json.dumps(asyncio.run(burst(args.burst, args.rate, args.answer, args.latency))))
        return
    if args.stored:
        print(json.dumps(asyncio.run(claim_time(args.stored, args.ticks))))
    if args.n or not args.stored:
        print(json.dumps(asyncio.run(fanout(args.n or 1000, args.rate, args.latency))))


if __name__ == "__main__":
    main()
