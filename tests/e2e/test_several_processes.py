"""Two bots as `diemtuvan run` runs them (bot/app.py: Running) on one PostgreSQL schema, in one test
process for speed (each with its own store, pool and leader connection, as two processes have): the
second never polls, and in webhook mode a question taken by the one that does not lead is answered by
the one that does."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from bot.app import Running
from bot.channels.base import StartupFailed
from tests.conftest import free_port, make_settings
from tests.fakes.telegram_api import FakeTelegram

SECRET = "several-secret_0123456789"
PERSON = 5301


def settings(tmp_path: Path, name: str, fake: FakeTelegram, url: str, **more: str) -> Running:
    env = {"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_BASE_URL": fake.base_url, "DATABASE_URL": url, **more}
    return Running(make_settings(tmp_path / name, **env))


async def test_a_second_process_refuses_to_poll_the_same_bot(tmp_path: Path, fake_telegram: FakeTelegram,
                                                             postgres_url: str) -> None:
    first = settings(tmp_path, "a", fake_telegram, postgres_url)
    await first.start()
    try:
        second = settings(tmp_path, "b", fake_telegram, postgres_url)
        with pytest.raises(StartupFailed, match=r"another process already polls Telegram for this bot on this "
                                                r"database.*TELEGRAM_MODE=webhook"):
            await second.start()
        assert second.bot is None  # stopped in order
    finally:
        await first.stop()
    third = settings(tmp_path, "c", fake_telegram, postgres_url)  # the first is gone: polling is free
    await third.start()
    await third.stop()


async def test_a_question_taken_by_a_process_that_does_not_lead_is_answered_by_the_leader(
        tmp_path: Path, fake_telegram: FakeTelegram, postgres_url: str) -> None:
    ports = [free_port(), free_port()]
    health = free_port()
    bots = [settings(tmp_path, f"p{n}", fake_telegram, postgres_url, TELEGRAM_MODE="webhook",
                     TELEGRAM_WEBHOOK_URL="https://bot.example.org/telegram", TELEGRAM_WEBHOOK_SECRET=SECRET,
                     TELEGRAM_WEBHOOK_PORT=str(port), **({"HEALTH_PORT": str(health)} if n else {}))
            for n, port in enumerate(ports)]
    for bot in bots:
        await bot.start()
    try:
        leader, follower = bots
        assert leader.cluster.leading and not follower.cluster.leading
        assert follower.bot is not None and not follower.bot.core.sends
        async with httpx.AsyncClient(timeout=10) as client:
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            update = fake_telegram.text_update(PERSON, "/start")
            answer = await client.post(f"http://127.0.0.1:{ports[1]}/telegram", json=update, headers=headers)
            assert answer.status_code == 200
            sent = await fake_telegram.wait_sent(PERSON, 1)
            # The follower does not tick reminders, and is ready all the same.
            ready = await client.get(f"http://127.0.0.1:{health}/readyz")
            assert ready.status_code == 200, ready.text
            assert ready.json()["checks"]["reminder_tick"] == {"ok": True, "leader": False}
        assert sent[0]["text"]
        assert follower.bot.core.stats.replies["telegram"] == 0  # not sent by the follower
        assert leader.bot is not None
        await asyncio.sleep(0.2)
        assert leader.bot.core.stats.replies["telegram"] >= 1
    finally:
        for bot in reversed(bots):
            await bot.stop()
