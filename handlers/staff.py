"""What only the counseling point's staff can do from the chat. For now: /baocao (/reports) turns the
report-deadline reminders on or off (seed 001: quarterly, half-year and yearly reports)."""

from __future__ import annotations

from bot.dialogs import Step, Turn
from bot.messages import Choice, Reply
from bot.services import deadlines
from bot.services.reminders import REPORT, next_occurrence
from bot.store.records import Reminder
from handlers.privacy import ask_consent_for

STAFF_ROLES = frozenset({"counselor", "head"})


async def on_reports(turn: Turn) -> Step:
    if turn.person.role not in STAFF_ROLES:
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    if not turn.person.consented:
        return ask_consent_for(turn, "m:reports")
    return await toggle_reports(turn)


async def toggle_reports(turn: Turn) -> Step:
    """Off if on, on if off: one command, said twice, undoes itself."""
    assert turn.person.id is not None
    existing = [r for r in await turn.uow.reminders.of_person(turn.person.id) if r.kind == REPORT]
    for reminder in existing:
        assert reminder.id is not None
        await turn.uow.reminders.delete(reminder.id)
    if existing:
        return Step([Reply(turn._("deadlines.off"))], "staff:reports_off")
    rule = deadlines.rule_for(turn.services.report_deadlines)
    zone = turn.services.timezone_name
    reminder = Reminder(person_id=turn.person.id, kind=REPORT, rule=rule, timezone=zone, created_at=turn.now,
                        next_at=next_occurrence(rule, zone, turn.now))
    await turn.uow.reminders.add(reminder)
    listed = "; ".join(f"{turn._(deadlines.KINDS[d.kind])} {d.day:02d}/{d.month:02d}"
                       for d in turn.services.report_deadlines)
    assert reminder.next_at is not None
    return Step([Reply(turn._("deadlines.on", deadlines=listed, first=turn._.datetime(reminder.next_at)))],
                "staff:reports_on")


async def on_duty(turn: Turn) -> Step:
    """/truc (/duty): a counselor goes on or off duty; on duty, crisis alerts reach them."""
    if turn.person.role != "counselor":
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    assert turn.person.id is not None
    now_on = not await turn.uow.staff.is_on_duty(turn.person.id)
    await turn.uow.staff.set_on_duty(turn.person.id, now_on)
    if not now_on:
        return Step([Reply(turn._("staff.off_duty"))], "staff:duty")
    point = await turn.uow.staff.point_of(turn.person.id)
    waiting = await turn.uow.chats.waiting(point) if point else []
    if not waiting:
        return Step([Reply(turn._("staff.on_duty"))], "staff:duty")
    choices = []
    for chat in waiting[:8]:
        person = await turn.uow.links.address(chat.person_id)
        choices.append(Choice(f"chat:take:{chat.id}", turn._("staff.take_chat", alias=person.alias if person else "?")))
    return Step([Reply(turn._("staff.on_duty")), Reply(turn._("staff.waiting", count=len(waiting)), tuple(choices))],
                "staff:duty")
