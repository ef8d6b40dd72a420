"""Reminders: the next time of any rule, and the claim that turns due reminders into messages.

A reminder is a row with a rule kept in the person's time zone and its next time in UTC. `claim_due`
(run by the scheduler every few seconds) takes the reminders whose time has come and, in the same
transaction, writes their messages to the outbox with one key per occurrence and moves each reminder
to its next time: a crash between the two is impossible, and claiming twice adds nothing.

What a reminder says, and to whom, belongs to its kind (bot/services/reminder_kinds/): this module
names none of them.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime
from typing import Any

from bot.i18n import Catalogs
from bot.services.reminder_kinds import kinds, rule_of
from bot.services.reminder_kinds.base import Claim, Wording
from bot.store.base import Store
from bot.store.records import OutboxItem

log = logging.getLogger(__name__)

# A claim holds the one writer while it runs: at a million people a reminder costs about 0.3 ms of it
# (docs/benchmarks.md), so a batch of 100 keeps a tick near the 50 ms that turns may wait. A backlog is
# claimed batch after batch, with turns in between.
CLAIM_BATCH = 100


def next_occurrence(rule: dict[str, Any], zone: str, after: datetime) -> datetime:
    """The first time the rule fires strictly after `after`, in UTC."""
    return rule_of(rule).next_after(zone, after)


def first_after_pause(rule: dict[str, Any], zone: str, now: datetime, paused_until: datetime | None) -> datetime:
    return next_occurrence(rule, zone, max(now, paused_until) if paused_until else now)


async def claim_due(store: Store, catalogs: Catalogs, now: datetime, limit: int = CLAIM_BATCH) -> int:
    """Claim due reminders and queue their messages, in one transaction. Returns how many were claimed."""
    registry = kinds()
    async with store.unit_of_work() as uow:
        due = await uow.reminders.due(now, limit)
        if not due:
            return 0
        items: list[OutboxItem] = []
        counted: Counter[str] = Counter()  # for the point's tally
        words = Wording(catalogs)
        for claimed in due:
            reminder = claimed.reminder
            assert reminder.next_at is not None and reminder.id is not None
            occurrence = reminder.next_at
            paused = reminder.paused_until is not None and occurrence < reminder.paused_until
            kind = registry.get(reminder.kind)
            stopped = False
            if kind is None:
                log.warning("reminder of an unknown kind skipped reminder=%s kind=%s", reminder.id, reminder.kind)
            else:
                occurred = await kind.occur(Claim(uow, catalogs, words, claimed, occurrence, now, paused))
                items.extend(occurred.items)
                stopped = occurred.stop
                if occurred.counted:
                    counted[occurred.counted] += 1
            # The next time is counted from now, not from the occurrence: after a long outage one late
            # occurrence is claimed (and dropped as late by the sender), not every day that was missed.
            reminder.next_at = first_after_pause(reminder.rule, reminder.timezone, max(now, occurrence),
                                                 reminder.paused_until) if not stopped else None
            if reminder.paused_until is not None and reminder.paused_until <= now:
                reminder.paused_until = None
        await uow.reminders.advance([c.reminder for c in due])
        added = await uow.outbox.add_many(items)
        for what, n in counted.items():
            await uow.tally.add(None, what, now, n)
        await uow.commit()
    if added:
        log.info("reminders: %d claimed, %d messages queued", len(due), added)
    return len(due)
