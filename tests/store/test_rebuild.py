"""A large file is rebuilt after erasures in the quiet hour, not at once: at a million people the
rebuild holds the one writer for most of a minute. The debt outlives a restart, and a stop does not
pay it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.store.sqlite import SqliteStore

EVENING = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # 19:00 in Hà Nội
QUIET = datetime(2026, 11, 30, 20, 45, tzinfo=UTC)  # 03:45 the next morning in Hà Nội


async def test_a_large_file_waits_for_the_quiet_hour_and_a_restart_keeps_the_debt(tmp_path: Path) -> None:
    path = tmp_path / "large.sqlite3"
    store = SqliteStore(path)
    store.rebuilder.AT_ONCE_BYTES = 0  # every file counts as large
    store.rebuilder.now = lambda: EVENING
    await store.open()
    try:
        assert store.rebuilder.seconds_to_quiet() == 8.5 * 3600
        store.request_wipe()
        for _ in range(20):
            await asyncio.sleep(0)
            if store.rebuilder.owed_path.exists():
                break
        assert store.rebuilder.owed_path.exists()
        assert store.rebuilder.runs == 0
    finally:
        await store.close()  # a stop does not rebuild a large file
    assert store.rebuilder.runs == 0
    assert store.rebuilder.owed_path.exists()

    again = SqliteStore(path)
    again.rebuilder.AT_ONCE_BYTES = 0
    again.rebuilder.now = lambda: QUIET
    await again.open()  # the debt is read back, and the quiet hour pays it
    try:
        await asyncio.wait_for(again.wiped(), 30)
        assert again.rebuilder.runs == 1
        assert not again.rebuilder.owed_path.exists()
    finally:
        await again.close()


async def test_a_small_file_is_rebuilt_at_once_whatever_the_hour(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "small.sqlite3")
    store.rebuilder.now = lambda: EVENING
    await store.open()
    try:
        store.request_wipe()
        await asyncio.wait_for(store.wiped(), 30)
        assert store.rebuilder.runs == 1
        assert not store.rebuilder.owed_path.exists()
    finally:
        await store.close()
