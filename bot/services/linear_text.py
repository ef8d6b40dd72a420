"""The arithmetic of scikit-learn's predict_proba for one short message, on its own n-grams.

Both learned readers (the crisis model and the FAQ ranker) are a one-against-the-rest logistic model
over blocks of TF-IDF features (sublinear counts, l2 norm per block). Passing one message through
`transform` and `predict_proba` costs about a millisecond of checks and sparse-matrix building; the same
arithmetic on the few n-grams a message has costs a tenth of it. The tests of each reader check that the
two agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier


class LinearReader:
    """predict_proba of a fitted classifier over the horizontally stacked blocks of fitted vectorizers."""

    def __init__(self, vectorizers: Sequence[TfidfVectorizer], classifier: SGDClassifier) -> None:
        self._blocks: list[tuple[Any, dict[str, int], np.ndarray, int]] = []
        offset = 0
        for vectorizer in vectorizers:
            vocabulary = dict(vectorizer.vocabulary_)
            self._blocks.append((vectorizer.build_analyzer(), vocabulary, vectorizer.idf_, offset))
            offset += len(vocabulary)
        self._coef = classifier.coef_
        self._intercept = classifier.intercept_

    def probabilities(self, prepared: str) -> np.ndarray:
        """What predict_proba gives for one message already prepared as the vectorizers were fitted."""
        scores = self._intercept.astype(float)
        for analyze, vocabulary, idf, offset in self._blocks:
            counts = Counter(analyze(prepared))
            known = [(vocabulary[g], n) for g, n in counts.items() if g in vocabulary]
            if not known:
                continue
            index = np.fromiter((i for i, _ in known), dtype=np.intp, count=len(known))
            weights = 1.0 + np.log(np.fromiter((n for _, n in known), dtype=float, count=len(known)))
            weights *= idf[index]
            weights /= np.sqrt(weights @ weights)
            scores = scores + self._coef[:, index + offset] @ weights
        p = 1.0 / (1.0 + np.exp(-scores))
        return p / p.sum()
