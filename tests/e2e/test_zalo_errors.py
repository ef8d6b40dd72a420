"""Zalo's documented error codes (docs/zalo.md, "Errors"), answered by the fake Zalo Bot API's fault
switch: each code means retry, unreachable, or give this message up, with a log line that says which.
A 403 is Zalo's internal server error, not a block: an outage marks nobody unreachable and loses no
reminder, and what waited goes when Zalo answers again. A 429 is the quota: Zalo pauses, the other
platforms do not, and a message is given up after a few refusals instead of retried all month."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.channels.base import (
    Capabilities,
    ChatUnreachable,
    DeliveryFailed,
    MessageRefused,
    QuotaExceeded,
)
from bot.channels.zalo import QUOTA_PAUSE_SECONDS, ZaloChannel
from bot.clock import FakeClock
from bot.messages import Reply
from bot.priorities import Priority
from bot.store.records import OutboxItem
from scheduler.sender import Sender
from tests.conftest import ZaloHarness
from tests.fakes.zalo_api import FakeZalo

USER = "a1b2c3d4e5f60718"


def fail(code: int, description: str, methods: tuple[str, ...] = ("sendMessage",)) -> Any:
    def fault(method: str, params: dict[str, Any]) -> tuple[int, str] | None:
        return (code, description) if method in methods else None
    return fault


@pytest.mark.parametrize(("code", "description", "raised", "logged"), [
    (400, "Bad request", MessageRefused, "bad request (400"),
    (401, "Unauthorized", DeliveryFailed, None),  # and the channel stops: see below
    (403, "Internal server error", DeliveryFailed, None),
    (408, "Request timeout", DeliveryFailed, None),
    (429, "Quota exceeded", QuotaExceeded, "quota exceeded (429"),
    (502, "Bad gateway", DeliveryFailed, None),
    (425, "The sticker is invalid", MessageRefused, "undocumented error (425"),
])
async def test_each_documented_code_means_retry_or_give_up(
    zalo: ZaloHarness, caplog: pytest.LogCaptureFixture, code: int, description: str,
    raised: type[Exception], logged: str | None,
) -> None:
    channel = zalo.channel
    assert isinstance(channel, ZaloChannel)
    zalo.fake.fault = fail(code, description)
    with caplog.at_level(logging.INFO), pytest.raises(raised) as caught:
        await channel.send(USER, Reply("Xin chào"))
    assert type(caught.value) is raised  # a retry is not an unreachable person, nor the reverse
    if code == 429:
        assert isinstance(caught.value, QuotaExceeded) and caught.value.retry_after == QUOTA_PAUSE_SECONDS
    if logged is not None:
        assert any(logged in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
    assert all("Xin chào" not in r.getMessage() for r in caplog.records)  # the text is never logged


async def test_a_404_is_an_unreachable_chat_only_while_getme_answers(zalo: ZaloHarness) -> None:
    channel = zalo.channel
    assert isinstance(channel, ZaloChannel)
    zalo.fake.fault = fail(404, "Not found")
    with pytest.raises(ChatUnreachable):
        await channel.send(USER, Reply("Xin chào"))
    zalo.fake.fault = fail(404, "Not found", ("sendMessage", "getMe"))  # the platform itself is lost
    with pytest.raises(DeliveryFailed):
        await channel.send(USER, Reply("Xin chào"))


@dataclass
class Recorder:
    """Another platform beside Zalo, that records what it is asked to send."""

    name: str = "other"
    capabilities: Capabilities = field(default_factory=lambda: Capabilities(False, False, 4096))
    sent: list[str] = field(default_factory=list)

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.sent.append(reply.text)


def sender_for(zalo: ZaloHarness, clock: FakeClock, other: Recorder | None = None) -> Sender:
    assert zalo.bot is not None and zalo.channel is not None

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    channels: dict[str, Any] = {"zalo": zalo.channel, **({"other": other} if other else {})}
    return Sender(zalo.bot.store, clock, channels, offer=zalo.bot.core.offer, sleep=sleep,
                  catalogs=zalo.bot.catalogs)


async def queue(zalo: ZaloHarness, *items: OutboxItem) -> None:
    assert zalo.bot is not None
    async with zalo.bot.store.unit_of_work() as uow:
        await uow.outbox.add_many(list(items))
        await uow.commit()


async def test_a_403_outage_marks_nobody_unreachable_and_what_waited_goes_when_zalo_answers(
    zalo: ZaloHarness, clock: FakeClock
) -> None:
    await zalo.say(USER, "/start")
    person_id = (await zalo.rows())["people"][0]["id"]
    sender = sender_for(zalo, clock)
    zalo.fake.fault = fail(403, "Internal server error", ("sendMessage", "getMe"))
    assert await zalo.say(USER, "methadone la gi") == []  # the reply waits
    await queue(zalo, OutboxItem(f"dose:{person_id}", person_id, "zalo", USER, Priority.DOSE,
                                 Reply("⏰ Nhắc nhẹ"), clock.now(), expires_at=clock.now() + timedelta(hours=1)))
    for _ in range(30):  # half a minute of outage, probed
        await sender.drain()
        clock.advance(timedelta(seconds=1))
    rows = await zalo.rows()
    assert [p["reachable"] for p in rows["people"]] == [1]
    assert [r["status"] for r in rows["outbox"]] == ["pending"]
    assert any(r["replies"] for r in rows["inbox"])
    zalo.fake.fault = None
    for _ in range(6):
        await sender.drain()
        clock.advance(timedelta(seconds=1))
    assert zalo.bot is not None
    await zalo.bot.core.wait_released()
    texts = [m["text"] for m in zalo.fake.sent(USER)]
    assert "⏰ Nhắc nhẹ" in texts and any("thuốc thay thế" in t for t in texts)
    rows = await zalo.rows()
    assert [r["status"] for r in rows["outbox"]] == ["sent"] and not any(r["replies"] for r in rows["inbox"])
    assert not zalo.fake.rejected


async def test_a_429_pauses_zalo_alone_and_gives_a_message_up_after_three_refusals(
    zalo: ZaloHarness, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    await zalo.say(USER, "/start")
    person_id = (await zalo.rows())["people"][0]["id"]
    other = Recorder()
    sender = sender_for(zalo, clock, other)
    zalo.fake.fault = fail(429, "Quota exceeded")
    await queue(zalo, OutboxItem("relay:1", person_id, "zalo", USER, Priority.REPLY, Reply("Tin nhắn"), clock.now()),
                OutboxItem("other:1", None, "other", "o1", Priority.ROUTINE, Reply("Khác"), clock.now()))
    start = clock.now()
    with caplog.at_level(logging.WARNING):
        await sender.drain()
        assert other.sent == ["Khác"] and clock.now() - start < timedelta(seconds=5)  # not held up by Zalo
        attempts = 1
        while attempts < 3:
            clock.advance(timedelta(seconds=60))
            await sender.drain()  # still paused: not tried every few seconds
            assert len(zalo.fake.faulted) == attempts
            clock.advance(timedelta(seconds=QUOTA_PAUSE_SECONDS))
            await sender.drain()
            attempts += 1
            assert len(zalo.fake.faulted) == attempts
    rows = await zalo.rows()
    relay = next(r for r in rows["outbox"] if r["key"] == "relay:1")
    assert (relay["status"], relay["note"], relay["reply"]) == ("dropped", "quota", None)
    assert [p["reachable"] for p in rows["people"]] == [1]
    assert any("dropped after 3 refusals" in r.getMessage() for r in caplog.records)
    # A reply to the person's own message: retried after the pause, then given up, not kept all month.
    zalo.fake.faulted.clear()
    assert await zalo.say(USER, "methadone la gi") == []
    assert zalo.bot is not None
    for _ in range(3):
        clock.advance(timedelta(seconds=QUOTA_PAUSE_SECONDS + 1))
        await zalo.bot.core.redeliver()
    assert len(zalo.fake.faulted) == 3
    assert not any(r["replies"] for r in (await zalo.rows())["inbox"])
    clock.advance(timedelta(days=1))
    assert await zalo.bot.core.redeliver() == 0


async def test_a_refused_poll_says_what_the_code_means_and_polls_again(
    zalo: ZaloHarness, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        zalo.fake.fault = fail(404, "Not found", ("getUpdates",))
        await zalo.fake.wait_faulted("getUpdates", 2)  # the first refusal is logged before the second poll
        zalo.fake.fault = fail(403, "Internal server error", ("getUpdates",))
        await zalo.fake.wait_faulted("getUpdates", 4)
        zalo.fake.fault = None
    messages = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "bot.channels.zalo"]
    assert (logging.ERROR, "zalo getUpdates refused: not found (404): check ZALO_API_BASE_URL and ZALO_BOT_TOKEN; "
            "polling again with backoff") in messages
    assert any(level == logging.WARNING and "internal server error (403)" in m for level, m in messages)
    assert (await zalo.say(USER, "/start"))  # polling goes on once Zalo answers


@pytest.mark.parametrize("method", ["getUpdates", "sendMessage"])
async def test_a_token_refused_while_running_stops_the_channel_with_a_sentence(zalo: ZaloHarness, method: str) -> None:
    channel = zalo.channel
    assert isinstance(channel, ZaloChannel)
    assert await zalo.say(USER, "/start")
    zalo.fake.fault = fail(401, "Unauthorized", (method,))
    if method == "sendMessage":
        with pytest.raises(DeliveryFailed):  # the message is kept for the restart, not dropped
            await channel.send(USER, Reply("…"))
    failure = await asyncio.wait_for(channel.wait_failed(), 10)
    assert str(failure).startswith("ZALO_BOT_TOKEN was refused by Zalo (401) while the bot was running")


async def test_a_bot_whose_zalo_token_is_refused_while_running_exits_non_zero_with_one_sentence(
    fake_zalo: FakeZalo, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "DATA_DIR", "ZALO_"))}
    env.update(ZALO_BOT_TOKEN=fake_zalo.token, ZALO_API_BASE_URL=fake_zalo.base_url, DATA_DIR=str(data),
               LOG_LEVEL="WARNING")
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", env=env, cwd=str(tmp_path),
                                                   stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    await fake_zalo.wait_calls("deleteWebhook", 1, timeout=60)  # about to poll
    fake_zalo.fault = fail(401, "Unauthorized", ("getUpdates",))
    assert await asyncio.wait_for(process.wait(), 30) == 2
    assert process.stderr is not None
    stderr = (await process.stderr.read()).decode()
    assert "Traceback" not in stderr
    assert [line for line in stderr.splitlines() if line.startswith("diemtuvan:")] == [
        "diemtuvan: ZALO_BOT_TOKEN was refused by Zalo (401) while the bot was running, so it was revoked or "
        "replaced: put the current token from the Zalo Bot Manager in ZALO_BOT_TOKEN and start the bot again"]
