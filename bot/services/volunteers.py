"""Volunteers following people after treatment (seed 001: each volunteer follows 1–2 people).

A link exists only after the person agreed, by typing the one-time code their volunteer gave them.
The volunteer then gets a weekly check-in reminder per linked person, answers it in two taps (fine /
needs support / could not reach them, then an optional note), and "needs support", or "could not
reach" twice in a row, goes to the counselors of the volunteer's point. If the person allowed it, the
volunteer also hears, after two missed dose days, only that the person may need a call, never why.
"""

from __future__ import annotations

import secrets
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import N_, Catalogs
from bot.messages import Choice, Reply
from bot.services.budget import Priority
from bot.store.base import UnitOfWork
from bot.store.records import Address, Link, OutboxItem

CHECKIN = "checkin"
CODE_VALID = timedelta(hours=48)
MAX_PEOPLE_PER_VOLUNTEER = 2
CHECKIN_AT = time(9, 0)
CHECKIN_GRACE = timedelta(days=2)
NOTICE_GRACE = timedelta(hours=12)
NO_CONTACT_TO_ESCALATE = 2


def new_code() -> str:
    return "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))


def weekly_rule(weekday: int) -> dict[str, Any]:
    return {"type": "weekly", "weekday": weekday, "at": CHECKIN_AT.strftime("%H:%M")}


def next_weekly(rule: dict[str, Any], zone: str, after: datetime) -> datetime:
    tz = ZoneInfo(zone)
    local = after.astimezone(tz)
    hours, minutes = (int(x) for x in rule["at"].split(":"))
    days_ahead = (int(rule["weekday"]) - local.weekday()) % 7
    candidate = datetime.combine(local.date() + timedelta(days=days_ahead), time(hours, minutes), tzinfo=tz)
    if candidate <= local:
        candidate += timedelta(days=7)
    return candidate.astimezone(after.tzinfo)


def checkin_message(catalogs: Catalogs, volunteer: Address, person: Address, link_id: int, day: str) -> Reply:
    _ = catalogs.translator(volunteer.locale)
    return Reply(_("volunteers.checkin", alias=person.alias), (
        Choice(f"ci:ok:{link_id}:{day}", _("volunteers.ok")),
        Choice(f"ci:help:{link_id}:{day}", _("volunteers.needs_support")),
        Choice(f"ci:none:{link_id}:{day}", _("volunteers.no_contact")),
    ))


async def escalate(uow: UnitOfWork, catalogs: Catalogs, link: Link, reason: str, note: str | None,
                   now: datetime) -> int:
    """Tell the counselors of the volunteer's point; returns how many were told."""
    assert link.id is not None and link.person_id is not None
    point = await uow.staff.point_of(link.volunteer_id)
    volunteer = await uow.links.address(link.volunteer_id)
    person = await uow.links.address(link.person_id)
    if volunteer is None or person is None:
        return 0
    items = []
    for counselor in await uow.staff.counselors(point, on_duty_only=False):
        _ = catalogs.translator(counselor.locale)
        key = N_("volunteers.escalate_support") if reason == "help" else N_("volunteers.escalate_no_contact")
        text = _(key, volunteer=volunteer.alias, alias=person.alias)
        if note:
            text += "\n" + _("volunteers.escalate_note", note=note[:500])
        items.append(OutboxItem.to(counselor, key=f"esc:{link.id}:{reason}:{now:%Y%m%d%H%M}:{counselor.person_id}",
                                   reply=Reply(text), priority=Priority.APPOINTMENT, due_at=now,
                                   expires_at=now + NOTICE_GRACE, about_id=link.person_id))
    return await uow.outbox.add_many(items)


async def may_need_a_call(uow: UnitOfWork, catalogs: Catalogs, person_id: int,
                          occurrence: datetime) -> list[OutboxItem]:
    """After two missed dose days: the volunteers the person allowed to know, and nothing more."""
    items: list[OutboxItem] = []
    person = await uow.links.address(person_id)
    if person is None:
        return items
    for link in await uow.links.of_person(person_id):
        if link.agreed_at is None or not link.share_missed:
            continue
        volunteer = await uow.links.address(link.volunteer_id)
        if volunteer is None:
            continue
        _ = catalogs.translator(volunteer.locale)
        items.append(OutboxItem.to(volunteer, key=f"call:{link.id}:{occurrence:%Y%m%d}",
                                   reply=Reply(_("volunteers.may_need_call", alias=person.alias)),
                                   priority=Priority.ROUTINE, due_at=occurrence, expires_at=occurrence + NOTICE_GRACE,
                                   about_id=person_id))
    return items
