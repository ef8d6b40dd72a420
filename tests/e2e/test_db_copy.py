"""Moving a province: `diemtuvan db copy` from the SQLite file to PostgreSQL, then the bot started on
the copy continues a conversation step and sends a reminder set before the move."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.__main__ import main
from bot.clock import FakeClock
from tests.conftest import TelegramHarness
from tests.e2e.conftest import Chat, claim_at_seven_tomorrow, onboard, outbox_sender
from tests.fakes.telegram_api import FakeTelegram


async def test_the_bot_started_on_the_copy_continues_a_step_and_a_reminder(
        tmp_path: Path, clock: FakeClock, postgres_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    fake = await FakeTelegram().start()
    try:
        on_sqlite = TelegramHarness(fake, tmp_path, clock)
        await on_sqlite.start()
        chat = Chat(on_sqlite, 5001)
        await onboard(chat)
        said = await chat.say("nhắc tôi 7h sáng mỗi ngày")
        assert "07:00" in said[0].text
        newcomer = Chat(on_sqlite, 5002)
        await newcomer.say("/start")
        await newcomer.say("english")  # a flow left open: "who is this for?" waits for its answer
        sqlite_rows = await on_sqlite.rows()
        await on_sqlite.stop()

        source = f"sqlite:///{on_sqlite.settings.sqlite_path}"
        assert await _cli(["db", "copy", source, postgres_url]) == 0
        out = capsys.readouterr().out
        assert f"people: {len(sqlite_rows['people'])} rows" in out and "every count matches" in out
        # A second copy into the same database is refused: nothing is copied twice.
        assert await _cli(["db", "copy", source, postgres_url]) == 3
        assert "already has rows" in capsys.readouterr().err

        on_postgres = TelegramHarness(fake, tmp_path, clock, DATABASE_URL=postgres_url)
        await on_postgres.start()
        try:
            moved = Chat(on_postgres, 5001)
            said = await Chat(on_postgres, 5002).say("family")  # asked on SQLite, answered on PostgreSQL
            assert "Do you agree?" in said[-1].text
            rows = await on_postgres.rows()
            for table in ("people", "reminders", "tally"):
                assert len(rows[table]) >= len(sqlite_rows[table]) > 0
            await claim_at_seven_tomorrow(moved)
            assert await outbox_sender(moved).drain() == 1
            assert "07:00" in (await moved.latest()).text
            # A new person gets an id after the copied ones (the sequences were moved past them).
            await Chat(on_postgres, 5003).say("/start")
            ids = sorted(row["id"] for row in (await on_postgres.rows())["people"])
            assert ids == [*sorted(row["id"] for row in sqlite_rows["people"]), max(ids)] and len(set(ids)) == 3
        finally:
            await on_postgres.stop()
    finally:
        await fake.stop()


async def _cli(argv: list[str]) -> int:
    """The command as an operator types it (it runs its own event loop, so it runs in a thread)."""
    import asyncio

    return await asyncio.to_thread(main, argv)
