"""Reminders: their rules, their next time, what each occurrence sends, and what an answer changes.

A reminder is a row with a rule kept in the person's time zone and its next time in UTC. `claim_due`
(run by the scheduler every few seconds) takes the reminders whose time has come and, in the same
transaction, writes their messages to the outbox with one key per occurrence and moves each reminder
to its next time: a crash between the two is impossible, and claiming twice adds nothing.

Dose-visit reminders (issue #5 item 1): each occurrence asks "Đã đi / Hôm nay chưa đi được"; with no
answer one gentle follow-up goes two hours later; an unanswered or "not today" day counts as missed,
and from two missed days in a row the person gets the safety note (go back to the clinic before dosing
again, never take extra to catch up, tolerance drops fast). Wording is discreet unless the person chose
otherwise: a lock screen shows "an appointment", never treatment.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from bot.i18n import N_, Catalogs, Translator
from bot.keys import ChoiceKey, stamp
from bot.messages import Choice, Reply
from bot.services import deadlines, groups, volunteers
from bot.services.budget import Priority
from bot.store.base import Store, UnitOfWork
from bot.store.records import Due, OutboxItem

log = logging.getLogger(__name__)

DOSE = "dose"
CLAIM_BATCH = 200
FOLLOW_UP_AFTER = timedelta(hours=2)
# A dose reminder more than this late is not sent (the morning has passed); it is recorded as dropped.
DOSE_GRACE = timedelta(hours=2)
FOLLOW_UP_GRACE = timedelta(hours=4)
MISSED_FOR_SAFETY_NOTE = 2
REPORT = deadlines.REPORT
REPORT_GRACE = timedelta(hours=24)


@dataclass(frozen=True)
class DoseKey(ChoiceKey):
    """dose:<done|miss>:<reminder>:<day> on a dose reminder, dose:note:<reminder> on the safety note's
    teaser."""

    prefix: ClassVar[str] = "dose"
    answer: str
    reminder: int
    day: str | None = None


@dataclass(frozen=True)
class DailyAt:
    """Every day at a wall-clock time in the person's zone."""

    at: time

    def to_rule(self) -> dict[str, str]:
        return {"type": "daily", "at": self.at.strftime("%H:%M")}


def parse_rule(rule: dict[str, str]) -> DailyAt:
    if rule.get("type") != "daily":
        raise ValueError(f"unknown reminder rule {rule!r}")
    return DailyAt(time.fromisoformat(rule["at"]))


def next_occurrence(rule: dict[str, Any], zone: str, after: datetime) -> datetime:
    """The first time the rule fires strictly after `after`, in UTC. Wall-clock times are kept through
    DST changes (Vietnam has none, but a deployment elsewhere might)."""
    if rule.get("type") == "yearly":
        return deadlines.next_notice(rule, zone, after)
    if rule.get("type") == "weekly":
        return volunteers.next_weekly(rule, zone, after)
    if rule.get("type") == "group_notices":
        return groups.next_notice(rule, zone, after)
    daily = parse_rule(rule)
    tz = ZoneInfo(zone)
    local = after.astimezone(tz)
    candidate = datetime.combine(local.date(), daily.at, tzinfo=tz)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), daily.at, tzinfo=tz)
    return candidate.astimezone(after.tzinfo)


def first_after_pause(rule: dict[str, Any], zone: str, now: datetime, paused_until: datetime | None) -> datetime:
    return next_occurrence(rule, zone, max(now, paused_until) if paused_until else now)


def occurrence_key(reminder_id: int, occurrence: datetime) -> str:
    return f"r{reminder_id}:{stamp(occurrence)}"


def day_code(occurrence: datetime, zone: str) -> str:
    return occurrence.astimezone(ZoneInfo(zone)).strftime("%Y%m%d")


async def claim_due(store: Store, catalogs: Catalogs, now: datetime, limit: int = CLAIM_BATCH) -> int:
    """Claim due reminders and queue their messages, in one transaction. Returns how many were claimed."""
    async with store.unit_of_work() as uow:
        due = await uow.reminders.due(now, limit)
        if not due:
            return 0
        items: list[OutboxItem] = []
        words = _Wording(catalogs)
        for claimed in due:
            reminder = claimed.reminder
            assert reminder.next_at is not None and reminder.id is not None
            occurrence = reminder.next_at
            paused = reminder.paused_until is not None and occurrence < reminder.paused_until
            stopped = False
            if claimed.reachable and not paused and reminder.kind == DOSE:
                noted_before = bool(reminder.state.get("noted"))
                items.extend(_dose_occurrence(claimed, words, occurrence, now))
                if reminder.state.get("noted") and not noted_before:
                    items.extend(await volunteers.may_need_a_call(uow, catalogs, reminder.person_id, occurrence))
            elif claimed.reachable and not paused and reminder.kind == REPORT:
                items.extend(_report_notice(claimed, words, occurrence))
            elif reminder.kind == groups.GROUP and claimed.reachable:
                items.extend(await _group_notices(uow, catalogs, claimed, occurrence))
            elif reminder.kind == volunteers.CHECKIN:
                checkin = await _checkin(uow, catalogs, claimed, occurrence)
                if checkin is None:
                    stopped = True  # the link is gone (ended, or the person erased)
                elif claimed.reachable and not paused:
                    items.append(checkin)
            # The next time is counted from now, not from the occurrence: after a long outage one late
            # occurrence is claimed (and dropped as late by the sender), not every day that was missed.
            reminder.next_at = first_after_pause(reminder.rule, reminder.timezone, max(now, occurrence),
                                                 reminder.paused_until) if not stopped else None
            if reminder.paused_until is not None and reminder.paused_until <= now:
                reminder.paused_until = None
        await uow.reminders.advance([c.reminder for c in due])
        added = await uow.outbox.add_many(items)
        await uow.commit()
    if added:
        log.info("reminders: %d claimed, %d messages queued", len(due), added)
    return len(due)


class _Wording:
    """The texts of one claim, looked up once per language and time rather than once per reminder."""

    def __init__(self, catalogs: Catalogs) -> None:
        self._catalogs = catalogs
        self._translators: dict[str, Translator] = {}
        self._texts: dict[tuple[str, str, object], str] = {}

    def translator(self, locale: str) -> Translator:
        if locale not in self._translators:
            self._translators[locale] = self._catalogs.translator(locale)
        return self._translators[locale]

    def __call__(self, locale: str, key: str, at: str = "") -> str:
        cache_key = (locale, key, at)
        if cache_key not in self._texts:
            self._texts[cache_key] = self.translator(locale)(key, time=at) if at else self.translator(locale)(key)
        return self._texts[cache_key]


def _dose_occurrence(claimed: Due, words: _Wording, occurrence: datetime, now: datetime) -> list[OutboxItem]:
    """The day's reminder and its follow-up; and the safety note if the days before were missed. A
    reminder claimed too late (the bot was down) is still queued, so that the sender records it as
    dropped, but gets no follow-up."""
    reminder = claimed.reminder
    assert reminder.id is not None
    state = reminder.state
    day = day_code(occurrence, reminder.timezone)
    items: list[OutboxItem] = []
    previous = state.get("day")
    if previous and previous != day and not state.get("answered"):
        state["missed"] = int(state.get("missed", 0)) + 1  # the last day went by without an answer
    key = occurrence_key(reminder.id, occurrence)
    state.update(day=day, answered=False, key=key)
    at = parse_rule(reminder.rule).at.strftime("%H:%M")

    def item(suffix: str, reply: Reply, due: datetime, grace: timedelta) -> OutboxItem:
        return OutboxItem(key=key + suffix, person_id=reminder.person_id, channel=claimed.channel,
                          chat_id=claimed.chat_id, priority=Priority.DOSE, reply=reply, due_at=due,
                          expires_at=due + grace)

    locale = claimed.locale
    if int(state.get("missed", 0)) >= MISSED_FOR_SAFETY_NOTE and not state.get("noted"):
        state["noted"] = True
        items.append(item(":note", safety_note(words.translator(locale), claimed.discreet, reminder.id),
                          occurrence, DOSE_GRACE))
    key_text = N_("reminders.dose_discreet") if claimed.discreet else N_("reminders.dose_explicit")
    choices = (Choice(DoseKey("done", reminder.id, day).pack(), words(locale, N_("reminders.went"))),
               Choice(DoseKey("miss", reminder.id, day).pack(), words(locale, N_("reminders.not_today"))))
    items.append(item("", Reply(words(locale, key_text, at), choices), occurrence, DOSE_GRACE))
    if now > occurrence + DOSE_GRACE:
        return items
    items.append(item(":f", Reply(words(locale, N_("reminders.dose_follow_up")), choices),
                      occurrence + FOLLOW_UP_AFTER, FOLLOW_UP_GRACE))
    return items


async def _group_notices(uow: UnitOfWork, catalogs: Catalogs, claimed: Due, occurrence: datetime) -> list[OutboxItem]:
    """The day before (with an RSVP) and two hours before, to every member who did not say no; the
    attendance list to the facilitator after the meeting. Nothing for a cancelled meeting."""
    reminder = claimed.reminder
    assert reminder.id is not None
    group = await uow.groups.get(int(reminder.state.get("group", 0)))
    which = groups.notice_at(reminder.rule, reminder.timezone, occurrence)
    if group is None or group.id is None or which is None:
        return []
    meeting, kind = which
    if await uow.groups.meeting(group.id, meeting):
        return []
    key = occurrence_key(reminder.id, occurrence)
    members = await uow.groups.members(group.id)
    items = []
    if kind == "attendance":
        _ = catalogs.translator(claimed.locale)
        choices = tuple(Choice(groups.AttendKey(group.id, meeting, m.person_id).pack(), m.alias) for m in members[:40])
        text = _("groups.attendance", name=group.name, when=_.datetime(meeting))
        return [OutboxItem(key=key, person_id=reminder.person_id, channel=claimed.channel, chat_id=claimed.chat_id,
                           priority=Priority.ROUTINE, reply=Reply(text, choices), due_at=occurrence,
                           expires_at=occurrence + timedelta(hours=24))]
    declined = await uow.groups.declined(group.id, meeting) if kind == "soon" else set()
    for member in members:
        if member.person_id in declined:
            continue
        _ = catalogs.translator(member.locale)
        when = _.datetime(meeting)
        # A discreet member's lock screen shows neither the group's name nor its place: either can tell
        # what the group is for. The member knows both, and /nhom shows them.
        if kind == "day_before":
            text = (_("groups.day_before_discreet", when=when) if member.discreet
                    else _("groups.day_before", name=group.name, when=when, place=group.place))
            reply = Reply(text, (Choice(groups.RsvpKey(group.id, meeting, "y").pack(), _("groups.coming")),
                                 Choice(groups.RsvpKey(group.id, meeting, "n").pack(), _("groups.not_coming"))))
        else:
            reply = Reply(_("groups.soon_discreet", when=when) if member.discreet
                          else _("groups.soon", name=group.name, when=when, place=group.place))
        items.append(OutboxItem.to(member, key=f"{key}:{member.person_id}", reply=reply, priority=Priority.ROUTINE,
                                   due_at=occurrence, expires_at=min(occurrence + groups.NOTICE_GRACE * 6, meeting)))
    return items


async def _checkin(uow: UnitOfWork, catalogs: Catalogs, claimed: Due, occurrence: datetime) -> OutboxItem | None:
    reminder = claimed.reminder
    assert reminder.id is not None
    link = await uow.links.get(int(reminder.state.get("link", 0)))
    if link is None or link.person_id is None or link.agreed_at is None:
        return None
    person = await uow.links.address(link.person_id)
    volunteer = await uow.links.address(reminder.person_id)
    if person is None or volunteer is None:
        return None
    assert link.id is not None
    day = day_code(occurrence, reminder.timezone)
    reply = volunteers.checkin_message(catalogs, volunteer, person, link.id, day)
    return OutboxItem(key=occurrence_key(reminder.id, occurrence), person_id=reminder.person_id,
                      about_id=link.person_id, channel=claimed.channel, chat_id=claimed.chat_id,
                      priority=Priority.ROUTINE, reply=reply, due_at=occurrence,
                      expires_at=occurrence + volunteers.CHECKIN_GRACE)


def _report_notice(claimed: Due, words: _Wording, occurrence: datetime) -> list[OutboxItem]:
    reminder = claimed.reminder
    assert reminder.id is not None
    which = deadlines.deadline_of(reminder.rule, reminder.timezone, occurrence)
    if which is None:
        return []
    kind, deadline = which
    _ = words.translator(claimed.locale)
    days = (deadline - occurrence.astimezone(ZoneInfo(reminder.timezone)).date()).days
    text = _("deadlines.notice", report=_(deadlines.KINDS[kind]), date=deadline.strftime("%d/%m/%Y"), days=days)
    return [OutboxItem(key=occurrence_key(reminder.id, occurrence), person_id=reminder.person_id,
                       channel=claimed.channel, chat_id=claimed.chat_id, priority=Priority.ROUTINE,
                       reply=Reply(text), due_at=occurrence, expires_at=occurrence + REPORT_GRACE)]


def safety_note(_: Translator, discreet: bool, reminder_id: int) -> Reply:
    """Discreet: a neutral line with a button, so a lock screen shows nothing; the note is in the chat."""
    if discreet:
        return Reply(_("reminders.note_teaser"),
                     (Choice(DoseKey("note", reminder_id).pack(), _("reminders.note_open")),))
    return Reply(_("reminders.safety_note"))


@dataclass(frozen=True)
class Answer:
    outcome: str  # done, missed, stale
    missed: int


async def record_answer(uow: UnitOfWork, reminder_id: int, person_id: int, day: str, went: bool,
                        now: datetime) -> Answer:
    """The person's answer to a day's reminder: it resets or extends the missed streak, and the day's
    follow-up is cancelled. An answer for another day, or another person's reminder, changes nothing."""
    reminder = await uow.reminders.get(reminder_id)
    if reminder is None or reminder.person_id != person_id or reminder.state.get("day") != day:
        return Answer("stale", 0)
    state = reminder.state
    already = state.get("answered")
    state["answered"] = True
    if went:
        state.update(missed=0, noted=False)
    elif not already:
        state["missed"] = int(state.get("missed", 0)) + 1
    await uow.reminders.advance([reminder])
    await uow.outbox.cancel(f"{state.get('key')}:f", now)
    return Answer("done" if went else "missed", int(state.get("missed", 0)))
