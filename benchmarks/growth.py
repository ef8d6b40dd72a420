"""What grows with stored history: the costs that hold SQLite's one writer, at N people.

A file is seeded with N people, each with a daily dose reminder and seven days of history (inbox ids,
sent and cancelled outbox rows, appointments with their pending reminders and audit rows, chats with
messages, groups with attendance, invites), as bulk INSERTs in one transaction. The built file is kept
under /tmp/diemtuvan-growth, keyed by N and the schema version, and each measurement works on a copy.
The file is built in a child process, so the measuring process's memory is the bot's alone.

Then, on the copy, through the bot's own store and core:

- startup_s: `build()` (open, quick check, migrations, content, catalogs, the crisis model);
- idle_poll_ms: the outbox sender's poll when nothing is due (median of 50);
- redeliver_ms: `Core.redeliver()`'s scan of the inbox with nothing to resend (median of 50);
- turn_p50_ms / turn_p99_ms: free-text questions from stored (consented) people through `Core.handle`,
  16 at a time, with a channel that answers at once;
- claim_median_ms / claim_worst_ms: claim ticks of 200 due reminders each;
- erase_ms: one person's erasure (`People.erase` and its commit, the -wal emptied), median of 5;
- purge_ms_per_person: housekeeping's whole purge with 5 people past retention, over 5;
  purge_batch_ms_per_person: the people's batches alone, over 5; purge_hold_ms: the longest the purge
  held the writer at once (the rebuild after it is wipe_s);
- rss_mb: the process's peak resident memory before the rebuild;
- wipe_s / wipe_rss_mb: the rebuild (VACUUM) the erasures and the purge ask for, and the peak memory
  with it; wipe_in_quiet_hour: the file is large enough that the bot puts the rebuild off to the quiet
  hour, with its copy in a temporary file rather than in memory.

    .venv/bin/python -m benchmarks.growth --people 10000
    .venv/bin/python -m benchmarks.growth --people 1000000     # builds a file of about 2 GB once
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from bot.app import build, retention
from bot.channels.base import Capabilities
from bot.clock import FakeClock
from bot.config import load_settings
from bot.messages import Incoming, Reply
from bot.services.reminder_kinds.dose import DailyAt
from bot.services.reminders import CLAIM_BATCH, claim_due
from bot.store.sqlite import SqliteStore, migrations, ts
from scheduler.housekeeping import purge
from scheduler.sender import BATCH, Sender

CACHE = Path(tempfile.gettempdir()) / "diemtuvan-growth"
NOW = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # the seeded history ends here; the clock stands here
ZONE = "Asia/Ho_Chi_Minh"
PEOPLE_PER_COUNSELOR = 1000
AGED = 5  # people past retention
CLAIM_TICKS = 10
QUESTIONS = ("methadone là gì", "điều trị methadone có mất phí không", "cai nghiện tự nguyện là gì",
             "tư vấn ở đâu", "methadone có hại không", "làm sao để bỏ", "what is methadone")


def schema_version() -> int:
    return migrations()[-1][0]


def cached_file(people: int) -> Path:
    return CACHE / f"people-{people}-schema-{schema_version()}.sqlite3"


def _rows(people: int) -> dict[str, Iterator[tuple[object, ...]]]:
    """Every table's rows, as generators (a million people do not fit in lists cheaply)."""
    counselors = max(1, people // PEOPLE_PER_COUNSELOR)
    first_counselor = people + 1
    created = ts(NOW - timedelta(days=30))
    rule = json.dumps(DailyAt(datetime(2026, 1, 1, 7, 0).time()).to_rule())
    retention_days = 365
    rng = random.Random(people)

    def seen(n: int) -> str:
        if n <= AGED:  # the housekeeping measurement's people past retention
            return ts(NOW - timedelta(days=retention_days + 1))
        return ts(NOW - timedelta(seconds=rng.randrange(7 * 86_400)))

    def person_rows() -> Iterator[tuple[object, ...]]:
        for n in range(1, people + 1):
            yield (n, str(1_000_000 + n), str(1_000_000 + n), f"Bạn {n}", "person", created, created, seen(n))
        for c in range(counselors):
            n = first_counselor + c
            yield (n, str(1_000_000 + n), str(1_000_000 + n), f"Tư vấn {c}", "counselor", None, created, created)

    def staff_rows() -> Iterator[tuple[object, ...]]:
        for c in range(counselors):
            yield (first_counselor + c, "counselor", f"point-{c % 50}", c % 3 == 0, created)

    def invite_rows() -> Iterator[tuple[object, ...]]:
        for c in range(counselors):
            yield (f"CODE{c:08d}", "counselor", f"point-{c % 50}", created, created, created, first_counselor + c)

    def reminder_rows() -> Iterator[tuple[object, ...]]:
        due_now = CLAIM_BATCH * CLAIM_TICKS
        for n in range(1, people + 1):
            # A few batches due now (the claim ticks), the rest spread over the coming day.
            at = NOW - timedelta(seconds=30) if n <= due_now else NOW + timedelta(seconds=(n * 86_399) // people)
            yield (n, n, rule, ZONE, ts(at), json.dumps({"day": "2026-11-22", "answered": True}), created)

    def inbox_rows() -> Iterator[tuple[object, ...]]:
        row = 0
        for n in range(1, people + 1):
            for day in range(3):  # three messages a week each, answered and cleared
                row += 1
                yield (row, "telegram", str(row), ts(NOW - timedelta(days=day * 2, seconds=n % 86_400)),
                       None, None, None, 0, None)
        for k in range(3):  # replies waiting for a retry (a platform refused them a moment ago)
            row += 1
            n = AGED + 1 + k
            yield (row, "telegram", str(row), ts(NOW - timedelta(minutes=1)), n, str(1_000_000 + n),
                   json.dumps([Reply("…").to_json()]), 1, ts(NOW + timedelta(minutes=5)))

    def outbox_rows() -> Iterator[tuple[object, ...]]:
        row = 0
        for n in range(1, people + 1):
            for day in range(1, 8):
                minute = (NOW - timedelta(days=day)).strftime("%Y%m%d%H%M")
                done = ts(NOW - timedelta(days=day) + timedelta(minutes=1))
                row += 1
                yield (row, f"r{n}:{minute}", n, None, "telegram", "", 3, None, done, "sent", done)
                row += 1
                yield (row, f"r{n}:{minute}:f", n, None, "telegram", "", 3, None, done,
                       "cancelled" if (n + day) % 5 else "sent", done)
        for n in range(1, people + 1, 10):  # an upcoming appointment: its reminders wait in the outbox
            starts = NOW + timedelta(days=1 + n % 13, hours=1 + n % 8)
            counselor = first_counselor + (n // 10) % counselors
            for label, hours in (("3d", 72), ("eve", 14), ("morn", 2)):
                row += 1
                due = max(starts - timedelta(hours=hours), NOW + timedelta(hours=1))
                yield (row, f"a{n}:{label}", n, None, "telegram", str(1_000_000 + n), 2,
                       json.dumps(Reply("Nhắc lịch hẹn").to_json()), ts(due), "pending", None)
            row += 1
            yield (row, f"a{n}:came", counselor, n, "telegram", str(1_000_000 + counselor), 2,
                   json.dumps(Reply("Họ có đến không?").to_json()), ts(starts + timedelta(hours=1)), "pending", None)

    def appointment_rows() -> Iterator[tuple[object, ...]]:
        row = 0
        for n in range(1, people + 1, 10):
            counselor = first_counselor + (n // 10) % counselors
            row += 1
            point = f"point-{counselor % 50}"
            yield (row, n, counselor, point, ts(NOW - timedelta(days=5, minutes=row)), "attended", 3)
            row += 1
            starts = NOW + timedelta(days=1 + n % 13, hours=1 + n % 8, minutes=row)
            yield (row, n, counselor, point, ts(starts), "confirmed", None)

    def audit_rows() -> Iterator[tuple[object, ...]]:
        for n in range(1, people + 1, 10):
            counselor = first_counselor + (n // 10) % counselors
            for what in ("notice", "agenda"):
                yield (counselor, n, what, ts(NOW - timedelta(days=5)))

    def chat_rows() -> Iterator[tuple[object, ...]]:
        for n in range(1, people + 1, 50):
            chat_id = n // 50 + 1
            counselor = first_counselor + chat_id % counselors
            closed = None if n % 1000 == 1 else ts(NOW - timedelta(days=2))
            yield (chat_id, n, f"point-{counselor % 50}", counselor, ts(NOW - timedelta(days=3)),
                   ts(NOW - timedelta(days=3)), closed)

    def chat_message_rows() -> Iterator[tuple[object, ...]]:
        for n in range(1, people + 1, 50):
            chat_id = n // 50 + 1
            for k in range(6):
                yield (chat_id, k % 2, f"Tin nhắn {k} trong cuộc trò chuyện {chat_id}",
                       ts(NOW - timedelta(days=3, minutes=-k)), 1)

    def group_rows() -> Iterator[tuple[object, ...]]:
        for c in range(counselors):
            yield (c + 1, f"point-{c % 50}", f"Nhóm {c}", json.dumps({"kind": "monthly"}), "Phòng họp",
                   first_counselor + c, created)

    def member_rows() -> Iterator[tuple[object, ...]]:
        for n in range(1, people + 1, 20):
            yield ((n // 20) % counselors + 1, n, created)

    def meeting_rows() -> Iterator[tuple[object, ...]]:
        for c in range(counselors):
            yield (c + 1, ts(NOW - timedelta(days=4)))

    def attendance_rows() -> Iterator[tuple[object, ...]]:
        for n in range(1, people + 1, 20):
            yield ((n // 20) % counselors + 1, ts(NOW - timedelta(days=4)), n, "yes", n % 3 != 0)

    return {
        "INSERT INTO people (id, channel_user_id, chat_id, alias, role, consent_at, created_at, last_seen_at, channel,"
        " locale, onboarded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'telegram', 'vi', 1)": person_rows(),
        "INSERT INTO staff (person_id, role, point_id, on_duty, since) VALUES (?, ?, ?, ?, ?)": staff_rows(),
        "INSERT INTO invites (code, role, point_id, created_at, expires_at, used_at, used_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)": invite_rows(),
        "INSERT INTO reminders (id, person_id, kind, rule, timezone, next_at, state, created_at)"
        " VALUES (?, ?, 'dose', ?, ?, ?, ?, ?)": reminder_rows(),
        "INSERT INTO inbox (id, channel, event_id, received_at, person_id, chat_id, replies, attempts, retry_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)": inbox_rows(),
        "INSERT INTO outbox (id, key, person_id, about_id, channel, chat_id, priority, reply, due_at, status, done_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)": outbox_rows(),
        "INSERT INTO appointments (id, person_id, counselor_id, point_id, starts_at, status, rating, minutes, kind,"
        " topic, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 45, 'in_person', 'methadone', '" + created + "')":
            appointment_rows(),
        "INSERT INTO audit (viewer_id, person_id, what, at) VALUES (?, ?, ?, ?)": audit_rows(),
        "INSERT INTO chats (id, person_id, point_id, counselor_id, opened_at, taken_at, closed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)": chat_rows(),
        "INSERT INTO chat_messages (chat_id, from_person, text, at, delivered) VALUES (?, ?, ?, ?, ?)":
            chat_message_rows(),
        "INSERT INTO groups (id, point_id, name, rule, place, facilitator_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)": group_rows(),
        "INSERT INTO group_members (group_id, person_id, joined_at) VALUES (?, ?, ?)": member_rows(),
        "INSERT INTO group_meetings (group_id, starts_at) VALUES (?, ?)": meeting_rows(),
        "INSERT INTO group_attendance (group_id, starts_at, person_id, rsvp, attended) VALUES (?, ?, ?, ?, ?)":
            attendance_rows(),
    }


def seed(path: Path, people: int) -> None:
    """The schema through the store's own migrations, then every row in one transaction."""
    async def create() -> None:
        store = SqliteStore(path)
        await store.open()
        await store.close()

    asyncio.run(create())
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-1000000")
        db.execute("BEGIN")
        for sql, rows in _rows(people).items():
            db.executemany(sql, rows)
        db.execute("COMMIT")
        db.execute("PRAGMA journal_mode=WAL")
    finally:
        db.close()


def ensure_file(people: int, rebuild: bool) -> Path:
    path = cached_file(people)
    if rebuild or not path.exists():
        CACHE.mkdir(mode=0o700, exist_ok=True)
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "benchmarks.growth", "--people", str(people), "--build-to",
                        str(building)], check=True)
        building.rename(path)
        print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


class _Answering:
    """A channel that takes every reply at once: the turn's own cost, not a network's."""

    name = "telegram"
    capabilities = Capabilities(buttons=True, location=True, max_text=4096)

    def __init__(self) -> None:
        self.sent = 0

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.sent += 1

    async def get_me(self) -> None:
        return None


async def _median_ms(action: Callable[[], Awaitable[object]], times: int) -> float:
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        await action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


class _HoldTimer:
    """How long each unit of work held the store's writer lock, in order (a purge's phases)."""

    def __init__(self, store: SqliteStore) -> None:
        self.holds: list[float] = []
        self.on = True
        lock = store._write_lock  # measured from outside, on purpose
        acquire, release = lock.acquire, lock.release
        held_since: list[float] = []

        async def timed_acquire() -> Literal[True]:
            result = await acquire()
            held_since.append(time.perf_counter())
            return result

        def timed_release() -> None:
            if held_since:
                held = (time.perf_counter() - held_since.pop()) * 1000
                if self.on:
                    self.holds.append(held)
            release()

        lock.acquire = timed_acquire  # type: ignore[method-assign]
        lock.release = timed_release  # type: ignore[method-assign]


async def measure(path: Path, people: int, turns: int) -> dict[str, object]:
    settings = load_settings({"DATA_DIR": str(path.parent)}, env_file=None)
    clock = FakeClock(NOW)
    started = time.perf_counter()
    bot = await build(settings, clock=clock, store_path=path)
    startup = time.perf_counter() - started
    file_bytes = os.stat(path).st_size
    store = bot.store
    assert isinstance(store, SqliteStore)
    channel = _Answering()
    bot.core.attach(channel)
    try:
        # No channel: the poll is what is measured, and the platform's send budget stays out of the turns.
        sender = Sender(store, clock, {})

        async def idle_poll() -> None:
            async with store.unit_of_work() as uow:
                await uow.outbox.pending(clock.now(), BATCH)

        idle_poll_ms = await _median_ms(idle_poll, 50)
        assert await sender.drain() == 0  # nothing due: the poll above is what the sender's loop pays
        redeliver_ms = await _median_ms(bot.core.redeliver, 50)

        rng = random.Random(7)
        latencies: list[float] = []
        event = iter(range(10**9, 10**10))

        async def one_turn() -> None:
            n = rng.randrange(AGED + 1, people)
            user = str(1_000_000 + n)
            incoming = Incoming("telegram", user, user, str(next(event)), text=rng.choice(QUESTIONS))
            began = time.perf_counter()
            await bot.core.handle(incoming)
            latencies.append((time.perf_counter() - began) * 1000)

        async def worker(count: int) -> None:
            for _ in range(count):
                await one_turn()

        await asyncio.gather(*(worker(turns // 16) for _ in range(16)))
        latencies.sort()
        assert channel.sent >= len(latencies)

        claims = []
        for _ in range(CLAIM_TICKS):
            began = time.perf_counter()
            claimed = await claim_due(store, bot.catalogs, clock.now())
            claims.append((time.perf_counter() - began) * 1000)
            assert claimed == CLAIM_BATCH, claimed

        # The rebuilds the erasures and the purge ask for run once, after them, and are timed on their own.
        wiper = store.rebuilder  # its requests held back here, and the rebuild timed on its own
        wiper.request, request = (lambda: None), wiper.request  # type: ignore[method-assign]
        erase_times = []
        for n in range(people - 5, people):
            async with store.unit_of_work() as uow:
                began = time.perf_counter()
                await uow.people.erase(n)
                await uow.commit()
                erase_times.append((time.perf_counter() - began) * 1000)

        holds = _HoldTimer(store)
        began = time.perf_counter()
        purged = await purge(store, clock, retention(settings))
        purge_ms = (time.perf_counter() - began) * 1000
        assert purged.people == AGED, purged
        holds.on = False
        # The purge's first unit (sessions, inbox ids, finished messages, chat messages), then the
        # people in batches, then emptying the -wal; a purge in one transaction is one hold.
        batches_ms = sum(holds.holds[1:-1]) if len(holds.holds) >= 3 else None
        await bot.core.close()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # The rebuild that erasures and the purge asked for (docs/architecture.md, "Storage"), run now
        # whatever the hour: a large file's waits for the quiet hour in the bot, and is timed here.
        wiper.request = request  # type: ignore[method-assign]
        wipe_large = wiper.large()
        began = time.perf_counter()
        await store.wipe(large=wipe_large)
        wipe_s = time.perf_counter() - began
    finally:
        await store.close()
    return {
        "people": people,
        "erase_ms": round(statistics.median(erase_times), 2),
        "purge_ms_per_person": round(purge_ms / AGED, 2),
        "purge_hold_ms": round(max(holds.holds), 2),
        "purge_batch_ms_per_person": round(batches_ms / AGED, 2) if batches_ms is not None else None,
        "purge_holds": len(holds.holds),
        "purge_holds_ms": [round(h, 1) for h in holds.holds],
        "redeliver_ms": round(redeliver_ms, 3),
        "idle_poll_ms": round(idle_poll_ms, 3),
        "claim_median_ms": round(statistics.median(claims), 1),
        "claim_worst_ms": round(max(claims), 1),
        "turn_p50_ms": round(latencies[len(latencies) // 2], 2),
        "turn_p99_ms": round(latencies[int(len(latencies) * 0.99)], 2),
        "startup_s": round(startup, 2),
        "rss_mb": round(rss_mb, 1),
        "wipe_s": round(wipe_s, 2),
        "wipe_in_quiet_hour": wipe_large,
        "wipe_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "file_mb": round(file_bytes / 2**20),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--rebuild", action="store_true", help="build the seeded file again")
    parser.add_argument("--build-to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_to:
        seed(args.build_to, args.people)
        return
    source = ensure_file(args.people, args.rebuild)
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        work = Path(folder) / "diemtuvan.sqlite3"
        shutil.copyfile(source, work)
        work.chmod(0o600)
        print(json.dumps(asyncio.run(measure(work, args.people, args.turns))))


if __name__ == "__main__":
    main()
