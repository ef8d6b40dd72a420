"""Time for the whole bot to answer one message: a turn through the router, the handlers and the store, as
`diemtuvan ask` sends it (a person past first contact, on a fresh conversation, with an SQLite file).

`answer_latency.py` times the readers alone; a turn adds what the handlers do with them: a message of several
sentences may be read again sentence by sentence (a question about a danger beside a feature asked for, an FAQ
answer followed by a feature), and every turn reads and writes the person's row. Messages are the holdout's, and
separately those of them with two sentences or more, repeated to `--messages`. Usage:

    .venv/bin/python -m benchmarks.turn_latency --messages 600
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT, load_settings
from handlers.understand import parts_of

HOLDOUT = PROJECT_ROOT / "tests" / "understanding" / "labelled" / "holdout.yaml"


async def _measure(messages: list[str]) -> list[float]:
    from bot.app import ask, build

    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings({"DATA_DIR": folder, "CONTENT_DIR": str(PROJECT_ROOT / "content")}, env_file=None)
        bot = await build(settings, store_path=Path(folder) / "bench.sqlite3", deliver=False)
        try:
            for number, text in enumerate(messages[:50]):  # warm up
                await ask(bot, text, "vi", 10_000_000 + number)
            timings = []
            for number, text in enumerate(messages):
                started = time.perf_counter()
                await ask(bot, text, "vi", number)
                timings.append(time.perf_counter() - started)
            return sorted(timings)
        finally:
            await bot.store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=600)
    args = parser.parse_args()
    texts = [str(item["text"]) for item in yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))]
    several = [text for text in texts if len(parts_of(text, clauses=False)) >= 2]

    def repeated(pool: list[str]) -> list[str]:
        return (pool * (args.messages // len(pool) + 1))[: args.messages]

    def p99(timings: list[float]) -> float:
        return round(timings[int(len(timings) * 0.99) - 1] * 1000, 3)

    every, multi = asyncio.run(_measure(repeated(texts))), asyncio.run(_measure(repeated(several)))
    print(json.dumps({
        "messages": len(every), "median_ms": round(statistics.median(every) * 1000, 3), "p99_ms": p99(every),
        "several_sentences": len(several), "several_median_ms": round(statistics.median(multi) * 1000, 3),
        "several_p99_ms": p99(multi),
    }))


if __name__ == "__main__":
    main()
