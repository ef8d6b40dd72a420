"""Moving a province: every row of an SQLite database into an empty PostgreSQL one.

Both are first brought to this program's schema, so their tables and columns are the same. The rows
go in one PostgreSQL transaction, parents before children (the foreign keys say which), with their
ids as they were; it commits only when every table's count in PostgreSQL equals the count read from
SQLite, so a copy is whole or not there at all. Then each id sequence is moved past the highest id, so
the bot started on the copy adds rows after the copied ones. The bot should be stopped meanwhile: what
it wrote after the copy began would not be in it.
"""

from __future__ import annotations

from typing import Any

from bot.store import is_postgres_url
from bot.store.base import DatabaseUnusable
from bot.store.sqlite import SqliteStore

SKIPPED = {"schema_migrations", "sqlite_sequence"}  # each database keeps its own record of migrations


class CopyRefused(DatabaseUnusable):
    """The copy cannot be made as asked (the target is not empty, the counts differ); one sentence."""


def _sqlite_path(url: str) -> str:
    for prefix in ("sqlite+aiosqlite:///", "sqlite:///"):
        if url.startswith(prefix):
            return url[len(prefix):]
    if "://" in url:
        raise CopyRefused(f"the source {url.split('://')[0]}:// is not an SQLite database; write it as "
                          "sqlite:///path/to/file.sqlite3")
    return url


def _order(tables: list[str], parents: dict[str, set[str]]) -> list[str]:
    """Tables with every table they refer to before them."""
    ordered: list[str] = []
    left = sorted(tables)
    while left:
        ready = [t for t in left if not (parents.get(t, set()) - {t}) - set(ordered)]
        if not ready:
            raise CopyRefused(f"the foreign keys of {', '.join(left)} form a cycle; the copy cannot order them")
        ordered.extend(ready)
        left = [t for t in left if t not in ready]
    return ordered


async def copy_database(source_url: str, target_url: str) -> dict[str, int]:
    """Copy every table; returns the rows copied per table. Raises CopyRefused (nothing is written)
    when the target already holds rows or a count differs."""
    from bot.store.postgres import PostgresStore

    if not is_postgres_url(target_url):
        raise CopyRefused("the target of a copy must be a PostgreSQL URL, e.g. postgresql://user@host:5432/name")
    source = SqliteStore(_sqlite_path(source_url))
    target = PostgresStore(target_url)
    await source.open()
    try:
        await target.open()
        try:
            return await _copy(source, target)
        finally:
            await target.close()
    finally:
        await source.close()


async def _copy(source: SqliteStore, target: Any) -> dict[str, int]:
    db = source.db
    names = [r[0] for r in await db.execute_fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    tables = [n for n in names if n not in SKIPPED]
    async with target.pool.connection() as conn:
        cursor = await conn.execute(
            "SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c"
            " JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema()")
        parents: dict[str, set[str]] = {}
        for row in await cursor.fetchall():
            parents.setdefault(row["child"].split(".")[-1], set()).add(row["parent"].split(".")[-1])
        known = set(await target.tables())
        missing = [t for t in tables if t not in known]
        if missing:
            raise CopyRefused(f"the target has no table {', '.join(missing)}; is it this program's schema?")
        for table in tables:
            cursor = await conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}") AS full')  # noqa: S608
            row = await cursor.fetchone()
            if row and row["full"]:
                raise CopyRefused(f"the target database already has rows in {table}; copy into an empty database")
        counts: dict[str, int] = {}
        await db.execute("BEGIN")  # one consistent picture of the source
        try:
            async with conn.transaction():
                for table in _order(tables, parents):
                    columns = [r[1] for r in await db.execute_fetchall(f'PRAGMA table_info("{table}")')]
                    quoted = ", ".join(f'"{c}"' for c in columns)
                    n = 0
                    select = f'SELECT {quoted} FROM "{table}"'  # noqa: S608 - names from the schema
                    async with conn.cursor().copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy, \
                            db.execute(select) as rows:
                        async for row in rows:
                            await copy.write_row(tuple(row))
                            n += 1
                    cursor = await conn.execute(f'SELECT COUNT(*) AS n FROM "{table}"')  # noqa: S608
                    copied = (await cursor.fetchone())["n"]
                    if copied != n:
                        raise CopyRefused(f"{table}: {n} rows read but {copied} in the target; nothing was copied")
                    counts[table] = n
                    if "id" in columns:
                        await conn.execute(
                            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"  # noqa: S608
                            f' COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)')
        finally:
            await db.execute("ROLLBACK")
    return counts
