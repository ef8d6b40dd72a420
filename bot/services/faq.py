"""Answers from content/faq: each entry lists the ways people ask it; a message is compared with every
one of them on folded words, weighted by how rare each word is (IDF-weighted Jaccard), and an entry
scores as its closest way of asking. An inverted index keeps the comparison to the questions that share
a word with the message, so the cost does not grow with the size of the FAQ.

Confidence matters more than recall: a wrong answer about methadone doses is worse than "did you
mean…". An entry answers when it matches well (ANSWER_AT), or fairly well and clearly better than any
other entry (CLEAR_AT and CLEAR_MARGIN: a message with one extra word, "what is methadone exactly",
still has one obvious answer). Otherwise the caller offers the best candidates instead of answering.
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.content import FaqEntry
from bot.normalize import words

# Words too common in questions to tell entries apart ("là gì", "có … không", "how do I").
STOPWORDS = frozenset("""
    la gi co khong the nao nhu toi minh em anh chi ban a oi va thi ma cua cho duoc bi o tai voi ve nhe vay sao
    hoi chao xin alo ad admin vang ak please pls hello hi hey
    what is the a an of to do i can my me for in it does are
""".split())


@dataclass(frozen=True)
class Match:
    entry: FaqEntry
    score: float


class Synonyms:
    """Words people use for the same thing (content/synonyms.yaml), rewritten to one before comparing:
    "test HIV free" and "xét nghiệm HIV miễn phí" become the same words."""

    def __init__(self, groups: list[list[str]]) -> None:
        self._to: dict[tuple[str, ...], tuple[str, ...]] = {}
        for group in groups:
            canonical = tuple(words(group[0]))
            for variant in group:
                self._to.setdefault(tuple(words(variant)), canonical)
        self._longest = max((len(k) for k in self._to), default=0)

    @classmethod
    def from_file(cls, path: Path) -> Synonyms:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        groups = data.get("groups") if isinstance(data, dict) else None
        if not isinstance(groups, list) or not all(isinstance(g, list) and g for g in groups):
            raise ValueError(f"{path}: 'groups' must be a list of non-empty lists of words")
        return cls([[str(w) for w in group] for group in groups])

    def rewrite(self, said: list[str]) -> list[str]:
        """The words with each variant replaced by its group's first word, longest variant first."""
        out: list[str] = []
        i = 0
        while i < len(said):
            for size in range(min(self._longest, len(said) - i), 0, -1):
                canonical = self._to.get(tuple(said[i:i + size]))
                if canonical is not None:
                    out.extend(canonical)
                    i += size
                    break
            else:
                out.append(said[i])
                i += 1
        return out


NO_SYNONYMS = Synonyms([])


class FaqIndex:
    ANSWER_AT = 0.5
    CLEAR_AT = 0.25
    CLEAR_MARGIN = 1.3
    SUGGEST_AT = 0.15

    def __init__(self, entries: tuple[FaqEntry, ...], synonyms: Synonyms = NO_SYNONYMS,
                 examples: tuple[tuple[str, str], ...] = ()) -> None:
        """`examples` are more ways of asking, (message, entry id), from the labelled messages in
        content/understanding: what people wrote and which entry answers it."""
        self.by_id = {entry.id: entry for entry in entries}
        self._synonyms = synonyms
        asked_for: list[tuple[FaqEntry, str]] = [
            (entry, question) for entry in entries for question in (*entry.questions.vi, *entry.questions.en)]
        asked_for += [(self.by_id[entry_id], text) for text, entry_id in examples if entry_id in self.by_id]
        questions: list[tuple[FaqEntry, frozenset[str]]] = []
        for entry, question in asked_for:
            terms = frozenset(self._terms(question))
            if terms:
                questions.append((entry, terms))
        frequency: Counter[str] = Counter()
        for _entry, terms in questions:
            frequency.update(terms)
        count = max(len(questions), 1)
        self._idf = {t: math.log(1 + count / n) for t, n in frequency.items()}
        # A word no question uses still counts against a match: it is something the person asked about.
        self._unknown_idf = math.log(1 + count)
        self._questions = [(entry, terms, sum(self._idf[t] for t in terms)) for entry, terms in questions]
        self._postings: dict[str, list[int]] = defaultdict(list)
        for number, (_entry, terms, _weight) in enumerate(self._questions):
            for term in terms:
                self._postings[term].append(number)

    def search(self, text: str, limit: int = 3) -> list[Match]:
        query = frozenset(self._terms(text))
        if not query:
            return []
        return list(self._ranked(query))[:limit]

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - the index lives as long as the process
    def _ranked(self, query: frozenset[str]) -> tuple[Match, ...]:
        """The candidates for a set of words. People ask the same few questions over and over ("methadone
        là gì"), so the ranking is kept for the last few thousand distinct ones: the index never changes."""
        query_weight = sum(self._idf.get(t, self._unknown_idf) for t in query)
        shared: dict[int, float] = defaultdict(float)
        for term in query:
            for number in self._postings.get(term, ()):
                shared[number] += self._idf[term]
        best: dict[str, Match] = {}
        for number, overlap in shared.items():
            entry, _question_terms, weight = self._questions[number]
            # weighted |A ∩ B| / |A ∪ B| = overlap / (|A| + |B| - overlap)
            score = overlap / (query_weight + weight - overlap)
            if entry.id not in best or score > best[entry.id].score:
                best[entry.id] = Match(entry, score)
        ranked = sorted(best.values(), key=lambda m: m.score, reverse=True)
        return tuple(m for m in ranked if m.score >= self.SUGGEST_AT)

    def answer(self, text: str) -> tuple[FaqEntry | None, list[Match]]:
        """The confident answer, if any, and the best candidates for a "did you mean"."""
        matches = self.search(text)
        if not matches:
            return None, matches
        best = matches[0].score
        runner_up = matches[1].score if len(matches) > 1 else 0.0
        if best >= self.ANSWER_AT or (best >= self.CLEAR_AT and best >= self.CLEAR_MARGIN * runner_up):
            return matches[0].entry, matches
        return None, matches

    def _terms(self, text: str) -> list[str]:
        return [w for w in self._synonyms.rewrite(words(text)) if w not in STOPWORDS]
