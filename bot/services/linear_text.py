"""The arithmetic of scikit-learn's predict_proba for one short message, on its own n-grams, and the
learned weights kept on disk between starts.

Both learned readers (the crisis model and the FAQ ranker) are a one-against-the-rest logistic model
over blocks of TF-IDF features (sublinear counts, l2 norm per block). Passing one message through
`transform` and `predict_proba` costs about a millisecond of checks and sparse-matrix building; the same
arithmetic on the few n-grams a message has costs a tenth of it. The tests of each reader check that the
two agree.

Reading needs none of scikit-learn: importing it costs about one and a half seconds of every process
that starts, so it is imported only to learn, and the two ways a message is cut into n-grams
(`analyzer`) are scikit-learn's own steps written out, checked against its analyzers in
tests/services/test_linear_text.py.

Learning both readers takes about twenty seconds of a start, the FAQ ranker most of it. What they
learn is plain arrays (the n-grams of each block, their IDF, the weights), so it is kept in a NumPy
file named by a digest of everything that decides it: the examples, this code and the library
versions. The next start with the same content reads it back in a few tens of milliseconds. The file
holds no Python objects (it is read with `allow_pickle=False`), and one that cannot be read is learned
again and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier
    from sklearn.multiclass import OneVsRestClassifier

log = logging.getLogger(__name__)

# The vectorizer settings that decide how a message is cut into n-grams.
_ANALYZER_PARAMS = ("analyzer", "ngram_range", "token_pattern", "lowercase", "strip_accents")
# The code whose change makes a kept file another model's.
_HERE = Path(__file__).parent
_CODE = (_HERE / "linear_text.py", _HERE / "crisis_model.py", _HERE / "faq.py", _HERE.parent / "normalize.py")


@dataclass(frozen=True)
class Block:
    """One vectorizer, fitted: how it cuts a message, its n-grams in column order, and their IDF."""

    params: dict[str, Any]
    terms: tuple[str, ...]
    idf: np.ndarray


@dataclass(frozen=True)
class Weights:
    """Everything a fitted reader needs to read a message, as plain data."""

    blocks: tuple[Block, ...]
    coef: np.ndarray
    intercept: np.ndarray
    classes: tuple[str, ...]

    @classmethod
    def of(cls, vectorizers: Sequence[TfidfVectorizer], classifier: SGDClassifier | OneVsRestClassifier) -> Weights:
        blocks = []
        for vectorizer in vectorizers:
            params = {name: getattr(vectorizer, name) for name in _ANALYZER_PARAMS}
            terms = [""] * len(vectorizer.vocabulary_)
            for term, column in vectorizer.vocabulary_.items():
                terms[column] = term
            blocks.append(Block(params, tuple(terms), np.asarray(vectorizer.idf_, dtype=float)))
        if hasattr(classifier, "estimators_"):
            # One binary model per class, each a row of the same arithmetic.
            coef = np.vstack([estimator.coef_ for estimator in classifier.estimators_])
            intercept = np.array([estimator.intercept_[0] for estimator in classifier.estimators_])
        else:
            coef, intercept = classifier.coef_, classifier.intercept_
        return cls(tuple(blocks), np.asarray(coef, dtype=float), np.asarray(intercept, dtype=float),
                   tuple(str(c) for c in classifier.classes_))

    def save(self, path: Path) -> None:
        """Writes the file whole or not at all: a start reading it meanwhile sees the old one or none."""
        meta = {"classes": list(self.classes),
                "blocks": [{"params": {k: list(v) if isinstance(v, tuple) else v for k, v in b.params.items()},
                            "terms": list(b.terms)} for b in self.blocks]}
        arrays: dict[str, Any] = {"meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
                  "coef": self.coef, "intercept": self.intercept,
                  **{f"idf{i}": b.idf for i, b in enumerate(self.blocks)}}
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".learning-", suffix=".npz")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(out, **arrays)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> Weights:
        """The weights in the file; ValueError when it is not a whole, consistent one."""
        try:
            with path.open("rb") as file, np.load(file, allow_pickle=False) as data:
                meta = json.loads(bytes(data["meta"]).decode())
                blocks = tuple(
                    Block({k: tuple(v) if isinstance(v, list) else v for k, v in b["params"].items()},
                          tuple(b["terms"]), data[f"idf{i}"]) for i, b in enumerate(meta["blocks"]))
                weights = cls(blocks, data["coef"], data["intercept"], tuple(meta["classes"]))
        except (OSError, EOFError, KeyError, TypeError, ValueError, zipfile.BadZipFile) as exc:
            raise ValueError(f"not a file of learned weights ({type(exc).__name__})") from exc
        columns = sum(len(b.terms) for b in blocks)
        if weights.coef.shape != (len(weights.classes), columns) or weights.intercept.shape != (len(weights.classes),) \
                or any(b.idf.shape != (len(b.terms),) for b in blocks):
            raise ValueError("the learned weights do not fit together")
        return weights


@dataclass(frozen=True)
class Fitted:
    """The scikit-learn objects a reader was learned as, kept by each reader's `learn` for the tests that
    check the reader's own arithmetic against scikit-learn's."""

    vectorizers: tuple[TfidfVectorizer, ...]
    classifier: SGDClassifier | OneVsRestClassifier

    def features(self, prepared: list[str]) -> Any:
        """The feature matrix scikit-learn computes for these prepared messages."""
        from scipy.sparse import hstack

        return hstack([v.transform(prepared) for v in self.vectorizers]).tocsr()

    def weights(self) -> Weights:
        return Weights.of(self.vectorizers, self.classifier)


def kept(directory: Path | None, name: str, key: str, learn: Callable[[], Weights]) -> Weights:
    """The weights learned for `key`, read from `directory` when an earlier start kept them there, else
    learned now and kept. Without a directory, or when it cannot be written, they are learned each start."""
    if directory is None:
        return learn()
    digest = hashlib.sha256(key.encode())
    for path in _CODE:
        digest.update(path.read_bytes())
    digest.update(f"{version('scikit-learn')} {np.__version__}".encode())
    path = directory / f"{name}-{digest.hexdigest()[:32]}.npz"
    if path.is_file():
        try:
            return Weights.load(path)
        except ValueError as exc:
            log.warning("learned weights unreadable, learning again (%s: %s)", name, exc)
    weights = learn()
    try:
        weights.save(path)
        for older in directory.glob(f"{name}-*.npz"):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("learned weights not kept (%s: %s)", name, exc.strerror or type(exc).__name__)
    return weights


_WHITE_SPACES = re.compile(r"\s\s+")


def analyzer(params: dict[str, Any]) -> Callable[[str], list[str]]:
    """What `TfidfVectorizer(**params).build_analyzer()` returns, for the settings the readers learn with:
    lower-cased text cut into character n-grams inside word boundaries (`char_wb`), or into word n-grams
    by a token pattern (`word`). Any other setting is refused rather than read differently."""
    low, high = params["ngram_range"]
    lowercase = params.get("lowercase", True)
    if params.get("strip_accents") is not None:
        raise ValueError("strip_accents is not read by the fast path")
    if params["analyzer"] == "char_wb":
        def char_wb(text: str) -> list[str]:
            grams: list[str] = []
            for word in _WHITE_SPACES.sub(" ", text.lower() if lowercase else text).split():
                padded = f" {word} "
                for n in range(low, high + 1):
                    grams += [padded[i:i + n] for i in range(max(1, len(padded) - n + 1))]
                    if len(padded) <= n:  # a short word is counted once, as scikit-learn does
                        break
            return grams
        return char_wb
    if params["analyzer"] == "word":
        pattern = re.compile(params["token_pattern"])
        if pattern.groups > 1:
            raise ValueError("a token pattern with more than one group is not read by the fast path")

        def word(text: str) -> list[str]:
            tokens = pattern.findall(text.lower() if lowercase else text)
            grams = list(tokens) if low == 1 else []
            for n in range(max(low, 2), min(high, len(tokens)) + 1):
                grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
            return grams
        return word
    raise ValueError(f"analyzer {params['analyzer']!r} is not read by the fast path")


class LinearReader:
    """predict_proba of a fitted classifier over the horizontally stacked blocks of fitted vectorizers."""

    def __init__(self, weights: Weights) -> None:
        self._blocks: list[tuple[Any, dict[str, int], np.ndarray, int]] = []
        offset = 0
        for block in weights.blocks:
            vocabulary = {term: column for column, term in enumerate(block.terms)}
            self._blocks.append((analyzer(block.params), vocabulary, block.idf, offset))
            offset += len(vocabulary)
        # One row per feature: a message's few hundred features are read as whole rows, next to each other
        # in memory, rather than as as many scattered columns of every class.
        self._coef_by_feature = np.ascontiguousarray(weights.coef.T)
        self._intercept = weights.intercept.astype(float)

    def probabilities(self, prepared: str) -> np.ndarray:
        """What predict_proba gives for one message already prepared as the vectorizers were fitted."""
        columns: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for analyze, vocabulary, idf, offset in self._blocks:
            found: list[int] = []
            times: list[int] = []
            get = vocabulary.get
            for gram, n in Counter(analyze(prepared)).items():
                column = get(gram)
                if column is not None:
                    found.append(column)
                    times.append(n)
            if not found:
                continue
            index = np.array(found, dtype=np.intp)
            weights = 1.0 + np.log(np.array(times, dtype=float))
            weights *= idf[index]
            weights /= np.sqrt(weights @ weights)
            columns.append(index + offset)
            values.append(weights)
        scores = self._intercept
        if columns:
            index = np.concatenate(columns)
            scores = scores + np.concatenate(values) @ self._coef_by_feature[index]
        p = 1.0 / (1.0 + np.exp(-scores))
        return p / p.sum()
