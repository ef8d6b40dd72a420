"""One send budget per platform, shared by everything that sends through its channel, and the one retry
schedule for a send that may succeed later.

A platform counts every message against one allowance (Telegram: about 30 a second per bot, and about
one a second per chat), whether it answers a person or is a reminder. So the core's replies and the
outbox sender take their slots from the same record, kept beside the channel object like its health
(bot/channels/health.py):

- a reply takes the next slot at once: the person who wrote is waiting, so the scheduled messages
  behind it move back by one slot instead (replies first). A reply waits only when the last second
  already holds the platform's ceiling of messages (rate × (1 + CATCH_UP)), for as long as it takes
  the oldest of them to leave the second, and the sender takes no slot while a reply waits;
- a message counts from the moment it takes its slot until one second after the platform answered
  it. The platform counts a message when it arrives, which is somewhere between the two: a message
  that waits for a pooled connection, or is slowed on the way, can arrive in the same platform second
  as later ones. Counting it in flight and for a second after its answer means that whenever the
  ceiling has room for one more, every message the platform can still count in that message's second
  is among those counted (so at most the ceiling arrive in any second of the platform's), whatever the
  delays in between;
- the sender waits for a slot, and skips a chat that got anything in the last `per_chat` seconds;
- a 429 met by either pauses the platform for both until its retry_after has passed;
- a sender that wakes late (a busy event loop, a long statement) catches up on the slots it missed, up
  to CATCH_UP of them in time, so the configured rate is the rate reached; catching up never puts more
  than rate × (1 + CATCH_UP) messages into any one second.

Until the sender configures it (OUTBOX_RATE_PER_SECOND), a pace counts nothing and delays nothing.
"""

from __future__ import annotations

import contextlib
import math
import weakref
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime, timedelta

CATCH_UP = timedelta(milliseconds=120)
# How long the sender looks away while a reply waits for room under the ceiling.
REPLY_FIRST_WAIT = timedelta(milliseconds=20)
REPLY_LONGEST_WAIT = 5  # looks of at most a second each
SECOND = timedelta(seconds=1)
# A message that may succeed later is tried again after these, by attempt (the last repeats).
RETRY_DELAYS = (5, 30, 120, 600)


def retry_delay(attempts: int) -> float:
    """Seconds before the next try of something that failed `attempts` times before this failure."""
    return float(RETRY_DELAYS[min(attempts, len(RETRY_DELAYS) - 1)])


class SendPace:
    """One platform's send budget: the next free slot, a pause after a 429, and each chat's last send."""

    def __init__(self) -> None:
        self.interval: timedelta | None = None
        self.per_chat = timedelta(seconds=1)
        self.paused_until: datetime | None = None
        self._next: datetime | None = None
        # Chats sent to within the last `per_chat`, oldest first: older entries say nothing and go.
        self._last_to_chat: OrderedDict[str, datetime] = OrderedDict()
        self._in_flight = 0  # messages that took a slot and have no answer yet
        self._last_second: deque[datetime] = deque()  # the answers of the last second, oldest first
        self.ceiling: int | None = None
        self.replies_waiting = 0  # replies waiting for room under the ceiling; the sender waits behind them

    def configure(self, per_second: float, per_chat_seconds: float) -> None:
        if per_second <= 0:
            raise ValueError("per_second must be positive")
        self.interval = timedelta(seconds=1 / per_second)
        self.per_chat = timedelta(seconds=per_chat_seconds)
        self.ceiling = max(1, math.floor(per_second * (1 + CATCH_UP.total_seconds())))

    def room(self, now: datetime) -> float:
        """Seconds a reply waits before the last second has room for it under the ceiling (0: none)."""
        self._forget_before(now - SECOND)
        if self.ceiling is None or self.counted < self.ceiling:
            return 0.0
        if not self._last_second:  # all in flight: the first answer frees its slot a second after it comes
            return SECOND.total_seconds()
        return max(0.0, (self._last_second[0] + SECOND - now).total_seconds())

    @property
    def counted(self) -> int:
        """Messages the platform may still count in the current second: in flight, or answered within it."""
        return self._in_flight + len(self._last_second)

    def _forget_before(self, moment: datetime) -> None:
        while self._last_second and self._last_second[0] <= moment:
            self._last_second.popleft()

    def wait(self, now: datetime) -> float:
        """Seconds until a scheduled message may take a slot (0 or less: now)."""
        waits = [0.0]
        if self.paused_until is not None:
            waits.append((self.paused_until - now).total_seconds())
        if self._next is not None:
            waits.append((self._next - now).total_seconds())
        waits.append(self.room(now))
        if self.replies_waiting:  # replies first: a freed slot is theirs
            waits.append(max(self.room(now), REPLY_FIRST_WAIT.total_seconds()))
        return max(waits)

    def paused(self, now: datetime) -> float:
        """Seconds this platform's 429 pause still lasts (0: none)."""
        return max(0.0, (self.paused_until - now).total_seconds()) if self.paused_until is not None else 0.0

    def take(self, now: datetime, chat_id: str) -> None:
        """Use a slot now, for a message about to go to `chat_id`: a reply whenever it comes, a scheduled
        message once `wait` says so. It counts as in flight until `landed`: the replies of concurrent
        turns are all in flight before the first one is answered. Prefer `sending`, which pairs the two."""
        self._in_flight += 1
        self._forget_before(now - SECOND)
        self._last_to_chat[chat_id] = now
        self._last_to_chat.move_to_end(chat_id)
        while self._last_to_chat:
            oldest, when = next(iter(self._last_to_chat.items()))
            if now - when < self.per_chat:
                break
            del self._last_to_chat[oldest]
        if self.interval is None:
            return
        start = now if self._next is None else max(self._next, now - CATCH_UP)
        self._next = start + self.interval

    def landed(self, now: datetime) -> None:
        """The platform answered a message that took a slot (or the send failed): it counted the message
        at the latest now, so it counts here until a second from now."""
        self._in_flight = max(0, self._in_flight - 1)
        self._last_second.append(now)

    async def room_for_reply(self, now: Callable[[], datetime], sleep: Callable[[float], Awaitable[None]]) -> None:
        """Until the ceiling has room for a reply. Meanwhile the sender takes no slot (`wait`), so the
        room that frees is the reply's, within a second or two of answers coming back. A reply gives up
        waiting after REPLY_LONGEST_WAIT tries (answers that never come back, a clock that stands still)
        and goes: a 429 then costs a second, a reply never sent costs the person."""
        self.replies_waiting += 1
        try:
            for _ in range(REPLY_LONGEST_WAIT):
                if (wait := self.room(now())) <= 0:
                    return
                await sleep(min(wait, 1.0))
        finally:
            self.replies_waiting -= 1

    @contextlib.contextmanager
    def sending(self, now: Callable[[], datetime], chat_id: str) -> Iterator[None]:
        """A slot for one message to `chat_id`, counted from now until a second after its answer."""
        self.take(now(), chat_id)
        try:
            yield
        finally:
            self.landed(now())

    def pause(self, until: datetime) -> None:
        """A 429: nothing goes to this platform before `until`."""
        if self.paused_until is None or until > self.paused_until:
            self.paused_until = until

    def chat_free_at(self, chat_id: str) -> datetime | None:
        """When this chat may get its next scheduled message; None: now."""
        last = self._last_to_chat.get(chat_id)
        return None if last is None else last + self.per_chat

    @property
    def chats_remembered(self) -> int:
        return len(self._last_to_chat)


_paces: dict[int, SendPace] = {}


def pace_of(channel: object) -> SendPace:
    """The send budget of this channel object, made on first use."""
    key = id(channel)
    pace = _paces.get(key)
    if pace is None:
        pace = _paces[key] = SendPace()
        with contextlib.suppress(TypeError):  # an object without weak references keeps its record
            weakref.finalize(channel, _paces.pop, key, None)
    return pace
