"""Time to understand one question (crisis check + FAQ search), and to build the index.

Questions are the labelled set's, repeated to 1,000, each through CrisisReader.detect and
FaqIndex.answer as the router calls them: once with the ranking cache emptied before each question
(what a new question costs), once with it kept (a question asked before). Usage:

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
from bot.services.faq import FaqIndex, Synonyms

LABELLED = PROJECT_ROOT / "tests" / "content" / "labelled_questions.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=1000)
    args = parser.parse_args()
    content = load_content(PROJECT_ROOT / "content")
    builds = []
    for _ in range(20):
        started = time.perf_counter()
        index = FaqIndex(content.faq, Synonyms.from_file(PROJECT_ROOT / "content" / "synonyms.yaml"))
        detector = CrisisReader(content.crisis)
        builds.append(time.perf_counter() - started)
    questions = [q for q, _label in yaml.safe_load(Path(LABELLED).read_text(encoding="utf-8"))]
    asked = (questions * (args.questions // len(questions) + 1))[: args.questions]
    for question in asked[:100]:  # warm up
        detector.detect(question)
        index.answer(question)
    def measure(cold: bool) -> list[float]:
        timings = []
        for question in asked:
            if cold:
                index._ranked.cache_clear()
            started = time.perf_counter()
            detector.detect(question)
            index.answer(question)
            timings.append(time.perf_counter() - started)
        return sorted(timings)

    cold, cached = measure(cold=True), measure(cold=False)
    print(json.dumps({
        "questions": len(cold), "faq_entries": len(content.faq),
        "median_ms": round(statistics.median(cold) * 1000, 4),
        "p99_ms": round(cold[int(len(cold) * 0.99) - 1] * 1000, 4),
        "cached_median_ms": round(statistics.median(cached) * 1000, 4),
        "index_build_median_ms": round(statistics.median(builds) * 1000, 3),
    }))


if __name__ == "__main__":
    main()
