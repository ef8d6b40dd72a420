"""Volunteers following people after treatment (seed 001: each volunteer follows 1–2 people).

A link exists only after the person agreed, by typing the one-time code their volunteer gave them.
The volunteer then gets a weekly check-in reminder per linked person, answers it in two taps (fine /
needs support / could not reach them, then an optional note), and "needs support", or "could not
reach" twice in a row, goes to the counselors of the volunteer's point. If the person allowed it, the
volunteer also hears, after two missed dose days, only that the person may need a call, never why.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from bot.i18n import N_, Catalogs
from bot.keys import ChoiceKey, stamp
from bot.messages import Choice, Reply
from bot.priorities import Priority
from bot.services.context import Context
from bot.store.base import UnitOfWork
from bot.store.records import Address, Link, OutboxItem, Person, Reminder

CHECKIN = "checkin"
CODE_VALID = timedelta(hours=48)
MAX_PEOPLE_PER_VOLUNTEER = 2
CHECKIN_AT = time(9, 0)
CHECKIN_GRACE = timedelta(days=2)
NOTICE_GRACE = timedelta(hours=12)
NO_CONTACT_TO_ESCALATE = 2


def make_code() -> str:
    return "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))


def weekly_rule(weekday: int) -> dict[str, Any]:
    return {"type": "weekly", "weekday": weekday, "at": CHECKIN_AT.strftime("%H:%M")}


def next_weekly(rule: dict[str, Any], zone: str, after: datetime) -> datetime:
    tz = ZoneInfo(zone)
    local = after.astimezone(tz)
    at = time.fromisoformat(rule["at"])
    hours, minutes = at.hour, at.minute
    days_ahead = (int(rule["weekday"]) - local.weekday()) % 7
    candidate = datetime.combine(local.date() + timedelta(days=days_ahead), time(hours, minutes), tzinfo=tz)
    if candidate <= local:
        candidate += timedelta(days=7)
    return candidate.astimezone(after.tzinfo)


def checkin_message(catalogs: Catalogs, volunteer: Address, person: Address, link_id: int, day: str) -> Reply:
    _ = catalogs.translator(volunteer.locale)
    return Reply(_("volunteers.checkin", alias=person.alias), (
        Choice(CheckinKey("ok", link_id, day).pack(), _("volunteers.ok")),
        Choice(CheckinKey("help", link_id, day).pack(), _("volunteers.needs_support")),
        Choice(CheckinKey("none", link_id, day).pack(), _("volunteers.no_contact")),
    ))


@dataclass(frozen=True)
class CheckinKey(ChoiceKey):
    """ci:<ok|help|none>:<link>:<day>, the volunteer's answer to the weekly check-in."""

    prefix: ClassVar[str] = "ci"
    answer: str
    link: int
    day: str


@dataclass(frozen=True)
class EndLinkKey(ChoiceKey):
    """link:end:<link>, the person ending a link from /lienket."""

    prefix: ClassVar[str] = "link"
    tag: ClassVar[str | None] = "end"
    link: int


async def may_need_a_call(uow: UnitOfWork, catalogs: Catalogs, person_id: int,
                          occurrence: datetime) -> list[OutboxItem]:
    """After two missed dose days: the volunteers the person allowed to know, and nothing more."""
    items: list[OutboxItem] = []
    person = await uow.people.address(person_id)
    if person is None:
        return items
    for link in await uow.links.of_person(person_id):
        if link.agreed_at is None or not link.share_missed:
            continue
        volunteer = await uow.people.address(link.volunteer_id)
        if volunteer is None:
            continue
        _ = catalogs.translator(volunteer.locale)
        items.append(OutboxItem.to(volunteer, key=f"call:{link.id}:{occurrence:%Y%m%d}",
                                   reply=Reply(_("volunteers.may_need_call", alias=person.alias)),
                                   priority=Priority.ROUTINE, due_at=occurrence, expires_at=occurrence + NOTICE_GRACE,
                                   about_id=person_id))
    return items


# The use cases: each takes the unit of work and says what it did.

class Did(StrEnum):
    CODE = "code"  # a new one-time code for the volunteer to give
    FULL = "full"  # the volunteer already follows as many people as one may
    FOUND = "found"  # a code that opens a link, to be agreed to
    BAD_CODE = "bad_code"
    LINKED = "linked"
    ENDED = "ended"
    THANKS = "thanks"
    TRY_AGAIN = "try_again"  # could not reach the person once: not yet a matter for the counselors
    ESCALATED = "escalated"
    GONE = "gone"  # the link is gone (ended, or the person erased)
    STALE = "stale"


@dataclass(frozen=True)
class Outcome:
    did: Did
    link: Link | None = None
    code: str | None = None
    volunteer: Address | None = None
    count: int = 0  # people linked, or counselors told
    first_checkin: datetime | None = None
    notices: tuple[OutboxItem, ...] = ()


async def new_code(uow: UnitOfWork, ctx: Context, volunteer: Person) -> Outcome:
    assert volunteer.id is not None
    agreed = [link for link in await uow.links.of_volunteer(volunteer.id) if link.agreed_at is not None]
    if len(agreed) >= MAX_PEOPLE_PER_VOLUNTEER:
        return Outcome(Did.FULL, count=len(agreed))
    code = make_code()
    await uow.links.add(Link(volunteer_id=volunteer.id, created_at=ctx.now, code=code,
                             code_expires_at=ctx.now + CODE_VALID))
    return Outcome(Did.CODE, code=code)


async def linked_volunteer(uow: UnitOfWork, person_id: int) -> Outcome:
    """The person's agreed link, with the volunteer's alias to show."""
    links = [link for link in await uow.links.of_person(person_id) if link.agreed_at is not None]
    if not links:
        return Outcome(Did.GONE)
    return Outcome(Did.LINKED, links[0], volunteer=await uow.people.address(links[0].volunteer_id))


async def find_code(uow: UnitOfWork, ctx: Context, person: Person, code: str) -> Outcome:
    """The link a typed code opens; a volunteer cannot link to themselves."""
    link = await uow.links.by_code(code, ctx.now)
    if link is None or link.volunteer_id == person.id:
        return Outcome(Did.BAD_CODE)
    return Outcome(Did.FOUND, link, volunteer=await uow.people.address(link.volunteer_id))


async def agree(uow: UnitOfWork, ctx: Context, person: Person, link_id: int, share: bool, weekday: int) -> Outcome:
    """The person agrees: the code is spent, the volunteer gets a weekly check-in on `weekday` and is
    told. `share`: whether the volunteer may hear that the person "may need a call"."""
    link = await uow.links.get(link_id)
    if link is None or link.agreed_at is not None or link.code_expires_at is None or link.code_expires_at <= ctx.now:
        return Outcome(Did.BAD_CODE)
    assert person.id is not None and link.id is not None
    link.person_id, link.agreed_at, link.share_missed = person.id, ctx.now, share
    link.code = link.code_expires_at = None
    await uow.links.save(link)
    rule = weekly_rule(weekday)
    reminder = Reminder(person_id=link.volunteer_id, kind=CHECKIN, rule=rule, timezone=ctx.zone,
                        created_at=ctx.now, state={"link": link.id}, next_at=next_weekly(rule, ctx.zone, ctx.now))
    await uow.reminders.add(reminder)
    volunteer = await uow.people.address(link.volunteer_id)
    items = []
    if volunteer is not None and reminder.next_at is not None:
        _ = ctx.catalogs.translator(volunteer.locale)
        reply = Reply(_("volunteers.now_linked", alias=person.alias, first=_.datetime(reminder.next_at)))
        items.append(OutboxItem.to(volunteer, f"linked:{link.id}", reply, Priority.ROUTINE, ctx.now,
                                   about_id=person.id))
        await uow.outbox.add_many(items)
    return Outcome(Did.LINKED, link, volunteer=volunteer, first_checkin=reminder.next_at, notices=tuple(items))


async def end_link(uow: UnitOfWork, person: Person, link_id: int) -> Outcome:
    """The person ends the link; the volunteer's check-ins stop with it."""
    link = await uow.links.get(link_id)
    if link is None or link.person_id != person.id:
        return Outcome(Did.STALE)
    await uow.links.delete(link_id)
    return Outcome(Did.ENDED, link)


async def checkin_answer(uow: UnitOfWork, ctx: Context, volunteer: Person, link_id: int, answer: str) -> Outcome:
    """"ok" resets the count of failed contacts; "none" twice in a row tells the counselors; "help"
    asks for a note first (`help_needed` then tells them)."""
    link = await uow.links.get(link_id)
    if link is None or link.volunteer_id != volunteer.id:
        return Outcome(Did.GONE)
    assert volunteer.id is not None
    await uow.tally.add(await uow.staff.point_of(volunteer.id), f"volunteer.checkin_{answer}", ctx.now)
    if answer == "ok":
        link.no_contact = 0
        await uow.links.save(link)
        return Outcome(Did.THANKS, link)
    if answer == "none":
        link.no_contact += 1
        await uow.links.save(link)
        if link.no_contact >= NO_CONTACT_TO_ESCALATE:
            notices, told = await _escalate(uow, ctx, link, "none", None)
            return Outcome(Did.ESCALATED, link, count=told, notices=notices)
        return Outcome(Did.TRY_AGAIN, link)
    return Outcome(Did.FOUND, link)  # "help": the note comes next


async def help_needed(uow: UnitOfWork, ctx: Context, link_id: int, note: str | None) -> Outcome:
    """"Needs support", with the volunteer's optional note (sent, never stored), to the counselors."""
    link = await uow.links.get(link_id)
    if link is None or link.person_id is None:
        return Outcome(Did.GONE)
    notices, told = await _escalate(uow, ctx, link, "help", note)
    return Outcome(Did.ESCALATED, link, count=told, notices=notices)


async def _escalate(uow: UnitOfWork, ctx: Context, link: Link, reason: str,
                    note: str | None) -> tuple[tuple[OutboxItem, ...], int]:
    """Tell the counselors of the volunteer's point; with how many were newly queued (a press repeated
    within the minute queues nothing twice)."""
    assert link.id is not None and link.person_id is not None
    point = await uow.staff.point_of(link.volunteer_id)
    volunteer = await uow.people.address(link.volunteer_id)
    person = await uow.people.address(link.person_id)
    if volunteer is None or person is None:
        return (), 0
    items = []
    for counselor in await uow.staff.counselors(point, on_duty_only=False):
        _ = ctx.catalogs.translator(counselor.locale)
        key = N_("volunteers.escalate_support") if reason == "help" else N_("volunteers.escalate_no_contact")
        text = _(key, volunteer=volunteer.alias, alias=person.alias)
        if note:
            text += "\n" + _("volunteers.escalate_note", note=note[:500])
        items.append(OutboxItem.to(counselor, key=f"esc:{link.id}:{reason}:{stamp(ctx.now)}:{counselor.person_id}",
                                   reply=Reply(text), priority=Priority.APPOINTMENT, due_at=ctx.now,
                                   expires_at=ctx.now + NOTICE_GRACE, about_id=link.person_id))
    return tuple(items), await uow.outbox.add_many(items)
