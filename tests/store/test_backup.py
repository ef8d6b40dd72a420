"""`diemtuvan db backup PATH` on a file the bot is writing: the copy is one consistent snapshot (every
row committed before it began, and a prefix of what came after), opens, passes integrity_check, is
private like the original, and never overwrites a file; on PostgreSQL the command names pg_dump. And the
outbox backlog the operator's readiness reads."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.__main__ import _db_backup
from bot.config import Settings
from bot.messages import Reply
from bot.store.base import Store
from bot.store.records import OutboxItem
from bot.store.sqlite import SqliteStore

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
HANG_GUARD_S = 120


async def _backup_command(tmp_path: Path, database: Path, target: Path) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "DATABASE_", "DATA_DIR"))}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "db", "backup", str(target), cwd=tmp_path,
        env={**env, "DATABASE_URL": f"sqlite:///{database}"},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), HANG_GUARD_S)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_a_backup_taken_while_the_bot_writes_is_a_consistent_private_copy(tmp_path: Path) -> None:
    database = tmp_path / "data" / "bot.sqlite3"
    database.parent.mkdir(mode=0o700)
    store = SqliteStore(database)
    await store.open()
    committed = 0
    writing = True

    async def write() -> None:
        nonlocal committed
        while writing:
            async with store.unit_of_work() as uow:  # a count and the event's row, one transaction (as a turn)
                await uow.tally.add(None, "question.methadone", NOW)
                await uow.inbox.record("telegram", f"e{committed + 1}", NOW, chat_id="1",
                                       replies=(Reply("x" * 200),))
                await uow.commit()
            committed += 1
            await asyncio.sleep(0)

    try:
        for _ in range(500):  # something to copy before the writer starts
            async with store.unit_of_work() as uow:
                await uow.tally.add(None, "first_contact.self", NOW)
                await uow.commit()
        writer = asyncio.create_task(write())
        await asyncio.sleep(0.05)
        before = committed
        target = tmp_path / "backups" / "copy.sqlite3"
        target.parent.mkdir()
        code, out, err = await _backup_command(tmp_path, database, target)
        after = committed
        writing = False
        await writer
    finally:
        await store.close()
    assert code == 0, err
    assert "checked" in out and str(target) in out
    assert after > before > 0  # the bot wrote all along

    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["copy.sqlite3"]  # no -wal, no partial file left
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        events = [row[0] for row in copy.execute("SELECT event_id FROM inbox ORDER BY id")]
        counted = copy.execute("SELECT COALESCE(SUM(n), 0) FROM tally WHERE what = 'question.methadone'").fetchone()
        first = copy.execute("SELECT COALESCE(SUM(n), 0) FROM tally WHERE what = 'first_contact.self'").fetchone()
    finally:
        copy.close()
    # One snapshot: the events are exactly the first k, each with its tally row (same transaction).
    assert before <= len(events) <= after
    assert events == [f"e{n}" for n in range(1, len(events) + 1)]
    assert counted[0] == len(events) and first[0] == 500

    # The copy is a database the bot opens.
    restored = SqliteStore(target)
    await restored.open()
    try:
        assert len((await restored.table_rows())["inbox"]) == len(events)
    finally:
        await restored.close()

    # A second backup to the same name is refused, and the first copy is untouched.
    size = target.stat().st_size
    code, _, err = await _backup_command(tmp_path, database, target)
    assert code == 3 and "already exists" in err and target.stat().st_size == size


def test_a_backup_of_a_missing_file_says_so_and_writes_nothing(tmp_path: Path) -> None:
    code, _, err = asyncio.run(_backup_command(tmp_path, tmp_path / "nothing.sqlite3", tmp_path / "copy.sqlite3"))
    assert code == 3 and "no database file" in err
    assert not (tmp_path / "nothing.sqlite3").exists() and list(tmp_path.iterdir()) == []


def test_on_postgresql_the_backup_command_points_at_pg_dump(tmp_path: Path, capsys: object) -> None:
    settings = Settings.model_validate({"database_url": "postgresql://postgres@127.0.0.1:5432/test",
                                        "data_dir": str(tmp_path)})
    assert _db_backup(settings, tmp_path / "x.dump") == 1
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "pg_dump --format=custom" in err and "deploy/README.md" in err
    assert list(tmp_path.iterdir()) == []


async def test_the_backlog_counts_due_unsent_messages_and_the_oldest(store: Store) -> None:
    async with store.unit_of_work() as uow:
        await uow.outbox.add_many([
            OutboxItem("due-old", None, "telegram", "1", 3, Reply("x"), NOW - timedelta(minutes=7)),
            OutboxItem("due-retrying", None, "telegram", "2", 0, Reply("x"), NOW - timedelta(minutes=1)),
            OutboxItem("sent", None, "telegram", "3", 0, Reply("x"), NOW - timedelta(hours=1)),
            OutboxItem("tomorrow", None, "telegram", "4", 2, Reply("x"), NOW + timedelta(days=1)),
        ])
        await uow.commit()
    async with store.unit_of_work() as uow:
        rows = {r["key"]: r["id"] for r in (await store.table_rows())["outbox"]}
        await uow.outbox.retry(rows["due-retrying"], NOW + timedelta(minutes=5))
        await uow.outbox.finish(rows["sent"], "sent", NOW)
        await uow.commit()
    async with store.reading() as uow:
        assert await uow.outbox.backlog(NOW) == (2, NOW - timedelta(minutes=7))
        assert await uow.outbox.backlog(NOW - timedelta(days=1)) == (0, None)
