"""A slip of the finger that is no word, read as the word its neighbours are written beside."""

from __future__ import annotations

from bot.app import Bot
from bot.slips_in_context import SlipsInContext

WRITTEN = ["bơm kim tiêm vứt ở đâu", "vứt ở đâu cho an toàn", "thay ở đâu cho nhanh", "ở đâu cho gần"] * 2 + [
    "đi ở đâu cho tiện", "thằng bạn em say rồi", "thằng bạn tôi", "thằng bạn của anh ấy", "em trai em", "bạn em"]
SLIPS = SlipsInContext(WRITTEN)


def test_a_word_that_is_no_word_is_read_as_the_word_its_neighbours_are_written_beside() -> None:
    assert SLIPS.read("kim tiem dung roi thi vut o fau cho an toan") == "kim tiem dung roi thi vut o dau cho an toan"
    assert SLIPS.read("thag bạn em ngủ mãi không dậy") == "thang bạn em ngủ mãi không dậy"


def test_a_syllable_teencode_an_english_word_or_an_unclear_reading_stays_as_typed() -> None:
    # "bết" is a word, however close to "hết"; "ko" is teencode; "fau" with no neighbour seen is left alone.
    for text in ("máu me be bết", "ko biết vứt ở đâu", "fau", "ghi fau vào sổ"):
        assert SLIPS.read(text) == text, text
    # A message in English: the splitter reads its slips.
    assert SLIPS.read("where do i thrw used needles") == "where do i thrw used needles"
    # Without examples, nothing is read.
    assert SlipsInContext().read("vut o fau cho an toan") == "vut o fau cho an toan"


async def test_the_bot_reads_slips_by_the_words_its_examples_hold(bot: Bot) -> None:
    assert bot.services is not None
    slips = bot.services.slips
    assert slips.read("kim tiem dung roi thi vut o fau cho an toan") == "kim tiem dung roi thi vut o dau cho an toan"
    assert slips.read("bác ơi thằng bạn cháu nằm im không dậy") == "bác ơi thằng bạn cháu nằm im không dậy"


def test_syllables_typed_together_are_the_splitters_not_a_slip() -> None:
    slips = SlipsInContext(["những gì vậy", "những giày"] * 5)
    assert slips.read("bot làm được những gìvậy") == "bot làm được những gìvậy"
