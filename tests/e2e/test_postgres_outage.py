"""PostgreSQL lost while the bot runs: a message that comes meanwhile gets no half-done answer, stays
with Telegram, and is answered once, when the server is reachable again (a relay between the bot and
the real server cuts every connection; tests/fakes/tcp_proxy.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.clock import FakeClock
from tests.conftest import TelegramHarness
from tests.e2e.conftest import Chat, onboard
from tests.fakes.tcp_proxy import TcpProxy
from tests.fakes.telegram_api import FakeTelegram

PERSON = 5001


@pytest.fixture
async def proxy(postgres_url: str) -> AsyncIterator[TcpProxy]:
    parts = urlsplit(postgres_url)
    relay = await TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432).start()
    yield relay
    await relay.stop()


async def test_a_message_during_an_outage_is_answered_once_when_the_server_returns(
        fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock, postgres_url: str, proxy: TcpProxy) -> None:
    parts = urlsplit(postgres_url)
    through_relay = postgres_url.replace(f"{parts.hostname}:{parts.port}", f"127.0.0.1:{proxy.port}", 1)
    harness = TelegramHarness(fake_telegram, tmp_path, clock, DATABASE_URL=through_relay)
    await harness.start()
    try:
        chat = Chat(harness, PERSON)
        await onboard(chat)
        before = chat.sent_count()

        proxy.cut()
        update = fake_telegram.text_update(PERSON, "methadone là gì")
        await fake_telegram.push(update)
        update_id = str(update["update_id"])
        await harness.wait_handled(update_id)  # tried once, and nothing could be stored
        assert chat.sent_count() == before  # no answer from a turn that could not be stored

        proxy.restore()
        await harness.wait_handled(update_id, times=2, timeout=30)  # Telegram delivered it again
        answers = fake_telegram.sent(PERSON)[before:]
        assert len(answers) == 1 and "methadone" in answers[0]["text"].lower()
        inbox = [r for r in (await harness.rows())["inbox"] if r["event_id"] == update_id]
        assert len(inbox) == 1  # stored once
    finally:
        await harness.stop()
