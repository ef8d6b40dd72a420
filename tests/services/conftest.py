"""Two rigs. `world`, for the use cases alone: a real SQLite file through the store, a fixed clock
reading, the real catalogs and site list; no router, no channel; a use case is called with a unit of
work as a handler would. `rig` (tests/rig.py), for the features as a person meets them: the core, a
recording channel and the sender."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config import PROJECT_ROOT
from bot.i18n import Catalogs
from bot.services.context import Context
from bot.store.records import Person
from bot.store.sqlite import SqliteStore
from tests.rig import rig

# 06:00 in Hà Nội on Monday 23/11/2026.
START = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)
POINT = "hcm-pham-ngu-lao-point"  # a counseling point of the shipped site list


@dataclass
class World:
    store: SqliteStore
    catalogs: Catalogs
    now: datetime = START

    def context(self) -> Context:
        return Context(self.catalogs, self.now)

    def later(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    async def person(self, user: str, role: str = "person", point: str | None = None) -> Person:
        async with self.store.unit_of_work() as uow:
            person = await uow.people.add(Person(channel="test", user_id=user, chat_id=user, alias=f"Sông {user}",
                                                 locale="vi", created_at=self.now, last_seen_at=self.now,
                                                 role=role, onboarded=True, consent_at=self.now))
            assert person.id is not None
            if role != "person":
                await uow.staff.join(person.id, role, point, self.now)
            await uow.commit()
        return person

    async def outbox(self) -> list[dict[str, object]]:
        return (await self.store.table_rows())["outbox"]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    store = SqliteStore(tmp_path / "services.sqlite3")
    await store.open()
    yield World(store, Catalogs(PROJECT_ROOT / "content" / "locales", ZoneInfo("Asia/Ho_Chi_Minh")))
    await store.close()


__all__ = ["POINT", "START", "World", "rig", "world"]
