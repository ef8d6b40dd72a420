"""The daily dose reminder's use cases without a channel: set, move, pause, stop, and the consent
withdrawal that takes reminders with it."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot.services.people import withdraw_consent
from bot.services.reminder_kinds import dose
from tests.services.conftest import World

ZONE = "Asia/Ho_Chi_Minh"


async def test_set_then_move_keeps_one_reminder_at_the_new_time(world: World) -> None:
    person = await world.person("d1")
    assert person.id is not None
    async with world.store.unit_of_work() as uow:
        first = await dose.set_daily(uow, person.id, time(7, 0), ZONE, world.now)
        moved = await dose.set_daily(uow, person.id, time(20, 30), ZONE, world.now)
        await uow.commit()
    assert first.id == moved.id
    # 06:00 in Hà Nội: 20:30 today is 13:30 UTC.
    assert moved.next_at == datetime(2026, 11, 23, 13, 30, tzinfo=UTC)
    async with world.store.unit_of_work() as uow:
        stored = await uow.reminders.of_person(person.id)
    assert [(r.kind, r.rule["at"]) for r in stored] == [("dose", "20:30")]


async def test_a_pause_holds_when_the_time_is_moved(world: World) -> None:
    person = await world.person("d2")
    assert person.id is not None
    until = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # midnight starting 26/11 in Hà Nội
    async with world.store.unit_of_work() as uow:
        assert await dose.pause(uow, person.id, until, world.now) is None  # nothing to pause yet
        await dose.set_daily(uow, person.id, time(7, 0), ZONE, world.now)
        paused = await dose.pause(uow, person.id, until, world.now)
        assert paused is not None and paused.next_at == datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
        moved = await dose.set_daily(uow, person.id, time(9, 0), ZONE, world.now)
        assert moved.next_at == datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
        await uow.commit()


async def test_stop_and_withdrawing_consent_leave_no_reminder(world: World) -> None:
    one, two = await world.person("d3"), await world.person("d4")
    assert one.id is not None and two.id is not None
    async with world.store.unit_of_work() as uow:
        for who in (one.id, two.id):
            await dose.set_daily(uow, who, time(7, 0), ZONE, world.now)
        assert await dose.stop(uow, one.id)
        assert not await dose.stop(uow, one.id)  # a second stop finds nothing and changes nothing
        await withdraw_consent(uow, two)
        await uow.people.save(two)
        await uow.commit()
    async with world.store.unit_of_work() as uow:
        assert await uow.reminders.of_person(one.id) == []
        assert await uow.reminders.of_person(two.id) == []
        after = await uow.people.get_by_id(two.id)
    assert after is not None and after.consent_at is None
