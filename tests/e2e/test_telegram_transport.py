"""The transport edges: webhook secret, unreachable API, refused token."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest

from bot.channels.base import StartupFailed
from bot.clock import FakeClock
from tests.conftest import TelegramHarness, free_port
from tests.fakes.telegram_api import FakeTelegram

SECRET = "s3cret-token-for-tests_0123456789"


async def test_webhook_mode_refuses_a_wrong_secret_and_takes_the_right_one(
    fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock
) -> None:
    port = free_port()
    harness = TelegramHarness(fake_telegram, tmp_path, clock)
    await harness.start(mode="webhook", webhook_url="https://bot.example.org/telegram", webhook_secret=SECRET,
                        webhook_port=port)
    try:
        assert fake_telegram.webhook_url == "https://bot.example.org/telegram"
        assert fake_telegram.webhook_secret == SECRET
        url = f"http://127.0.0.1:{port}/telegram"
        update = fake_telegram.text_update(8001, "/start")
        async with httpx.AsyncClient() as client:
            wrong = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
            missing = await client.post(url, json=update)
            malformed = await client.post(url, content=b"{not json", headers={
                "X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"})
            assert (wrong.status_code, missing.status_code) == (403, 403)
            assert malformed.status_code == 400
            assert fake_telegram.sent(8001) == []
            right = await client.post(url, content=json.dumps(update), headers={
                "X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"})
            assert right.status_code == 200
            await harness.wait_handled(str(update["update_id"]))
            assert len(fake_telegram.sent(8001)) == 2
            # Telegram retries a webhook it thinks failed: the same update again does nothing.
            again = await client.post(url, content=json.dumps(update), headers={
                "X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"})
            assert again.status_code == 200
            await harness.wait_handled(str(update["update_id"]), times=2)
            assert len(fake_telegram.sent(8001)) == 2
    finally:
        await harness.stop()


async def test_an_unreachable_api_is_retried_and_logged_in_one_line(
    tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeTelegram()  # never started: nothing listens on its port
    fake.port = free_port()
    harness = TelegramHarness(fake, tmp_path, clock)
    with caplog.at_level(logging.WARNING), pytest.raises(StartupFailed, match="could not be reached after 3"):
        await harness.start(max_attempts=3)
    retries = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(retries) == 2
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in retries)
    await harness.bot.store.close()  # type: ignore[union-attr]


async def test_a_refused_token_stops_with_a_sentence(
    fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock
) -> None:
    harness = TelegramHarness(fake_telegram, tmp_path, clock)
    with pytest.raises(StartupFailed, match="refused by Telegram"):
        await harness.start(token="999999:ANOTHER-token-abcdefghijklmnopqrstuvw")
    await harness.bot.store.close()  # type: ignore[union-attr]


async def test_replies_go_as_json_bodies_with_the_keyboard_as_an_object(telegram: TelegramHarness) -> None:
    _greeting, language = await telegram.say(7001, "/start")
    sends = [c for c in telegram.fake.calls if c.method == "sendMessage"]
    assert sends and all(c.body == "json" for c in sends)
    assert language["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "lang:vi"
    assert "không phải công an" in sends[0].params["text"]  # UTF-8 in the body, read back whole
    async with httpx.AsyncClient() as client:  # and the fake refuses a body that is not a JSON object
        refused = await client.post(f"{telegram.fake.base_url}{telegram.fake.token}/sendMessage", content=b"[1",
                                    headers={"Content-Type": "application/json"})
    assert refused.status_code == 400
