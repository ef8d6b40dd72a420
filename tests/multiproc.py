"""Two (or more) real bot processes in webhook mode on one PostgreSQL schema, against the fake Bot API
with Telegram's limits (30 messages in any second, one a second per chat): the rig of the failover test
(tests/e2e/test_failover.py) and of benchmarks/failover.py.

The rig plays Telegram's side of the webhook as a load balancer in front of the processes would: each
update is posted to the next process in turn and, when that one does not answer 200 (dead, or 503),
to the next, until one does. It can SIGKILL the process that leads (the one whose session holds the
sender's advisory lock) from inside the fake, at the moment a chosen reminder reaches it: that send is
not taken by the platform, so the process that takes over must send it, and nothing the dead leader
had sent may go again.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import random
import signal
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import psycopg

from bot.services.reminder_kinds.dose import DailyAt
from bot.store.postgres import PostgresStore
from bot.store.sqlite import ts
from tests.conftest import free_port
from tests.fakes.telegram_api import FakeTelegram

ZONE = "Asia/Ho_Chi_Minh"
SECRET = "multiproc-secret_0123456789"
QUESTION = "methadone là gì"  # one FAQ answer, one message
REMINDER_CHATS = 7_000_000
WRITER_CHATS = 8_000_000
RATE = 25  # OUTBOX_RATE_PER_SECOND: its ceiling (rate × 1.12 = 28) stays under the fake's 30
IN_FLIGHT_AFTER_KILL = 0.5  # seconds: a dead leader's sends already on their way reach the fake within this


async def seed(url: str, reminders: int, writers: int, held: bool = False) -> None:
    """`reminders` people each with a dose reminder that fell due a minute ago (or, `held`, with no next
    time until `Rig.release` gives it one), and `writers` people past first contact who will ask
    questions. The reminder people chose plain wording (not discreet), so each reminder is one message."""
    store = PostgresStore(url)
    await store.open()  # the schema
    await store.close()
    now = datetime.now(UTC)
    due = now - timedelta(minutes=1)
    rule = json.dumps(DailyAt(due.astimezone(ZoneInfo(ZONE)).time().replace(second=0, microsecond=0)).to_rule())
    stamp = ts(now)
    people = [(str(REMINDER_CHATS + n), f"Bạn {n}", 0) for n in range(reminders)]
    people += [(str(WRITER_CHATS + n), f"Người {n}", 1) for n in range(writers)]
    async with await psycopg.AsyncConnection.connect(url) as conn:
        async with conn.cursor() as cursor:
            async with cursor.copy("COPY people (channel, channel_user_id, chat_id, alias, locale, onboarded,"
                                   " consent_at, created_at, last_seen_at, discreet) FROM STDIN") as copy:
                for user, alias, discreet in people:
                    await copy.write_row(("telegram", user, user, alias, "vi", 1, stamp, stamp, stamp, discreet))
            await cursor.execute(
                "INSERT INTO reminders (person_id, kind, rule, timezone, next_at, created_at)"
                " SELECT id, 'dose', %s, %s, %s, %s FROM people WHERE chat_id::bigint < %s",
                (rule, ZONE, None if held else ts(due), stamp, WRITER_CHATS))
        await conn.commit()


@dataclass
class Bot:
    port: int
    process: asyncio.subprocess.Process
    log: Path


@dataclass
class Rig:
    """The fake, the processes, and what the fake saw (times by time.monotonic)."""

    url: str
    work: Path
    processes: int = 2
    rate: int = RATE
    code: str | None = None  # another checkout's bot to run (PYTHONPATH), for a comparison
    fake: FakeTelegram = field(default_factory=lambda: FakeTelegram(limit_per_second=30))
    bots: list[Bot] = field(default_factory=list)
    started: int = 0
    kills: list[float] = field(default_factory=list)
    sends: list[tuple[float, int, bool]] = field(default_factory=list)  # (when, chat, a reminder)
    asked: dict[int, list[tuple[float, int]]] = field(default_factory=dict)  # chat → (when, port) per question
    kill_at: list[int] = field(default_factory=list)  # reminders seen when the leader is killed, in order
    restarting: int = 0
    # At each kill, the chats whose reminder the dead leader had marked sent: only those are its for sure.
    marked_at_kills: list[set[int]] = field(default_factory=list)
    restarts: list[float] = field(default_factory=list)  # seconds from a restart to listening
    _restarts: set[asyncio.Task[None]] = field(default_factory=set)

    async def start(self) -> None:
        await self.fake.start()
        self.fake.intercept = self._intercept
        for _ in range(self.processes):
            self.bots.append(await self._start_bot(free_port()))
        self.client = httpx.AsyncClient(limits=httpx.Limits(max_connections=40))
        for bot in self.bots:
            await self._until_listening(bot)

    async def stop(self) -> None:
        # A restart still under way would start a process after the others stop: let it finish first,
        # so that every process the rig started is stopped and reaped here, not found running later.
        if self._restarts:
            await asyncio.wait(self._restarts, timeout=90)
        for task in self._restarts:
            task.cancel()
        for bot in self.bots:
            if bot.process.returncode is None:
                bot.process.send_signal(signal.SIGTERM)
        for bot in self.bots:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(bot.process.wait(), 30)
            if bot.process.returncode is None:
                bot.process.kill()
                await bot.process.wait()
        with contextlib.suppress(Exception):
            await self.client.aclose()
        await self.fake.stop()

    async def _start_bot(self, port: int) -> Bot:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("TELEGRAM_", "DATABASE_", "DATA_DIR", "ZALO_", "OUTBOX_", "HEALTH_"))}
        data = self.work / "data"
        data.mkdir(exist_ok=True)
        env.update(TELEGRAM_BOT_TOKEN=self.fake.token, TELEGRAM_API_BASE_URL=self.fake.base_url,
                   DATA_DIR=str(data), DATABASE_URL=self.url, LOG_LEVEL="WARNING",
                   OUTBOX_RATE_PER_SECOND=str(self.rate), TELEGRAM_MODE="webhook",
                   TELEGRAM_WEBHOOK_URL="https://bot.example.org/telegram", TELEGRAM_WEBHOOK_SECRET=SECRET,
                   TELEGRAM_WEBHOOK_PORT=str(port))
        if self.code:
            env["PYTHONPATH"] = self.code
        log = self.work / f"stderr-{self.started}.txt"
        self.started += 1
        with log.open("wb") as stderr:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", env=env, cwd=str(self.work), stdout=asyncio.subprocess.DEVNULL,
                stderr=stderr)
        return Bot(port, process, log)

    async def _until_listening(self, bot: Bot) -> None:
        async def reached() -> None:
            while True:
                assert bot.process.returncode is None, self.stderr()
                with contextlib.suppress(httpx.TransportError):
                    if (await self.client.get(f"http://127.0.0.1:{bot.port}/healthz")).status_code == 200:
                        return
                await asyncio.sleep(0.05)
        await asyncio.wait_for(reached(), 60)

    def stderr(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-2000:] for p in sorted(self.work.glob("stderr-*.txt")))

    # --- the leader ---------------------------------------------------------------------------------
    def leader(self) -> Bot | None:
        """The process whose database session holds the sender's lock (bot/store/cluster.py)."""
        pids = {f"diemtuvan-{b.process.pid}": b for b in self.bots if b.process.returncode is None}
        with psycopg.connect(self.url) as conn:
            rows = conn.execute(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                " WHERE l.locktype = 'advisory' AND l.granted AND l.objid = 1 AND l.objsubid = 2"
                " AND a.application_name = ANY(%s)", (list(pids),)).fetchall()
        return pids[rows[0][0]] if rows else None

    def _intercept(self, method: str, params: dict[str, Any]) -> bool:
        if method != "sendMessage":
            return False
        chat = int(params["chat_id"])
        reminder = str(params.get("text", "")).startswith("⏰")
        # The next kill waits for the last one killed to be back, so that there is one to take over.
        if reminder and self.kill_at and not self.restarting and self.reminders_seen() >= self.kill_at[0]:
            self.kill_at.pop(0)
            leader = self.leader()
            if leader is not None:
                os.kill(leader.process.pid, signal.SIGKILL)
                self.kills.append(time.monotonic())
                self.marked_at_kills.append(self._marked())
                self.restarting += 1
                self._restarts.add(asyncio.get_running_loop().create_task(self._replace(leader)))
                return True  # the dead leader's send never reached the platform
        self.sends.append((time.monotonic(), chat, reminder))
        return False

    def _marked(self) -> set[int]:
        with psycopg.connect(self.url) as conn:
            rows = conn.execute("SELECT p.chat_id FROM outbox o JOIN people p ON p.id = o.person_id"
                                " WHERE o.status = 'sent'").fetchall()
        return {int(row[0]) for row in rows}

    async def _replace(self, dead: Bot) -> None:
        """The supervisor starts the killed process again; it joins as a follower."""
        try:
            await dead.process.wait()
            index = self.bots.index(dead)
            started = time.monotonic()
            self.bots[index] = await self._start_bot(dead.port)
            await self._until_listening(self.bots[index])
            self.restarts.append(round(time.monotonic() - started, 2))
        finally:
            self.restarting -= 1

    # --- Telegram's side of the webhook -------------------------------------------------------------
    async def post(self, update: dict[str, Any], first: int) -> int:
        """Post an update until a process answers 200, starting with process `first`; returns the port."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        attempt = first
        while True:
            bot = self.bots[attempt % len(self.bots)]
            attempt += 1
            try:
                answer = await self.client.post(f"http://127.0.0.1:{bot.port}/telegram", json=update,
                                                headers=headers, timeout=30)
                if answer.status_code == 200:
                    return bot.port
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)

    async def writers(self, people: int, each: int, gap: float, until: asyncio.Event | None = None) -> None:
        """Each person asks `each` questions (or, with `until`, until it is set), `gap` seconds apart (more
        or less), spread over the start."""
        async def person(n: int) -> None:
            chat = WRITER_CHATS + n
            await asyncio.sleep(random.uniform(0, gap))
            k = 0
            while (k < each) if until is None else not until.is_set():
                k += 1
                update = self.fake.text_update(chat, QUESTION)
                started = time.monotonic()
                port = await self.post(update, n + k)
                self.asked.setdefault(chat, []).append((started, port))
                if until is None:
                    await asyncio.sleep(gap * random.uniform(0.9, 1.1))
                else:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(until.wait(), gap * random.uniform(0.9, 1.1))
        await asyncio.gather(*(person(n) for n in range(people)))

    # --- fan-outs, each killed at its moment ------------------------------------------------------------
    def release(self, first: int, count: int) -> None:
        """Reminders `first` to `first + count - 1` fall due now (the leader's next claim takes them)."""
        due = ts(datetime.now(UTC) - timedelta(minutes=1))
        with psycopg.connect(self.url) as conn:
            conn.execute("UPDATE reminders SET next_at = %s WHERE person_id IN (SELECT id FROM people WHERE"
                         " chat_id::bigint >= %s AND chat_id::bigint < %s)",
                         (due, REMINDER_CHATS + first, REMINDER_CHATS + first + count))

    async def fan_outs(self, sizes: list[int], moments: list[float], timeout: float) -> None:
        """One fan-out per size, one after the other, each once every process is up (a killed one is
        started again meanwhile); the leader is killed when the share `moments[i]` of fan-out i has reached
        the platform."""
        first = 0
        for size, moment in zip(sizes, moments, strict=True):
            async def ready() -> None:
                while self.restarting:  # noqa: ASYNC110 - a process starting is watched through HTTP
                    await asyncio.sleep(0.1)
            await asyncio.wait_for(ready(), timeout)
            before = self.reminders_seen()
            self.kill_at = [before + max(1, int(size * moment))]
            self.release(first, size)

            await asyncio.wait_for(self._seen(before + size), timeout)
            first += size

    async def _seen(self, reminders: int) -> None:
        while self.reminders_seen() < reminders:  # noqa: ASYNC110 - the fake's log is what to watch
            await asyncio.sleep(0.1)

    # --- what the fake saw --------------------------------------------------------------------------
    def reminders_seen(self) -> int:
        return sum(1 for _, _, reminder in self.sends if reminder)

    def counts(self) -> tuple[Counter[int], Counter[int]]:
        reminders: Counter[int] = Counter()
        replies: Counter[int] = Counter()
        for message in self.fake.sent():
            chat = int(message["chat_id"])
            (reminders if str(message["text"]).startswith("⏰") else replies)[chat] += 1
        return reminders, replies

    def pending(self) -> tuple[int, int]:
        """Outbox messages due and not sent, inbox rows whose replies are not sent."""
        with psycopg.connect(self.url) as conn:
            outbox = conn.execute("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND due_at <= %s",
                                  (ts(datetime.now(UTC)),)).fetchone()
            inbox = conn.execute("SELECT COUNT(*) FROM inbox WHERE replies IS NOT NULL").fetchone()
        return int(outbox[0]) if outbox else 0, int(inbox[0]) if inbox else 0

    async def until_done(self, reminders: int, writers: int, each: int | None, timeout: float) -> None:
        """Until every reminder went, every question was answered (`each` per person, or as many as each
        asked) and nothing due is left in the database, or the timeout."""
        async def reached() -> None:
            while True:
                sent_reminders, replies = self.counts()
                if (len(sent_reminders) >= reminders and all(replies[WRITER_CHATS + n] >= self._asked(n, each)
                                                             for n in range(writers))
                        and self.pending() == (0, 0)):
                    return
                await asyncio.sleep(0.2)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(reached(), timeout)

    def _asked(self, n: int, each: int | None) -> int:
        return each if each is not None else len(self.asked.get(WRITER_CHATS + n, []))

    def report(self, reminders: int, writers: int, each: int | None = None) -> dict[str, Any]:
        sent_reminders, replies = self.counts()
        lost = reminders - len([c for c in sent_reminders if REMINDER_CHATS <= c < REMINDER_CHATS + reminders])
        twice = sum(n - 1 for n in sent_reminders.values() if n > 1)
        faults = self.sent_again_though_marked()
        replies_lost = sum(max(0, self._asked(n, each) - replies[WRITER_CHATS + n]) for n in range(writers))
        replies_twice = sum(max(0, replies[WRITER_CHATS + n] - self._asked(n, each)) for n in range(writers))
        questions = sum(self._asked(n, each) for n in range(writers))
        return {"reminders": reminders, "people_writing": writers, "questions": questions,
                "kills": len(self.kills), "lost": lost, "sent_twice": twice,
                "sent_twice_though_marked": faults, "replies_lost": replies_lost,
                "replies_twice": replies_twice, "http_429": self.fake.too_many,
                "http_429_why": dict(self.fake.too_many_why), "takeover_seconds": self.takeovers(),
                "next_reminder_seconds": self.takeovers(reminders_only=True),
                "restart_seconds": self.restarts,
                "peak_per_second": self.peak()}

    def sent_again_though_marked(self) -> int:
        """Reminders that went again although nothing excused it. A reminder goes again rightly only when
        a kill fell between its two sends and the dead leader had not marked it at that kill: it was in
        the window between the platform's answer and the mark (scheduler/sender.py). Each repeat is judged
        by the first kill about the send before it (the dead leader's sends already on their way arrive a
        few milliseconds after its kill; the new leader sends nothing for two seconds), since a later
        kill's snapshot holds the new leader's own mark of that same repeat."""
        times: dict[int, list[float]] = {}
        for when, chat, reminder in self.sends:
            if reminder:
                times.setdefault(chat, []).append(when)
        faults = 0
        for chat, sent in times.items():
            for earlier, later in itertools.pairwise(sorted(sent)):
                between = [i for i, killed in enumerate(self.kills)
                           if earlier - IN_FLIGHT_AFTER_KILL <= killed <= later]
                if not between or chat in self.marked_at_kills[between[0]]:
                    faults += 1
        return faults

    def takeovers(self, reminders_only: bool = False) -> list[float]:
        """From each kill to the next message the fake took from the new leader, or to the next reminder
        (replies go first). The dead leader's messages on their way at the kill still arrive within a few
        milliseconds; the new leader sends nothing for two seconds (bot/app.py: LEAD_GRACE), so the
        first message more than half a second after the kill is the new leader's."""
        gaps = []
        for killed in self.kills:
            after = [when for when, _, reminder in self.sends
                     if when > killed + IN_FLIGHT_AFTER_KILL and (reminder or not reminders_only)]
            if after:
                gaps.append(round(after[0] - killed, 2))
        return gaps

    def peak(self) -> int:
        """The most messages the fake took in any one second."""
        times = sorted(when for when, _, _ in self.sends)
        most, start = 0, 0
        for end, when in enumerate(times):
            while when - times[start] >= 1.0:
                start += 1
            most = max(most, end - start + 1)
        return most

    def latencies(self, leader_port: int | None = None) -> dict[str, Any]:
        """From posting a question to its answer at the fake (the k-th answer of a chat is the k-th
        question's), leaving out the questions around a kill; with `leader_port` (a run without kills),
        split by whether the process that took the question sent the answer itself or handed it on."""
        answers: dict[int, list[float]] = {}
        for when, chat, reminder in self.sends:
            if not reminder and chat >= WRITER_CHATS:
                answers.setdefault(chat, []).append(when)
        split: dict[str, list[float]] = {"all": [], "by_leader": [], "handed_to_leader": []}
        for chat, questions in self.asked.items():
            for (asked, port), answered in zip(questions, answers.get(chat, []), strict=False):
                if any(asked - 3 < k < answered + 1 for k in self.kills):
                    continue
                split["all"].append((answered - asked) * 1000)
                if leader_port is not None:
                    split["by_leader" if port == leader_port else "handed_to_leader"].append((answered - asked) * 1000)
        return {k: _summary(v) for k, v in split.items() if v}


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {"n": len(values), "median": round(statistics.median(ordered), 1),
            "p99": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 1)}
