"""The embedded store: one SQLite file through aiosqlite, WAL, one writer at a time.

SQLite allows one writer; rather than let concurrent transactions fail with "database is locked",
every unit of work that writes takes an asyncio lock and opens with BEGIN IMMEDIATE. One connection
writes for the process; a province's traffic is far below what that carries (docs/benchmarks.md). A
second, read-only connection serves the reads that nothing writes back (`SqliteStore.reading`,
`SqliteUnitOfWork.committed`), so polls and scans never hold the writer.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import sqlite3
import stat
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite

from bot.messages import Choice, Reply
from bot.store.base import (
    Appointments,
    Audit,
    Chats,
    CodeFailures,
    DatabaseUnusable,
    Groups,
    Inbox,
    Invites,
    Links,
    Outbox,
    People,
    PointView,
    Reminders,
    Sessions,
    SlotTaken,
    Staff,
    Tally,
    Usage,
    WebSignIns,
)
from bot.store.records import (
    Address,
    Appointment,
    Availability,
    Chat,
    Due,
    Group,
    Invite,
    Link,
    OutboxItem,
    Person,
    Reminder,
    Session,
    TallyTotal,
    Unsent,
    WebSession,
)

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# One numbered list for both databases: NNNN_name.sql for SQLite and NNNN_name.postgres.sql beside it
# (tests/store: the numbers of the two lists are the same).
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_POSTGRES_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.postgres\.sql$")


def ts(moment: datetime) -> str:
    """UTC, fixed width, so that text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime reached the store")
    # The same text as strftime("%Y-%m-%dT%H:%M:%S.%fZ"), several times faster (a claim writes thousands).
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def from_ts(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value)  # reads the trailing Z as UTC; far faster than strptime


def _required_ts(value: str) -> datetime:
    moment = from_ts(value)
    assert moment is not None
    return moment


def migrations(directory: Path = MIGRATIONS_DIR, postgres: bool = False) -> list[tuple[int, Path]]:
    found = []
    pattern = _POSTGRES_MIGRATION_NAME if postgres else _MIGRATION_NAME
    for path in directory.iterdir():
        match = pattern.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    found.sort()
    numbers = [n for n, _ in found]
    # Gaps are allowed: migrations are written on parallel branches, and one may be merged (and applied
    # to a file) before a lower-numbered one; `SqliteStore.upgrade` applies each missing number.
    if len(set(numbers)) != len(numbers) or (numbers and numbers[0] != 1):
        raise RuntimeError(f"migrations in {directory} must start at 0001 and have one file per number: {numbers}")
    return found


BUSY_TIMEOUT_MS = 5000
# The zone whose days the tally counts in, unless the store is given BOT_TIMEZONE.
DEFAULT_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")


async def _configure(db: aiosqlite.Connection) -> None:
    """Settings every connection needs. secure_delete: a deleted row's bytes are overwritten with zeros
    instead of staying in its page until reused (some SQLite builds do this by default, not all).
    temp_store in memory: VACUUM's copy of the database (_Wiper) never lands in a temporary file."""
    await db.execute("PRAGMA secure_delete=ON")
    await db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    await db.execute("PRAGMA temp_store=MEMORY")


def _temporary_files_beside(path: Path) -> None:
    """A temporary file SQLite writes (a large rebuild's copy of the database) goes into the database's
    own folder, which only the bot can read, not into a shared /tmp; unless the operator chose a place
    (SQLITE_TMPDIR)."""
    os.environ.setdefault("SQLITE_TMPDIR", str(path.resolve().parent))


async def _empty_wal(db: aiosqlite.Connection) -> None:
    """Checkpoint with TRUNCATE: every page goes into the main file and the -wal is cut to zero bytes.
    Old page images in the -wal still hold deleted rows (an erased person's texts, phone, alias) until
    traffic overwrites them, and they survive a crash and go into backups; this ends that. It waits
    (busy_timeout) for a read under way on the other connection; if one still holds it, the next purge
    tries again."""
    # Without waiting: a TRUNCATE checkpoint needs no reader at all on the file, and waiting for one
    # (a backup, `diemtuvan stats`, a monitoring read) would hold every write of the bot meanwhile.
    # (Each pragma is read to its end: a statement left open would keep VACUUM from running.)
    await db.execute_fetchall("PRAGMA busy_timeout=0")
    try:
        rows = list(await db.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)"))
    finally:
        await db.execute_fetchall(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if rows and rows[0][0]:
        log.warning("the write-ahead log could not be emptied now (a read was under way); the next purge retries")


def _create_private(path: Path) -> None:
    """Create the database file readable and writable by this user only (SQLite gives its -wal and -shm
    the same mode), and take back what other accounts could read of an existing one. Only before any
    connection is open: see `_restrict_modes`."""
    if path.is_dir():
        raise DatabaseUnusable(f"the database path {path} is a folder, not a file; set DATABASE_URL to a file such as "
                               "sqlite:///data/diemtuvan.sqlite3, or move the folder away")
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    _restrict_modes(path)


def _restrict_modes(path: Path) -> None:
    """Make the file, its -wal and its -shm mode 600, by name only. Never by opening the file: POSIX
    releases every lock a process holds on a file when it closes any descriptor of that file, and
    SQLite's shared lock on the database file is what tells another process (a backup, `sqlite3`, a
    monitoring read) that this one still uses the -wal. Without it, the other process's last close
    checkpoints and deletes the -wal under this process, whose later commits then go to a deleted file:
    lost at the next start (sent marks undone, reminders sent twice)."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if file.exists() and stat.S_IMODE(file.stat().st_mode) & 0o077:
                os.chmod(file, 0o600)
        except PermissionError:
            log.warning("%s is readable by other accounts and belongs to another user; make it mode 600", file)


def _unusable(path: str, exc: sqlite3.Error | OSError) -> str:
    """One sentence for an error met while opening: what is wrong with which file, and what to do."""
    if isinstance(exc, OSError):
        return (f"cannot open the database file {path} ({exc.strerror or exc}); check that its folder exists and "
                "that this user may read and write both")
    name = getattr(exc, "sqlite_errorname", "")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "malformed" in str(exc):
        return (f"the database file {path} is damaged ({exc}); restore it from a backup, or move it away and "
                "the bot starts with an empty one")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return f"the database file {path} is locked ({exc}); stop the other program or bot using it"
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")):
        return (f"cannot open the database file {path} ({exc}); check that its folder exists and that this user "
                "may read and write both")
    return f"the database file {path} cannot be used ({exc}); check the disk and the file, or restore a backup"


def backup(source: Path, target: Path) -> int:
    """Copy the database file at `source` to `target`, consistently, while the bot may be writing it;
    returns the copy's schema version.

    SQLite's online backup API in one step reads one snapshot (in WAL mode the bot's writes go on
    meanwhile; a backup taken in small steps would start over at each of them and might never end).
    The copy is written to a new file made for this user only, turned into one self-contained file (a
    rollback journal, no -wal to forget), checked with `PRAGMA quick_check`, and only then given its
    name, so a failed backup never leaves a file that looks like one. The source is opened in this
    process, never in the bot's: see `_restrict_modes` for why a second descriptor there is harmful.
    Raises DatabaseUnusable with a sentence for the operator."""
    if target.exists():
        raise DatabaseUnusable(f"{target} already exists; give the backup a new file name (a backup never "
                               "overwrites a file)")
    if not source.is_file():
        raise DatabaseUnusable(f"there is no database file at {source}; check DATABASE_URL and DATA_DIR")
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise DatabaseUnusable(f"cannot write the backup {target} ({exc.strerror or exc}); choose a folder this "
                               "user may write") from None
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)
        try:
            src.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            src.execute("PRAGMA query_only=ON")
            dst = sqlite3.connect(partial, isolation_level=None)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                problems = [str(row[0]) for row in dst.execute("PRAGMA quick_check")]
                if problems != ["ok"]:
                    raise DatabaseUnusable(f"the copy of {source} failed its check ({problems[0][:120]}); the "
                                           "database itself may be damaged: run PRAGMA integrity_check on it")
                version = int(dst.execute("PRAGMA user_version").fetchone()[0])
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise DatabaseUnusable(_unusable(str(source), exc)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
    return version

# A row read by column name: an sqlite3.Row here, a dict from psycopg in bot/store/postgres.py, which
# shares the mapping functions below.
Row = Any

_INBOX_COLUMNS = "(channel, event_id, received_at, person_id, chat_id, replies)"
_INBOX_ROW = "(?, ?, ?, ?, ?, ?)"
InboxRow = tuple[str, str, str, int | None, str | None, str | None]


class _InboxBatch:
    """Group commit for the common turn, a question answered, whose only write is its inbox row.

    Each aiosqlite call is a hop to its thread and back, and on a busy process each hop also costs the
    event loop's thread several preemptions while the two threads pass the GIL (docs/benchmarks.md).
    So one statement is in flight at a time: the rows that arrive while it runs wait, and go together
    as the next multi-row INSERT, in one hop and one implicit transaction. Before a statement goes, the
    writer lets the event loop run a few passes for as long as each pass brings more rows: under load
    the batches grow with the load, and a lone message waits for one pass, no timer. Each row is still
    its own event: a replayed one gets None, as it would alone. The statement follows the rule of
    `SqliteUnitOfWork.alone`: it waits for the writer only if another unit's transaction is open, so it
    never lands inside one.
    """

    MAX_ROWS = 500  # 6 parameters a row: 3,000, far under SQLite's limit of 32,766
    MAX_PASSES = 8  # halved the statements of the throughput benchmark, at well under a millisecond each

    def __init__(self, db: aiosqlite.Connection, write_lock: asyncio.Lock) -> None:
        self._db = db
        self._lock = write_lock
        self._waiting: list[tuple[InboxRow, asyncio.Future[int | None]]] = []
        self._writer: asyncio.Task[None] | None = None

    def add(self, row: InboxRow) -> asyncio.Future[int | None]:
        future: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
        self._waiting.append((row, future))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_while_waiting())
        return future

    async def _write_while_waiting(self) -> None:
        try:
            while self._waiting:
                for _ in range(self.MAX_PASSES):
                    arrived = len(self._waiting)
                    await asyncio.sleep(0)
                    if len(self._waiting) == arrived or len(self._waiting) >= self.MAX_ROWS:
                        break
                batch, self._waiting = self._waiting[:self.MAX_ROWS], self._waiting[self.MAX_ROWS:]
                try:
                    await self._write(batch)
                except asyncio.CancelledError:
                    for _, future in batch:  # shutting down: the turns waiting on it are cancelled too
                        future.cancel()
                    raise
                except Exception as exc:
                    if len(batch) == 1:
                        self._fail(batch, exc)
                        continue
                    # One bad row (a person erased a moment ago, say) must not cost the turns beside
                    # it: the statement rolled back as a whole, so each row is tried on its own.
                    for one in batch:
                        try:
                            await self._write([one])
                        except Exception as alone:
                            self._fail([one], alone)
        finally:
            self._writer = None

    @staticmethod
    def _fail(batch: list[tuple[InboxRow, asyncio.Future[int | None]]], exc: BaseException) -> None:
        for _, future in batch:
            if not future.done():
                future.set_exception(exc)

    async def _write(self, batch: list[tuple[InboxRow, asyncio.Future[int | None]]]) -> None:
        sql = (f"INSERT INTO inbox {_INBOX_COLUMNS} VALUES {','.join([_INBOX_ROW] * len(batch))}"  # noqa: S608
               " ON CONFLICT (channel, event_id) DO NOTHING RETURNING id, channel, event_id")
        params = tuple(value for row, _ in batch for value in row)
        if self._lock.locked():
            async with self._lock:
                inserted = await self._db.execute_fetchall(sql, params)
        else:
            inserted = await self._db.execute_fetchall(sql, params)
        ids = {(channel, event_id): row_id for row_id, channel, event_id in inserted}
        for row, future in batch:
            # The same event twice in one statement: the first row was written, the second is the replay.
            row_id = ids.pop((row[0], row[1]), None)
            if not future.done():
                future.set_result(row_id)

    async def drain(self) -> None:
        """Let the rows under way be written (before the connection closes)."""
        while self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)


class _Wiper:
    """Rebuilds the file (VACUUM, then an emptied -wal) once an erasure has been answered.

    secure_delete zeroes a deleted row's bytes, but not every copy: when SQLite rebuilds a page it
    writes the cells afresh and leaves the page's old bytes in its unused gap, so a person's replies,
    chat id or alias can outlive their rows there, long after they were cleared or deleted. Only
    rebuilding the file removes those. The erasing turn's own reply holds the chat id until it is sent,
    so the rebuild waits for that reply to be marked delivered; an erasure with no reply (the
    retention purge) asks for it at once. Requests that come while one runs share the next run, and
    runs are at least MIN_SECONDS apart: VACUUM holds the writer for about 0.5 s per 70 MB, and
    repeated erasures must not keep it from everyone else.

    A file larger than AT_ONCE_BYTES (a rebuild of seconds to minutes, every turn and send waiting
    behind it) is rebuilt in the quiet hour instead (QUIET_FROM, in the store's zone), with VACUUM's
    copy in a temporary file beside the database rather than in memory (a copy of gigabytes). The rows
    are gone and their bytes zeroed at the erasure itself; only a stray old copy in a page's unused
    space waits for that night. The debt is written down (a `.rebuild-owed` file beside the database)
    so that a restart in between keeps it, and a stop does not pay it: the next quiet hour does.
    """

    MIN_SECONDS = 30.0
    AT_ONCE_BYTES = 256 * 2**20  # about 2 s of rebuild
    QUIET_FROM = time(3, 30)
    QUIET_FOR = timedelta(hours=1)

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        self._after_delivery: set[int] = set()  # inbox rows of erasing turns, not yet sent
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._wiping = False
        self._last = -float("inf")
        self._hurry = asyncio.Event()  # closing: no more waiting between runs
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.runs = 0  # rebuilds done, for the tests

    @property
    def owed_path(self) -> Path:
        return Path(self._store.path + ".rebuild-owed")

    def large(self) -> bool:
        try:
            return os.path.getsize(self._store.path) > self.AT_ONCE_BYTES
        except OSError:
            return False

    def seconds_to_quiet(self) -> float:
        """0 inside the quiet hour, else the seconds until it begins."""
        local = self.now().astimezone(self._store.timezone)
        start = datetime.combine(local.date(), self.QUIET_FROM, tzinfo=local.tzinfo)
        if start <= local < start + self.QUIET_FOR:
            return 0.0
        if start < local:
            start += timedelta(days=1)
        return (start - local).total_seconds()

    def owed(self) -> None:
        """At open: a rebuild put off to the quiet hour before a stop is still owed."""
        if self.owed_path.exists():
            self.request()

    def erased(self, inbox_rows: list[int]) -> None:
        if inbox_rows:
            self._after_delivery.update(inbox_rows)
        else:
            self.request()

    def delivered(self, inbox_rows: list[int]) -> None:
        if self._after_delivery.intersection(inbox_rows):
            self._after_delivery.difference_update(inbox_rows)
            self.request()

    def request(self) -> None:
        if self._task is not None and not self._task.done():
            # A run that has not begun covers this request too; one under way may not.
            self._again = self._again or self._wiping
            return
        self._task = asyncio.create_task(self._run(), name="database-wipe")

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            self._again = False
            wait = self._last + self.MIN_SECONDS - loop.time()
            if wait > 0 and not self._hurry.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._hurry.wait(), wait)
            large = self.large()
            if large:
                self.owed_path.touch(mode=0o600)
                if self._hurry.is_set():
                    return  # a stop does not wait minutes for it: the next quiet hour pays it
                if (quiet := self.seconds_to_quiet()) > 0:
                    log.info("a rebuild after an erasure waits for the quiet hour (%.0f s)", quiet)
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._hurry.wait(), quiet)
                    if self._hurry.is_set():
                        return
            self._wiping = True
            try:
                done = await self._store.wipe(large=large)
                if done:
                    self.runs += 1
                    self.owed_path.unlink(missing_ok=True)
            except Exception:
                log.exception("rebuilding the database after an erasure failed; the next erasure or purge retries")
                done = True  # not a passing condition: no quick retry
            finally:
                self._wiping = False
            self._last = loop.time()
            if not done and not self._hurry.is_set():
                self._again = True  # a statement was under way: try again after the pause
            if not self._again:
                return

    async def wait(self) -> None:
        """Until the rebuilds asked for so far have run."""
        while self._task is not None and not self._task.done():
            await asyncio.gather(asyncio.shield(self._task), return_exceptions=True)

    async def close(self) -> None:
        """Rebuilds still owed run now, before the connections close."""
        self._hurry.set()
        if self._after_delivery:  # an erasing turn's reply never went: its row must stay, the rest goes
            self._after_delivery.clear()
            self.request()
        await self.wait()


class _Checkpointer:
    """Copies the write-ahead log into the main file every SECONDS, on a connection of its own.

    Left to SQLite, the copy runs inside whichever commit takes the log past 1,000 pages. At a million
    people that copy is scattered writes into a file of gigabytes and a sync to disk, over a second, and
    inside a commit it held the one writer for all of it: a claim tick, and every turn queued behind it.
    A PASSIVE checkpoint here waits for no reader and no writer, so the writer's commits never do that
    work, and what cannot be copied now (a read under way) is copied next time. The writer keeps a far
    higher threshold of its own (BACKSTOP_PAGES), so the log stays bounded if this ever stops. Emptying
    the log after an erasure (`_empty_wal`) takes the same lock, so the two never collide."""

    SECONDS = 1.0
    BACKSTOP_PAGES = 20000  # about 80 MB of log

    def __init__(self, path: str) -> None:
        self._path = path
        self._db: aiosqlite.Connection | None = None
        self._task: asyncio.Task[None] | None = None
        self.lock = asyncio.Lock()

    async def start(self) -> None:
        self._db = await aiosqlite.connect(self._path, isolation_level=None)
        await _configure(self._db)
        self._task = asyncio.create_task(self._run(), name="database-checkpoint")

    async def _run(self) -> None:
        assert self._db is not None
        while True:
            await asyncio.sleep(self.SECONDS)
            try:
                async with self.lock:
                    await self._db.execute_fetchall("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error as exc:
                log.warning("copying the write-ahead log failed (%s); tried again in %ss", type(exc).__name__,
                            self.SECONDS)

    async def copy_now(self) -> None:
        """One PASSIVE copy at once: what is in the log now goes into the file, so that emptying the log
        with the writer held right after has only the newest pages left to copy."""
        if self._db is None:
            return
        try:
            async with self.lock:
                await self._db.execute_fetchall("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error as exc:
            log.warning("copying the write-ahead log failed (%s)", type(exc).__name__)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        if self._db is not None:
            await self._db.close()
            self._db = None


class SqliteStore:
    shared = False

    def __init__(self, path: Path | str, migrations_dir: Path = MIGRATIONS_DIR,
                 timezone: ZoneInfo = DEFAULT_TIMEZONE) -> None:
        self._path = str(path)
        self.timezone = timezone  # the days the tally counts in
        self._migrations_dir = migrations_dir
        self._db: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._inbox_batch: _InboxBatch | None = None
        self._wiper = _Wiper(self)
        self._checkpointer = _Checkpointer(self._path)
        self._open_chats = _OpenChats()
        self._queued: list[Callable[[], None]] = []

    @property
    def path(self) -> str:
        return self._path

    @property
    def rebuilder(self) -> _Wiper:
        """What rebuilds the file after erasures, and when (`_Wiper`)."""
        return self._wiper

    async def open(self, upgrade: bool = True) -> None:
        """Open the file (created for this user only), check it, bring its schema up to date.

        Any failure closes what was opened, because an open aiosqlite connection is a thread that keeps
        the process alive after the error, and raises DatabaseUnusable: one sentence that names the
        file and what to do, so a supervisor sees the process exit and the operator knows why.
        """
        if sqlite3.sqlite_version_info < (3, 35):
            raise RuntimeError(f"SQLite 3.35 or newer is needed (RETURNING); this Python has {sqlite3.sqlite_version}")
        self._write_lock = asyncio.Lock()
        on_disk = self._path != ":memory:"
        try:
            if on_disk:
                _create_private(Path(self._path))
                _temporary_files_beside(Path(self._path))
            self._db = await aiosqlite.connect(self._path, isolation_level=None)
            self._inbox_batch = _InboxBatch(self._db, self._write_lock)
            self._db.row_factory = aiosqlite.Row
            await _configure(self._db)
            if on_disk:
                await self._db.execute("PRAGMA journal_mode=WAL")
                await self._check()
            await self._db.execute("PRAGMA foreign_keys=ON")
            await self._db.execute("PRAGMA synchronous=NORMAL")
            if on_disk:
                await self._db.execute(f"PRAGMA wal_autocheckpoint={_Checkpointer.BACKSTOP_PAGES}")
            if upgrade:
                await self.upgrade()
            if on_disk:
                # WAL lets a second connection read committed rows while the writer works: every message's
                # first read takes no lock (docs/architecture.md, "Storage").
                self._reader = await aiosqlite.connect(self._path, isolation_level=None)
                self._reader.row_factory = aiosqlite.Row
                await _configure(self._reader)
                await self._reader.execute("PRAGMA query_only=ON")
                await self._checkpointer.start()
                _restrict_modes(Path(self._path))  # the -wal and -shm the connections just created
                self._wiper.owed()
        except BaseException as exc:
            await self.close()
            if isinstance(exc, (sqlite3.Error, OSError)):
                raise DatabaseUnusable(_unusable(self._path, exc)) from exc
            raise

    async def _check(self) -> None:
        """SQLite's quick check, which reads every page (about 3 s for 70 MB, once at start): a damaged file
        is refused at start, not discovered one failed message at a time."""
        try:
            rows = await self.db.execute_fetchall("PRAGMA quick_check")
            problems = [str(row[0]) for row in rows]
        except UnicodeDecodeError:  # the report quotes damaged bytes that are not text
            problems = ["damaged text"]
        if problems != ["ok"]:
            first = " ".join(problems[0].split())[:120]
            raise DatabaseUnusable(
                f"the database file {self._path} is damaged ({first}); restore it from a backup, or move it away "
                "and the bot starts with an empty one")

    async def close(self) -> None:
        if self._inbox_batch is not None:
            await self._inbox_batch.drain()
            self._inbox_batch = None
        if self._db is not None:
            try:
                await self._wiper.close()
            except Exception:
                log.exception("rebuilding the database at close failed")
        await self._checkpointer.close()
        if self._reader is not None:
            await self._reader.close()
            self._reader = None
        if self._db is not None:
            await self._db.close()
            self._db = None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("the store is not open")
        return self._db

    async def schema_version(self) -> int:
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def upgrade(self, target: int | None = None) -> list[int]:
        """Apply the migrations this file has not seen, each in its own transaction, in place; raise
        DatabaseUnusable for a file newer than this program or a migration that fails.

        Which ones a file has seen is kept in `schema_migrations` (a file from before that table has seen
        every number up to its `user_version`), so a lower-numbered migration merged after a higher one
        is still applied; `user_version` stays the highest number applied."""
        applied = []
        current = await self.schema_version()
        known = migrations(self._migrations_dir)
        latest = known[-1][0]
        seen = await self._seen_migrations(current)
        if target is None and (current > latest or not seen <= {n for n, _ in known}):
            raise DatabaseUnusable(
                f"the database file {self._path} has schema {current}, newer than this program's {latest}: run the "
                "version of diemtuvan that wrote it, or restore a backup made by this one")
        for number, path in known:
            if number in seen or (target is not None and number > target):
                continue
            script = path.read_text(encoding="utf-8")
            numbers = ", ".join(f"({n})" for n in sorted({*seen, number}))
            record = ("CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY);\n"
                      f"INSERT OR IGNORE INTO schema_migrations VALUES {numbers};\n")
            async with self._write_lock:
                try:
                    await self.db.executescript(
                        f"BEGIN IMMEDIATE;\n{script}\n{record}PRAGMA user_version = {max(current, number)};\nCOMMIT;")
                except sqlite3.Error as exc:
                    if self.db.in_transaction:
                        await self.db.execute("ROLLBACK")
                    raise DatabaseUnusable(
                        f"upgrading the database file {self._path} to schema {number} ({path.name}) failed ({exc}); "
                        f"the file was left at schema {await self.schema_version()}: keep it, and report this "
                        "message") from exc
            log.info("database upgraded to schema %d (%s)", number, path.name)
            applied.append(number)
            seen.add(number)
            current = max(current, number)
        return applied

    async def _seen_migrations(self, version: int) -> set[int]:
        rows = await self.db.execute_fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        if not list(rows):
            return set(range(1, version + 1))
        return {int(r[0]) for r in await self.db.execute_fetchall("SELECT number FROM schema_migrations")}

    async def checkpoint(self) -> None:
        """Copy the write-ahead log into the main file and empty it (see `_empty_wal`)."""
        if self._db is None:
            return
        await self._checkpointer.copy_now()  # most of the log, without holding the writer
        async with self._write_lock, self._checkpointer.lock:
            await _empty_wal(self._db)

    async def wipe(self, large: bool = False) -> bool:
        """Rebuild the file so that nothing deleted survives in it (see `_Wiper`), then empty the -wal.
        A large file's copy goes into a temporary file (SQLITE_TMPDIR, the database's own folder) rather
        than memory. False if a statement outside the units of work (an audit's read) kept VACUUM from
        running."""
        if self._db is None or self._path == ":memory:":
            return True
        async with self._write_lock:
            try:
                if large:
                    await self._db.execute("PRAGMA temp_store=FILE")
                await self._db.execute("VACUUM")
            except sqlite3.OperationalError as exc:
                if "in progress" not in str(exc):
                    raise
                log.warning("the database could not be rebuilt now (%s); trying again shortly", exc)
                return False
            finally:
                if large:
                    await self._db.execute("PRAGMA temp_store=MEMORY")
                async with self._checkpointer.lock:
                    await _empty_wal(self._db)
        return True

    def request_wipe(self) -> None:
        """Rebuild the file soon (see `_Wiper`); `wiped` waits for it."""
        if self._db is not None:
            self._wiper.request()

    async def wiped(self) -> None:
        """Until the rebuilds asked for so far (after an erasure, a purge) have run."""
        await self._wiper.wait()

    async def person_with_session(self, channel: str, user_id: str) -> tuple[Person | None, Session | None]:
        """Committed state, read without waiting for the writer. Only for a person whose own turns are
        serialised by the caller (the core's per-chat lock), so nothing of theirs is in flight."""
        return await SqlitePeople(self._reader or self.db).get_with_session(channel, user_id)

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[SqliteUnitOfWork]:
        """A transaction that starts at its first statement: a unit of work that only ends up writing
        one row (a question answered) does it as one statement, with no BEGIN and COMMIT around it."""
        assert self._inbox_batch is not None
        uow = SqliteUnitOfWork(self.db, self._write_lock, self._inbox_batch, self._wiper, self._reader,
                               self._open_chats, queued=self._queued, wal_lock=self._checkpointer.lock)
        uow.tally = SqliteTally(uow, self.timezone)
        try:
            yield uow
        finally:
            await uow.close()

    def on_queued(self, listener: Callable[[], None]) -> None:
        """Call `listener` after each commit that queued outbox messages (the sender looks at once, so a
        notice a turn caused goes as soon as the turn is committed, not at the sender's next poll)."""
        self._queued.append(listener)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[SqliteUnitOfWork]:
        """Committed state, read on the read-only connection: the writer stays free for everyone else
        (the sender's poll, the redelivery scan, an address looked up before a send). A write through it
        fails."""
        assert self._inbox_batch is not None
        uow = SqliteUnitOfWork(self.db, self._write_lock, self._inbox_batch, self._wiper, self._reader,
                               self._open_chats, read_only=True)
        uow.tally = SqliteTally(uow, self.timezone)
        try:
            yield uow
        finally:
            await uow.close()

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        tables: dict[str, list[dict[str, Any]]] = {}
        async with self._write_lock:  # one consistent picture, and never beside a rebuild
            async with self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cursor:
                names = [row[0] for row in await cursor.fetchall()]
            for name in names:
                async with self.db.execute(f'SELECT * FROM "{name}"') as cursor:  # noqa: S608 - from sqlite_master
                    tables[name] = [dict(row) for row in await cursor.fetchall()]
        return tables


class _OpenChats:
    """Who may have an open chat with a counselor, kept in memory so that the free-text question of a
    person who has none (nearly everyone) costs no statement at all (handlers/talk.py: on_text).

    Loaded at its first use; a person is added when their chat is opened (before its commit: a chat rolled back
    leaves a person here, which costs one read later) and removed when a read in their own turn finds
    no open chat. Only the person's own turns open their chat and the core runs those one at a time, so
    that removal cannot race an opening. Sound while one process writes the file, like the core's cache.
    """

    def __init__(self) -> None:
        self._people: set[int] | None = None
        self._opened: set[int] = set()  # while loading: opened meanwhile

    async def may_have(self, person_id: int, db: aiosqlite.Connection) -> bool:
        if self._people is None:
            rows = await db.execute_fetchall("SELECT DISTINCT person_id FROM chats WHERE closed_at IS NULL")
            if self._people is None:
                self._people = {row[0] for row in rows} | self._opened
        return person_id in self._people

    def opened(self, person_id: int) -> None:
        if self._people is None:
            self._opened.add(person_id)
        else:
            self._people.add(person_id)

    def none(self, person_id: int) -> None:
        if self._people is not None:
            self._people.discard(person_id)


class SqliteUnitOfWork:
    def __init__(self, db: aiosqlite.Connection, write_lock: asyncio.Lock, inbox_batch: _InboxBatch,
                 wiper: _Wiper, reader: aiosqlite.Connection | None = None, open_chats: _OpenChats | None = None,
                 read_only: bool = False, queued: list[Callable[[], None]] | None = None,
                 wal_lock: asyncio.Lock | None = None) -> None:
        self._db = db
        self._wal_lock = wal_lock or asyncio.Lock()  # shared with the store's checkpointer
        self._lock = write_lock
        self.inbox_batch = inbox_batch
        self.wiper = wiper
        self._reader = reader
        self.open_chats = open_chats or _OpenChats()
        self.read_only = read_only
        self._queued_listeners = queued or []
        self.queued = False  # outbox messages were added in this transaction
        self._begun = False
        self._holding = False
        self._erasing = False
        self.recorded: list[int] = []  # inbox rows this unit's transaction wrote
        self.people: People = SqlitePeople(self)
        self.sessions: Sessions = SqliteSessions(self)
        self.inbox: Inbox = SqliteInbox(self)
        self.invites: Invites = SqliteInvites(self)
        self.usage: Usage = SqliteUsage(self)
        self.reminders: Reminders = SqliteReminders(self)
        self.outbox: Outbox = SqliteOutbox(self)
        self.staff: Staff = SqliteStaff(self)
        self.links: Links = SqliteLinks(self)
        self.groups: Groups = SqliteGroups(self)
        self.appointments: Appointments = SqliteAppointments(self)
        self.chats: Chats = SqliteChats(self)
        self.tally: Tally = SqliteTally(self, DEFAULT_TIMEZONE)
        self.point_view: PointView = SqlitePointView(self)
        self.audit: Audit = SqliteAudit(self)
        self.web: WebSignIns = SqliteWebSignIns(self)
        self.code_failures: CodeFailures = SqliteCodeFailures(self)

    async def begin(self) -> aiosqlite.Connection:
        """Take the writer and open the transaction, once; every repository call comes through here.
        A reading unit gets the read-only connection instead, and takes nothing."""
        if self.read_only:
            return await self.committed()
        if not self._begun:
            await self._lock.acquire()
            self._holding = True
            try:
                await self._db.execute("BEGIN IMMEDIATE")
            except BaseException:
                self._release()
                raise
            self._begun = True
        return self._db

    async def committed(self) -> aiosqlite.Connection:
        """The connection for a read of committed state that takes no writer: the read-only connection
        while this unit has written nothing (once it has, its own reads must see its writes). Without a
        reader (an in-memory store) the writer's connection, once no other unit's transaction is open."""
        if self._begun:
            return self._db
        if self._reader is not None:
            return self._reader
        if self._lock.locked():
            async with self._lock:
                pass
        return self._db

    @property
    def in_transaction(self) -> bool:
        return self._begun

    async def lock_chat(self, channel: str, chat_id: str) -> None:
        """Nothing: one process serves a file, and the core's lock holds the chat."""

    def notify(self, note: str) -> None:
        """Nothing: no other process shares the file."""

    async def alone(self, sql: str, params: tuple[Any, ...]) -> aiosqlite.Cursor:
        """One statement: inside this unit's transaction if it has one, else as a transaction of its own.

        A lone statement needs the writer only while another unit's transaction is open (it must not land
        inside it). aiosqlite queues a statement to its thread before the first suspension of
        `execute`, and runs its queue in order: a statement queued while no transaction is open runs
        before any BEGIN queued after it. So it waits for the lock only when the lock is held, and never
        holds it while the event loop is busy elsewhere (tests/store: lone statements and transactions).
        """
        if self._begun:
            return await self._db.execute(sql, params)
        if self._lock.locked():
            async with self._lock:
                return await self._db.execute(sql, params)
        return await self._db.execute(sql, params)

    def erasing(self) -> None:
        """This unit deletes a person: once committed, no copy of their rows may stay in the files."""
        self._erasing = True

    async def commit(self) -> None:
        if self._begun:
            self._begun = False
            try:
                await self._db.execute("COMMIT")
                if self._erasing:
                    async with self._wal_lock:
                        await _empty_wal(self._db)  # still holding the writer: nothing lands in between
            finally:
                self._release()
            if self._erasing:
                self._erasing = False
                self.wiper.erased(self.recorded)
            if self.queued:
                self.queued = False
                for listener in self._queued_listeners:
                    listener()

    async def close(self) -> None:
        """Roll back whatever was not committed."""
        if self._begun:
            self._begun = False
            try:
                await self._db.execute("ROLLBACK")
            finally:
                self._release()

    def _release(self) -> None:
        if self._holding:
            self._holding = False
            self._lock.release()


class _Repo:
    def __init__(self, source: Any) -> None:
        """`source`: an SqliteUnitOfWork or the read-only connection (or, for bot/store/postgres.py's
        repositories, which share these classes, its unit of work)."""
        self._source = source

    # Each aiosqlite call is a hop to its thread and back, the main cost of a turn (docs/benchmarks.md):
    # every helper here is exactly one hop. A write's cursor is done once executed and is left to the GC.
    async def _conn(self) -> Any:
        if isinstance(self._source, SqliteUnitOfWork):
            return await self._source.begin()
        return self._source  # the read-only connection

    async def _one(self, sql: str, params: tuple[Any, ...]) -> Row | None:
        rows = list(await (await self._conn()).execute_fetchall(sql, params))
        return rows[0] if rows else None

    async def _committed_all(self, sql: str, params: Any) -> list[Row]:
        """A read that takes no writer (`SqliteUnitOfWork.committed`): only for reads that nothing in the
        same unit writes back on the strength of, such as what to show, or what a later statement checks
        again (a slot's unique index, a conditional UPDATE)."""
        if isinstance(self._source, SqliteUnitOfWork):
            return list(await (await self._source.committed()).execute_fetchall(sql, params))
        return list(await self._source.execute_fetchall(sql, params))

    async def _all(self, sql: str, params: Any) -> list[Row]:
        return list(await (await self._conn()).execute_fetchall(sql, params))

    async def _change(self, sql: str, params: tuple[Any, ...]) -> int:
        cursor = await (await self._conn()).execute(sql, params)
        return cursor.rowcount

    async def _many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            await (await self._conn()).executemany(sql, rows)

    async def _insert(self, sql: str, params: tuple[Any, ...]) -> int | None:
        cursor = await (await self._conn()).execute(sql, params)
        return cursor.lastrowid if cursor.rowcount else None

    def _erasing(self) -> None:
        if isinstance(self._source, SqliteUnitOfWork):
            self._source.erasing()


_PERSON_COLUMNS = (
    "id, channel, channel_user_id, chat_id, alias, locale, role, onboarded, consent_at, discreet, "
    "reachable, created_at, last_seen_at"
)


def _person(row: Row) -> Person:
    return Person(
        id=row["id"], channel=row["channel"], user_id=row["channel_user_id"], chat_id=row["chat_id"],
        alias=row["alias"], locale=row["locale"], role=row["role"], onboarded=bool(row["onboarded"]),
        consent_at=from_ts(row["consent_at"]), discreet=bool(row["discreet"]), reachable=bool(row["reachable"]),
        created_at=_required_ts(row["created_at"]), last_seen_at=_required_ts(row["last_seen_at"]),
    )


class SqlitePeople(_Repo):
    async def get(self, channel: str, user_id: str) -> Person | None:
        row = await self._one(
            f"SELECT {_PERSON_COLUMNS} FROM people WHERE channel = ? AND channel_user_id = ?",  # noqa: S608
            (channel, user_id),
        )
        return _person(row) if row else None

    async def get_by_id(self, person_id: int) -> Person | None:
        row = await self._one(f"SELECT {_PERSON_COLUMNS} FROM people WHERE id = ?", (person_id,))  # noqa: S608
        return _person(row) if row else None

    async def get_with_session(self, channel: str, user_id: str) -> tuple[Person | None, Session | None]:
        """The person and their session in one query: this runs for every message."""
        row = await self._one(
            f"SELECT {', '.join('p.' + c.strip() for c in _PERSON_COLUMNS.split(','))}, s.flow, s.step, s.data,"  # noqa: S608
            " s.offered, s.last_choice, s.last_choice_at, s.updated_at AS s_updated_at"
            " FROM people p LEFT JOIN sessions s ON s.person_id = p.id"
            " WHERE p.channel = ? AND p.channel_user_id = ?",
            (channel, user_id),
        )
        if row is None:
            return None, None
        person = _person(row)
        if row["s_updated_at"] is None:
            return person, None
        assert person.id is not None
        return person, _session(person.id, row, row["s_updated_at"])

    async def add(self, person: Person) -> Person:
        person.id = await self._insert(
            "INSERT INTO people (channel, channel_user_id, chat_id, alias, locale, role, onboarded, consent_at,"
            " discreet, reachable, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _person_values(person),
        )
        return person

    async def save(self, person: Person) -> None:
        await self._change(
            "UPDATE people SET channel = ?, channel_user_id = ?, chat_id = ?, alias = ?, locale = ?, role = ?,"
            " onboarded = ?, consent_at = ?, discreet = ?, reachable = ?, created_at = ?, last_seen_at = ?"
            " WHERE id = ?",
            (*_person_values(person), person.id),
        )

    async def set_reachable(self, channel: str, user_id: str, reachable: bool) -> bool:
        return bool(await self._change(
            "UPDATE people SET reachable = ? WHERE channel = ? AND channel_user_id = ?",
            (int(reachable), channel, user_id),
        ))

    async def set_unreachable_by_id(self, person_id: int) -> None:
        await self._change("UPDATE people SET reachable = 0 WHERE id = ?", (person_id,))

    async def erase(self, person_id: int) -> None:
        # Rows that refer to the person go with it (ON DELETE CASCADE / SET NULL in the schema).
        await self._change("DELETE FROM people WHERE id = ?", (person_id,))
        self._erasing()

    async def purge_inactive(self, seen_before: datetime, limit: int) -> int:
        removed = await self._change(
            "DELETE FROM people WHERE id IN (SELECT id FROM people WHERE last_seen_at < ? LIMIT ?)",
            (ts(seen_before), limit))
        # The -wal is emptied once after the last batch (scheduler/housekeeping.py), not after each: a
        # checkpoint is a sync to disk, longer than the batch itself.
        return removed

    async def address(self, person_id: int) -> Address | None:
        """Where and how to reach a person outside a conversation; None when they cannot be reached."""
        row = await self._one("SELECT id, channel, chat_id, locale, alias FROM people WHERE id = ? AND reachable = 1",
                              (person_id,))
        return _address(row) if row else None


def _person_values(person: Person) -> tuple[Any, ...]:
    return (
        person.channel, person.user_id, person.chat_id, person.alias, person.locale, person.role,
        int(person.onboarded), ts(person.consent_at) if person.consent_at else None, int(person.discreet),
        int(person.reachable), ts(person.created_at), ts(person.last_seen_at),
    )


def _session(person_id: int, row: Row, updated_at: str) -> Session:
    return Session(
        person_id=person_id, flow=row["flow"], step=row["step"], data=json.loads(row["data"]),
        offered=tuple(Choice(key, label) for key, label in json.loads(row["offered"])),
        last_choice=row["last_choice"], last_choice_at=from_ts(row["last_choice_at"]),
        updated_at=_required_ts(updated_at),
    )


class SqliteSessions(_Repo):
    async def get(self, person_id: int) -> Session | None:
        row = await self._one(
            "SELECT flow, step, data, offered, last_choice, last_choice_at, updated_at FROM sessions"
            " WHERE person_id = ?",
            (person_id,),
        )
        return _session(person_id, row, row["updated_at"]) if row else None

    async def save(self, session: Session) -> None:
        await self._change(
            "INSERT INTO sessions (person_id, flow, step, data, offered, last_choice, last_choice_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET flow = excluded.flow,"
            " step = excluded.step, data = excluded.data, offered = excluded.offered,"
            " last_choice = excluded.last_choice, last_choice_at = excluded.last_choice_at,"
            " updated_at = excluded.updated_at",
            (
                session.person_id, session.flow, session.step, json.dumps(session.data, ensure_ascii=False),
                json.dumps([[c.key, c.label] for c in session.offered], ensure_ascii=False),
                session.last_choice, ts(session.last_choice_at) if session.last_choice_at else None,
                ts(session.updated_at),
            ),
        )


    async def purge_idle(self, updated_before: datetime) -> int:
        return await self._change("DELETE FROM sessions WHERE updated_at < ?", (ts(updated_before),))


class SqliteInbox(_Repo):
    async def record(
        self, channel: str, event_id: str, at: datetime, person_id: int | None = None, chat_id: str | None = None,
        replies: tuple[Reply, ...] = (),
    ) -> int | None:
        """Record an event with the replies it caused; None if it was recorded before (a replay).

        When this is the unit of work's only write, it needs no transaction of its own: the common turn,
        a question answered, is one row of a statement shared with the turns beside it (_InboxBatch).
        """
        uow = self._source
        assert isinstance(uow, SqliteUnitOfWork)
        row: InboxRow = (channel, event_id, ts(at), person_id if replies else None, chat_id if replies else None,
                         json.dumps([r.to_json() for r in replies], ensure_ascii=False) if replies else None)
        if not uow.in_transaction:
            return await uow.inbox_batch.add(row)
        cursor = await uow.alone(
            f"INSERT INTO inbox {_INBOX_COLUMNS} VALUES {_INBOX_ROW} ON CONFLICT (channel, event_id) DO NOTHING",  # noqa: S608
            row,
        )
        if not cursor.rowcount or cursor.lastrowid is None:
            return None
        uow.recorded.append(cursor.lastrowid)
        return cursor.lastrowid

    async def unsent(self, due_by: datetime, limit: int) -> list[Unsent]:
        # Through the partial index of rows with replies (a few, however long the inbox): ordered by id
        # the planner would walk the whole table in rowid order instead.
        rows = await self._committed_all(
            "SELECT id, person_id, channel, chat_id, replies, attempts FROM inbox INDEXED BY inbox_unsent"
            " WHERE replies IS NOT NULL AND (retry_at IS NULL OR retry_at <= ?) ORDER BY id LIMIT ?",
            (ts(due_by), limit),
        )
        return [Unsent(row["id"], row["person_id"], row["channel"], row["chat_id"],
                       tuple(Reply.from_json(r) for r in json.loads(row["replies"])), row["attempts"])
                for row in rows]

    async def waiting(self, ids: list[int]) -> list[Unsent]:
        if not ids:
            return []
        rows = await self._committed_all(
            "SELECT id, person_id, channel, chat_id, replies, attempts FROM inbox"  # noqa: S608 - marks only
            f" WHERE id IN ({','.join('?' * len(ids))}) AND replies IS NOT NULL ORDER BY id", tuple(ids))
        return [Unsent(row["id"], row["person_id"], row["channel"], row["chat_id"],
                       tuple(Reply.from_json(r) for r in json.loads(row["replies"])), row["attempts"])
                for row in rows]

    async def delivered(self, ids: list[int]) -> None:
        """Forget the replies and whom they were for; the event id stays, for deduplication."""
        assert isinstance(self._source, SqliteUnitOfWork)
        for start in range(0, len(ids), 500):
            chunk = tuple(ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            await self._source.alone(
                f"UPDATE inbox SET replies = NULL, chat_id = NULL, person_id = NULL WHERE id IN ({marks})",  # noqa: S608
                chunk,
            )
        self._source.wiper.delivered(ids)

    async def failed(self, item_id: int, retry_at: datetime, remaining: tuple[Reply, ...]) -> None:
        """Try again later, with only the replies that did not get through."""
        await self._change(
            "UPDATE inbox SET attempts = attempts + 1, retry_at = ?, replies = ? WHERE id = ?",
            (ts(retry_at), json.dumps([r.to_json() for r in remaining], ensure_ascii=False), item_id),
        )

    async def purge(self, received_before: datetime) -> int:
        """Old event ids go; an event whose replies are still unsent stays until they are sent."""
        return await self._change("DELETE FROM inbox WHERE received_at < ? AND replies IS NULL",
                                  (ts(received_before),))


class SqliteInvites(_Repo):
    async def add(self, code: str, role: str, point_id: str | None, at: datetime, expires_at: datetime) -> None:
        await self._change(
            "INSERT INTO invites (code, role, point_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            (code, role, point_id, ts(at), ts(expires_at)),
        )

    async def redeem(self, code: str, person_id: int, at: datetime) -> Invite | None:
        row = await self._one(
            "UPDATE invites SET used_at = ?, used_by = ? WHERE code = ? AND used_at IS NULL AND expires_at > ?"
            " RETURNING code, role, point_id",
            (ts(at), person_id, code, ts(at)),
        )
        return Invite(row["code"], row["role"], row["point_id"]) if row else None


class SqliteUsage(_Repo):
    async def add_sent(self, channel: str, month: str, count: int) -> int:
        row = await self._one(
            "INSERT INTO usage (channel, month, sent) VALUES (?, ?, ?) ON CONFLICT (channel, month)"
            " DO UPDATE SET sent = sent + excluded.sent RETURNING sent",
            (channel, month, count),
        )
        assert row is not None
        return int(row["sent"])

    async def sent(self, channel: str, month: str) -> int:
        row = await self._one("SELECT sent FROM usage WHERE channel = ? AND month = ?", (channel, month))
        return int(row["sent"]) if row else 0


_REMINDER_SELECT = ("SELECT r.id, r.person_id, r.kind, r.rule, r.timezone, r.next_at, r.paused_until, r.state,"
                    " r.created_at")


def _reminder(row: Row) -> Reminder:
    return Reminder(
        id=row["id"], person_id=row["person_id"], kind=row["kind"], rule=json.loads(row["rule"]),
        timezone=row["timezone"], next_at=from_ts(row["next_at"]), paused_until=from_ts(row["paused_until"]),
        state=json.loads(row["state"]), created_at=_required_ts(row["created_at"]),
    )


class SqliteReminders(_Repo):
    async def add(self, reminder: Reminder) -> Reminder:
        reminder.id = await self._insert(
            "INSERT INTO reminders (person_id, kind, rule, timezone, next_at, paused_until, state, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (reminder.person_id, reminder.kind, json.dumps(reminder.rule), reminder.timezone,
             _ts_or_none(reminder.next_at), _ts_or_none(reminder.paused_until), json.dumps(reminder.state),
             ts(reminder.created_at)),
        )
        return reminder

    async def get(self, reminder_id: int) -> Reminder | None:
        row = await self._one(_REMINDER_SELECT + " FROM reminders r WHERE r.id = ?", (reminder_id,))
        return _reminder(row) if row else None

    async def of_person(self, person_id: int) -> list[Reminder]:
        rows = await self._all(_REMINDER_SELECT + " FROM reminders r WHERE r.person_id = ? ORDER BY r.id",
                               (person_id,))
        return [_reminder(row) for row in rows]

    async def save(self, reminder: Reminder) -> None:
        await self.advance([reminder])
        await self._change("UPDATE reminders SET rule = ? WHERE id = ?", (json.dumps(reminder.rule), reminder.id))

    async def delete(self, reminder_id: int) -> None:
        await self._change("DELETE FROM reminders WHERE id = ?", (reminder_id,))

    async def due(self, now: datetime, limit: int) -> list[Due]:
        rows = await self._all(
            _REMINDER_SELECT + ", p.channel, p.chat_id, p.locale, p.discreet, p.reachable"
            " FROM reminders r JOIN people p ON p.id = r.person_id"
            " WHERE r.next_at IS NOT NULL AND r.next_at <= ? ORDER BY r.next_at LIMIT ?",
            (ts(now), limit),
        )
        return [Due(_reminder(row), row["channel"], row["chat_id"], row["locale"], bool(row["discreet"]),
                    bool(row["reachable"])) for row in rows]

    async def advance(self, moved: list[Reminder]) -> None:
        await self._many(
            "UPDATE reminders SET next_at = ?, paused_until = ?, state = ? WHERE id = ?",
            [(_ts_or_none(r.next_at), _ts_or_none(r.paused_until), json.dumps(r.state), r.id) for r in moved],
        )


def _ts_or_none(moment: datetime | None) -> str | None:
    return ts(moment) if moment is not None else None


# The outbox's priorities (bot/services/budget.py: Priority), small integers; a row of any other
# priority would never be sent, so `add_many` refuses one.
PRIORITIES = range(0, 8)


class SqliteOutbox(_Repo):
    async def add_many(self, items: list[OutboxItem]) -> int:
        if not items:
            return 0
        if any(item.priority not in PRIORITIES for item in items):
            raise ValueError(f"an outbox priority must be in {PRIORITIES}")
        conn = await self._conn()
        before = conn.total_changes
        assert isinstance(self._source, SqliteUnitOfWork)
        self._source.queued = True
        await self._many(
            "INSERT INTO outbox (key, person_id, about_id, channel, chat_id, priority, reply, due_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            [(i.key, i.person_id, i.about_id, i.channel, i.chat_id, i.priority,
              json.dumps(i.reply.to_json(), ensure_ascii=False), ts(i.due_at), _ts_or_none(i.expires_at))
             for i in items],
        )
        return conn.total_changes - before

    async def pending(self, now: datetime, limit: int) -> list[OutboxItem]:
        # One range of the pending index per priority, each at most `limit` rows: in one range over
        # (priority, due_at) the rows not yet due of every priority (appointment reminders days ahead)
        # would all be read before the due ones of the next priority.
        arm = ("SELECT * FROM (SELECT id, key, person_id, channel, chat_id, priority, reply, due_at, expires_at,"
               " attempts FROM outbox WHERE status = 'pending' AND priority = {p} AND due_at <= :now"
               " AND (retry_at IS NULL OR retry_at <= :now) ORDER BY due_at, id LIMIT :limit)")
        sql = " UNION ALL ".join(arm.format(p=p) for p in PRIORITIES) + " ORDER BY priority, due_at, id LIMIT :limit"
        rows = await self._committed_all(sql, {"now": ts(now), "limit": limit})
        return [OutboxItem(
            id=row["id"], key=row["key"], person_id=row["person_id"], channel=row["channel"], chat_id=row["chat_id"],
            priority=row["priority"], reply=Reply.from_json(json.loads(row["reply"])),
            due_at=_required_ts(row["due_at"]), expires_at=from_ts(row["expires_at"]), attempts=row["attempts"],
        ) for row in rows]

    async def finish(self, item_id: int, status: str, at: datetime, note: str | None = None) -> None:
        await self._change(
            "UPDATE outbox SET status = ?, note = ?, done_at = ?, reply = NULL, chat_id = '' WHERE id = ?",
            (status, note, ts(at), item_id),
        )

    async def retry(self, item_id: int, retry_at: datetime) -> None:
        await self._change("UPDATE outbox SET attempts = attempts + 1, retry_at = ? WHERE id = ?",
                           (ts(retry_at), item_id))

    async def cancel(self, key: str, at: datetime) -> bool:
        return bool(await self._change(
            "UPDATE outbox SET status = 'cancelled', done_at = ?, reply = NULL, chat_id = ''"
            " WHERE key = ? AND status = 'pending'", (ts(at), key)))

    async def drop_person(self, person_id: int, at: datetime, note: str) -> int:
        return await self._change(
            "UPDATE outbox SET status = 'dropped', note = ?, done_at = ?, reply = NULL, chat_id = ''"
            " WHERE person_id = ? AND status = 'pending'", (note, ts(at), person_id))

    async def counts(self) -> dict[str, int]:
        rows = await self._all("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status", ())
        return {row["status"]: row["n"] for row in rows}

    async def backlog(self, now: datetime) -> tuple[int, datetime | None]:
        # `priority IN` lets SQLite walk the partial pending index one priority at a time, to the due rows only.
        rows = await self._committed_all(
            f"SELECT COUNT(*) AS n, MIN(due_at) AS oldest FROM outbox WHERE status = 'pending'"  # noqa: S608
            f" AND priority IN ({','.join(str(p) for p in PRIORITIES)}) AND due_at <= ?", (ts(now),))
        return int(rows[0]["n"]), from_ts(rows[0]["oldest"])

    async def purge(self, done_before: datetime) -> int:
        return await self._change("DELETE FROM outbox WHERE status != 'pending' AND done_at < ?", (ts(done_before),))

    async def forget_whom(self, done_before: datetime) -> int:
        # The key named the person ("crisis:<person>:<minute>:<counselor>" says who was in crisis when);
        # it is kept only as long as it may still refuse a duplicate of the same occurrence. A kept
        # message still waits for its reader: erasing whom it is about must still take it with them.
        return await self._change(
            "UPDATE outbox INDEXED BY outbox_forget SET key = 'done:' || id, about_id = NULL"
            " WHERE status NOT IN ('pending', 'kept') AND about_id IS NOT NULL AND done_at < ?", (ts(done_before),))

    async def keep(self, item_id: int, at: datetime) -> None:
        await self._change("UPDATE outbox SET status = 'kept', done_at = ? WHERE id = ?", (ts(at), item_id))

    async def kept_people(self) -> list[int]:
        rows = await self._all("SELECT DISTINCT person_id FROM outbox WHERE status = 'kept' AND person_id IS NOT NULL",
                               ())
        return [int(row["person_id"]) for row in rows]

    async def has_kept(self, person_id: int) -> bool:
        return bool(await self._all("SELECT 1 FROM outbox WHERE person_id = ? AND status = 'kept' LIMIT 1",
                                    (person_id,)))

    async def take_kept(self, person_id: int, at: datetime) -> list[Reply]:
        rows = await self._all("SELECT id, reply FROM outbox WHERE person_id = ? AND status = 'kept'"
                               " ORDER BY priority, due_at, id", (person_id,))
        if rows:
            ids = tuple(row["id"] for row in rows)
            await self._change(
                f"UPDATE outbox SET status = 'sent', note = 'kept', done_at = ?, reply = NULL, chat_id = ''"  # noqa: S608
                f" WHERE id IN ({','.join('?' * len(ids))})", (ts(at), *ids))
        return [Reply.from_json(json.loads(row["reply"])) for row in rows]


def _address(row: Row, discreet: bool = True) -> Address:
    return Address(row["id"], row["channel"], row["chat_id"], row["locale"], row["alias"], discreet)


class SqliteStaff(_Repo):
    async def join(self, person_id: int, role: str, point_id: str | None, at: datetime) -> None:
        await self._change(
            "INSERT INTO staff (person_id, role, point_id, since) VALUES (?, ?, ?, ?) ON CONFLICT (person_id)"
            " DO UPDATE SET role = excluded.role, point_id = excluded.point_id, since = excluded.since",
            (person_id, role, point_id, ts(at)),
        )

    async def point_of(self, person_id: int) -> str | None:
        row = await self._one("SELECT point_id FROM staff WHERE person_id = ?", (person_id,))
        return row["point_id"] if row else None

    async def set_on_duty(self, person_id: int, on_duty: bool) -> None:
        await self._change("UPDATE staff SET on_duty = ? WHERE person_id = ?", (int(on_duty), person_id))

    async def is_on_duty(self, person_id: int) -> bool:
        row = await self._one("SELECT on_duty FROM staff WHERE person_id = ?", (person_id,))
        return bool(row and row["on_duty"])

    async def counselors(self, point_id: str | None, on_duty_only: bool) -> list[Address]:
        rows = await self._all(
            "SELECT p.id, p.channel, p.chat_id, p.locale, p.alias FROM staff s JOIN people p ON p.id = s.person_id"
            " WHERE s.role = 'counselor' AND p.reachable = 1 AND (? IS NULL OR s.point_id = ?)"
            " AND (? = 0 OR s.on_duty = 1) ORDER BY p.id",
            (point_id, point_id, int(on_duty_only)),
        )
        return [_address(row) for row in rows]


_LINK_SELECT = ("SELECT id, volunteer_id, person_id, code, code_expires_at, agreed_at, share_missed, no_contact,"
                " created_at FROM links")


def _link(row: Row) -> Link:
    return Link(
        id=row["id"], volunteer_id=row["volunteer_id"], person_id=row["person_id"], code=row["code"],
        code_expires_at=from_ts(row["code_expires_at"]), agreed_at=from_ts(row["agreed_at"]),
        share_missed=bool(row["share_missed"]), no_contact=row["no_contact"],
        created_at=_required_ts(row["created_at"]),
    )


class SqliteLinks(_Repo):
    async def add(self, link: Link) -> Link:
        link.id = await self._insert(
            "INSERT INTO links (volunteer_id, person_id, code, code_expires_at, agreed_at, share_missed, no_contact,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (link.volunteer_id, link.person_id, link.code, _ts_or_none(link.code_expires_at),
             _ts_or_none(link.agreed_at), int(link.share_missed), link.no_contact, ts(link.created_at)),
        )
        return link

    async def by_code(self, code: str, now: datetime) -> Link | None:
        row = await self._one(_LINK_SELECT + " WHERE code = ? AND code_expires_at > ?", (code, ts(now)))
        return _link(row) if row else None

    async def get(self, link_id: int) -> Link | None:
        row = await self._one(_LINK_SELECT + " WHERE id = ?", (link_id,))
        return _link(row) if row else None

    async def save(self, link: Link) -> None:
        if link.agreed_at is not None:  # counted when the person agrees, on the volunteer's point
            await _tally(self._source).add_from(
                "volunteer.linked", "SELECT s.point_id AS p, ? AS t, 1 AS n FROM links l LEFT JOIN staff s"
                " ON s.person_id = l.volunteer_id WHERE l.id = ? AND l.agreed_at IS NULL",
                (ts(link.agreed_at), link.id))
        await self._change(
            "UPDATE links SET person_id = ?, code = ?, code_expires_at = ?, agreed_at = ?, share_missed = ?,"
            " no_contact = ? WHERE id = ?",
            (link.person_id, link.code, _ts_or_none(link.code_expires_at), _ts_or_none(link.agreed_at),
             int(link.share_missed), link.no_contact, link.id),
        )

    async def delete(self, link_id: int) -> None:
        await self._change("DELETE FROM links WHERE id = ?", (link_id,))

    async def of_volunteer(self, volunteer_id: int) -> list[Link]:
        rows = await self._all(_LINK_SELECT + " WHERE volunteer_id = ? ORDER BY id", (volunteer_id,))
        return [_link(r) for r in rows]

    async def of_person(self, person_id: int) -> list[Link]:
        return [_link(r) for r in await self._all(_LINK_SELECT + " WHERE person_id = ? ORDER BY id", (person_id,))]


def _group(row: Row) -> Group:
    return Group(id=row["id"], point_id=row["point_id"], name=row["name"], rule=json.loads(row["rule"]),
                 place=row["place"], facilitator_id=row["facilitator_id"], created_at=_required_ts(row["created_at"]))


_GROUP_SELECT = "SELECT id, point_id, name, rule, place, facilitator_id, created_at FROM groups"


class SqliteGroups(_Repo):
    async def add(self, group: Group) -> Group:
        group.id = await self._insert(
            "INSERT INTO groups (point_id, name, rule, place, facilitator_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (group.point_id, group.name, json.dumps(group.rule), group.place, group.facilitator_id,
             ts(group.created_at)),
        )
        return group

    async def get(self, group_id: int) -> Group | None:
        row = await self._one(_GROUP_SELECT + " WHERE id = ?", (group_id,))
        return _group(row) if row else None

    async def all(self) -> list[Group]:
        return [_group(row) for row in await self._all(_GROUP_SELECT + " ORDER BY id", ())]

    async def set_rule(self, group_id: int, rule: dict[str, Any]) -> None:
        await self._change("UPDATE groups SET rule = ? WHERE id = ?", (json.dumps(rule), group_id))

    async def join(self, group_id: int, person_id: int, at: datetime) -> None:
        await self._change("INSERT INTO group_members (group_id, person_id, joined_at) VALUES (?, ?, ?)"
                           " ON CONFLICT DO NOTHING", (group_id, person_id, ts(at)))

    async def leave(self, group_id: int, person_id: int) -> None:
        await self._change("DELETE FROM group_members WHERE group_id = ? AND person_id = ?", (group_id, person_id))
        await self._change("DELETE FROM group_attendance WHERE group_id = ? AND person_id = ?", (group_id, person_id))

    async def memberships(self, person_id: int) -> set[int]:
        rows = await self._all("SELECT group_id FROM group_members WHERE person_id = ?", (person_id,))
        return {row["group_id"] for row in rows}

    async def members(self, group_id: int) -> list[Address]:
        rows = await self._all(
            "SELECT p.id, p.channel, p.chat_id, p.locale, p.alias, p.discreet FROM group_members m JOIN people p"
            " ON p.id = m.person_id WHERE m.group_id = ? AND p.reachable = 1 ORDER BY p.id", (group_id,))
        return [_address(row, bool(row["discreet"])) for row in rows]

    async def meeting(self, group_id: int, starts_at: datetime) -> bool:
        row = await self._one(
            "INSERT INTO group_meetings (group_id, starts_at) VALUES (?, ?) ON CONFLICT (group_id, starts_at)"
            " DO UPDATE SET cancelled = cancelled RETURNING cancelled", (group_id, ts(starts_at)))
        return bool(row and row["cancelled"])

    async def cancel(self, group_id: int, starts_at: datetime) -> None:
        await _tally(self._source).add_from(
            "group.meeting_cancelled", "SELECT point_id AS p, ? AS t, 1 AS n FROM groups WHERE id = ? AND NOT EXISTS"
            " (SELECT 1 FROM group_meetings WHERE group_id = ? AND starts_at = ? AND cancelled = 1)",
            (ts(starts_at), group_id, group_id, ts(starts_at)))
        await self._change(
            "INSERT INTO group_meetings (group_id, starts_at, cancelled) VALUES (?, ?, 1)"
            " ON CONFLICT (group_id, starts_at) DO UPDATE SET cancelled = 1", (group_id, ts(starts_at)))

    async def rsvp(self, group_id: int, starts_at: datetime, person_id: int, answer: str) -> None:
        await self.meeting(group_id, starts_at)
        await _tally(self._source).add_from(
            f"group.rsvp_{answer}", "SELECT point_id AS p, ? AS t, 1 AS n FROM groups WHERE id = ? AND NOT EXISTS"
            " (SELECT 1 FROM group_attendance WHERE group_id = ? AND starts_at = ? AND person_id = ? AND rsvp = ?)",
            (ts(starts_at), group_id, group_id, ts(starts_at), person_id, answer))
        await self._change(
            "INSERT INTO group_attendance (group_id, starts_at, person_id, rsvp) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (group_id, starts_at, person_id) DO UPDATE SET rsvp = excluded.rsvp",
            (group_id, ts(starts_at), person_id, answer))

    async def declined(self, group_id: int, starts_at: datetime) -> set[int]:
        rows = await self._all("SELECT person_id FROM group_attendance WHERE group_id = ? AND starts_at = ?"
                               " AND rsvp = 'no'", (group_id, ts(starts_at)))
        return {row["person_id"] for row in rows}

    async def attend(self, group_id: int, starts_at: datetime, person_id: int) -> int:
        await self.meeting(group_id, starts_at)
        tally = _tally(self._source)
        present = "SELECT 1 FROM group_attendance WHERE group_id = ? AND starts_at = ? AND attended = 1"
        await tally.add_from(  # a meeting is held once someone is marked present at it
            "group.meeting_held",
            f"SELECT point_id AS p, ? AS t, 1 AS n FROM groups WHERE id = ? AND NOT EXISTS ({present})",  # noqa: S608
            (ts(starts_at), group_id, group_id, ts(starts_at)))
        await tally.add_from(  # participant-visits
            "group.attended", f"SELECT point_id AS p, ? AS t, 1 AS n FROM groups WHERE id = ? AND NOT EXISTS ({present}"  # noqa: S608
            " AND person_id = ?)", (ts(starts_at), group_id, group_id, ts(starts_at), person_id))
        await self._change(
            "INSERT INTO group_attendance (group_id, starts_at, person_id, attended) VALUES (?, ?, ?, 1)"
            " ON CONFLICT (group_id, starts_at, person_id) DO UPDATE SET attended = 1",
            (group_id, ts(starts_at), person_id))
        row = await self._one("SELECT COUNT(*) AS n FROM group_attendance WHERE group_id = ? AND starts_at = ?"
                              " AND attended = 1", (group_id, ts(starts_at)))
        return int(row["n"]) if row else 0


_APPOINTMENT_SELECT = ("SELECT id, person_id, counselor_id, point_id, starts_at, minutes, kind, topic, phone, status,"
                       " reason, rating, created_at FROM appointments")
_LIVE = "('requested', 'proposed', 'confirmed')"
_COUNTED_OUTCOMES = frozenset({"confirmed", "attended", "no_show", "cancelled", "declined"})
_SATISFACTION = {3: "helped", 2: "so_so", 1: "not_helped"}


def _appointment(row: Row) -> Appointment:
    return Appointment(
        id=row["id"], person_id=row["person_id"], counselor_id=row["counselor_id"], point_id=row["point_id"],
        starts_at=_required_ts(row["starts_at"]), minutes=row["minutes"], kind=row["kind"], topic=row["topic"],
        phone=row["phone"], status=row["status"], reason=row["reason"], rating=row["rating"],
        created_at=_required_ts(row["created_at"]),
    )


class SqliteAppointments(_Repo):
    async def set_availability(self, availability: Availability) -> None:
        await self._change(
            "INSERT INTO availability (person_id, weekly, slot_minutes, days_off) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (person_id) DO UPDATE SET weekly = excluded.weekly, slot_minutes = excluded.slot_minutes,"
            " days_off = excluded.days_off",
            (availability.person_id, availability.weekly, availability.slot_minutes,
             json.dumps(list(availability.days_off))),
        )

    async def availability(self, person_id: int) -> Availability | None:
        row = await self._one("SELECT person_id, weekly, slot_minutes, days_off FROM availability WHERE person_id = ?",
                              (person_id,))
        return Availability(row["person_id"], row["weekly"], row["slot_minutes"], tuple(json.loads(row["days_off"]))) \
            if row else None

    async def counselors_with_hours(self, point_id: str) -> list[tuple[Address, Availability]]:
        rows = await self._all(
            "SELECT p.id, p.channel, p.chat_id, p.locale, p.alias, a.weekly, a.slot_minutes, a.days_off"
            " FROM staff s JOIN people p ON p.id = s.person_id JOIN availability a ON a.person_id = p.id"
            " WHERE s.role = 'counselor' AND s.point_id = ? ORDER BY p.id", (point_id,))
        return [(_address(r), Availability(r["id"], r["weekly"], r["slot_minutes"], tuple(json.loads(r["days_off"]))))
                for r in rows]

    async def taken(self, counselor_ids: list[int], start: datetime, end: datetime) -> set[tuple[int, datetime]]:
        if not counselor_ids:
            return set()
        marks = ",".join("?" * len(counselor_ids))
        rows = await self._all(
            "SELECT counselor_id, starts_at FROM appointments WHERE status IN " + _LIVE +  # noqa: S608
            f" AND starts_at >= ? AND starts_at < ? AND counselor_id IN ({marks})",
            (ts(start), ts(end), *counselor_ids))
        return {(r["counselor_id"], _required_ts(r["starts_at"])) for r in rows}

    async def book(self, appointment: Appointment) -> Appointment:
        try:
            appointment.id = await self._insert(
                "INSERT INTO appointments (person_id, counselor_id, point_id, starts_at, minutes, kind, topic, phone,"
                " status, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (appointment.person_id, appointment.counselor_id, appointment.point_id, ts(appointment.starts_at),
                 appointment.minutes, appointment.kind, appointment.topic, appointment.phone, appointment.status,
                 appointment.reason, ts(appointment.created_at)),
            )
        except sqlite3.IntegrityError as exc:
            if "appointments.counselor_id" in str(exc) or "UNIQUE" in str(exc):
                raise SlotTaken from None
            raise
        await _tally(self._source).add(appointment.point_id, "appointment.requested", appointment.starts_at)
        return appointment

    async def get(self, appointment_id: int) -> Appointment | None:
        row = await self._one(_APPOINTMENT_SELECT + " WHERE id = ?", (appointment_id,))
        return _appointment(row) if row else None

    async def set_status(self, appointment_id: int, status: str, reason: str | None = None) -> None:
        if status in _COUNTED_OUTCOMES:  # counted on the appointment's day, once per outcome
            await _tally(self._source).add_from(
                f"appointment.{status}", "SELECT point_id AS p, starts_at AS t, 1 AS n FROM appointments"
                " WHERE id = ? AND status != ?", (appointment_id, status))
        await self._change("UPDATE appointments SET status = ?, reason = ? WHERE id = ?",
                           (status, reason, appointment_id))

    async def upcoming(self, person_id: int, now: datetime) -> list[Appointment]:
        rows = await self._all(_APPOINTMENT_SELECT + " WHERE person_id = ? AND starts_at >= ?"
                               " AND status IN " + _LIVE + " ORDER BY starts_at", (person_id, ts(now)))
        return [_appointment(r) for r in rows]

    async def move(self, appointment_id: int, starts_at: datetime, status: str) -> None:
        try:
            await self._change("UPDATE appointments SET starts_at = ?, status = ? WHERE id = ?",
                               (ts(starts_at), status, appointment_id))
        except sqlite3.IntegrityError:
            raise SlotTaken from None

    async def rate(self, appointment_id: int, rating: int) -> None:
        if rating in _SATISFACTION:
            await _tally(self._source).add_from(
                f"satisfaction.{_SATISFACTION[rating]}", "SELECT point_id AS p, starts_at AS t, 1 AS n"
                " FROM appointments WHERE id = ? AND rating IS NULL", (appointment_id,))
        await self._change("UPDATE appointments SET rating = ? WHERE id = ?", (rating, appointment_id))

    async def of_counselor(self, counselor_id: int, start: datetime, end: datetime) -> list[Appointment]:
        rows = await self._all(_APPOINTMENT_SELECT + " WHERE counselor_id = ? AND starts_at >= ? AND starts_at < ?"
                               " AND status IN " + _LIVE + " ORDER BY starts_at", (counselor_id, ts(start), ts(end)))
        return [_appointment(r) for r in rows]



class SqliteAudit(_Repo):
    async def record(self, viewer_id: int, person_id: int, what: str, at: datetime) -> None:
        await self._change("INSERT INTO audit (viewer_id, person_id, what, at) VALUES (?, ?, ?, ?)",
                           (viewer_id, person_id, what, ts(at)))


_CHAT_SELECT = "SELECT id, person_id, point_id, counselor_id, opened_at, taken_at, closed_at FROM chats"


def _chat(row: Row) -> Chat:
    return Chat(id=row["id"], person_id=row["person_id"], point_id=row["point_id"], counselor_id=row["counselor_id"],
                opened_at=_required_ts(row["opened_at"]), taken_at=from_ts(row["taken_at"]),
                closed_at=from_ts(row["closed_at"]))


class SqliteChats(_Repo):
    async def open(self, chat: Chat) -> Chat:
        self._uow_open_chats().opened(chat.person_id)
        chat.id = await self._insert("INSERT INTO chats (person_id, point_id, opened_at) VALUES (?, ?, ?)",
                                     (chat.person_id, chat.point_id, ts(chat.opened_at)))
        await _tally(self._source).add(chat.point_id, "chat.opened", chat.opened_at)
        return chat

    async def get(self, chat_id: int) -> Chat | None:
        row = await self._one(_CHAT_SELECT + " WHERE id = ?", (chat_id,))
        return _chat(row) if row else None

    async def of_person(self, person_id: int) -> Chat | None:
        uow = self._source
        assert isinstance(uow, SqliteUnitOfWork)
        if not await uow.open_chats.may_have(person_id, await uow.committed()):
            return None
        row = await self._one(_CHAT_SELECT + " WHERE person_id = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1",
                              (person_id,))
        if row is None:
            self._uow_open_chats().none(person_id)
        return _chat(row) if row else None

    def _uow_open_chats(self) -> _OpenChats:
        assert isinstance(self._source, SqliteUnitOfWork)
        return self._source.open_chats

    async def of_counselor(self, counselor_id: int) -> Chat | None:
        row = await self._one(_CHAT_SELECT + " WHERE counselor_id = ? AND closed_at IS NULL ORDER BY taken_at DESC"
                              " LIMIT 1", (counselor_id,))
        return _chat(row) if row else None

    async def waiting(self, point_id: str) -> list[Chat]:
        rows = await self._all(_CHAT_SELECT + " WHERE point_id = ? AND closed_at IS NULL AND counselor_id IS NULL"
                               " ORDER BY id", (point_id,))
        return [_chat(r) for r in rows]

    async def take(self, chat_id: int, counselor_id: int, at: datetime) -> bool:
        taken = bool(await self._change(
            "UPDATE chats SET counselor_id = ?, taken_at = ? WHERE id = ? AND counselor_id IS NULL"
            " AND closed_at IS NULL", (counselor_id, ts(at), chat_id)))
        if taken:  # the wait until a counselor took it: the person's time to a first answer
            tally = _tally(self._source)
            await tally.add_from("chat.taken", "SELECT point_id AS p, taken_at AS t, 1 AS n FROM chats WHERE id = ?",
                                 (chat_id,))
            await tally.add_from(
                "chat.first_reply_seconds", "SELECT point_id AS p, taken_at AS t,"
                " CAST(ROUND((julianday(taken_at) - julianday(opened_at)) * 86400) AS INTEGER) AS n"
                " FROM chats WHERE id = ?", (chat_id,))
        return taken

    async def close(self, chat_id: int, at: datetime) -> None:
        await _tally(self._source).add_from(
            "chat.closed", "SELECT point_id AS p, ? AS t, 1 AS n FROM chats WHERE id = ? AND closed_at IS NULL",
            (ts(at), chat_id))
        await self._change("UPDATE chats SET closed_at = ? WHERE id = ? AND closed_at IS NULL", (ts(at), chat_id))

    async def add_message(self, chat_id: int, from_person: bool, text: str, at: datetime, delivered: bool) -> None:
        await self._change(
            "INSERT INTO chat_messages (chat_id, from_person, text, at, delivered) VALUES (?, ?, ?, ?, ?)",
            (chat_id, int(from_person), text, ts(at), int(delivered)))

    async def undelivered(self, chat_id: int) -> list[str]:
        rows = await self._all("SELECT id, text FROM chat_messages WHERE chat_id = ? AND delivered = 0 ORDER BY id",
                               (chat_id,))
        if rows:
            await self._many("UPDATE chat_messages SET delivered = 1 WHERE id = ?", [(r["id"],) for r in rows])
        return [r["text"] for r in rows]

    async def purge(self, before: datetime) -> int:
        removed = await self._change("DELETE FROM chat_messages WHERE at < ?", (ts(before),))
        await self._change("DELETE FROM chats WHERE closed_at IS NOT NULL AND closed_at < ?", (ts(before),))
        return removed


class SqliteTally(_Repo):
    """The append-only counts (migration 0009). The other repositories count their own events here, in
    their own transaction; a handler or service counts what only it sees (a question's topic)."""

    def __init__(self, source: Any, timezone: ZoneInfo) -> None:
        super().__init__(source)
        self.timezone = timezone

    def day(self, at: datetime) -> str:
        return at.astimezone(self.timezone).date().isoformat()

    def shift(self) -> str:
        """The zone's offset as an SQLite date modifier, for counting a stored UTC time on its local day
        (the zone's offset now: exact for a zone without summer time, such as Vietnam's)."""
        offset = datetime.now(UTC).astimezone(self.timezone).utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        return f"{minutes:+d} minutes"

    async def add(self, point_id: str | None, what: str, at: datetime, n: int = 1) -> None:
        if n <= 0:
            return  # nothing to count (a caller passes its count as it is)
        await self._change("INSERT INTO tally (point_id, day, what, n) VALUES (?, ?, ?, ?)",
                           (point_id or "", self.day(at), what, n))

    async def add_from(self, what: str, select: str, params: tuple[Any, ...]) -> None:
        """Count from a row of another table: `select` gives (point_id, a UTC time, n), zero or one row."""
        await self._change(
            f"INSERT INTO tally (point_id, day, what, n) SELECT COALESCE(p, ''), date(t, ?), ?, n FROM ({select})",  # noqa: S608
            (self.shift(), what, *params))

    async def totals(self, first_day: date, last_day: date, point_id: str | None) -> list[TallyTotal]:
        where = " AND point_id = ?" if point_id is not None else ""
        rows = await self._all(
            "SELECT point_id, what, SUM(n) AS n, SUM(n * backfilled) AS backfilled FROM tally"  # noqa: S608
            f" WHERE day >= ? AND day <= ?{where} GROUP BY point_id, what ORDER BY point_id, what",
            (first_day.isoformat(), last_day.isoformat(), *((point_id,) if point_id is not None else ())))
        return [TallyTotal(r["point_id"], r["what"], int(r["n"]), int(r["backfilled"])) for r in rows]

    async def points(self) -> list[str]:
        return [r["point_id"] for r in await self._all("SELECT DISTINCT point_id FROM tally ORDER BY 1", ())]


def _tally(uow: Any) -> SqliteTally:
    """The tally of the unit of work a repository belongs to (a PostgreSQL unit's tally is a subclass)."""
    tally = uow.tally
    assert isinstance(tally, SqliteTally)
    return tally


class SqlitePointView(_Repo):
    """The staff web view's reads of a point, and removing a staff member."""

    async def appointments(self, point_id: str | None, start: datetime, end: datetime) -> list[dict[str, Any]]:
        rows = await self._all(
            "SELECT a.id, a.person_id, a.point_id, a.starts_at, a.minutes, a.kind, a.status, p.alias,"
            " c.alias AS counselor FROM appointments a JOIN people p ON p.id = a.person_id"
            " LEFT JOIN people c ON c.id = a.counselor_id WHERE a.starts_at >= ? AND a.starts_at < ?"
            " AND (? IS NULL OR a.point_id = ?) ORDER BY a.starts_at", (ts(start), ts(end), point_id, point_id))
        return [{**dict(r), "starts_at": _required_ts(r["starts_at"])} for r in rows]

    async def groups(self, point_id: str | None) -> list[Group]:
        rows = await self._all(_GROUP_SELECT + " WHERE ? IS NULL OR point_id = ? ORDER BY name, id",
                               (point_id, point_id))
        return [_group(r) for r in rows]

    async def roll(self, group_id: int, starts_at: datetime) -> list[dict[str, Any]]:
        rows = await self._all(
            "SELECT p.id AS person_id, p.alias, a.rsvp, COALESCE(a.attended, 0) AS attended FROM group_members m"
            " JOIN people p ON p.id = m.person_id LEFT JOIN group_attendance a ON a.group_id = m.group_id"
            " AND a.starts_at = ? AND a.person_id = m.person_id WHERE m.group_id = ? ORDER BY p.alias, p.id",
            (ts(starts_at), group_id))
        return [dict(r) for r in rows]

    async def staff(self, point_id: str | None) -> list[dict[str, Any]]:
        rows = await self._all(
            "SELECT s.person_id, s.role, s.point_id, s.on_duty, s.since, p.alias, p.channel FROM staff s"
            " JOIN people p ON p.id = s.person_id WHERE ? IS NULL OR s.point_id = ? ORDER BY s.role, p.alias",
            (point_id, point_id))
        return [dict(r) for r in rows]

    async def remove_staff(self, person_id: int) -> bool:
        removed = await self._change("DELETE FROM staff WHERE person_id = ?", (person_id,))
        if removed:
            await self._change("UPDATE people SET role = 'person' WHERE id = ?", (person_id,))
        return bool(removed)


def _web_session(row: Row) -> WebSession:
    return WebSession(person_id=row["person_id"], point_id=row["point_id"], head=bool(row["head"]),
                      locale=row["locale"], expires_at=_required_ts(row["expires_at"]))


class SqliteWebSignIns(_Repo):
    """Sign-in links and sessions of the staff web view: a few rows (one link per staff member, one
    session per browser signed in), read by their primary key."""

    async def add_link(self, digest: str, person_id: int, expires_at: datetime) -> None:
        await self._change("INSERT INTO web_links (digest, person_id, expires_at) VALUES (?, ?, ?)",
                           (digest, person_id, ts(expires_at)))

    async def link(self, digest: str) -> tuple[int, datetime] | None:
        row = await self._one("SELECT person_id, expires_at FROM web_links WHERE digest = ?", (digest,))
        return (row["person_id"], _required_ts(row["expires_at"])) if row else None

    async def take_link(self, digest: str) -> tuple[int, datetime] | None:
        row = await self._one("DELETE FROM web_links WHERE digest = ? RETURNING person_id, expires_at", (digest,))
        return (row["person_id"], _required_ts(row["expires_at"])) if row else None

    async def drop_links(self, person_id: int) -> None:
        await self._change("DELETE FROM web_links WHERE person_id = ?", (person_id,))

    async def trim_links(self, keep: int) -> int:
        return await self._change(
            "DELETE FROM web_links WHERE digest NOT IN"
            " (SELECT digest FROM web_links ORDER BY expires_at DESC, digest LIMIT ?)", (keep,))

    async def add_session(self, digest: str, session: WebSession) -> None:
        await self._change(
            "INSERT INTO web_sessions (digest, person_id, point_id, head, locale, expires_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (digest, session.person_id, session.point_id, int(session.head), session.locale,
             ts(session.expires_at)))

    async def session(self, digest: str) -> WebSession | None:
        row = await self._one("SELECT person_id, point_id, head, locale, expires_at FROM web_sessions"
                              " WHERE digest = ?", (digest,))
        return _web_session(row) if row else None

    async def end_session(self, digest: str) -> None:
        await self._change("DELETE FROM web_sessions WHERE digest = ?", (digest,))

    async def end_person(self, person_id: int) -> None:
        await self._change("DELETE FROM web_sessions WHERE person_id = ?", (person_id,))
        await self._change("DELETE FROM web_links WHERE person_id = ?", (person_id,))

    async def purge(self, now: datetime) -> int:
        links = await self._change("DELETE FROM web_links WHERE expires_at <= ?", (ts(now),))
        return links + await self._change("DELETE FROM web_sessions WHERE expires_at <= ?", (ts(now),))


class SqliteCodeFailures(_Repo):
    async def add(self, chat: str, expires_at: datetime) -> None:
        await self._change("INSERT INTO code_failures (chat, expires_at) VALUES (?, ?)", (chat, ts(expires_at)))

    async def counting(self, chat: str, now: datetime) -> list[datetime]:
        # Committed state, without the writer: a chat's own turns run one at a time and are the only
        # ones that add its failures, so nothing of this chat is in flight.
        rows = await self._committed_all(
            "SELECT expires_at FROM code_failures WHERE chat = ? AND expires_at > ? ORDER BY expires_at",
            (chat, ts(now)))
        return [_required_ts(row["expires_at"]) for row in rows]

    async def purge(self, now: datetime) -> int:
        return await self._change("DELETE FROM code_failures WHERE expires_at <= ?", (ts(now),))
