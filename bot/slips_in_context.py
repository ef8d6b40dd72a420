"""A word a slip of the finger made, read as the word meant by the words around it.

A slip often leaves a word that is no word at all ("cjuyện", "thag", "vứt ở fau", "gười thật"): no reader knows it,
and a phrase matcher misses the phrase it stood in. The splitter (bot/run_together.py) reads such a word alone, as
the commonest known word one slip away; a short word is one slip from too many words for that. Its neighbours
choose: of the words one slip away (a letter struck for the key next to it, left out, added or swapped with the
next), the one people write beside both neighbours, many times over, in the messages the readers learned from
(content/understanding), the FAQ's ways of asking and the phrases of the intents and crisis concepts, is the word
meant. This is context-sensitive spelling correction as Kernighan, Church and Gale's noisy channel and Golding's
word pairs do it, with counts of word pairs for the language model.

Vietnamese has many short syllables and a slip often makes another real one ("bết" and "hết", "rình" and "tình"): no
reader can tell such a slip from the word, so a word is read so only when it is none of a Vietnamese syllable (with
or without marks), syllables typed together (the splitter's: "gìvậy" is "gì vậy", not a slip for "giày"), an English
word, teencode, or a word the examples hold more than twice; in a message not in English (the splitter reads English
slips); of three letters or more. The word meant must stand beside each
neighbour in at least `PAIRS_NEEDED` examples and be `CLEARER` times as likely as any other word one slip away.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import pairwise
from typing import Any

from bot.content import Content
from bot.language import ENGLISH, could_be_vietnamese, language_of
from bot.normalize import ENGLISH_TEXTING, TEENCODE, fold
from bot.run_together import SHORT_ENGLISH, english_words, one_slip, syllables_together

# The word meant stands beside each neighbour in at least this many examples.
PAIRS_NEEDED = 3
# And is this many times as likely as the next word one slip away: two readings as good are no reading.
CLEARER = 5
# A word the examples hold more often than this is a word people write, not a slip.
SEEN_AS_A_WORD = 2
# Shorter words are one slip from too many others ("ko", "dc" are teencode anyway).
SHORTEST = 3
_WORD = re.compile(r"[^\W_]+")


class SlipsInContext:
    """Word pairs counted once from the examples; pure afterwards."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._words: Counter[str] = Counter()
        self._pairs: Counter[tuple[str, str]] = Counter()
        for text in texts:
            said = _WORD.findall(fold(text))
            self._words.update(said)
            self._pairs.update(pairwise(said))
        self._known = english_words() | SHORT_ENGLISH | ENGLISH

    @classmethod
    def learned(cls, content: Content, examples: Iterable[Mapping[str, Any]], phrases: Iterable[str]) -> SlipsInContext:
        """From the words people write beside each other: the labelled examples, the FAQ's ways of asking, the crisis
        concepts' phrases and `phrases` (the small talk's and the topic words, bot/services/intents.py)."""
        written = [str(example["text"]) for example in examples]
        written += [question for entry in content.faq for question in (*entry.questions.vi, *entry.questions.en)]
        written += [phrase.removeprefix("=") for phrases in content.crisis.concepts.values() for phrase in phrases]
        return cls([*written, *phrases])

    def read(self, text: str) -> str:
        """The text with each slip the neighbours make clear replaced by the word meant (folded); otherwise the
        text as it is."""
        if not self._pairs or language_of(text) == "en":
            return text
        found = [(m.start(), m.end(), fold(m.group(0))) for m in _WORD.finditer(text)]
        said = [word for _, _, word in found]
        meant: dict[int, str] = {}
        for i, word in enumerate(said):
            before = said[i - 1] if i > 0 else None
            after = said[i + 1] if i + 1 < len(said) else None
            if (before or after) and self._a_slip(word, before, after):
                reading = self._meant(word, before, after)
                if reading is not None:
                    meant[i] = reading
        if not meant:
            return text
        out, last = [], 0
        for i, reading in meant.items():
            start, end, _ = found[i]
            out += [text[last:start], reading]
            last = end
        return "".join([*out, text[last:]])

    def _a_slip(self, word: str, before: str | None, after: str | None) -> bool:
        """A word no reader knows and no neighbour has been seen beside, and no syllables typed together, which the
        splitter reads ("gìvậy" is "gì vậy", not a slip for "giày")."""
        if len(word) < SHORTEST or not word.isascii() or not word.isalpha() or could_be_vietnamese(word) \
                or syllables_together(word) \
                or word in TEENCODE or word in ENGLISH_TEXTING or word in self._known \
                or self._words[word] > SEEN_AS_A_WORD:
            return False
        return not (before is not None and self._pairs[before, word]) \
            and not (after is not None and self._pairs[word, after])

    def _meant(self, word: str, before: str | None, after: str | None) -> str | None:
        readings = []
        for candidate in one_slip(word):
            sides = [self._pairs[before, candidate]] if before is not None else []
            sides += [self._pairs[candidate, after]] if after is not None else []
            if self._words[candidate] and all(side >= PAIRS_NEEDED for side in sides):
                readings.append((sum(sides), candidate))
        readings.sort(reverse=True)
        if not readings or (len(readings) > 1 and readings[0][0] < CLEARER * readings[1][0]):
            return None
        return readings[0][1]

