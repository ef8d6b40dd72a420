"""Booking counseling by conversation (issue #4): point → kind of meeting → topic → a time from the free
slots or typed ("mai 9h", "thứ 6", "25/11 14:00") → a phone number only for a phone meeting → summary
→ booked. "Lịch hẹn của tôi" lists and cancels. Counselors set their hours with /gio and days off
with /nghi, and confirm or decline each new appointment from its notice.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.messages import Choice, Reply
from bot.normalize import words, yes_or_no
from bot.router import COMMON_WORDS
from bot.services import booking as service
from bot.services.budget import Priority
from bot.sites import Site, SiteKind
from bot.store.base import SlotTaken
from bot.store.records import Appointment, OutboxItem
from bot.timeparse import TimeProblem, parse_day, parse_time_of_day
from handlers.menu import main_menu, menu_unless_in_flow
from handlers.sites import counseling_points

FLOW = "book"
DECLINE_FLOW = "decline"


async def start(turn: Turn) -> Step:
    """The menu's "book counseling" (after consent): upcoming appointments first, then a new one."""
    assert turn.person.id is not None
    upcoming = await turn.uow.appointments.upcoming(turn.person.id, turn.now)
    if upcoming:
        lines = [turn._("booking.yours")] + [_describe(turn, a) for a in upcoming]
        choices = []
        for a in upcoming[:4]:
            when = turn._.datetime(a.starts_at)
            choices += [Choice(f"apt:change:{a.id}", turn._("booking.change_one", when=when)),
                        Choice(f"apt:cancel:{a.id}", turn._("booking.cancel_one", when=when))]
        choices.append(turn.choice_of("bk:new", "booking.new"))
        return Step([Reply("\n".join(lines), tuple(choices))], "booking")
    return await _ask_point(turn)


async def _bookable_points(turn: Turn) -> list[Site]:
    return [s for s in counseling_points(turn) if await turn.uow.appointments.counselors_with_hours(s.id)]


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
    return Reply(text, tuple(Choice(f"bk:p:{s.id}", s.short_name) for s in points))


async def _points_near(turn: Turn) -> Step:
    """A point typed by its name ("Hàng Buồm"), or as a province or commune (former names too), or the
    nearest to a shared location."""
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
    return Reply(turn._("booking.ask_kind"), tuple(Choice(f"bk:k:{key}", turn._(label))
                                                    for key, label in service.KINDS.items()))


def _ask_topic(turn: Turn) -> Reply:
    return Reply(turn._("booking.ask_topic"), tuple(Choice(f"bk:t:{key}", turn._(label))
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
    turn.session.data["slots"] = [f"{s.counselor.person_id}:{s.starts_at:%Y%m%d%H%M}" for s in slots]
    return Reply(text, _slot_choices(turn))


def _slot_choices(turn: Turn) -> tuple[Choice, ...]:
    choices = []
    for offered in turn.session.data.get("slots", []):
        counselor, _sep, stamp = str(offered).partition(":")
        choices.append(Choice(f"bk:s:{counselor}:{stamp}", turn._.datetime(_from_stamp(stamp))))
    return tuple(choices)


def _from_stamp(stamp: str) -> datetime:
    return datetime.strptime(stamp + "+0000", "%Y%m%d%H%M%z")


def _summary(turn: Turn) -> Reply:
    data = turn.session.data
    when = _from_stamp(str(data["at"]))
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
        if step == "point" and (choice.startswith("bk:p:") or (
                turn.choice is None and (turn.text.strip() or turn.incoming.location))):
            chosen = await _points_near(turn) if turn.choice is None else _point_chosen(
                turn, choice.removeprefix("bk:p:"))
            if turn.session.step == "when":
                return Step([*chosen.replies, await _ask_time(turn)], "booking")
            return chosen
        if step == "kind" and choice.startswith("bk:k:"):
            data["kind"] = choice.removeprefix("bk:k:")
            turn.goto("topic")
            return Step([_ask_topic(turn)], "booking")
        if step == "topic" and choice.startswith("bk:t:"):
            data["topic"] = choice.removeprefix("bk:t:")
            turn.goto("when")
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
            return Reply(turn._("booking.ask_point"), tuple(Choice(f"bk:p:{s.id}", s.short_name) for s in chosen))
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
    data = turn.session.data
    if choice.startswith("bk:s:"):
        _b, _s, counselor, stamp = choice.split(":")
        data["counselor"], data["at"] = int(counselor), stamp
        data.pop("slots", None)
        return _after_time(turn)
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
        data["counselor"], data["at"] = exact[0].counselor.person_id, f"{exact[0].starts_at:%Y%m%d%H%M}"
        data.pop("slots", None)
        return _after_time(turn)
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
    starts_at = _from_stamp(str(data["at"]))
    counselor_id = int(data["counselor"])
    hours = await turn.uow.appointments.availability(counselor_id)
    appointment = Appointment(
        person_id=turn.person.id, counselor_id=counselor_id, point_id=str(data["point"]), starts_at=starts_at,
        minutes=hours.slot_minutes if hours else service.DEFAULT_SLOT_MINUTES, kind=str(data["kind"]),
        topic=str(data["topic"]), status="requested", created_at=turn.now, phone=data.get("phone"),
    )
    try:
        await turn.uow.appointments.book(appointment)
    except SlotTaken:
        turn.goto("when")
        return Step([Reply(turn._("booking.slot_taken")), await _ask_time(turn)], "booking:slot_taken")
    counselor = await turn.uow.links.address(counselor_id)
    me = await turn.uow.links.address(turn.person.id)
    labels = turn.services.reminders_of(appointment.point_id)
    items = service.reminders_for(turn.services.catalogs, me, appointment, turn.services.timezone_name, turn.now,
                                  labels) if me else []
    if counselor is not None:
        items.append(service.counselor_notice(turn.services.catalogs, counselor, appointment, turn.person.alias, "new"))
        items.append(service.after_the_meeting(turn.services.catalogs, counselor, appointment, turn.person.alias))
        await turn.uow.appointments.audit(counselor_id, turn.person.id, "appointment notice", turn.now)
    await turn.uow.outbox.add_many(items)
    replacing = data.get("replacing")
    turn.close_flow()
    old = await turn.uow.appointments.get(int(replacing)) if replacing else None
    if old is not None and old.person_id == turn.person.id and old.status in ("requested", "proposed", "confirmed"):
        await _cancel(turn, old, "moved")
        return Step([Reply(turn._("booking.moved", old=turn._.datetime(old.starts_at),
                                  when=turn._.datetime(starts_at))), main_menu(turn)], "booking:moved")
    return Step([Reply(turn._("booking.booked", when=turn._.datetime(starts_at))), main_menu(turn)], "booking:booked")


def _describe(turn: Turn, appointment: Appointment) -> str:
    status = {"confirmed": turn._("booking.status_confirmed"), "proposed": turn._("booking.status_proposed")}.get(
        appointment.status, turn._("booking.status_requested"))
    return f"• {turn._.datetime(appointment.starts_at)}: {turn._(service.KINDS[appointment.kind])} ({status})"



async def on_appointment_choice(turn: Turn) -> Step:
    """apt:<action>:<id>[:<more>]. The counselor: ok, prop (then pick:<stamp>), no, att, noshow. The
    person: cancel, keep, change, accept, reject, sat:<1-3>. Each checks whose appointment it is."""
    parts = (turn.choice or "").split(":")
    if len(parts) < 3 or not parts[2].isdigit():
        return _stale(turn)
    action = parts[1]
    appointment = await turn.uow.appointments.get(int(parts[2]))
    if appointment is None or appointment.id is None:
        return Step([Reply(turn._("booking.gone"))], "booking:gone")
    if action == "sat" and appointment.person_id == turn.person.id and len(parts) == 4 and parts[3] in ("1", "2", "3"):
        await turn.uow.appointments.rate(appointment.id, int(parts[3]))
        return Step([Reply(turn._("booking.sat_thanks"))], "booking:rated")
    if appointment.counselor_id == turn.person.id and action in ("att", "noshow"):
        return await _attendance(turn, appointment, attended=action == "att")
    if appointment.status not in ("requested", "proposed", "confirmed"):
        return Step([Reply(turn._("booking.gone"))], "booking:gone")
    if appointment.counselor_id == turn.person.id and action in ("ok", "no", "prop", "pick"):
        return await _counselor_action(turn, appointment, action, parts[3] if len(parts) == 4 else "")
    if appointment.person_id != turn.person.id:
        return _stale(turn)
    if action == "keep":
        return Step([Reply(turn._("booking.see_you"))], "booking:keep")
    if action == "accept" and appointment.status == "proposed":
        await turn.uow.appointments.set_status(appointment.id, "confirmed")
        await _tell_counselor(turn, appointment, N_("booking.notice_accepted"))
        return Step([Reply(turn._("booking.accepted", when=turn._.datetime(appointment.starts_at)))],
                    "booking:accepted")
    if action == "change":
        return await _start_change(turn, appointment)
    if action in ("cancel", "reject"):
        await _cancel(turn, appointment)
        return Step([Reply(turn._("booking.cancelled")), *menu_unless_in_flow(turn)], "booking:cancelled")
    return _stale(turn)


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


async def _counselor_action(turn: Turn, appointment: Appointment, action: str, stamp: str) -> Step:
    assert appointment.id is not None and turn.person.id is not None
    if action == "ok":
        await turn.uow.appointments.set_status(appointment.id, "confirmed")
        await _tell_person(turn, appointment, N_("booking.confirmed_for_person"))
        return Step([Reply(turn._("booking.you_confirmed"))], "booking:confirmed")
    if action == "no":
        turn.open_flow(DECLINE_FLOW, "reason", {"appointment": appointment.id})
        return Step([Reply(turn._("booking.ask_reason"))], "booking")
    if action == "prop":
        slots = [s for s in await service.free_slots(turn.uow, appointment.point_id, turn.now,
                                                      turn.services.timezone_name, limit=50)
                 if s.counselor.person_id == turn.person.id][:6]
        if not slots:
            return Step([Reply(turn._("booking.no_slots_to_propose"))], "booking:no_slots")
        return Step([Reply(turn._("booking.pick_time"), tuple(
            Choice(f"apt:pick:{appointment.id}:{s.starts_at:%Y%m%d%H%M}", turn._.datetime(s.starts_at))
            for s in slots))], "booking:propose")
    new_time = datetime.strptime(stamp + "+0000", "%Y%m%d%H%M%z") if stamp.isdigit() else None
    if new_time is None:
        return _stale(turn)
    old = replace(appointment)
    try:
        await turn.uow.appointments.move(appointment.id, new_time, "proposed")
    except SlotTaken:
        return Step([Reply(turn._("booking.slot_taken_counselor"))], "booking:slot_taken")
    for key in service.keys_to_cancel(old):
        await turn.uow.outbox.cancel(key, turn.now)
    appointment.starts_at, appointment.status = new_time, "proposed"
    person = await turn.uow.links.address(appointment.person_id)
    items = service.reminders_for(turn.services.catalogs, person, appointment, turn.services.timezone_name,
                                  turn.now, turn.services.reminders_of(appointment.point_id)) if person else []
    me = await turn.uow.links.address(turn.person.id)
    if me is not None and person is not None:
        items.append(service.after_the_meeting(turn.services.catalogs, me, appointment, person.alias))
    if person is not None:
        _ = turn.services.catalogs.translator(person.locale)
        reply = Reply(_("booking.proposed_for_person", old=_.datetime(old.starts_at), when=_.datetime(new_time)), (
            Choice(f"apt:accept:{appointment.id}", _("booking.accept")),
            Choice(f"apt:reject:{appointment.id}", _("booking.reject"))))
        items.append(OutboxItem.to(person, f"apt{appointment.id}:proposed:{stamp}", reply, Priority.APPOINTMENT,
                                   turn.now))
    await turn.uow.outbox.add_many(items)
    return Step([Reply(turn._("booking.you_proposed", when=turn._.datetime(new_time)))], "booking:proposed")


async def _attendance(turn: Turn, appointment: Appointment, attended: bool) -> Step:
    assert appointment.id is not None
    if appointment.status in ("attended", "no_show"):
        return Step([Reply(turn._("booking.already_marked"))], "booking:marked")
    await turn.uow.appointments.set_status(appointment.id, "attended" if attended else "no_show")
    if attended:
        person = await turn.uow.links.address(appointment.person_id)
        if person is not None:
            _ = turn.services.catalogs.translator(person.locale)
            reply = Reply(_("booking.sat_question"), tuple(
                Choice(f"apt:sat:{appointment.id}:{score}", _(label)) for score, label in service.SATISFACTION.items()))
            await turn.uow.outbox.add_many([OutboxItem.to(person, f"apt{appointment.id}:sat", reply, Priority.ROUTINE,
                                                          turn.now)])
    return Step([Reply(turn._("booking.marked"))], "booking:marked")


async def _tell_counselor(turn: Turn, appointment: Appointment, key: str) -> None:
    if appointment.counselor_id is None:
        return
    counselor = await turn.uow.links.address(appointment.counselor_id)
    if counselor is None:
        return
    _ = turn.services.catalogs.translator(counselor.locale)
    reply = Reply(_(key, alias=turn.person.alias, when=_.datetime(appointment.starts_at)))
    await turn.uow.outbox.add_many([OutboxItem.to(
        counselor, f"apt{appointment.id}:{key}:{turn.now:%Y%m%d%H%M%S}", reply, Priority.APPOINTMENT, turn.now,
        about_id=appointment.person_id)])


async def _cancel(turn: Turn, appointment: Appointment, what: str = "cancelled") -> None:
    assert appointment.id is not None
    await turn.uow.appointments.set_status(appointment.id, "cancelled")
    for key in service.keys_to_cancel(appointment):
        await turn.uow.outbox.cancel(key, turn.now)
    if appointment.counselor_id is not None:
        counselor = await turn.uow.links.address(appointment.counselor_id)
        if counselor is not None:
            notice = service.counselor_notice(turn.services.catalogs, counselor, appointment, turn.person.alias,
                                              what)
            await turn.uow.outbox.add_many([notice])


async def _tell_person(turn: Turn, appointment: Appointment, key: str, reason: str = "") -> None:
    person = await turn.uow.links.address(appointment.person_id)
    if person is None:
        return
    _ = turn.services.catalogs.translator(person.locale)
    reply = Reply(_(key, when=_.datetime(appointment.starts_at), reason=reason))
    await turn.uow.outbox.add_many([OutboxItem.to(person, f"apt{appointment.id}:{key}", reply, Priority.APPOINTMENT,
                                                  turn.now)])


class DeclineFlow:
    name = DECLINE_FLOW

    async def step(self, turn: Turn) -> Step | None:
        if turn.choice is not None or not turn.text.strip():
            return None
        appointment = await turn.uow.appointments.get(int(turn.session.data.get("appointment", 0)))
        turn.close_flow()
        if appointment is None or appointment.id is None or appointment.counselor_id != turn.person.id:
            return _stale(turn)
        reason = turn.text.strip()[:300]
        await turn.uow.appointments.set_status(appointment.id, "declined", reason)
        for key in service.keys_to_cancel(appointment):
            await turn.uow.outbox.cancel(key, turn.now)
        await _tell_person(turn, appointment, N_("booking.declined_for_person"), reason)
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
    typed = turn.args.strip()
    if not typed:
        current = await turn.uow.appointments.availability(turn.person.id)
        shown = service.describe_hours(current.weekly, turn._.locale) if current else turn._("booking.no_hours")
        return Step([Reply(turn._("booking.hours_help", hours=shown))], "booking:hours")
    minutes_match = re.search(r"\((\d{2,3})\s*(?:phut|phút|min)[^)]*\)", typed)
    minutes = int(minutes_match.group(1)) if minutes_match else service.DEFAULT_SLOT_MINUTES
    typed = re.sub(r"\(.*?\)", "", typed)
    try:
        weekly = service.weekly_hours(typed)
    except ValueError:
        return Step([Reply(turn._("booking.bad_hours"))], "booking:bad_hours")
    if not 15 <= minutes <= 180:
        return Step([Reply(turn._("booking.bad_hours"))], "booking:bad_hours")
    current = await turn.uow.appointments.availability(turn.person.id)
    await turn.uow.appointments.set_availability(service.availability_for(
        turn.person.id, weekly, minutes, current.days_off if current else ()))
    return Step([Reply(turn._("booking.hours_set", hours=service.describe_hours(weekly, turn._.locale),
                              minutes=minutes))], "booking:hours_set")


async def on_day_off(turn: Turn) -> Step:
    """/nghi 24/12: a day off (typed again, it is taken back)."""
    if turn.person.role != "counselor":
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    assert turn.person.id is not None
    day = parse_day(turn.args, turn._.local(turn.now).date())
    current = await turn.uow.appointments.availability(turn.person.id)
    if current is None:
        return Step([Reply(turn._("booking.hours_help", hours=turn._("booking.no_hours")))], "booking:hours")
    if day is None or isinstance(day, TimeProblem):
        return Step([Reply(turn._("booking.bad_day_off"))], "booking:bad_day_off")
    off = set(current.days_off) ^ {day.isoformat()}
    current.days_off = tuple(sorted(off))
    await turn.uow.appointments.set_availability(current)
    shown = day.strftime("%d/%m/%Y")
    if day.isoformat() in off:
        return Step([Reply(turn._("booking.day_off_set", day=shown))], "booking:day_off")
    return Step([Reply(turn._("booking.day_off_removed", day=shown))], "booking:day_off")


async def on_agenda(turn: Turn) -> Step:
    """/lichhen (/agenda): a counselor's appointments today and in the next seven days."""
    if turn.person.role != "counselor":
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    assert turn.person.id is not None
    local = turn._.local(turn.now)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    appointments = await turn.uow.appointments.of_counselor(turn.person.id, start, start + timedelta(days=8))
    if not appointments:
        return Step([Reply(turn._("booking.agenda_empty"))], "booking:agenda")
    lines = [turn._("booking.agenda")]
    for appointment in appointments:
        person = await turn.uow.links.address(appointment.person_id)
        await turn.uow.appointments.audit(turn.person.id, appointment.person_id, "agenda", turn.now)
        status = {"confirmed": turn._("booking.status_confirmed"), "proposed": turn._("booking.agenda_proposed")}.get(
            appointment.status, turn._("booking.agenda_requested"))
        lines.append(f"• {turn._.datetime(appointment.starts_at)}: {person.alias if person else '?'}, "
                     f"{turn._(service.KINDS[appointment.kind])} ({status})")
    return Step([Reply("\n".join(lines))], "booking:agenda")
