"""The store tests run on both stores: `store` is an SQLite file, then a PostgreSQL schema of its own."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store.base import Store
from bot.store.sqlite import SqliteStore
from tests.pg import postgres_url  # noqa: F401 - a fixture


@pytest.fixture(params=["sqlite", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    if request.param == "sqlite":
        instance: Store = SqliteStore(tmp_path / "store.sqlite3")
    else:
        from bot.store.postgres import PostgresStore

        instance = PostgresStore(request.getfixturevalue("postgres_url"))
    await instance.open()
    yield instance
    await instance.close()


@pytest.fixture(params=["sqlite", "postgres"])
async def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[tuple[Store, Store]]:
    """Two stores on one database, as two processes have: the same file, or the same schema."""
    stores: list[Store] = []
    for _ in range(2):
        if request.param == "sqlite":
            stores.append(SqliteStore(tmp_path / "store.sqlite3"))
        else:
            from bot.store.postgres import PostgresStore

            stores.append(PostgresStore(request.getfixturevalue("postgres_url")))
        await stores[-1].open()
    yield stores[0], stores[1]
    for instance in stores:
        await instance.close()
