"""The Zalo adapter's edges, against the fake Zalo Bot API: webhook secret and bodies, idle long polls,
messages the platform passes on without content, groups, long replies, blocked users, refused tokens,
the monthly message budget, and Telegram and Zalo in one process."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest

from bot.app import build, network_channels
from bot.channels.base import StartupFailed
from bot.channels.zalo import ZaloChannel
from bot.clock import FakeClock
from bot.messages import Choice, Reply
from bot.priorities import Priority
from bot.services.budget import MessageBudget
from tests.conftest import ZaloHarness, free_port, make_settings
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo

SECRET = "zalo-secret_0123456789"
USER = "a1b2c3d4e5f60718"


async def test_webhook_refuses_a_wrong_secret_and_a_malformed_body_and_handles_a_retry_once(
    fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock
) -> None:
    port = free_port()
    harness = ZaloHarness(fake_zalo, tmp_path, clock)
    await harness.start(mode="webhook", webhook_url=f"http://127.0.0.1:{port}/zalo", webhook_secret=SECRET,
                        webhook_port=port)
    try:
        assert fake_zalo.calls_to("setWebhook") == [{"url": f"http://127.0.0.1:{port}/zalo", "secret_token": SECRET}]
        url = f"http://127.0.0.1:{port}/zalo"
        update = fake_zalo.message_update(USER, "methadone la gi")
        async with httpx.AsyncClient() as client:
            wrong = await client.post(url, json=update, headers={"X-Bot-Api-Secret-Token": "nope"})
            missing = await client.post(url, json=update)
            assert (wrong.status_code, missing.status_code) == (403, 403)
            for body in (b"{not json", b"[1, 2]", json.dumps({"event_name": "message.text.received"}).encode(),
                         json.dumps({"event_name": "message.text.received", "message": {"text": "x"}}).encode()):
                bad = await client.post(url, content=body, headers={"X-Bot-Api-Secret-Token": SECRET})
                assert bad.status_code == 400, body
            assert fake_zalo.sent(USER) == []
        # The fake delivers through the webhook now; a platform retry of the same message does nothing.
        await fake_zalo.push(update)
        await fake_zalo.push(update)
        await harness.wait_handled(update["message"]["message_id"], times=2)
        sent = fake_zalo.sent(USER)
        assert len(sent) == 3 and "thuốc thay thế" in sent[0]["text"]  # the answer, then the greeting
    finally:
        await harness.stop()
    assert not fake_zalo.rejected


async def test_a_webhook_update_that_cannot_be_stored_is_answered_503_and_taken_when_sent_again(
    fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock
) -> None:
    port = free_port()
    harness = ZaloHarness(fake_zalo, tmp_path, clock)
    await harness.start(mode="webhook", webhook_url=f"http://127.0.0.1:{port}/zalo", webhook_secret=SECRET,
                        webhook_port=port)
    assert harness.bot is not None
    url, headers = f"http://127.0.0.1:{port}/zalo", {"X-Bot-Api-Secret-Token": SECRET}
    db = harness.bot.store.db
    try:
        async with httpx.AsyncClient() as client:
            await db.execute("PRAGMA max_page_count = 1")  # the file may not grow: a full disk
            refused = None
            for n in range(100):  # new people fill the last free pages
                update = fake_zalo.message_update(f"{n:016x}", "/start")
                answer = await client.post(url, json=update, headers=headers)
                if answer.status_code != 200:
                    assert answer.status_code == 503
                    refused = update
                    break
            assert refused is not None, "the disk never filled"
            rows = await harness.bot.store.table_rows()
            assert refused["message"]["message_id"] not in {r["event_id"] for r in rows["inbox"]}
            await db.execute("PRAGMA max_page_count = 1073741823")  # space again
            again = await client.post(url, json=refused, headers=headers)  # Zalo's retry
            assert again.status_code == 200
            assert fake_zalo.sent(refused["message"]["from"]["id"])
    finally:
        await harness.stop()


async def test_a_polled_update_that_cannot_be_stored_is_held_and_answered_once_it_can_be(zalo: ZaloHarness) -> None:
    """getUpdates takes no offset: Zalo will not deliver it again, so the bot holds it and tries again."""
    await zalo.say(USER, "/start")
    assert zalo.bot is not None
    db = zalo.bot.store.db
    await db.execute("PRAGMA query_only = ON")  # every write fails, as on a disk that refuses writes
    before = len(zalo.fake.sent(USER))
    update = zalo.fake.message_update(USER, "methadone là gì")
    await zalo.fake.push(update)
    await zalo.wait_handled(update["message"]["message_id"], times=2)  # tried twice, failed both times
    assert len(zalo.fake.sent(USER)) == before
    polls = len(zalo.fake.calls_to("getUpdates"))
    await zalo.wait_handled(update["message"]["message_id"], times=3)
    assert len(zalo.fake.calls_to("getUpdates")) == polls  # no new poll while one waits to be stored
    await db.execute("PRAGMA query_only = OFF")
    tries = zalo.handled.count(update["message"]["message_id"])
    await zalo.wait_handled(update["message"]["message_id"], times=tries + 1)
    answer = zalo.fake.sent(USER)[before]
    assert "Methadone" in answer["text"]
    rows = await zalo.bot.store.table_rows()
    assert [r["event_id"] for r in rows["inbox"]].count(update["message"]["message_id"]) == 1


async def test_idle_long_polls_are_expected_and_a_later_message_is_still_answered(zalo: ZaloHarness) -> None:
    await zalo.fake.wait_idle(2)  # two 408s: the poller takes them as "nothing new", not as errors
    sent = await zalo.say(USER, "/start")
    assert "không phải công an" in sent[0]["text"]


async def test_a_message_zalo_passes_on_without_content_gets_a_kind_explanation(zalo: ZaloHarness) -> None:
    update = zalo.fake.message_update(USER, None, event="message.unsupported.received")
    sent = await zalo.send(update, USER)
    assert "dưới 18 tuổi" in sent[0]["text"]
    sticker = zalo.fake.message_update(USER, None, event="message.sticker.received")
    sent = await zalo.send(sticker, USER)
    assert "chỉ đọc được chữ" in sent[0]["text"]


async def test_group_messages_are_not_taken(zalo: ZaloHarness) -> None:
    group = zalo.fake.message_update("g-77", "methadone la gi", chat_type="GROUP")
    await zalo.fake.push(group)
    private = await zalo.say(USER, "methadone la gi")
    assert private and zalo.fake.sent("g-77") == []
    assert group["message"]["message_id"] not in zalo.handled


async def test_a_long_reply_is_split_at_paragraphs_under_2000_characters(zalo: ZaloHarness) -> None:
    assert isinstance(zalo.channel, ZaloChannel)
    paragraphs = [f"Đoạn {n}. " + "chữ " * 120 for n in range(12)]
    reply = Reply("\n\n".join(paragraphs), (Choice("m:menu", "Về menu"),))
    await zalo.channel.send(USER, reply)
    pieces = [m["text"] for m in zalo.fake.sent(USER)]
    assert len(pieces) > 1 and all(1 <= len(p) <= 2000 for p in pieces)
    assert all(p.startswith("Đoạn ") for p in pieces)  # each piece starts at a paragraph
    assert pieces[-1].endswith("1. Về menu")


async def test_a_user_who_blocked_the_bot_is_marked_unreachable(zalo: ZaloHarness) -> None:
    await zalo.say(USER, "/start")
    zalo.fake.blocked.add(USER)
    await zalo.say(USER, "1")
    rows = await zalo.rows()
    assert [p["reachable"] for p in rows["people"]] == [0]
    zalo.fake.rejected.clear()


async def test_a_refused_token_and_an_unreachable_api_stop_with_a_sentence(
    fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    harness = ZaloHarness(fake_zalo, tmp_path, clock)
    with pytest.raises(StartupFailed, match="ZALO_BOT_TOKEN was refused"):
        await harness.start(token="1234:another-token-here")
    await harness.bot.store.close()  # type: ignore[union-attr]
    gone = FakeZalo()
    gone.port = free_port()
    harness = ZaloHarness(gone, tmp_path, clock)
    with caplog.at_level(logging.WARNING), pytest.raises(StartupFailed, match="could not be reached after 3"):
        await harness.start(max_attempts=3)
    await harness.bot.store.close()  # type: ignore[union-attr]
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 2


async def test_the_monthly_budget_is_counted_warned_about_and_holds_back_reminders_by_priority(
    fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    harness = ZaloHarness(fake_zalo, tmp_path, clock, ZALO_MONTHLY_MESSAGE_BUDGET="10")
    await harness.start()
    try:
        budget = harness.budget
        assert isinstance(budget, MessageBudget)
        with caplog.at_level(logging.WARNING):
            await harness.say(USER, "/start")  # 2 messages
            await harness.say(USER, "1")  # 1
            await harness.say(USER, "1")  # 1
            await harness.say(USER, "1")  # 2 → 6
            assert not [r for r in caplog.records if "allowance" in r.getMessage()]
            await harness.say(USER, "methadone la gi")
            await harness.say(USER, "methadone la gi")  # 8: the 80% warning, once
            warned = [r for r in caplog.records if "80% warning" in r.getMessage()]
            assert len(warned) == 1
            assert await budget.used() == 8 and await budget.allows(Priority.ROUTINE)
            await harness.say(USER, "methadone la gi")  # 9
            assert not await budget.allows(Priority.ROUTINE)  # routine reminders stop first, at 90%
            assert await budget.allows(Priority.DOSE) and await budget.allows(Priority.APPOINTMENT)
            await harness.say(USER, "methadone la gi")  # 10: spent
            assert [r for r in caplog.records if "is spent" in r.getMessage()]
            assert not await budget.allows(Priority.DOSE)
            # Answers and crisis replies still go: a person is never left without an answer by the budget.
            assert await budget.allows(Priority.REPLY) and await budget.allows(Priority.CRISIS)
            assert len(await harness.say(USER, "methadone la gi")) == 1
            assert budget.held_back == 2
        # Counted in the store: a restart does not reset the month.
        await harness.restart()
        assert isinstance(harness.budget, MessageBudget) and await harness.budget.used() == 11
    finally:
        await harness.stop()


async def test_telegram_and_zalo_run_in_one_process(
    fake_telegram: FakeTelegram, fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock
) -> None:
    settings = make_settings(tmp_path, TELEGRAM_BOT_TOKEN=fake_telegram.token,
                             TELEGRAM_API_BASE_URL=fake_telegram.base_url, ZALO_BOT_TOKEN=fake_zalo.token,
                             ZALO_API_BASE_URL=fake_zalo.base_url)
    bot = await build(settings, clock=clock)
    channels, budgets = network_channels(settings, bot)
    assert list(budgets) == ["zalo"]
    assert [c.name for c in channels] == ["telegram", "zalo"]
    for channel in channels:
        bot.core.attach(channel)
        await channel.start()
    try:
        await fake_telegram.push(fake_telegram.text_update(9001, "methadone la gi"))
        await fake_zalo.push(fake_zalo.message_update(USER, "methadone la gi"))
        await fake_telegram.wait_sent(9001, 2)
        await fake_zalo.wait_calls("sendMessage", 2)
        assert "thuốc thay thế" in fake_telegram.sent(9001)[0]["text"]
        assert "thuốc thay thế" in fake_zalo.sent(USER)[0]["text"]
    finally:
        for channel in reversed(channels):
            await channel.stop()
        await bot.core.close()
        await bot.store.close()
