"""The use cases of an appointment: book (or move) one, the counselor's confirm, propose, decline and
attendance, the person's accept, keep, change, cancel and rating, the counselor's hours, days off and
agenda. Each takes the unit of work, queues the notices it causes for others in the same transaction,
and returns what happened for the one who acted.

Who may do what is checked here, not in the handler: a button can be replayed or forged, so every
action loads the appointment and checks whose it is and whether it is still live.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.i18n import N_
from bot.keys import stamp
from bot.messages import Reply
from bot.priorities import Priority
from bot.services import booking as rules
from bot.services.booking import AppointmentKey
from bot.services.context import Context, Notices
from bot.services.reminder_kinds import appointment as reminders
from bot.sites import Site
from bot.store.base import SlotTaken, UnitOfWork
from bot.store.records import Address, Appointment, OutboxItem, Person

LIVE = ("requested", "proposed", "confirmed")
__all__ = ["AppointmentKey", "Did", "HoursDid", "Outcome", "Request"]


class Did(StrEnum):
    """What an appointment use case did; the handler words it for the one who acted."""

    BOOKED = "booked"
    MOVED = "moved"
    SLOT_TAKEN = "slot_taken"
    CONFIRMED = "confirmed"
    ASK_REASON = "ask_reason"
    DECLINED = "declined"
    PICK_TIME = "pick_time"
    NO_SLOTS = "no_slots"
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    KEPT = "kept"
    CHANGE = "change"
    CANCELLED = "cancelled"
    RATED = "rated"
    MARKED = "marked"
    ALREADY_MARKED = "already_marked"
    GONE = "gone"
    STALE = "stale"


@dataclass(frozen=True)
class Outcome:
    did: Did
    appointment: Appointment | None = None
    old: Appointment | None = None  # the appointment a booking replaced, or its time before a proposal
    slots: tuple[rules.Slot, ...] = ()
    notices: Notices = ()


@dataclass(frozen=True)
class Request:
    """A booking as the person chose it in the conversation."""

    point_id: str
    counselor_id: int
    starts_at: datetime
    kind: str
    topic: str
    phone: str | None = None
    replacing: int | None = None  # the appointment this one moves


async def bookable_points(uow: UnitOfWork, points: list[Site]) -> list[Site]:
    """The points where at least one counselor has set hours: elsewhere nobody could be booked."""
    return [s for s in points if await uow.appointments.counselors_with_hours(s.id)]


async def upcoming(uow: UnitOfWork, person_id: int, now: datetime) -> list[Appointment]:
    return await uow.appointments.upcoming(person_id, now)


async def book(uow: UnitOfWork, ctx: Context, person: Person, request: Request) -> Outcome:
    """Insert the appointment and, in the same transaction, the counselor's notice, the person's
    reminders and the counselor's "did they come?"; a replaced appointment is cancelled only now, so a
    change abandoned half-way loses nothing."""
    assert person.id is not None
    hours = await uow.appointments.availability(request.counselor_id)
    appointment = Appointment(
        person_id=person.id, counselor_id=request.counselor_id, point_id=request.point_id,
        starts_at=request.starts_at, minutes=hours.slot_minutes if hours else rules.DEFAULT_SLOT_MINUTES,
        kind=request.kind, topic=request.topic, status="requested", created_at=ctx.now, phone=request.phone,
    )
    try:
        await uow.appointments.book(appointment)
    except SlotTaken:
        return Outcome(Did.SLOT_TAKEN)
    counselor = await uow.people.address(request.counselor_id)
    me = await uow.people.address(person.id)
    items = reminders.reminders_for(ctx.catalogs, me, appointment, ctx.zone, ctx.now,
                                ctx.reminders_of(appointment.point_id)) if me else []
    if counselor is not None:
        items.append(rules.counselor_notice(ctx.catalogs, counselor, appointment, person.alias, "new"))
        items.append(rules.after_the_meeting(ctx.catalogs, counselor, appointment, person.alias))
        await uow.audit.record(request.counselor_id, person.id, "appointment notice", ctx.now)
    await uow.outbox.add_many(items)
    old = await uow.appointments.get(request.replacing) if request.replacing else None
    if old is not None and old.person_id == person.id and old.status in LIVE:
        moved = await _cancel(uow, ctx, person, old, "moved")
        return Outcome(Did.MOVED, appointment, old, notices=(*items, *moved))
    return Outcome(Did.BOOKED, appointment, notices=tuple(items))


async def _load(uow: UnitOfWork, appointment_id: int) -> Appointment | None:
    return await uow.appointments.get(appointment_id)


def _refused(appointment: Appointment | None, actor_id: int | None, side: str) -> Outcome | None:
    """Gone when the appointment is no longer live, stale when it is not the actor's to act on."""
    if appointment is None or appointment.id is None or appointment.status not in LIVE:
        return Outcome(Did.GONE)
    owner = appointment.counselor_id if side == "counselor" else appointment.person_id
    return None if owner == actor_id else Outcome(Did.STALE)


# The counselor's side.

async def confirm(uow: UnitOfWork, ctx: Context, counselor: Person, appointment_id: int) -> Outcome:
    appointment = await _load(uow, appointment_id)
    refused = _refused(appointment, counselor.id, "counselor")
    if refused is not None:
        return refused
    assert appointment is not None and appointment.id is not None
    await uow.appointments.set_status(appointment.id, "confirmed")
    notices = await _tell_person(uow, ctx, appointment, N_("booking.confirmed_for_person"))
    return Outcome(Did.CONFIRMED, appointment, notices=notices)


async def begin_decline(uow: UnitOfWork, counselor: Person, appointment_id: int) -> Outcome:
    """A decline needs a reason, asked next: only the appointment's counselor is asked."""
    appointment = await _load(uow, appointment_id)
    return _refused(appointment, counselor.id, "counselor") or Outcome(Did.ASK_REASON, appointment)


async def decline(uow: UnitOfWork, ctx: Context, counselor: Person, appointment_id: int, reason: str) -> Outcome:
    appointment = await _load(uow, appointment_id)
    if appointment is None or appointment.id is None or appointment.counselor_id != counselor.id:
        return Outcome(Did.STALE)
    reason = reason.strip()[:300]
    await uow.appointments.set_status(appointment.id, "declined", reason)
    for key in reminders.keys_to_cancel(appointment):
        await uow.outbox.cancel(key, ctx.now)
    notices = await _tell_person(uow, ctx, appointment, N_("booking.declined_for_person"), reason)
    return Outcome(Did.DECLINED, appointment, notices=notices)


async def times_to_propose(uow: UnitOfWork, ctx: Context, counselor: Person, appointment_id: int) -> Outcome:
    """The counselor's own next free times at the appointment's point, to pick another from."""
    appointment = await _load(uow, appointment_id)
    refused = _refused(appointment, counselor.id, "counselor")
    if refused is not None:
        return refused
    assert appointment is not None
    slots = [s for s in await rules.free_slots(uow, appointment.point_id, ctx.now, ctx.zone, limit=50)
             if s.counselor.person_id == counselor.id][:6]
    return Outcome(Did.PICK_TIME if slots else Did.NO_SLOTS, appointment, slots=tuple(slots))


async def propose(uow: UnitOfWork, ctx: Context, counselor: Person, appointment_id: int,
                  new_time: datetime) -> Outcome:
    """Another time: the appointment moves at once (holding the slot), its reminders follow it, and the
    person is asked to accept or reject."""
    appointment = await _load(uow, appointment_id)
    refused = _refused(appointment, counselor.id, "counselor")
    if refused is not None:
        return refused
    assert appointment is not None and appointment.id is not None and counselor.id is not None
    old = replace(appointment)
    try:
        await uow.appointments.move(appointment.id, new_time, "proposed")
    except SlotTaken:
        return Outcome(Did.SLOT_TAKEN, appointment)
    for key in reminders.keys_to_cancel(old):
        await uow.outbox.cancel(key, ctx.now)
    appointment.starts_at, appointment.status = new_time, "proposed"
    person = await uow.people.address(appointment.person_id)
    items = reminders.reminders_for(ctx.catalogs, person, appointment, ctx.zone, ctx.now,
                                ctx.reminders_of(appointment.point_id)) if person else []
    me = await uow.people.address(counselor.id)
    if me is not None and person is not None:
        items.append(rules.after_the_meeting(ctx.catalogs, me, appointment, person.alias))
    if person is not None:
        _ = ctx.catalogs.translator(person.locale)
        reply = Reply(_("booking.proposed_for_person", old=_.datetime(old.starts_at), when=_.datetime(new_time)), (
            rules.appointment_choice("accept", appointment, _("booking.accept")),
            rules.appointment_choice("reject", appointment, _("booking.reject"))))
        items.append(OutboxItem.to(person, f"apt{appointment.id}:proposed:{stamp(new_time)}", reply,
                                   Priority.APPOINTMENT, ctx.now))
    await uow.outbox.add_many(items)
    return Outcome(Did.PROPOSED, appointment, old, notices=tuple(items))


async def mark_attendance(uow: UnitOfWork, ctx: Context, counselor: Person, appointment_id: int,
                          attended: bool) -> Outcome:
    """Attended or not, once; an attended person is asked one satisfaction question."""
    appointment = await _load(uow, appointment_id)
    if appointment is None or appointment.id is None:
        return Outcome(Did.GONE)
    if appointment.counselor_id != counselor.id:
        return _refused(appointment, counselor.id, "person") or Outcome(Did.STALE)
    if appointment.status in ("attended", "no_show"):
        return Outcome(Did.ALREADY_MARKED, appointment)
    await uow.appointments.set_status(appointment.id, "attended" if attended else "no_show")
    items: list[OutboxItem] = []
    person = await uow.people.address(appointment.person_id) if attended else None
    if person is not None:
        _ = ctx.catalogs.translator(person.locale)
        reply = Reply(_("booking.sat_question"), tuple(
            rules.appointment_choice("sat", appointment, _(label), str(score))
            for score, label in rules.SATISFACTION.items()))
        items.append(OutboxItem.to(person, f"apt{appointment.id}:sat", reply, Priority.ROUTINE, ctx.now))
        await uow.outbox.add_many(items)
    return Outcome(Did.MARKED, appointment, notices=tuple(items))


# The person's side.

async def rate(uow: UnitOfWork, person: Person, appointment_id: int, score: int) -> Outcome:
    appointment = await _load(uow, appointment_id)
    if appointment is None or appointment.id is None:
        return Outcome(Did.GONE)
    if appointment.person_id != person.id or score not in rules.SATISFACTION:
        return _refused(appointment, None, "person") or Outcome(Did.STALE)
    await uow.appointments.rate(appointment.id, score)
    return Outcome(Did.RATED, appointment)


async def keep(uow: UnitOfWork, person: Person, appointment_id: int) -> Outcome:
    """"I will come" on a reminder: nothing changes."""
    appointment = await _load(uow, appointment_id)
    return _refused(appointment, person.id, "person") or Outcome(Did.KEPT, appointment)


async def begin_change(uow: UnitOfWork, person: Person, appointment_id: int) -> Outcome:
    """"I need another time": the booking opens at the time step; the old one stays until then."""
    appointment = await _load(uow, appointment_id)
    return _refused(appointment, person.id, "person") or Outcome(Did.CHANGE, appointment)


async def accept(uow: UnitOfWork, ctx: Context, person: Person, appointment_id: int) -> Outcome:
    """The person accepts the time the counselor proposed."""
    appointment = await _load(uow, appointment_id)
    refused = _refused(appointment, person.id, "person")
    if refused is not None:
        return refused
    assert appointment is not None and appointment.id is not None
    if appointment.status != "proposed":
        return Outcome(Did.STALE)
    await uow.appointments.set_status(appointment.id, "confirmed")
    notices = await _tell_counselor(uow, ctx, person, appointment, N_("booking.notice_accepted"))
    return Outcome(Did.ACCEPTED, appointment, notices=notices)


async def cancel(uow: UnitOfWork, ctx: Context, person: Person, appointment_id: int) -> Outcome:
    """Cancel (or reject a proposed time): the reminders go, the counselor is told."""
    appointment = await _load(uow, appointment_id)
    refused = _refused(appointment, person.id, "person")
    if refused is not None:
        return refused
    assert appointment is not None
    notices = await _cancel(uow, ctx, person, appointment)
    return Outcome(Did.CANCELLED, appointment, notices=notices)


async def _cancel(uow: UnitOfWork, ctx: Context, person: Person, appointment: Appointment,
                  what: str = "cancelled") -> Notices:
    assert appointment.id is not None
    await uow.appointments.set_status(appointment.id, "cancelled")
    for key in reminders.keys_to_cancel(appointment):
        await uow.outbox.cancel(key, ctx.now)
    counselor = await uow.people.address(appointment.counselor_id) if appointment.counselor_id else None
    if counselor is None:
        return ()
    notice = rules.counselor_notice(ctx.catalogs, counselor, appointment, person.alias, what)
    await uow.outbox.add_many([notice])
    return (notice,)


async def _tell_counselor(uow: UnitOfWork, ctx: Context, person: Person, appointment: Appointment,
                          key: str) -> Notices:
    counselor = await uow.people.address(appointment.counselor_id) if appointment.counselor_id else None
    if counselor is None:
        return ()
    _ = ctx.catalogs.translator(counselor.locale)
    reply = Reply(_(key, alias=person.alias, when=_.datetime(appointment.starts_at)))
    items = [OutboxItem.to(counselor, f"apt{appointment.id}:{key}:{ctx.now:%Y%m%d%H%M%S}", reply,
                           Priority.APPOINTMENT, ctx.now, about_id=appointment.person_id)]
    await uow.outbox.add_many(items)
    return tuple(items)


async def _tell_person(uow: UnitOfWork, ctx: Context, appointment: Appointment, key: str,
                       reason: str = "") -> Notices:
    person = await uow.people.address(appointment.person_id)
    if person is None:
        return ()
    _ = ctx.catalogs.translator(person.locale)
    reply = Reply(_(key, when=_.datetime(appointment.starts_at), reason=reason))
    items = [OutboxItem.to(person, f"apt{appointment.id}:{key}", reply, Priority.APPOINTMENT, ctx.now)]
    await uow.outbox.add_many(items)
    return tuple(items)


# A counselor's hours, days off and agenda.

class HoursDid(StrEnum):
    SHOWN = "shown"
    SET = "set"
    BAD = "bad"
    DAY_OFF = "day_off"
    DAY_BACK = "day_back"
    NO_HOURS = "no_hours"


@dataclass(frozen=True)
class Hours:
    did: HoursDid
    weekly: str | None = None  # the hours in the site list's grammar, when there are any
    minutes: int = rules.DEFAULT_SLOT_MINUTES
    day: date | None = None


async def set_hours(uow: UnitOfWork, counselor_id: int, typed: str) -> Hours:
    """"T2-T6 8:00-11:30, 13:30-16:30 (30 phút)": weekly hours and slot length; nothing typed shows them."""
    current = await uow.appointments.availability(counselor_id)
    typed = typed.strip()
    if not typed:
        return Hours(HoursDid.SHOWN, current.weekly if current else None)
    minutes_match = re.search(r"\((\d{2,3})\s*(?:phut|phút|min)[^)]*\)", typed)
    minutes = int(minutes_match.group(1)) if minutes_match else rules.DEFAULT_SLOT_MINUTES
    try:
        weekly = rules.weekly_hours(re.sub(r"\(.*?\)", "", typed))
    except ValueError:
        return Hours(HoursDid.BAD)
    if not 15 <= minutes <= 180:
        return Hours(HoursDid.BAD)
    await uow.appointments.set_availability(rules.availability_for(
        counselor_id, weekly, minutes, current.days_off if current else ()))
    return Hours(HoursDid.SET, weekly, minutes)


async def toggle_day_off(uow: UnitOfWork, counselor_id: int, day: date | None) -> Hours:
    """A day off; the same day again takes it back. None: the day could not be read."""
    current = await uow.appointments.availability(counselor_id)
    if current is None:
        return Hours(HoursDid.NO_HOURS)
    if day is None:
        return Hours(HoursDid.BAD)
    off = set(current.days_off) ^ {day.isoformat()}
    current.days_off = tuple(sorted(off))
    await uow.appointments.set_availability(current)
    return Hours(HoursDid.DAY_OFF if day.isoformat() in off else HoursDid.DAY_BACK, current.weekly, day=day)


async def agenda(uow: UnitOfWork, ctx: Context, counselor_id: int, start: datetime,
                 days: int = 8) -> list[tuple[Appointment, Address | None]]:
    """A counselor's appointments from `start`, with whom; each person shown is written to the audit."""
    appointments = await uow.appointments.of_counselor(counselor_id, start, start + timedelta(days=days))
    shown = []
    for appointment in appointments:
        person = await uow.people.address(appointment.person_id)
        await uow.audit.record(counselor_id, appointment.person_id, "agenda", ctx.now)
        shown.append((appointment, person))
    return shown
