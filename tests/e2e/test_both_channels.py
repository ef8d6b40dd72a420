"""The conversation scenarios, run on Telegram and on Zalo from one suite, each against its fake Bot API
on 127.0.0.1. Everything here is done by typing, as Zalo (no buttons) requires; Telegram's buttons have
their own tests. They run on both databases too."""

from __future__ import annotations

from datetime import timedelta

from tests.e2e.conftest import Chat, claim_at_seven_tomorrow, make_counselor, onboard, outbox_sender

ALSO_ON_POSTGRES = True  # every scenario here runs on SQLite and on PostgreSQL (tests/e2e/conftest.py)


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
    said = await chat.say("toi khong dong y")  # a refusal answers the question, and is never consent
    assert said[0].text.startswith("Được rồi") and "hỏi lại" in said[0].text
    assert len(said[-1].options) == 6 and said[-1].options[-1] == "🔒 Quyền riêng tư"
    said = await chat.say("dat lich tu van")
    assert said[-1].text.endswith("Bạn đồng ý chứ?")
    said = await chat.say("Có, tôi đồng ý")
    assert said[0].text.startswith("Cảm ơn bạn"), [s.text for s in said]


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
    assert "Danh sách chưa có điện thoại, giờ mở cửa" in said[0].text and len(said[0].text) < 400


async def test_a_dose_reminder_reaches_the_person_and_is_answered_by_typing(chat: Chat) -> None:
    await onboard(chat)
    said = await chat.say("nhắc tôi 7h sáng mỗi ngày")
    assert "07:00" in said[0].text
    sender = outbox_sender(chat)
    await claim_at_seven_tomorrow(chat)
    before = chat.sent_count()
    assert await sender.drain() == 1
    reminder = (await chat.latest())
    # On Telegram a neutral line rings first and the reminder follows silently (docs/privacy.md).
    assert chat.sent_count() == before + (2 if chat.name == "telegram" else 1)
    assert reminder.text == "⏰ Nhắc nhẹ: đến giờ hẹn hằng ngày của bạn (07:00)."
    assert reminder.options == ["✅ Đã đi", "Hôm nay chưa đi được"]
    said = await chat.say("1")
    assert said[0].text == "👍 Cảm ơn bạn. Hẹn ngày mai."


async def test_a_counselor_on_duty_gets_the_crisis_alert_on_the_same_platform(chat: Chat) -> None:
    counselor = await make_counselor(chat, "DUTY2345", 2, "/truc")
    assert (await counselor.latest()).text.startswith("Bạn đang trực")
    await onboard(chat)
    said = await chat.say("ban toi bat tinh roi")
    assert "115" in said[0].text
    before = counselor.sent_count()
    assert await outbox_sender(chat).drain() == 1
    assert counselor.sent_count() == before + (2 if chat.name == "telegram" else 1)  # a neutral line first
    alert = (await counselor.latest()).text
    assert alert.startswith("🚨 ") and "bat tinh" not in alert


# A question in which only the statistical reader hears a danger: the bot asks plainly whether anyone is in danger.
ASKED_PLAINLY = "Mai em lên trạm xin vào chương trình uống thuốc nước, em cần cầm theo những gì để người ta nhận đơn?"


async def test_a_yes_to_the_plain_question_of_danger_is_a_crisis_and_alerts_the_counselor(chat: Chat) -> None:
    counselor = await make_counselor(chat, "CHECK234", 5, "/truc")
    await onboard(chat)
    said = await chat.say(ASKED_PLAINLY)
    assert "có đang gặp nguy hiểm" in said[0].text
    sender = outbox_sender(chat)
    assert await sender.drain() == 0  # asking alerts nobody
    said = await chat.say("dạ có")
    assert all(number in said[0].text for number in ("115", "113", "111", "096.306.1414")), said[0].text
    assert said[-1].options == ["💬 Nói chuyện với tư vấn viên"]
    assert await sender.drain() == 1
    assert (await counselor.latest()).text.startswith("🚨 ")
    said = await chat.say("ok")  # after the numbers, an ok gets the number again, not a cheerful "anything else?"
    assert said[0].text.startswith("Mình vẫn ở đây với bạn") and "115" in said[0].text, said[0].text
    said = await chat.say("cảm ơn")  # once only: then small talk is small talk again
    assert said[0].text.startswith("Không có gì"), said[0].text


async def test_a_no_to_the_plain_question_of_danger_inside_a_flow_gives_the_flow_back(chat: Chat) -> None:
    await onboard(chat)
    await chat.say("/xoa")
    said = await chat.say(ASKED_PLAINLY)
    assert "có đang gặp nguy hiểm" in said[0].text
    said = await chat.say("không, em ổn")  # the answer to the question on screen, not to the erase question
    assert said[0].text.startswith("Mình mừng là bạn đang an toàn"), said[0].text
    assert "xóa" in said[-1].text.lower(), said[-1].text  # the erase question again, nothing erased
    said = await chat.say("khong")
    assert said[0].text.startswith("Không xóa"), said[0].text


async def test_an_ok_after_a_crisis_reply_gets_the_number_again(chat: Chat) -> None:
    await onboard(chat)
    said = await chat.say("ban toi bat tinh roi khong tho")
    assert "115" in said[0].text
    said = await chat.say("👍")
    assert said[0].text.startswith("Mình vẫn ở đây với bạn") and "115" in said[0].text, said[0].text
    said = await chat.say("co")  # no question is open now: a bare yes is acknowledged
    assert said[0].text.startswith("Dạ"), said[0].text


async def test_booking_with_a_person_and_a_counselor_on_the_same_platform(chat: Chat) -> None:
    counselor = await make_counselor(chat, "BOOKE2E2", 3, "/gio T2-T7 8:00-17:00")
    assert (await counselor.latest()).text.startswith("Đã lưu giờ làm việc")
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
    notice = (await counselor.latest())
    assert notice.text.startswith("📅 Lịch hẹn mới") and notice.options[0] == "✅ Xác nhận"
    said = await counselor.say("1")  # confirm, typed
    assert said[0].text.startswith("Đã xác nhận")
    await sender.drain()
    told = (await chat.latest())
    assert told.text.startswith("✅ Lịch hẹn") and "lúc 09:30" in told.text
    # "My appointments": cancelled by typing, and the counselor is told.
    await chat.say("/menu")
    said = await chat.say("dat lich tu van")
    assert said[0].text.startswith("Lịch hẹn của bạn:") and said[0].options[1].startswith("Hủy lịch")
    said = await chat.say("2")
    assert said[0].text == "Đã hủy lịch hẹn và báo tư vấn viên."
    await sender.drain()
    assert "đã hủy lịch hẹn" in (await counselor.latest()).text


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
    assert (await counselor.latest()).options == ["Nhận trò chuyện"]
    await counselor.say("1")
    await chat.say("tôi muốn hỏi riêng")
    await sender.drain()
    assert (await counselor.latest()).text.endswith(":\n┃ tôi muốn hỏi riêng")
    await counselor.say("Bạn cứ hỏi nhé")
    await sender.drain()
    assert (await chat.latest()).text == "💬 Tư vấn viên:\n┃ Bạn cứ hỏi nhé"
    await chat.say("/ketthuc")
    await sender.drain()
    assert (await counselor.latest()).text == "Cuộc trò chuyện đã được kết thúc."
    # A booking, another time proposed and accepted, then a no-show.
    await chat.say("/menu")
    for line in ("dat lich tu van", "1", "gap truc tiep", "chuyen khac", "mai 9h30", "dat lich"):
        said = await chat.say(line)
    await sender.drain()
    assert (await counselor.latest()).options[1] == "Đề nghị giờ khác"
    said = await counselor.say("2")  # propose
    assert said[0].text == "Chọn giờ muốn đề nghị:" and len(said) == 1  # the ended chat's step is gone
    await counselor.say("1")  # the first free time
    await sender.drain()
    assert (await chat.latest()).text.startswith("📅 Tư vấn viên đề nghị đổi lịch hẹn")
    said = await chat.say("dong y")
    assert said[0].text.startswith("✅ Đã chốt lịch hẹn")
    clock.advance(timedelta(days=3))
    await sender.drain()
    after = (await counselor.latest())
    assert after.text.startswith("Buổi hẹn với") and after.options == ["Đã đến", "Không đến"]
    said = await counselor.say("khong den")
    assert said[0].text == "Đã ghi. Cảm ơn bạn."
    rows = (await bot.store.table_rows())["appointments"]
    assert [r["status"] for r in rows] == ["no_show"]
