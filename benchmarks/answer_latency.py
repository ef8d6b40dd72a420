"""Time to understand one message (the crisis reader with its statistical model, small talk and
feature words, the FAQ search), and to build the readers.

Messages are the labelled FAQ questions and the holdout's messages (crises, near-misses, questions,
small talk), repeated to 1,000, each through CrisisReader.read, IntentReader.smalltalk and .intent and
FaqIndex.answer as the router calls them: once with the FAQ ranking cache emptied before each message
(what a new message costs), once with it kept (a message asked before). The statistical model is
trained once before timing, as the bot does at start (its training time is printed too). Usage:

    .venv/bin/python -m benchmarks.answer_latency --questions 1000
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.services.crisis import CrisisReader
from bot.services.crisis_model import CrisisModel, load_examples
from bot.services.faq import FaqIndex, Synonyms
from bot.services.intents import IntentReader

LABELLED = PROJECT_ROOT / "tests" / "content" / "labelled_questions.yaml"
HOLDOUT = PROJECT_ROOT / "tests" / "understanding" / "labelled" / "holdout.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=1000)
    args = parser.parse_args()
    content = load_content(PROJECT_ROOT / "content")
    started = time.perf_counter()
    model = CrisisModel(load_examples(PROJECT_ROOT / "content" / "understanding"))
    training_s = time.perf_counter() - started
    builds = []
    for _ in range(20):
        started = time.perf_counter()
        index = FaqIndex(content.faq, Synonyms.from_file(PROJECT_ROOT / "content" / "synonyms.yaml"))
        detector = CrisisReader(content.crisis, model)
        intents = IntentReader.from_file(PROJECT_ROOT / "content" / "intents.yaml")
        builds.append(time.perf_counter() - started)
    questions = [q for q, _label in yaml.safe_load(Path(LABELLED).read_text(encoding="utf-8"))]
    questions += [str(i["text"]) for i in yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))]
    asked = (questions * (args.questions // len(questions) + 1))[: args.questions]
    for question in asked[:100]:  # warm up
        detector.read(question)
        index.answer(question)
    def measure(cold: bool) -> list[float]:
        timings = []
        for question in asked:
            if cold:
                index._ranked.cache_clear()
            started = time.perf_counter()
            detector.read(question)
            intents.smalltalk(question)
            intents.intent(question)
            index.answer(question)
            timings.append(time.perf_counter() - started)
        return sorted(timings)

    cold, cached = measure(cold=True), measure(cold=False)
    print(json.dumps({
        "questions": len(cold), "faq_entries": len(content.faq),
        "median_ms": round(statistics.median(cold) * 1000, 4),
        "p99_ms": round(cold[int(len(cold) * 0.99) - 1] * 1000, 4),
        "cached_median_ms": round(statistics.median(cached) * 1000, 4),
        "readers_build_median_ms": round(statistics.median(builds) * 1000, 3),
        "model_training_s": round(training_s, 2),
    }))


if __name__ == "__main__":
    main()
