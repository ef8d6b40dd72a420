"""The shared store: PostgreSQL through psycopg 3 (async) and a psycopg_pool connection pool.

It implements the same protocols as the SQLite store (bot/store/base.py) with the same repositories:
their SQL is written in what both databases accept, and their row mapping is shared, so the two stores
cannot drift. This module keeps only what differs: the connection and transaction, the placeholders
(SQLite's `?` become psycopg's `%s`, bound on the client so that `? IS NULL` needs no type), the
statements that use an SQLite function or planner hint, and the claims that several processes may
make at once (`FOR UPDATE SKIP LOCKED`). Times are stored as the same fixed-width UTC text as in
SQLite, so that `db copy` moves rows unchanged and text order stays time order.

Nothing here is cached in the process: every read goes to the database, so several processes may
share one (the SQLite store's memory of who may have an open chat is not used here).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from bot.messages import Reply
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
    StoreUnavailable,
    Tally,
    Usage,
    WebSignIns,
)
from bot.store.cluster import QUEUED
from bot.store.records import Appointment, Chat, Due, OutboxItem, Person, Reminder, Session, Unsent
from bot.store.sqlite import (
    _CHAT_SELECT,
    _INBOX_COLUMNS,
    _REMINDER_SELECT,
    DEFAULT_TIMEZONE,
    MIGRATIONS_DIR,
    PRIORITIES,
    SqliteAppointments,
    SqliteAudit,
    SqliteChats,
    SqliteCodeFailures,
    SqliteGroups,
    SqliteInbox,
    SqliteInvites,
    SqliteLinks,
    SqliteOutbox,
    SqlitePeople,
    SqlitePointView,
    SqliteReminders,
    SqliteSessions,
    SqliteStaff,
    SqliteTally,
    SqliteUsage,
    SqliteWebSignIns,
    _chat,
    _reminder,
    _required_ts,
    _ts_or_none,
    from_ts,
    migrations,
    ts,
)

log = logging.getLogger(__name__)

# Start-up waits this long in all for a database that does not answer yet (a server still starting
# beside the bot), doubling the pause between tries, before it gives up with one sentence.
CONNECT_TRIES = 5
FIRST_PAUSE_SECONDS = 0.5
POOL_SIZE = 10
POOL_WAIT_SECONDS = 5.0
_UPGRADE_LOCK = 0x6469656D  # the advisory lock that lets one process at a time upgrade the schema


def _where(url: str) -> str:
    """The URL without its password, for a message."""
    parts = urlsplit(url.replace("postgresql+psycopg://", "postgresql://", 1))
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"{host}{port}{parts.path or ''}"


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _unreachable(exc: BaseException) -> bool:
    """No server answered (down, starting, the wrong port), as opposed to one that refused us."""
    text = str(exc).lower()
    return any(s in text for s in ("connection refused", "could not connect", "timeout", "timed out",
                                   "the database system is starting up", "no route to host",
                                   "server closed the connection", "connection is bad",
                                   "could not translate host name", "name or service not known"))


# SQL written for SQLite, as psycopg wants it: `?` and `:name` placeholders, no planner hints, and any
# literal % doubled. Each text is translated once.
_NAMED = re.compile(r"(?<![:\w]):([a-z_]+)\b")
_HINT = re.compile(r"\s+INDEXED BY \w+")
_translated: dict[tuple[str, bool], str] = {}


def _sql(sql: str, named: bool = False) -> str:
    key = (sql, named)
    found = _translated.get(key)
    if found is None:
        text = _HINT.sub("", sql).replace("%", "%%")
        text = _NAMED.sub(r"%(\1)s", text) if named else text.replace("?", "%s")
        found = _translated[key] = text
    return found


LOST = (psycopg.OperationalError, PoolTimeout)


@contextlib.contextmanager
def _reachable() -> Iterator[None]:
    """A server that went away (or a pool with no connection to give) is StoreUnavailable: the channels
    leave the platform's update to come again rather than answer it half done."""
    try:
        yield
    except LOST as exc:
        raise StoreUnavailable(f"PostgreSQL cannot be reached now ({type(exc).__name__})") from exc


class _PgRepo:
    """The connection helpers of a repository (`_Repo` in bot/store/sqlite.py), on PostgreSQL. Listed
    first among a repository's bases, so they replace SQLite's."""

    _source: Any

    async def _conn(self) -> Any:
        return await self._source.begin()

    async def _one(self, sql: str, params: tuple[Any, ...]) -> Any:
        with _reachable():
            cursor = await (await self._conn()).execute(_sql(sql), params)
            return await cursor.fetchone() if cursor.description else None

    async def _all(self, sql: str, params: Any) -> list[Any]:
        with _reachable():
            cursor = await (await self._conn()).execute(_sql(sql, isinstance(params, dict)), params)
            return list(await cursor.fetchall())

    _committed_all = _all  # each statement sees what is committed (read committed), and the unit's own writes

    async def _change(self, sql: str, params: tuple[Any, ...]) -> int:
        with _reachable():
            cursor = await (await self._conn()).execute(_sql(sql), params)
            return max(cursor.rowcount, 0)

    async def _many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            with _reachable():
                async with (await self._conn()).cursor() as cursor:
                    await cursor.executemany(_sql(sql), rows)

    async def _insert(self, sql: str, params: tuple[Any, ...]) -> int | None:
        with _reachable():
            cursor = await (await self._conn()).execute(_sql(sql + " RETURNING id"), params)
            row = await cursor.fetchone()
            return int(row["id"]) if row else None

    def _erasing(self) -> None:
        """Deleted rows are gone for every query at commit; what stays on disk is in docs/privacy.md."""


class PgPeople(_PgRepo, SqlitePeople):
    pass


class PgSessions(_PgRepo, SqliteSessions):
    pass


class PgInbox(_PgRepo, SqliteInbox):
    async def record(
        self, channel: str, event_id: str, at: datetime, person_id: int | None = None, chat_id: str | None = None,
        replies: tuple[Reply, ...] = (),
    ) -> int | None:
        """A replay is refused by the unique (channel, event_id), whichever process saw it first."""
        rows = await self._source.alone(
            f"INSERT INTO inbox {_INBOX_COLUMNS} VALUES (?, ?, ?, ?, ?, ?)"  # noqa: S608
            " ON CONFLICT (channel, event_id) DO NOTHING RETURNING id",
            (channel, event_id, ts(at), person_id if replies else None, chat_id if replies else None,
             json.dumps([r.to_json() for r in replies], ensure_ascii=False) if replies else None))
        return int(rows[0]["id"]) if rows else None

    async def waiting(self, ids: list[int]) -> list[Unsent]:
        if not ids:
            return []
        rows = await self._all("SELECT id, person_id, channel, chat_id, replies, attempts FROM inbox"
                               " WHERE id = ANY(?) AND replies IS NOT NULL ORDER BY id", (list(ids),))
        return [Unsent(row["id"], row["person_id"], row["channel"], row["chat_id"],
                       tuple(Reply.from_json(r) for r in json.loads(row["replies"])), row["attempts"])
                for row in rows]

    async def delivered(self, ids: list[int]) -> None:
        if ids:
            await self._source.alone("UPDATE inbox SET replies = NULL, chat_id = NULL, person_id = NULL"
                                     " WHERE id = ANY(?)", (list(ids),))


class PgInvites(_PgRepo, SqliteInvites):
    pass


class PgUsage(_PgRepo, SqliteUsage):
    async def add_sent(self, channel: str, month: str, count: int) -> int:
        row = await self._one(
            "INSERT INTO usage (channel, month, sent) VALUES (?, ?, ?) ON CONFLICT (channel, month)"
            " DO UPDATE SET sent = usage.sent + excluded.sent RETURNING sent", (channel, month, count))
        assert row is not None
        return int(row["sent"])


class PgReminders(_PgRepo, SqliteReminders):
    async def due(self, now: datetime, limit: int) -> list[Due]:
        """Claimed for this transaction: a reminder another process's claim holds is skipped, not waited
        for, so two processes ticking at once never queue the same occurrence twice."""
        rows = await self._all(
            _REMINDER_SELECT + ", p.channel, p.chat_id, p.locale, p.discreet, p.reachable"
            " FROM reminders r JOIN people p ON p.id = r.person_id"
            " WHERE r.next_at IS NOT NULL AND r.next_at <= ? ORDER BY r.next_at LIMIT ? FOR UPDATE OF r SKIP LOCKED",
            (ts(now), limit))
        return [Due(_reminder(row), row["channel"], row["chat_id"], row["locale"], bool(row["discreet"]),
                    bool(row["reachable"])) for row in rows]

    async def advance(self, moved: list[Reminder]) -> None:
        """One statement for a claim's whole batch, the rows as one JSON parameter: psycopg sends
        `executemany` as a statement per reminder (a batch of 200 took 10-15 ms that way)."""
        if moved:
            await self._change(
                "UPDATE reminders AS r SET next_at = m.next_at, paused_until = m.paused_until, state = m.state"
                " FROM json_to_recordset(?::json) AS m (id bigint, next_at text, paused_until text, state text)"
                " WHERE r.id = m.id",
                (json.dumps([{"id": r.id, "next_at": _ts_or_none(r.next_at),
                              "paused_until": _ts_or_none(r.paused_until), "state": json.dumps(r.state)}
                             for r in moved]),))


_OUTBOX_INSERT = (
    "INSERT INTO outbox (key, person_id, about_id, channel, chat_id, priority, reply, due_at, expires_at)"
    " SELECT key, person_id, about_id, channel, chat_id, priority, reply, due_at, expires_at"
    " FROM json_to_recordset(?::json) AS m (key text, person_id bigint, about_id bigint, channel text, chat_id text,"
    " priority integer, reply text, due_at text, expires_at text) ON CONFLICT (key) DO NOTHING")


class PgOutbox(_PgRepo, SqliteOutbox):
    FORGET_BATCH = 1000

    async def forget_whom(self, done_before: datetime) -> int:
        """As on SQLite. Left to its estimates, the planner read every pending notice about someone
        (outbox_about) or, with a predicate only outbox_forget_finished (migration 0012) matches, the whole
        table at a million people; in batches in finishing order, that index is the one plan (0.2 ms at
        100,000 and at a million when there is nothing to forget)."""
        forgotten = 0
        while True:
            changed = await self._change(
                "UPDATE outbox SET key = 'done:' || id, about_id = NULL WHERE id IN (SELECT id FROM outbox"
                " WHERE COALESCE(about_id, 0) <> 0 AND status NOT IN ('pending', 'kept') AND done_at < ?"
                " ORDER BY done_at LIMIT ?)", (ts(done_before), self.FORGET_BATCH))
            forgotten += changed
            if changed < self.FORGET_BATCH:
                return forgotten

    async def add_many(self, items: list[OutboxItem]) -> int:
        """One statement, the rows as one JSON parameter. A VALUES list with nine placeholders a row was
        a new text for every batch size, which psycopg parsed again each time (15-20 ms for a claim's
        400 rows, more than the insert itself)."""
        if not items:
            return 0
        if any(item.priority not in PRIORITIES for item in items):
            raise ValueError(f"an outbox priority must be in {PRIORITIES}")
        self._source.queued = True
        rows = [{"key": i.key, "person_id": i.person_id, "about_id": i.about_id, "channel": i.channel,
                 "chat_id": i.chat_id, "priority": i.priority,
                 "reply": json.dumps(i.reply.to_json(), ensure_ascii=False), "due_at": ts(i.due_at),
                 "expires_at": _ts_or_none(i.expires_at)} for i in items]
        return await self._change(_OUTBOX_INSERT, (json.dumps(rows, ensure_ascii=False),))

    async def pending(self, now: datetime, limit: int) -> list[OutboxItem]:
        arm = ("(SELECT id, key, person_id, channel, chat_id, priority, reply, due_at, expires_at, attempts"
               " FROM outbox WHERE status = 'pending' AND priority = {p} AND due_at <= :now"
               " AND (retry_at IS NULL OR retry_at <= :now) ORDER BY due_at, id LIMIT :limit)")
        sql = " UNION ALL ".join(arm.format(p=p) for p in PRIORITIES) + " ORDER BY priority, due_at, id LIMIT :limit"
        rows = await self._all(sql, {"now": ts(now), "limit": limit})
        return [OutboxItem(
            id=row["id"], key=row["key"], person_id=row["person_id"], channel=row["channel"], chat_id=row["chat_id"],
            priority=row["priority"], reply=Reply.from_json(json.loads(row["reply"])),
            due_at=_required_ts(row["due_at"]), expires_at=from_ts(row["expires_at"]), attempts=row["attempts"],
        ) for row in rows]


class PgStaff(_PgRepo, SqliteStaff):
    pass


class PgLinks(_PgRepo, SqliteLinks):
    pass


class PgGroups(_PgRepo, SqliteGroups):
    async def meeting(self, group_id: int, starts_at: datetime) -> bool:
        row = await self._one(
            "INSERT INTO group_meetings (group_id, starts_at) VALUES (?, ?) ON CONFLICT (group_id, starts_at)"
            " DO UPDATE SET cancelled = group_meetings.cancelled RETURNING cancelled", (group_id, ts(starts_at)))
        return bool(row and row["cancelled"])


class PgAppointments(_PgRepo, SqliteAppointments):
    """A slot held by another appointment fails its statement; PostgreSQL would then refuse every later
    statement of the transaction, so the insert or move runs in a savepoint of its own."""

    async def book(self, appointment: Appointment) -> Appointment:
        conn = await self._conn()
        try:
            async with conn.transaction():
                return await SqliteAppointments.book(self, appointment)
        except pg_errors.UniqueViolation:
            raise SlotTaken from None

    async def move(self, appointment_id: int, starts_at: datetime, status: str) -> None:
        conn = await self._conn()
        try:
            async with conn.transaction():
                await self._change("UPDATE appointments SET starts_at = ?, status = ? WHERE id = ?",
                                   (ts(starts_at), status, appointment_id))
        except pg_errors.UniqueViolation:
            raise SlotTaken from None


class PgAudit(_PgRepo, SqliteAudit):
    pass


class PgChats(_PgRepo, SqliteChats):
    async def open(self, chat: Chat) -> Chat:
        chat.id = await self._insert("INSERT INTO chats (person_id, point_id, opened_at) VALUES (?, ?, ?)",
                                     (chat.person_id, chat.point_id, ts(chat.opened_at)))
        await self._source.tally.add(chat.point_id, "chat.opened", chat.opened_at)
        return chat

    async def of_person(self, person_id: int) -> Chat | None:
        """One indexed read (chats_person): no memory of who has a chat, which another process could
        make stale."""
        row = await self._one(_CHAT_SELECT + " WHERE person_id = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1",
                              (person_id,))
        return _chat(row) if row else None

    async def take(self, chat_id: int, counselor_id: int, at: datetime) -> bool:
        taken = bool(await self._change(
            "UPDATE chats SET counselor_id = ?, taken_at = ? WHERE id = ? AND counselor_id IS NULL"
            " AND closed_at IS NULL", (counselor_id, ts(at), chat_id)))
        if taken:
            tally = self._source.tally
            await tally.add_from("chat.taken", "SELECT point_id AS p, taken_at AS t, 1 AS n FROM chats WHERE id = ?",
                                 (chat_id,))
            await tally.add_from(
                "chat.first_reply_seconds", "SELECT point_id AS p, taken_at AS t,"
                " CAST(ROUND(EXTRACT(EPOCH FROM taken_at::timestamptz - opened_at::timestamptz)) AS INTEGER) AS n"
                " FROM chats WHERE id = ?", (chat_id,))
        return taken


class PgTally(_PgRepo, SqliteTally):
    async def add_from(self, what: str, select: str, params: tuple[Any, ...]) -> None:
        """The local day of a stored UTC time, in the zone by name (summer time included)."""
        await self._change(
            "INSERT INTO tally (point_id, day, what, n) SELECT COALESCE(p, ''),"  # noqa: S608
            f" to_char(CAST(t AS timestamptz) AT TIME ZONE ?, 'YYYY-MM-DD'), ?, n FROM ({select}) AS counted",
            (self.timezone.key, what, *params))


class PgPointView(_PgRepo, SqlitePointView):
    pass


class PgWebSignIns(_PgRepo, SqliteWebSignIns):
    pass


class PgCodeFailures(_PgRepo, SqliteCodeFailures):
    pass


class PostgresUnitOfWork:
    """One transaction on one pooled connection, taken at the first statement and given back at the end.
    A reading unit's transaction is READ ONLY: a write through it fails."""

    def __init__(self, store: PostgresStore, read_only: bool = False,
                 queued: list[Callable[[], None]] | None = None) -> None:
        self._store = store
        self.read_only = read_only
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self._queued_listeners = queued or []
        self.queued = False
        self._notes: list[str] = []
        self.people: People = PgPeople(self)
        self.sessions: Sessions = PgSessions(self)
        self.inbox: Inbox = PgInbox(self)
        self.invites: Invites = PgInvites(self)
        self.usage: Usage = PgUsage(self)
        self.reminders: Reminders = PgReminders(self)
        self.outbox: Outbox = PgOutbox(self)
        self.staff: Staff = PgStaff(self)
        self.links: Links = PgLinks(self)
        self.groups: Groups = PgGroups(self)
        self.appointments: Appointments = PgAppointments(self)
        self.chats: Chats = PgChats(self)
        self.tally: Tally = PgTally(self, store.timezone)
        self.point_view: PointView = PgPointView(self)
        self.audit: Audit = PgAudit(self)
        self.web: WebSignIns = PgWebSignIns(self)
        self.code_failures: CodeFailures = PgCodeFailures(self)

    @property
    def in_transaction(self) -> bool:
        return self._conn is not None

    async def begin(self) -> psycopg.AsyncConnection[Any]:
        if self._conn is None:
            with _reachable():
                conn = await self._store.pool.getconn()
                try:
                    await conn.execute("BEGIN READ ONLY" if self.read_only else "BEGIN")
                except BaseException:
                    await self._store.pool.putconn(conn)
                    raise
            self._conn = conn
        return self._conn

    async def lock_chat(self, channel: str, chat_id: str) -> None:
        """A transaction-scoped advisory lock on the chat: another process's turn for the same chat waits
        here until this one commits or rolls back, so a chat's turns run one at a time, in the order of
        their inbox ids. Keyed by the schema too, so schemas sharing a database never wait for each other."""
        lock = "SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(%s))"
        key = (f"{channel}:{chat_id}",)
        if self._conn is not None or self.read_only:
            with _reachable():
                await (await self.begin()).execute(lock, key)
            return
        with _reachable():  # the turn's first statement: BEGIN and the lock in one round trip
            conn = await self._store.pool.getconn()
            try:
                await conn.execute("BEGIN; " + lock, key)
            except BaseException:
                await self._store.pool.putconn(conn)
                raise
        self._conn = conn

    def notify(self, note: str) -> None:
        self._notes.append(note)

    async def alone(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """One statement: inside this unit's transaction if it has one, else committed on its own (as on
        SQLite: the common turn, a question answered, writes only its inbox row)."""
        if self._conn is not None or self.read_only:
            cursor = await (await self.begin()).execute(_sql(sql), params)
            rows: list[Any] = list(await cursor.fetchall()) if cursor.description else []
            return rows
        with _reachable():
            async with self._store.pool.connection() as conn:
                cursor = await conn.execute(_sql(sql), params)
                return list(await cursor.fetchall()) if cursor.description else []

    async def commit(self) -> None:
        notes, self._notes = self._notes, []
        if self.queued:
            notes.append(QUEUED)  # the sender may be another process's
        conn, self._conn = self._conn, None
        if conn is None:
            if notes:
                with _reachable():
                    async with self._store.pool.connection() as alone:
                        await self._store.send_notes(alone, notes)
            return
        try:
            with _reachable():
                await self._store.send_notes(conn, notes)  # delivered at COMMIT, and only then
                await conn.execute("COMMIT")
        finally:
            await self._store.pool.putconn(conn)
        if self.queued:
            self.queued = False
            for listener in self._queued_listeners:
                listener()

    async def close(self) -> None:
        """Roll back whatever was not committed."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if not conn.closed:
                await conn.execute("ROLLBACK")
        except psycopg.Error:
            pass  # a lost connection: the server rolled back, and the pool replaces it
        finally:
            await self._store.pool.putconn(conn)


class _Autocommit:
    """A source for a repository whose statements each stand alone (no transaction around them)."""

    def __init__(self, conn: psycopg.AsyncConnection[Any]) -> None:
        self._conn = conn

    async def begin(self) -> psycopg.AsyncConnection[Any]:
        return self._conn


async def _configure(conn: psycopg.AsyncConnection[Any]) -> None:
    """Every pooled connection: transactions are begun and ended by the unit of work, statements are
    bound on the client (SQLite's `? IS NULL` has no type to infer), rows come as dicts."""
    await conn.set_autocommit(True)
    conn.cursor_factory = psycopg.AsyncClientCursor
    conn.row_factory = dict_row


class PostgresStore:
    shared = True

    def __init__(self, url: str, migrations_dir: Path = MIGRATIONS_DIR, timezone: ZoneInfo = DEFAULT_TIMEZONE,
                 pool_size: int = POOL_SIZE, connect_tries: int = CONNECT_TRIES,
                 sleep: Callable[[float], Any] = asyncio.sleep) -> None:
        self._url = url.replace("postgresql+psycopg://", "postgresql://", 1)
        self.timezone = timezone
        self._migrations_dir = migrations_dir
        self._pool: AsyncConnectionPool | None = None
        self._pool_size = pool_size
        self._tries = connect_tries
        self._sleep = sleep
        self._queued: list[Callable[[], None]] = []
        # Where this schema's processes tell each other things (LISTEN/NOTIFY; bot/store/cluster.py).
        self.channel = "diemtuvan"

    @property
    def url(self) -> str:
        return self._url

    async def send_notes(self, conn: psycopg.AsyncConnection[Any], notes: list[str]) -> None:
        for note in notes:
            await conn.execute("SELECT pg_notify(%s, %s)", (self.channel, note))

    @property
    def path(self) -> str:
        """Where the data is, without the password (shown by the console)."""
        return f"postgresql://{_where(self._url)}"

    @property
    def pool(self) -> AsyncConnectionPool:
        if self._pool is None:
            raise RuntimeError("the store is not open")
        return self._pool

    async def open(self, upgrade: bool = True) -> None:
        """Connect (trying again while the server does not answer, with a doubling pause), then bring
        the schema up to date. Raises DatabaseUnusable with one sentence naming DATABASE_URL."""
        await self._first_connection()
        # A turn waits at most POOL_WAIT_SECONDS for a connection: while the server is away, the update is
        # left to come again rather than held (StoreUnavailable).
        self._pool = AsyncConnectionPool(self._url, min_size=1, max_size=self._pool_size, open=False,
                                         configure=_configure, kwargs={"connect_timeout": 5},
                                         timeout=POOL_WAIT_SECONDS, reconnect_timeout=0)
        try:
            await self._pool.open(wait=True, timeout=30)
            async with self._pool.connection() as conn:
                cursor = await conn.execute("SELECT current_schema() AS schema")
                row: Any = await cursor.fetchone()
                self.channel = f"diemtuvan:{row['schema'] if row else 'public'}"
            if upgrade:
                await self.upgrade()
        except BaseException as exc:
            await self.close()
            if isinstance(exc, (psycopg.Error, PoolTimeout)):
                raise DatabaseUnusable(f"the PostgreSQL database of DATABASE_URL ({_where(self._url)}) cannot be "
                                       f"used ({type(exc).__name__}: {_first_line(exc)})") from exc
            raise

    async def _first_connection(self) -> None:
        pause = FIRST_PAUSE_SECONDS
        for attempt in range(1, self._tries + 1):
            try:
                conn = await psycopg.AsyncConnection.connect(self._url, connect_timeout=5)
            except psycopg.OperationalError as exc:
                first = _first_line(exc)
                if not _unreachable(exc):
                    raise DatabaseUnusable(
                        f"DATABASE_URL is refused by PostgreSQL at {_where(self._url)} ({first}); check the user, "
                        "password and database name in it") from None
                if attempt == self._tries:
                    raise DatabaseUnusable(
                        f"PostgreSQL at {_where(self._url)} (DATABASE_URL) does not answer after {attempt} tries "
                        f"({first}); start it, or check the host and port in DATABASE_URL") from None
                log.warning("PostgreSQL does not answer yet (try %d of %d); trying again in %.1fs",
                            attempt, self._tries, pause)
                await self._sleep(pause)
                pause *= 2
            except psycopg.ProgrammingError as exc:
                raise DatabaseUnusable(f"DATABASE_URL is not a PostgreSQL address this program can use ({exc}); "
                                       "write it as postgresql://user:password@host:5432/database") from None
            else:
                await conn.close()
                return

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    async def schema_version(self) -> int:
        async with self.pool.connection() as conn:
            return max(await self._seen(conn), default=0)

    @staticmethod
    async def _seen(conn: psycopg.AsyncConnection[Any]) -> set[int]:
        cursor = await conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        row = await cursor.fetchone()
        if not row or not row["present"]:
            return set()
        cursor = await conn.execute("SELECT number FROM schema_migrations")
        return {int(r["number"]) for r in await cursor.fetchall()}

    async def upgrade(self, target: int | None = None) -> list[int]:
        """Apply the migrations this database has not seen, each in its own transaction; one process at
        a time (an advisory lock), so several starting together apply each once."""
        known = migrations(self._migrations_dir, postgres=True)
        latest = known[-1][0]
        applied: list[int] = []
        async with self.pool.connection() as conn:
            await conn.execute("SELECT pg_advisory_lock(%s)", (_UPGRADE_LOCK,))
            try:
                seen = await self._seen(conn)
                if target is None and ((seen and max(seen) > latest) or not seen <= {n for n, _ in known}):
                    raise DatabaseUnusable(
                        f"the PostgreSQL database of DATABASE_URL ({_where(self._url)}) has schema {max(seen)}, newer "
                        f"than this program's {latest}: run the version of diemtuvan that wrote it")
                for number, path in known:
                    if number in seen or (target is not None and number > target):
                        continue
                    try:
                        async with conn.transaction():
                            await conn.execute(
                                "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY)")
                            # A migration is one script of several statements: sent as is, with no parameters.
                            await conn.execute(path.read_text(encoding="utf-8").encode())
                            await conn.execute("INSERT INTO schema_migrations VALUES (%s)", (number,))
                    except psycopg.Error as exc:
                        raise DatabaseUnusable(
                            f"upgrading the PostgreSQL database of DATABASE_URL ({_where(self._url)}) to schema "
                            f"{number} ({path.name}) failed ({_first_line(exc)}); it was left at schema "
                            f"{max(seen, default=0)}: keep it, and report this message") from exc
                    log.info("database upgraded to schema %d (%s)", number, path.name)
                    applied.append(number)
                    seen.add(number)
            finally:
                await conn.execute("SELECT pg_advisory_unlock(%s)", (_UPGRADE_LOCK,))
        return applied

    async def checkpoint(self) -> None:
        """Nothing to do: PostgreSQL's own write-ahead log is recycled by the server (docs/privacy.md)."""

    def request_wipe(self) -> None:
        """Deleted rows are gone for every query at commit; what the server keeps on disk, and how an
        operator removes it, is in docs/privacy.md."""

    async def wiped(self) -> None:
        """Nothing is owed (see `request_wipe`)."""

    async def person_with_session(self, channel: str, user_id: str) -> tuple[Person | None, Session | None]:
        """Committed state, one statement outside any transaction."""
        with _reachable():
            async with self.pool.connection() as conn:
                return await PgPeople(_Autocommit(conn)).get_with_session(channel, user_id)

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[PostgresUnitOfWork]:
        uow = PostgresUnitOfWork(self, queued=self._queued)
        try:
            yield uow
        finally:
            await uow.close()

    def on_queued(self, listener: Callable[[], None]) -> None:
        """Call `listener` after each commit of this process that queued outbox messages."""
        self._queued.append(listener)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[PostgresUnitOfWork]:
        uow = PostgresUnitOfWork(self, read_only=True)
        try:
            yield uow
        finally:
            await uow.close()

    async def tables(self) -> list[str]:
        """The tables of the schema in use, in an order that satisfies foreign keys when copied."""
        async with self.pool.connection() as conn:
            cursor = await conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                " AND table_type = 'BASE TABLE' ORDER BY table_name")
            rows: list[Any] = list(await cursor.fetchall())
            return [r["table_name"] for r in rows]

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        tables: dict[str, list[dict[str, Any]]] = {}
        async with self.pool.connection() as conn, conn.transaction():
            await conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            for name in await self.tables():
                cursor = await conn.execute(f'SELECT * FROM "{name}"')  # noqa: S608 - from the catalog
                tables[name] = [dict(r) for r in await cursor.fetchall()]
        return tables
