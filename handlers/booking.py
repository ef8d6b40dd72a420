"""Booking counseling by conversation: point → kind of meeting → topic → a time from the free
slots or typed ("mai 9h", "thứ 6", "25/11 14:00") → a phone number only for a phone meeting → summary
→ booked. "Lịch hẹn của tôi" lists and cancels. Counselors set their hours with /gio and days off
with /nghi, and confirm or decline each new appointment from its notice.
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.keys import ChoiceKey, from_stamp, stamp
from bot.messages import Choice, Reply
from bot.normalize import asks, words, yes_or_no
from bot.router import COMMON_WORDS
from bot.services import appointments as cases
from bot.services import booking as service
from bot.services.appointments import AppointmentKey, Did, HoursDid
from bot.services.booking import appointment_choice
from bot.sites import Site, SiteKind, place_said
from bot.store.records import Appointment
from bot.timeparse import TimeProblem, parse_day, parse_time_of_day
from handlers.menu import main_menu, menu_unless_in_flow
from handlers.sites import counseling_points

# What the first message may already say about when ("đặt lịch chiều mai 3h"): kept in the flow until
# the time step, as a day and a time of day, never as the words typed.
ASKED = ("asked_day", "asked_at")

FLOW = "book"
DECLINE_FLOW = "decline"


@dataclass(frozen=True)
class PointKey(ChoiceKey):
    """bk:p:<point>, a counseling point offered in the booking."""

    prefix: ClassVar[str] = "bk"
    tag: ClassVar[str | None] = "p"
    point: str


@dataclass(frozen=True)
class KindKey(ChoiceKey):
    """bk:k:<kind>: in person, by phone, by chat."""

    prefix: ClassVar[str] = "bk"
    tag: ClassVar[str | None] = "k"
    kind: str


@dataclass(frozen=True)
class TopicKey(ChoiceKey):
    """bk:t:<topic>."""

    prefix: ClassVar[str] = "bk"
    tag: ClassVar[str | None] = "t"
    topic: str


@dataclass(frozen=True)
class SlotKey(ChoiceKey):
    """bk:s:<counselor>:<start>, a free time offered."""

    prefix: ClassVar[str] = "bk"
    tag: ClassVar[str | None] = "s"
    counselor: int
    at: datetime


async def start(turn: Turn, carried: dict[str, str] | None = None) -> Step:
    """The menu's "book counseling" (after consent): upcoming appointments first, then a new one. A day
    or time said when asking ("đặt lịch chiều mai 3h": `carried`) is kept for the time step."""
    assert turn.person.id is not None
    upcoming = await cases.upcoming(turn.uow, turn.person.id, turn.now)
    if upcoming:
        lines = [turn._("booking.yours")] + [_describe(turn, a) for a in upcoming]
        choices = []
        for a in upcoming[:4]:
            when = turn._.datetime(a.starts_at)
            choices += [appointment_choice("change", a, turn._("booking.change_one", when=when)),
                        appointment_choice("cancel", a, turn._("booking.cancel_one", when=when))]
        choices.append(turn.choice_of("bk:new", "booking.new"))
        return Step([Reply("\n".join(lines), tuple(choices))], "booking")
    return await _ask_point(turn, {k: v for k, v in (carried or {}).items() if k in ASKED})


async def open_from_menu(turn: Turn, carried: dict[str, str]) -> Step:
    """The menu item, or booking asked for in words with what the message said about when."""
    turn.close_flow()
    return await start(turn, carried)


async def _bookable_points(turn: Turn) -> list[Site]:
    return await cases.bookable_points(turn.uow, counseling_points(turn))


async def _ask_point(turn: Turn, carried: dict[str, Any] | None = None) -> Step:
    points = await _bookable_points(turn)
    if not points:
        turn.close_flow()
        return Step([Reply(turn._("booking.no_points")), main_menu(turn)], "booking:no_points")
    turn.open_flow(FLOW, "point", carried)
    return Step([_offer_points(turn, turn._("booking.ask_point"), points[:8])], "booking")


def _offer_points(turn: Turn, text: str, points: list[Site]) -> Reply:
    """The points as choices, remembered in the flow so the question can be asked again as it was."""
    turn.session.data["points"] = [s.id for s in points]
    return Reply(text, tuple(Choice(PointKey(s.id).pack(), s.short_name) for s in points))


def _says_something_else(turn: Turn) -> bool:
    """Words typed at the point step that are not a place: a question, a language or a feature asked for, or what the
    FAQ answers ("methadone là gì", "english please")."""
    intents = turn.services.intents
    return asks(turn.text) or intents.language_request(turn.text) is not None \
        or intents.intent(turn.text) is not None or turn.services.faq.certain(turn.text)


async def _points_near(turn: Turn) -> Step | None:
    """A point typed by its name ("Hàng Buồm"), or as a province or commune (former names too), or the
    nearest to a shared location. None for words that name no point and no place and say something else ("methadone
    là gì", "english please"): the router answers them, and the point is asked again."""
    kinds = frozenset({SiteKind.COUNSELING_POINT})
    bookable = await _bookable_points(turn)
    location = turn.incoming.location
    place: str | None = None
    if location is not None:
        found = [site for site, _km in turn.services.sites.nearest(location.latitude, location.longitude, kinds, 8)]
    else:
        named = _named(turn.text, bookable)
        if len(named) == 1:
            return _typed_point(turn, named[0])
        directory = turn.services.sites
        found = named or directory.in_place(turn.text, kinds, 8)
        place = None if named else directory.place_named_in(turn.text) or (turn.text.strip() if found else None)
        if place is None and place_said(turn.text) is None and _says_something_else(turn):
            return None
        current = directory.current_province(place) if place is not None and not found else None
        if current is not None:
            found = directory.in_place(current, kinds, 8)
    allowed = {s.id for s in bookable}
    there = [s for s in found if s.id in allowed]
    if not there:
        return Step([Reply(turn._("booking.no_point_there")),
                     _offer_points(turn, turn._("booking.ask_point"), bookable[:8])], "booking:no_point")
    if len(there) == 1 and location is None:
        return _typed_point(turn, there[0])
    shown = turn.services.sites.shown(place) if place else None
    text = turn._("booking.points_in", place=shown) if shown else turn._("booking.ask_point")
    return Step([_offer_points(turn, text, there)], "booking")


def _named(typed: str, points: list[Site]) -> list[Site]:
    """The points whose name holds every word typed (at least one of them not a common one)."""
    typed_words = [w for w in words(typed, expand_teencode=False) if w not in COMMON_WORDS]
    if not typed_words:
        return []
    return [s for s in points if all(w in set(words(s.short_name, expand_teencode=False)) for w in typed_words)]


def _typed_point(turn: Turn, point: Site) -> Step:
    """The only point that fits what was typed: said by name, so a wrong guess is seen at once."""
    chosen = _point_chosen(turn, point.id)
    return Step([Reply(turn._("booking.point_is", point=point.short_name)), *chosen.replies], chosen.handler)


def _point_chosen(turn: Turn, point_id: str) -> Step:
    data = turn.session.data
    data["point"] = point_id
    data.pop("points", None)
    if data.get("kind") and data.get("topic"):
        turn.goto("when")
        return Step([], "booking:point")  # the caller asks the time
    turn.goto("kind")
    return Step([_ask_kind(turn)], "booking")


def _ask_kind(turn: Turn) -> Reply:
    return Reply(turn._("booking.ask_kind"), tuple(Choice(KindKey(key).pack(), turn._(label))
                                                    for key, label in service.KINDS.items()))


def _ask_topic(turn: Turn) -> Reply:
    return Reply(turn._("booking.ask_topic"), tuple(Choice(TopicKey(key).pack(), turn._(label))
                                                     for key, label in service.TOPICS.items()))


async def _ask_time(turn: Turn) -> Reply:
    point = str(turn.session.data["point"])
    slots = await service.free_slots(turn.uow, point, turn.now, turn.services.timezone_name)
    if not slots:
        return Reply(turn._("booking.no_slots"))
    return _offer_slots(turn, turn._("booking.ask_time"), slots)


def _offer_slots(turn: Turn, text: str, slots: list[service.Slot]) -> Reply:
    """Free times as choices, remembered in the flow: whatever else the person says meanwhile (a question,
    "ok", an answer to a reminder), the same times are offered again and nothing chosen so far is lost."""
    turn.session.data["slots"] = [SlotKey(s.counselor.person_id, s.starts_at).pack() for s in slots]
    return Reply(text, _slot_choices(turn))


def _slot_choices(turn: Turn) -> tuple[Choice, ...]:
    choices = []
    for offered in turn.session.data.get("slots", []):
        slot = SlotKey.unpack(str(offered))
        if slot is not None:
            choices.append(Choice(slot.pack(), turn._.datetime(slot.at)))
    return tuple(choices)


def _chosen_time(turn: Turn) -> datetime:
    at = from_stamp(str(turn.session.data["at"]))
    assert at is not None  # written by _time_chosen
    return at


def _time_chosen(turn: Turn, counselor: int, at: datetime) -> Step:
    data = turn.session.data
    data["counselor"], data["at"] = counselor, stamp(at)
    data.pop("slots", None)
    return _after_time(turn)


def _summary(turn: Turn) -> Reply:
    data = turn.session.data
    when = _chosen_time(turn)
    text = turn._("booking.summary", when=turn._.datetime(when), kind=turn._(service.KINDS[str(data["kind"])]),
                  topic=turn._(service.TOPICS[str(data["topic"])]),
                  point=next((s.name for s in counseling_points(turn) if s.id == data["point"]), str(data["point"])))
    if data.get("phone"):
        text += "\n" + turn._("booking.summary_phone", phone=data["phone"])
    return Reply(text, (turn.choice_of("bk:yes", "booking.book_it"), turn.choice_of("bk:no", "booking.not_now")))


class BookFlow:
    name = FLOW

    async def step(self, turn: Turn) -> Step | None:
        choice, data, step = turn.choice or "", turn.session.data, turn.session.step
        if choice == "bk:new":
            return await _ask_point(turn)
        point = PointKey.unpack(choice)
        if step == "point" and (point is not None or (
                turn.choice is None and (turn.text.strip() or turn.incoming.location))):
            chosen = await _points_near(turn) if point is None else _point_chosen(turn, point.point)
            if chosen is None:
                return None
            if turn.session.step == "when":
                return Step([*chosen.replies, await _ask_time(turn)], "booking")
            return chosen
        kind = KindKey.unpack(choice)
        if step == "kind" and kind is not None:
            data["kind"] = kind.kind
            turn.goto("topic")
            return Step([_ask_topic(turn)], "booking")
        topic = TopicKey.unpack(choice)
        if step == "topic" and topic is not None:
            data["topic"] = topic.topic
            turn.goto("when")
            asked = _asked_time(turn)
            if asked is not None:
                return await asked
            return Step([await _ask_time(turn)], "booking")
        if step == "when":
            return await _when(turn, choice)
        if step == "phone" and turn.choice is None and turn.text.strip():
            phone = service.valid_phone(turn.text)
            if phone is None:
                return Step([Reply(turn._("booking.bad_phone"))], "booking:bad_phone")
            data["phone"] = phone
            turn.goto("confirm")
            return Step([_summary(turn)], "booking")
        if step == "confirm" and turn.choice is None:
            answer = yes_or_no(turn.text)
            choice = "bk:yes" if answer else "bk:no" if answer is False else ""
        if step == "confirm" and choice == "bk:no":
            turn.close_flow()
            key = N_("booking.not_moved") if data.get("replacing") else N_("booking.not_booked")
            return Step([Reply(turn._(key)), main_menu(turn)], "booking:not_booked")
        if step == "confirm" and choice == "bk:yes":
            return await _book(turn)
        return None

    def prompt(self, turn: Turn) -> Reply:
        step = turn.session.step
        if step == "point":
            chosen = [s for s in counseling_points(turn) if s.id in turn.session.data.get("points", [])]
            return Reply(turn._("booking.ask_point"),
                         tuple(Choice(PointKey(s.id).pack(), s.short_name) for s in chosen))
        if step == "when":
            return Reply(turn._("booking.ask_time"), _slot_choices(turn))
        if step == "kind":
            return _ask_kind(turn)
        if step == "topic":
            return _ask_topic(turn)
        if step == "phone":
            return Reply(turn._("booking.ask_phone"))
        if step == "confirm":
            return _summary(turn)
        return Reply(turn._("booking.what_next"), (turn.choice_of("bk:new", "booking.new"),))


async def _when(turn: Turn, choice: str) -> Step | None:
    slot = SlotKey.unpack(choice)
    if slot is not None:
        return _time_chosen(turn, slot.counselor, slot.at)
    if turn.choice is not None or not turn.text.strip():
        return None
    local_today = turn._.local(turn.now).date()
    day, at = parse_day(turn.text, local_today), parse_time_of_day(turn.text)
    for problem in (day, at):
        if isinstance(problem, TimeProblem):
            return Step([Reply(turn._(problem.key, typed=problem.typed)), await _ask_time(turn)], "booking:bad_time")
    assert not isinstance(day, TimeProblem) and not isinstance(at, TimeProblem)
    if day is None and at is None:
        if len(words(turn.text)) <= 3 and turn.services.faq.answer(turn.text)[0] is None:
            # "ok", "có", a phone number, a stray "1": not a time, and not a question worth answering
            # instead; the same times are offered again.
            return Step([Reply(turn._("booking.time_not_read"), _slot_choices(turn))], "booking:time_not_read")
        return None  # a question: the router answers it and asks for the time again
    return await _at_typed_time(turn, day, at)


def _asked_time(turn: Turn) -> Awaitable[Step] | None:
    """The day or time said when booking was asked for, once the time step is reached; then forgotten."""
    data = turn.session.data
    day_text, at_text = data.pop("asked_day", None), data.pop("asked_at", None)
    if not day_text and not at_text:
        return None
    day = date.fromisoformat(str(day_text)) if day_text else None
    at = time.fromisoformat(str(at_text)) if at_text else None
    return _at_typed_time(turn, day, at)


async def _at_typed_time(turn: Turn, day: date | None, at: time | None) -> Step:
    """The slot at a typed day and time, or the nearest free ones; a day alone offers that day's."""
    data = turn.session.data
    local_today = turn._.local(turn.now).date()
    slots = await service.free_slots(turn.uow, str(data["point"]), turn.now, turn.services.timezone_name,
                                     day=day, limit=500)
    if at is None:
        if slots:
            return Step([_offer_slots(turn, turn._("booking.free_that_day"), slots[:6])], "booking:typed_time")
        return Step([Reply(turn._("booking.none_that_day")), await _ask_time(turn)], "booking:typed_time")
    wanted_day = day or local_today
    wanted = turn._.local(turn.now).replace(year=wanted_day.year, month=wanted_day.month, day=wanted_day.day,
                                            hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if day is None and wanted < turn.now:
        wanted += timedelta(days=1)  # "9h" said after nine: tomorrow's
    exact = [s for s in slots if s.starts_at == wanted]
    if exact:
        return _time_chosen(turn, exact[0].counselor.person_id, exact[0].starts_at)
    if not slots:
        return Step([Reply(turn._("booking.none_that_day")), await _ask_time(turn)], "booking:typed_time")
    nearest = sorted(sorted(slots, key=lambda s: abs(s.starts_at - wanted))[:6], key=lambda s: s.starts_at)
    return Step([_offer_slots(turn, turn._("booking.nearest", when=turn._.datetime(wanted)), nearest)],
                "booking:typed_time")


def _after_time(turn: Turn) -> Step:
    if turn.session.data.get("kind") == "phone" and not turn.session.data.get("phone"):
        turn.goto("phone")
        return Step([Reply(turn._("booking.ask_phone"))], "booking")
    turn.goto("confirm")
    return Step([_summary(turn)], "booking")


async def _book(turn: Turn) -> Step:
    data = turn.session.data
    assert turn.person.id is not None
    replacing = data.get("replacing")
    request = cases.Request(point_id=str(data["point"]), counselor_id=int(data["counselor"]),
                            starts_at=_chosen_time(turn), kind=str(data["kind"]), topic=str(data["topic"]),
                            phone=data.get("phone"), replacing=int(replacing) if replacing else None)
    done = await cases.book(turn.uow, turn.context, turn.person, request)
    if done.did is Did.SLOT_TAKEN:
        turn.goto("when")
        return Step([Reply(turn._("booking.slot_taken")), await _ask_time(turn)], "booking:slot_taken")
    turn.close_flow()
    when = turn._.datetime(request.starts_at)
    if done.did is Did.MOVED and done.old is not None:
        return Step([Reply(turn._("booking.moved", old=turn._.datetime(done.old.starts_at), when=when)),
                     main_menu(turn)], "booking:moved")
    return Step([Reply(turn._("booking.booked", when=when)), main_menu(turn)], "booking:booked")


def _describe(turn: Turn, appointment: Appointment) -> str:
    status = {"confirmed": turn._("booking.status_confirmed"), "proposed": turn._("booking.status_proposed")}.get(
        appointment.status, turn._("booking.status_requested"))
    return f"• {turn._.datetime(appointment.starts_at)}: {turn._(service.KINDS[appointment.kind])} ({status})"



async def on_appointment_choice(turn: Turn) -> Step:
    """apt:<action>:<id>[:<more>]. The counselor: ok, prop (then pick:<stamp>), no, att, noshow. The
    person: cancel, keep, change, accept, reject, sat:<1-3>. The service checks whose appointment it is."""
    key = AppointmentKey.unpack(turn.choice)
    if key is None:
        return _stale(turn)
    action, appointment_id, more = key.action, key.appointment, key.more or ""
    uow, context, me = turn.uow, turn.context, turn.person
    if action == "sat":
        done = await cases.rate(uow, me, appointment_id, int(more) if more.isdigit() else 0)
    elif action in ("att", "noshow"):
        done = await cases.mark_attendance(uow, context, me, appointment_id, attended=action == "att")
    elif action == "ok":
        done = await cases.confirm(uow, context, me, appointment_id)
    elif action == "no":
        done = await cases.begin_decline(uow, me, appointment_id)
    elif action == "prop":
        done = await cases.times_to_propose(uow, context, me, appointment_id)
    elif action == "pick" and (at := from_stamp(more)) is not None:
        done = await cases.propose(uow, context, me, appointment_id, at)
    elif action == "keep":
        done = await cases.keep(uow, me, appointment_id)
    elif action == "accept":
        done = await cases.accept(uow, context, me, appointment_id)
    elif action == "change":
        done = await cases.begin_change(uow, me, appointment_id)
    elif action in ("cancel", "reject"):
        done = await cases.cancel(uow, context, me, appointment_id)
    else:
        return _stale(turn)
    return await _rendered(turn, done)


async def _rendered(turn: Turn, done: cases.Outcome) -> Step:
    """What an appointment use case did, said to the one who acted."""
    appointment, did = done.appointment, done.did
    if did is Did.GONE:
        return Step([Reply(turn._("booking.gone"))], "booking:gone")
    if appointment is None or appointment.id is None or did is Did.STALE:
        return _stale(turn)
    when = turn._.datetime(appointment.starts_at)
    if did is Did.RATED:
        return Step([Reply(turn._("booking.sat_thanks"))], "booking:rated")
    if did is Did.ALREADY_MARKED:
        return Step([Reply(turn._("booking.already_marked"))], "booking:marked")
    if did is Did.MARKED:
        return Step([Reply(turn._("booking.marked"))], "booking:marked")
    if did is Did.CONFIRMED:
        return Step([Reply(turn._("booking.you_confirmed"))], "booking:confirmed")
    if did is Did.ASK_REASON:
        turn.open_flow(DECLINE_FLOW, "reason", {"appointment": appointment.id})
        return Step([Reply(turn._("booking.ask_reason"))], "booking")
    if did is Did.NO_SLOTS:
        return Step([Reply(turn._("booking.no_slots_to_propose"))], "booking:no_slots")
    if did is Did.PICK_TIME:
        return Step([Reply(turn._("booking.pick_time"), tuple(
            appointment_choice("pick", appointment, turn._.datetime(s.starts_at), stamp(s.starts_at))
            for s in done.slots))], "booking:propose")
    if did is Did.SLOT_TAKEN:
        return Step([Reply(turn._("booking.slot_taken_counselor"))], "booking:slot_taken")
    if did is Did.PROPOSED:
        return Step([Reply(turn._("booking.you_proposed", when=when))], "booking:proposed")
    if did is Did.KEPT:
        return Step([Reply(turn._("booking.see_you"))], "booking:keep")
    if did is Did.ACCEPTED:
        return Step([Reply(turn._("booking.accepted", when=when))], "booking:accepted")
    if did is Did.CHANGE:
        return await _start_change(turn, appointment)
    return Step([Reply(turn._("booking.cancelled")), *menu_unless_in_flow(turn)], "booking:cancelled")


async def _start_change(turn: Turn, appointment: Appointment) -> Step:
    """A new time for an appointment: the old one is kept until the new one is booked, so a change
    abandoned half-way loses nothing."""
    carried: dict[str, Any] = {"replacing": appointment.id, "point": appointment.point_id, "kind": appointment.kind,
                               "topic": appointment.topic}
    if appointment.phone:
        carried["phone"] = appointment.phone
    turn.open_flow(FLOW, "when", carried)
    return Step([Reply(turn._("booking.change_keeps_old", when=turn._.datetime(appointment.starts_at))),
                 await _ask_time(turn)], "booking:change")


class DeclineFlow:
    name = DECLINE_FLOW

    async def step(self, turn: Turn) -> Step | None:
        if turn.choice is not None or not turn.text.strip():
            return None
        appointment_id = int(turn.session.data.get("appointment", 0))
        turn.close_flow()
        done = await cases.decline(turn.uow, turn.context, turn.person, appointment_id, turn.text)
        if done.did is not Did.DECLINED:
            return _stale(turn)
        return Step([Reply(turn._("booking.you_declined"))], "booking:declined")

    def prompt(self, turn: Turn) -> Reply:
        return Reply(turn._("booking.ask_reason"))


def _stale(turn: Turn) -> Step:
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")


async def on_hours(turn: Turn) -> Step:
    """/gio T2-T6 8:00-11:30, 13:30-16:30 (30 phút): a counselor's weekly hours and slot length."""
    if turn.person.role != "counselor":
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    assert turn.person.id is not None
    done = await cases.set_hours(turn.uow, turn.person.id, turn.args)
    if done.did is HoursDid.BAD:
        return Step([Reply(turn._("booking.bad_hours"))], "booking:bad_hours")
    shown = service.describe_hours(done.weekly, turn._.locale) if done.weekly else turn._("booking.no_hours")
    if done.did is HoursDid.SHOWN:
        return Step([Reply(turn._("booking.hours_help", hours=shown))], "booking:hours")
    return Step([Reply(turn._("booking.hours_set", hours=shown, minutes=done.minutes))], "booking:hours_set")


async def on_day_off(turn: Turn) -> Step:
    """/nghi 24/12: a day off (typed again, it is taken back)."""
    if turn.person.role != "counselor":
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    assert turn.person.id is not None
    day = parse_day(turn.args, turn._.local(turn.now).date())
    done = await cases.toggle_day_off(turn.uow, turn.person.id, None if isinstance(day, TimeProblem) else day)
    if done.did is HoursDid.NO_HOURS:
        return Step([Reply(turn._("booking.hours_help", hours=turn._("booking.no_hours")))], "booking:hours")
    if done.day is None:
        return Step([Reply(turn._("booking.bad_day_off"))], "booking:bad_day_off")
    key = N_("booking.day_off_set") if done.did is HoursDid.DAY_OFF else N_("booking.day_off_removed")
    return Step([Reply(turn._(key, day=done.day.strftime("%d/%m/%Y")))], "booking:day_off")


async def on_agenda(turn: Turn) -> Step:
    """/lichhen (/agenda): a counselor's appointments today and in the next seven days."""
    if turn.person.role != "counselor":
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    assert turn.person.id is not None
    start = turn._.local(turn.now).replace(hour=0, minute=0, second=0, microsecond=0)
    shown = await cases.agenda(turn.uow, turn.context, turn.person.id, start)
    if not shown:
        return Step([Reply(turn._("booking.agenda_empty"))], "booking:agenda")
    lines = [turn._("booking.agenda")]
    for appointment, person in shown:
        status = {"confirmed": turn._("booking.status_confirmed"), "proposed": turn._("booking.agenda_proposed")}.get(
            appointment.status, turn._("booking.agenda_requested"))
        lines.append(f"• {turn._.datetime(appointment.starts_at)}: {person.alias if person else '?'}, "
                     f"{turn._(service.KINDS[appointment.kind])} ({status})")
    return Step([Reply("\n".join(lines))], "booking:agenda")
