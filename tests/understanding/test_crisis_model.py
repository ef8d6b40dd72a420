"""The statistical crisis reader's own arithmetic gives what scikit-learn's predict_proba gives."""

from __future__ import annotations

import numpy as np

from bot.config import PROJECT_ROOT
from bot.services.crisis_model import trained


def test_the_fast_path_agrees_with_scikit_learn() -> None:
    model = trained(PROJECT_ROOT / "content" / "understanding")
    for text in ("bạn tôi chơi xong nằm im không dậy", "methadone la gi", "xyz", "", "cứuuuu",
                 "i don't want to be here anymore", "con tôi 3 tuổi uống phải chai methadone"):
        expected = model.classifier.predict_proba(model.features([text]))[0]
        assert np.allclose(model.probabilities(text), expected, atol=1e-9), text


def test_the_same_examples_give_the_same_model() -> None:
    folder = PROJECT_ROOT / "content" / "understanding"
    assert trained(folder) is trained(folder)
