"""Phrases found in a message word by word, with the diacritics a person typed taken into account.

Folding makes "bat tinh" and "bất tỉnh" the same, which is what people without a Vietnamese keyboard
need. But folding also makes different words the same: "bí danh" (alias) and "bị đánh" (beaten),
"chăm sóc" (care) and "sốc" (shock), "đá tối nay" (football tonight) and "đá tôi" (kicks me), English
"song" and "sống". So a phrase's word matches a typed word when their folded letters are equal and the
diacritics typed are the phrase word's own. A word typed without diacritics matches any reading, as it
must; a word typed with them matches only its own (and a phrase word without any, such as English
"song", matches only a word typed without any). Tone marks are compared as a set, so the old and new
placements ("hoà", "hòa") are the same word.

A phrase written "=tự tử" needs the diacritics typed: folded, it would be "từ từ" (slowly), so an
unaccented "tu tu" does not count.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.normalize import MARKED_TEENCODE, TEENCODE, fold

_REPEATED = re.compile(r"([a-z])\1{2,}")


@dataclass(frozen=True)
class Token:
    folded: str
    marks: str | None  # the diacritics typed on the word (sorted), None when it was typed without any


def _marks(raw: str) -> str | None:
    decomposed = unicodedata.normalize("NFD", raw)
    marks = sorted(ch for ch in decomposed if unicodedata.combining(ch))
    if "đ" in raw:
        marks.append("đ")
    return "".join(marks) or None


def _squeeze(word: str) -> str:
    return _REPEATED.sub(lambda m: "uu" if m.group(1) == "u" else m.group(1), word)


BREAK = Token(",", None)
# Punctuation that ends a clause: no phrase runs across it ("... không? Con tôi" is not "không còn tôi").
_PIECES = re.compile(r"[^\W_]+|[.?!,;:…\n]+")


def tokenize(text: str, expand_teencode: bool = True) -> list[Token]:
    """The message's words, folded, each with the diacritics typed on it; teencode expanded; a break
    where a clause ends."""
    out: list[Token] = []
    for raw in _PIECES.findall(text.casefold()):
        if not raw[0].isalnum():
            if out and out[-1] is not BREAK:
                out.append(BREAK)
            continue
        if unicodedata.normalize("NFC", raw) in MARKED_TEENCODE:
            out.extend(Token(fold(word), _marks(word))
                       for word in MARKED_TEENCODE[unicodedata.normalize("NFC", raw)].split())
            continue
        for part in re.findall(r"[0-9a-z]+", fold(raw)):
            folded = _squeeze(part) if len(part) > 2 and part[-1] == part[-2] else part
            marks = _marks(raw)
            if marks is None and expand_teencode and folded in TEENCODE:
                out.extend(Token(word, None) for word in TEENCODE[folded].split())
            else:
                out.append(Token(folded, marks))
    return out


@dataclass(frozen=True)
class _Phrase:
    name: str
    words: tuple[Token, ...]
    exact: bool  # the diacritics must be typed


def _phrase(name: str, text: str) -> _Phrase | None:
    exact = text.startswith("=")
    words = tuple(tokenize(text[1:] if exact else text))
    return _Phrase(name, words, exact) if words else None


def _same(want: Token, typed: Token, exact: bool) -> bool:
    if want.folded != typed.folded:
        return False
    if typed.marks is None:
        return not (exact and want.marks is not None)
    return want.marks == typed.marks


class PhraseSet:
    """Named lists of phrases, looked up by their first two folded words: a common first word ("tôi",
    "đang", "không") starts hundreds of phrases, and the second word rules out nearly all of them."""

    def __init__(self, named: Mapping[str, Iterable[str]]) -> None:
        self._single: dict[str, list[_Phrase]] = defaultdict(list)
        self._by_two: dict[tuple[str, str], list[_Phrase]] = defaultdict(list)
        for name, phrases in named.items():
            for text in phrases:
                phrase = _phrase(name, text)
                if phrase is None:
                    continue
                if len(phrase.words) == 1:
                    self._single[phrase.words[0].folded].append(phrase)
                else:
                    self._by_two[(phrase.words[0].folded, phrase.words[1].folded)].append(phrase)
        for candidates in self._by_two.values():
            candidates.sort(key=lambda p: len(p.words), reverse=True)

    def matches(self, tokens: Sequence[Token]) -> list[tuple[str, int, int]]:
        """(name, start, end) of every phrase found, longest first at each position."""
        found = []
        for start, token in enumerate(tokens):
            longer = self._by_two.get((token.folded, tokens[start + 1].folded), ()) if start + 1 < len(tokens) else ()
            for phrase in (*longer, *self._single.get(token.folded, ())):
                end = start + len(phrase.words)
                if end <= len(tokens) and all(
                        _same(want, typed, phrase.exact) for want, typed in zip(phrase.words, tokens[start:end],
                                                                                strict=True)):
                    found.append((phrase.name, start, end))
        return found

    def names(self, tokens: Sequence[Token]) -> set[str]:
        return {name for name, _start, _end in self.matches(tokens)}

    def remove(self, tokens: Sequence[Token], inside: Sequence[tuple[int, int]] = ()) -> list[Token]:
        """The tokens with every phrase found replaced by a break (","). A phrase lying within a longer span
        of `inside` stays: the longer phrase says more ("sống cùng" in "song cung chang de lam gi", which is
        "sống cũng chẳng để làm gì" typed without marks). Phrases that overlap go together ("lăn ra ngủ" and
        "ngủ như chết" in "lăn ra ngủ như chết")."""
        out = list(tokens)
        taken = [False] * len(out)
        for _name, start, end in self.matches(tokens):
            if any(s <= start and end <= e and e - s > end - start for s, e in inside):
                continue
            for i in range(start, end):
                taken[i] = True
        return [BREAK if taken[i] else token for i, token in enumerate(out)]
