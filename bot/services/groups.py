"""Self-help groups' schedules: "thứ Bảy tuần thứ hai, 8:00" (the second Saturday of each month at
08:00), the meetings it gives, and the notices around each meeting: the day before (with an RSVP),
two hours before, and, for the facilitator, the attendance list two hours after it started.

Parsing reads the week ("tuần thứ hai", "tuần cuối") before the weekday, because "thứ hai" is both
"second" and "Monday": in "thứ Bảy tuần thứ hai" it is the week.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from bot.i18n import N_, Translator
from bot.keys import ChoiceKey
from bot.messages import Reply
from bot.normalize import fold
from bot.priorities import Priority
from bot.services.context import Context
from bot.store.base import UnitOfWork
from bot.store.records import Group, OutboxItem, Person, Reminder
from bot.timeparse import TimeProblem, parse_time_of_day

GROUP = "group"
DAY_BEFORE = timedelta(hours=24)
SOON = timedelta(hours=2)
ATTENDANCE_AFTER = timedelta(hours=2)
NOTICE_GRACE = timedelta(hours=1)

_NTH_VI = re.compile(r"tuan\s+(?:thu\s+)?(nhat|mot|1|dau tien|dau|hai|2|ba|3|tu|bon|4|cuoi)\b")
_NTH_EN = re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\b")
_NTH = {"nhat": 1, "mot": 1, "1": 1, "dau tien": 1, "dau": 1, "hai": 2, "2": 2, "ba": 3, "3": 3, "tu": 4,
        "bon": 4, "4": 4, "cuoi": -1, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
        "fourth": 4, "4th": 4, "last": -1}
_WEEKDAY_VI = re.compile(r"\b(?:thu\s+(hai|ba|tu|nam|sau|bay|2|3|4|5|6|7)|(chu nhat|cn)|t([2-7]))\b")
_WEEKDAY_EN = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_VI_DAYS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4, "6": 4, "bay": 5, "7": 5}
_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NTH_WORDS = {1: N_("groups.nth_1"), 2: N_("groups.nth_2"), 3: N_("groups.nth_3"), 4: N_("groups.nth_4"),
             -1: N_("groups.nth_last")}


def parse_schedule(text: str) -> dict[str, Any] | str:
    """A monthly rule, or the catalog key of what is missing or wrong."""
    folded = fold(text)
    nth_match = _NTH_VI.search(folded) or _NTH_EN.search(folded)
    if nth_match is None:
        return N_("groups.schedule_no_week")
    rest = folded[:nth_match.start()] + " " + folded[nth_match.end():]
    weekday: int | None = None
    vi = _WEEKDAY_VI.search(rest)
    if vi is not None:
        weekday = 6 if vi.group(2) else _VI_DAYS[vi.group(1) or vi.group(3)]
        rest = rest[:vi.start()] + " " + rest[vi.end():]
    else:
        en = _WEEKDAY_EN.search(rest)
        if en is not None:
            weekday = _EN_DAYS.index(en.group(1))
            rest = rest[:en.start()] + " " + rest[en.end():]
    if weekday is None:
        return N_("groups.schedule_no_weekday")
    at = parse_time_of_day(rest)
    if at is None or isinstance(at, TimeProblem):
        return N_("groups.schedule_no_time")
    return {"type": "monthly", "weekday": weekday, "nth": _NTH[nth_match.group(1)], "at": at.strftime("%H:%M")}


def meeting_on(rule: dict[str, Any], year: int, month: int) -> date:
    weekday, nth = int(rule["weekday"]), int(rule["nth"])
    if nth == -1:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def meetings(rule: dict[str, Any], zone: str, around: datetime, months: int = 3) -> list[datetime]:
    """Meeting start times from the month before `around` for `months` months, in UTC."""
    tz = ZoneInfo(zone)
    local = around.astimezone(tz)
    at = time.fromisoformat(rule["at"])
    hours, minutes = at.hour, at.minute
    found = []
    year, month = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
    for _ in range(months + 1):
        day = meeting_on(rule, year, month)
        found.append(datetime.combine(day, time(hours, minutes), tzinfo=tz).astimezone(around.tzinfo))
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return found


def notices_rule(meeting_rule: dict[str, Any]) -> dict[str, Any]:
    return {"type": "group_notices", "meeting": meeting_rule}


def notice_times(meeting: datetime) -> list[tuple[datetime, str]]:
    return [(meeting - DAY_BEFORE, "day_before"), (meeting - SOON, "soon"), (meeting + ATTENDANCE_AFTER, "attendance")]


def next_notice(rule: dict[str, Any], zone: str, after: datetime) -> datetime:
    for meeting in meetings(rule["meeting"], zone, after):
        for when, _kind in notice_times(meeting):
            if when > after:
                return when
    raise ValueError("no meeting ahead")  # pragma: no cover - a monthly rule always has one


def notice_at(rule: dict[str, Any], zone: str, occurrence: datetime) -> tuple[datetime, str] | None:
    """The meeting and the kind of notice an occurrence is."""
    for meeting in meetings(rule["meeting"], zone, occurrence):
        for when, kind in notice_times(meeting):
            if when == occurrence:
                return meeting, kind
    return None


def next_meeting(rule: dict[str, Any], zone: str, after: datetime) -> datetime:
    return next(m for m in meetings(rule, zone, after) if m > after)


def describe(_: Translator, rule: dict[str, Any]) -> str:
    """"Thứ Bảy, tuần thứ hai mỗi tháng, 08:00"."""
    from babel.dates import get_day_names

    day = str(get_day_names("wide", locale=_.locale)[int(rule["weekday"])])
    return _("groups.schedule", weekday=day, nth=_(NTH_WORDS[int(rule["nth"])]), time=rule["at"])


@dataclass(frozen=True)
class RsvpKey(ChoiceKey):
    """grp:rsvp:<group>:<meeting>:<y|n>, a member's answer to the day-before notice."""

    prefix: ClassVar[str] = "grp"
    tag: ClassVar[str | None] = "rsvp"
    group: int
    meeting: datetime
    answer: str


@dataclass(frozen=True)
class AttendKey(ChoiceKey):
    """grp:att:<group>:<meeting>:<member>, the facilitator's attendance list after a meeting."""

    prefix: ClassVar[str] = "grp"
    tag: ClassVar[str | None] = "att"
    group: int
    meeting: datetime
    member: int


@dataclass(frozen=True)
class GroupKey(ChoiceKey):
    """grp:<join|leave|cancel|resched>:<group>, from /nhom's list."""

    prefix: ClassVar[str] = "grp"
    action: str
    group: int


# The use cases: each takes the unit of work and says what it did; notices to members are queued in the
# same transaction and returned as data.

class Did(StrEnum):
    CREATED = "created"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    JOINED = "joined"
    LEFT = "left"
    RSVP_YES = "rsvp_yes"
    RSVP_NO = "rsvp_no"
    MARKED = "marked"
    STALE = "stale"  # not a group, a meeting or a member this person may act on


@dataclass(frozen=True)
class Outcome:
    did: Did
    group: Group | None = None
    meeting: datetime | None = None  # the meeting cancelled, or the first one of a new group
    count: int = 0  # members told, or members marked present
    notices: tuple[OutboxItem, ...] = ()


async def everything(uow: UnitOfWork) -> list[Group]:
    return await uow.groups.all()


async def memberships(uow: UnitOfWork, person_id: int) -> set[int]:
    return await uow.groups.memberships(person_id)


async def create(uow: UnitOfWork, ctx: Context, facilitator: Person, name: str, rule: dict[str, Any],
                 place: str) -> Outcome:
    """A group at the facilitator's point, and the facilitator's reminder that yields its notices."""
    assert facilitator.id is not None
    point = await uow.staff.point_of(facilitator.id)
    group = await uow.groups.add(Group(name=name, rule=rule, place=place, created_at=ctx.now, point_id=point,
                                       facilitator_id=facilitator.id))
    notices = notices_rule(rule)
    await uow.reminders.add(Reminder(person_id=facilitator.id, kind=GROUP, rule=notices, timezone=ctx.zone,
                                     created_at=ctx.now, state={"group": group.id},
                                     next_at=next_notice(notices, ctx.zone, ctx.now)))
    return Outcome(Did.CREATED, group, next_meeting(rule, ctx.zone, ctx.now))


async def _facilitated(uow: UnitOfWork, facilitator: Person, group_id: int) -> Group | None:
    group = await uow.groups.get(group_id)
    return group if group is not None and group.id is not None and group.facilitator_id == facilitator.id else None


async def reschedule(uow: UnitOfWork, ctx: Context, facilitator: Person, group_id: int,
                     rule: dict[str, Any]) -> Outcome:
    """A new schedule: the notices follow it, and every member is told."""
    group = await _facilitated(uow, facilitator, group_id)
    if group is None or group.id is None or facilitator.id is None:
        return Outcome(Did.STALE)
    await uow.groups.set_rule(group.id, rule)
    group.rule = rule
    for reminder in await uow.reminders.of_person(facilitator.id):
        if reminder.kind == GROUP and reminder.state.get("group") == group.id:
            reminder.rule = notices_rule(rule)
            reminder.next_at = next_notice(reminder.rule, reminder.timezone, ctx.now)
            await uow.reminders.save(reminder)
    notices, told = await _tell_members(uow, ctx, group, "change")
    return Outcome(Did.RESCHEDULED, group, count=told, notices=notices)


async def cancel_next(uow: UnitOfWork, ctx: Context, facilitator: Person, group_id: int) -> Outcome:
    """The next meeting does not take place: no notices for it, and every member is told."""
    group = await _facilitated(uow, facilitator, group_id)
    if group is None or group.id is None:
        return Outcome(Did.STALE)
    meeting = next_meeting(group.rule, ctx.zone, ctx.now)
    await uow.groups.cancel(group.id, meeting)
    notices, told = await _tell_members(uow, ctx, group, "cancel", meeting)
    return Outcome(Did.CANCELLED, group, meeting, count=told, notices=notices)


async def _tell_members(uow: UnitOfWork, ctx: Context, group: Group, what: str,
                        meeting: datetime | None = None) -> tuple[tuple[OutboxItem, ...], int]:
    """A change or a cancellation reaches every member, queued in the same transaction; with how many
    were new (a repeated press queues nothing twice)."""
    assert group.id is not None
    following = next_meeting(group.rule, ctx.zone, meeting or ctx.now)
    items = []
    for member in await uow.groups.members(group.id):
        _ = ctx.catalogs.translator(member.locale)
        if what == "cancel":
            assert meeting is not None
            text = (_("groups.cancelled_discreet", when=_.datetime(meeting), next=_.datetime(following))
                    if member.discreet
                    else _("groups.cancelled", name=group.name, when=_.datetime(meeting), next=_.datetime(following)))
        elif member.discreet:  # no name or place on a lock screen
            text = _("groups.changed_discreet", next=_.datetime(following))
        else:
            text = _("groups.changed", name=group.name, schedule=describe(_, group.rule), place=group.place,
                     next=_.datetime(following))
        items.append(OutboxItem.to(member, key=f"g{what}:{group.id}:{ctx.now:%Y%m%d%H%M%S}:{member.person_id}",
                                   reply=Reply(text), priority=Priority.APPOINTMENT, due_at=ctx.now))
    return tuple(items), await uow.outbox.add_many(items)


async def join(uow: UnitOfWork, ctx: Context, person: Person, group_id: int) -> Outcome:
    group = await uow.groups.get(group_id)
    if group is None or group.id is None or person.id is None:
        return Outcome(Did.STALE)
    await uow.groups.join(group.id, person.id, ctx.now)
    return Outcome(Did.JOINED, group)


async def leave(uow: UnitOfWork, person: Person, group_id: int) -> Outcome:
    group = await uow.groups.get(group_id)
    if group is None or group.id is None or person.id is None:
        return Outcome(Did.STALE)
    await uow.groups.leave(group.id, person.id)
    return Outcome(Did.LEFT, group)


async def rsvp(uow: UnitOfWork, person: Person, group_id: int, meeting: datetime, coming: bool) -> Outcome:
    """A member's answer to the day-before notice; only members answer."""
    group = await uow.groups.get(group_id)
    if group is None or group.id is None or person.id is None \
            or group.id not in await uow.groups.memberships(person.id):
        return Outcome(Did.STALE)
    await uow.groups.rsvp(group.id, meeting, person.id, "yes" if coming else "no")
    return Outcome(Did.RSVP_YES if coming else Did.RSVP_NO, group, meeting)


async def attend(uow: UnitOfWork, facilitator: Person, group_id: int, meeting: datetime, member_id: int) -> Outcome:
    """The facilitator marks a member present; only a member of this group can be (a button can be
    forged)."""
    group = await _facilitated(uow, facilitator, group_id)
    if group is None or group.id is None \
            or member_id not in {m.person_id for m in await uow.groups.members(group.id)}:
        return Outcome(Did.STALE)
    present = await uow.groups.attend(group.id, meeting, member_id)
    return Outcome(Did.MARKED, group, meeting, count=present)


async def may_run(uow: UnitOfWork, person: Person, group_id: int) -> bool:
    """Whether the person facilitates the group (only they change its schedule)."""
    return await _facilitated(uow, person, group_id) is not None
