"""A volunteer's weekly check-in on a linked person: "fine / needs support / could not reach them"
(bot/services/volunteers.py has the link and the answers). The reminder stops when the link is gone
(ended, or the person erased)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from bot.priorities import Priority
from bot.services import volunteers
from bot.services.reminder_kinds.base import Claim, Occurred, day_code, occurrence_key
from bot.store.records import OutboxItem


@dataclass(frozen=True)
class Weekly:
    """Once a week, on a weekday (0 is Monday) at a wall-clock time."""

    weekday: int
    at: time

    def to_json(self) -> dict[str, Any]:
        return volunteers.weekly_rule(self.weekday) | {"at": self.at.strftime("%H:%M")}

    def next_after(self, zone: str, after: datetime) -> datetime:
        return volunteers.next_weekly(self.to_json(), zone, after)


class CheckinKind:
    name = volunteers.CHECKIN
    rule_type = "weekly"

    def rule(self, data: dict[str, Any]) -> Weekly:
        return Weekly(int(data["weekday"]), time.fromisoformat(data["at"]))

    async def occur(self, claim: Claim) -> Occurred:
        reminder, uow = claim.due.reminder, claim.uow
        assert reminder.id is not None
        link = await uow.links.get(int(reminder.state.get("link", 0)))
        if link is None or link.person_id is None or link.agreed_at is None:
            return Occurred(stop=True)
        person = await uow.people.address(link.person_id)
        volunteer = await uow.people.address(reminder.person_id)
        if person is None or volunteer is None:
            return Occurred(stop=True)
        if not claim.may_send:
            return Occurred()
        assert link.id is not None
        day = day_code(claim.occurrence, reminder.timezone)
        reply = volunteers.checkin_message(claim.catalogs, volunteer, person, link.id, day)
        return Occurred([OutboxItem(key=occurrence_key(reminder.id, claim.occurrence), person_id=reminder.person_id,
                                    about_id=link.person_id, channel=claim.due.channel, chat_id=claim.due.chat_id,
                                    priority=Priority.ROUTINE, reply=reply, due_at=claim.occurrence,
                                    expires_at=claim.occurrence + volunteers.CHECKIN_GRACE)])


KIND = CheckinKind()
