"""Vietnamese typed with the input method off: the keys left in the words are read as the syllables meant, only
where the message is such a message."""

from __future__ import annotations

import pytest

from bot.app import Bot
from bot.input_method import keys_read, marks_typed_as_keys
from tests.core.test_router_order import onboard, say


@pytest.mark.parametrize(("typed", "meant"), [
    # Telex: doubled vowels, "dd", "w" after a vowel or alone, a tone key at the end or straight after the vowels.
    ("tooi", "toi"), ("khoong", "khong"), ("dduowcj", "duoc"), ("nguowif", "nguoi"), ("muoons", "muon"),
    ("muoosn", "muon"), ("caanf", "can"), ("nhwng", "nhung"), ("chuwa", "chua"), ("laf", "la"), ("gif", "gi"),
    ("ddieemr", "diem"), ("Thuoocs", "thuoc"),
    # The horn or breve key typed after the syllable's end, as the input methods also take it.
    ("ngungwf", "ngung"), ("dduongwf", "duong"),
    # VNI: digits after the vowels, one inside the word.
    ("to6i", "toi"), ("d9uo7c5", "duoc"), ("muo61n", "muon"),
])
def test_a_word_typed_with_telex_or_vni_keys_is_read_as_its_syllable(typed: str, meant: str) -> None:
    assert keys_read(typed) == meant


@pytest.mark.parametrize("typed", [
    "toi", "xoong", "ko", "wa", "hix", "sos", "bus", "does", "soon", "teen", "methadone", "thu7", "lan2", "15t",
    "g9", "b4", "2moro", "covid19", "mins",
])
def test_a_syllable_teencode_an_english_word_or_a_number_is_no_such_word(typed: str) -> None:
    assert keys_read(typed) is None


@pytest.mark.parametrize(("typed", "meant"), [
    ("tooi muoons hoir veef methadone", "toi muon hoi ve methadone"),
    ("ban oi cho minh hoir thuoocs methadone laf gif", "ban oi cho minh hoi thuoc methadone la gi"),
    ("tooi muoons bieets thees naof", "toi muon biet the nao"),  # "thees" is in the spelling dictionary too
    ("to6i muo61n d9i cai nghie65n", "toi muon di cai nghien"),
    ("bieets roi", "biet roi"),  # short: one word whose keys mark a vowel is enough
    # Typed with VNI, digits at a word's end are marks too, not numbers.
    ("cho to6i ho3i thu71 7 d9ie63m co1 mo73 cu73a kho6ng", "cho toi hoi thu 7 diem co mo cua khong"),
    # One word whose keys no other typing leaves, among unmarked Vietnamese words.
    ("bot co luwu tin nhan cua minh khong", "bot co luu tin nhan cua minh khong"),
    ("cho minh hoi co so nao gaanf nha minh nhat", "cho minh hoi co so nao gan nha minh nhat"),
])
def test_a_message_typed_with_the_keys_is_read_as_the_words_meant(typed: str, meant: str) -> None:
    assert marks_typed_as_keys(typed) == meant


@pytest.mark.parametrize("typed", [
    "my friend took a bus and some tax forms",  # English: words that fit by chance
    "I need to see the doctor soon, my teen son keeps drinking",
    "tôi muoons hỏi",  # typed with marks: the input method was on, and "muoons" is a slip
    "methadone laf thuốc gì",
    "cho em hoi lich uong thuoc thu7 lan2",  # numbers after words
    "methadone laf gi vay ad",  # one tone key in a longer message: not enough to say how it was typed
    "ko bik j, wa met roi",  # teencode
    "my mate took his dose at the clinic and went to the zoo",  # one doubled vowel, in English
])
def test_a_message_otherwise_typed_is_left_as_it_is(typed: str) -> None:
    assert marks_typed_as_keys(typed) == typed


async def test_a_question_and_a_crisis_typed_with_telex_keys_are_understood(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "cho tooi hoir thuoocs methadone laf gif vaayj")
    assert handler == "faq" and texts[0].startswith("Methadone là thuốc"), texts
    handler, texts = await say(bot, "choongf tooi uoongs methadone xong giowf goij khoong tinhr, moi tims ngaets")
    assert handler == "crisis" and "115" in texts[0], texts


def test_two_syllables_typed_together_are_no_word_typed_with_keys() -> None:
    # "treem" is "trẻ em" run together, not "trêm" with a doubled "e".
    assert marks_typed_as_keys("so dien thoai bao ve treem la so may") == "so dien thoai bao ve treem la so may"
