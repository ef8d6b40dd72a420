"""Self-help groups by conversation. /nhom (/groups): a counselor creates a group (name, schedule such
as "thứ Bảy tuần thứ hai, 8:00", place), cancels the next meeting or changes the schedule, and every
member is told; anyone else sees the groups and joins or leaves one. Members answer the day-before
reminder with "Tôi sẽ đến / Lần này không đến được"; the facilitator marks attendance after a meeting.
"""

from __future__ import annotations

from bot.dialogs import Step, Turn
from bot.messages import Choice, Reply
from bot.services import groups as service
from bot.services.groups import AttendKey, Did, GroupKey, RsvpKey
from bot.store.records import Group
from handlers.menu import menu_unless_in_flow
from handlers.privacy import ask_consent_for

NEW = "grp:new"  # a counselor's "create a group"
NEW_FLOW = "group_new"
RESCHEDULE_FLOW = "group_reschedule"
WHAT_GROUPS_ARE = "self-help-groups"  # the FAQ entry that says what a self-help group is


async def on_groups(turn: Turn) -> Step:
    assert turn.person.id is not None
    everything = await service.everything(turn.uow)
    if turn.person.role == "counselor":
        mine = [g for g in everything if g.facilitator_id == turn.person.id]
        choices = [turn.choice_of(NEW, "groups.create")]
        for group in mine:
            choices.append(_choice("cancel", group, turn._("groups.cancel_next", name=group.name)))
            choices.append(_choice("resched", group, turn._("groups.reschedule", name=group.name)))
        lines = [_line(turn, g) for g in mine] or [turn._("groups.none_yours")]
        return Step([Reply("\n".join(lines), tuple(choices))], "groups")
    if not everything:
        return Step([*_what_groups_are(turn), *menu_unless_in_flow(turn)], "groups")
    joined = await service.memberships(turn.uow, turn.person.id)
    choices = []
    for group in everything:
        if group.id in joined:
            choices.append(_choice("leave", group, turn._("groups.leave", name=group.name)))
        else:
            choices.append(_choice("join", group, turn._("groups.join", name=group.name)))
    return Step([Reply("\n".join(_line(turn, g) for g in everything), tuple(choices))], "groups")


def _what_groups_are(turn: Turn) -> list[Reply]:
    """With no group on the bot, what a self-help group is and where to ask, from the FAQ: a person asking "is there
    a support group for families" learns what one is, not only that none is listed here."""
    entry = turn.services.faq.by_id.get(WHAT_GROUPS_ARE)
    if entry is None:
        return [Reply(turn._("groups.none"))]
    none_listed = turn._("groups.none_listed")
    return [Reply(f"{entry.answer.get(turn._.locale)}\n\n{none_listed}")]


def _choice(action: str, group: Group, label: str) -> Choice:
    assert group.id is not None
    return Choice(GroupKey(action, group.id).pack(), label)


def _line(turn: Turn, group: Group) -> str:
    return turn._("groups.line", name=group.name, schedule=service.describe(turn._, group.rule), place=group.place)


async def on_group_choice(turn: Turn) -> Step:
    """grp:new, grp:<join|leave|cancel|resched>:<group>, grp:rsvp:<group>:<meeting>:<y|n>,
    grp:att:<group>:<meeting>:<member>."""
    if turn.choice == NEW and turn.person.role == "counselor":
        turn.open_flow(NEW_FLOW, "name")
        return Step([Reply(turn._("groups.ask_name"))], "groups")
    uow, me = turn.uow, turn.person
    rsvp, present = RsvpKey.unpack(turn.choice), AttendKey.unpack(turn.choice)
    if rsvp is not None:
        return _rendered(turn, await service.rsvp(uow, me, rsvp.group, rsvp.meeting, coming=rsvp.answer == "y"))
    if present is not None:
        return _rendered(turn, await service.attend(uow, me, present.group, present.meeting, present.member))
    key = GroupKey.unpack(turn.choice)
    if key is None:
        return _stale(turn)
    action, group_id = key.action, key.group
    if action == "join":
        if not turn.person.consented:
            return ask_consent_for(turn, "m:groups")
        done = await service.join(uow, turn.context, me, group_id)
    elif action == "leave":
        done = await service.leave(uow, me, group_id)
    elif action == "cancel":
        done = await service.cancel_next(uow, turn.context, me, group_id)
    elif action == "resched" and await service.may_run(uow, me, group_id):
        turn.open_flow(RESCHEDULE_FLOW, "schedule", {"group": group_id})
        return Step([Reply(turn._("groups.ask_schedule"))], "groups")
    else:
        return _stale(turn)
    return _rendered(turn, done)


def _rendered(turn: Turn, done: service.Outcome) -> Step:
    group = done.group
    if group is None or done.did is Did.STALE:
        return _stale(turn)
    if done.did is Did.JOINED:
        return Step([Reply(turn._("groups.joined", name=group.name))], "groups:joined")
    if done.did is Did.LEFT:
        return Step([Reply(turn._("groups.left", name=group.name))], "groups:left")
    if done.did is Did.RSVP_YES:
        return Step([Reply(turn._("groups.rsvp_yes"))], "groups:rsvp")
    if done.did is Did.RSVP_NO:
        return Step([Reply(turn._("groups.rsvp_no"))], "groups:rsvp")
    if done.did is Did.MARKED:
        return Step([Reply(turn._("groups.marked", count=done.count))], "groups:attendance")
    if done.did is Did.RESCHEDULED:
        return Step([Reply(turn._("groups.rescheduled", count=done.count))], "groups:rescheduled")
    assert done.meeting is not None
    if done.did is Did.CREATED:
        return Step([Reply(turn._("groups.created", name=group.name, schedule=service.describe(turn._, group.rule),
                                  first=turn._.datetime(done.meeting)))], "groups:created")
    return Step([Reply(turn._("groups.cancel_done", when=turn._.datetime(done.meeting), count=done.count))],
                "groups:cancelled")


def _stale(turn: Turn) -> Step:
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")


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
            done = await service.create(turn.uow, turn.context, turn.person, str(data["name"]), dict(data["rule"]),
                                        text[:120])
            turn.close_flow()
            return _rendered(turn, done)
        return None

    def prompt(self, turn: Turn) -> Reply:
        if turn.session.step == "name":
            return Reply(turn._("groups.ask_name"))
        if turn.session.step == "schedule":
            return Reply(turn._("groups.ask_schedule"))
        return Reply(turn._("groups.ask_place"))


class Reschedule:
    name = RESCHEDULE_FLOW

    async def step(self, turn: Turn) -> Step | None:
        if turn.choice is not None or not turn.text.strip():
            return None
        rule = service.parse_schedule(turn.text)
        if isinstance(rule, str):
            return Step([Reply(turn._(rule)), Reply(turn._("groups.ask_schedule"))], "groups:bad_schedule")
        group_id = int(turn.session.data.get("group", 0))
        turn.close_flow()
        return _rendered(turn, await service.reschedule(turn.uow, turn.context, turn.person, group_id, rule))

    def prompt(self, turn: Turn) -> Reply:
        return Reply(turn._("groups.ask_schedule"))
