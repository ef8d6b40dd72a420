"""What must survive: a restart mid-flow, a replayed update, a lost connection; and what must be gone:
everything about a person after /xoa."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.messages import Reply
from bot.priorities import Priority
from bot.store.records import OutboxItem
from tests.conftest import TelegramHarness, buttons
from tests.fakes.telegram_api import FakeTelegram

USER = 6001


async def test_a_restart_in_the_middle_of_a_flow_continues_it(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    await telegram.press(USER, "lang:en")
    await telegram.restart()
    (consent,) = await telegram.press(USER, "who:self")
    assert "Do you agree?" in consent["text"] and buttons(consent) == ["consent:yes", "consent:no"]


async def test_a_flow_expires_after_inactivity(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    await telegram.press(USER, "lang:vi")
    telegram.clock.advance(timedelta(minutes=61))
    replies = await telegram.press(USER, "who:self")
    assert "tin nhắn cũ" in replies[0]["text"]


async def test_a_replayed_update_changes_nothing(telegram: TelegramHarness) -> None:
    update = telegram.fake.text_update(USER, "/start")
    first = await telegram.send(update, USER)
    assert len(first) == 2
    before = len(telegram.fake.sent(USER))
    await telegram.fake.replay(update)
    # The core saw the replay and did nothing with it.
    await telegram.wait_handled(str(update["update_id"]), times=2)
    assert telegram.outcomes[str(update["update_id"])].duplicate
    assert len(telegram.fake.sent(USER)) == before


async def test_a_double_tap_is_acted_on_once(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    fake = telegram.fake
    first, second = fake.button_update(USER, "lang:vi"), fake.button_update(USER, "lang:vi")
    before = len(fake.sent(USER))
    await fake.push(first)
    await fake.push(second)
    await telegram.wait_handled(str(first["update_id"]))
    await telegram.wait_handled(str(second["update_id"]))
    sent = fake.sent(USER)[before:]
    assert len(sent) == 1 and buttons(sent[0])[0] == "who:self"
    await fake.wait_calls("answerCallbackQuery", 2)  # both spinners stop


async def test_a_button_from_an_old_message_is_refused_kindly(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    await telegram.press(USER, "lang:vi")
    await telegram.press(USER, "who:self")
    await telegram.press(USER, "consent:yes")
    (stale, *_rest) = await telegram.press(USER, "erase:yes")
    assert "tin nhắn cũ" in stale["text"]
    assert telegram.bot is not None
    async with telegram.bot.store.unit_of_work() as uow:
        assert await uow.people.get("telegram", str(USER)) is not None


async def test_a_button_from_an_erased_conversation_creates_nobody(telegram: TelegramHarness) -> None:
    (reply,) = await telegram.press(USER + 7, "m:faq")
    assert "/start" in reply["text"]
    assert telegram.bot is not None
    rows = await telegram.rows()
    assert rows["people"] == []


async def test_xoa_leaves_nothing_behind(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    await telegram.press(USER, "lang:vi")
    await telegram.press(USER, "who:self")
    await telegram.press(USER, "consent:yes")
    await telegram.say(USER, "methadone la gi")
    assert telegram.bot is not None
    async with telegram.bot.store.unit_of_work() as uow:
        person = await uow.people.get("telegram", str(USER))
    assert person is not None
    (confirm,) = await telegram.say(USER, "/xoa")
    assert buttons(confirm) == ["erase:yes", "erase:no"]
    (done,) = await telegram.press(USER, "erase:yes")
    assert "Đã xóa" in done["text"]

    identifiers = {str(USER), person.alias, str(person.id)}
    rows = await telegram.rows()
    assert rows["people"] == [] and rows["sessions"] == []
    for table, table_rows in rows.items():
        if table in ("tally", "schema_migrations"):  # numbers only, no person (docs/privacy.md): a count or a
            continue                                  # migration number may well equal the person's id
        for row in table_rows:
            for column, value in row.items():
                assert value is None or str(value) not in identifiers or (table, column) in {
                    ("inbox", "event_id"), ("inbox", "id")}, f"{table}.{column} still holds {value!r}"
    # Once sent, the inbox keeps only platform event ids, never who sent them or what was answered.
    assert all(r["person_id"] is None and r["chat_id"] is None and r["replies"] is None for r in rows["inbox"])


async def test_erase_can_be_declined_and_typed(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    await telegram.say(USER, "/xoa")
    kept, language = await telegram.say(USER, "khong, giu lai")
    assert "Không xóa" in kept["text"]
    # Still new: first contact goes on where it was, not from the greeting, and the words typed in
    # Vietnamese answered its language question.
    assert language["text"].startswith("Mình sẽ nói chuyện với bạn bằng tiếng Việt")
    assert language["text"].endswith("Bạn hỏi cho ai?")


async def _queue_for(telegram: TelegramHarness, key: str) -> None:
    """A message waiting in the outbox for USER, due in an hour (a notice, a reminder)."""
    assert telegram.bot is not None
    async with telegram.bot.store.unit_of_work() as uow:
        person = await uow.people.get("telegram", str(USER))
        assert person is not None and person.id is not None
        await uow.outbox.add_many([OutboxItem(
            key=key, person_id=person.id, channel="telegram", chat_id=str(USER), priority=Priority.APPOINTMENT,
            reply=Reply("Lịch hẹn đã đổi."), due_at=telegram.clock.now() + timedelta(hours=1))])
        await uow.commit()


async def test_a_person_who_blocks_the_bot_is_marked_unreachable(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    await _queue_for(telegram, "notice:blocked")
    fake = telegram.fake
    await fake.push(fake.blocked_update(USER))
    await telegram.wait_handled(f"member:{USER}")
    assert telegram.bot is not None
    async with telegram.bot.store.unit_of_work() as uow:
        person = await uow.people.get("telegram", str(USER))
    assert person is not None and not person.reachable
    # What was queued for them cannot arrive: dropped, with the same note as every other path uses.
    rows = await telegram.rows()
    assert [(r["status"], r["note"]) for r in rows["outbox"]] == [("dropped", "unreachable")]
    # Writing again makes them reachable again.
    await telegram.press(USER, "lang:vi")
    async with telegram.bot.store.unit_of_work() as uow:
        person = await uow.people.get("telegram", str(USER))
    assert person is not None and person.reachable


async def test_a_403_on_send_marks_the_person_unreachable_and_drops_the_rest(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    await _queue_for(telegram, "notice:403")
    telegram.fake.blocked.add(USER)
    sent = await telegram.press(USER, "lang:vi")
    assert sent == []
    assert telegram.bot is not None
    rows = await telegram.rows()
    assert all(r["replies"] is None for r in rows["inbox"])  # nothing left to retry for a blocked chat
    assert rows["people"][0]["reachable"] == 0
    assert [(r["status"], r["note"]) for r in rows["outbox"]] == [("dropped", "unreachable")]


async def test_replies_left_unsent_are_sent_after_a_restart(telegram: TelegramHarness) -> None:
    """A failure (or a crash) between commit and send: the replies wait in the inbox row and go out later."""
    assert telegram.bot is not None and telegram.channel is not None
    telegram.channel.app.bot._base_url = "http://127.0.0.1:9/bot"  # every send now fails (connection refused)
    await telegram.say(USER, "/start")
    unsent = [r for r in (await telegram.rows())["inbox"] if r["replies"]]
    assert len(unsent) == 1 and unsent[0]["attempts"] == 1 and unsent[0]["chat_id"] == str(USER)
    await telegram.restart()
    assert await telegram.bot.core.redeliver() == 0  # not before its retry time
    telegram.clock.advance(timedelta(minutes=5))
    assert await telegram.bot.core.redeliver() == 1
    texts = [m["text"] for m in telegram.fake.sent(USER)]
    assert len(texts) == 2 and "115" in texts[0]
    assert all(r["replies"] is None for r in (await telegram.rows())["inbox"])


async def test_a_reply_whose_send_timed_out_goes_again_once_and_is_never_lost(
    fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock
) -> None:
    """Telegram took each message but answered after the bot's timeout: the bot cannot tell that from a
    message that never arrived, so it sends it again. The cost is one duplicate per timed-out message
    (sendMessage has no idempotency key), never a lost reply."""
    harness = TelegramHarness(fake_telegram, tmp_path, clock)
    await harness.start(send_timeout_seconds=0.2)
    assert harness.bot is not None
    try:
        fake_telegram.send_delay = 0.5
        people = range(6101, 6111)
        for user in people:
            await harness.say(user, "/start")  # greeting and language choice; the first send times out
        fake_telegram.send_delay = 0.0
        clock.advance(timedelta(minutes=1))
        await harness.bot.core.redeliver()
        for user in people:
            texts = [m["text"] for m in fake_telegram.sent(user)]
            greeting, language = texts[0], texts[-1]
            assert texts == [greeting, greeting, language]  # the timed-out one twice, then the rest once
        assert not [r for r in (await harness.rows())["inbox"] if r["replies"]]
    finally:
        await harness.stop()
