"""A person's reminders of an appointment: three days before (when booked further ahead), the evening
before at 18:00, the morning of at 07:00 (for an appointment after 08:00); each point chooses which
(APPOINTMENT_REMINDERS). Two reminders cut missed visits more than one.

Unlike the other kinds, these are not claimed from a stored rule: each belongs to one appointment, so
they are outbox rows written with the booking, due at their times, expiring when the appointment
starts, and cancelled with it (keyed by appointment and start time, so a moved appointment gets its
own). This module has no `KIND` for the claim. Their wording says "your appointment", never what it is
about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import Catalogs
from bot.keys import stamp
from bot.messages import Reply
from bot.priorities import Priority
from bot.services import booking
from bot.setting_grammars import APPOINTMENT_REMINDER_LABELS
from bot.store.records import Address, Appointment, OutboxItem

REMINDER_LABELS = APPOINTMENT_REMINDER_LABELS


@dataclass(frozen=True)
class BeforeAppointment:
    """The reminders a point sends before one appointment, by label."""

    starts_at: datetime
    labels: tuple[str, ...] = REMINDER_LABELS

    def to_json(self) -> dict[str, Any]:
        return {"type": "before_appointment", "starts_at": self.starts_at.isoformat(), "labels": list(self.labels)}

    def times(self, zone: str, booked_at: datetime) -> list[tuple[str, datetime]]:
        """Each chosen reminder's label and time (UTC), in order: three days before only when the
        appointment was booked further ahead than that, the morning of only after 08:00."""
        tz = ZoneInfo(zone)
        start_local = self.starts_at.astimezone(tz)
        day = start_local.date()
        times = []
        if self.starts_at - booked_at > timedelta(days=3):
            times.append(("3d", datetime.combine(day - timedelta(days=3), time(9), tzinfo=tz)))
        times.append(("eve", datetime.combine(day - timedelta(days=1), time(18), tzinfo=tz)))
        if start_local.time() >= time(8):
            times.append(("morning", datetime.combine(day, time(7), tzinfo=tz)))
        return [(label, at.astimezone(self.starts_at.tzinfo)) for label, at in times if label in self.labels]

    def next_after(self, zone: str, after: datetime) -> datetime:
        """The next reminder after `after` (as if booked then); ValueError when none is left."""
        for _label, at in self.times(zone, after):
            if at > after:
                return at
        raise ValueError("no reminder left before the appointment")


def reminders_for(catalogs: Catalogs, person: Address, appointment: Appointment, zone: str,
                  now: datetime, labels: tuple[str, ...] = REMINDER_LABELS) -> list[OutboxItem]:
    """The person's reminders still ahead of an appointment, as outbox rows that expire when it starts."""
    assert appointment.id is not None
    _ = catalogs.translator(person.locale)
    items = []
    for label, due in BeforeAppointment(appointment.starts_at, labels).times(zone, now):
        if due <= now:
            continue
        reply = Reply(_("booking.reminder", when=_.datetime(appointment.starts_at)), (
            booking.appointment_choice("keep", appointment, _("booking.will_come")),
            booking.appointment_choice("change", appointment, _("booking.need_change"))))
        items.append(OutboxItem.to(person, reminder_key(appointment, label), reply, Priority.APPOINTMENT, due,
                                   expires_at=appointment.starts_at))
    return items


def reminder_key(appointment: Appointment, label: str) -> str:
    """One key per appointment, time and reminder: a moved appointment gets its own reminders."""
    return f"apt{appointment.id}:r:{label}:{stamp(appointment.starts_at)}"


def keys_to_cancel(appointment: Appointment) -> list[str]:
    """Everything queued ahead of an appointment at its time: the person's reminders and the
    counselor's "did they come?"."""
    return [reminder_key(appointment, label) for label in REMINDER_LABELS] + [booking.after_key(appointment)]
