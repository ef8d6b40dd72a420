"""Learned weights are kept between starts: read back when nothing that decides them changed, learned
again when something did or when the file is damaged, and a folder that cannot be written costs only
the time to learn. A message is cut into n-grams exactly as scikit-learn cuts it, without importing it."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.services.faq import FaqModel
from bot.services.linear_text import LinearReader, Weights, analyzer, kept

PAIRS = (("methadone la gi", "methadone-what"), ("methadone dung de lam gi", "methadone-what"),
         ("xet nghiem hiv o dau", "hiv-testing"), ("test hiv mien phi", "hiv-testing"),
         ("prep la gi", "prep"), ("thuoc prep uong the nao", "prep"))


class Learner:
    """Learns the small model and counts how often it was asked to."""

    def __init__(self) -> None:
        self.times = 0

    def __call__(self) -> Weights:
        self.times += 1
        return FaqModel.fit(PAIRS).weights()


def same(a: Weights, b: Weights) -> bool:
    readers = LinearReader(a), LinearReader(b)
    return a.classes == b.classes and all(
        np.array_equal(readers[0].probabilities(text), readers[1].probabilities(text))
        for text in ("methadone la gi", "hiv", "", "prep o dau"))


def test_weights_learned_once_are_read_back_on_the_next_start(tmp_path: Path) -> None:
    learn = Learner()
    first = kept(tmp_path, "faq", "content-1", learn)
    second = kept(tmp_path, "faq", "content-1", learn)
    assert learn.times == 1
    assert same(first, second)
    assert len(list(tmp_path.glob("faq-*.npz"))) == 1


def test_other_content_is_learned_again_and_the_older_file_goes(tmp_path: Path) -> None:
    learn = Learner()
    kept(tmp_path, "faq", "content-1", learn)
    [older] = tmp_path.glob("faq-*.npz")
    kept(tmp_path, "faq", "content-2", learn)
    assert learn.times == 2
    assert not older.exists()
    assert len(list(tmp_path.glob("faq-*.npz"))) == 1
    kept(tmp_path, "crisis", "content-1", learn)  # another reader's file is not this one's older file
    assert len(list(tmp_path.glob("*.npz"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a numpy file", None])
def test_a_damaged_file_is_learned_again_and_replaced(tmp_path: Path, damage: bytes | None,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    learn = Learner()
    expected = kept(tmp_path, "faq", "content-1", learn)
    [path] = tmp_path.glob("faq-*.npz")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2] if damage is None else damage)
    with caplog.at_level(logging.WARNING):
        again = kept(tmp_path, "faq", "content-1", learn)
    assert learn.times == 2
    assert same(again, expected)
    assert "learned weights unreadable" in caplog.text
    assert same(Weights.load(path), expected)


def test_weights_that_do_not_fit_together_are_refused(tmp_path: Path) -> None:
    weights = Learner()()
    broken = Weights(weights.blocks, weights.coef[:, :-1], weights.intercept, weights.classes)
    broken.save(tmp_path / "broken.npz")
    with pytest.raises(ValueError, match="do not fit"):
        Weights.load(tmp_path / "broken.npz")


def test_a_folder_that_cannot_be_written_costs_only_the_learning(tmp_path: Path,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "models"
    blocked.write_text("a file where the folder should be")
    learn = Learner()
    with caplog.at_level(logging.WARNING):
        weights = kept(blocked, "faq", "content-1", learn)
    assert weights.classes == ("hiv-testing", "methadone-what", "prep")
    assert "learned weights not kept" in caplog.text
    assert not list(tmp_path.glob("**/.learning-*"))


def test_without_a_folder_every_start_learns(tmp_path: Path) -> None:
    learn = Learner()
    kept(None, "faq", "content-1", learn)
    kept(None, "faq", "content-1", learn)
    assert learn.times == 2


# The settings both readers learn with, and the edges of them: one-letter words, n-grams longer than words.
ANALYZERS = (
    {"analyzer": "char_wb", "ngram_range": (2, 5)},
    {"analyzer": "char_wb", "ngram_range": (2, 4)},
    {"analyzer": "char_wb", "ngram_range": (1, 3)},
    {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"\S+"},
    {"analyzer": "word", "ngram_range": (2, 3), "token_pattern": r"\S+"},
    {"analyzer": "word", "ngram_range": (1, 1), "token_pattern": r"(?u)\b\w\w+\b"},
)
TEXT = st.text(alphabet=st.sampled_from("ab cđ ế\t\nXY1 "), max_size=40) | st.text(max_size=30)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_a_message_is_cut_into_the_n_grams_scikit_learn_cuts(text: str) -> None:
    for params in ANALYZERS:
        expected = TfidfVectorizer(**params).build_analyzer()(text)  # type: ignore[arg-type]
        assert analyzer(params)(text) == expected, params


def test_settings_the_fast_path_does_not_read_are_refused() -> None:
    for params in ({"analyzer": "char", "ngram_range": (1, 2)},
                   {"analyzer": "char_wb", "ngram_range": (1, 2), "strip_accents": "unicode"}):
        with pytest.raises(ValueError):
            analyzer(params)


def test_reading_a_message_does_not_import_scikit_learn() -> None:
    """Importing it costs every process that starts about a second and a half."""
    code = "import sys, bot.app; assert 'sklearn' not in sys.modules, 'sklearn imported'"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
