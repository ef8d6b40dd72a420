"""Counseling appointments: counselors' hours, the free slots they give, booking a slot atomically,
and the messages around an appointment (the counselor's notice, the person's reminders).

A slot is a counselor's start time. Booking inserts the appointment; the store's partial unique index
lets only one live appointment hold a counselor's start time, so of any number of simultaneous
requests for one slot exactly one succeeds and the others get `SlotTaken` and are offered other times.

Reminders are outbox rows written with the booking, due at their times: three days before when booked
further ahead, the evening before, and the morning of; each expires when the appointment starts, and a
cancellation cancels them. Their wording says "your appointment", never what it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.i18n import N_, Catalogs
from bot.messages import Choice, Reply
from bot.services.budget import Priority
from bot.sites import parse_hours
from bot.store.base import UnitOfWork
from bot.store.records import Address, Appointment, Availability, OutboxItem

DEFAULT_SLOT_MINUTES = 45
EARLIEST_AHEAD = timedelta(hours=2)
HORIZON_DAYS = 14
KINDS = {"in_person": N_("booking.kind_in_person"), "phone": N_("booking.kind_phone"), "chat": N_("booking.kind_chat")}
TOPICS = {"methadone": N_("booking.topic_methadone"), "rehab": N_("booking.topic_rehab"),
          "family": N_("booking.topic_family"), "hiv": N_("booking.topic_hiv"), "other": N_("booking.topic_other")}
_VI_DAYS = {"t2": "mon", "t3": "tue", "t4": "wed", "t5": "thu", "t6": "fri", "t7": "sat", "cn": "sun"}
_PHONE = re.compile(r"^\+?[0-9][0-9 .]{7,13}[0-9]$")


@dataclass(frozen=True)
class Slot:
    counselor: Address
    starts_at: datetime
    minutes: int


def weekly_hours(typed: str) -> str:
    """"T2-T6 8:00-11:30, 13:30-16:30; T7 8:00-11:00" → the site list's grammar
    ("mon-fri 08:00-11:30; mon-fri 13:30-16:30; sat 08:00-11:00"); ValueError with the bad part."""
    parts = []
    for chunk in filter(None, (c.strip() for c in typed.lower().replace("thứ ", "t").split(";"))):
        match = re.match(r"^([a-z0-9]+(?:-[a-z0-9]+)?)\s+(.+)$", chunk)
        if not match:
            raise ValueError(chunk)
        days = "-".join(_VI_DAYS.get(d, d) for d in match.group(1).split("-"))
        for span in match.group(2).split(","):
            start, _, end = span.strip().partition("-")
            parts.append(f"{days} {_hhmm(start)}-{_hhmm(end)}")
    canonical = "; ".join(parts)
    parse_hours(canonical)  # raises ValueError naming the bad part
    return canonical


def _hhmm(text: str) -> str:
    hours, _, minutes = text.strip().replace("h", ":").partition(":")
    return f"{int(hours or 'x'):02d}:{int(minutes or 0):02d}"


def valid_phone(typed: str) -> str | None:
    cleaned = typed.strip()
    return cleaned if _PHONE.match(cleaned) else None


async def free_slots(uow: UnitOfWork, point_id: str, now: datetime, zone: str, day: date | None = None,
                     limit: int = 6) -> list[Slot]:
    """The earliest free slots of the point's counselors (on `day` only, if given), one counselor per
    start time, from two hours ahead to two weeks ahead."""
    tz = ZoneInfo(zone)
    counselors = await uow.appointments.counselors_with_hours(point_id)
    if not counselors:
        return []
    earliest = now + EARLIEST_AHEAD
    start_day = now.astimezone(tz).date()
    days = [day] if day is not None else [start_day + timedelta(days=n) for n in range(HORIZON_DAYS)]
    window_end = datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=tz)
    taken = await uow.appointments.taken([a.person_id for a, _h in counselors], earliest, window_end)
    found: dict[datetime, Slot] = {}
    for address, hours in counselors:
        openings = parse_hours(hours.weekly)
        for on in days:
            if on.isoformat() in hours.days_off:
                continue
            for opening in (o for o in openings if o.weekday == on.weekday()):
                start = datetime.combine(on, opening.opens, tzinfo=tz)
                closes = datetime.combine(on, opening.closes, tzinfo=tz)
                step = timedelta(minutes=hours.slot_minutes)
                while start + step <= closes:
                    utc = start.astimezone(now.tzinfo)
                    if utc >= earliest and (address.person_id, utc) not in taken and utc not in found:
                        found[utc] = Slot(address, utc, hours.slot_minutes)
                    start += step
    return [found[at] for at in sorted(found)][:limit]


def counselor_notice(catalogs: Catalogs, counselor: Address, appointment: Appointment, alias: str,
                     what: str) -> OutboxItem:
    """New, cancelled: to the counselor, with Confirm / Decline for a new one. Names the alias only."""
    assert appointment.id is not None
    _ = catalogs.translator(counselor.locale)
    key = N_("booking.notice_new") if what == "new" else N_("booking.notice_cancelled")
    text = _(key, alias=alias, when=_.datetime(appointment.starts_at), kind=_(KINDS[appointment.kind]),
             topic=_(TOPICS[appointment.topic]))
    if appointment.phone and what == "new":
        text += "\n" + _("booking.notice_phone", phone=appointment.phone)
    choices: tuple[Choice, ...] = ()
    if what == "new":
        choices = (Choice(f"apt:ok:{appointment.id}", _("booking.confirm")),
                   Choice(f"apt:prop:{appointment.id}", _("booking.propose")),
                   Choice(f"apt:no:{appointment.id}", _("booking.decline")))
    return OutboxItem.to(counselor, key=f"apt{appointment.id}:{what}", reply=Reply(text, choices),
                         priority=Priority.APPOINTMENT, due_at=appointment.created_at, about_id=appointment.person_id)


def parse_reminder_setting(setting: str) -> dict[str, tuple[str, ...]]:
    """"default=3d,eve,morning; hcm-point-1=eve,morning" → which reminders each point sends; ValueError
    naming a bad part. A point not listed uses "default"."""
    chosen: dict[str, tuple[str, ...]] = {"default": REMINDER_LABELS}
    for part in filter(None, (p.strip() for p in setting.split(";"))):
        point, _, labels = part.partition("=")
        names = tuple(filter(None, (x.strip() for x in labels.split(","))))
        unknown = [n for n in names if n not in REMINDER_LABELS]
        if not point.strip() or unknown:
            raise ValueError(f"{part!r}: write like 'default=3d,eve,morning; POINT_ID=eve,morning'")
        chosen[point.strip()] = names
    return chosen


def reminders_for(catalogs: Catalogs, person: Address, appointment: Appointment, zone: str,
                  now: datetime, labels: tuple[str, ...] = ("3d", "eve", "morning")) -> list[OutboxItem]:
    """Three days before (when booked further ahead), the evening before at 18:00, the morning of at
    07:00 (for an appointment after 08:00): two reminders cut missed visits more than one. `labels`
    are the ones the point chose (APPOINTMENT_REMINDERS)."""
    assert appointment.id is not None
    tz = ZoneInfo(zone)
    start_local = appointment.starts_at.astimezone(tz)
    day = start_local.date()
    times = []
    if appointment.starts_at - now > timedelta(days=3):
        times.append(("3d", datetime.combine(day - timedelta(days=3), time(9), tzinfo=tz)))
    times.append(("eve", datetime.combine(day - timedelta(days=1), time(18), tzinfo=tz)))
    if start_local.time() >= time(8):
        times.append(("morning", datetime.combine(day, time(7), tzinfo=tz)))
    _ = catalogs.translator(person.locale)
    items = []
    for label, at in times:
        if label not in labels:
            continue
        due = at.astimezone(appointment.starts_at.tzinfo)
        if due <= now:
            continue
        reply = Reply(_("booking.reminder", when=_.datetime(appointment.starts_at)), (
            Choice(f"apt:keep:{appointment.id}", _("booking.will_come")),
            Choice(f"apt:change:{appointment.id}", _("booking.need_change"))))
        items.append(OutboxItem.to(person, reminder_key(appointment, label), reply, Priority.APPOINTMENT, due,
                                   expires_at=appointment.starts_at))
    return items


REMINDER_LABELS = ("3d", "eve", "morning")
AFTER_GRACE = timedelta(days=7)


def reminder_key(appointment: Appointment, label: str) -> str:
    """One key per appointment, time and reminder: a moved appointment gets its own reminders."""
    return f"apt{appointment.id}:r:{label}:{appointment.starts_at:%Y%m%d%H%M}"


def after_key(appointment: Appointment) -> str:
    return f"apt{appointment.id}:after:{appointment.starts_at:%Y%m%d%H%M}"


def keys_to_cancel(appointment: Appointment) -> list[str]:
    return [reminder_key(appointment, label) for label in REMINDER_LABELS] + [after_key(appointment)]


def after_the_meeting(catalogs: Catalogs, counselor: Address, appointment: Appointment, alias: str) -> OutboxItem:
    """When the appointment has ended: Attended or No-show, to the counselor."""
    assert appointment.id is not None
    _ = catalogs.translator(counselor.locale)
    ends = appointment.starts_at + timedelta(minutes=appointment.minutes)
    reply = Reply(_("booking.after", alias=alias, when=_.datetime(appointment.starts_at)), (
        Choice(f"apt:att:{appointment.id}", _("booking.attended")),
        Choice(f"apt:noshow:{appointment.id}", _("booking.no_show"))))
    return OutboxItem.to(counselor, after_key(appointment), reply, Priority.ROUTINE, ends,
                         expires_at=ends + AFTER_GRACE, about_id=appointment.person_id)


SATISFACTION = {3: N_("booking.sat_3"), 2: N_("booking.sat_2"), 1: N_("booking.sat_1")}


def availability_for(person_id: int, weekly: str, slot_minutes: int = DEFAULT_SLOT_MINUTES,
                     days_off: tuple[str, ...] = ()) -> Availability:
    return Availability(person_id, weekly, slot_minutes, days_off)
