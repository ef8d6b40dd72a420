"""What the operator's endpoints and the backup cost, on a file with history: the outbox backlog query,
a whole /readyz check and a /metrics scrape (medians of 50, through the bot's own store), at a backlog
of 0, 5,000 (the default bound) and 50,000 due messages beside `--done` finished rows and `--future`
rows due later (appointment reminders); then `diemtuvan db backup`'s copy of that file.

    .venv/bin/python -m benchmarks.operations
    .venv/bin/python -m benchmarks.operations --done 1000000 --future 300000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.core import TurnStats
from bot.ops import Metrics, Readiness, backlog
from bot.store.sqlite import SqliteStore, backup, ts
from scheduler.reminders import TickStats
from scheduler.sender import SenderStats

NOW = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
REPLY = json.dumps({"text": "⏰ Đến giờ hẹn hằng ngày của bạn." * 3}, ensure_ascii=False)


def seed(path: Path, done: int, future: int) -> None:
    db = sqlite3.connect(path)
    with db:
        db.executemany(
            "INSERT INTO outbox (key, channel, chat_id, priority, reply, due_at, status, done_at)"
            " VALUES (?, 'telegram', '', 3, NULL, ?, 'sent', ?)",
            ((f"done{n}", ts(NOW - timedelta(minutes=n % 10_000)), ts(NOW)) for n in range(done)))
        db.executemany(
            "INSERT INTO outbox (key, channel, chat_id, priority, reply, due_at) VALUES (?, 'telegram', ?, 2, ?, ?)",
            ((f"later{n}", str(n), REPLY, ts(NOW + timedelta(days=1 + n % 14))) for n in range(future)))
    db.close()


def add_due(path: Path, start: int, count: int) -> None:
    db = sqlite3.connect(path)
    with db:
        db.executemany(
            "INSERT INTO outbox (key, channel, chat_id, priority, reply, due_at) VALUES (?, 'telegram', ?, ?, ?, ?)",
            ((f"due{n}", str(n), 3 + n % 2, REPLY, ts(NOW - timedelta(seconds=n % 600))) for n in range(start,
                                                                                                        start + count)))
    db.close()


async def timed(action: Callable[[], Awaitable[object]], runs: int = 50) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        await action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


async def measure(path: Path) -> dict[str, float]:
    store = SqliteStore(path)
    await store.open()
    try:
        clock = FakeClock(NOW)
        ticks = TickStats(last_ok_at=NOW)
        readiness = Readiness(store, clock, ticks, 5000, 60)
        metrics = Metrics(store, clock, TurnStats(), SenderStats(), ticks)
        return {"backlog_ms": round(await timed(lambda: backlog(store, NOW)), 2),
                "readyz_ms": round(await timed(readiness.check), 2),
                "metrics_ms": round(await timed(metrics.scrape), 2)}
    finally:
        await store.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--done", type=int, default=200_000)
    parser.add_argument("--future", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ops.sqlite3"
        store = SqliteStore(path)
        await store.open()
        await store.close()
        seed(path, args.done, args.future)
        due = 0
        for target in (0, 5_000, 50_000):
            add_due(path, due, target - due)
            due = target
            print(json.dumps({"due": due, "done": args.done, "future": args.future, **await measure(path)}))
        started = time.perf_counter()
        backup(path, Path(folder) / "copy.sqlite3")
        seconds = time.perf_counter() - started
        size = (Path(folder) / "copy.sqlite3").stat().st_size / 1e6
        print(json.dumps({"backup_mb": round(size, 1), "backup_s": round(seconds, 2)}))


if __name__ == "__main__":
    asyncio.run(main())
