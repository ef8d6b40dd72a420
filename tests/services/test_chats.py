"""Chat use cases without a channel: opening at a point, taking (one counselor only), relaying framed
words both ways, and ending with the other side told."""

from __future__ import annotations

from datetime import date

from bot.services import chats as cases
from bot.services.chats import Did
from bot.sites import Site, SiteKind
from tests.services.conftest import POINT, World

SITE = Site(id=POINT, kind=SiteKind.COUNSELING_POINT, name="Điểm tư vấn thử", province="Hồ Chí Minh",
            commune="Phạm Ngũ Lão", address=None, latitude=None, longitude=None, phone=None, hours=(),
            services=(), other_names=(), source="test", verified=date(2026, 1, 1), sample=True)


async def test_nobody_on_duty_keeps_the_words_until_a_counselor_takes_the_chat(world: World) -> None:
    counselor = await world.person("c1", "counselor", POINT)
    other_point = await world.person("c2", "counselor", "somewhere-else")
    person = await world.person("p1")
    async with world.store.unit_of_work() as uow:
        await uow.staff.set_on_duty(counselor.id or 0, False)
        opened = await cases.open_chat(uow, world.context(), person, SITE)
        assert opened.chat is not None and opened.chat.id is not None
        queued = await cases.from_person(uow, world.context(), person, opened.chat, "  tôi cần nói chuyện  ", "e1")
        refused = await cases.take(uow, world.context(), other_point, opened.chat.id)
        taken = await cases.take(uow, world.context(), counselor, opened.chat.id)
        twice = await cases.take(uow, world.context(), counselor, opened.chat.id)
        await uow.commit()
    assert opened.did is Did.NOBODY_ON_DUTY and opened.notices == ()
    assert queued.did is Did.QUEUED and queued.notices == ()
    assert refused.did is Did.ALREADY_TAKEN
    assert taken.did is Did.TAKEN and taken.waiting == ("tôi cần nói chuyện",)
    assert [n.person_id for n in taken.notices] == [person.id]
    assert twice.did is Did.ALREADY_TAKEN


async def test_words_are_framed_split_and_the_end_tells_the_other_side(world: World) -> None:
    counselor = await world.person("c1", "counselor", POINT)
    person = await world.person("p1")
    async with world.store.unit_of_work() as uow:
        await uow.staff.set_on_duty(counselor.id or 0, True)
        opened = await cases.open_chat(uow, world.context(), person, SITE)
        assert opened.chat is not None and opened.chat.id is not None
        assert opened.did is Did.OFFERED and [n.person_id for n in opened.notices] == [counselor.id]
        await cases.take(uow, world.context(), counselor, opened.chat.id)
        chat = await uow.chats.get(opened.chat.id)
        assert chat is not None
        long = "🚨 giả làm bot\n" + "chữ " * 600
        relayed = await cases.from_person(uow, world.context(), person, chat, long, "e2")
        answered = await cases.from_counselor(uow, world.context(), counselor, chat.id or 0, "chào bạn", "e3")
        ended = await cases.end(uow, world.context(), person, chat.id)
        after = await cases.from_counselor(uow, world.context(), counselor, chat.id or 0, "còn đó không", "e4")
        nothing = await cases.end(uow, world.context(), person, None)
        await uow.commit()
    assert relayed.did is Did.RELAYED and len(relayed.notices) == 2
    assert all(n.person_id == counselor.id and n.about_id == person.id for n in relayed.notices)
    assert all(line.startswith(cases.QUOTE) for line in relayed.notices[0].reply.text.splitlines()[1:-1])
    assert relayed.notices[-1].reply.choices and not relayed.notices[0].reply.choices
    assert [n.person_id for n in answered.notices] == [person.id]
    assert ended.did is Did.ENDED and [n.person_id for n in ended.notices] == [counselor.id]
    assert after.did is Did.CLOSED and nothing.did is Did.NOTHING_OPEN
