"""Another process reading the file (a backup, `diemtuvan stats`, a monitor) never costs the bot a write.

SQLite's locks are POSIX record locks: a process that closes any descriptor of the database file loses
all of them. If the store did that beside its open connections, an outside reader closing its own
connection would believe it was the last one, checkpoint and delete the -wal file the store is still
writing to, and everything the store wrote afterwards would be invisible to others and gone at restart.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.store.records import Person
from bot.store.sqlite import SqliteStore

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)

OUTSIDE = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT COUNT(*) FROM people").fetchone()[0])
db.close()
"""


def people_seen_from_outside(path: Path) -> int:
    """A separate process opens the file, counts and closes: what any other program sees."""
    done = subprocess.run([sys.executable, "-c", OUTSIDE, str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout)


def wal_exists(path: Path) -> bool:
    return Path(f"{path}-wal").exists()


async def add_person(store: SqliteStore, user: str) -> None:
    async with store.unit_of_work() as uow:
        await uow.people.add(Person("telegram", user, user, f"Mây {user}", "vi", NOW, NOW))
        await uow.commit()


async def test_writes_stay_visible_and_durable_while_other_processes_open_and_close_the_file(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = SqliteStore(path)
    await store.open()
    try:
        assert people_seen_from_outside(path) == 0  # an outside connection opened and closed beside ours
        for n in range(1, 4):
            await add_person(store, str(n))
            assert people_seen_from_outside(path) == n
        assert wal_exists(path)  # nobody deleted the log the store writes to
    finally:
        await store.close()
    reopened = SqliteStore(path)
    await reopened.open()
    try:
        async with reopened.unit_of_work() as uow:
            assert [await uow.people.get("telegram", str(n)) is not None for n in range(1, 4)] == [True] * 3
    finally:
        await reopened.close()
