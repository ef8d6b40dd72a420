"""What a lock screen shows. A message the person did not just ask for (a counselor's relayed words, a
notice, a reminder, a crisis alert to a counselor) goes, for a discreet person, as a neutral notifying
line and then the text without a notification (Telegram), or is kept behind a neutral line until the
person writes (Zalo, which cannot send silently). Measured by what the fakes record as notifying
messages: none that was not asked for carries a word about drugs, treatment, counseling or the point."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.clock import FakeClock
from scheduler.sender import Sender
from tests.conftest import TelegramHarness, ZaloHarness
from tests.e2e.conftest import Chat, claim_at_seven_tomorrow, make_counselor, onboard, outbox_sender
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo

PERSON, OTHER = 5101, 5102
# Words that tell what the message is about, in both languages (matched without case).
TELLING = (
    "methadone", "ma túy", "ma tuý", "ma tuy", "heroin", "nghiện", "cai nghiện", "điều trị", "dieu tri", "thuốc",
    "liều", "tư vấn", "tu van", "điểm", "cơ sở", "trạm y tế", "bác sĩ", "115", "🚨",
    "drug", "treatment", "counsel", "addiction", "dose", "overdose", "clinic", "point", "doctor",
)
NEUTRAL = {"Bạn có tin nhắn mới.", "Bạn có tin nhắn mới cần xem ngay."}


def telling(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in TELLING if re.search(rf"(?<!\w){re.escape(word)}", lowered)]


class Unasked:
    """Everything the outbox sender sends, per chat: by definition nothing the person just asked for."""

    def __init__(self, fake: FakeTelegram, sender: Sender, chats: list[int]) -> None:
        self.fake, self.sender, self.chats = fake, sender, chats
        self.messages: dict[int, list[dict[str, Any]]] = {chat: [] for chat in chats}

    async def drain(self) -> None:
        before = {chat: len(self.fake.sent(chat)) for chat in self.chats}
        await self.sender.drain()
        for chat in self.chats:
            self.messages[chat].extend(self.fake.sent(chat)[before[chat]:])


async def test_nothing_unasked_that_rings_a_discreet_phone_tells_what_it_is_about(
    fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock
) -> None:
    harness = TelegramHarness(fake_telegram, tmp_path, clock)
    await harness.start()
    try:
        person, other = Chat(harness, PERSON), Chat(harness, OTHER)
        counselor = await make_counselor(person, "LOCK2345", 5, "/truc")
        assert isinstance(counselor.user, int)
        await onboard(person)
        await onboard(other)
        unasked = Unasked(fake_telegram, outbox_sender(person), [PERSON, counselor.user])
        # A daily reminder, set by the person (its confirmation is asked for).
        await person.say("nhắc tôi 7h sáng mỗi ngày")
        # A chat with the counselor: taken, and the counselor's words relayed.
        await person.say("noi chuyen voi tu van vien")
        await person.say("1")
        await unasked.drain()
        await counselor.say("1")
        await unasked.drain()
        await person.say("tôi muốn hỏi về liều methadone")
        await unasked.drain()
        await counselor.say("Bạn nhớ uống methadone đúng liều, điểm tư vấn mở cửa lúc 7h, cơ sở điều trị ở phường.")
        await unasked.drain()
        # A crisis elsewhere: the counselor on duty gets the alert.
        await other.say("ban toi bat tinh roi")
        await unasked.drain()
        # The next morning's reminder.
        await claim_at_seven_tomorrow(person)
        await unasked.drain()

        to_person = [m["text"] for m in unasked.messages[PERSON]]
        assert any("methadone" in t for t in to_person)  # the relayed words reached the person
        assert any(t.startswith("⏰") for t in to_person)  # and so did the reminder
        to_counselor = [m["text"] for m in unasked.messages[counselor.user]]
        alert = next(n for n, t in enumerate(to_counselor) if t.startswith("🚨"))
        assert to_counselor[alert - 1] == "Bạn có tin nhắn mới cần xem ngay."  # an alert always rings
        for chat, messages in unasked.messages.items():
            assert messages, chat
            ringing = [m["text"] for m in messages if not m.get("disable_notification")]
            assert ringing and set(ringing) <= NEUTRAL, (chat, ringing)
            assert all(not telling(text) for text in ringing)
            # Every burst starts with the neutral line; what tells goes silently behind it.
            assert messages[0]["text"] in NEUTRAL
            assert all(m.get("disable_notification") for m in messages if telling(m["text"]))
        # A reply to the person's own message still rings as usual: they asked for it.
        said = await harness.say(PERSON, "/menu")
        assert said and all(not m.get("disable_notification") for m in said)
    finally:
        await harness.stop()


async def test_a_person_who_chose_explicit_wording_gets_the_reminder_as_it_is(
    fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock
) -> None:
    harness = TelegramHarness(fake_telegram, tmp_path, clock)
    await harness.start()
    try:
        person = Chat(harness, PERSON)
        await onboard(person)
        await person.say("nhac toi 7h moi ngay")
        await person.say("/menu")
        await person.say("nhac lich")
        await harness.press(PERSON, "rem:wording")
        sender = outbox_sender(person)
        await claim_at_seven_tomorrow(person)
        before = person.sent_count()
        assert await sender.drain() == 1
        sent = fake_telegram.sent(PERSON)[before:]
        assert [m["text"] for m in sent] == ["⏰ Đến giờ đi uống methadone (07:00)."]
        assert not sent[0].get("disable_notification")
    finally:
        await harness.stop()


async def test_on_zalo_a_reminder_goes_as_it_is_in_the_persons_own_discreet_wording(
    fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock
) -> None:
    """Zalo's sendMessage has no silent flag, so a neutral line could not keep a text off the lock screen;
    a reminder's words are the person's own discreet choice, so it needs none (docs/privacy.md)."""
    harness = ZaloHarness(fake_zalo, tmp_path, clock)
    await harness.start()
    try:
        person = Chat(harness, "7f3a9c1d2e4b5a60")
        await onboard(person)
        await person.say("nhắc tôi 7h sáng mỗi ngày")
        sender = outbox_sender(person)
        await claim_at_seven_tomorrow(person)
        before = person.sent_count()
        assert await sender.drain() == 1
        texts = [m["text"] for m in fake_zalo.sent("7f3a9c1d2e4b5a60")[before:]]
        assert len(texts) == 1 and texts[0].startswith("⏰ Nhắc nhẹ") and not telling(texts[0])
    finally:
        await harness.stop()


async def test_on_zalo_what_could_tell_is_kept_until_the_person_writes_and_only_a_neutral_line_rings(
    fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock
) -> None:
    """Every Zalo message notifies, so a counselor's relayed words and a crisis alert wait in the outbox
    for their reader: the phone shows only "you have a new message, write 'xem' to read it", once per
    unread batch; the person's next message shows them first. They survive a restart."""
    harness = ZaloHarness(fake_zalo, tmp_path, clock)
    await harness.start()
    user, other = "7f3a9c1d2e4b5a61", "7f3a9c1d2e4b5a62"
    try:
        person, bystander = Chat(harness, user), Chat(harness, other)
        counselor = await make_counselor(person, "LOCKZALO", 6, "/truc")
        assert isinstance(counselor.user, str)
        await onboard(person)
        await onboard(bystander)
        sender = outbox_sender(person)
        unasked: dict[str, list[str]] = {user: [], counselor.user: []}

        async def drain() -> None:
            before = {chat: len(fake_zalo.sent(chat)) for chat in unasked}
            await sender.drain()
            for chat in unasked:
                unasked[chat].extend(m["text"] for m in fake_zalo.sent(chat)[before[chat]:])

        await person.say("noi chuyen voi tu van vien")
        await person.say("1")
        await drain()
        assert unasked[counselor.user] == ["Bạn có tin nhắn mới. Nhắn “xem” để đọc."]  # the new chat, kept
        offer = await harness.say(counselor.user, "xem")
        assert offer and "1." in offer[-1]["text"]
        unasked[counselor.user].clear()
        await counselor.say("1")  # takes the chat: the person is told, kept
        await drain()
        await counselor.say("Bạn nhớ uống methadone đúng liều, điểm tư vấn mở cửa lúc 7h.")
        await counselor.say("Và mang theo giấy hẹn của cơ sở điều trị.")
        await drain()
        await bystander.say("ban toi bat tinh roi")  # the counselor on duty gets the alert, kept
        await drain()

        assert unasked[user] == ["Bạn có tin nhắn mới. Nhắn “xem” để đọc."]  # one line for the unread batch
        assert unasked[counselor.user] == ["Bạn có tin nhắn mới cần xem ngay. Nhắn “xem” để đọc."]
        assert all(not telling(text.replace("Nhắn “xem” để đọc.", "")) for texts in unasked.values() for text in texts)

        # A restart: what was kept is still waiting for its reader.
        assert harness.bot is not None
        harness.bot.core.kept.clear()
        await harness.bot.core.load_kept()
        shown = [m["text"] for m in await harness.say(user, "xem")]
        assert any("methadone" in t for t in shown) and any("giấy hẹn" in t for t in shown)
        assert [m["text"] for m in await harness.say(user, "xem")] != shown  # shown once
        alert = [m["text"] for m in await harness.say(counselor.user, "Xem")]
        assert alert and alert[0].startswith("🚨")

        # Read, so the next message that could tell rings the neutral line again.
        await counselor.say("Bạn còn câu hỏi gì về methadone không?")
        await drain()
        assert unasked[user][-1] == "Bạn có tin nhắn mới. Nhắn “xem” để đọc."
        # Any message shows what waited, before its own answer.
        shown = [m["text"] for m in await harness.say(user, "dạ không, cảm ơn")]
        assert "methadone" in shown[0]
    finally:
        await harness.stop()
