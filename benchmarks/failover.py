"""Several processes on one PostgreSQL database, measured with the real bot processes in webhook mode
against the fake Bot API on loopback (tests/multiproc.py: the rig, and how a kill is made).

`--failover`: the issue's size: 1,000 reminders due and 200 people asking questions; the process that
sends is killed with SIGKILL at three moments of the fan-out (early, middle, late) and started again
each time. Prints one JSON line: lost, sent twice, replies lost and twice, 429s, the takeover times (kill
to the next reminder the fake took), the restarts, the peak messages in one second, the reply latency.

`--latency`: two processes, no kill, 200 people asking: the reply latency of questions taken by the
process that sends against those it hands to the leader (the cost of one sender).

`--throughput N`: N questions from 200 people posted as fast as 40 connections allow (the fake without
limits, the send budget out of the way), to one process and to two, in `--rounds` rounds of alternating
order (and with `--against PATH`, one process of the bot in another checkout, such as main): questions
stored and answered a second, each way.

`--fanout N`: N reminders due at once, no questions, two processes, the configured rate 25 a second under
the fake's 30: the rate reached (share of the configured rate), duplicates, lost, 429s.

    TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test .venv/bin/python -m benchmarks.failover --failover
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from tests.fakes.telegram_api import FakeTelegram
from tests.multiproc import RATE, REMINDER_CHATS, WRITER_CHATS, Rig, seed
from tests.pg import own_schema

GAP = 20.0  # seconds between one person's questions: 200 people ask 10 a second, well under the budget's 28


async def failover(reminders: int, writers: int, each: int, gap: float) -> dict[str, object]:
    with own_schema("b") as url:
        await seed(url, reminders, writers)
        with tempfile.TemporaryDirectory() as tmp:
            rig = Rig(url, Path(tmp))
            rig.kill_at = [reminders // 10, reminders * 4 // 10, reminders * 7 // 10]
            try:
                await rig.start()
                await rig.writers(writers, each, gap)
                await rig.until_done(reminders, writers, each, timeout=300)
                report = rig.report(reminders, writers, each)
                report["reply_latency_ms"] = rig.latencies()
            finally:
                await rig.stop()
    return report


async def latency(writers: int, each: int, gap: float) -> dict[str, object]:
    with own_schema("b") as url:
        await seed(url, 0, writers)
        with tempfile.TemporaryDirectory() as tmp:
            rig = Rig(url, Path(tmp))
            try:
                await rig.start()
                leader = rig.leader()
                assert leader is not None
                await rig.writers(writers, each, gap)
                await rig.until_done(0, writers, each, timeout=120)
                report = rig.report(0, writers, each)
                report["reply_latency_ms"] = rig.latencies(leader.port)
            finally:
                await rig.stop()
    return report


async def throughput(questions: int, processes: int, writers: int = 200, code: str | None = None) -> dict[str, object]:
    with own_schema("b") as url:
        await seed(url, 0, writers)
        with tempfile.TemporaryDirectory() as tmp:
            rig = Rig(url, Path(tmp), processes=processes, rate=1000, fake=FakeTelegram(), code=code)
            try:
                await rig.start()
                updates = [rig.fake.text_update(WRITER_CHATS + n % writers, "methadone là gì")
                           for n in range(questions)]
                queue = list(reversed(list(enumerate(updates))))
                started, since = time.perf_counter(), time.monotonic()

                async def worker() -> None:
                    while queue:
                        n, update = queue.pop()
                        await rig.post(update, n)
                await asyncio.gather(*(worker() for _ in range(40)))
                stored = time.perf_counter() - started
                each = questions // writers
                await rig.until_done(0, writers, each, timeout=300)
                answered = max(when for when, _, _ in rig.sends) - since
                report = rig.report(0, writers, each)
            finally:
                await rig.stop()
    return {"processes": processes, "code": code or "this checkout", "questions": questions,
            "stored_per_second": round(questions / stored, 1),
            "answered_per_second": round(questions / answered, 1), "replies_lost": report["replies_lost"],
            "replies_twice": report["replies_twice"]}


async def fanout(reminders: int) -> dict[str, object]:
    with own_schema("b") as url:
        await seed(url, reminders, 0)
        with tempfile.TemporaryDirectory() as tmp:
            rig = Rig(url, Path(tmp))
            try:
                await rig.start()
                await rig.until_done(reminders, 0, 0, timeout=reminders / RATE * 2 + 60)
                report = rig.report(reminders, 0, 0)
            finally:
                await rig.stop()
    times = sorted(when for when, chat, reminder in rig.sends if reminder and chat >= REMINDER_CHATS)
    seconds = times[-1] - times[0] if len(times) > 1 else 0.0
    rate = (len(times) - 1) / seconds if seconds else 0.0
    return {"processes": 2, "n": reminders, "seconds": round(seconds, 1), "rate": round(rate, 2),
            "configured_rate": RATE, "share": round(rate / RATE, 3), "duplicates": report["sent_twice"],
            "lost": report["lost"], "http_429": report["http_429"], "peak_per_second": report["peak_per_second"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--failover", action="store_true")
    parser.add_argument("--latency", action="store_true")
    parser.add_argument("--throughput", type=int, default=0)
    parser.add_argument("--fanout", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=1, help="--throughput: rounds, each in alternating order")
    parser.add_argument("--against", help="--throughput: also one process of the bot in this checkout (a path)")
    parser.add_argument("--reminders", type=int, default=1000)
    parser.add_argument("--writers", type=int, default=200)
    parser.add_argument("--each", type=int, default=3)
    parser.add_argument("--gap", type=float, default=GAP, help="seconds between one person's questions")
    args = parser.parse_args()
    if args.failover:
        print(json.dumps(asyncio.run(failover(args.reminders, args.writers, args.each, args.gap))))
    if args.latency:
        print(json.dumps(asyncio.run(latency(args.writers, args.each, args.gap))))
    if args.throughput:
        runs: list[tuple[int, str | None]] = [(1, None), (2, None)] + ([(1, args.against)] if args.against else [])
        for round_ in range(args.rounds):
            for processes, code in runs if round_ % 2 == 0 else list(reversed(runs)):
                print(json.dumps(asyncio.run(throughput(args.throughput, processes, code=code))), flush=True)
    if args.fanout:
        print(json.dumps(asyncio.run(fanout(args.fanout))))


if __name__ == "__main__":
    main()
