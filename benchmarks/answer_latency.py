"""Time to understand one message (the crisis reader with its statistical model, small talk and
feature words, the FAQ search), and to build the readers.

Messages are the labelled FAQ questions and the holdout's messages (crises, near-misses, questions,
small talk), repeated to 1,000, each read for keys of an input method left in the words and for slips the words
around make clear (as the router reads it first), then through CrisisReader.read (given the FAQ's certainty, which
it asks for only of a plain question the model alone hears a danger in), IntentReader.smalltalk and .intent and
FaqIndex.answer as the router calls them: once with the FAQ caches emptied before each message (what a
new message costs), once with them kept (a message asked before). The FAQ index is built as the bot
builds it (ways of asking, the labelled examples, the learned ranker); the same messages also go, one
after the other with the first, through an index without the ranker, so the two are compared in one
run. The statistical models are trained once before timing, as the bot does at start (their training
times are printed too, and the time to read both back from the files a later start keeps). Usage:

    .venv/bin/python -m benchmarks.answer_latency --questions 1000
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.input_method import marks_typed_as_keys
from bot.services.crisis import CrisisReader
from bot.services.crisis_model import CrisisModel, faq_examples, load_examples
from bot.services.faq import FaqIndex, FaqModel, Synonyms
from bot.services.intents import IntentReader
from bot.services.linear_text import kept
from bot.slips_in_context import SlipsInContext

LABELLED = PROJECT_ROOT / "tests" / "content" / "labelled_questions.yaml"
HOLDOUT = PROJECT_ROOT / "tests" / "understanding" / "labelled" / "holdout.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=1000)
    args = parser.parse_args()
    content = load_content(PROJECT_ROOT / "content")
    labelled = load_examples(PROJECT_ROOT / "content" / "understanding")
    started = time.perf_counter()
    model = CrisisModel.learn(labelled)
    training_s = time.perf_counter() - started
    examples = faq_examples(labelled)
    ranker_examples = faq_examples(labelled, ranker_only=True)
    synonyms = Synonyms.from_file(PROJECT_ROOT / "content" / "synonyms.yaml")
    started = time.perf_counter()
    FaqIndex(content.faq, synonyms, examples, ranker_examples=ranker_examples)
    faq_training_s = time.perf_counter() - started
    plain = FaqIndex(content.faq, synonyms, examples, learn=False)
    assert model.fitted is not None
    crisis_weights = model.fitted.weights()
    faq_weights = FaqModel.fit(tuple((synonyms.prepared(t), e) for t, e in examples + ranker_examples)).weights()
    with tempfile.TemporaryDirectory() as folder:
        kept(Path(folder), "crisis", "bench", lambda: crisis_weights)
        kept(Path(folder), "faq", "bench", lambda: faq_weights)
        started = time.perf_counter()
        CrisisModel(kept(Path(folder), "crisis", "bench", lambda: crisis_weights))
        FaqModel(kept(Path(folder), "faq", "bench", lambda: faq_weights))
        kept_read_s = time.perf_counter() - started
    builds = []
    for _ in range(20):
        started = time.perf_counter()
        index = FaqIndex(content.faq, synonyms, examples, ranker_examples=ranker_examples)  # the ranker is reused
        detector = CrisisReader(content.crisis, model)
        intents = IntentReader.from_file(PROJECT_ROOT / "content" / "intents.yaml", index.word_counts)
        slips = SlipsInContext.learned(content, labelled, intents.phrases)
        builds.append(time.perf_counter() - started)
    questions = [q for q, _label in yaml.safe_load(Path(LABELLED).read_text(encoding="utf-8"))]
    questions += [str(i["text"]) for i in yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))]
    asked = (questions * (args.questions // len(questions) + 1))[: args.questions]
    for question in asked[:100]:  # warm up
        detector.read(question)
        index.answer(question)
        plain.answer(question)
    def one(faq: FaqIndex, question: str, cold: bool) -> float:
        if cold:
            FaqIndex._ranked.cache_clear()
        started = time.perf_counter()
        question = slips.read(marks_typed_as_keys(question))  # as the router reads a message first
        detector.read(question, faq.certain)
        intents.smalltalk(question)
        intents.intent(question)
        faq.answer(question)
        return time.perf_counter() - started

    def measure(cold: bool) -> tuple[list[float], list[float]]:
        with_ranker, without = [], []
        for question in asked:  # interleaved: both see the same moment of the machine's load
            with_ranker.append(one(index, question, cold))
            without.append(one(plain, question, cold))
        return sorted(with_ranker), sorted(without)

    (cold, cold_plain), (cached, _cached_plain) = measure(cold=True), measure(cold=False)

    def p99(timings: list[float]) -> float:
        return round(timings[int(len(timings) * 0.99) - 1] * 1000, 4)

    print(json.dumps({
        "questions": len(cold), "faq_entries": len(content.faq),
        "median_ms": round(statistics.median(cold) * 1000, 4), "p99_ms": p99(cold),
        "without_ranker_median_ms": round(statistics.median(cold_plain) * 1000, 4),
        "without_ranker_p99_ms": p99(cold_plain),
        "cached_median_ms": round(statistics.median(cached) * 1000, 4),
        "readers_build_median_ms": round(statistics.median(builds) * 1000, 3),
        "model_training_s": round(training_s, 2),
        "faq_ranker_training_s": round(faq_training_s, 2),
        "both_read_back_s": round(kept_read_s, 3),
    }))


if __name__ == "__main__":
    main()
