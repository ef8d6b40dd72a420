"""Updates per second through the whole Telegram pipeline, against a bare python-telegram-bot echo bot.

Both run the real PTB Application with the same settings (long polling, the channel's concurrency and
connection pool) against
the same fake Bot API, started afresh in its own process for each run with the same preloaded updates:
N text messages from M chats. The full bot's people are already past first contact, so each update is
one FAQ answer: person and session read, crisis check, routing, the inbox row with the reply (one
write), sendMessage, and the mark that it was sent. The bot runs twice a round: with people who have not
consented, and with people who have (each question then also asks for an open chat with a counselor;
2,000 ended chats are stored).

Every run is a fresh Python process too, so that no run inherits another's garbage, caches or heap.
A shared machine's speed drifts by a third within minutes, so each round runs the bots back to back,
in an order that alternates from round to round, and the ratio quoted is the median of the rounds'
own ratios (with its quartiles), not the ratio of two medians taken minutes apart. With --postgres
URL the same bot also runs on PostgreSQL (a schema of its own, dropped after) in every round, between
the others, so the two stores are compared within each round too. Usage:

    .venv/bin/python -m benchmarks.throughput --updates 3000 --chats 300 --rounds 15 --pin
    .venv/bin/python -m benchmarks.throughput --rounds 5 --postgres postgresql://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.app import build
from bot.channels.telegram import CONCURRENT_UPDATES, CONNECTIONS, TelegramChannel, TelegramSettings
from bot.config import PROJECT_ROOT, load_settings
from bot.content import load_content
from bot.messages import Incoming
from bot.services.people import new_person
from bot.store.records import Chat
from tests.fakes.telegram_api import FakeTelegram

TOKEN = FakeTelegram.token
PIN = False


def start_server(updates: int, chats: int) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "benchmarks.fake_server", "--updates", str(updates), "--chats", str(chats)]
    if PIN and shutil.which("taskset"):
        command = ["taskset", "-c", "1", *command]  # the server on its own core; the bot on core 0
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    port = process.stdout.readline().strip()
    return process, f"http://127.0.0.1:{port}/bot"


async def echo_rate(updates: int, chats: int, reply: str | None = None) -> tuple[float, float]:
    """The bare echo bot; with `reply`, it sends that text back instead (the same size as the bot's answer)."""
    server, base_url = start_server(updates, chats)
    finished = asyncio.Event()
    count = 0

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        nonlocal count
        assert update.message is not None and update.message.text is not None
        await update.message.reply_text(reply or update.message.text)
        count += 1
        if count == updates:
            finished.set()

    try:
        app = (ApplicationBuilder().token(TOKEN).base_url(base_url).concurrent_updates(CONCURRENT_UPDATES)
               .connection_pool_size(CONNECTIONS).pool_timeout(30.0).build())
        app.add_handler(MessageHandler(filters.TEXT, echo))
        await app.initialize()
        started, cpu = time.perf_counter(), time.process_time()
        assert app.updater is not None
        await app.updater.start_polling(timeout=1)
        await app.start()
        await finished.wait()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        return updates / elapsed, updates / cpu
    finally:
        server.terminate()
        server.wait()


CLOSED_CHATS = 2000


async def bot_rate(updates: int, chats: int, consented: bool = False,
                   database_url: str | None = None) -> tuple[float, float]:
    """The full bot. `consented`: its people have consented (as everyone with a reminder or an
    appointment has) and CLOSED_CHATS ended chats with a counselor are stored, so each free-text
    question also asks whether the person has an open chat."""
    server, base_url = start_server(updates, chats)
    finished = asyncio.Event()
    count = 0
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings({"DATA_DIR": folder, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": base_url,
                                  **({"DATABASE_URL": database_url} if database_url else {})}, env_file=None)
        bot = await build(settings)
        async with bot.store.unit_of_work() as uow:  # people already past first contact
            people = []
            for n in range(chats):
                user = str(100_000 + n)
                person = new_person(Incoming("telegram", user, user, "setup"), "vi", bot.clock.now())
                person.onboarded = True
                person.consent_at = bot.clock.now() if consented else None
                people.append(await uow.people.add(person))
            for n in range(CLOSED_CHATS if consented else 0):
                owner = people[n % chats].id
                assert owner is not None
                chat = await uow.chats.open(Chat(person_id=owner, point_id="p", opened_at=bot.clock.now()))
                assert chat.id is not None
                await uow.chats.close(chat.id, bot.clock.now())
            await uow.commit()

        async def handle(incoming: Incoming) -> object:
            nonlocal count
            outcome = await bot.core.handle(incoming)
            count += 1
            if count == updates:
                finished.set()
            return outcome

        channel = TelegramChannel(TelegramSettings(token=TOKEN, base_url=base_url, poll_timeout_seconds=1),
                                  handle, bot.core.set_reachable)
        bot.core.attach(channel)
        try:
            started, cpu = time.perf_counter(), time.process_time()
            await channel.start()
            await finished.wait()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            await channel.stop()
            await bot.core.close()
            left = [r for r in (await bot.store.table_rows())["inbox"] if r["replies"]]
            assert not left, f"{len(left)} replies left unsent"
        finally:
            await bot.store.close()
            server.terminate()
            server.wait()
    return updates / elapsed, updates / cpu


async def postgres_rate(updates: int, chats: int, server: str) -> tuple[float, float]:
    """The full bot on PostgreSQL, in a schema made for this run and dropped after it."""
    import uuid
    from urllib.parse import quote

    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        joiner = "&" if "?" in server else "?"
        url = f"{server}{joiner}options={quote(f'-csearch_path={schema}')}"
        return await bot_rate(updates, chats, database_url=url)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


async def one_run(kind: str, updates: int, chats: int, postgres: str | None = None) -> tuple[float, float]:
    if kind == "bot-postgres":
        assert postgres is not None
        return await postgres_rate(updates, chats, postgres)
    if kind == "bot":
        return await bot_rate(updates, chats)
    if kind == "bot-consented":
        return await bot_rate(updates, chats, consented=True)
    if kind == "echo-answer":
        answer = next(e for e in load_content(PROJECT_ROOT / "content").faq if e.id == "methadone-what").answer.vi
        return await echo_rate(updates, chats, reply=answer)
    return await echo_rate(updates, chats)


def run_in_child(kind: str, args: argparse.Namespace) -> tuple[float, float]:
    command = [sys.executable, "-m", "benchmarks.throughput", "--run", kind,
               "--updates", str(args.updates), "--chats", str(args.chats)]
    if args.pin:
        command.append("--pin")
    if args.postgres:
        command += ["--postgres", args.postgres]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    rate, per_cpu = json.loads(done.stdout.strip().splitlines()[-1])
    return rate, per_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=3000)
    parser.add_argument("--chats", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pin", action="store_true",
                        help="run the fake server on core 1 and the bots on core 0 (Linux taskset)")
    parser.add_argument("--postgres", metavar="URL", help="also run the bot on this PostgreSQL server, every round")
    parser.add_argument("--run", choices=("echo", "echo-answer", "bot", "bot-consented", "bot-postgres"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    global PIN
    PIN = args.pin
    if args.run:  # one measured run, in this fresh process
        if PIN:
            os.sched_setaffinity(0, {0})
        print(json.dumps(asyncio.run(one_run(args.run, args.updates, args.chats, args.postgres))))
        return
    kinds: tuple[str, ...] = ("echo", "echo-answer", "bot", "bot-consented")
    if args.postgres:
        kinds = ("echo", "bot-postgres", "echo-answer", "bot", "bot-consented")
    runs: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
    for round_number in range(args.rounds):
        # Alternate the order (echo, same answer, bot; then bot, same answer, echo): a machine that
        # slows down or speeds up during a round then favours neither bot over the rounds.
        for kind in kinds if round_number % 2 == 0 else reversed(kinds):
            runs[kind].append(run_in_child(kind, args))

    def median(kind: str, index: int) -> float:
        return statistics.median(r[index] for r in runs[kind])

    def paired(kind: str, bot: str = "bot") -> list[float]:
        """Each round's bot rate over that round's `kind` rate: the two ran within seconds of each other,
        so the machine's slow drift cancels out of each ratio."""
        return [b[0] / e[0] for b, e in zip(runs[bot], runs[kind], strict=True)]

    ratios, to_same = paired("echo"), paired("echo-answer")
    consented = paired("echo", "bot-consented")
    quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    result = {
        "updates": args.updates, "chats": args.chats, "rounds": args.rounds, "pinned": PIN,
        # The figure the goal is judged by: the median of the rounds' ratios, with their quartiles.
        "ratio": round(statistics.median(ratios), 3),
        "ratio_quartiles": [round(quartiles[0], 3), round(quartiles[2], 3)],
        "ratio_to_echo_same_answer": round(statistics.median(to_same), 3),
        # People who consented, with closed chats stored: the same questions, one more check each.
        "ratio_consented": round(statistics.median(consented), 3),
        "consented_to_bot": round(statistics.median(paired("bot", "bot-consented")), 3),
        "bot_consented_median_per_s": round(median("bot-consented", 0), 1),
        "echo_median_per_s": round(median("echo", 0), 1),
        "echo_same_answer_median_per_s": round(median("echo-answer", 0), 1),
        "bot_median_per_s": round(median("bot", 0), 1),
        "ratio_of_medians": round(median("bot", 0) / median("echo", 0), 3),
        # Updates per CPU-second of the bot's own process: steadier than wall time on a shared machine.
        "cpu_ratio_of_medians": round(median("bot", 1) / median("echo", 1), 3),
        "round_ratios": [round(r, 3) for r in ratios],
        "echo_runs": [round(r[0], 1) for r in runs["echo"]], "bot_runs": [round(r[0], 1) for r in runs["bot"]],
    }
    if args.postgres:
        # The same bot on PostgreSQL (one process, the pool of bot/store/postgres.py), in the same rounds.
        result["ratio_postgres"] = round(statistics.median(paired("echo", "bot-postgres")), 3)
        result["postgres_to_sqlite"] = round(statistics.median(paired("bot", "bot-postgres")), 3)
        result["bot_postgres_median_per_s"] = round(median("bot-postgres", 0), 1)
        result["bot_postgres_runs"] = [round(r[0], 1) for r in runs["bot-postgres"]]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
