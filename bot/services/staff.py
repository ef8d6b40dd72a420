"""A counseling point's staff: how they are invited, and what they switch on and off from the chat
(being on duty: crisis alerts and new chats reach counselors on duty; the report-deadline reminders)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services import deadlines
from bot.services.context import Context
from bot.setting_grammars import Deadline
from bot.store.base import UnitOfWork
from bot.store.records import Address, Chat, Person, Reminder

REPORT = deadlines.REPORT
# No 0/O or 1/I: an invite code is often read out over the phone.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
STAFF_ROLES = ("counselor", "volunteer")


async def invite(uow: UnitOfWork, role: str, point_id: str, now: datetime, days: int = 7) -> str:
    """A one-time code that makes whoever sends it a counselor or volunteer of the point, for `days`
    days. Eight letters from 32: guessing one takes far more tries than the bot allows a chat."""
    if role not in STAFF_ROLES:
        raise ValueError(f"not a staff role: {role!r}")
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    await uow.invites.add(code, role, point_id, now, now + timedelta(days=days))
    return code


@dataclass(frozen=True)
class Duty:
    on: bool
    waiting: tuple[tuple[Chat, Address | None], ...] = ()  # chats of the point nobody has taken yet


async def toggle_duty(uow: UnitOfWork, counselor: Person) -> Duty:
    """On if off, off if on; going on duty shows the chats waiting at the counselor's point."""
    assert counselor.id is not None
    now_on = not await uow.staff.is_on_duty(counselor.id)
    await uow.staff.set_on_duty(counselor.id, now_on)
    if not now_on:
        return Duty(False)
    point = await uow.staff.point_of(counselor.id)
    waiting = await uow.chats.waiting(point) if point else []
    return Duty(True, tuple([(chat, await uow.people.address(chat.person_id)) for chat in waiting]))


@dataclass(frozen=True)
class Reports:
    on: bool
    first: Reminder | None = None


async def reports_reminded(uow: UnitOfWork, person_id: int) -> bool:
    """Whether the staff member has the report deadline notices on."""
    return any(r.kind == REPORT for r in await uow.reminders.of_person(person_id))


async def reports_scope(uow: UnitOfWork, person: Person, head: bool) -> str | None:
    """The point whose counts a staff member may report: their own; None (the whole province) for a
    province head."""
    assert person.id is not None
    return None if head else await uow.staff.point_of(person.id)


async def toggle_reports(uow: UnitOfWork, ctx: Context, person: Person, chosen: tuple[Deadline, ...]) -> Reports:
    """Off if on, on if off: one command, said twice, undoes itself. The rule is stored with the
    reminder, so changing the setting later never moves reminders already on."""
    assert person.id is not None
    existing = [r for r in await uow.reminders.of_person(person.id) if r.kind == REPORT]
    for reminder in existing:
        assert reminder.id is not None
        await uow.reminders.delete(reminder.id)
    if existing:
        return Reports(False)
    rule = deadlines.rule_for(chosen)
    reminder = Reminder(person_id=person.id, kind=REPORT, rule=rule, timezone=ctx.zone, created_at=ctx.now,
                        next_at=deadlines.next_notice(rule, ctx.zone, ctx.now))
    await uow.reminders.add(reminder)
    return Reports(True, reminder)
