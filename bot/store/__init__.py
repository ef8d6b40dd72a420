"""Storage: the only package that writes SQL. Services see repositories inside a unit of work."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from bot.store.base import Store, UnitOfWork
from bot.store.sqlite import DEFAULT_TIMEZONE, SqliteStore

__all__ = ["SqliteStore", "Store", "UnitOfWork", "is_postgres_url", "make_store"]


def is_postgres_url(url: str | Path | None) -> bool:
    return str(url or "").startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def make_store(where: str | Path, timezone: ZoneInfo = DEFAULT_TIMEZONE) -> Store:
    """The store for a PostgreSQL URL or an SQLite file (not yet open). psycopg is imported only when
    PostgreSQL is used."""
    if is_postgres_url(where):
        from bot.store.postgres import PostgresStore

        return PostgresStore(str(where), timezone=timezone)
    return SqliteStore(where, timezone=timezone)
