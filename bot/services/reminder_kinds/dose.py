"""Dose-visit reminders: each day at the person's time, "Đã đi / Hôm nay chưa đi được"; with no answer
one gentle follow-up two hours later; an unanswered or "not today" day counts as missed, and from two
missed days in a row the person gets the safety note (go back to the clinic before dosing again, never
take extra to catch up, tolerance drops fast). Wording is discreet unless the person chose otherwise: a
lock screen shows "an appointment", never treatment. With the person's leave, a linked volunteer hears
only that they "may need a call".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from bot.i18n import N_, Translator
from bot.keys import ChoiceKey
from bot.messages import Choice, Reply
from bot.priorities import Priority
from bot.services import volunteers
from bot.services.reminder_kinds.base import Claim, Occurred, Wording, day_code, occurrence_key
from bot.store.base import UnitOfWork
from bot.store.records import Due, OutboxItem, Reminder

DOSE = "dose"
FOLLOW_UP_AFTER = timedelta(hours=2)
# A dose reminder more than this late is not sent (the morning has passed); it is recorded as dropped.
DOSE_GRACE = timedelta(hours=2)
FOLLOW_UP_GRACE = timedelta(hours=4)
MISSED_FOR_SAFETY_NOTE = 2


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

    def to_json(self) -> dict[str, Any]:
        return {"type": "daily", "at": self.at.strftime("%H:%M")}

    def to_rule(self) -> dict[str, Any]:
        return self.to_json()

    def next_after(self, zone: str, after: datetime) -> datetime:
        tz = ZoneInfo(zone)
        local = after.astimezone(tz)
        candidate = datetime.combine(local.date(), self.at, tzinfo=tz)
        if candidate <= local:
            candidate = datetime.combine(local.date() + timedelta(days=1), self.at, tzinfo=tz)
        return candidate.astimezone(after.tzinfo)


def parse_rule(rule: dict[str, Any]) -> DailyAt:
    if rule.get("type") != "daily":
        raise ValueError(f"unknown reminder rule {rule!r}")
    return DailyAt(time.fromisoformat(rule["at"]))


class DoseKind:
    name = DOSE
    rule_type = "daily"

    def rule(self, data: dict[str, Any]) -> DailyAt:
        return parse_rule(data)

    async def occur(self, claim: Claim) -> Occurred:
        if not claim.may_send:
            return Occurred()
        reminder = claim.due.reminder
        noted_before = bool(reminder.state.get("noted"))
        items = _dose_occurrence(claim.due, claim.words, claim.occurrence, claim.now)
        if reminder.state.get("noted") and not noted_before:
            items.extend(await volunteers.may_need_a_call(claim.uow, claim.catalogs, reminder.person_id,
                                                          claim.occurrence))
        return Occurred(items, counted="reminder.sent")


KIND = DoseKind()


def _dose_occurrence(claimed: Due, words: Wording, occurrence: datetime, now: datetime) -> list[OutboxItem]:
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
    await uow.tally.add(None, "reminder.went" if went else "reminder.not_yet", now, 0 if already else 1)
    state["answered"] = True
    if went:
        state.update(missed=0, noted=False)
    elif not already:
        state["missed"] = int(state.get("missed", 0)) + 1
    await uow.reminders.advance([reminder])
    await uow.outbox.cancel(f"{state.get('key')}:f", now)
    return Answer("done" if went else "missed", int(state.get("missed", 0)))


async def current(uow: UnitOfWork, person_id: int) -> Reminder | None:
    """The person's daily dose reminder; a person has at most one."""
    for reminder in await uow.reminders.of_person(person_id):
        if reminder.kind == DOSE:
            return reminder
    return None


async def set_daily(uow: UnitOfWork, person_id: int, at: time, zone: str, now: datetime) -> Reminder:
    """Set (or move) the daily dose reminder to `at` local time. A pause the person asked for still
    holds: the first reminder is the first time after it."""
    daily = DailyAt(at)
    reminder = await current(uow, person_id)
    if reminder is None:
        reminder = Reminder(person_id=person_id, kind=DOSE, rule=daily.to_rule(), timezone=zone, created_at=now)
        reminder.next_at = daily.next_after(zone, now)
        return await uow.reminders.add(reminder)
    reminder.rule = daily.to_rule()
    reminder.next_at = daily.next_after(reminder.timezone, max(now, reminder.paused_until or now))
    await uow.reminders.save(reminder)
    return reminder


async def pause(uow: UnitOfWork, person_id: int, until: datetime, now: datetime) -> Reminder | None:
    """No dose reminder before `until` (the start of a local day); None when there is none to pause."""
    reminder = await current(uow, person_id)
    if reminder is None:
        return None
    reminder.paused_until = until
    reminder.next_at = parse_rule(reminder.rule).next_after(reminder.timezone, max(now, until))
    await uow.reminders.save(reminder)
    return reminder


async def stop(uow: UnitOfWork, person_id: int) -> bool:
    """Delete the daily dose reminder; False when there was none."""
    reminder = await current(uow, person_id)
    if reminder is None or reminder.id is None:
        return False
    await uow.reminders.delete(reminder.id)
    return True
