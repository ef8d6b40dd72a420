"""Whether a platform is answering, kept beside its channel so that everything that sends through the
channel (the core's replies, the outbox sender) sees the same record.

A send that fails for a reason that may pass makes the platform suspect. The outbox sender's loop then
probes it with one cheap call (getMe): if the platform answers, the failure was the message's own and
it keeps its backoff; if not, the platform is down, and it is probed again at a short interval (doubling
from one second up to PROBE_CAP). The probe that finds it back releases every message that waited, at
once, through the listeners the core and the sender registered: a 200-second outage costs 200 seconds
and a few more, not the 5/30/120/600-second backoff a message would otherwise have reached.

A channel whose adapter cannot probe keeps per-message backoff alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from enum import Enum
from typing import Protocol, runtime_checkable

log = logging.getLogger(__name__)
PROBE_FIRST = timedelta(seconds=1)
PROBE_CAP = timedelta(seconds=5)

Listener = Callable[[str], None]


@runtime_checkable
class Probe(Protocol):
    """A channel that can ask its platform whether it answers, with one cheap call."""

    async def probe(self) -> bool:
        """True when the platform answered (getMe), False when it did not."""
        ...


class State(Enum):
    UP = "up"
    SUSPECT = "suspect"  # a send failed; the next probe tells the platform's fault from the message's
    DOWN = "down"


class PlatformHealth:
    """One platform's state: up, suspect after a failed send, or down until a probe gets an answer."""

    def __init__(self, name: str, probe: Callable[[], Awaitable[bool]] | None) -> None:
        self.name = name
        self._probe = probe
        self.state = State.UP
        self.down_since: datetime | None = None
        self.next_probe_at: datetime | None = None
        self._interval = PROBE_FIRST
        self._listeners: list[Listener] = []
        self._probing = asyncio.Lock()
        self.probes = 0

    @property
    def can_probe(self) -> bool:
        return self._probe is not None

    @property
    def down(self) -> bool:
        return self.state is State.DOWN

    def on_return(self, listener: Listener) -> None:
        """Call `listener(name)` when the platform answers again after being down (once per listener)."""
        if listener not in self._listeners:
            self._listeners.append(listener)

    def failed(self, now: datetime) -> None:
        """A send failed for a reason that may pass: probe at the next check."""
        if self._probe is None or self.state is not State.UP:
            return
        self.state = State.SUSPECT
        self.down_since = now
        self.next_probe_at = now

    def probe_due(self, now: datetime) -> bool:
        return self.state is not State.UP and self.next_probe_at is not None and now >= self.next_probe_at

    async def check(self, now: datetime) -> bool:
        """Probe if one is due; returns True when this probe found the platform back after it was down
        (the listeners have then been told)."""
        if not self.probe_due(now) or self._probe is None or self._probing.locked():
            return False
        async with self._probing:
            self.probes += 1
            answered = await self._probe()
            if answered:
                returned = self.state is State.DOWN
                if returned:
                    assert self.down_since is not None
                    log.info("%s answers again after %ds; the messages that waited go now", self.name,
                             round((now - self.down_since).total_seconds()))
                self.state, self.next_probe_at, self._interval = State.UP, None, PROBE_FIRST
                if returned:
                    for listener in self._listeners:
                        listener(self.name)
                return returned
            if self.state is State.SUSPECT:
                log.warning("%s does not answer; probing every %ds at most, and the waiting messages go as "
                            "soon as it does", self.name, round(PROBE_CAP.total_seconds()))
                self.state = State.DOWN
            self.next_probe_at = now + self._interval
            self._interval = min(self._interval * 2, PROBE_CAP)
            return False


_health: dict[int, PlatformHealth] = {}


def health_of(channel: object) -> PlatformHealth:
    """The health record of this channel object, made on first use with the channel's probe."""
    key = id(channel)
    record = _health.get(key)
    if record is None:
        name = str(getattr(channel, "name", type(channel).__name__))
        record = PlatformHealth(name, _probe_of(channel))
        _health[key] = record
        with contextlib.suppress(TypeError):  # an object without weak references keeps its record
            weakref.finalize(channel, _health.pop, key, None)
    return record


def _probe_of(channel: object) -> Callable[[], Awaitable[bool]] | None:
    return channel.probe if isinstance(channel, Probe) else None
