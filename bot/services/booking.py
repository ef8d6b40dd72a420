"""Counseling appointments: counselors' hours, the free slots they give, booking a slot atomically,
and the messages around an appointment (the counselor's notice, the person's reminders).

A slot is a counselor's start time. Booking inserts the appointment; the store's partial unique index
lets only one live appointment hold a counselor's start time, so of any number of simultaneous
requests for one slot exactly one succeeds and the others get `SlotTaken` and are offered other times.

The person's reminders of an appointment are a kind of reminder of their own
(bot/services/reminder_kinds/appointment.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import ClassVar
from zoneinfo import ZoneInfo

from bot.i18n import N_, Catalogs
from bot.keys import ChoiceKey, stamp
from bot.messages import Choice, Reply
from bot.normalize import fold
from bot.priorities import Priority
from bot.sites import parse_hours
from bot.store.base import UnitOfWork
from bot.store.records import Address, Appointment, Availability, OutboxItem
from bot.timeparse import PERIOD_WORDS, hour_in_period

DEFAULT_SLOT_MINUTES = 45
EARLIEST_AHEAD = timedelta(hours=2)
HORIZON_DAYS = 14
KINDS = {"in_person": N_("booking.kind_in_person"), "phone": N_("booking.kind_phone"), "chat": N_("booking.kind_chat")}
TOPICS = {"methadone": N_("booking.topic_methadone"), "rehab": N_("booking.topic_rehab"),
          "family": N_("booking.topic_family"), "hiv": N_("booking.topic_hiv"), "other": N_("booking.topic_other")}
_PHONE = re.compile(r"^\+?[0-9][0-9 .]{7,13}[0-9]$")


@dataclass(frozen=True)
class AppointmentKey(ChoiceKey):
    """apt:<action>:<appointment>[:<more>], on the notices and reminders of an appointment. The
    counselor's: ok, prop, pick (more: the time, a stamp), no, att, noshow. The person's: cancel, keep,
    change, accept, reject, sat (more: the score)."""

    prefix: ClassVar[str] = "apt"
    action: str
    appointment: int
    more: str | None = None


def appointment_choice(action: str, appointment: Appointment, label: str, more: str | None = None) -> Choice:
    assert appointment.id is not None
    return Choice(AppointmentKey(action, appointment.id, more).pack(), label)


@dataclass(frozen=True)
class Slot:
    counselor: Address
    starts_at: datetime
    minutes: int


def weekly_hours(typed: str) -> str:
    """A counselor's week as typed, in Vietnamese or English, to the site list's grammar that
    `parse_hours` reads: "T2-T6 8:00-11:30, 13:30-16:30; T7 8:00-11:00", "thứ 2 đến thứ 6 8h-11h30 và
    13h30-16h30", "Mon-Fri 8-11:30" → "mon-fri 08:00-11:30; mon-fri 13:30-16:30; sat 08:00-11:00".

    Days: T2..T7, CN, "thứ 2".."thứ 7", "thứ hai".."thứ bảy", "chủ nhật", English names and their short
    forms, "hằng ngày"; a range with "-", "–", "->", "đến", "tới", "to"; several with ",". Spans:
    "8h", "8h30", "8g", "8:00", "8", "8am" to the same, joined by "-", "đến", "tới", "to"; several with
    "," or "và". A part of the day before the spans ("T7 sáng 8h-11h", "chiều 1h-4h30") reads the spans
    that follow; after a span ("1h-4h chiều") only that one; an am/pm on the end hour alone reads the
    start too when that keeps the span forward ("1-5pm"). Day groups are separated by ";" or a new line,
    or simply follow the last span. ValueError names the part that could not be read."""
    folded, origin = _folded_with_origin(typed)
    parts: list[str] = []
    days: list[str] = []
    spans_seen = False
    period: str | None = None
    pos = 0
    while True:
        soft = _SOFT_BREAK.match(folded, pos)
        pos = soft.end() if soft is not None else pos
        if pos >= len(folded):
            break
        if folded[pos] in ";\n":
            if days and not spans_seen:
                raise ValueError(f"{_typed_part(typed, folded, origin, pos - 1, back=True)!r}: days without hours")
            days, spans_seen, period = [], False, None
            pos += 1
            continue
        day_item = _DAY_ITEM.match(folded, pos)
        if day_item is not None:
            if spans_seen:
                days, spans_seen, period = [], False, None
            days.append(_day_range(day_item))
            pos = day_item.end()
            continue
        said = _PERIOD.match(folded, pos)
        if said is not None:
            period = PERIOD_WORDS[said.group("period")][0]
            pos = said.end()
            continue
        filler = _FROM.match(folded, pos)
        if filler is not None:
            pos = filler.end()
            continue
        span = _SPAN.match(folded, pos)
        if span is None or not days:
            raise ValueError(f"{_typed_part(typed, folded, origin, pos)!r}: not a day or hours like 8:00-11:30")
        trailing = PERIOD_WORDS[span.group("period")][0] if span.group("period") else None
        start, end = _span_times(span, period or trailing, _typed_part(typed, folded, origin, pos))
        if period is not None and trailing is not None:
            period = trailing  # "sáng 8h-11h chiều 1h-4h": the second period reads the spans after it
        parts.extend(f"{d} {start}-{end}" for d in days)
        spans_seen = True
        pos = span.end()
    if days and not spans_seen:
        raise ValueError(f"{_typed_part(typed, folded, origin, len(folded) - 1, back=True)!r}: days without hours")
    if not parts:
        raise ValueError(f"{typed.strip()!r}: no hours")
    canonical = "; ".join(parts)
    parse_hours(canonical)  # raises ValueError naming the bad part
    return canonical


_DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Day names as they fold: 0 is Monday. A space may be left out ("thứ2") or doubled.
_DAY_NAMES = {
    "t2": 0, "t3": 1, "t4": 2, "t5": 3, "t6": 4, "t7": 5, "cn": 6,
    "thu 2": 0, "thu hai": 0, "thu 3": 1, "thu ba": 1, "thu 4": 2, "thu tu": 2, "thu 5": 3, "thu nam": 3,
    "thu 6": 4, "thu sau": 4, "thu 7": 5, "thu bay": 5, "chu nhat": 6, "chua nhat": 6,
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3, "thur": 3,
    "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_DAY_INDEX = {name.replace(" ", ""): index for name, index in _DAY_NAMES.items()}
_EVERY_DAY = ("hang ngay", "moi ngay", "ca tuan", "daily", "every day")
# "thu 2" is "thứ 2" (Monday) unless a time goes on from the number: "Thu 2:00" is Thursday at 2.
_NOT_A_TIME = r"(?!:\d|\s*(?:[hg]|gio|[ap]\.?m)(?![a-z]))"
_DAY_PATTERN = "|".join(
    [re.escape(name).replace(r"\ ", r"\s*") + (_NOT_A_TIME if name.startswith("thu ") and name[-1].isdigit() else "")
     for name in sorted(_DAY_NAMES, key=len, reverse=True)]
    + [r"\s+".join(name.split()) for name in _EVERY_DAY])
_TO = r"\s*(?:-+>?|=>|~|den|toi|to|through|thru|until|till)\s*"
# The last day may be a bare number after a Vietnamese first one: "thứ 2-6", "T2-6".
_DAY_ITEM = re.compile(rf"(?P<first>{_DAY_PATTERN})(?![a-z0-9])"
                       rf"(?:{_TO}(?P<last>{_DAY_PATTERN}|[2-7]{_NOT_A_TIME}(?![\d-]))(?![a-z0-9]))?")
_PERIOD_NAMES = "sang|trua|chieu|toi|dem|morning|afternoon|evening"
_PERIOD = re.compile(rf"(?:buoi\s+|in\s+the\s+)?(?P<period>{_PERIOD_NAMES})(?![a-z0-9])")
_FROM = re.compile(r"(?:tu|from|luc|vao|at)(?![a-z0-9])")
_SOFT_BREAK = re.compile(r"(?:[^\S\n]|[,:&+.]|(?:va|and)(?![a-z0-9]))*")


def _clock_pattern(name: str) -> str:
    return (rf"(?P<{name}_h>\d{{1,2}})(?:\s*(?::|h|g|gio)\s*(?P<{name}_m>\d{{1,2}})?)?"
            rf"(?:\s*(?P<{name}_ap>[ap])\.?m\.?)?")


_SPAN = re.compile(rf"{_clock_pattern('a')}{_TO}{_clock_pattern('b')}"
                   rf"(?:\s*(?:buoi\s+|in\s+the\s+)?(?P<period>{_PERIOD_NAMES}))?(?![a-z0-9])")
_DASHES = str.maketrans({"–": "-", "—": "-", "→": "-", "−": "-"})


def _folded_with_origin(typed: str) -> tuple[str, list[int]]:
    """The text folded character by character ("Thứ Hai – Thứ Sáu" → "thu hai - thu sau"), with where
    each folded character was typed, so an error can quote the person's own words."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(typed):
        out = "\n" if char == "\n" else " " if char.isspace() else fold(char).translate(_DASHES)
        folded.extend(out)
        origin.extend([index] * len(out))
    return "".join(folded), origin


def _typed_part(typed: str, folded: str, origin: list[int], pos: int, back: bool = False) -> str:
    """What was typed from `pos` to the next separator (or back to the previous one)."""
    if back:
        start = max(folded.rfind(";", 0, pos), folded.rfind("\n", 0, pos)) + 1
        end = pos + 1
    else:
        start = pos
        end = min((i for i in (folded.find(c, pos) for c in ",;\n") if i >= 0), default=len(folded))
    if start >= end or not origin:
        return typed.strip()
    return typed[origin[start]:origin[end - 1] + 1].strip()


def _day_range(match: re.Match[str]) -> str:
    """"thu 2", "thu 6" → "mon-fri"; "hang ngay" → "mon-sun"."""
    first, last = match.group("first"), match.group("last")
    if " ".join(first.split()) in _EVERY_DAY:
        return "mon-sun"
    start = _DAY_INDEX["".join(first.split())]
    if last is None:
        return _DAY_CODES[start]
    end = int(last) - 2 if last.isdigit() else _DAY_INDEX["".join(last.split())]
    return f"{_DAY_CODES[start]}-{_DAY_CODES[end]}"


def _span_times(span: re.Match[str], period: str | None, typed: str) -> tuple[str, str]:
    """The span's start and end as HH:MM, each hour read in its am/pm or else in the period. The start
    takes the end's am/pm or the period only when that keeps the span forward ("10h-2h chiều")."""
    def read(hour: int, said: str | None) -> int:
        reading = hour if said is None else hour_in_period(hour, said)
        if reading is None:
            raise ValueError(f"{typed!r}: the hour does not fit the part of the day")
        return reading

    start_hour, end_hour = int(span.group("a_h")), int(span.group("b_h"))
    end_said = f"{span.group('b_ap')}m" if span.group("b_ap") else period
    end = read(end_hour, end_said)
    if span.group("a_ap"):
        start = read(start_hour, f"{span.group('a_ap')}m")
    else:
        shifted = hour_in_period(start_hour, end_said) if end_said else start_hour
        start = start_hour if shifted is None or (shifted >= end > start_hour) else shifted
    opens, closes = (start, int(span.group("a_m") or 0)), (end, int(span.group("b_m") or 0))
    if max(start, end) > 23 or max(opens[1], closes[1]) > 59:
        raise ValueError(f"{typed!r}: not a time of day")
    if closes <= opens:
        raise ValueError(f"{typed!r}: the range runs backwards")
    return f"{start:02d}:{opens[1]:02d}", f"{end:02d}:{closes[1]:02d}"


_DAY_LABELS = {"vi": ("Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật"),
               "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def describe_hours(canonical: str, lang: str) -> str:
    """The site list's grammar for people, spans gathered under their days: "mon-fri 08:00-11:30;
    mon-fri 13:30-16:30; sat 08:00-11:00" → "Thứ 2–Thứ 6 8:00–11:30, 13:30–16:30; Thứ 7 8:00–11:00"
    in Vietnamese (any language without its own names), "Mon–Fri 8:00–11:30, 13:30–16:30; Sat
    8:00–11:00" in English. ValueError when the text is not in the grammar."""
    parse_hours(canonical)
    labels = _DAY_LABELS.get(lang, _DAY_LABELS["vi"])
    grouped: dict[str, list[str]] = {}
    for part in filter(None, (p.strip().lower() for p in canonical.split(";"))):
        days, _, span = part.partition(" ")
        opens, _, closes = span.partition("-")
        grouped.setdefault(days, []).append(f"{_clock_label(opens)}–{_clock_label(closes)}")
    return "; ".join(f"{_days_label(days, labels)} {', '.join(spans)}" for days, spans in grouped.items())


def _days_label(days: str, labels: tuple[str, ...]) -> str:
    return "–".join(labels[_DAY_CODES.index(code)] for code in days.split("-"))


def _clock_label(hhmm: str) -> str:
    at = time.fromisoformat(hhmm)
    return f"{at.hour}:{at.minute:02d}"


def valid_phone(typed: str) -> str | None:
    cleaned = typed.strip()
    return cleaned if _PHONE.match(cleaned) else None


async def free_slots(uow: UnitOfWork, point_id: str, now: datetime, zone: str, day: date | None = None,
                     limit: int = 6) -> list[Slot]:
    """The earliest free slots of the point's counselors (on `day` only, if given), one counselor per
    start time, from two hours ahead to two weeks ahead."""
    tz = ZoneInfo(zone)
    counselors = await uow.appointments.counselors_with_hours(point_id)
    if not counselors:
        return []
    earliest = now + EARLIEST_AHEAD
    start_day = now.astimezone(tz).date()
    days = [day] if day is not None else [start_day + timedelta(days=n) for n in range(HORIZON_DAYS)]
    window_end = datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=tz)
    taken = await uow.appointments.taken([a.person_id for a, _h in counselors], earliest, window_end)
    found: dict[datetime, Slot] = {}
    for address, hours in counselors:
        openings = parse_hours(hours.weekly)
        for on in days:
            if on.isoformat() in hours.days_off:
                continue
            for opening in (o for o in openings if o.weekday == on.weekday()):
                start = datetime.combine(on, opening.opens, tzinfo=tz)
                closes = datetime.combine(on, opening.closes, tzinfo=tz)
                step = timedelta(minutes=hours.slot_minutes)
                while start + step <= closes:
                    utc = start.astimezone(now.tzinfo)
                    if utc >= earliest and (address.person_id, utc) not in taken and utc not in found:
                        found[utc] = Slot(address, utc, hours.slot_minutes)
                    start += step
    return [found[at] for at in sorted(found)][:limit]


NOTICES = {"new": N_("booking.notice_new"), "cancelled": N_("booking.notice_cancelled"),
           "moved": N_("booking.notice_moved"), "erased": N_("booking.notice_erased")}


def counselor_notice(catalogs: Catalogs, counselor: Address, appointment: Appointment, alias: str,
                     what: str) -> OutboxItem:
    """New, cancelled, moved to another time, or gone because the person erased their data: to the
    counselor, with Confirm / Decline for a new one. Names the alias only, and for an erased person not
    even that: the notice is about nobody who still exists, so it stays when their rows are deleted."""
    assert appointment.id is not None
    _ = catalogs.translator(counselor.locale)
    key = NOTICES[what]
    text = _(key, alias=alias, when=_.datetime(appointment.starts_at), kind=_(KINDS[appointment.kind]),
             topic=_(TOPICS[appointment.topic]))
    if appointment.phone and what == "new":
        text += "\n" + _("booking.notice_phone", phone=appointment.phone)
    choices: tuple[Choice, ...] = ()
    if what == "new":
        choices = (appointment_choice("ok", appointment, _("booking.confirm")),
                   appointment_choice("prop", appointment, _("booking.propose")),
                   appointment_choice("no", appointment, _("booking.decline")))
    return OutboxItem.to(counselor, key=f"apt{appointment.id}:{what}", reply=Reply(text, choices),
                         priority=Priority.APPOINTMENT, due_at=appointment.created_at,
                         about_id=None if what == "erased" else appointment.person_id)


AFTER_GRACE = timedelta(days=7)


def after_key(appointment: Appointment) -> str:
    return f"apt{appointment.id}:after:{stamp(appointment.starts_at)}"


def after_the_meeting(catalogs: Catalogs, counselor: Address, appointment: Appointment, alias: str) -> OutboxItem:
    """When the appointment has ended: Attended or No-show, to the counselor."""
    assert appointment.id is not None
    _ = catalogs.translator(counselor.locale)
    ends = appointment.starts_at + timedelta(minutes=appointment.minutes)
    reply = Reply(_("booking.after", alias=alias, when=_.datetime(appointment.starts_at)), (
        appointment_choice("att", appointment, _("booking.attended")),
        appointment_choice("noshow", appointment, _("booking.no_show"))))
    return OutboxItem.to(counselor, after_key(appointment), reply, Priority.ROUTINE, ends,
                         expires_at=ends + AFTER_GRACE, about_id=appointment.person_id)


SATISFACTION = {3: N_("booking.sat_3"), 2: N_("booking.sat_2"), 1: N_("booking.sat_1")}


def availability_for(person_id: int, weekly: str, slot_minutes: int = DEFAULT_SLOT_MINUTES,
                     days_off: tuple[str, ...] = ()) -> Availability:
    return Availability(person_id, weekly, slot_minutes, days_off)


async def tell_counselors_before_erasure(uow: UnitOfWork, catalogs: Catalogs, person_id: int,
                                         now: datetime) -> int:
    """Before a person's rows are erased: each counselor with an upcoming appointment of theirs is told
    it will not happen, without the alias (an erased person is not named again). Returns how many."""
    told = 0
    for appointment in await uow.appointments.upcoming(person_id, now):
        counselor = await uow.people.address(appointment.counselor_id) if appointment.counselor_id else None
        if counselor is not None:
            await uow.outbox.add_many([counselor_notice(catalogs, counselor, appointment, "", "erased")])
            told += 1
    return told
