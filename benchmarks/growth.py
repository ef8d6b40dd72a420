"""What grows with stored history: the costs that hold SQLite's one writer, at N people; and the same on PostgreSQL.

A file is seeded with N people, each with a daily dose reminder and seven days of history (inbox ids,
sent and cancelled outbox rows, appointments with their pending reminders and audit rows, chats with
messages, groups with attendance, invites), as bulk INSERTs in one transaction. The built file is kept
under /tmp/diemtuvan-growth, keyed by N, the schema version and the rows' shape, and each measurement
works on a copy. The file is built in a child process, so the measuring process's memory is the bot's
alone.

With `--postgres URL` the same rows go into a schema of their own on that server (COPY, in one
transaction, the indexes built after), kept as `growth_p<N>_s<schema>_h<shape>` between runs; each
measurement works on a copy in a schema of its own (`growth_work_…`, dropped after), vacuumed and
analysed as autovacuum would have left it. Seeding needs a superuser (foreign keys are off while the
rows go in). Drop a kept schema with `psql URL -c 'DROP SCHEMA growth_p1000000_s10_h2 CASCADE'`
(and a `growth_work_…` left by a killed run the same way).

Then, on the copy, through the bot's own store and core:

- startup_s: `build()` (open, quick check, migrations, content, catalogs, the crisis model);
- idle_poll_ms: the outbox sender's poll when nothing is due (median of 50);
- redeliver_ms: `Core.redeliver()`'s scan of the inbox with nothing to resend (median of 50);
- turn_p50_ms / turn_p99_ms: free-text questions from stored (consented) people through `Core.handle`,
  16 at a time, with a channel that answers at once;
- claim_median_ms / claim_worst_ms: claim ticks of the bot's batch (`CLAIM_BATCH`, 100) each;
  claim200_median_ms / claim200_worst_ms: of 200 each; ten of each, alternating;
- erase_ms: one person's erasure (`People.erase` and its commit, the -wal emptied), median of 5;
- purge_ms_per_person: housekeeping's whole purge with 5 people past retention, over 5;
  purge_batch_ms_per_person: the people's batches alone, over 5; purge_first_ms: its first
  transaction (idle sessions, old inbox ids, finished messages, chat messages); purge_hold_ms: the
  longest the purge held SQLite's writer at once (the rebuild after it is wipe_s); on PostgreSQL,
  purge_longest_tx_ms: its longest transaction;
- rss_mb: the process's peak resident memory before the rebuild (on PostgreSQL the server's is not
  counted); file_mb / db_mb: the file's size, or the schema's tables with their indexes;
- SQLite only: wipe_s / wipe_rss_mb: the rebuild (VACUUM) the erasures and the purge ask for, and the
  peak memory with it; wipe_in_quiet_hour: the file is large enough that the bot puts the rebuild off
  to the quiet hour, with its copy in a temporary file rather than in memory. PostgreSQL has no
  rebuild (`not_measured` in the output says so);
- load: the load average (1, 5, 15 minutes) before and after.

    .venv/bin/python -m benchmarks.growth --people 10000
    .venv/bin/python -m benchmarks.growth --people 1000000     # builds a file of about 4 GB once
    .venv/bin/python -m benchmarks.growth --people 100000 --postgres postgresql://postgres@127.0.0.1:5432/test
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
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import psycopg

from bot.app import build, retention
from bot.channels.base import Capabilities
from bot.clock import FakeClock
from bot.config import load_settings
from bot.messages import Incoming, Reply
from bot.services.reminder_kinds.dose import DailyAt
from bot.services.reminders import CLAIM_BATCH, claim_due
from bot.store.postgres import PostgresStore, PostgresUnitOfWork
from bot.store.sqlite import SqliteStore, migrations, ts
from scheduler.housekeeping import purge
from scheduler.sender import BATCH, Sender

CACHE = Path(tempfile.gettempdir()) / "diemtuvan-growth"
NOW = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # the seeded history ends here; the clock stands here
ZONE = "Asia/Ho_Chi_Minh"
PEOPLE_PER_COUNSELOR = 1000
AGED = 5  # people past retention
CLAIM_TICKS = 10
# Claim ticks of the bot's batch, and of 200 (the batch the 50 ms goal was set for), alternating.
CLAIM_SIZES = tuple(sorted({CLAIM_BATCH, 200}))
# The seeded rows' shape, in the cache keys: 2 has a due reminder for every claim tick of every size.
SHAPE = 2
QUESTIONS = ("methadone là gì", "điều trị methadone có mất phí không", "cai nghiện tự nguyện là gì",
             "tư vấn ở đâu", "methadone có hại không", "làm sao để bỏ", "what is methadone")


def schema_version() -> int:
    return migrations()[-1][0]


def cached_file(people: int) -> Path:
    return CACHE / f"people-{people}-schema-{schema_version()}-shape-{SHAPE}.sqlite3"


def seeded_schema(people: int) -> str:
    """The PostgreSQL schema kept with N people, as the SQLite file is kept."""
    return f"growth_p{people}_s{schema_version()}_h{SHAPE}"


def _tables(people: int) -> list[tuple[str, tuple[str, ...], Iterator[tuple[object, ...]]]]:
    """Every table's columns and rows, the rows as generators (a million people do not fit in lists
    cheaply); the same rows go into the SQLite file and the PostgreSQL schema."""
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
            yield (n, str(1_000_000 + n), str(1_000_000 + n), f"Bạn {n}", "person", created, created, seen(n),
                   "telegram", "vi", 1)
        for c in range(counselors):
            n = first_counselor + c
            yield (n, str(1_000_000 + n), str(1_000_000 + n), f"Tư vấn {c}", "counselor", None, created, created,
                   "telegram", "vi", 1)

    def staff_rows() -> Iterator[tuple[object, ...]]:
        for c in range(counselors):
            yield (first_counselor + c, "counselor", f"point-{c % 50}", int(c % 3 == 0), created)

    def invite_rows() -> Iterator[tuple[object, ...]]:
        for c in range(counselors):
            yield (f"CODE{c:08d}", "counselor", f"point-{c % 50}", created, created, created, first_counselor + c)

    def reminder_rows() -> Iterator[tuple[object, ...]]:
        due_now = sum(CLAIM_SIZES) * CLAIM_TICKS
        for n in range(1, people + 1):
            # A few batches due now (the claim ticks), the rest spread over the coming day.
            at = NOW - timedelta(seconds=30) if n <= due_now else NOW + timedelta(seconds=(n * 86_399) // people)
            yield (n, n, "dose", rule, ZONE, ts(at), json.dumps({"day": "2026-11-22", "answered": True}), created)

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
            yield (row, n, counselor, point, ts(NOW - timedelta(days=5, minutes=row)), "attended", 3,
                   45, "in_person", "methadone", created)
            row += 1
            starts = NOW + timedelta(days=1 + n % 13, hours=1 + n % 8, minutes=row)
            yield (row, n, counselor, point, ts(starts), "confirmed", None, 45, "in_person", "methadone", created)

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
            yield ((n // 20) % counselors + 1, ts(NOW - timedelta(days=4)), n, "yes", int(n % 3 != 0))

    return [
        ("people", ("id", "channel_user_id", "chat_id", "alias", "role", "consent_at", "created_at", "last_seen_at",
                    "channel", "locale", "onboarded"), person_rows()),
        ("staff", ("person_id", "role", "point_id", "on_duty", "since"), staff_rows()),
        ("invites", ("code", "role", "point_id", "created_at", "expires_at", "used_at", "used_by"), invite_rows()),
        ("reminders", ("id", "person_id", "kind", "rule", "timezone", "next_at", "state", "created_at"),
         reminder_rows()),
        ("inbox", ("id", "channel", "event_id", "received_at", "person_id", "chat_id", "replies", "attempts",
                   "retry_at"), inbox_rows()),
        ("outbox", ("id", "key", "person_id", "about_id", "channel", "chat_id", "priority", "reply", "due_at",
                    "status", "done_at"), outbox_rows()),
        ("appointments", ("id", "person_id", "counselor_id", "point_id", "starts_at", "status", "rating", "minutes",
                          "kind", "topic", "created_at"), appointment_rows()),
        ("audit", ("viewer_id", "person_id", "what", "at"), audit_rows()),
        ("chats", ("id", "person_id", "point_id", "counselor_id", "opened_at", "taken_at", "closed_at"), chat_rows()),
        ("chat_messages", ("chat_id", "from_person", "text", "at", "delivered"), chat_message_rows()),
        ("groups", ("id", "point_id", "name", "rule", "place", "facilitator_id", "created_at"), group_rows()),
        ("group_members", ("group_id", "person_id", "joined_at"), member_rows()),
        ("group_meetings", ("group_id", "starts_at"), meeting_rows()),
        ("group_attendance", ("group_id", "starts_at", "person_id", "rsvp", "attended"), attendance_rows()),
    ]


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
        for table, columns, rows in _tables(people):
            db.executemany(f"INSERT INTO {table} ({', '.join(columns)})"
                           f" VALUES ({', '.join('?' * len(columns))})", rows)
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


def in_schema(url: str, schema: str) -> str:
    """The server's URL with every connection's search_path set to `schema` (as tests/pg.py does)."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options={quote(f'-csearch_path={schema}')}"


def _migrate(url: str) -> None:
    """The schema through the store's own migrations."""
    async def run() -> None:
        store = PostgresStore(url)
        await store.open()
        await store.close()

    asyncio.run(run())


@contextmanager
def _bulk(conn: psycopg.Connection[Any]) -> Iterator[None]:
    """Fill the tables of the connection's schema in its transaction, fast: the indexes that back no
    constraint are dropped and built again after (a sort each, instead of millions of inserts into
    them), foreign keys and triggers are off meanwhile (`session_replication_role`, a superuser's
    setting: the rows are consistent by construction), and each id sequence is moved past the highest
    id, as `db copy` does."""
    indexes = conn.execute(
        "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT EXISTS"
        " (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u'))").fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("SET LOCAL session_replication_role = replica")
    conn.execute("SET LOCAL maintenance_work_mem = '1GB'")
    yield
    conn.execute("SET LOCAL session_replication_role = DEFAULT")
    for _, definition in indexes:
        conn.execute(definition)
    for (table,) in conn.execute("SELECT table_name FROM information_schema.columns WHERE table_schema ="
                                 " current_schema() AND column_name = 'id'").fetchall():
        conn.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"
                     f' COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)')


def seed_postgres(url: str, schema: str, people: int) -> None:
    """A schema of its own through the store's migrations, then every row with COPY, in one transaction."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')
    _migrate(in_schema(url, schema))
    with psycopg.connect(in_schema(url, schema)) as conn, _bulk(conn):
        for table, columns, rows in _tables(people):
            with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)


def ensure_schema(url: str, people: int, rebuild: bool) -> str:
    """The seeded schema, built once in a child process (its name is printed: DROP SCHEMA it to free the
    space)."""
    schema = seeded_schema(people)
    with psycopg.connect(url, autocommit=True) as conn:
        present = conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
    if rebuild or not present:
        building = f"{schema}_building"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "benchmarks.growth", "--people", str(people), "--postgres", url,
                        "--build-to-schema", building], check=True)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            conn.execute(f'ALTER SCHEMA "{building}" RENAME TO "{schema}"')
        print(f"seeded schema {schema} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return schema


@contextmanager
def work_copy(url: str, seeded: str) -> Iterator[str]:
    """A URL to a fresh schema holding the seeded rows (the measurement changes what it touches), made
    as the seed was and then vacuumed and analysed (the test server runs without autovacuum, and a
    server with it would have done as much by the time a province had this history); dropped after."""
    work = f"growth_work_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{work}"')
    try:
        started = time.perf_counter()
        _migrate(in_schema(url, work))
        with psycopg.connect(in_schema(url, work)) as conn:
            tables = [t for (t,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s AND table_type ="
                " 'BASE TABLE' AND table_name != 'schema_migrations' ORDER BY table_name", (seeded,)).fetchall()]
            with _bulk(conn):
                for table in tables:
                    columns = ", ".join(f'"{c}"' for (c,) in conn.execute(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = %s AND"
                        " table_name = %s ORDER BY ordinal_position", (seeded, table)).fetchall())
                    conn.execute(f'INSERT INTO "{table}" ({columns})'
                                 f' SELECT {columns} FROM "{seeded}"."{table}"')
        with psycopg.connect(in_schema(url, work), autocommit=True) as conn:
            conn.execute("VACUUM (ANALYZE) " + ", ".join(f'"{t}"' for t in tables))
        print(f"copied {seeded} to {work} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        yield in_schema(url, work)
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{work}" CASCADE')


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


class _TransactionTimer:
    """How long each unit of work lasted, from its start to its end, in order (a purge's transactions).
    On PostgreSQL there is no one writer to hold: a transaction holds the rows it changed."""

    def __init__(self, store: PostgresStore) -> None:
        self.spans: list[float] = []
        self.on = True
        opened = store.unit_of_work

        @asynccontextmanager
        async def timed() -> AsyncIterator[PostgresUnitOfWork]:
            began = time.perf_counter()
            async with opened() as uow:
                yield uow
            if self.on:
                self.spans.append((time.perf_counter() - began) * 1000)

        store.unit_of_work = timed  # type: ignore[method-assign]


async def _schema_bytes(store: PostgresStore) -> int:
    async with store.pool.connection() as conn:
        cursor = await conn.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c JOIN pg_namespace s"
            " ON s.oid = c.relnamespace WHERE s.nspname = current_schema() AND c.relkind = 'r'")
        row: Any = await cursor.fetchone()
        return int(row["n"])


# What the PostgreSQL run leaves out, and why (printed with its figures).
NOT_ON_POSTGRES = {
    "wipe_s, wipe_rss_mb, wipe_in_quiet_hour": "SQLite's rebuild (VACUUM) after erasures; the PostgreSQL store"
    " has none (request_wipe does nothing: docs/privacy.md)",
    "purge_hold_ms": "SQLite's one writer; on PostgreSQL purge_longest_tx_ms is the purge's longest"
    " transaction, which holds only the rows it changed",
}


async def measure(where: Path | str, people: int, turns: int, data_dir: Path) -> dict[str, object]:
    """Every figure of the module's docstring, on an SQLite file or a PostgreSQL URL."""
    load_before = os.getloadavg()
    settings = load_settings({"DATA_DIR": str(data_dir)}, env_file=None)
    clock = FakeClock(NOW)
    started = time.perf_counter()
    bot = await build(settings, clock=clock, store_path=where)
    startup = time.perf_counter() - started
    store = bot.store
    if isinstance(store, SqliteStore):
        assert isinstance(where, Path)
        stored_bytes = os.stat(where).st_size
    else:
        assert isinstance(store, PostgresStore)
        stored_bytes = await _schema_bytes(store)
    channel = _Answering()
    bot.core.attach(channel)
    try:
        # No channel: the poll is what is measured, and the platform's send budget stays out of the turns.
        sender = Sender(store, clock, {})

        async def idle_poll() -> None:
            async with store.reading() as uow:
                await uow.outbox.pending(clock.now(), BATCH)

        idle_poll_ms = await _median_ms(idle_poll, 50)
        assert await sender.drain() == 0  # nothing due: the poll above is what the sender's loop pays
        redeliver_ms = await _median_ms(bot.core.redeliver, 50)

        rng = random.Random(7)
        latencies: list[float] = []
        event = iter(range(10**9, 10**10))
        # No one asks twice: the clock stands still, and on PostgreSQL a chat's next reply waits for a
        # second after the platform answered its last (bot/core.py), which a standing clock never ends.
        askers = iter(rng.sample(range(AGED + 1, people), turns))

        async def one_turn() -> None:
            user = str(1_000_000 + next(askers))
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

        # The sizes alternate, in an order that flips each round, so neither always has the cold pages.
        claims: dict[int, list[float]] = {size: [] for size in CLAIM_SIZES}
        for tick in range(CLAIM_TICKS):
            for size in CLAIM_SIZES if tick % 2 == 0 else reversed(CLAIM_SIZES):
                began = time.perf_counter()
                claimed = await claim_due(store, bot.catalogs, clock.now(), limit=size)
                claims[size].append((time.perf_counter() - began) * 1000)
                assert claimed == size, claimed

        # On SQLite the rebuilds the erasures and the purge ask for run once, after them, and are timed
        # on their own.
        if isinstance(store, SqliteStore):
            wiper = store.rebuilder  # its requests held back here, and the rebuild timed on its own
            wiper.request, request = (lambda: None), wiper.request  # type: ignore[method-assign]
        erase_times = []
        for n in range(people - 5, people):
            async with store.unit_of_work() as uow:
                began = time.perf_counter()
                await uow.people.erase(n)
                await uow.commit()
                erase_times.append((time.perf_counter() - began) * 1000)

        holds = _HoldTimer(store) if isinstance(store, SqliteStore) else _TransactionTimer(store)
        began = time.perf_counter()
        purged = await purge(store, clock, retention(settings))
        purge_ms = (time.perf_counter() - began) * 1000
        assert purged.people == AGED, purged
        holds.on = False
        if isinstance(holds, _HoldTimer):
            # The purge's first unit (sessions, inbox ids, finished messages, chat messages), then the
            # people in batches, then emptying the -wal; a purge in one transaction is one hold.
            spans = holds.holds
            batches_ms = sum(spans[1:-1]) if len(spans) >= 3 else None
        else:
            spans = holds.spans  # the first unit, then the people in batches (no -wal to empty)
            batches_ms = sum(spans[1:]) if len(spans) >= 2 else None
        await bot.core.close()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if isinstance(store, SqliteStore):
            # The rebuild that erasures and the purge asked for (docs/architecture.md, "Storage"), run now
            # whatever the hour: a large file's waits for the quiet hour in the bot, and is timed here.
            wiper.request = request  # type: ignore[method-assign]
            wipe_large = wiper.large()
            began = time.perf_counter()
            await store.wipe(large=wipe_large)
            wipe_s = time.perf_counter() - began
    finally:
        await store.close()
    figures: dict[str, object] = {
        "people": people,
        "store": "sqlite" if isinstance(store, SqliteStore) else "postgresql",
        "erase_ms": round(statistics.median(erase_times), 2),
        "purge_ms_per_person": round(purge_ms / AGED, 2),
        "purge_batch_ms_per_person": round(batches_ms / AGED, 2) if batches_ms is not None else None,
        "purge_first_ms": round(spans[0], 2),
    }
    if isinstance(store, SqliteStore):
        figures.update({"purge_hold_ms": round(max(spans), 2), "purge_holds": len(spans),
                        "purge_holds_ms": [round(h, 1) for h in spans]})
    else:
        figures.update({"purge_longest_tx_ms": round(max(spans), 2), "purge_txs": len(spans),
                        "purge_txs_ms": [round(h, 1) for h in spans]})
    figures.update({
        "redeliver_ms": round(redeliver_ms, 3),
        "idle_poll_ms": round(idle_poll_ms, 3),
    })
    for size, timings in claims.items():
        name = "claim" if size == CLAIM_BATCH else f"claim{size}"
        figures[f"{name}_median_ms"] = round(statistics.median(timings), 1)
        figures[f"{name}_worst_ms"] = round(max(timings), 1)
        figures[f"{name}_ms"] = [round(t, 1) for t in timings]
    figures.update({
        "turn_p50_ms": round(latencies[len(latencies) // 2], 2),
        "turn_p99_ms": round(latencies[int(len(latencies) * 0.99)], 2),
        "startup_s": round(startup, 2),
        "rss_mb": round(rss_mb, 1),
    })
    if isinstance(store, SqliteStore):
        figures.update({
            "wipe_s": round(wipe_s, 2),
            "wipe_in_quiet_hour": wipe_large,
            "wipe_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "file_mb": round(stored_bytes / 2**20),
        })
    else:
        figures.update({"db_mb": round(stored_bytes / 2**20), "not_measured": NOT_ON_POSTGRES})
    figures["load"] = [round(x, 2) for x in (*load_before, *os.getloadavg())]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--rebuild", action="store_true", help="build the seeded file or schema again")
    parser.add_argument("--postgres", metavar="URL", help="measure on this PostgreSQL server instead of SQLite")
    parser.add_argument("--build-to", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build-to-schema", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_to:
        seed(args.build_to, args.people)
        return
    if args.build_to_schema:
        seed_postgres(args.postgres, args.build_to_schema, args.people)
        return
    if args.postgres:
        seeded = ensure_schema(args.postgres, args.people, args.rebuild)
        with tempfile.TemporaryDirectory() as folder, work_copy(args.postgres, seeded) as url:
            print(json.dumps(asyncio.run(measure(url, args.people, args.turns, Path(folder)))))
        return
    source = ensure_file(args.people, args.rebuild)
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        work = Path(folder) / "diemtuvan.sqlite3"
        shutil.copyfile(source, work)
        work.chmod(0o600)
        print(json.dumps(asyncio.run(measure(work, args.people, args.turns, work.parent))))


if __name__ == "__main__":
    main()
