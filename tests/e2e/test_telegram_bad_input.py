"""Bad input gets a kind answer and crashes nothing (the fake API refuses anything the real one would)."""

from __future__ import annotations

import pytest

from tests.conftest import TelegramHarness, buttons

USER = 7001


async def onboard(telegram: TelegramHarness, user: int = USER) -> None:
    await telegram.say(user, "/start")
    await telegram.press(user, "lang:vi")
    await telegram.press(user, "who:self")
    await telegram.press(user, "consent:no")


async def test_an_unknown_command(telegram: TelegramHarness) -> None:
    await onboard(telegram)
    reply, menu = await telegram.say(USER, "/abc123")
    assert "/abc123" in reply["text"] and "/menu" in reply["text"]
    assert "m:faq" in buttons(menu)


async def test_a_10000_character_message(telegram: TelegramHarness) -> None:
    await onboard(telegram)
    replies = await telegram.say(USER, "methadone " * 1000)
    assert replies and all(len(m["text"]) <= 4096 for m in replies)
    assert telegram.fake.rejected == []


async def test_a_crisis_signal_at_the_end_of_a_long_message_is_still_caught(telegram: TelegramHarness) -> None:
    await onboard(telegram)
    (reply,) = await telegram.say(USER, "hôm nay " * 1200 + " bạn tôi bất tỉnh rồi")
    assert "115" in reply["text"]


@pytest.mark.parametrize("text", ["😀😀😀", "???", "   .  "])
async def test_emoji_or_punctuation_only(telegram: TelegramHarness, text: str) -> None:
    await onboard(telegram)
    reply, _menu = await telegram.say(USER, text)
    assert "gõ vài chữ" in reply["text"]


@pytest.mark.parametrize("extra", [
    {"sticker": {"file_id": "s1", "file_unique_id": "u1", "type": "regular", "width": 512, "height": 512,
                 "is_animated": False, "is_video": False}},
    {"photo": [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}]},
    {"voice": {"file_id": "v1", "file_unique_id": "u3", "duration": 3}},
])
async def test_stickers_photos_and_voice(telegram: TelegramHarness, extra: dict[str, object]) -> None:
    await onboard(telegram)
    reply, _menu = await telegram.send(telegram.fake.message_update(USER, extra), USER)
    assert "chỉ đọc được chữ" in reply["text"]


async def test_a_group_message_is_ignored(telegram: TelegramHarness) -> None:
    update = telegram.fake.text_update(-100123, "/start", chat_type="group")
    await telegram.fake.push(update)
    await telegram.say(USER, "/start")  # fetched after the group message, handled after it too
    assert str(update["update_id"]) not in telegram.handled
    assert telegram.fake.sent(-100123) == []


async def test_the_fake_api_refuses_what_telegram_refuses(telegram: TelegramHarness) -> None:
    """The fake is strict, so a test that passes could not have sent something Telegram rejects."""
    fake = telegram.fake
    assert (await fake.call("sendMessage", {"chat_id": 1, "text": "x" * 4097}))[0] == 400
    assert (await fake.call("sendMessage", {"chat_id": 1}))[0] == 400
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "x" * 65}]]}
    assert (await fake.call("sendMessage", {"chat_id": 1, "text": "a", "reply_markup": markup}))[0] == 400
    assert (await fake.call("sendFancyThing", {}))[0] == 404
