"""Group and volunteer use cases without a channel: what each did and whom it told."""

from __future__ import annotations

from bot.services import groups, volunteers
from tests.services.conftest import POINT, World


async def test_a_group_is_run_by_its_facilitator_and_members_are_told(world: World) -> None:
    facilitator = await world.person("c1", "counselor", POINT)
    member = await world.person("p1")
    outsider = await world.person("p2")
    rule = groups.parse_schedule("thứ Bảy tuần thứ hai, 8:00")
    assert isinstance(rule, dict)
    async with world.store.unit_of_work() as uow:
        created = await groups.create(uow, world.context(), facilitator, "Nhóm thử", rule, "Phòng 2")
        assert created.group is not None and created.group.id is not None
        group_id = created.group.id
        joined = await groups.join(uow, world.context(), member, group_id)
        by_member = await groups.cancel_next(uow, world.context(), member, group_id)
        cancelled = await groups.cancel_next(uow, world.context(), facilitator, group_id)
        assert cancelled.meeting is not None
        forged = await groups.attend(uow, facilitator, group_id, cancelled.meeting, outsider.id or 0)
        marked = await groups.attend(uow, facilitator, group_id, cancelled.meeting, member.id or 0)
        not_member = await groups.rsvp(uow, outsider, group_id, cancelled.meeting, coming=True)
        reminders = await uow.reminders.of_person(facilitator.id or 0)
        await uow.commit()
    assert created.did is groups.Did.CREATED and created.meeting is not None
    assert [r.kind for r in reminders] == [groups.GROUP]
    assert joined.did is groups.Did.JOINED
    assert by_member.did is groups.Did.STALE
    assert cancelled.did is groups.Did.CANCELLED and cancelled.count == 1
    assert [n.person_id for n in cancelled.notices] == [member.id]
    assert "Nhóm thử" not in cancelled.notices[0].reply.text  # discreet by default: no name on a lock screen
    assert forged.did is groups.Did.STALE and marked.did is groups.Did.MARKED and marked.count == 1
    assert not_member.did is groups.Did.STALE


async def test_a_link_needs_the_persons_agreement_and_two_failed_contacts_reach_the_counselors(world: World) -> None:
    counselor = await world.person("c1", "counselor", POINT)
    volunteer = await world.person("v1", "volunteer", POINT)
    person = await world.person("p1")
    async with world.store.unit_of_work() as uow:
        code = await volunteers.new_code(uow, world.context(), volunteer)
        assert code.code is not None
        own = await volunteers.find_code(uow, world.context(), volunteer, code.code)
        found = await volunteers.find_code(uow, world.context(), person, code.code)
        assert found.link is not None and found.link.id is not None
        link_id = found.link.id
        agreed = await volunteers.agree(uow, world.context(), person, link_id, share=False, weekday=1)
        twice = await volunteers.agree(uow, world.context(), person, link_id, share=False, weekday=1)
        first = await volunteers.checkin_answer(uow, world.context(), volunteer, link_id, "none")
        second = await volunteers.checkin_answer(uow, world.context(), volunteer, link_id, "none")
        not_theirs = await volunteers.checkin_answer(uow, world.context(), person, link_id, "ok")
        await uow.commit()
    assert code.did is volunteers.Did.CODE
    assert own.did is volunteers.Did.BAD_CODE and found.did is volunteers.Did.FOUND
    assert agreed.did is volunteers.Did.LINKED and agreed.first_checkin is not None
    assert [n.person_id for n in agreed.notices] == [volunteer.id]
    assert twice.did is volunteers.Did.BAD_CODE
    assert first.did is volunteers.Did.TRY_AGAIN and first.notices == ()
    assert second.did is volunteers.Did.ESCALATED and [n.person_id for n in second.notices] == [counselor.id]
    assert not_theirs.did is volunteers.Did.GONE
