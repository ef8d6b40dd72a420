"""The transport edges: webhook secret, unreachable API, a token refused at start or while running, an
update that cannot be stored."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import httpx
import pytest

from bot.channels.base import DeliveryFailed, StartupFailed
from bot.channels.telegram import TelegramChannel
from bot.clock import FakeClock
from bot.messages import Reply
from tests.conftest import TelegramHarness, free_port
from tests.e2e.test_telegram_crash import start_bot
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


async def test_a_token_revoked_while_running_stops_the_channel_with_a_sentence(telegram: TelegramHarness) -> None:
    await telegram.say(7002, "/start")
    telegram.fake.revoked = True  # Telegram answers 401 to everything from now on
    channel = telegram.channel
    assert isinstance(channel, TelegramChannel)
    failure = await asyncio.wait_for(channel.wait_failed(), 10)
    assert str(failure).startswith("TELEGRAM_BOT_TOKEN was refused by Telegram (401 Unauthorized) while")
    with pytest.raises(DeliveryFailed):  # a reply is kept for the restart, not dropped
        await channel.send("7002", Reply("…"))


async def test_a_bot_whose_token_is_revoked_exits_non_zero_with_one_sentence(tmp_path: Path) -> None:
    fake = await FakeTelegram().start()
    data = tmp_path / "data"
    data.mkdir()
    try:
        process = await start_bot(fake, data, 0)
        await fake.wait_calls("deleteWebhook", 1, timeout=60)  # about to poll
        fake.revoked = True
        assert await asyncio.wait_for(process.wait(), 30) == 2
    finally:
        await fake.stop()
    stderr = (tmp_path / "stderr-0.txt").read_text()
    assert "Traceback" not in stderr
    assert [line for line in stderr.splitlines() if "TELEGRAM_BOT_TOKEN" in line] == [
        "diemtuvan: TELEGRAM_BOT_TOKEN was refused by Telegram (401 Unauthorized) while the bot was running, so it "
        "was revoked or replaced: put the current token from @BotFather in TELEGRAM_BOT_TOKEN and start the bot again"]


async def test_a_polled_update_that_cannot_be_stored_stays_with_telegram_until_it_can(
    telegram: TelegramHarness,
) -> None:
    await telegram.say(7003, "/start")
    assert telegram.bot is not None
    db = telegram.bot.store.db
    await db.execute("PRAGMA query_only = ON")  # every write fails, as on a disk that refuses writes
    update = telegram.fake.text_update(7003, "methadone là gì")
    before = len(telegram.fake.sent(7003))
    await telegram.fake.push(update)
    await telegram.wait_handled(str(update["update_id"]))  # tried, and its turn failed at the write
    assert telegram.fake.unconfirmed == 1  # Telegram still holds it
    assert len(telegram.fake.sent(7003)) == before
    await db.execute("PRAGMA query_only = OFF")
    (answer,) = (await telegram.fake.wait_sent(7003, before + 1))[before:]  # fetched again, now stored
    assert "Methadone" in answer["text"]
    await telegram.fake.wait_for(lambda: telegram.fake.unconfirmed == 0)


async def test_a_webhook_update_that_cannot_be_stored_is_answered_503_and_taken_when_sent_again(
    fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock
) -> None:
    harness = TelegramHarness(fake_telegram, tmp_path, clock)
    await harness.start(mode="webhook", webhook_url="https://bot.example.org/telegram", webhook_secret=SECRET,
                        webhook_port=free_port())
    assert harness.bot is not None and isinstance(harness.channel, TelegramChannel)
    assert harness.channel.web is not None
    url = f"http://127.0.0.1:{harness.channel.web.port}/telegram"
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    db = harness.bot.store.db
    try:
        async with httpx.AsyncClient() as client:
            await db.execute("PRAGMA max_page_count = 1")  # the file may not grow: a full disk
            refused = None
            for user in range(9000, 9100):  # new people fill the last free pages
                update = fake_telegram.text_update(user, "/start")
                answer = await client.post(url, json=update, headers=headers)
                if answer.status_code != 200:
                    assert answer.status_code == 503
                    refused = update
                    break
            assert refused is not None, "the disk never filled"
            rows = await harness.bot.store.table_rows()
            assert str(refused["update_id"]) not in {r["event_id"] for r in rows["inbox"]}
            await db.execute("PRAGMA max_page_count = 1073741823")  # space again
            again = await client.post(url, json=refused, headers=headers)  # Telegram's retry
            assert again.status_code == 200
            await harness.wait_handled(str(refused["update_id"]), times=2)
            assert fake_telegram.sent(refused["message"]["chat"]["id"])
    finally:
        await harness.stop()
