"""The embedded store: one SQLite file through aiosqlite, WAL, one writer at a time.

SQLite allows one writer; rather than let concurrent transactions fail with "database is locked",
every unit of work takes an asyncio lock and opens with BEGIN IMMEDIATE. One connection serves the
process; a province's traffic is far below what that carries (docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from bot.messages import Choice, Reply
from bot.store.records import Invite, OutboxItem, Person, Session

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def ts(moment: datetime) -> str:
    """UTC, fixed width, so that text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime reached the store")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_ts(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def _required_ts(value: str) -> datetime:
    moment = from_ts(value)
    assert moment is not None
    return moment


def migrations(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    found = []
    for path in directory.iterdir():
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations in {directory} must be numbered 0001, 0002, … without gaps: {numbers}")
    return found


class SqliteStore:
    def __init__(self, path: Path | str, migrations_dir: Path = MIGRATIONS_DIR) -> None:
        self._path = str(path)
        self._migrations_dir = migrations_dir
        self._db: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()

    @property
    def path(self) -> str:
        return self._path

    async def open(self, upgrade: bool = True) -> None:
        self._write_lock = asyncio.Lock()
        self._db = await aiosqlite.connect(self._path, isolation_level=None)
        self._db.row_factory = aiosqlite.Row
        if self._path != ":memory:":
            await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.execute("PRAGMA busy_timeout=5000")
        await self._db.execute("PRAGMA foreign_keys=ON")
        await self._db.execute("PRAGMA synchronous=NORMAL")
        if upgrade:
            await self.upgrade()

    async def close(self) -> None:
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
        """Apply the migrations this file has not seen, each in its own transaction, in place."""
        applied = []
        current = await self.schema_version()
        for number, path in migrations(self._migrations_dir):
            if number <= current or (target is not None and number > target):
                continue
            script = path.read_text(encoding="utf-8")
            async with self._write_lock:
                try:
                    await self.db.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
                except Exception:
                    if self.db.in_transaction:
                        await self.db.execute("ROLLBACK")
                    raise
            log.info("database upgraded to schema %d (%s)", number, path.name)
            applied.append(number)
        latest = migrations(self._migrations_dir)[-1][0]
        if target is None and await self.schema_version() > latest:
            raise RuntimeError(f"the database schema is newer ({current}) than this program knows ({latest})")
        return applied

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[SqliteUnitOfWork]:
        async with self._write_lock:
            await self.db.execute("BEGIN IMMEDIATE")
            uow = SqliteUnitOfWork(self.db)
            try:
                yield uow
            finally:
                if not uow.committed:
                    await self.db.execute("ROLLBACK")

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        tables: dict[str, list[dict[str, Any]]] = {}
        async with self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cursor:
            names = [row[0] for row in await cursor.fetchall()]
        for name in names:
            async with self.db.execute(f'SELECT * FROM "{name}"') as cursor:  # noqa: S608 - names from sqlite_master
                tables[name] = [dict(row) for row in await cursor.fetchall()]
        return tables


class SqliteUnitOfWork:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self.committed = False
        self.people = SqlitePeople(db)
        self.sessions = SqliteSessions(db)
        self.inbox = SqliteInbox(db)
        self.outbox = SqliteOutbox(db)
        self.invites = SqliteInvites(db)

    async def commit(self) -> None:
        await self._db.execute("COMMIT")
        self.committed = True


class _Repo:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def _one(self, sql: str, params: tuple[Any, ...]) -> aiosqlite.Row | None:
        async with self._db.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def _all(self, sql: str, params: tuple[Any, ...]) -> list[aiosqlite.Row]:
        async with self._db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def _change(self, sql: str, params: tuple[Any, ...]) -> int:
        async with self._db.execute(sql, params) as cursor:
            return cursor.rowcount


_PERSON_COLUMNS = (
    "id, channel, channel_user_id, chat_id, alias, locale, role, onboarded, consent_at, discreet, "
    "reachable, created_at, last_seen_at"
)


def _person(row: aiosqlite.Row) -> Person:
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

    async def add(self, person: Person) -> Person:
        async with self._db.execute(
            "INSERT INTO people (channel, channel_user_id, chat_id, alias, locale, role, onboarded, consent_at,"
            " discreet, reachable, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _person_values(person),
        ) as cursor:
            person.id = cursor.lastrowid
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

    async def erase(self, person_id: int) -> None:
        # Rows that refer to the person go with it (ON DELETE CASCADE / SET NULL in the schema).
        await self._change("DELETE FROM people WHERE id = ?", (person_id,))

    async def purge_inactive(self, seen_before: datetime) -> int:
        return await self._change("DELETE FROM people WHERE last_seen_at < ?", (ts(seen_before),))


def _person_values(person: Person) -> tuple[Any, ...]:
    return (
        person.channel, person.user_id, person.chat_id, person.alias, person.locale, person.role,
        int(person.onboarded), ts(person.consent_at) if person.consent_at else None, int(person.discreet),
        int(person.reachable), ts(person.created_at), ts(person.last_seen_at),
    )


class SqliteSessions(_Repo):
    async def get(self, person_id: int) -> Session | None:
        row = await self._one(
            "SELECT flow, step, data, offered, last_choice, last_choice_at, updated_at FROM sessions"
            " WHERE person_id = ?",
            (person_id,),
        )
        if row is None:
            return None
        return Session(
            person_id=person_id, flow=row["flow"], step=row["step"], data=json.loads(row["data"]),
            offered=tuple(Choice(key, label) for key, label in json.loads(row["offered"])),
            last_choice=row["last_choice"], last_choice_at=from_ts(row["last_choice_at"]),
            updated_at=_required_ts(row["updated_at"]),
        )

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

    async def delete(self, person_id: int) -> None:
        await self._change("DELETE FROM sessions WHERE person_id = ?", (person_id,))

    async def purge_idle(self, updated_before: datetime) -> int:
        return await self._change("DELETE FROM sessions WHERE updated_at < ?", (ts(updated_before),))


class SqliteInbox(_Repo):
    async def record(self, channel: str, event_id: str, at: datetime) -> bool:
        return bool(await self._change(
            "INSERT INTO inbox (channel, event_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (channel, event_id, ts(at)),
        ))

    async def purge(self, received_before: datetime) -> int:
        return await self._change("DELETE FROM inbox WHERE received_at < ?", (ts(received_before),))


def _outbox_item(row: aiosqlite.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"], person_id=row["person_id"], channel=row["channel"], chat_id=row["chat_id"],
        payload=json.loads(row["payload"]), attempts=row["attempts"],
    )


class SqliteOutbox(_Repo):
    async def add(
        self, person_id: int | None, channel: str, chat_id: str, reply: Reply, *, priority: int,
        key: str, at: datetime,
    ) -> int | None:
        async with self._db.execute(
            "INSERT INTO outbox (person_id, channel, chat_id, payload, priority, not_before, idempotency_key,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING",
            (person_id, channel, chat_id, json.dumps(reply.to_json(), ensure_ascii=False), priority, ts(at),
             key, ts(at)),
        ) as cursor:
            return cursor.lastrowid if cursor.rowcount else None

    async def get(self, ids: tuple[int, ...]) -> list[OutboxItem]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = await self._all(
            f"SELECT id, person_id, channel, chat_id, payload, attempts FROM outbox WHERE id IN ({marks})"  # noqa: S608
            " ORDER BY id",
            ids,
        )
        return [_outbox_item(row) for row in rows]

    async def pending(self, due_by: datetime, limit: int) -> list[OutboxItem]:
        rows = await self._all(
            "SELECT id, person_id, channel, chat_id, payload, attempts FROM outbox WHERE not_before <= ?"
            " ORDER BY priority, not_before, id LIMIT ?",
            (ts(due_by), limit),
        )
        return [_outbox_item(row) for row in rows]

    async def done(self, ids: list[int]) -> None:
        if ids:
            marks = ",".join("?" * len(ids))
            await self._change(f"DELETE FROM outbox WHERE id IN ({marks})", tuple(ids))  # noqa: S608

    async def failed(self, item_id: int, retry_at: datetime) -> None:
        await self._change(
            "UPDATE outbox SET attempts = attempts + 1, not_before = ? WHERE id = ?", (ts(retry_at), item_id)
        )


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
