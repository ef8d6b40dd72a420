"""What every kind of reminder is: a typed rule that says when it fires next, and what one occurrence
queues. The claim (bot/services/reminders.py) runs any kind through this shape and names none of them.

A kind's rule is stored as JSON with the reminder (`{"type": "daily", "at": "07:00"}`), so changing a
setting later never moves reminders already on; `Kind.rule` reads it back into its typed form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.i18n import Catalogs, Translator
from bot.keys import stamp
from bot.store.base import UnitOfWork
from bot.store.records import Due, OutboxItem


class Rule(Protocol):
    def next_after(self, zone: str, after: datetime) -> datetime:
        """The first time the rule fires strictly after `after`, in UTC; wall-clock times are kept in
        `zone` through DST changes (Vietnam has none, but a deployment elsewhere might)."""
        ...

    def to_json(self) -> dict[str, Any]: ...


@dataclass
class Claim:
    """One due occurrence of a reminder, with what its kind needs to word and address its messages."""

    uow: UnitOfWork
    catalogs: Catalogs
    words: Wording
    due: Due
    occurrence: datetime
    now: datetime
    paused: bool

    @property
    def may_send(self) -> bool:
        """Whether the person may be sent anything now: reachable and not pausing this reminder."""
        return self.due.reachable and not self.paused


@dataclass(frozen=True)
class Occurred:
    """What one occurrence queued; `stop` ends the reminder (its subject is gone)."""

    items: list[OutboxItem] = field(default_factory=list)
    stop: bool = False
    counted: str | None = None  # what the point's tally counts for this occurrence (one), if anything


class Kind(Protocol):
    name: str  # the reminder's `kind` column
    rule_type: str  # the stored rule's "type"

    def rule(self, data: dict[str, Any]) -> Rule: ...

    async def occur(self, claim: Claim) -> Occurred: ...


def occurrence_key(reminder_id: int, occurrence: datetime) -> str:
    """One outbox key per occurrence: claiming the same occurrence twice adds nothing."""
    return f"r{reminder_id}:{stamp(occurrence)}"


def day_code(occurrence: datetime, zone: str) -> str:
    return occurrence.astimezone(ZoneInfo(zone)).strftime("%Y%m%d")


class Wording:
    """The texts of one claim, looked up once per language and time rather than once per reminder."""

    def __init__(self, catalogs: Catalogs) -> None:
        self._catalogs = catalogs
        self._translators: dict[str, Translator] = {}
        self._texts: dict[tuple[str, str, object], str] = {}

    def translator(self, locale: str) -> Translator:
        if locale not in self._translators:
            self._translators[locale] = self._catalogs.translator(locale)
        return self._translators[locale]

    def __call__(self, locale: str, key: str, at: str = "") -> str:
        cache_key = (locale, key, at)
        if cache_key not in self._texts:
            self._texts[cache_key] = self.translator(locale)(key, time=at) if at else self.translator(locale)(key)
        return self._texts[cache_key]
