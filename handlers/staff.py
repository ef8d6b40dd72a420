"""What only the counseling point's staff do from the chat: /baocao (/reports) turns the report-deadline
reminders on or off (quarterly, half-year and yearly reports), /truc (/duty) starts and ends a shift."""

from __future__ import annotations

from bot.dialogs import Step, Turn
from bot.messages import Reply
from bot.services import deadlines
from bot.services import staff as service
from bot.services.chats import take_choice
from handlers.privacy import ask_consent_for

STAFF_ROLES = frozenset({"counselor", "head"})


async def on_reports(turn: Turn) -> Step:
    if turn.person.role not in STAFF_ROLES:
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    if not turn.person.consented:
        return ask_consent_for(turn, "m:reports")
    return await toggle_reports(turn)


async def toggle_reports(turn: Turn) -> Step:
    """Off if on, on if off."""
    done = await service.toggle_reports(turn.uow, turn.context, turn.person, turn.services.report_deadlines)
    if not done.on or done.first is None or done.first.next_at is None:
        return Step([Reply(turn._("deadlines.off"))], "staff:reports_off")
    listed = "; ".join(f"{turn._(deadlines.KINDS[d.kind])} {d.day:02d}/{d.month:02d}"
                       for d in turn.services.report_deadlines)
    return Step([Reply(turn._("deadlines.on", deadlines=listed, first=turn._.datetime(done.first.next_at)))],
                "staff:reports_on")


async def on_duty(turn: Turn) -> Step:
    """/truc (/duty): a counselor goes on or off duty; on duty, crisis alerts reach them."""
    if turn.person.role != "counselor":
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    duty = await service.toggle_duty(turn.uow, turn.person)
    if not duty.on:
        return Step([Reply(turn._("staff.off_duty"))], "staff:duty")
    if not duty.waiting:
        return Step([Reply(turn._("staff.on_duty"))], "staff:duty")
    choices = tuple(take_choice(chat, turn._("staff.take_chat", alias=person.alias if person else "?"))
                    for chat, person in duty.waiting[:8])
    return Step([Reply(turn._("staff.on_duty")), Reply(turn._("staff.waiting", count=len(duty.waiting)), choices)],
                "staff:duty")
