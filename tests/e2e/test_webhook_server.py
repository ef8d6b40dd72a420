"""What a client may cost the webhook server: slow, silent or oversized clients are cut off and cost
nothing lasting, a crowd of them does not keep a platform's request out, and a fault that repeats is
logged once per interval, not once each time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.channels.telegram import TelegramChannel
from bot.clock import FakeClock
from bot.web import Limits, Throttle, ThrottledLog, WebServer
from tests.conftest import TelegramHarness, free_port
from tests.fakes.telegram_api import FakeTelegram

SECRET = "s3cret-token-for-tests_0123456789"
LIMITS = Limits(max_body=65_536, header_seconds=1.0, body_seconds=1.0, max_connections=10)


@pytest.fixture
async def webhook(fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock) -> AsyncIterator[TelegramHarness]:
    harness = TelegramHarness(fake_telegram, tmp_path, clock)
    await harness.start(mode="webhook", webhook_url="https://bot.example.org/telegram", webhook_secret=SECRET,
                        webhook_port=free_port(), webhook_limits=LIMITS)
    yield harness
    await harness.stop()


def server(harness: TelegramHarness) -> WebServer:
    assert isinstance(harness.channel, TelegramChannel) and harness.channel.web is not None
    return harness.channel.web


def url(harness: TelegramHarness, path: str = "/telegram") -> str:
    return f"http://127.0.0.1:{server(harness).port}{path}"


async def test_slow_clients_do_not_keep_a_platform_request_out_and_are_closed(
    webhook: TelegramHarness, caplog: pytest.LogCaptureFixture
) -> None:
    port = server(webhook).port
    slow: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    with caplog.at_level(logging.WARNING, logger="bot.web"):
        for n in range(50):  # five times the cap: half say nothing, half start a request and stall
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if n % 2:
                writer.write(b"POST /telegram HTTP/1.1\r\nHost: x\r\n")
                await writer.drain()
            slow.append((reader, writer))
        update = webhook.fake.text_update(8101, "/start")
        async with httpx.AsyncClient() as client:
            answer = await client.post(url(webhook), json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
                                       timeout=5)
        assert answer.status_code == 200
        await webhook.wait_handled(str(update["update_id"]))
        assert webhook.fake.sent(8101)
        # Every slow client is closed: at once to make room, or by the header timeout.
        for reader, writer in slow:
            assert await asyncio.wait_for(reader.read(), 5) in (b"", b"HTTP/1.1 400 Bad Request\r\n\r\n")
            writer.close()
        assert server(webhook).connections <= LIMITS.max_connections
    evictions = [r for r in caplog.records if "oldest idle one closed" in r.getMessage()]
    assert len(evictions) == 1  # forty evictions, one line


async def test_a_body_over_the_limit_is_refused_unread(webhook: TelegramHarness) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", server(webhook).port)
    writer.write(b"POST /telegram HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n")  # over 64 KB
    await writer.drain()
    assert (await asyncio.wait_for(reader.read(), 5)).startswith(b"HTTP/1.1 400 ")
    writer.close()
    async with httpx.AsyncClient() as client:
        assert (await client.get(url(webhook, "/healthz"))).status_code == 200


async def test_a_body_sent_too_slowly_is_cut_off(webhook: TelegramHarness) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", server(webhook).port)
    writer.write(b"POST /telegram HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{")
    await writer.drain()
    assert await asyncio.wait_for(reader.read(), 5) == b""  # closed by the body timeout, nothing answered
    writer.close()


def test_a_repeated_message_is_logged_once_per_interval(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    errors = ThrottledLog(logging.getLogger("bot.web"), interval=60.0, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="bot.web"):
        for second in range(180):  # three minutes, a thousand a second
            now[0] = float(second)
            for _ in range(1000):
                errors.warning("webhook %s: request without the right secret refused", "/telegram")
        errors.warning("another kind of fault")
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "webhook /telegram: request without the right secret refused",
        "webhook /telegram: request without the right secret refused (and 59999 more like it in the last 60 s)",
        "webhook /telegram: request without the right secret refused (and 59999 more like it in the last 60 s)",
        "another kind of fault",
    ]


def test_a_throttle_counts_what_it_held_back() -> None:
    now = [100.0]
    throttle = Throttle(interval=10.0, clock=lambda: now[0])
    assert throttle.allow("x") == 0
    assert throttle.allow("x") is None and throttle.allow("x") is None
    assert throttle.allow("y") == 0  # kinds are counted apart
    now[0] = 110.0
    assert throttle.allow("x") == 2
