"""The statistical crisis reader's own arithmetic gives what scikit-learn's predict_proba gives, and a
model kept on disk reads as the model learned."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bot.config import PROJECT_ROOT
from bot.services.crisis_model import CrisisModel, examples, prepare, trained
from bot.services.linear_text import Weights

FOLDER = PROJECT_ROOT / "content" / "understanding"
MESSAGES = ("bạn tôi chơi xong nằm im không dậy", "methadone la gi", "xyz", "", "cứuuuu",
            "i don't want to be here anymore", "con tôi 3 tuổi uống phải chai methadone")


def test_the_fast_path_agrees_with_scikit_learn(tmp_path: Path) -> None:
    model = CrisisModel.learn(examples(FOLDER))
    assert model.fitted is not None
    for text in MESSAGES:
        expected = model.fitted.classifier.predict_proba(model.fitted.features([prepare(text)]))[0]
        assert np.allclose(model.probabilities(text), expected, atol=1e-9), text
    # The same weights written and read back read every message the same, to the last bit.
    model.fitted.weights().save(tmp_path / "crisis.npz")
    from_disk = CrisisModel(Weights.load(tmp_path / "crisis.npz"))
    for text in MESSAGES:
        assert np.array_equal(from_disk.probabilities(text), model.probabilities(text)), text


def test_the_same_examples_give_the_same_model() -> None:
    assert trained(FOLDER) is trained(FOLDER)


def test_the_examples_are_kept_as_json_read_back_and_read_again_when_damaged(tmp_path: Path) -> None:
    from bot.services import crisis_model

    folder = tmp_path / "understanding"
    folder.mkdir()
    (folder / "a.yaml").write_text('- text: "bạn tôi bất tỉnh"\n  expect: crisis\n  kind: overdose\n', encoding="utf-8")
    models = tmp_path / "models"
    first = crisis_model.examples(folder, models)
    kept_files = list(models.glob("examples-*.json"))
    assert first == [{"text": "bạn tôi bất tỉnh", "expect": "crisis", "kind": "overdose"}] and len(kept_files) == 1
    crisis_model._EXAMPLES.clear()
    kept_files[0].write_text('[{"text": "kept", "expect": "not_crisis"}]', encoding="utf-8")
    assert crisis_model.examples(folder, models) == [{"text": "kept", "expect": "not_crisis"}]  # read back
    crisis_model._EXAMPLES.clear()
    kept_files[0].write_text("{not json", encoding="utf-8")
    assert crisis_model.examples(folder, models) == first  # damaged: from the YAML again, and kept again
    assert kept_files[0].read_text(encoding="utf-8").startswith("[")
    (folder / "a.yaml").write_text('- text: "hi"\n  expect: not_crisis\n', encoding="utf-8")
    assert crisis_model.examples(folder, models) == [{"text": "hi", "expect": "not_crisis"}]  # other files
    assert len(list(models.glob("examples-*.json"))) == 1
