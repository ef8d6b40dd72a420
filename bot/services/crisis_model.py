"""A second, statistical reader of crisis: character n-grams of the folded message and a linear model,
learned from labelled examples (content/understanding/*.yaml).

The concept rules (bot/services/crisis.py) say why, by name, and are exact on what they know; on
messages written apart from them they caught about half of the crises. People say a crisis in more
ways than any list holds ("anh ấy nằm đó mà người cứng đơ", "cant do this anymore"), and a model of
character sequences generalises across spellings, teencode and missing diacritics. Measured on
examples it never saw, rules and model together catch far more than the rules alone
(docs/knowledge.md). The model's share of a decision is logged as its probability, so a counselor who
asks "why 115?" hears "the reader's model was 87% sure this was an overdose happening now".

Learning takes about two seconds and happens at a start whose examples no earlier start has learned
from; what it learns is kept as plain arrays in the model folder (bot/services/linear_text.py). Nothing is
downloaded, nothing is pickled, and the examples are content that `diemtuvan content check` reads.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.normalize import words
from bot.run_together import Splitter
from bot.services.linear_text import Fitted, LinearReader, Weights, kept
from bot.yaml_text import parse_yaml

log = logging.getLogger(__name__)

NONE = "none"
# How many pass orders the model's weights are averaged over.
SEEDS = 3


@dataclass(frozen=True)
class ModelReading:
    crisis_kind: str  # the most likely kind of a crisis happening now
    crisis: float  # probability that a crisis is happening now, summed over kinds
    kind_share: float  # the share of `crisis` that is `crisis_kind`: how sure the model is of the kind
    about_kind: str  # the most likely kind of a question about a danger
    about: float  # probability that it is a question about a danger


def label_of(example: dict[str, Any]) -> str:
    """The class an example teaches: a crisis now of a kind, a question about a kind, or neither."""
    expect = example.get("expect")
    if expect == "crisis":
        return f"crisis:{example['kind']}"
    if expect == "danger_question":
        return f"about:{example['kind']}"
    return NONE


def load_examples(folder: Path) -> list[dict[str, Any]]:
    """Every labelled example in the folder's YAML files, in file order."""
    examples: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        data = parse_yaml(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError(f"{path}: a list of labelled messages was expected")
        for number, item in enumerate(data, start=1):
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) or "expect" not in item:
                raise ValueError(f"{path}: item {number} needs text and expect")
            # The crisis model learns a crisis or a question about one by its kind; a way of asking for the
            # FAQ alone (`learn: faq`, `learn: ranker`) teaches it nothing and needs none.
            if item["expect"] in ("crisis", "danger_question") and not item.get("kind") \
                    and item.get("learn") not in ("faq", "ranker"):
                raise ValueError(f"{path}: item {number} needs a kind")
            examples.append(item)
    return examples


def faq_examples(examples: list[dict[str, Any]], ranker_only: bool = False) -> tuple[tuple[str, str], ...]:
    """(message, entry id) for every example that one FAQ entry answers: the ways of asking the FAQ index
    matches word for word and its ranker learns from, or, with `ranker_only`, those marked `learn: ranker`,
    which the ranker alone learns from (bot/services/faq.py says why)."""
    pairs = []
    for example in examples:
        entries = example.get("entries") or ([example["entry"]] if example.get("entry") else [])
        if len(entries) == 1 and (example.get("learn") == "ranker") == ranker_only:
            pairs.append((str(example["text"]), str(entries[0])))
    return tuple(pairs)


def prepare(text: str) -> str:
    """The message as the model reads it: its folded words."""
    return " ".join(words(text))


def _fit(examples: list[dict[str, Any]]) -> Fitted:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier

    # Examples marked `learn: faq` or `learn: ranker` are ways of asking for the FAQ alone: a set written for
    # the FAQ is measured against the FAQ, and the crisis model's alarms stay as its own sets made them.
    examples = [e for e in examples if e.get("learn") not in ("faq", "ranker")]
    texts = [prepare(str(e["text"])) for e in examples]
    labels = [label_of(e) for e in examples]
    # Character n-grams carry spellings, teencode and missing diacritics; word pairs carry what a
    # phrase means where its words alone are everyday ("đi luôn", "lần cuối", "not answering"). On
    # a development set the model never learned from, the two together raised fewer false alarms
    # at the same recall than characters alone (docs/knowledge.md).
    vectorizers = (
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                        token_pattern=r"\S+"),  # noqa: S106 (a regular expression, not a secret)
    )
    features = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
    # Log loss gives probabilities; balanced weights keep the rarer kinds (child, violence) from
    # being drowned by "neither"; fixed seeds make every start learn the same model. One pass order
    # decides the probability of a message near a threshold: a few lines added anywhere moved single
    # messages across 0.1 or 0.6 both ways. The mean of the weights learned in three orders is one
    # linear model again (the same cost per message) and moves less (docs/knowledge.md).
    fitted = [SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=50, tol=1e-3, class_weight="balanced",
                            random_state=seed).fit(features, labels) for seed in range(SEEDS)]
    classifier = fitted[0]
    classifier.coef_ = np.mean([f.coef_ for f in fitted], axis=0)
    classifier.intercept_ = np.mean([f.intercept_ for f in fitted], axis=0)
    return Fitted(vectorizers, classifier)


class CrisisModel:
    def __init__(self, weights: Weights, fitted: Fitted | None = None) -> None:
        self.fitted = fitted
        classes = list(weights.classes)
        self._crisis = [(i, c.split(":", 1)[1]) for i, c in enumerate(classes) if c.startswith("crisis:")]
        self._about = [(i, c.split(":", 1)[1]) for i, c in enumerate(classes) if c.startswith("about:")]
        self._reader = LinearReader(weights)  # tests/understanding/test_crisis_model.py
        # The single words the examples hold: a word typed together with the next is split back into
        # them before reading (bot/run_together.py). Every word of every example is one of them, so
        # learning never splits and reading splits only what the model could not have learned.
        words_block = weights.blocks[-1]
        # How common each word is, by its IDF (the fewer examples hold it, the higher): a slip of the
        # finger is read as the commonest word one edit away.
        self.word_frequency = {term: -float(idf) for term, idf in zip(words_block.terms, words_block.idf, strict=True)
                               if " " not in term}
        self.known_words = frozenset(self.word_frequency)
        self._splitter = Splitter(self.known_words, self.word_frequency)

    @classmethod
    def learn(cls, examples: list[dict[str, Any]]) -> CrisisModel:
        """A model learned now, with the scikit-learn objects it was learned as."""
        fitted = _fit(examples)
        return cls(fitted.weights(), fitted)

    def probabilities(self, text: str, splitter: Splitter | None = None) -> np.ndarray:
        """What predict_proba gives for one message (bot/services/linear_text.py). `splitter` splits and
        reads slips against more words than the model's own (the crisis concepts': "oding" is no "doing")."""
        return self._reader.probabilities(" ".join((splitter or self._splitter).words(words(text))))

    def read(self, text: str, splitter: Splitter | None = None) -> ModelReading:
        p = self.probabilities(text, splitter)
        kind_index, crisis_kind = max(self._crisis, key=lambda pair: p[pair[0]])
        _, about_kind = max(self._about, key=lambda pair: p[pair[0]])
        crisis = float(sum(p[i] for i, _ in self._crisis))
        return ModelReading(crisis_kind, crisis, float(p[kind_index]) / crisis if crisis else 0.0,
                            about_kind, float(sum(p[i] for i, _ in self._about)))


_TRAINED: dict[str, CrisisModel] = {}
_EXAMPLES: dict[str, list[dict[str, Any]]] = {}


def _key(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def examples(folder: Path, models: Path | None = None) -> list[dict[str, Any]]:
    """The folder's labelled examples, read once per process and set of files: parsing their YAML takes
    about a second, and every bot a test suite builds needs them. With a `models` folder they are kept
    there as JSON too, which a later start reads in a tenth of the time (the files decide its name)."""
    key = _key(folder)
    if key not in _EXAMPLES:
        _EXAMPLES[key] = _kept_examples(folder, models, key) if models is not None else load_examples(folder)
    return _EXAMPLES[key]


def _kept_examples(folder: Path, models: Path, key: str) -> list[dict[str, Any]]:
    path = models / f"examples-{key[:32]}.json"
    try:
        kept_ones = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept_ones, list):
            return kept_ones
    except (OSError, ValueError):
        pass  # not kept yet, or damaged: read from the YAML and kept again
    loaded = load_examples(folder)
    try:
        models.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=models, prefix=".examples-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(loaded, out, ensure_ascii=False)
        os.replace(temporary, path)
        for older in models.glob("examples-*.json"):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("examples not kept (%s)", exc.strerror or type(exc).__name__)
    return loaded


def trained(folder: Path, models: Path | None = None) -> CrisisModel:
    """The model learned from the folder's examples: once per process and set of examples (every bot a
    test suite builds shares it), and read from the `models` folder when an earlier start kept it."""
    key = _key(folder)
    if key not in _TRAINED:
        _TRAINED[key] = CrisisModel(kept(models, "crisis", key, lambda: _fit(examples(folder, models)).weights()))
    return _TRAINED[key]
