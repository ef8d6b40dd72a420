"""Words typed without the space between them, split back into known words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.run_together import MOST_REPAIRS, Splitter, vietnamese

KNOWN = {"nam", "im", "khong", "day", "tho", "moi", "tim", "cant", "breathe", "methadone", "si", "er", "some",
         "one", "ban", "toi", "bi", "soc", "thuoc", "singer"}
SPLITTER = Splitter(KNOWN)


@pytest.mark.parametrize(("typed", "pieces"), [
    ("namim", ("nam", "im")), ("khongday", ("khong", "day")), ("kotho", ("ko", "tho")),
    ("cantbreathe", ("cant", "breathe")), ("moitim", ("moi", "tim")), ("bisocthuoc", ("bi", "soc", "thuoc")),
])
def test_a_word_made_of_known_words_is_split_back(typed: str, pieces: tuple[str, ...]) -> None:
    assert SPLITTER.split(typed) == pieces


@pytest.mark.parametrize("typed", ["methadone", "singer", "ko", "dc", "abc1", "xyzzy", "someone"])
def test_a_known_word_a_short_one_or_one_of_unknown_pieces_is_left_whole(typed: str) -> None:
    # "someone" is not known here but "some" + "one" are: English pieces of three letters or more do split.
    assert SPLITTER.split(typed) == (("some", "one") if typed == "someone" else None)


def test_an_english_plural_of_a_known_word_is_left_whole_not_cut_into_pieces() -> None:
    splitter = Splitter({"condom", "con", "do", "box", "bo", "xe", "needle"})
    assert splitter.split("condoms") is None and splitter.split("boxes") is None
    assert splitter.words(["free", "condoms"]) == ["free", "condoms"]


def test_a_split_does_not_mix_vietnamese_syllables_with_short_english_pieces() -> None:
    # "sier" would be "si" + "er": "er" is no Vietnamese syllable and too short to be an English word.
    assert Splitter({"si", "er"}).split("sier") is None
    assert vietnamese("nghieng") and vietnamese("quyen") and not vietnamese("er")


def test_words_writes_out_the_teencode_a_split_leaves() -> None:
    assert SPLITTER.words(["nam", "kotho", "luon"]) == ["nam", "khong", "tho", "luon"]


@given(st.lists(st.sampled_from(sorted(KNOWN)), min_size=1, max_size=6))
def test_words_that_are_known_are_never_changed(said: list[str]) -> None:
    assert SPLITTER.words(said) == said


def test_a_short_word_is_not_made_of_teencode() -> None:
    # "hack" is no "ha" + "ck" (chồng); "kotho", five letters, is "ko" + "tho".
    splitter = Splitter({"ha", "tho"})
    assert splitter.split("hack") is None and splitter.split("kotho") == ("ko", "tho")


def test_a_slip_of_the_finger_is_read_as_the_commonest_word_one_edit_away() -> None:
    splitter = Splitter({"khong", "khoong", "breathing", "talk", "tho"}, {"khong": 10.0, "breathing": 3.0, "talk": 9.0})
    assert splitter.split("khogn") == ("khong",)  # two letters swapped
    assert splitter.split("breathign") == ("breathing",)
    # Short English words and Vietnamese syllables typed are words in their own right.
    assert splitter.split("stalk") is None and splitter.split("thor") is None


def test_in_an_english_message_a_short_english_word_with_a_slip_is_read_as_the_word() -> None:
    """The English message has no Vietnamese syllables to be mistaken: "plwase" is "please", "dise" is "dose"."""
    splitter = Splitter({"please", "useless", "dose", "talk", "khong"}, {"please": 5.0, "dose": 4.0, "talk": 3.0})
    assert splitter.words(["english", "plwase"], english=True) == ["english", "please"]
    assert splitter.words(["my", "dise"], english=True) == ["my", "dose"]
    assert splitter.words(["useles"], english=True) == ["useless"]
    # In a message not in English, the same words stay as typed.
    assert splitter.split("plwase") is None and splitter.split("dise") is None


def test_without_word_counts_a_slip_is_read_only_when_one_word_fits() -> None:
    assert Splitter({"khong"}).split("khongg") in (None, ("khong",))
    assert Splitter({"breathing", "breathings"}).split("breathinga") is None


def test_a_message_typed_as_one_word_is_read_as_its_syllables() -> None:
    splitter = Splitter({"em", "muon", "ket", "thuc", "het", "dem", "nay", "con", "be", "doi", "lam", "roi", "ai"})
    assert splitter.split("emmuonketthuchetdemnay") == ("em", "muon", "ket", "thuc", "het", "dem", "nay")
    assert splitter.words(["conbedoilamroikoai"]) == ["con", "be", "doi", "lam", "roi", "khong", "ai"]


def test_a_page_of_noise_has_only_its_first_unknown_words_tried() -> None:
    splitter = Splitter({"khong", "tho"}, {"khong": 1.0, "tho": 1.0})
    noise = ["zzqxv"] * MOST_REPAIRS + ["khongtho"]
    assert splitter.words(noise)[-1] == "khongtho"  # past the limit: as typed
    assert splitter.words(["khongtho"]) == ["khong", "tho"]
    assert splitter.split("ab" * 2000) is None  # a word the length of a page is cut in no time


def test_in_an_english_message_a_word_is_never_read_as_vietnamese_syllables_run_together() -> None:
    splitter = Splitter({"bo", "re", "dom", "que", "ue", "clean", "needles"})
    assert splitter.words(["queue"]) == ["que", "ue"]
    # A dictionary word as long as an English slip stays whole in any message.
    assert splitter.words(["boredom"]) == ["boredom"]
    assert splitter.words(["boredom", "queue", "cleanneedles"], english=True) == ["boredom", "queue", "clean",
                                                                                    "needles"]


def test_a_letter_typed_twice_is_read_once_whatever_the_length_of_the_word() -> None:
    splitter = Splitter({"the", "may", "methadone", "hon"}, {"the": 5.0, "may": 4.0, "methadone": 3.0, "hon": 2.0})
    assert splitter.split("tthe") == ("the",)
    assert splitter.split("mmay") == ("may",)
    assert splitter.split("methhadone") == ("methadone",)


def test_a_letter_typed_twice_is_read_once_before_the_word_is_split() -> None:
    # "kh" is teencode and "ho", "e" are words: "khhoe" is "khoe" with an "h" typed twice, not three pieces.
    splitter = Splitter({"khoe", "ho", "hi", "to", "ban"})
    assert splitter.words(["ban", "khhoe", "khong"]) == ["ban", "khoe", "khong"]
    # Three letters, one twice: the two-letter word, except in English or for a short English word.
    assert splitter.words(["hhi"]) == ["hi"]
    assert splitter.words(["hhi"], english=True) == ["hhi"]
    assert splitter.words(["too"]) == ["too"]


def test_a_short_word_is_read_as_another_only_through_a_key_next_to_the_one_meant() -> None:
    splitter = Splitter({"chao", "chet", "vay", "day", "cao"}, {"chao": 5.0, "chet": 4.0, "vay": 3.0, "day": 3.0})
    assert splitter.split("cbao") == ("chao",)  # b is next to h
    assert splitter.split("fhet") == ("chet",)  # f is next to c
    assert splitter.split("zhao") is None  # z is next to neither c nor h: no slip makes "chao" of it
    assert splitter.split("dzay") is None  # teencode's "vậy", not a slip for "day"
    assert splitter.split("chao") is None and splitter.split("tho") is None  # known words and syllables stay


def test_a_three_letter_word_no_language_spells_is_read_through_a_key_next_to_the_one_meant() -> None:
    splitter = Splitter({"can", "you", "bot", "nay", "ten", "gi", "are"}, {"can": 5.0, "bot": 4.0, "are": 3.0})
    assert splitter.words(["what", "cwn", "you", "do"], english=True) == ["what", "can", "you", "do"]
    assert splitter.words(["bor", "nay", "ten", "gi"]) == ["bot", "nay", "ten", "gi"]
    # A syllable, teencode or a short English word stays as typed, however close to a known word.
    assert splitter.words(["ban", "mik", "tao", "sex"]) == ["ban", "mik", "tao", "sex"]


def test_a_whole_message_typed_as_one_word_keeps_the_long_words_vietnamese_borrows() -> None:
    splitter = Splitter({"methadone", "co", "tac", "dung", "phu", "gi", "khong", "singer"})
    assert splitter.words(["methadonecotacdungphugikhong"]) == ["methadone", "co", "tac", "dung", "phu", "gi", "khong"]
    # Only the borrowed words: any other long known word is no piece of a run-together message.
    assert splitter.words(["singercotacdungphugikhong"]) == ["singercotacdungphugikhong"]


def test_teencode_run_into_a_borrowed_word_is_split_back() -> None:
    splitter = Splitter({"hiv", "methadone", "hack", "ha"})
    assert splitter.split("xnhiv") == ("xn", "hiv")
    assert splitter.split("vsmethadone") == ("vs", "methadone")
    # Four letters are too few to be teencode and a word: "ckha" stays as typed.
    assert splitter.split("ckha") is None
    # In English, teencode is no piece.
    assert splitter.split("xnhiv", english=True) is None


def test_a_message_typed_as_one_word_keeps_long_syllables_short_borrowed_words_and_its_small_words() -> None:
    """Six- and seven-letter syllables ("nghiem"), "hiv", and "ở", "ạ" as pieces of a whole message; of two splits as
    short, the one of commoner words ("hiv ở đâu", not "hi vợ đâu")."""
    known = {"xet", "nghiem", "hiv", "o", "dau", "hi", "vo", "quen", "uong", "methadone", "hom", "qua", "thi", "sao",
             "a"}
    splitter = Splitter(known, {"hiv": 5.0, "o": 4.0, "dau": 3.0, "hi": 0.5, "vo": 1.0})
    assert splitter.words(["xetnghiemhivodau"]) == ["xet", "nghiem", "hiv", "o", "dau"]
    assert splitter.words(["quenuongmethadonehomquathisaoa"]) == \
        ["quen", "uong", "methadone", "hom", "qua", "thi", "sao", "a"]
    # In a word of two or three pieces, "o" and "a" cut too many words: "onha" stays as typed.
    assert Splitter({"o", "nha"}).split("onha") is None


def test_a_real_english_word_is_never_read_as_a_slip_for_another() -> None:
    """A spelling dictionary's words stay as typed, however few of the known words they are: "willing" is no
    "killing", "tying" no "dying", "boarding" no "hoarding" (in any message, being as long as an English slip)."""
    splitter = Splitter({"killing", "dying", "hoarding", "breathing"}, {"killing": 3.0, "dying": 3.0, "hoarding": 1.0,
                                                                        "breathing": 2.0})
    assert splitter.words(["willing", "tying"], english=True) == ["willing", "tying"]
    assert splitter.words(["boarding"]) == ["boarding"]
    # A slip that is no word is still read as the word meant.
    assert splitter.words(["breathign"], english=True) == ["breathing"]


def test_one_vietnamese_syllable_typed_is_never_cut_in_two() -> None:
    # "điếng" (in "chết điếng", stunned) had been "đi" + "eng": "chết đi".
    splitter = Splitter({"di", "eng", "tho"})
    assert splitter.split("dieng") is None
