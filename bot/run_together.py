"""Words typed without the space between them ("nằmim", "kothở", "khôngdậy", "cantbreathe"), split back;
and a word one slip of the finger from a known one ("khogn", "breathign"), read as that word.

People typing in a hurry, on a small keyboard, with shaking hands, drop spaces. A phrase matcher reads
"nằm im" and never "nằmim"; a model of character n-grams sees a word it never learned. A word that is not
a known word is split into two or three known words when it can be: the known words are those the
crisis model learned from (its examples are thousands of messages in Vietnamese and English) and the
crisis concepts' own words, with the short forms of teencode. A known word is never split, so a word
the examples hold ("methadone", "overdose") stays whole, and a split that needs a piece of one letter
(other than "e", "em" in teencode) is not taken: "a" + "nh" would make words of anything.

A letter typed twice where a known word has it once ("khhỏe", "methhadone") is read once before anything else is
tried, in a word of three letters too ("hhi"): no other reading is as likely. A word that cannot be split and is one
edit from known words (a letter left out, added, swapped with the next or replaced) is read as the commonest of
them, as spelling correctors have done since Norvig's: the examples say which words people use most. Only words of
five letters or more: shorter ones are too close to too many others ("tho", "thi", "the"); those are read as another
only through a key next to the one meant ("cbào" for "chào"), and a word of three letters only when no language here
spells it ("cwn" for "can", "bor" for "bot"; never "mik", a syllable or a short English word). A real English word is
never read as a slip for another, however few of the examples hold it: "willing" is not "killing", "boarding" is not
"hoarding" (bot/words/english.txt, a spelling dictionary's list).

A whole message typed as one word of ten letters or more is read as the fewest known Vietnamese syllables it
is made of. Only a message's first forty unknown words are tried, so a page of noise costs what a message
does.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path

from bot.normalize import TEENCODE

# Shorter than this, a word is left as typed: "ko", "dc", "bn" are teencode, not two words.
MIN_LENGTH = 4
# One-letter pieces a split may use: "e" (em); in a whole message typed as one word, "o" (ở) and "a" (ạ, the polite
# ending) too ("xetnghiemhivodau", "…thisaoa"). In a word of two or three pieces they would cut too many words.
ONE_LETTER = frozenset({"e"})
ONE_LETTER_IN_A_MESSAGE = frozenset({"e", "o", "a"})
# A Vietnamese syllable, folded: an initial and a rhyme. "singer" is no "si" + "ng" + "er": a split is made
# of Vietnamese syllables (or teencode) only, or of English-length words only ("cant" + "breathe").
_RHYMES = """a ac ach ai am an ang anh ao ap at au ay e ec em en eng eo ep et eu i ia ich iec iem ien ieng iep iet
    ieu im in inh ip it iu o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oem oen oeo oet oi om on ong ooc
    oong op ot u ua uan uang uat uay uc ue uech uen uenh uet uy uya uych uyen uyet uynh uyt ui um un ung uo uoc uoi
    uom uon uong uop uot uou up ut uu y yen yet yeu""".split()
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:"
                       + "|".join(sorted(_RHYMES, key=len, reverse=True)) + r")")
# Two syllables or more typed together ("givay", "hetmoi", "otrong"): the splitter's to read, no slip.
_SYLLABLES_TOGETHER = re.compile(rf"(?:{_SYLLABLE.pattern}){{2,}}")
# The longest folded syllable ("nghieng").
LONGEST_SYLLABLE = 7
# Long words Vietnamese borrows, which a message typed without spaces holds among its syllables
# ("methadonecotacdungphugikhong"); any piece this long or longer must be one of them.
BORROWED_WORDS = frozenset({"methadone", "heroin", "ketamine", "buprenorphine", "naloxone", "fentanyl", "morphine",
                            "tramadol", "suboxone", "ecstasy", "cocaine"})
BORROWED = 6
LONGEST_BORROWED = max(map(len, BORROWED_WORDS))
# Short words Vietnamese borrows whole, which are no Vietnamese syllable: "xetnghiemhivodau" is "xét nghiệm HIV ở đâu".
SHORT_BORROWED = frozenset({"hiv", "arv", "aids", "prep", "pep", "hcv", "hbv"})
# The shortest piece of a split into words that are not Vietnamese syllables.
ENGLISH_PIECE = 3
# A split that needs a piece of teencode that is no syllable ("ck", "ko") is taken in a word this long at
# least: "hack" is no "ha" + "ck".
TEENCODE_WORD = 5
# A word this long is a message typed without spaces, read as syllables, up to a long message's length.
WHOLE_MESSAGE = 10
LONGEST_MESSAGE = 300
# Longer than this, a word is tried as a message typed without spaces only, not as two or three words or
# a slip (the ways of cutting it grow with the square of its length).
LONGEST_WORD = 30
# How many unknown words of one message are tried: people's run-together words and slips are a few; a
# page of noise or another script gets its first ones tried and the rest left as typed.
MOST_REPAIRS = 40
# A word this short is read only as a known word with a letter typed twice ("hhi"), in a message not in English, and
# never when it is a short English word.
SHORT_DOUBLED = 3
# Short English words, and cries and sounds typed in chats, that no spelling dictionary list here holds (it keeps words
# of four letters or more) and that read as something else: a word with a letter typed twice ("too", "see", "off"), or
# a syllable and a tone key typed with the input method off ("bus" as "bú", "sos", "hix"; bot/input_method.py).
SHORT_ENGLISH = frozenset("""
    too see off all add odd egg ill bee fee tee pee wee zoo boo goo moo loo err inn ebb
    bus gas yes was has his its box mix six tax max sex sos fox far car bar war jar per nor air hix hic hjx mas lol
    kiss boss pass miss less mess loss toss xoxo""".split())
# The shortest typed word read as a slip of the finger, and the shortest read as an English word.
SLIP_LENGTH = 5
ENGLISH_SLIP = 7


@cache
def english_words() -> frozenset[str]:
    """The words of an English spelling dictionary, four letters or more (bot/words/README.md): read once."""
    path = Path(__file__).parent / "words" / "english.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def syllables_together(word: str) -> bool:
    """Whether a folded word is two Vietnamese syllables or more typed without the space between them."""
    return len(word) <= WHOLE_MESSAGE and _SYLLABLES_TOGETHER.fullmatch(word) is not None


def vietnamese(piece: str) -> bool:
    """A Vietnamese syllable, folded, or a piece of teencode."""
    return bool(_SYLLABLE.fullmatch(piece)) or (piece in TEENCODE and len(piece) > 1) or piece in ONE_LETTER


def _one_edit(word: str) -> set[str]:
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in cuts if b} | {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
            | {a + c + b[1:] for a, b in cuts if b for c in string.ascii_lowercase}
            | {a + c + b for a, b in cuts for c in string.ascii_lowercase})


# Letters next to each other on a phone's QWERTY keyboard.
_NEXT_KEYS = dict(zip("qwertyuiopasdfghjklzxcvbnm", (
    "wa", "qeas", "wrds", "etdf", "ryfg", "tugh", "yihj", "uojk", "ipkl", "ol", "qwsz", "weadzx", "erfsxc", "rtgdcv",
    "tyhfvb", "yugjbn", "uihknm", "iojlm", "opk", "asx", "zcsd", "xvdf", "cbfg", "vngh", "bmhj", "njk"), strict=True))


def one_slip(word: str) -> set[str]:
    """The words one slip of the finger from this one, of two letters or more: a key next to the one meant, a letter
    left out or typed extra, two letters swapped (bot/slips_in_context.py reads among them by the words around)."""
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + near + b[1:] for a, b in cuts if b for near in _NEXT_KEYS.get(b[0], "")}
    out |= {a + b[1:] for a, b in cuts if b}
    out |= {a + letter + b for a, b in cuts for letter in string.ascii_lowercase}
    out |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    out.discard(word)
    return {candidate for candidate in out if len(candidate) >= 2}


def _next_key(word: str) -> set[str]:
    """The words a slip of the finger could have made this one from: a letter struck for the key next to it,
    or a key next to a letter struck as well."""
    swapped = {word[:i] + c + word[i + 1:] for i, letter in enumerate(word) for c in _NEXT_KEYS.get(letter, "")}
    extra = {word[:i] + word[i + 1:] for i, letter in enumerate(word)
             if any(letter in _NEXT_KEYS.get(near, "") for near in word[max(0, i - 1):i] + word[i + 1:i + 2])}
    return swapped | extra


class Splitter:
    """Reads a message's unknown words as the known words they were meant to be. Pure, and built once per
    reader: each reader knows its own words (bot/services/crisis.py, faq.py, intents.py)."""

    def __init__(self, known: Iterable[str], frequency: Mapping[str, float] | None = None) -> None:
        """`frequency` says how common each known word is, to choose among a slip's readings; without it
        a slip is read only when a single known word is one edit away."""
        self._known = frozenset(w for w in known if w.isalpha()) | frozenset(TEENCODE)
        self._frequency = frequency
        self.split = lru_cache(maxsize=8192)(self._split)
        self._split_english = lru_cache(maxsize=8192)(lambda word: self._split(word, english=True))

    def known(self, word: str) -> bool:
        return word in self._known

    def _piece(self, piece: str) -> bool:
        return piece in self._known and (len(piece) > 1 or piece in ONE_LETTER)

    @staticmethod
    def _one_language(pieces: tuple[str, ...], english: bool = False) -> bool:
        if all(len(p) >= ENGLISH_PIECE for p in pieces):
            return True
        if english:
            return False
        shorthand = any(not _SYLLABLE.fullmatch(p) and p in TEENCODE for p in pieces)
        if shorthand and sum(map(len, pieces)) >= TEENCODE_WORD \
                and all(vietnamese(p) or len(p) >= ENGLISH_PIECE for p in pieces):
            # Teencode run into a borrowed word ("xnhiv", "vsmethadone"): "xét nghiệm HIV", "với methadone".
            return True
        return all(map(vietnamese, pieces)) and (not shorthand or sum(map(len, pieces)) >= TEENCODE_WORD)

    def _split(self, word: str, english: bool = False) -> tuple[str, ...] | None:
        """The known words a typed word is made of, in two pieces or else three; None if it is a known
        word, too short, not letters, or no such split exists. Of several splits, the one whose longest
        piece is longest (the likelier reading of a long word). In an English message (`english`), a word
        is never read as Vietnamese syllables run together: "boredom" is no "bỏ rể đom"."""
        if len(word) < MIN_LENGTH or word in self._known or not word.isalpha():
            return None
        # A letter typed twice where a known word has it once ("khhỏe", "methhadone") is that word, before any split:
        # "khhoe" is no "kh" + "ho" + "e".
        undoubled = self._undoubled(word)
        if undoubled is not None:
            return undoubled
        # An English plural of a known word ("condoms", "needles") is a word as typed, not pieces ("con do
        # ms"): no folded Vietnamese syllable ends in "s", and the readers take plurals as they come.
        if word.endswith("s") and (word[:-1] in self._known or (word.endswith("es") and word[:-2] in self._known)):
            return None
        if len(word) > LONGEST_WORD:
            return None if english else self._syllables(word)
        # One Vietnamese syllable typed is a word, if a rare one: "điếng" is no "đi" + "eng".
        if not english and _SYLLABLE.fullmatch(word):
            return None
        pairs = [(word[:i], word[i:]) for i in range(1, len(word))
                 if self._piece(word[:i]) and self._piece(word[i:])
                 and self._one_language((word[:i], word[i:]), english)]
        if pairs:
            return max(pairs, key=lambda pair: max(len(pair[0]), len(pair[1])))
        threes = [(word[:i], word[i:j], word[j:]) for i in range(1, len(word) - 1) for j in range(i + 1, len(word))
                  if self._piece(word[:i]) and self._piece(word[i:j]) and self._piece(word[j:])
                  and self._one_language((word[:i], word[i:j], word[j:]), english)]
        if threes:
            return max(threes, key=lambda three: max(map(len, three)))
        return (None if english else self._syllables(word)) or self._slip(word, english)

    def _syllables(self, word: str) -> tuple[str, ...] | None:
        """A whole message typed as one word ("emmuonketthuchetdemnay", "methadonecotacdungphugikhong"): the
        fewest known Vietnamese syllables (or teencode) it is made of, with the long words Vietnamese borrows
        ("methadone", "heroin"), found by dynamic programming."""
        if not WHOLE_MESSAGE <= len(word) <= LONGEST_MESSAGE:
            return None
        best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
        for end in range(1, len(word) + 1):
            for start in range(max(0, end - LONGEST_BORROWED), end):
                before, piece = best[start], word[start:end]
                if before is not None and piece in self._known \
                        and (len(piece) > 1 or piece in ONE_LETTER_IN_A_MESSAGE) \
                        and (vietnamese(piece) or piece in SHORT_BORROWED or piece in BORROWED_WORDS) \
                        and (best[end] is None or len(before) + 1 < len(best[end] or ())
                             or (len(before) + 1 == len(best[end] or ())
                                 and self._commonness((*before, piece)) > self._commonness(best[end] or ()))):
                    best[end] = (*before, piece)
        return best[-1]

    def _commonness(self, pieces: tuple[str, ...]) -> float:
        """Of two splits with as few pieces, the one of commoner words ("hiv ở đâu", not "hi vợ đâu")."""
        frequency = self._frequency
        return 0.0 if frequency is None else sum(frequency.get(piece, 0.0) for piece in pieces)

    def _undoubled(self, word: str) -> tuple[str] | None:
        """The known word this one is with a letter typed twice ("tthe", "mmáy", "methhadone"), whatever the word's
        length or language: no other reading is as likely."""
        doubled = [word[:i] + word[i + 1:] for i in range(len(word) - 1) if word[i] == word[i + 1]]
        undoubled = [w for w in doubled if w in self._known and (len(w) > 1 or w in ONE_LETTER)]
        return (undoubled[0],) if undoubled else None

    def _slip(self, word: str, english: bool = False) -> tuple[str, ...] | None:
        # A Vietnamese syllable typed is a word, if a rare one.
        if _SYLLABLE.fullmatch(word):
            return None
        # A short word is read as another only through a key next to the one meant ("cbào" for "chào", "fhet" for
        # "chet"): teencode swaps letters that are not neighbours ("dzậy", "wá", "kái") and stays as typed.
        # In a message in English, a short word is an English word struck with a key next to the one meant ("dise" for
        # "dose"), and one of five or six letters is one edit from an English word ("plwase", "useles"): the message
        # has no Vietnamese syllables to be mistaken for them.
        if len(word) < SLIP_LENGTH:
            if word.startswith("dz"):
                return None  # "dz" is teencode's "d" or "v" ("dzậy", "dzô"), never a slip
            return self._likeliest(sorted(w for w in _next_key(word) if w in self._known
                                          and (english or _SYLLABLE.fullmatch(w))))
        if len(word) > LONGEST_WORD:
            return None
        # An English word is read as another only when long ("breathign"), or in a message in English: "stalk" in a
        # Vietnamese message is not "talk".
        return self._likeliest(sorted(w for w in _one_edit(word) if w in self._known and len(w) > 2
                                      and (_SYLLABLE.fullmatch(w) or english or len(word) >= ENGLISH_SLIP)))

    def _likeliest(self, readings: list[str]) -> tuple[str, ...] | None:
        if not readings:
            return None
        if self._frequency is None:
            return (readings[0],) if len(readings) == 1 else None
        frequency = self._frequency
        return (max(readings, key=lambda w: frequency.get(w, 0.0)),)

    def repairs(self, said: Sequence[str], english: bool = False) -> list[tuple[str, ...] | None]:
        """For each word, the words it was meant to be (teencode written out), or None to keep it as typed;
        after `MOST_REPAIRS` unknown words, the rest as typed (a page of noise costs no more than a message)."""
        out: list[tuple[str, ...] | None] = []
        tried = 0
        dictionary = english_words()
        for word in said:
            pieces = None
            # A real English word stays as typed in a message in English, and in any message when it is as long as
            # an English slip ("boarding"); in a Vietnamese one, a short word may be syllables run together.
            as_typed = word in dictionary and (english or len(word) >= ENGLISH_SLIP)
            if tried < MOST_REPAIRS and len(word) >= MIN_LENGTH and word.isalpha() and word not in self._known \
                    and not as_typed:
                tried += 1
                pieces = self._split_english(word) if english else self.split(word)
            elif len(word) == SHORT_DOUBLED and word.isalpha() and word not in self._known \
                    and word not in SHORT_ENGLISH:
                # Three letters, one typed twice ("hhi", "ddi"): the two-letter word, if known. Or, in no language's
                # spelling, one letter struck for the key next to it ("cwn", "bor"): the word of the keys meant.
                pieces = None if english else self._undoubled(word)
                if pieces is None and not _SYLLABLE.fullmatch(word):
                    pieces = self._likeliest(sorted(w for w in _next_key(word) if len(w) == len(word)
                                                    and w in self._known and (english or _SYLLABLE.fullmatch(w))))
            out.append(None if pieces is None else tuple(
                written for piece in pieces for written in TEENCODE.get(piece, piece).split()))
        return out

    def words(self, said: Sequence[str], english: bool = False) -> list[str]:
        """The words, each unknown one read as the words it was meant to be."""
        return [w for word, pieces in zip(said, self.repairs(said, english), strict=True) for w in (pieces or (word,))]
