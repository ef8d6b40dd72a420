"""The language of each message (bot/language.py): clear English is English, unaccented Vietnamese stays
Vietnamese, and what says nothing ("ok", an emoji, a number) leaves the person's setting to decide."""

from __future__ import annotations

import pytest

from bot.app import Bot
from bot.language import could_be_vietnamese, language_of
from tests.core.test_router_order import onboard, say


@pytest.mark.parametrize("text", [
    "good night", "thanks", "hi", "got it", "thank you so much", "/delete", "/end", "delete my data",
    "delete my account",
    "methadone side effects", "what is methadone", "how r u", "help", "bye", "are you a real person",
    "english homework", "is nitrous oxide dangerous", "can hep c be cured",
    "I live in Hai Phong, where is the nearest clinic?",
    "My brother lives in Điện Biên, can he get methadone there?",
    "my friend OD'd and won't wake up", "OD signs?", "od symptoms", "warning signs of an OD",
])
def test_clear_english_is_english(text: str) -> None:
    assert language_of(text) == "en", text


@pytest.mark.parametrize("text", [
    "toi muon cai nghien", "methadone la gi", "ok cam on", "cam on nhieu nha", "the nao", "me on roi",
    "so dien thoai cua diem tu van", "uong methadone co lai xe duoc ko", "e muon dat lich",
    "ko bit lam sao", "test duong tinh thi sao", "book lich hen", "check giup em", "tieng viet lop 5",
    "bkt sach lay o dau vay", "con toi 15 tuoi nghien heroin thi di cai o dau duoc",
    "methadone là gì", "cảm ơn, thanks nhé", "/xoa", "ok thanks, mai em qua",
    "chồng em bị HIV, what should I do",  # a Vietnamese writer mixing in English stays Vietnamese
])
def test_vietnamese_with_or_without_diacritics_stays_vietnamese(text: str) -> None:
    assert language_of(text) == "vi", text


@pytest.mark.parametrize("text", [
    "ok", "👍", "123", "on", "can", "haha", "HIV ARV", "", "/start", "/menu", "/start WRONG000", "/",
    "https://example.com/start",
])
def test_what_says_nothing_leaves_the_setting_to_decide(text: str) -> None:
    assert language_of(text) is None, text


@pytest.mark.parametrize(("word", "could"), [
    ("thuoc", True), ("nghien", True), ("nguoi", True), ("khuyen", True), ("quyen", True), ("the", True),
    ("on", True), ("can", True), ("you", False), ("night", False), ("data", False), ("bye", False),
    ("please", False), ("good", False),
])
def test_the_shape_of_a_vietnamese_syllable(word: str, could: bool) -> None:
    assert could_be_vietnamese(word) is could


async def test_short_english_gets_an_english_reply_with_a_vietnamese_setting(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "good night")
    assert texts[0].startswith("Take care"), texts
    _handler, texts = await say(bot, "methadone side effects")
    assert texts[0].startswith("Methadone can cause"), texts


async def test_unaccented_vietnamese_gets_a_vietnamese_reply_with_an_english_setting(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "switch to english please")
    _handler, texts = await say(bot, "methadone la gi")
    assert texts[0].startswith("Methadone là"), texts


@pytest.mark.parametrize(("text", "place"), [
    ("methadone clinic in da nang", "da nang"), ("any methadone clinic in Đà Nẵng?", "da nang"),
    ("counseling point near Thủ Đức", "thu duc"),
])
def test_a_place_named_says_nothing_of_the_language_around_it(text: str, place: str) -> None:
    assert language_of(text, place) == "en", text
    assert language_of("methadone ở Đà Nẵng", "da nang") == "vi"


async def test_an_english_request_naming_a_vietnamese_place_is_answered_in_english(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "methadone clinic in Đà Nẵng")
    assert texts[0].startswith("The list"), texts


def test_a_goodnight_and_texting_english_are_english() -> None:
    assert language_of("goodnight") == "en"
    assert language_of("yeah ok") == "en"
    assert language_of("ok thx ad") is None  # "thx" is texted in Vietnamese chats too


def test_a_drug_word_and_an_address_lean_nowhere_alone() -> None:
    assert language_of("bupre vs methadone, which one is better?") == "en"
    assert language_of("thoi e off day, bye ad") != "en"
    assert language_of("e ok") == "vi"


def test_words_quoted_in_another_language_are_named_not_spoken() -> None:
    assert language_of("my dad keeps mixing up 'tự nguyện' and 'bắt buộc' rehab, what's the difference?") == "en"
    assert language_of("bác sĩ bảo anh ấy cần 'tapering' từ từ, vậy nghĩa là sao ạ") == "vi"


def test_a_mark_slipped_into_an_english_word_says_no_vietnamese() -> None:
    # Typed with the input method on: "good" became "gôd".
    assert language_of("bye bye, gôdnight") == "en"
    # Vietnamese with letters held, typed together, or abbreviated with "đ" stays Vietnamese.
    assert language_of("khôngggg") == "vi"
    assert language_of("khôngbiết") == "vi"
    assert language_of("sđt") == "vi"
    assert language_of("wá") == "vi"


def test_a_term_glossed_in_brackets_does_not_decide_the_language() -> None:
    assert language_of("so the counseling point (điểm tư vấn) does what exactly?") == "en"
    assert language_of("điểm tư vấn (counseling point) có làm xét nghiệm không") == "vi"
