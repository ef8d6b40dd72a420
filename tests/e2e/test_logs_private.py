"""What the log of the real process holds at LOG_LEVEL=DEBUG, after a conversation that gives a
phone number and a crisis message (which alerts a counselor on duty with the person's alias): none of
the texts, the phone number, the alias, the chat id or the bot token (the real `diemtuvan` process
against the fake Bot API on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from bot.store.records import Person
from bot.store.sqlite import SqliteStore
from tests.fakes.telegram_api import FakeTelegram

PERSON, COUNSELOR = 987650321, 987650999
PHONE = "0912 345 678"
LINES = ("/start", "1", "toi la nguoi nha", "dong y", f"so cua toi la {PHONE}, goi giup toi",
         "ban toi bat tinh roi, khong tho duoc")


async def seed_counselor_on_duty(path: Path) -> None:
    now = datetime.now(UTC)
    store = SqliteStore(path)
    await store.open()
    async with store.unit_of_work() as uow:
        counselor = await uow.people.add(Person("telegram", str(COUNSELOR), str(COUNSELOR), "Sông 5555", "vi", now,
                                                now, role="counselor", onboarded=True, consent_at=now))
        assert counselor.id is not None
        await uow.staff.join(counselor.id, "counselor", "hcm-pham-ngu-lao-point", now)
        await uow.staff.set_on_duty(counselor.id, True)
        await uow.commit()
    await store.close()


def alias_of(path: Path, user: int) -> str:
    """Read beside the running bot (WAL lets a reader in), without writing."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        row = db.execute("SELECT alias FROM people WHERE channel = 'telegram' AND channel_user_id = ?",
                         (str(user),)).fetchone()
    assert row is not None
    return str(row[0])


async def test_a_debug_log_holds_no_text_phone_alias_or_token(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    await seed_counselor_on_duty(data / "diemtuvan.sqlite3")
    fake = await FakeTelegram().start()
    log_path = tmp_path / "bot.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "DATA_DIR", "ZALO_"))}
    env.update(TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url, DATA_DIR=str(data),
               LOG_LEVEL="DEBUG")
    try:
        with log_path.open("wb") as log_file:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", env=env, cwd=tmp_path, stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL, stderr=log_file)
            try:
                for line in LINES:
                    before = len(fake.sent(PERSON))
                    await fake.push(fake.text_update(PERSON, line))
                    await fake.wait_sent(PERSON, before + 1, timeout=30)
                alias = alias_of(data / "diemtuvan.sqlite3", PERSON)
                told = 1  # the crisis alert names the alias (perhaps after a neutral line: wait for it)
                while not any(alias in m["text"] for m in await fake.wait_sent(COUNSELOR, told, timeout=30)):
                    told += 1
                process.send_signal(signal.SIGTERM)
                assert await asyncio.wait_for(process.wait(), 30) == 0
            finally:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
    finally:
        await fake.stop()

    log = log_path.read_text(encoding="utf-8")
    assert "handled channel=telegram" in log  # the log still says what happened
    secret = fake.token.split(":", 1)[1]
    forbidden = {"the token": fake.token, "the token's secret": secret, "the alias": alias,
                 "the phone": PHONE, "the phone's digits": PHONE.replace(" ", ""), "the chat id": str(PERSON),
                 **{f"the text {line!r}": line for line in LINES if len(line) > 3}}
    found = [name for name, value in forbidden.items() if value in log]
    assert not found, f"the log holds {found}"
