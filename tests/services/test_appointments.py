"""Appointment use cases without a channel: what each says it did, what it queued for whom, and the
checks on who may act (a button can be replayed or forged)."""

from __future__ import annotations

from datetime import timedelta

from bot.services import appointments as cases
from bot.services.appointments import Did, HoursDid
from bot.services.booking import free_slots
from bot.store.records import Person
from tests.services.conftest import POINT, World


async def _counselor_and_person(world: World) -> tuple[Person, Person]:
    counselor = await world.person("c1", "counselor", POINT)
    assert counselor.id is not None
    async with world.store.unit_of_work() as uow:
        hours = await cases.set_hours(uow, counselor.id, "T2-T6 8:00-11:30 (30 phút)")
        await uow.commit()
    assert hours.did is HoursDid.SET and hours.minutes == 30
    return counselor, await world.person("p1")


async def _book(world: World, person: Person, replacing: int | None = None, nth: int = 0) -> cases.Outcome:
    async with world.store.unit_of_work() as uow:
        slot = (await free_slots(uow, POINT, world.now, "Asia/Ho_Chi_Minh"))[nth]
        done = await cases.book(uow, world.context(), person, cases.Request(
            POINT, slot.counselor.person_id, slot.starts_at, "in_person", "other", replacing=replacing))
        await uow.commit()
    return done


async def test_booking_queues_the_counselors_notice_and_the_persons_reminders(world: World) -> None:
    counselor, person = await _counselor_and_person(world)
    done = await _book(world, person)
    assert done.did is Did.BOOKED and done.appointment is not None
    to_counselor = [n for n in done.notices if n.person_id == counselor.id]
    to_person = [n for n in done.notices if n.person_id == person.id]
    assert [n.key.split(":")[1] for n in to_counselor] == ["new", "after"]
    assert to_counselor[0].about_id == person.id and "Sông p1" in to_counselor[0].reply.text
    assert to_person and all(n.expires_at == done.appointment.starts_at for n in to_person)
    assert {r["key"] for r in await world.outbox()} == {n.key for n in done.notices}


async def test_the_same_slot_twice_is_taken_and_nothing_is_queued_for_the_second(world: World) -> None:
    _counselor, person = await _counselor_and_person(world)
    other = await world.person("p2")
    first = await _book(world, person)
    async with world.store.unit_of_work() as uow:
        assert first.appointment is not None and first.appointment.counselor_id is not None
        again = await cases.book(uow, world.context(), other, cases.Request(
            POINT, first.appointment.counselor_id, first.appointment.starts_at, "in_person", "other"))
        await uow.commit()
    assert again.did is Did.SLOT_TAKEN and again.notices == ()
    assert len(await world.outbox()) == len(first.notices)


async def test_confirm_is_the_counselors_and_tells_the_person(world: World) -> None:
    counselor, person = await _counselor_and_person(world)
    booked = await _book(world, person)
    assert booked.appointment is not None and booked.appointment.id is not None
    async with world.store.unit_of_work() as uow:
        by_person = await cases.confirm(uow, world.context(), person, booked.appointment.id)
        done = await cases.confirm(uow, world.context(), counselor, booked.appointment.id)
        await uow.commit()
    assert by_person.did is Did.STALE
    assert done.did is Did.CONFIRMED
    assert [n.person_id for n in done.notices] == [person.id]
    assert done.notices[0].reply.text.startswith("✅ Lịch hẹn")


async def test_a_proposal_moves_the_reminders_and_a_rejection_cancels(world: World) -> None:
    counselor, person = await _counselor_and_person(world)
    booked = await _book(world, person)
    assert booked.appointment is not None and booked.appointment.id is not None
    appointment_id = booked.appointment.id
    async with world.store.unit_of_work() as uow:
        offered = await cases.times_to_propose(uow, world.context(), counselor, appointment_id)
        assert offered.did is Did.PICK_TIME and offered.slots
        new_time = offered.slots[-1].starts_at
        done = await cases.propose(uow, world.context(), counselor, appointment_id, new_time)
        await uow.commit()
    assert done.did is Did.PROPOSED and done.old is not None
    assert done.old.starts_at == booked.appointment.starts_at
    rows = {r["key"]: r["status"] for r in await world.outbox()}
    assert all(rows[n.key] == "cancelled" for n in booked.notices if n.key.startswith(f"apt{appointment_id}:r:"))
    asked = [n for n in done.notices if n.key.startswith(f"apt{appointment_id}:proposed:")]
    assert [c.key for c in asked[0].reply.choices] == [f"apt:accept:{appointment_id}", f"apt:reject:{appointment_id}"]
    async with world.store.unit_of_work() as uow:
        cancelled = await cases.cancel(uow, world.context(), person, appointment_id)
        again = await cases.cancel(uow, world.context(), person, appointment_id)
        await uow.commit()
    assert cancelled.did is Did.CANCELLED and [n.person_id for n in cancelled.notices] == [counselor.id]
    assert again.did is Did.GONE


async def test_a_move_cancels_the_old_appointment_only_once_the_new_one_is_booked(world: World) -> None:
    counselor, person = await _counselor_and_person(world)
    first = await _book(world, person)
    assert first.appointment is not None
    moved = await _book(world, person, replacing=first.appointment.id, nth=1)
    assert moved.did is Did.MOVED and moved.old is not None and moved.old.id == first.appointment.id
    statuses = [r["status"] for r in (await world.store.table_rows())["appointments"]]
    assert statuses == ["cancelled", "requested"]
    assert any(n.person_id == counselor.id and n.key.endswith(":moved") for n in moved.notices)


async def test_attendance_is_marked_once_and_asks_the_person_once(world: World) -> None:
    counselor, person = await _counselor_and_person(world)
    booked = await _book(world, person)
    assert booked.appointment is not None and booked.appointment.id is not None
    world.later(days=1)
    async with world.store.unit_of_work() as uow:
        stranger = await cases.mark_attendance(uow, world.context(), person, booked.appointment.id, True)
        done = await cases.mark_attendance(uow, world.context(), counselor, booked.appointment.id, True)
        twice = await cases.mark_attendance(uow, world.context(), counselor, booked.appointment.id, True)
        rated = await cases.rate(uow, person, booked.appointment.id, 3)
        await uow.commit()
    assert stranger.did is Did.STALE
    assert done.did is Did.MARKED and [n.key for n in done.notices] == [f"apt{booked.appointment.id}:sat"]
    assert twice.did is Did.ALREADY_MARKED and twice.notices == ()
    assert rated.did is Did.RATED


async def test_a_decline_keeps_the_reason_and_tells_the_person(world: World) -> None:
    counselor, person = await _counselor_and_person(world)
    booked = await _book(world, person)
    assert booked.appointment is not None and booked.appointment.id is not None
    async with world.store.unit_of_work() as uow:
        asked = await cases.begin_decline(uow, counselor, booked.appointment.id)
        done = await cases.decline(uow, world.context(), counselor, booked.appointment.id, "  ốm  ")
        await uow.commit()
    assert asked.did is Did.ASK_REASON
    assert done.did is Did.DECLINED and "ốm" in done.notices[0].reply.text
    rows = (await world.store.table_rows())["appointments"]
    assert [(r["status"], r["reason"]) for r in rows] == [("declined", "ốm")]


async def test_days_off_toggle_and_the_agenda_is_audited(world: World) -> None:
    counselor, person = await _counselor_and_person(world)
    assert counselor.id is not None
    await _book(world, person)
    day = (world.now + timedelta(days=2)).date()
    async with world.store.unit_of_work() as uow:
        off = await cases.toggle_day_off(uow, counselor.id, day)
        back = await cases.toggle_day_off(uow, counselor.id, day)
        unread = await cases.toggle_day_off(uow, counselor.id, None)
        shown = await cases.agenda(uow, world.context(), counselor.id, world.now)
        await uow.commit()
    assert (off.did, back.did, unread.did) == (HoursDid.DAY_OFF, HoursDid.DAY_BACK, HoursDid.BAD)
    assert [who.alias for _a, who in shown if who] == ["Sông p1"]
    assert [r["what"] for r in (await world.store.table_rows())["audit"]] == ["appointment notice", "agenda"]
