"""Vietnamese typed with the input method switched off, read as the words meant.

Vietnamese is typed on a Latin keyboard through an input method (Telex or VNI, in Unikey, EVKey or a phone's
keyboard) that turns keys into marks: "tooi" becomes "tôi", "dduowcj" "được", "to6i" "tôi". With the input
method off, or set to the other way of typing, the keys stay in the words: "tooi muoons hoir veef methadone".
No reader knows such words: the FAQ sees none of its words, the crisis reader none of its phrases, and the
language guessed may be English.

Each word is read as the syllable its keys stand for, folded (no marks, as a third of messages are typed
anyway), when that is sure: the message has no marks of its own (the input method was off), the word is no
Vietnamese syllable as typed, no English word and no teencode, and without its keys it is a Vietnamese
syllable. Telex keys: a doubled "a", "e" or "o" and "dd" at the start (â, ê, ô, đ), "w" after a vowel (ă, ơ,
ư), after the syllable's end as the input methods also take it ("ngungw"), or for "ư" after a consonant
("nhwng"), and one tone key ("s", "f", "r", "x", "j", "z") after the first vowel. VNI keys: digits after the
first vowel, one of them inside the word ("to6i", "d9uo7c5"; "thu7" is "thứ 7"); in a message typed so,
digits at a word's end too ("co1"). A message is read this way only when two of its words at least are such
words, and a quarter of its words or more (in a message of three words or fewer, one word with a key that marks
a vowel: "tooi"); or with one word whose keys no other typing leaves ("luwu", "gaanf"), among words of unmarked
Vietnamese. One word that happens to fit ("bus", "tax" in a message about something else) changes nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.language import ENGLISH, language_of
from bot.normalize import ENGLISH_TEXTING, TEENCODE
from bot.run_together import SHORT_ENGLISH, english_words, syllables_together, vietnamese

_VOWELS = frozenset("aeiouy")
_TONE_KEYS = frozenset("sfrxjz")
_DOUBLED = re.compile(r"aa|ee|oo")
_WORD = re.compile(r"[A-Za-z0-9]+")
# Unaccented Vietnamese spells these with a doubled "o" of their own ("nồi xoong", "boong tàu").
_SPELLED_DOUBLED = frozenset({"xoong", "boong", "moong", "soong", "goong"})
# A message needs at least this many such words, and this share of its words, to be read as typed without marks.
FEWEST_WORDS = 2
SHARE_NEEDED = 0.25
# A message this short is read so with one such word, if a key in it marks a vowel or "đ" (not only a tone key).
SHORT_MESSAGE = 3
_MODIFIER_KEYS = re.compile(r"aa|ee|oo|dd|w|\d")
# Keys that no other way of typing leaves in a word: a horn or breve key after its vowel, a doubled vowel, "dd"
# at the start, a VNI digit between letters.
_UNMISTAKABLE = re.compile(r"[uoa]w|aa|ee|oo|^dd|[a-z]\d[a-z]")


def _modifiers_read(word: str) -> str | None:
    """The word without Telex's modifier keys, or None when a "w" has no vowel or consonant to mark."""
    if word.startswith("dd"):
        word = word[1:]
    word = _DOUBLED.sub(lambda m: m.group(0)[0], word, count=1)
    out = []
    for i, letter in enumerate(word):
        if letter != "w":
            out.append(letter)
        elif i == 0:
            return None  # teencode's "w" for "qu" ("wa", "wen")
        elif word[i - 1] in _VOWELS or any(letter in _VOWELS for letter in out):
            continue  # ă, ơ, ư: the vowel before it marked, typed at once or after the syllable's end ("ngungw")
        else:
            out.append("u")  # "nhwng": "w" alone is "ư"
    return "".join(out)


def _telex(word: str) -> str | None:
    first_vowel = next((i for i, letter in enumerate(word) if letter in _VOWELS or letter == "w"), None)
    if first_vowel is None:
        return None
    # The tone key is typed at the end of the word, or at once after the vowels ("muoosn"): the end is tried first.
    places = [len(word) - 1, *range(len(word) - 2, first_vowel, -1)]
    readings = [word] + [word[:i] + word[i + 1:] for i in places if word[i] in _TONE_KEYS]
    for reading in readings:
        read = _modifiers_read(reading)
        if read is not None and read != word and vietnamese(read) and len(read) > 1:
            return read
    return None


def _vni(word: str, at_the_end: bool = False) -> str | None:
    first_vowel = next((i for i, letter in enumerate(word) if letter in _VOWELS), None)
    if first_vowel is None or not word[0].isalpha():
        return None
    digits = [i for i, letter in enumerate(word) if letter.isdigit()]
    if any(letter == "0" for letter in word) or any(i < first_vowel and word[i - 1:i + 1] != "d9" for i in digits):
        return None
    if not at_the_end and not any(word[i + 1:i + 2].isalpha() for i in digits):
        return None  # digits only at the end are a number more often than marks: "thu7", "lan2", "phong3"
    read = "".join(letter for letter in word if letter.isalpha())
    return read if vietnamese(read) and (len(read) > 1 or at_the_end) else None


@lru_cache(maxsize=8192)  # people use the same few hundred words
def keys_read(word: str, dictionary: bool = True, vni_at_the_end: bool = False) -> str | None:
    """The folded syllable a word typed with Telex or VNI keys stands for, or None when it is not one. With
    `dictionary`, a word of the English spelling dictionary is none ("soon", "teen"); without it, only the
    common English words are ("thees" is an old English word and, far more often, "thế" typed with Telex).
    With `vni_at_the_end`, in a message typed with VNI, digits at a word's end are its marks too ("co1", "o73")."""
    word = word.lower()
    if word in TEENCODE or word in ENGLISH_TEXTING or word in ENGLISH or word in SHORT_ENGLISH \
            or (dictionary and word in english_words()) or word in _SPELLED_DOUBLED:
        return None
    if vietnamese(word) and "oo" not in word:  # a syllable as typed ("khoong" is "không", never a word of its own)
        return None
    if word.isalpha():
        return _telex(word)
    return _vni(word, vni_at_the_end) if any(letter.isdigit() for letter in word) else None


def marks_typed_as_keys(text: str) -> str:
    """The text with the words typed with an input method's keys read as the syllables they stand for, when
    the message is such a message; otherwise the text as it is."""
    if not text.isascii():
        return text
    found = [(m.start(), m.end(), read) for m in _WORD.finditer(text) if (read := keys_read(m.group(0))) is not None]
    said = _WORD.findall(text)
    one = text[found[0][0]:found[0][1]].lower() if len(found) == 1 else ""
    sure = (len(found) >= FEWEST_WORDS and len(found) >= SHARE_NEEDED * len(said)) or (bool(one) and (
        # A short message of one such word, with a key that is no tone key: "tooi", "bieets roi".
        (len(said) <= SHORT_MESSAGE and _MODIFIER_KEYS.search(one) is not None)
        # One word no other typing makes, among words of unmarked Vietnamese: "co luwu lai sdt ko"; not syllables typed
        # together ("treem" is "trẻ em", not "trêm").
        or (_UNMISTAKABLE.search(one) is not None and not syllables_together(one) and language_of(text) == "vi")))
    if not sure:
        return text
    # Typed so, the message's rarer English words are its Vietnamese ones too; typed with VNI, so are its words
    # with digits only at the end.
    vni = any(any(letter.isdigit() for letter in text[start:end]) for start, end, _ in found)
    found = [(m.start(), m.end(), read) for m in _WORD.finditer(text)
             if (read := keys_read(m.group(0), dictionary=False, vni_at_the_end=vni)) is not None]
    out, last = [], 0
    for start, end, read in found:
        out += [text[last:start], read]
        last = end
    read_text = "".join([*out, text[last:]])
    # A message in English stays as typed unless, read so, it is Vietnamese: its keys looked English.
    return read_text if language_of(text) != "en" or language_of(read_text) == "vi" else text
