"""Answers from content/faq: each entry lists the ways people ask it; a message is compared with every
one of them on folded words, weighted by how rare each word is (IDF-weighted Jaccard), and an entry
scores as its closest way of asking. An inverted index keeps the comparison to the questions that share
a word with the message, so the cost does not grow with the size of the FAQ.

Beside it, a learned ranker (FaqModel): character 2–4-grams and word pairs of the same folded,
synonym-rewritten words, TF-IDF, and a linear model learned at start from the same ways of asking. Word
overlap fails on the messages people actually write: long stories where the question is one sentence
among many (their many words drown any one way of asking), English and unaccented spellings no way of
asking lists, words run together. Character n-grams still find the entry there; on messages neither
was built from, the ranker's first choice was right about 96% of the time against 88–91% for the
overlap (docs/knowledge.md).

Confidence matters more than recall: a wrong answer about methadone doses is worse than "did you
mean…". An entry answers when the ranker's probability and the word overlap together are high enough
(COMBINED_AT, the overlap counted twice). Without the ranker, an entry answers when the overlap matches
well (ANSWER_AT), or fairly well and clearly better than any other entry (CLEAR_AT and CLEAR_MARGIN: a
message with one extra word, "what is methadone exactly", still has one obvious answer). Otherwise the
caller offers the best candidates instead of answering.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csc_matrix

from bot.content import FaqEntry
from bot.language import ENGLISH, language_of
from bot.normalize import common_words, words
from bot.run_together import Splitter
from bot.services.linear_text import Fitted, LinearReader, Weights, kept
from bot.yaml_text import parse_yaml

# Words too common in questions to tell entries apart ("là gì", "có … không", "how do I"), and the words that
# only lean on a question ("what is methadone even for", "so what actually happens", "vậy là sao nhỉ").
STOPWORDS = frozenset("""
    la gi co khong the nao nhu toi minh em anh chi ban a oi va thi ma cua cho duoc bi o tai voi ve nhe vay sao
    hoi chao xin alo ad admin vang ak please pls hello hi hey
    what is the a an of to do i can my me for in it does are help need with giup
    even actually exactly really just though anyway anyways basically um uh ok okay so guys lol nhi
    haha hihi hehe hoho kkk lmao xd
""".split())


# Words of emphasis that name a death and mean none ("I'm dying to know …", "stressed to death about …"): they would
# pull a question towards the entries about dying.
_EMPHASIS = (("dying", "to"), ("to", "death"))


def _without_emphasis(said: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(said):
        if tuple(said[i:i + 2]) in _EMPHASIS:
            i += 2
            continue
        out.append(said[i])
        i += 1
    return out


@dataclass(frozen=True)
class Match:
    entry: FaqEntry
    score: float  # how sure: the better of the word overlap and the learned ranker's probability
    overlap: float = 0.0  # the word overlap alone: a match on the words themselves, not on their shape
    probability: float = 0.0  # the learned ranker's probability alone (0 without the ranker)


class Synonyms:
    """Words people use for the same thing (content/synonyms.yaml), rewritten to one before comparing:
    "test HIV free" and "xét nghiệm HIV miễn phí" become the same words."""

    def __init__(self, groups: list[list[str]]) -> None:
        self._to: dict[tuple[str, ...], tuple[str, ...]] = {}
        for group in groups:
            canonical = tuple(words(group[0]))
            for variant in group:
                self._to.setdefault(tuple(words(variant)), canonical)
        # The lengths of the variants that start with each word, longest first: most words start none.
        sizes: dict[str, set[int]] = defaultdict(set)
        for said in self._to:
            if said:
                sizes[said[0]].add(len(said))
        self._sizes = {first: tuple(sorted(lengths, reverse=True)) for first, lengths in sizes.items()}

    @classmethod
    def from_file(cls, path: Path) -> Synonyms:
        data = parse_yaml(path.read_text(encoding="utf-8"))
        groups = data.get("groups") if isinstance(data, dict) else None
        if not isinstance(groups, list) or not all(isinstance(g, list) and g for g in groups):
            raise ValueError(f"{path}: 'groups' must be a list of non-empty lists of words")
        return cls([[str(w) for w in group] for group in groups])

    @functools.cached_property
    def signature(self) -> str:
        """What the rewriting does, as text: a model learned with other synonyms is another model."""
        return repr(sorted(self._to.items()))

    def prepared(self, text: str) -> str:
        """The message as the learned ranker reads it: folded words, each variant rewritten."""
        return " ".join(self.rewrite(words(text)))

    def rewrite(self, said: list[str]) -> list[str]:
        """The words with each variant replaced by its group's first word, longest variant first."""
        out: list[str] = []
        i = 0
        while i < len(said):
            for size in self._sizes.get(said[i], ()):
                canonical = self._to.get(tuple(said[i:i + size])) if i + size <= len(said) else None
                if canonical is not None:
                    out.extend(canonical)
                    i += size
                    break
            else:
                out.append(said[i])
                i += 1
        return out


NO_SYNONYMS = Synonyms([])


class FaqModel:
    """Which entry a message asks for, learned from the ways of asking: character 2–4-grams (spellings,
    missing diacritics, teencode, words run together) and word pairs ("đi cai", "take home") of the
    folded message, TF-IDF with each block normalised on its own, and a linear model (log loss, one
    entry against the rest), the same kind of reader as the crisis model. It ranks; the index decides
    whether that is sure enough to answer."""

    # Each entry against the rest, learned to the end (liblinear's Newton steps, not passes over shuffled
    # examples): the same examples always give the same model, whatever their order, and a way of asking added
    # to one entry moves only the answers near it. Learned by passes over shuffled examples, adding one moved
    # about 180 answers of the 15,880 outside-set messages; learned to the end, 2 to 14 (docs/knowledge.md).
    # The penalty is weak: with over ninety entries, each learned from a few dozen ways of asking, a stronger
    # one flattens the entries asked about in few words (the dangers, above all). Chosen on labelled sets the
    # ranker never learns from (docs/knowledge.md).
    C = 300.0

    def __init__(self, weights: Weights, fitted: Fitted | None = None) -> None:
        self.fitted = fitted
        self._ids = list(weights.classes)
        self._reader = LinearReader(weights)  # tests/understanding/test_faq.py

    @classmethod
    def fit(cls, pairs: tuple[tuple[str, str], ...]) -> Fitted:
        """`pairs` are (prepared message, entry id): folded, synonyms rewritten."""
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        texts = [text for text, _entry_id in pairs]
        vectorizers = (
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                            token_pattern=r"\S+"),  # noqa: S106 (a regular expression, not a secret)
        )
        features = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
        labels = [entry_id for _text, entry_id in pairs]
        classifier = OneVsRestClassifier(LogisticRegression(C=cls.C, solver="liblinear")).fit(features, labels)
        return Fitted(vectorizers, classifier)

    @classmethod
    def learn(cls, pairs: tuple[tuple[str, str], ...]) -> FaqModel:
        """A model learned now, with the scikit-learn objects it was learned as."""
        fitted = cls.fit(pairs)
        return cls(fitted.weights(), fitted)

    def probabilities(self, prepared: str) -> np.ndarray:
        """What predict_proba gives for one prepared message, in the order of `ids`."""
        return self._reader.probabilities(prepared)

    @property
    def ids(self) -> list[str]:
        return self._ids

    def ranked(self, prepared: str, limit: int = 3) -> list[tuple[str, float]]:
        """The likeliest entries with their probabilities, best first."""
        p = self.probabilities(prepared)
        best = np.argsort(p)[::-1][:limit]
        return [(self._ids[i], float(p[i])) for i in best]


_MODELS: dict[str, FaqModel] = {}
# (words, terms) of each way of asking, by the synonyms' signature: see FaqIndex.
_READ: dict[str, dict[str, tuple[tuple[str, ...], frozenset[str]]]] = {}


def learned(pairs: tuple[tuple[str, str], ...], synonyms: Synonyms = NO_SYNONYMS,
            models: Path | None = None) -> FaqModel:
    """The model for these ways of asking, (message, entry id), learned once per process and set of ways
    of asking and synonyms (about a second on a quiet machine; every bot a test suite builds shares it),
    and read from the `models` folder when an earlier start kept it."""
    digest = hashlib.sha256(synonyms.signature.encode())
    for text, entry_id in pairs:
        digest.update(f"\n{entry_id}\t{text}".encode())
    key = digest.hexdigest()
    if key not in _MODELS:
        def learn() -> Weights:
            prepared = tuple((synonyms.prepared(text), entry_id) for text, entry_id in pairs)
            return FaqModel.fit(tuple(pair for pair in prepared if pair[0])).weights()
        _MODELS[key] = FaqModel(kept(models, "faq", key, learn))
    return _MODELS[key]


class FaqIndex:
    ANSWER_AT = 0.5
    CLEAR_AT = 0.25
    CLEAR_MARGIN = 1.3
    SUGGEST_AT = 0.15
    # With the learned ranker: an entry answers when its probability plus twice its word overlap
    # reaches COMBINED_AT (chosen on messages neither had learned from; docs/knowledge.md).
    OVERLAP_WEIGHT = 2.0
    COMBINED_AT = 0.6
    # The ranker all but certain of an entry: what a question asks is not in doubt (bot/services/crisis.py).
    CERTAIN_AT = 0.9
    # The overlap of a message that is one of an entry's ways of asking, its words all there and no other.
    EXACT_AT = 0.99
    # One or two words that any way of asking uses ("cai", "hiv", "I need help", "methadone qwe asdkjh")
    # are too little for the ranker's probability to mean anything: they are matched by their words
    # alone (a way of asking, or a "did you mean").
    RANKER_MIN_TERMS = 3

    def __init__(self, entries: tuple[FaqEntry, ...], synonyms: Synonyms = NO_SYNONYMS,
                 examples: tuple[tuple[str, str], ...] = (), learn: bool = True, models: Path | None = None,
                 ranker_examples: tuple[tuple[str, str], ...] = ()) -> None:
        """`examples` are more ways of asking, (message, entry id), from the labelled messages in
        content/understanding: what people wrote and which entry answers it. `ranker_examples` are ways of
        asking the learned ranker alone learns from: thousands written apart from the project, each as its
        writer labelled it. Matched word for word as well, their near-duplicates of one another's words
        would outvote an entry's own ways of asking ("can you die from methadone" is the nearest words of a
        question about mixing it with alcohol); learned, they teach the ranker which words ask for what.
        `learn=False` leaves out the learned ranker (to measure what it adds); `models` is where learned
        weights are kept."""
        self.by_id = {entry.id: entry for entry in entries}
        self._synonyms = synonyms
        self._splitter: Splitter | None = None  # the ways of asking are read as written
        asked_for: list[tuple[FaqEntry, str]] = [
            (entry, question) for entry in entries for question in (*entry.questions.vi, *entry.questions.en)]
        asked_for += [(self.by_id[entry_id], text) for text, entry_id in examples if entry_id in self.by_id]
        questions: list[tuple[FaqEntry, frozenset[str]]] = []
        # The words of each way of asking, read once per process and set of synonyms: every bot a test
        # suite builds reads the same few thousand.
        read = _READ.setdefault(synonyms.signature, {})
        word_counts: Counter[str] = Counter()
        for entry, question in asked_for:
            if question not in read:
                said = words(question)
                read[question] = (tuple(said), frozenset(w for w in synonyms.rewrite(said) if w not in STOPWORDS))
            said_words, terms = read[question]
            word_counts.update(said_words)
            if terms:
                questions.append((entry, terms))
        frequency: Counter[str] = Counter()
        for _entry, terms in questions:
            frequency.update(terms)
        count = max(len(questions), 1)
        self._idf = {t: math.log(1 + count / n) for t, n in frequency.items()}
        # A word no question uses still counts against a match: it is something the person asked about.
        self._unknown_idf = math.log(1 + count)
        # Each way of asking as a row of its words' IDF: a message's overlap with all of them is the sum
        # of the columns of its words, one sparse sum in C rather than a walk through every posting (a
        # common word such as "methadone" is in thousands of ways of asking).
        self._entries = list(self.by_id.values())
        position = {entry.id: number for number, entry in enumerate(self._entries)}
        self._column = {term: column for column, term in enumerate(self._idf)}
        rows = [number for number, (_entry, terms) in enumerate(questions) for _term in terms]
        columns = [self._column[term] for _entry, terms in questions for term in terms]
        values = [self._idf[term] for _entry, terms in questions for term in terms]
        self._matrix = csc_matrix((values, (rows, columns)), shape=(len(questions), len(self._idf)))
        self._row_weight = np.array([sum(self._idf[t] for t in terms) for _entry, terms in questions])
        self._row_entry = np.array([position[entry.id] for entry, _terms in questions], dtype=np.intp)
        pairs = tuple((question, entry.id) for entry, question in asked_for)
        pairs += tuple((text, entry_id) for text, entry_id in ranker_examples if entry_id in self.by_id)
        self.model = learned(pairs, synonyms, models) if learn and pairs else None
        # A message's words typed together are split back into the words of the ways of asking
        # (bot/run_together.py): "methadoneladi" is "methadone là gì".
        self.word_counts = word_counts
        # Common English words are words too, never pieces to join again: "home" is no "hom" + "em".
        known = {**dict.fromkeys(ENGLISH, 1.0), **self.word_counts}
        self._splitter = Splitter(known, known)

    def search(self, text: str, limit: int = 3) -> list[Match]:
        return self._search(frozenset(self._terms(text)), limit)

    def _search(self, query: frozenset[str], limit: int) -> list[Match]:
        return list(self._ranked(query))[:limit] if query else []

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - the index lives as long as the process
    def _ranked(self, query: frozenset[str]) -> tuple[Match, ...]:
        """The candidates for a set of words. People ask the same few questions over and over ("methadone
        là gì"), so the ranking is kept for the last few thousand distinct ones: the index never changes."""
        query_weight = sum(self._idf.get(t, self._unknown_idf) for t in query)
        columns = [self._column[t] for t in query if t in self._column]
        if not columns:
            return ()
        # The postings of the message's words, straight from the matrix's columns, summed per way of asking.
        matrix = self._matrix
        postings = [slice(matrix.indptr[c], matrix.indptr[c + 1]) for c in columns]
        overlap = np.bincount(np.concatenate([matrix.indices[p] for p in postings]),
                              weights=np.concatenate([matrix.data[p] for p in postings]), minlength=matrix.shape[0])
        rows = np.flatnonzero(overlap)
        # weighted |A ∩ B| / |A ∪ B| = overlap / (|A| + |B| - overlap), the best way of asking per entry
        scores = overlap[rows] / (query_weight + self._row_weight[rows] - overlap[rows])
        best = np.zeros(len(self._entries))
        np.maximum.at(best, self._row_entry[rows], scores)
        order = sorted((number for number in np.flatnonzero(best >= self.SUGGEST_AT)),
                       key=lambda number: (-best[number], number))
        return tuple(Match(self._entries[n], float(best[n]), float(best[n])) for n in order)

    def answer(self, text: str) -> tuple[FaqEntry | None, list[Match]]:
        """The confident answer, if any, and the best candidates for a "did you mean", best first (the
        answer first). A candidate's score is the better of its overlap and the ranker's probability."""
        rewritten = self._synonyms.rewrite(self._words(text))  # read once: the overlap and the ranker share it
        terms = [w for w in rewritten if w not in STOPWORDS]
        matches = self._search(frozenset(terms), limit=5)
        overlap = {m.entry.id: m.score for m in matches}
        known = {term for term in terms if term in self._idf}
        if self.model is None or len(known) < self.RANKER_MIN_TERMS:
            return self._by_overlap(matches), matches[:3]
        probability = dict(self.model.ranked(" ".join(rewritten), limit=5))
        # The two agree on most messages; where they do not, the words themselves count twice: a way of
        # asking matched word for word is rarely wrong, and the ranker's shape of a question sometimes is
        # ("mấy giờ đi uống methadone" is shaped like the daily-dosing questions).
        combined = {i: probability.get(i, 0.0) + self.OVERLAP_WEIGHT * overlap.get(i, 0.0)
                    for i in {*probability, *overlap}}
        # A message that is one of an entry's ways of asking, word for word, is that entry's question, whatever the
        # ranker learned from messages that share its words.
        exact = [m.entry.id for m in matches if m.score >= self.EXACT_AT]
        if len(exact) == 1:
            combined[exact[0]] = max(combined.values()) + 1.0
        order = sorted(combined, key=lambda i: (combined[i], i), reverse=True)
        candidates = [Match(self.by_id[i], max(probability.get(i, 0.0), overlap.get(i, 0.0)), overlap.get(i, 0.0),
                            probability.get(i, 0.0)) for i in order]
        entry = self.by_id[order[0]] if order and combined[order[0]] >= self.COMBINED_AT else None
        return entry, [m for m in candidates if m.score >= self.SUGGEST_AT or m.entry is entry][:3]

    def certain(self, text: str) -> bool:
        """Whether the learned ranker is all but certain which entry answers the message."""
        entry, candidates = self.answer(text)
        return entry is not None and candidates[0].entry is entry and candidates[0].probability >= self.CERTAIN_AT

    def _by_overlap(self, matches: list[Match]) -> FaqEntry | None:
        """The answer by word overlap alone: a good match, or a fair one clearly ahead of the next."""
        if not matches:
            return None
        best = matches[0].score
        runner_up = matches[1].score if len(matches) > 1 else 0.0
        if best >= self.ANSWER_AT or (best >= self.CLEAR_AT and best >= self.CLEAR_MARGIN * runner_up):
            return matches[0].entry
        return None

    def _words(self, text: str) -> list[str]:
        english = language_of(text) == "en"
        said = _without_emphasis(words(common_words(text), english=english))
        return self._splitter.words(said, english=english) if self._splitter is not None else said

    def _terms(self, text: str) -> list[str]:
        return [w for w in self._synonyms.rewrite(self._words(text)) if w not in STOPWORDS]

    def _prepared(self, text: str) -> str:
        return " ".join(self._synonyms.rewrite(self._words(text)))
