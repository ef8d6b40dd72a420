"""How replies become Telegram markup, and updates become Incoming (no network needed)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, Update

from bot.channels.telegram import _markup, to_incoming
from bot.messages import Choice, Reply
from tests.fakes.telegram_api import FakeTelegram


def test_choices_become_one_inline_button_a_row() -> None:
    markup = _markup(Reply("Chọn", (Choice("m:faq", "❓ Hỏi đáp"), Choice("m:sites", "📍 Tìm cơ sở"))))
    assert isinstance(markup, InlineKeyboardMarkup)
    assert [[b.callback_data for b in row] for row in markup.inline_keyboard] == [["m:faq"], ["m:sites"]]


def test_a_location_request_is_a_reply_keyboard_button_with_the_choices_as_typed_answers() -> None:
    markup = _markup(Reply("Bạn ở đâu?", (Choice("s:prov", "Gõ tên tỉnh"),), request_location="📍 Gửi vị trí"))
    assert isinstance(markup, ReplyKeyboardMarkup)
    first, second = markup.keyboard
    assert first[0].text == "📍 Gửi vị trí" and first[0].request_location
    assert second[0].text == "Gõ tên tỉnh" and not second[0].request_location
    assert markup.one_time_keyboard


def test_plain_text_has_no_markup() -> None:
    assert _markup(Reply("ok")) is None


def test_updates_become_incoming() -> None:
    fake = FakeTelegram()
    text = to_incoming(Update.de_json(fake.text_update(5, "xin chào", language="en", update_id=77), None))
    assert text is not None and (text.user_id, text.chat_id, text.event_id, text.text, text.language_hint) == (
        "5", "5", "77", "xin chào", "en")
    press = to_incoming(Update.de_json(fake.button_update(5, "lang:vi"), None))
    assert press is not None and press.choice == "lang:vi" and press.text is None
    where = to_incoming(Update.de_json(fake.message_update(5, {"location": {"latitude": 21.03, "longitude": 105.85}}),
                                       None))
    assert where is not None and where.location is not None and where.location.latitude == 21.03
    sticker = to_incoming(Update.de_json(fake.message_update(5, {"sticker": {
        "file_id": "s", "file_unique_id": "u", "type": "regular", "width": 1, "height": 1,
        "is_animated": False, "is_video": False}}), None))
    assert sticker is not None and sticker.unsupported == "sticker"
    group = to_incoming(Update.de_json(fake.text_update(-5, "hi", chat_type="group"), None))
    assert group is None
