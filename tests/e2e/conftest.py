"""Both platforms from one suite: a person's chat with the bot on Telegram or on Zalo, each against its
fake Bot API on 127.0.0.1, used by the scenarios that run on both (test_both_channels.py,
test_dialogs.py)."""


from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.clock import FakeClock
from bot.services.reminders import claim_due
from scheduler.sender import Sender
from tests.conftest import TelegramHarness, ZaloHarness
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo
from tests.pg import postgres_url  # noqa: F401 - a fixture


@dataclass
class Said:
    text: str
    options: list[str]  # button labels on Telegram, the numbered list's lines on Zalo


@dataclass
class Chat:
    """One person's chat with the bot on one platform."""

    harness: TelegramHarness | ZaloHarness
    user: int | str

    @property
    def name(self) -> str:
        return self.harness.channel_name

    async def say(self, text: str) -> list[Said]:
        if isinstance(self.harness, TelegramHarness):
            assert isinstance(self.user, int)
            return [_telegram(m) for m in await self.harness.say(self.user, text)]
        assert isinstance(self.user, str)
        return [_zalo(m) for m in await self.harness.say(self.user, text)]

    async def push_twice(self, text: str) -> None:
        """The same platform message delivered twice (a lost acknowledgement, a platform retry)."""
        h = self.harness
        if isinstance(h, TelegramHarness):
            assert isinstance(self.user, int)
            update: dict[str, Any] = h.fake.text_update(self.user, text)
            await h.send(update, self.user)
            await h.fake.replay(update)
            await h.wait_handled(str(update["update_id"]), times=2)
            return
        assert isinstance(self.user, str)
        update = h.fake.message_update(self.user, text)
        await h.send(update, self.user)
        await h.fake.push(update)
        await h.wait_handled(update["message"]["message_id"], times=2)

    async def press(self, key: str) -> list[Said]:
        """A button pressed (Telegram only: Zalo has none)."""
        assert isinstance(self.harness, TelegramHarness) and isinstance(self.user, int)
        return [_telegram(m) for m in await self.harness.press(self.user, key)]

    def sent_count(self) -> int:
        return len(self.harness.fake.sent(self.user))  # type: ignore[arg-type]

    def last(self) -> Said:
        """The last message the bot sent to this chat, however it was sent (a reply, the outbox)."""
        message = self.harness.fake.sent(self.user)[-1]  # type: ignore[arg-type]
        return _telegram(message) if isinstance(self.harness, TelegramHarness) else _zalo(message)

    async def latest(self) -> Said:
        """The last message the bot sent to this chat as the person reads it: on Zalo a message that
        could tell is kept behind a neutral line (docs/privacy.md), so they write "xem" to see it."""
        last = self.last()
        if isinstance(self.harness, ZaloHarness) and last.text.endswith("Nhắn “xem” để đọc."):
            return (await self.say("xem"))[-1]
        return last


async def make_counselor(chat: Chat, code: str, number: int, *lines: str) -> Chat:
    """Another chat on the same platform: a counselor of the shipped counseling point, by invite."""
    bot, clock = chat.harness.bot, chat.harness.clock
    assert bot is not None
    async with bot.store.unit_of_work() as uow:
        await uow.invites.add(code, "counselor", "hcm-pham-ngu-lao-point", clock.now(), clock.now() + timedelta(days=1))
        await uow.commit()
    counselor = Chat(chat.harness, 6000 + number if chat.name == "telegram" else f"c0ffee{number:010d}")
    for line in (f"/start {code}", "1", *lines):
        await counselor.say(line)
    return counselor


async def claim_at_seven_tomorrow(chat: Chat) -> None:
    """Move the clock to 07:01 tomorrow in Hà Nội (the harness starts at 08:00) and queue the reminders
    then due, as the scheduler would; sending them is the outbox sender's."""
    bot, clock = chat.harness.bot, chat.harness.clock
    assert bot is not None
    clock.advance(timedelta(days=1))
    local = clock.now().astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    clock.advance(timedelta(hours=7 - local.hour, minutes=1 - local.minute))
    await claim_due(bot.store, bot.catalogs, clock.now())


def outbox_sender(chat: Chat) -> Sender:
    """The real outbox sender on the harness's channels; its waits move the fake clock."""
    bot, clock = chat.harness.bot, chat.harness.clock
    assert bot is not None

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    return Sender(bot.store, clock, bot.core.channels(), offer=bot.core.offer, sleep=sleep, catalogs=bot.catalogs,
                  kept=bot.core.kept)


def _telegram(message: dict[str, Any]) -> Said:
    markup = message.get("reply_markup") or {}
    options = [b["text"] for row in markup.get("inline_keyboard", []) for b in row]
    options += [b["text"] for row in markup.get("keyboard", []) for b in row]
    return Said(message["text"], options)


def _zalo(message: dict[str, Any]) -> Said:
    assert "reply_markup" not in message
    assert len(message["text"]) <= 2000
    text = message["text"]
    options = re.findall(r"^\d+\. (.+)$", text, flags=re.MULTILINE)
    if options:  # the text without its numbered list, as Telegram shows it above the buttons
        text = text[:text.index("\n\n1. ")]
    return Said(text, options)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`chat` is each platform on SQLite; a module with ALSO_ON_POSTGRES = True runs on PostgreSQL too
    (the both-channel scenarios: the suite's time allows one such module)."""
    if "chat" in metafunc.fixturenames:
        params = ["telegram", "zalo"]
        if getattr(metafunc.module, "ALSO_ON_POSTGRES", False):
            params += ["telegram-postgres", "zalo-postgres"]
        metafunc.parametrize("chat", params, indirect=True)


@pytest.fixture
async def chat(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> AsyncIterator[Chat]:
    """A chat on one platform, with the bot on an SQLite file or on a PostgreSQL schema of its own."""
    harness: TelegramHarness | ZaloHarness
    platform, _, database = request.param.partition("-")
    env = {"DATABASE_URL": request.getfixturevalue("postgres_url")} if database == "postgres" else {}
    if platform == "telegram":
        fake_t = await FakeTelegram().start()
        harness = TelegramHarness(fake_t, tmp_path, clock, **env)
        user: int | str = 5001
    else:
        fake_z = await FakeZalo().start()
        harness = ZaloHarness(fake_z, tmp_path, clock, **env)
        user = "7f3a9c1d2e4b5a60"
    await harness.start()
    yield Chat(harness, user)
    await harness.stop()
    await harness.fake.stop()
    assert not harness.fake.rejected, harness.fake.rejected


async def onboard(chat: Chat) -> list[Said]:
    await chat.say("/start")
    await chat.say("1")
    await chat.say("toi la nguoi nha")
    return await chat.say("dong y")
