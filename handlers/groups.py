"""Self-help groups by conversation. /nhom (/groups): a counselor creates a group (name, schedule such
as "thứ Bảy tuần thứ hai, 8:00", place), cancels the next meeting or changes the schedule, and every
member is told; anyone else sees the groups and joins or leaves one. Members answer the day-before
reminder with "Tôi sẽ đến / Lần này không đến được"; the facilitator marks attendance after a meeting.
"""

from __future__ import annotations

from datetime import datetime

from bot.dialogs import Step, Turn
from bot.messages import Choice, Reply
from bot.services import groups as service
from bot.services.budget import Priority
from bot.services.reminders import next_occurrence
from bot.store.records import Group, OutboxItem, Reminder
from handlers.menu import menu_unless_in_flow
from handlers.privacy import ask_consent_for

NEW_FLOW = "group_new"
RESCHEDULE_FLOW = "group_reschedule"


async def on_groups(turn: Turn) -> Step:
    assert turn.person.id is not None
    everything = await turn.uow.groups.all()
    if turn.person.role == "counselor":
        mine = [g for g in everything if g.facilitator_id == turn.person.id]
        choices = [turn.choice_of("grp:new", "groups.create")]
        for group in mine:
            choices.append(Choice(f"grp:cancel:{group.id}", turn._("groups.cancel_next", name=group.name)))
            choices.append(Choice(f"grp:resched:{group.id}", turn._("groups.reschedule", name=group.name)))
        lines = [_line(turn, g) for g in mine] or [turn._("groups.none_yours")]
        return Step([Reply("\n".join(lines), tuple(choices))], "groups")
    if not everything:
        return Step([Reply(turn._("groups.none")), *menu_unless_in_flow(turn)], "groups")
    joined = await turn.uow.groups.memberships(turn.person.id)
    choices = []
    for group in everything:
        if group.id in joined:
            choices.append(Choice(f"grp:leave:{group.id}", turn._("groups.leave", name=group.name)))
        else:
            choices.append(Choice(f"grp:join:{group.id}", turn._("groups.join", name=group.name)))
    return Step([Reply("\n".join(_line(turn, g) for g in everything), tuple(choices))], "groups")


def _line(turn: Turn, group: Group) -> str:
    return turn._("groups.line", name=group.name, schedule=service.describe(turn._, group.rule), place=group.place)


async def on_group_choice(turn: Turn) -> Step:
    parts = (turn.choice or "").split(":")
    action = parts[1] if len(parts) > 1 else ""
    assert turn.person.id is not None
    if action == "new" and turn.person.role == "counselor":
        turn.open_flow(NEW_FLOW, "name")
        return Step([Reply(turn._("groups.ask_name"))], "groups")
    if len(parts) < 3 or not parts[2].isdigit():
        return _stale(turn)
    group = await turn.uow.groups.get(int(parts[2]))
    if group is None or group.id is None:
        return _stale(turn)
    if action == "join":
        if not turn.person.consented:
            return ask_consent_for(turn, "m:groups")
        await turn.uow.groups.join(group.id, turn.person.id, turn.now)
        return Step([Reply(turn._("groups.joined", name=group.name))], "groups:joined")
    if action == "leave":
        await turn.uow.groups.leave(group.id, turn.person.id)
        return Step([Reply(turn._("groups.left", name=group.name))], "groups:left")
    if action == "rsvp" and len(parts) == 5:
        meeting = _meeting(parts[3])
        if meeting is None or group.id not in await turn.uow.groups.memberships(turn.person.id):
            return _stale(turn)
        await turn.uow.groups.rsvp(group.id, meeting, turn.person.id, "yes" if parts[4] == "y" else "no")
        return Step([Reply(turn._("groups.rsvp_yes") if parts[4] == "y" else turn._("groups.rsvp_no"))],
                    "groups:rsvp")
    if group.facilitator_id != turn.person.id:
        return _stale(turn)
    if action == "att" and len(parts) == 5 and parts[4].isdigit():
        meeting = _meeting(parts[3])
        if meeting is None:
            return _stale(turn)
        # Only a member of this group can be marked present (a button can be forged).
        if int(parts[4]) not in {m.person_id for m in await turn.uow.groups.members(group.id)}:
            return _stale(turn)
        present = await turn.uow.groups.attend(group.id, meeting, int(parts[4]))
        return Step([Reply(turn._("groups.marked", count=present))], "groups:attendance")
    if action == "cancel":
        return await _cancel_next(turn, group)
    if action == "resched":
        turn.open_flow(RESCHEDULE_FLOW, "schedule", {"group": group.id})
        return Step([Reply(turn._("groups.ask_schedule"))], "groups")
    return _stale(turn)


def _stale(turn: Turn) -> Step:
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")


def _meeting(stamp: str) -> datetime | None:
    try:
        return datetime.strptime(stamp + "+0000", "%Y%m%d%H%M%z")
    except ValueError:
        return None


class NewGroup:
    name = NEW_FLOW

    async def step(self, turn: Turn) -> Step | None:
        text = turn.text.strip()
        if turn.choice is not None or not text:
            return None
        data = turn.session.data
        if turn.session.step == "name":
            data["name"] = text[:60]
            turn.goto("schedule")
            return Step([Reply(turn._("groups.ask_schedule"))], "groups")
        if turn.session.step == "schedule":
            rule = service.parse_schedule(text)
            if isinstance(rule, str):
                return Step([Reply(turn._(rule)), Reply(turn._("groups.ask_schedule"))], "groups:bad_schedule")
            data["rule"] = rule
            turn.goto("place")
            return Step([Reply(turn._("groups.ask_place"))], "groups")
        if turn.session.step == "place":
            return await _create(turn, str(data["name"]), dict(data["rule"]), text[:120])
        return None

    def prompt(self, turn: Turn) -> Reply:
        if turn.session.step == "name":
            return Reply(turn._("groups.ask_name"))
        if turn.session.step == "schedule":
            return Reply(turn._("groups.ask_schedule"))
        return Reply(turn._("groups.ask_place"))


async def _create(turn: Turn, name: str, rule: dict[str, object], place: str) -> Step:
    assert turn.person.id is not None
    point = await turn.uow.staff.point_of(turn.person.id)
    group = await turn.uow.groups.add(Group(name=name, rule=rule, place=place, created_at=turn.now, point_id=point,
                                            facilitator_id=turn.person.id))
    zone = turn.services.timezone_name
    notices = service.notices_rule(rule)
    await turn.uow.reminders.add(Reminder(person_id=turn.person.id, kind=service.GROUP, rule=notices, timezone=zone,
                                          created_at=turn.now, state={"group": group.id},
                                          next_at=next_occurrence(notices, zone, turn.now)))
    turn.close_flow()
    first = service.next_meeting(rule, zone, turn.now)
    return Step([Reply(turn._("groups.created", name=name, schedule=service.describe(turn._, rule),
                              first=turn._.datetime(first)))], "groups:created")


class Reschedule:
    name = RESCHEDULE_FLOW

    async def step(self, turn: Turn) -> Step | None:
        if turn.choice is not None or not turn.text.strip():
            return None
        rule = service.parse_schedule(turn.text)
        if isinstance(rule, str):
            return Step([Reply(turn._(rule)), Reply(turn._("groups.ask_schedule"))], "groups:bad_schedule")
        group = await turn.uow.groups.get(int(turn.session.data.get("group", 0)))
        turn.close_flow()
        if group is None or group.id is None or group.facilitator_id != turn.person.id:
            return _stale(turn)
        assert turn.person.id is not None
        await turn.uow.groups.set_rule(group.id, rule)
        group.rule = rule
        for reminder in await turn.uow.reminders.of_person(turn.person.id):
            if reminder.kind == service.GROUP and reminder.state.get("group") == group.id:
                reminder.rule = service.notices_rule(rule)
                reminder.next_at = next_occurrence(reminder.rule, reminder.timezone, turn.now)
                await turn.uow.reminders.save(reminder)
        told = await _tell_members(turn, group, "change")
        return Step([Reply(turn._("groups.rescheduled", count=told))], "groups:rescheduled")

    def prompt(self, turn: Turn) -> Reply:
        return Reply(turn._("groups.ask_schedule"))


async def _cancel_next(turn: Turn, group: Group) -> Step:
    assert group.id is not None
    meeting = service.next_meeting(group.rule, turn.services.timezone_name, turn.now)
    await turn.uow.groups.cancel(group.id, meeting)
    told = await _tell_members(turn, group, "cancel", meeting)
    return Step([Reply(turn._("groups.cancel_done", when=turn._.datetime(meeting), count=told))], "groups:cancelled")


async def _tell_members(turn: Turn, group: Group, what: str, meeting: datetime | None = None) -> int:
    """A change or a cancellation reaches every member, queued in the same transaction."""
    assert group.id is not None
    zone = turn.services.timezone_name
    after = meeting or turn.now
    following = service.next_meeting(group.rule, zone, after)
    items = []
    for member in await turn.uow.groups.members(group.id):
        _ = turn.services.catalogs.translator(member.locale)
        if what == "cancel":
            assert meeting is not None
            text = (_("groups.cancelled_discreet", when=_.datetime(meeting), next=_.datetime(following))
                    if member.discreet
                    else _("groups.cancelled", name=group.name, when=_.datetime(meeting), next=_.datetime(following)))
        elif member.discreet:  # no name or place on a lock screen (bot/services/reminders.py)
            text = _("groups.changed_discreet", next=_.datetime(following))
        else:
            text = _("groups.changed", name=group.name, schedule=service.describe(_, group.rule), place=group.place,
                     next=_.datetime(following))
        items.append(OutboxItem.to(member, key=f"g{what}:{group.id}:{turn.now:%Y%m%d%H%M%S}:{member.person_id}",
                                   reply=Reply(text), priority=Priority.APPOINTMENT, due_at=turn.now))
    return await turn.uow.outbox.add_many(items)
