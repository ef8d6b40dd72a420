"""What a lock screen shows. A message the person did not just ask for (a counselor's relayed words, a
notice, a reminder, a crisis alert to a counselor) goes, for a discreet person, as a neutral notifying
line and then the text without a notification. Measured by what the fake Telegram records as notifying
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


async def test_zalo_cannot_send_silently_so_no_neutral_line_is_added(
    fake_zalo: FakeZalo, tmp_path: Path, clock: FakeClock
) -> None:
    """Zalo's sendMessage has no silent flag: a neutral line before the text would not keep the text off
    the lock screen and would cost a message of the month's allowance (docs/privacy.md)."""
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
