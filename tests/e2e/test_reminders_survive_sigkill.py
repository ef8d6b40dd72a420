"""Nothing lost, and nothing twice but what was on its way: the bot process is killed with SIGKILL in
the middle of a reminder fan-out and started again; the fake Bot API's log shows every due reminder,
each once, except a message the platform had accepted whose answer the bot had not yet marked.

The kill happens while a sendMessage is in flight and before the platform accepts it (the fake kills
the process from inside that request and does not record it), so the restarted bot must send it.
The window this cannot cover, a kill after the platform accepted a message and before the bot marked
it sent, is about a millisecond per message; with several messages on their way at once
(SENDS_IN_FLIGHT) it can hold that many, and is documented (scheduler/sender.py).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.services.reminder_kinds.dose import DOSE, DailyAt
from bot.store.records import Person, Reminder
from bot.store.sqlite import SqliteStore
from scheduler.sender import SENDS_IN_FLIGHT
from tests.fakes.telegram_api import FakeTelegram

PEOPLE = 60
KILL_AT = 25


async def seed(path: Path) -> None:
    """PEOPLE people, each with a daily reminder that fell due a minute ago (real time: the bot process
    runs on the system clock)."""
    now = datetime.now(UTC)
    due = now - timedelta(minutes=1)
    local = due.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    rule = DailyAt(local.time().replace(second=0, microsecond=0)).to_rule()
    store = SqliteStore(path)
    await store.open()
    async with store.unit_of_work() as uow:
        for n in range(PEOPLE):
            person = Person("telegram", str(7000 + n), str(7000 + n), f"Bạn {n}", "vi", now, now, onboarded=True,
                            consent_at=now)
            await uow.people.add(person)
            assert person.id is not None
            await uow.reminders.add(Reminder(person.id, DOSE, rule, "Asia/Ho_Chi_Minh", now, next_at=due))
        await uow.commit()
    await store.close()


async def start_bot(fake: FakeTelegram, data: Path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "DATA_DIR", "ZALO_"))}
    env.update(TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url, DATA_DIR=str(data),
               OUTBOX_RATE_PER_SECOND="40", LOG_LEVEL="WARNING")
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", env=env, cwd=str(data.parent),
                                                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)


def reminders_sent(fake: FakeTelegram) -> Counter[int]:
    """The reminders themselves: each follows a neutral notifying line (docs/privacy.md), not counted."""
    return Counter(int(m["chat_id"]) for m in fake.sent() if m["text"].startswith("⏰"))


async def wait_until_nothing_pending(data: Path, timeout: float) -> None:
    """The bot is another process: its database file is the only thing to watch."""
    async def reached() -> None:
        while _pending(data):  # noqa: ASYNC110 - no event crosses the process boundary
            await asyncio.sleep(0.05)
    await asyncio.wait_for(reached(), timeout)


async def test_a_fan_out_killed_midway_sends_every_reminder_exactly_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    await seed(data / "diemtuvan.sqlite3")
    fake = await FakeTelegram().start()
    first: asyncio.subprocess.Process | None = None
    try:
        def kill_midway(method: str, params: dict[str, Any]) -> bool:
            reminder = method == "sendMessage" and str(params.get("text", "")).startswith("⏰")
            if reminder and sum(reminders_sent(fake).values()) == KILL_AT and first is not None:
                os.kill(first.pid, signal.SIGKILL)
                return True
            return False

        fake.intercept = kill_midway
        first = await start_bot(fake, data)
        assert await asyncio.wait_for(first.wait(), 60) == -signal.SIGKILL
        assert len(reminders_sent(fake)) == KILL_AT  # killed in the middle
        accepted_before_the_kill = set(reminders_sent(fake))

        fake.intercept = None
        second = await start_bot(fake, data)
        try:
            await fake.wait_calls("sendMessage", PEOPLE, timeout=60)
            # Let the sender find nothing more to do, then stop it the way an operator would.
            await wait_until_nothing_pending(data, 30)
        finally:
            second.send_signal(signal.SIGTERM)
            await asyncio.wait_for(second.wait(), 30)
        sent = reminders_sent(fake)
        assert set(sent) == {7000 + n for n in range(PEOPLE)}, "a reminder was lost"
        twice = {chat for chat, n in sent.items() if n > 1}
        # Only a message the platform took before the kill may go again, and no more than were on their way.
        assert twice <= accepted_before_the_kill, f"sent twice after the restart: {twice - accepted_before_the_kill}"
        assert len(twice) <= SENDS_IN_FLIGHT and max(sent.values()) <= 2, f"sent twice: {sorted(twice)}"
    finally:
        await fake.stop()


def _pending(data: Path) -> int:
    with sqlite3.connect(data / "diemtuvan.sqlite3") as db:
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return int(db.execute("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND due_at <= ?", (now,))
                   .fetchone()[0])
