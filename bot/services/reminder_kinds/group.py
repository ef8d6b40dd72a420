"""A self-help group's notices, owned by its facilitator: the day before each meeting (to every member,
with an RSVP), two hours before (to the members who did not say no) and two hours after (the
attendance list, to the facilitator). A cancelled meeting gives none (bot/services/groups.py has the
schedule and the meetings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.messages import Choice, Reply
from bot.priorities import Priority
from bot.services import groups
from bot.services.reminder_kinds.base import Claim, Occurred, occurrence_key
from bot.store.records import OutboxItem


@dataclass(frozen=True)
class GroupNotices:
    """The three notices around each meeting of a monthly schedule."""

    meeting: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return groups.notices_rule(self.meeting)

    def next_after(self, zone: str, after: datetime) -> datetime:
        return groups.next_notice(self.to_json(), zone, after)


class GroupKind:
    name = groups.GROUP
    rule_type = "group_notices"

    def rule(self, data: dict[str, Any]) -> GroupNotices:
        return GroupNotices(dict(data["meeting"]))

    async def occur(self, claim: Claim) -> Occurred:
        """Sent while the facilitator is reachable, paused or not: the members are waiting for them."""
        if not claim.due.reachable:
            return Occurred()
        reminder, uow, occurrence = claim.due.reminder, claim.uow, claim.occurrence
        assert reminder.id is not None
        group = await uow.groups.get(int(reminder.state.get("group", 0)))
        which = groups.notice_at(reminder.rule, reminder.timezone, occurrence)
        if group is None or group.id is None or which is None:
            return Occurred()
        meeting, kind = which
        if await uow.groups.meeting(group.id, meeting):
            return Occurred()
        key = occurrence_key(reminder.id, occurrence)
        members = await uow.groups.members(group.id)
        if kind == "attendance":
            _ = claim.catalogs.translator(claim.due.locale)
            choices = tuple(Choice(groups.AttendKey(group.id, meeting, m.person_id).pack(), m.alias)
                            for m in members[:40])
            text = _("groups.attendance", name=group.name, when=_.datetime(meeting))
            return Occurred([OutboxItem(key=key, person_id=reminder.person_id, channel=claim.due.channel,
                                        chat_id=claim.due.chat_id, priority=Priority.ROUTINE,
                                        reply=Reply(text, choices), due_at=occurrence,
                                        expires_at=occurrence + timedelta(hours=24))])
        declined = await uow.groups.declined(group.id, meeting) if kind == "soon" else set()
        items = []
        for member in members:
            if member.person_id in declined:
                continue
            _ = claim.catalogs.translator(member.locale)
            when = _.datetime(meeting)
            # A discreet member's lock screen shows neither the group's name nor its place: either can
            # tell what the group is for. The member knows both, and /nhom shows them.
            if kind == "day_before":
                text = (_("groups.day_before_discreet", when=when) if member.discreet
                        else _("groups.day_before", name=group.name, when=when, place=group.place))
                reply = Reply(text, (Choice(groups.RsvpKey(group.id, meeting, "y").pack(), _("groups.coming")),
                                     Choice(groups.RsvpKey(group.id, meeting, "n").pack(), _("groups.not_coming"))))
            else:
                reply = Reply(_("groups.soon_discreet", when=when) if member.discreet
                              else _("groups.soon", name=group.name, when=when, place=group.place))
            items.append(OutboxItem.to(member, key=f"{key}:{member.person_id}", reply=reply,
                                       priority=Priority.ROUTINE, due_at=occurrence,
                                       expires_at=min(occurrence + groups.NOTICE_GRACE * 6, meeting)))
        return Occurred(items)


KIND = GroupKind()
