"""What every use case is given besides the unit of work: the clock's reading for this turn, the
catalogs (a notice is worded in its recipient's language, not the actor's) and the zone rules are kept in.

A use case returns a small result saying what happened and the notices it queued for others, as data:
the handler renders the first for the person who acted, and tests read the second without a channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bot.i18n import Catalogs
from bot.store.records import OutboxItem


@dataclass(frozen=True)
class Context:
    catalogs: Catalogs
    now: datetime
    zone: str = "Asia/Ho_Chi_Minh"
    # Which appointment reminders each point sends ("default" for the others): APPOINTMENT_REMINDERS.
    appointment_reminders: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {"default": ("3d", "eve", "morning")})

    def reminders_of(self, point_id: str) -> tuple[str, ...]:
        return self.appointment_reminders.get(point_id, self.appointment_reminders["default"])


Notices = tuple[OutboxItem, ...]
