"""A monthly message allowance for a channel whose plan has one (Zalo's free plan).

Every message sent is counted per calendar month in the store. At 80% the operator is warned in the
log; when the allowance is spent, what still goes out is decided by priority, never silently: crisis
replies and answers to a person's own message always go (the platform may still refuse them), and
scheduled messages are held back lowest priority first, each one logged.
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.priorities import Priority
from bot.store.base import Store

log = logging.getLogger(__name__)
WARN_AT = 0.8


# How much of the allowance must be left for a priority to still be sent: routine reminders stop at
# 90% used, dose and appointment reminders at 100%; crisis and replies never stop.
_RESERVE = {Priority.ROUTINE: 0.10, Priority.DOSE: 0.0, Priority.APPOINTMENT: 0.0}


class MessageBudget:
    def __init__(self, store: Store, clock: Clock, channel: str, limit: int, timezone: ZoneInfo) -> None:
        self._store, self._clock, self._channel = store, clock, channel
        self.limit = limit
        self._timezone = timezone
        self._warned: set[tuple[str, str]] = set()
        self.held_back = 0

    def _month(self, moment: datetime | None = None) -> str:
        return (moment or self._clock.now()).astimezone(self._timezone).strftime("%Y-%m")

    async def used(self) -> int:
        async with self._store.unit_of_work() as uow:
            return await uow.usage.sent(self._channel, self._month())

    async def record(self, count: int = 1) -> int:
        """Count messages just sent; warn once a month at 80% and at 100%. Returns the month's total."""
        month = self._month()
        async with self._store.unit_of_work() as uow:
            total = await uow.usage.add_sent(self._channel, month, count)
            await uow.commit()
        if self.limit and total >= self.limit and (month, "spent") not in self._warned:
            self._warned.add((month, "spent"))
            log.error("%s: the monthly message allowance of %d is spent (%d sent in %s); scheduled reminders "
                      "are held back, answers and crisis replies still go", self._channel, self.limit, total, month)
        elif self.limit and total >= WARN_AT * self.limit and (month, "80") not in self._warned:
            self._warned.add((month, "80"))
            log.warning("%s: %d of the monthly message allowance of %d used in %s (80%% warning)",
                        self._channel, total, self.limit, month)
        return total

    async def allows(self, priority: Priority) -> bool:
        """Whether a message of this priority may still be sent this month. A refusal is counted and
        logged: the caller records the message as held back, it is never dropped without a trace."""
        if not self.limit or priority <= Priority.REPLY:
            return True
        left = self.limit - await self.used()
        allowed = left > _RESERVE.get(priority, 0.0) * self.limit
        if not allowed:
            self.held_back += 1
            log.warning("%s: a %s message held back: monthly allowance nearly or fully spent",
                        self._channel, priority.name.lower())
        return allowed
