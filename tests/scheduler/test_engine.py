"""The reminder engine on a real SQLite file with a fake clock: reminders set by conversation, claimed
into the outbox once per occurrence, sent by priority under the rates, answered, followed up, dropped
when late, retried, and paused for a person who blocked the bot."""

from __future__ import annotations

import itertools
from datetime import timedelta

from bot.channels.base import ChatUnreachable, DeliveryFailed
from bot.messages import Reply
from bot.priorities import Priority
from bot.services.reminders import claim_due
from bot.store.records import OutboxItem
from tests.rig import Rig, onboard


async def test_a_reminder_set_by_one_message_arrives_discreetly_and_is_answered(rig: Rig) -> None:
    await onboard(rig)
    texts = await rig.say("nhắc tôi 7h sáng mỗi ngày")
    assert "07:00" in texts[0] and "Thứ Hai, 23/11 lúc 07:00" in texts[0]
    assert await rig.tick() == 0  # not yet
    rig.clock.advance(timedelta(hours=1))
    assert await rig.tick() == 1
    _chat, reply, _at = rig.channel.sent[-1]
    assert reply.text == "⏰ Nhắc nhẹ: đến giờ hẹn hằng ngày của bạn (07:00)."  # no word about treatment
    assert "methadone" not in reply.text.lower()
    assert [c.key for c in reply.choices] == ["dose:done:1:20261123", "dose:miss:1:20261123"]
    # Answered by typing "1" (as on Zalo): the reminder's choices were remembered.
    assert await rig.say("1") == ["👍 Cảm ơn bạn. Hẹn ngày mai."]
    rig.clock.advance(timedelta(hours=3))
    assert await rig.tick() == 0  # the follow-up was cancelled by the answer
    statuses = sorted(str(row["status"]) for row in await rig.outbox())
    assert statuses == ["cancelled", "sent"]


async def test_an_hour_that_does_not_exist_in_one_message_asks_the_time_again_and_the_next_message_sets_it(
        rig: Rig) -> None:
    await onboard(rig)
    texts = await rig.say("nhắc tôi 25h mỗi ngày")
    assert "giờ từ 0 đến 23" in texts[0] and "mấy giờ" in texts[-1], texts
    texts = await rig.say("8h tối")
    assert "20:00" in texts[0], texts


async def test_a_change_to_an_hour_that_does_not_exist_or_a_pause_too_long_asks_again(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("nhắc tôi 7h sáng mỗi ngày")
    texts = await rig.say("đổi giờ nhắc sang 25h")
    assert "giờ từ 0 đến 23" in texts[0] and "mấy giờ" in texts[-1], texts
    texts = await rig.say("9h")
    assert "09:00" in texts[0], texts
    texts = await rig.say("tạm dừng nhắc 100 ngày")
    assert texts[-1].startswith("Tạm dừng mấy ngày?") and "60" in texts[-1], texts
    texts = await rig.say("5")
    assert "5 ngày" in texts[0], texts


async def test_a_time_typed_at_the_reminders_overview_sets_it(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("/menu")
    texts = await rig.say("nhac lich")
    assert texts[0].startswith("Bạn chưa đặt lời nhắc")
    texts = await rig.say("8 giờ tối")
    assert "20:00" in texts[0], texts


async def test_no_answer_gets_one_follow_up_and_two_missed_days_get_the_safety_note(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("nhac toi 7h moi ngay")
    rig.clock.advance(timedelta(hours=1, minutes=1))
    await rig.tick()
    rig.clock.advance(timedelta(hours=2))
    await rig.tick()
    assert rig.texts()[-1].startswith("Hôm nay bạn đi được chưa?")
    # Day 2: no answer on day 1 counts as missed; "not today" on day 2 makes two in a row.
    rig.clock.advance(timedelta(hours=22))
    await rig.tick()
    texts = await rig.say(None, choice="dose:miss:1:20261124")
    assert texts[0].startswith("Cảm ơn bạn đã báo") and "Không uống thêm để bù" in texts[1]
    # Day 3: the claim sees the streak and sends the note first, as a neutral teaser with a button.
    rig.clock.advance(timedelta(days=1))
    await rig.tick()
    teaser = [r for c, r, _ in rig.channel.sent if r.text.startswith("Mình có một lời nhắn")]
    assert len(teaser) == 1 and teaser[0].choices[0].key == "dose:note:1"
    shown = await rig.say(None, choice="dose:note:1")
    assert "gặp bác sĩ trước khi uống lại" in shown[0]
    # Going resets the streak.
    await rig.say(None, choice="dose:done:1:20261125")
    async with rig.bot.store.unit_of_work() as uow:
        reminder = await uow.reminders.get(1)
    assert reminder is not None and reminder.state["missed"] == 0


async def test_explicit_wording_when_the_person_chooses_it(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("nhac toi 7h moi ngay")
    await rig.say("/menu")
    await rig.say("nhac lich")  # the menu item, typed
    await rig.say(None, choice="rem:wording")
    rig.clock.advance(timedelta(hours=1))
    await rig.tick()
    assert rig.texts()[-1] == "⏰ Đến giờ đi uống methadone (07:00)."


async def test_change_time_pause_and_stop_by_conversation(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("/menu")
    texts = await rig.say("nhac lich")
    assert texts[0].startswith("Bạn chưa đặt lời nhắc")
    await rig.say("1")  # set
    texts = await rig.say("25h")
    assert "giờ từ 0 đến 23" in texts[0]
    texts = await rig.say("6 giờ 30")
    assert "06:30" in texts[0]
    await rig.say("/menu")
    await rig.say("nhac lich")
    await rig.say(None, choice="rem:pause")
    texts = await rig.say("3")
    assert "3 ngày" in texts[0] and "27/11 lúc 06:30" in texts[0]
    rig.clock.advance(timedelta(days=2))
    assert await rig.tick() == 0
    await rig.say("/menu")
    await rig.say("nhac lich")
    texts = await rig.say(None, choice="rem:stop")
    assert texts[0].startswith("Đã dừng")
    assert (await rig.bot.store.table_rows())["reminders"] == []


async def test_reminders_need_consent_and_withdrawing_it_deletes_them(rig: Rig) -> None:
    await onboard(rig, consent="2")  # just questions
    texts = await rig.say("nhac toi 7h moi ngay")
    assert "Bạn đồng ý chứ?" in texts[0]
    await rig.say("dong y")
    await rig.say("nhac toi 7h moi ngay")
    assert len((await rig.bot.store.table_rows())["reminders"]) == 1
    await rig.say("/privacy")
    await rig.say(None, choice="consent:withdraw")
    assert (await rig.bot.store.table_rows())["reminders"] == []


async def test_a_late_reminder_is_dropped_and_recorded_not_sent(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("nhac toi 7h moi ngay")
    rig.clock.advance(timedelta(hours=4))  # the bot was down all morning
    await rig.tick()
    assert rig.texts() == []
    rows = await rig.outbox()
    assert {(row["status"], row["note"]) for row in rows} == {("dropped", "late")}
    assert all(row["reply"] is None for row in rows)  # the text is not kept


async def test_claiming_twice_queues_an_occurrence_once(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("nhac toi 7h moi ngay")
    rig.clock.advance(timedelta(hours=1))
    first = await claim_due(rig.bot.store, rig.bot.catalogs, rig.clock.now())
    again = await claim_due(rig.bot.store, rig.bot.catalogs, rig.clock.now())
    assert (first, again) == (1, 0)
    assert len(await rig.outbox()) == 2  # the reminder and its follow-up


async def queue(rig: Rig, chats: list[str], priority: Priority = Priority.ROUTINE) -> None:
    now = rig.clock.now()
    async with rig.bot.store.unit_of_work() as uow:
        await uow.outbox.add_many([OutboxItem(f"k{i}-{chat}-{priority}", None, "test", chat, priority,
                                              Reply(f"m{i} {priority.name}"), now) for i, chat in enumerate(chats)])
        await uow.commit()


async def test_the_sender_keeps_the_global_rate_one_per_second_per_chat_and_priority(rig: Rig) -> None:
    await queue(rig, [f"c{n}" for n in range(10)] + ["same"] * 3)
    await queue(rig, ["urgent"], Priority.CRISIS)
    start = rig.clock.now()
    assert await rig.sender.drain() == 14
    sent = rig.channel.sent
    assert sent[0][0] == "urgent"  # crisis first
    times = [at for _chat, _reply, at in sent]
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.2 - 1e-9  # 5 messages a second
    same = [at for chat, _reply, at in sent if chat == "same"]
    assert all((b - a).total_seconds() >= 1.0 for a, b in itertools.pairwise(same))
    # The other chats filled the per-chat gaps: 14 messages at 5/s, plus at most the last chat's 2 s.
    assert (rig.clock.now() - start).total_seconds() <= 14 * 0.2 + 2


async def test_a_429_pauses_everything_and_network_errors_back_off(rig: Rig) -> None:
    await queue(rig, ["a", "b"])
    rig.channel.failures = [DeliveryFailed("rate limited", retry_after=7), DeliveryFailed("ConnectError")]
    start = rig.clock.now()
    await rig.sender.drain()
    # a: 429 → retried after 7 s; b: network error → retried 5 s later; both then sent, once each.
    rig.clock.advance(timedelta(seconds=10))
    await rig.sender.drain()
    assert sorted(chat for chat, _r, _at in rig.channel.sent) == ["a", "b"]
    assert all(at - start >= timedelta(seconds=5) for _c, _r, at in rig.channel.sent)
    assert rig.sender.stats.rate_limited == 1 and rig.sender.stats.retried == 1


async def test_a_blocked_person_is_marked_unreachable_and_their_reminders_pause(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("nhac toi 7h moi ngay")
    rig.clock.advance(timedelta(hours=1))
    rig.channel.failures = [ChatUnreachable("Forbidden: bot was blocked by the user")]
    await rig.tick()
    rows = await rig.bot.store.table_rows()
    assert rows["people"][0]["reachable"] == 0
    assert {(r["status"], r["note"]) for r in rows["outbox"]} == {("dropped", "unreachable")}
    rig.clock.advance(timedelta(days=1))
    await rig.tick()
    assert rig.channel.sent == [] and len((await rig.bot.store.table_rows())["outbox"]) == 2
    # Writing again makes them reachable; the next day's reminder goes.
    await rig.say("xin chao")
    rig.clock.advance(timedelta(days=1))
    await rig.tick()
    assert len(rig.texts()) == 1


async def test_erasing_removes_reminders_and_queued_messages(rig: Rig) -> None:
    await onboard(rig)
    await rig.say("nhac toi 7h moi ngay")
    rig.clock.advance(timedelta(hours=1))
    await claim_due(rig.bot.store, rig.bot.catalogs, rig.clock.now())
    assert len(await rig.outbox()) == 2
    await rig.say("/xoa")
    await rig.say("xoa het")
    rows = await rig.bot.store.table_rows()
    assert rows["people"] == [] and rows["reminders"] == [] and rows["outbox"] == []
