"""Pure text handling: folding, typed choices, commands, splitting."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.channels.render import numbered_choices, split_text
from bot.messages import Choice, Reply
from bot.normalize import common_words, fold, has_letters_or_digits, words
from bot.router import COMMON_WORDS, COURTESIES, match_choice, parse_command

OFFERED = (Choice("who:self", "Cho bản thân tôi"), Choice("who:family", "Tôi là người nhà"),
           Choice("who:staff", "Tôi là cán bộ (có mã mời)"))


def test_fold_removes_case_diacritics_and_d_stroke() -> None:
    assert fold("Đi  Cai NGHIỆN") == "di cai nghien"
    assert fold("TIẾNG VIỆT") == fold("tiếng việt") == "tieng viet"


def _reference_fold(text: str) -> str:
    """fold as first written: clear, and slower than a turn's whole routing. The fast one must agree."""
    decomposed = unicodedata.normalize("NFD", text.translate(str.maketrans("đĐðÐ", "dddd")).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


@given(st.text())
def test_fold_agrees_with_the_plain_definition_on_any_text(text: str) -> None:
    assert fold(text) == _reference_fold(text)


@given(st.text(alphabet=st.characters(min_codepoint=0x00C0, max_codepoint=0x1EFF)))
def test_fold_agrees_on_vietnamese_letters_and_marks(text: str) -> None:
    assert fold(text) == _reference_fold(text)


def test_words_expand_teencode() -> None:
    assert words("ko dc à?") == ["khong", "duoc", "a"]
    assert words("ko dc", expand_teencode=False) == ["ko", "dc"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("do i hav 2 wear a gps tag", "do i have to wear a gps tag"),
    ("switch 2 vietnamese", "switch to vietnamese"),
    ("do u save my msgs", "do you save my messages"),
    ("can i talk 2 u", "can i talk to you"),
    # Before anything but a verb, a language or someone spoken to, "2" is a number.
    ("i take 2 pills a day", "i take 2 pills a day"),
    ("do i need 2 doses", "do i need 2 doses"),
])
def test_english_as_texted_reads_as_the_words_meant(typed: str, meant: str) -> None:
    assert " ".join(words(typed, english=True)) == meant
    assert "2" in words(typed) or "2" not in typed  # in a message not in English, a number stays a number


def test_an_age_written_short_reads_as_years_and_nothing_else_does() -> None:
    assert words("con 15t") == ["con", "15", "tuoi"]
    assert words("8t") == ["8", "tuoi"]
    assert words("100t 12h30 t7") == ["100t", "12h30", "t7"]  # not an age, an hour, a weekday


def test_emoji_only_has_no_words() -> None:
    assert not has_letters_or_digits("😀😀 !!")
    assert has_letters_or_digits("ok 😀")


def test_choices_match_by_number_or_words() -> None:
    assert match_choice("2", OFFERED) == "who:family"
    assert match_choice(" 3. ", OFFERED) == "who:staff"
    assert match_choice("số 1", OFFERED) == "who:self"
    assert match_choice("toi la nguoi nha", OFFERED) == "who:family"
    assert match_choice("người nhà", OFFERED) == "who:family"
    assert match_choice("can bo", OFFERED) == "who:staff"


def test_ambiguous_or_foreign_answers_match_nothing() -> None:
    assert match_choice("toi", OFFERED) is None  # in all three labels
    assert match_choice("4", OFFERED) is None
    assert match_choice("0", OFFERED) is None
    assert match_choice("methadone la gi", OFFERED) is None
    assert match_choice("2", ()) is None


CONSENT = (Choice("consent:yes", "✅ Đồng ý"), Choice("consent:no", "Để sau"))


def test_a_label_said_in_a_sentence_of_assent_counts() -> None:
    assert match_choice("co, toi dong y", CONSENT) == "consent:yes"
    assert match_choice("Vâng, em đồng ý ạ", CONSENT) == "consent:yes"
    assert match_choice("dạ, tôi là người nhà ạ", OFFERED) == "who:family"
    assert match_choice("ok de sau nhe", CONSENT) == "consent:no"


def test_a_refusal_or_a_question_around_a_label_is_not_that_choice() -> None:
    assert match_choice("toi khong dong y", CONSENT) is None
    assert match_choice("ko dong y", CONSENT) is None
    assert match_choice("chua dong y dau", CONSENT) is None
    assert match_choice("dong y thi co mat gi khong", CONSENT) is None
    assert match_choice("i do not agree", (Choice("consent:yes", "✅ I agree"),)) is None
    assert not {"khong", "ko", "k", "kh", "khg", "chua", "no", "not", "dont", "never", "gi", "sao"} & COURTESIES


def test_parse_command() -> None:
    assert parse_command("/start abc") == ("start", "abc")
    assert parse_command("/Menu@diemtuvan_bot") == ("menu", "")
    assert parse_command("/") is None
    assert parse_command("/ 12") is None
    assert parse_command("hello /start") is None


def test_split_prefers_paragraphs() -> None:
    text = "a" * 50 + "\n\n" + "b" * 50
    assert split_text(text, 60) == ["a" * 50, "b" * 50]


@given(st.text(min_size=0, max_size=3000), st.integers(min_value=10, max_value=500))
def test_split_never_exceeds_the_limit_and_loses_no_words(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(len(p) <= limit for p in pieces)
    assert "".join(pieces).split() == text.split() or "".join("".join(pieces).split()) == "".join(text.split())


def test_numbered_choices() -> None:
    rendered = numbered_choices(Reply("Chọn:", OFFERED[:2]))
    assert rendered.endswith("1. Cho bản thân tôi\n2. Tôi là người nhà")


def test_choice_keys_over_64_bytes_are_refused_when_built() -> None:
    import pytest

    with pytest.raises(ValueError, match="64"):
        Choice("x" * 65, "label")
    with pytest.raises(ValueError):
        Choice("ồ" * 22, "label")  # 66 bytes in UTF-8


@given(st.lists(st.sampled_from(["toi", "la", "nguoi", "nha", "n", "nh", "a"]), min_size=1, max_size=4),
       st.lists(st.sampled_from(["toi", "la", "nguoi", "nha", "n", "nh", "a"]), max_size=6))
def test_typed_words_match_a_label_as_whole_words_in_order_or_around_it(typed: list[str], label: list[str]) -> None:
    in_order = any(label[i:i + len(typed)] == typed for i in range(len(label) - len(typed) + 1))
    offered = (Choice("k:1", " ".join(label) or "-"), Choice("k:2", "zzz"))
    exact = typed == label
    around = any(typed[i:i + len(label)] == label and all(w in COURTESIES for w in typed[:i] + typed[i + len(label):])
                 for i in range(len(typed) - len(label) + 1)) and bool(label)
    distinctive = any(w not in COMMON_WORDS for w in typed)
    expected = "k:1" if exact or (in_order and distinctive and len(" ".join(typed)) >= 3) or (
        not in_order and around) else None
    assert match_choice(" ".join(typed), offered, by_number=False) == expected


@pytest.mark.parametrize(("typed", "common"), [
    ("ở Huế có điểm nào mô không", "ở Huế có điểm nào ở đâu không"),
    ("đi mô rứa", "đi đâu vậy"),
    ("chừ làm răng đây", "giờ làm sao đây"),
    ("Mạ tui hỏi", "mẹ tui hỏi"),
    # Where the words mean something else, they stay.
    ("mô tả giúp em", "mô tả giúp em"),
    ("quy mô lớn", "quy mô lớn"),
    ("đau răng quá", "đau răng quá"),
    ("đau răng rồi", "đau răng rồi"),
    ("mô kể", "mô kể"),
    ("o mo", "o mo"),
    # Southern words, and more central ones.
    ("methadone là cái chi rứa", "methadone là cái gì vậy"),
    ("mi biết làm chi", "bạn biết làm gì"),
    ("Vinh có chỗ mô khám không", "Vinh có chỗ nào khám không"),
    ("uống vậy có bị sao hông", "uống vậy có bị sao không"),
    ("tui hổng biết đường", "tui không biết đường"),
    ("mần răng đây", "làm sao đây"),
    ("methadone la cai chi rua", "methadone la cai gi vay"),
    ("thuốc ni uống răng?", "thuốc này uống sao?"),
    ("bữa nớ bác sĩ nói chi", "bữa đó bác sĩ nói gì"),
    ("đi được không hỉ", "đi được không nhỉ"),
    # "răng?" of the teeth stays, and so does a nun.
    ("methadone hại răng?", "methadone hại răng?"),
    ("đánh răng?", "đánh răng?"),
    ("ni cô ở chùa", "ni cô ở chùa"),
    # Where the words mean something else, they stay.
    ("chi phí bao nhiêu", "chi phí bao nhiêu"),
    ("cho em xem chi tiết", "cho em xem chi tiết"),
    ("đau hông quá", "đau hông quá"),
    ("nghỉ hè này", "nghỉ hè này"),
    ("lông mi dài", "lông mi dài"),
    ("lỗ hổng", "lỗ hổng"),
    ("chi phi bao nhieu", "chi phi bao nhieu"),
])
def test_dialect_words_that_ask_read_as_the_common_words(typed: str, common: str) -> None:
    assert common_words(typed) == common


@pytest.mark.parametrize(("typed", "common"), [
    ("giờ phải nàm sao", "giờ phải làm sao"),
    ("Lói với bác sĩ chưa", "nói với bác sĩ chưa"),
    ("cái lày uống nuôn được không", "cái này uống luôn được không"),
    # Typed without marks, they are other words too ("nam" is a year, a man, the south): left as typed.
    ("nam sao", "nam sao"),
])
def test_l_and_n_swapped_as_said_read_as_the_word_meant(typed: str, common: str) -> None:
    assert common_words(typed) == common
