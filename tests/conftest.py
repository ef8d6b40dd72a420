"""Shared fixtures: a real SQLite file per test, a fake clock, and the whole Telegram stack (real
python-telegram-bot Application, real httpx) against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import Bot, build, readers
from bot.channels.telegram import TelegramChannel, TelegramSettings
from bot.channels.zalo import ZaloChannel, ZaloSettings
from bot.clock import FakeClock
from bot.config import Settings, load_settings
from bot.messages import Incoming, Outcome
from bot.services.budget import MessageBudget
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pytest_sessionstart(session: pytest.Session) -> None:
    """One folder of learned weights for the whole run, filled here once, before any test module is
    imported: the readers learned with it are kept in this process, and every bot process a test starts
    (they inherit the environment) reads the kept weights instead of spending half a minute learning them.
    The folder is pytest's cache when it is on, so a later run on an unchanged checkout learns nothing."""
    if "MODEL_CACHE_DIR" not in os.environ:
        cache = session.config.cache if hasattr(session.config, "cache") else None
        if cache is not None:
            folder = cache.mkdir("models")
        else:
            folder = Path(tempfile.mkdtemp(prefix="diemtuvan-models-"))
            session.config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        os.environ["MODEL_CACHE_DIR"] = str(folder)
    readers(make_settings(Path(tempfile.gettempdir()) / "diemtuvan-warm"))


def make_settings(tmp_path: Path, **env: str) -> Settings:
    values = {"DATA_DIR": str(tmp_path / "data"), **env}
    if "MODEL_CACHE_DIR" in os.environ:
        values.setdefault("MODEL_CACHE_DIR", os.environ["MODEL_CACHE_DIR"])
    return load_settings(values, env_file=None)


class BotHarness:
    """The bot as it runs in production, minus the real platform: drive it by pushing updates to a fake
    API server, and read what it sent there."""

    channel_name = ""

    def __init__(self, tmp_path: Path, clock: FakeClock, settings: Settings) -> None:
        self.clock = clock
        self.settings = settings
        self.bot: Bot | None = None
        self.channel: TelegramChannel | ZaloChannel | None = None
        self.handled: list[str] = []
        self.outcomes: dict[str, Outcome] = {}
        self._changed = asyncio.Condition()

    def make_channel(self, bot: Bot, **options: Any) -> TelegramChannel | ZaloChannel:
        raise NotImplementedError

    async def start(self, **options: Any) -> BotHarness:
        self.bot = await build(self.settings, clock=self.clock)
        self.channel = self.make_channel(self.bot, **options)
        self.bot.core.attach(self.channel)
        await self.channel.start()
        return self

    async def stop(self) -> None:
        if self.channel is not None:
            await self.channel.stop()
        if self.bot is not None:
            await self.bot.core.close()
            await self.bot.store.close()

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's rows, once sent replies are marked (that is batched a moment after sending)."""
        assert self.bot is not None
        await self.bot.core.flush_acknowledged()
        return await self.bot.store.table_rows()

    async def _handle(self, incoming: Incoming) -> Outcome:
        assert self.bot is not None
        try:
            outcome = await self.bot.core.handle(incoming)
            self.outcomes[incoming.event_id] = outcome
            return outcome
        finally:
            async with self._changed:
                self.handled.append(incoming.event_id)
                self._changed.notify_all()

    async def _set_reachable(self, channel: str, user_id: str, reachable: bool) -> None:
        assert self.bot is not None
        try:
            await self.bot.core.set_reachable(channel, user_id, reachable)
        finally:
            async with self._changed:
                self.handled.append(f"member:{user_id}")
                self._changed.notify_all()

    async def wait_handled(self, event_id: str, times: int = 1, timeout: float = 10.0) -> None:
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self.handled.count(event_id) >= times)
        await asyncio.wait_for(reached(), timeout)


class TelegramHarness(BotHarness):
    channel_name = "telegram"

    def __init__(self, fake: FakeTelegram, tmp_path: Path, clock: FakeClock, **env: str) -> None:
        super().__init__(tmp_path, clock, make_settings(
            tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url, **env))
        self.fake = fake

    def make_channel(self, bot: Bot, **telegram: Any) -> TelegramChannel:
        options = {"token": self.fake.token, "base_url": self.fake.base_url, "retry_base_seconds": 0.01,
                   "poll_timeout_seconds": 1, **telegram}
        return TelegramChannel(TelegramSettings(**options), self._handle, self._set_reachable)

    async def send(self, update: dict[str, Any], user_id: int) -> list[dict[str, Any]]:
        """Push one update, wait until the bot has handled it, return the messages it sent for it."""
        self.clock.advance(timedelta(seconds=30))
        before = len(self.fake.sent(user_id))
        await self.fake.push(update)
        await self.wait_handled(str(update["update_id"]))
        return self.fake.sent(user_id)[before:]

    async def say(self, user_id: int, text: str, language: str = "vi") -> list[dict[str, Any]]:
        return await self.send(self.fake.text_update(user_id, text, language), user_id)

    async def press(self, user_id: int, data: str) -> list[dict[str, Any]]:
        return await self.send(self.fake.button_update(user_id, data), user_id)


class ZaloHarness(BotHarness):
    channel_name = "zalo"

    def __init__(self, fake: FakeZalo, tmp_path: Path, clock: FakeClock, **env: str) -> None:
        super().__init__(tmp_path, clock, make_settings(
            tmp_path, ZALO_BOT_TOKEN=fake.token, ZALO_API_BASE_URL=fake.base_url, **env))
        self.fake = fake
        self.budget: MessageBudget | None = None

    def make_channel(self, bot: Bot, **zalo: Any) -> ZaloChannel:
        options = {"token": self.fake.token, "base_url": self.fake.base_url, "retry_base_seconds": 0.01,
                   "poll_timeout_seconds": 1, **zalo}
        self.budget = MessageBudget(bot.store, self.clock, "zalo", self.settings.zalo_monthly_message_budget,
                                    self.settings.timezone)
        return ZaloChannel(ZaloSettings(**options), self._handle, self._set_reachable, self.budget.record)

    async def send(self, update: dict[str, Any], user_id: str) -> list[dict[str, Any]]:
        self.clock.advance(timedelta(seconds=30))
        before = len(self.fake.sent(user_id))
        await self.fake.push(update)
        await self.wait_handled(update["message"]["message_id"])
        return self.fake.sent(user_id)[before:]

    async def say(self, user_id: str, text: str) -> list[dict[str, Any]]:
        return await self.send(self.fake.message_update(user_id, text), user_id)


def buttons(message: dict[str, Any]) -> list[str]:
    """The callback_data of a sent message's inline keyboard."""
    markup = message.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    fake = await FakeTelegram().start()
    yield fake
    await fake.stop()


@pytest.fixture
async def telegram(fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock) -> AsyncIterator[TelegramHarness]:
    harness = await TelegramHarness(fake_telegram, tmp_path, clock).start()
    assert isinstance(harness, TelegramHarness)
    yield harness
    await harness.stop()


@pytest.fixture
async def fake_zalo() -> AsyncIterator[FakeZalo]:
    fake = await FakeZalo().start()
    yield fake
    await fake.stop()


@pytest.fixture
async def zalo(fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock) -> AsyncIterator[ZaloHarness]:
    harness = await ZaloHarness(fake_zalo, tmp_path, clock).start()
    assert isinstance(harness, ZaloHarness)
    yield harness
    await harness.stop()


@pytest.fixture
async def bot(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Bot]:
    """The core on a real SQLite file with no channel: replies are returned, not sent."""
    instance = await build(make_settings(tmp_path), clock=clock, store_path=tmp_path / "core.sqlite3", deliver=False)
    yield instance
    await instance.store.close()
