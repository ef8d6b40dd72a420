"""The conversation scenarios, run on Telegram and on Zalo from one suite, each against its fake Bot API
on 127.0.0.1. Everything here is done by typing, as Zalo (no buttons) requires; Telegram's buttons have
their own tests."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.clock import FakeClock
from bot.services.reminders import claim_due
from scheduler.sender import Sender
from tests.conftest import TelegramHarness, ZaloHarness
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo


@dataclass
class Said:
    text: str
    options: list[str]  # button labels on Telegram, the numbered list's lines on Zalo


@dataclass
class Chat:
    """One person's chat with the bot on one platform."""

    harness: TelegramHarness | ZaloHarness
    user: int | str

    @property
    def name(self) -> str:
        return self.harness.channel_name

    async def say(self, text: str) -> list[Said]:
        if isinstance(self.harness, TelegramHarness):
            assert isinstance(self.user, int)
            return [_telegram(m) for m in await self.harness.say(self.user, text)]
        assert isinstance(self.user, str)
        return [_zalo(m) for m in await self.harness.say(self.user, text)]

    async def push_twice(self, text: str) -> None:
        """The same platform message delivered twice (a lost acknowledgement, a platform retry)."""
        h = self.harness
        if isinstance(h, TelegramHarness):
            assert isinstance(self.user, int)
            update: dict[str, Any] = h.fake.text_update(self.user, text)
            await h.send(update, self.user)
            await h.fake.replay(update)
            await h.wait_handled(str(update["update_id"]), times=2)
            return
        assert isinstance(self.user, str)
        update = h.fake.message_update(self.user, text)
        await h.send(update, self.user)
        await h.fake.push(update)
        await h.wait_handled(update["message"]["message_id"], times=2)

    def sent_count(self) -> int:
        return len(self.harness.fake.sent(self.user))  # type: ignore[arg-type]

    def last(self) -> Said:
        """The last message the bot sent to this chat, however it was sent (a reply, the outbox)."""
        message = self.harness.fake.sent(self.user)[-1]  # type: ignore[arg-type]
        return _telegram(message) if isinstance(self.harness, TelegramHarness) else _zalo(message)


async def make_counselor(chat: Chat, code: str, number: int, *lines: str) -> Chat:
    """Another chat on the same platform: a counselor of the shipped counseling point, by invite."""
    bot, clock = chat.harness.bot, chat.harness.clock
    assert bot is not None
    async with bot.store.unit_of_work() as uow:
        await uow.invites.add(code, "counselor", "hcm-pham-ngu-lao-point", clock.now(), clock.now() + timedelta(days=1))
        await uow.commit()
    counselor = Chat(chat.harness, 6000 + number if chat.name == "telegram" else f"c0ffee{number:010d}")
    for line in (f"/start {code}", "1", "dong y", *lines):
        await counselor.say(line)
    return counselor


def outbox_sender(chat: Chat) -> Sender:
    """The real outbox sender on the harness's channels; its waits move the fake clock."""
    bot, clock = chat.harness.bot, chat.harness.clock
    assert bot is not None

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    return Sender(bot.store, clock, bot.core.channels(), offer=bot.core.offer, sleep=sleep)


def _telegram(message: dict[str, Any]) -> Said:
    markup = message.get("reply_markup") or {}
    options = [b["text"] for row in markup.get("inline_keyboard", []) for b in row]
    options += [b["text"] for row in markup.get("keyboard", []) for b in row]
    return Said(message["text"], options)


def _zalo(message: dict[str, Any]) -> Said:
    assert "reply_markup" not in message
    assert len(message["text"]) <= 2000
    text = message["text"]
    options = re.findall(r"^\d+\. (.+)$", text, flags=re.MULTILINE)
    if options:  # the text without its numbered list, as Telegram shows it above the buttons
        text = text[:text.index("\n\n1. ")]
    return Said(text, options)


@pytest.fixture(params=["telegram", "zalo"])
async def chat(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> AsyncIterator[Chat]:
    harness: TelegramHarness | ZaloHarness
    if request.param == "telegram":
        fake_t = await FakeTelegram().start()
        harness = TelegramHarness(fake_t, tmp_path, clock)
        user: int | str = 5001
    else:
        fake_z = await FakeZalo().start()
        harness = ZaloHarness(fake_z, tmp_path, clock)
        user = "7f3a9c1d2e4b5a60"
    await harness.start()
    yield Chat(harness, user)
    await harness.stop()
    await harness.fake.stop()
    assert not harness.fake.rejected, harness.fake.rejected


async def onboard(chat: Chat) -> list[Said]:
    await chat.say("/start")
    await chat.say("1")
    await chat.say("toi la nguoi nha")
    return await chat.say("dong y")


async def test_first_contact_to_the_main_menu_by_typing(chat: Chat) -> None:
    said = await chat.say("/start")
    assert "không phải công an" in said[0].text
    assert said[-1].options == ["Tiếng Việt", "English"]
    said = await chat.say("1")
    assert said[-1].options[1] == "Tôi là người nhà"
    said = await chat.say("toi la nguoi nha")
    assert said[-1].text.endswith("Bạn có đồng ý không?")
    said = await chat.say("dong y")
    assert len(said[-1].options) == 6 and said[-1].options[-1] == "🔒 Quyền riêng tư"


async def test_consent_is_given_by_a_sentence_of_assent_and_never_by_a_refusal(chat: Chat) -> None:
    for line in ("/start", "1", "toi la nguoi nha"):
        said = await chat.say(line)
    said = await chat.say("toi khong dong y")
    assert said[-1].text.endswith("Bạn có đồng ý không?")  # asked again: a refusal is not consent
    said = await chat.say("Có, tôi đồng ý")
    assert len(said[-1].options) == 6 and said[-1].options[-1] == "🔒 Quyền riêng tư"


async def test_a_first_question_is_answered_before_the_greeting(chat: Chat) -> None:
    said = await chat.say("methadone la gi vay")
    assert "thuốc thay thế" in said[0].text
    assert "không phải công an" in said[1].text


async def test_a_crisis_inside_a_flow_gets_the_crisis_reply_at_once(chat: Chat) -> None:
    await onboard(chat)
    await chat.say("/xoa")
    said = await chat.say("ban toi bat tinh roi khong tho")
    assert "115" in said[0].text


async def test_a_replayed_message_is_answered_once(chat: Chat) -> None:
    await onboard(chat)
    before = chat.sent_count()
    await chat.push_twice("methadone la gi")
    assert chat.sent_count() - before == 1


async def test_a_restart_in_the_middle_of_a_flow_continues_it(chat: Chat) -> None:
    await chat.say("/start")
    await chat.say("english")
    await chat.harness.restart()
    said = await chat.say("family")
    assert "Do you agree?" in said[-1].text


async def test_erasing_leaves_nothing_behind(chat: Chat) -> None:
    await onboard(chat)
    await chat.say("/xoa")
    said = await chat.say("xoa het")
    assert "đã xóa" in said[0].text.lower()
    rows = await chat.harness.rows()
    dumped = repr({k: v for k, v in rows.items() if k != "usage"})
    assert str(chat.user) not in dumped
    assert rows["people"] == [] and rows["sessions"] == []


async def test_bad_input_gets_a_kind_answer(chat: Chat) -> None:
    await onboard(chat)
    said = await chat.say("/khongco")
    assert "/khongco" in said[0].text
    said = await chat.say("🙏🙏🙏")
    assert said and said[0].text
    said = await chat.say("a" * 10_000)
    assert said and said[0].text


async def test_finding_a_site_by_a_typed_place(chat: Chat) -> None:
    await onboard(chat)
    said = await chat.say("tim co so")
    assert said[-1].options[0] == "💊 Điều trị / cấp phát methadone"
    said = await chat.say("1")
    assert ("Bấm nút" in said[0].text) is (chat.name == "telegram")  # Zalo has no location button
    said = await chat.say("Hoài Đức")
    assert "Cơ sở điều trị Methadone Hoài Đức" in said[0].text
    assert "Giờ mở cửa: danh sách chưa có" in said[0].text


async def test_a_dose_reminder_reaches_the_person_and_is_answered_by_typing(chat: Chat) -> None:
    await onboard(chat)
    said = await chat.say("nhắc tôi 7h sáng mỗi ngày")
    assert "07:00" in said[0].text
    bot, clock = chat.harness.bot, chat.harness.clock
    assert bot is not None
    sender = outbox_sender(chat)
    clock.advance(timedelta(days=1))  # past tomorrow's 07:00 (the harness clock starts at 08:00 Hà Nội)
    local = clock.now().astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    clock.advance(timedelta(hours=7 - local.hour, minutes=1 - local.minute))
    before = chat.sent_count()
    await claim_due(bot.store, bot.catalogs, clock.now())
    assert await sender.drain() == 1
    reminder = chat.last()
    assert chat.sent_count() == before + 1
    assert reminder.text == "⏰ Nhắc nhẹ: đến giờ hẹn hằng ngày của bạn (07:00)."
    assert reminder.options == ["✅ Đã đi", "Hôm nay chưa đi được"]
    said = await chat.say("1")
    assert said[0].text == "👍 Cảm ơn bạn. Hẹn ngày mai."


async def test_a_counselor_on_duty_gets_the_crisis_alert_on_the_same_platform(chat: Chat) -> None:
    counselor = await make_counselor(chat, "DUTY2345", 2, "/truc")
    assert counselor.last().text.startswith("Bạn đang trực")
    await onboard(chat)
    said = await chat.say("ban toi bat tinh roi")
    assert "115" in said[0].text
    before = counselor.sent_count()
    assert await outbox_sender(chat).drain() == 1
    assert counselor.sent_count() == before + 1
    alert = counselor.last().text
    assert alert.startswith("🚨 ") and "bat tinh" not in alert


async def test_booking_with_a_person_and_a_counselor_on_the_same_platform(chat: Chat) -> None:
    counselor = await make_counselor(chat, "BOOKE2E2", 3, "/gio T2-T7 8:00-17:00")
    assert counselor.last().text.startswith("Đã lưu giờ làm việc")
    sender = outbox_sender(chat)
    await onboard(chat)
    await chat.say("dat lich tu van")
    await chat.say("1")  # the point
    await chat.say("gap truc tiep")
    said = await chat.say("chuyen khac")
    assert said[0].text.startswith("Chọn một giờ còn trống")
    await chat.say("mai 9h30")  # 45-minute slots from 8:00: 8:00, 8:45, 9:30
    said = await chat.say("dat lich")
    assert said[0].text.startswith("Đã gửi yêu cầu đặt lịch")
    await sender.drain()
    notice = counselor.last()
    assert notice.text.startswith("📅 Lịch hẹn mới") and notice.options[0] == "✅ Xác nhận"
    said = await counselor.say("1")  # confirm, typed
    assert said[0].text.startswith("Đã xác nhận")
    await sender.drain()
    told = chat.last()
    assert told.text.startswith("✅ Lịch hẹn") and "lúc 09:30" in told.text
    # "My appointments": cancelled by typing, and the counselor is told.
    await chat.say("/menu")
    said = await chat.say("dat lich tu van")
    assert said[0].text.startswith("Lịch hẹn của bạn:") and said[0].options[1].startswith("Hủy lịch")
    said = await chat.say("2")
    assert said[0].text == "Đã hủy lịch hẹn và báo tư vấn viên."
    await sender.drain()
    assert "đã hủy lịch hẹn" in counselor.last().text


async def test_propose_no_show_and_a_chat_both_ways_on_the_same_platform(chat: Chat) -> None:
    bot, clock = chat.harness.bot, chat.harness.clock
    assert bot is not None
    counselor = await make_counselor(chat, "CHATE2E2", 4, "/gio T2-T7 8:00-17:00", "/truc")
    sender = outbox_sender(chat)

    await onboard(chat)
    # A chat, both ways.
    await chat.say("noi chuyen voi tu van vien")
    said = await chat.say("1")
    assert said[0].text.startswith("Mình đã báo tư vấn viên đang trực")
    await sender.drain()
    assert counselor.last().options == ["Nhận trò chuyện"]
    await counselor.say("1")
    await chat.say("tôi muốn hỏi riêng")
    await sender.drain()
    assert counselor.last().text.endswith(": tôi muốn hỏi riêng")
    await counselor.say("Bạn cứ hỏi nhé")
    await sender.drain()
    assert chat.last().text == "💬 Tư vấn viên: Bạn cứ hỏi nhé"
    await chat.say("/ketthuc")
    await sender.drain()
    assert counselor.last().text == "Cuộc trò chuyện đã được kết thúc."
    # A booking, another time proposed and accepted, then a no-show.
    await chat.say("/menu")
    for line in ("dat lich tu van", "1", "gap truc tiep", "chuyen khac", "mai 9h30", "dat lich"):
        said = await chat.say(line)
    await sender.drain()
    assert counselor.last().options[1] == "Đề nghị giờ khác"
    said = await counselor.say("2")  # propose
    assert said[0].text == "Chọn giờ muốn đề nghị:" and len(said) == 1  # the ended chat's step is gone
    await counselor.say("1")  # the first free time
    await sender.drain()
    assert chat.last().text.startswith("📅 Tư vấn viên đề nghị đổi lịch hẹn")
    said = await chat.say("dong y")
    assert said[0].text.startswith("✅ Đã chốt lịch hẹn")
    clock.advance(timedelta(days=3))
    await sender.drain()
    after = counselor.last()
    assert after.text.startswith("Buổi hẹn với") and after.options == ["Đã đến", "Không đến"]
    said = await counselor.say("khong den")
    assert said[0].text == "Đã ghi. Cảm ơn bạn."
    async with bot.store.unit_of_work() as uow:
        stats = await uow.appointments.stats()
    assert [(r["status"], r["n"]) for r in stats] == [("no_show", 1)]
