"""Several processes, one bot, on one PostgreSQL database: which one sends, and how they tell each other.

Every process handles the updates that reach it (a chat is held in the database for its turn:
`lock_chat`), but exactly one, the leader, sends: the outbox, the replies of every process's turns,
and the reminder claims. So the platform's rate is kept by one send budget in one process
(bot/channels/pace.py), exactly as when one process serves the bot.

The leader is whoever holds a session-level advisory lock on a connection of its own (not the pool's):
the lock lives exactly as long as that connection. The others try to take it every INTERVAL seconds,
so when the leader's process dies (its socket closes, and the server ends its session at once) another
leads within about a second. A leader that finds its own connection broken stops sending before it
connects again, since the server may already have given the lock to another.

The same connection LISTENs to the schema's channel, where a commit tells the others what they cannot
see otherwise (bot/core.py): a turn's replies are waiting to go, an outbox message was queued. A
notification is lost while a connection is down; every process that connects again calls `resync`,
and a new leader sends whatever is waiting (the core's redelivery), so nothing depends on hearing one.

With SQLite there is one process: `Alone` leads from the start and hears nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

import psycopg
from psycopg import sql

log = logging.getLogger(__name__)

INTERVAL = 1.0  # seconds between a follower's tries for the lead (and the leader's check of its connection)
CHECK_TIMEOUT = 2.0  # a connection that does not answer a check in this long is taken as lost
LEADER = 1  # the advisory lock's second key: the sender; the first is the schema's hash
RECONNECT_CAP = 5.0
QUEUED = "q"  # the note of a commit that queued outbox messages: the leader's sender looks at once

Hook = Callable[[], Awaitable[None]]
Heard = Callable[[str], None]


class Alone:
    """One process on its own data: it leads at once and for good."""

    leading = True

    async def open(self) -> None:
        """Nothing to connect to."""

    async def start(self, lead: Hook, follow: Hook, heard: Heard, resync: Hook) -> None:
        await lead()

    async def halt(self) -> None:
        """Nothing runs."""

    async def stop(self) -> None:
        """Nothing to let go of."""

    @property
    def demoted(self) -> asyncio.Event:
        return asyncio.Event()


class Cluster:
    """The leader's lock and the notifications, on one connection of this process's own."""

    def __init__(self, url: str, channel: str, interval: float = INTERVAL) -> None:
        self._url, self._channel, self._interval = url, channel, interval
        self.leading = False
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self._task: asyncio.Task[None] | None = None
        self._lead: Hook | None = None
        self._follow: Hook | None = None
        self._heard: Heard = lambda note: None
        self._resync: Hook | None = None
        self.demoted = asyncio.Event()  # set whenever this process stops leading (polling stops on it)

    async def open(self) -> None:
        """Connect and try once for the lead, so that the caller knows at start whether it leads (a second
        poller must refuse to start). Raises psycopg.Error when the server cannot be reached."""
        self._conn = await self._connect()
        await self._try_lead()

    async def start(self, lead: Hook, follow: Hook, heard: Heard, resync: Hook) -> None:
        """Run in the background: `lead` when this process becomes the leader (at once if `open` made it
        so), `follow` when it stops being one, `heard` for each note from another process, `resync` after
        a reconnection (what was missed meanwhile)."""
        self._lead, self._follow, self._heard, self._resync = lead, follow, heard, resync
        if self.leading:
            await lead()
        self._task = asyncio.create_task(self._run(), name="cluster")

    async def halt(self) -> None:
        """No more changes of role or notes heard; the lead, if held, is kept until `stop`."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def stop(self) -> None:
        await self.halt()
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with contextlib.suppress(Exception):
                await conn.close()  # the server lets the lock go with the session
        self.leading = False

    async def _connect(self) -> psycopg.AsyncConnection[Any]:
        conn = await psycopg.AsyncConnection.connect(
            self._url, autocommit=True, connect_timeout=5, application_name=f"diemtuvan-{os.getpid()}",
            keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=3)
        await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
        return conn

    async def _try_lead(self) -> bool:
        assert self._conn is not None
        cursor = await self._conn.execute(
            "SELECT pg_try_advisory_lock(hashtext(current_schema()), %s)", (LEADER,))
        row = await cursor.fetchone()
        self.leading = bool(row and row[0])
        return self.leading

    async def _run(self) -> None:
        pause = self._interval
        while True:
            try:
                if self._conn is None:
                    self._conn = await self._connect()
                    log.info("cluster: connected again")
                    if self._resync is not None:
                        await self._resync()
                await self._watch(self._conn)
            except asyncio.CancelledError:
                raise
            except (psycopg.Error, OSError, TimeoutError) as exc:
                await self._lost(exc)
                await asyncio.sleep(pause)
                pause = min(pause * 2, RECONNECT_CAP)
            else:
                pause = self._interval

    async def _watch(self, conn: psycopg.AsyncConnection[Any]) -> None:
        """Until the connection fails: hear notes, check the connection, and try for the lead."""
        while True:
            if not self.leading and await self._try_lead():
                log.warning("cluster: this process (pid %d) leads now: it sends for the bot", os.getpid())
                assert self._lead is not None
                await self._lead()
            async for notify in conn.notifies(timeout=self._interval):
                if notify.payload:
                    self._heard(notify.payload)
            await asyncio.wait_for(conn.execute("SELECT 1"), CHECK_TIMEOUT)

    async def _lost(self, exc: BaseException) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.close()
        log.warning("cluster: the connection that holds the lead is lost (%s); connecting again",
                    type(exc).__name__)
        if self.leading:
            self.leading = False
            self.demoted.set()
            log.warning("cluster: this process stopped sending; another one may lead now")
            if self._follow is not None:
                await self._follow()


def cluster_for(store: object) -> Alone | Cluster:
    """The store's way of choosing a sender: a cluster on a shared database, else alone."""
    if getattr(store, "shared", False):
        return Cluster(store.url, store.channel)  # type: ignore[attr-defined]
    return Alone()
