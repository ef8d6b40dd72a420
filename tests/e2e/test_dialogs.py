"""Dialogs one step off the happy path, on Telegram and on Zalo: typed answers where buttons were
expected, something else said in the middle of a step, a change of mind, staff typing what they mean.
Each flow either finishes what it started or says plainly that it did not; nothing is dropped silently.

The harness clock starts on Monday 23/11/2026 at 08:00 in Hà Nội; a counselor with "T2-T7
8:00-17:00" and the default 45-minute slots has 08:00, 08:45, 09:30, 10:15, 11:00 … free, and
bookings start two hours ahead."""

from __future__ import annotations

from datetime import timedelta

from bot.services.reminders import claim_due
from tests.e2e.conftest import Chat, make_counselor, onboard, outbox_sender


async def to_time_step(chat: Chat) -> list[str]:
    await chat.say("dat lich tu van")
    await chat.say("1")  # the point
    await chat.say("gap truc tiep")
    said = await chat.say("chuyen khac")
    assert said[0].text.startswith("Chọn một giờ còn trống")
    return said[0].options


async def booked_tomorrow_at_nine_thirty(chat: Chat) -> Chat:
    counselor = await make_counselor(chat, "DLG23456", 7, "/gio T2-T7 8:00-17:00")
    await onboard(chat)
    await to_time_step(chat)
    await chat.say("mai 9h30")
    said = await chat.say("có")  # a typed yes at the summary books
    assert said[0].text.startswith("Đã gửi yêu cầu đặt lịch Thứ Ba, 24/11 lúc 09:30")
    return counselor


async def test_a_point_name_is_shown_whole_and_a_typed_province_is_acknowledged(chat: Chat) -> None:
    await make_counselor(chat, "NAME2345", 1, "/gio T2-T7 8:00-17:00")
    await onboard(chat)
    said = await chat.say("dat lich tu van")
    assert said[0].options == ["Điểm tư vấn phường Phạm Ngũ Lão"]  # the ward kept, the long title shortened
    said = await chat.say("Hồ Chí Minh")  # typed instead of chosen
    assert said[0].text == "Điểm tư vấn bạn chọn: Điểm tư vấn phường Phạm Ngũ Lão."
    assert said[1].text == "Bạn muốn gặp theo cách nào?"


async def test_words_at_the_time_step_keep_the_booking_and_times_go_to_the_nearest(chat: Chat) -> None:
    await make_counselor(chat, "NEAR2345", 2, "/gio T2-T7 8:00-17:00")
    await onboard(chat)
    first_times = await to_time_step(chat)
    for stray in ("ok", "0912345678"):
        said = await chat.say(stray)
        assert said[0].text.startswith("Mình chưa thấy ngày giờ")
        assert said[0].options == first_times  # the same times again: kind and topic kept
    said = await chat.say("methadone là gì")  # a question is answered, then the times again
    assert "thuốc" in said[0].text and said[-1].options == first_times
    said = await chat.say("mai 10h")  # not a start time with 45-minute slots
    assert said[0].text.startswith("Thứ Ba, 24/11 lúc 10:00 không còn trống. Các giờ trống gần nhất:")
    assert said[0].options == [f"Thứ Ba, 24/11 lúc {t}" for t in ("08:00", "08:45", "09:30", "10:15", "11:00", "11:45")]
    said = await chat.say("chiều mai 3 giờ")  # afternoon said first: 15:00, not 03:00
    assert said[0].text.startswith("Thứ Ba, 24/11 lúc 15:00 không còn trống")
    assert "Thứ Ba, 24/11 lúc 14:45" in said[0].options and "Thứ Ba, 24/11 lúc 15:30" in said[0].options
    said = await chat.say("3 rưỡi chiều mai")
    assert "Thứ Ba, 24/11 lúc 15:30" in said[0].text
    said = await chat.say("ok dat di")
    assert said[0].text.startswith("Đã gửi yêu cầu đặt lịch Thứ Ba, 24/11 lúc 15:30")


async def test_a_weekday_that_does_not_exist_or_a_day_gone_is_said_and_the_time_asked_again(chat: Chat) -> None:
    await make_counselor(chat, "DAYS2345", 10, "/gio T2-T7 8:00-17:00")
    await onboard(chat)
    first_times = await to_time_step(chat)
    said = await chat.say("thứ 8 lúc 9h")
    assert said[0].text.startswith("«thứ 8» không phải một ngày có thật"), said
    assert said[-1].options == first_times, said
    said = await chat.say("hôm qua 9h")
    assert said[0].text.startswith("«hôm qua» đã qua rồi"), said
    said = await chat.say("mai 9h30")
    assert "Thứ Ba, 24/11 lúc 09:30" in said[0].text, said


async def test_a_no_at_the_summary_books_nothing(chat: Chat) -> None:
    await make_counselor(chat, "NONO2345", 3, "/gio T2-T7 8:00-17:00")
    await onboard(chat)
    await to_time_step(chat)
    await chat.say("1")
    said = await chat.say("thôi")
    assert said[0].text.startswith("Chưa đặt lịch nào")
    assert not (await chat.harness.rows())["appointments"]


async def test_leaving_in_the_middle_of_a_booking_stops_it_and_brings_the_menu_back(chat: Chat) -> None:
    """"hủy", "thôi không đặt nữa", "never mind" in a step that does not take them: the feature stops there, said so,
    and the menu comes back; not "outside what I can help with", the plain question whether anyone is in danger, or
    the step asked again."""
    await make_counselor(chat, "LEAV2345", 4, "/gio T2-T7 8:00-17:00")
    await onboard(chat)
    for leave in ("hủy", "thôi không đặt nữa", "never mind"):
        await chat.say("dat lich tu van")
        said = await chat.say("1")  # the point
        assert said[0].text == "Bạn muốn gặp theo cách nào?", said
        said = await chat.say(leave)
        assert said[0].text.startswith(("Được, mình dừng ở đây", "OK, I've stopped there")), (leave, said)
        assert said[-1].text.startswith(("Bạn cần gì?", "What do you need?")), said
    said = await chat.say("1")  # the menu's first item now, not a way to meet
    assert "Bạn muốn gặp theo cách nào?" not in [s.text for s in said], said
    assert not (await chat.harness.rows())["appointments"]


async def test_a_question_or_a_language_asked_at_the_point_step_is_no_place_searched(chat: Chat) -> None:
    """At "which point?", words that name no point and no place but ask something else are answered, and the point is
    asked again; a place the list lacks is still searched."""
    await make_counselor(chat, "PNTQ2345", 5, "/gio T2-T7 8:00-17:00")
    await onboard(chat)
    await chat.say("dat lich tu van")
    said = await chat.say("methadone là gì")
    assert said[0].text.startswith("Methadone là") and said[-1].text.startswith("Bạn muốn gặp tư vấn viên ở điểm nào")
    said = await chat.say("english please")
    assert said[0].text == "Switched to English." and said[-1].text.startswith("At which point"), said
    said = await chat.say("Long Biên")  # written with Vietnamese marks: answered in Vietnamese
    assert said[0].text.startswith(("No point there takes bookings", "Không thấy điểm nào ở đó")), said


async def test_leaving_or_a_language_at_the_where_step_of_the_site_finder_is_no_place(chat: Chat) -> None:
    await onboard(chat)
    await chat.say("tìm cơ sở")
    said = await chat.say("1")
    assert said[0].text.startswith("Bạn ở gần đâu?"), said
    said = await chat.say("english please")
    assert said[0].text == "Switched to English." and said[-1].text.startswith("Where are you?"), said
    said = await chat.say("never mind")
    assert said[0].text.startswith("OK, I've stopped there"), said


async def test_a_yes_to_a_list_that_asks_no_yes_or_no_asks_which_one_with_the_same_choices(chat: Chat) -> None:
    await booked_tomorrow_at_nine_thirty(chat)
    listed = await chat.say("hủy lịch hẹn")
    assert listed[0].text.startswith("Lịch hẹn của bạn"), listed
    said = await chat.say("có")
    assert said[0].text.startswith("Bạn muốn chọn mục nào?") and said[0].options == listed[0].options, said
    said = await chat.say("2")
    assert said[0].text.startswith("Đã hủy lịch hẹn"), said


async def test_a_few_words_a_step_does_not_take_are_an_answer_not_read_and_a_question_outside_is_said_so(
        chat: Chat) -> None:
    await make_counselor(chat, "ANSW2345", 6, "/gio T2-T7 8:00-17:00")
    await onboard(chat)
    await chat.say("đặt lịch tư vấn")
    await chat.say("1")
    said = await chat.say("xyz abc")
    assert said[0].text == "Mình chưa hiểu câu trả lời này." and said[-1].text == "Bạn muốn gặp theo cách nào?", said
    said = await chat.say("giá vàng hôm nay bao nhiêu vậy mọi người")
    assert said[0].text.startswith("Câu này nằm ngoài") and said[-1].text == "Bạn muốn gặp theo cách nào?", said


async def test_a_decline_with_a_typed_reason_tells_the_person(chat: Chat) -> None:
    counselor = await booked_tomorrow_at_nine_thirty(chat)
    sender = outbox_sender(chat)
    await sender.drain()
    assert (await counselor.latest()).options[2] == "Từ chối"
    said = await counselor.say("3")  # decline, typed
    assert said[0].text.startswith("Lý do từ chối")
    said = await counselor.say("bận")  # a reason, not "bạn" and the site finder
    assert said[0].text.startswith("Đã từ chối")
    await sender.drain()
    assert "bận" in (await chat.latest()).text
    assert [a["status"] for a in (await chat.harness.rows())["appointments"]] == ["declined"]


async def test_a_change_keeps_the_old_time_until_a_new_one_is_booked(chat: Chat) -> None:
    counselor = await booked_tomorrow_at_nine_thirty(chat)
    sender = outbox_sender(chat)
    await sender.drain()
    await counselor.say("1")  # confirmed
    await sender.drain()
    chat.harness.clock.advance(timedelta(hours=10))  # 18:00, the evening-before reminder
    await sender.drain()
    assert (await chat.latest()).options == ["Tôi sẽ đến", "Tôi cần đổi lịch"]
    said = await chat.say("Tôi cần đổi lịch")
    assert said[0].text == "Lịch hẹn Thứ Ba, 24/11 lúc 09:30 vẫn được giữ cho đến khi bạn đặt xong giờ mới."
    await sender.drain()
    assert "đã hủy" not in (await counselor.latest()).text  # nothing cancelled yet
    await chat.say("thu 4 14h")
    said = await chat.say("co")
    assert said[0].text.startswith("Đã đổi lịch hẹn Thứ Ba, 24/11 lúc 09:30 sang Thứ Tư, 25/11 lúc 14:00")
    statuses = sorted(a["status"] for a in (await chat.harness.rows())["appointments"])
    assert statuses == ["cancelled", "requested"]


async def test_erasing_tells_the_counselor_without_naming_anyone(chat: Chat) -> None:
    counselor = await booked_tomorrow_at_nine_thirty(chat)
    sender = outbox_sender(chat)
    await sender.drain()
    await counselor.say("1")
    await chat.say("/xoa")
    await chat.say("xoa het")
    await sender.drain()
    notice = (await counselor.latest()).text
    assert notice == ("📅 Lịch hẹn Thứ Ba, 24/11 lúc 09:30 (🏠 Gặp trực tiếp) đã hủy: "
                      "người hẹn đã xóa dữ liệu của mình khỏi bot.")
    said = await counselor.say("/lichhen")
    assert said[0].text.startswith("Hôm nay và 7 ngày tới bạn chưa có lịch hẹn nào")


async def test_a_new_counselor_is_told_the_point_the_first_step_and_the_commands(chat: Chat) -> None:
    counselor = await make_counselor(chat, "WELC2345", 4)
    welcome = (await counselor.latest()).text
    assert welcome.startswith("Chào bạn! Bạn đã là tư vấn viên của Điểm tư vấn phường Phạm Ngũ Lão.")
    assert "Việc đầu tiên: đặt giờ làm việc" in welcome and "/lichhen" in welcome
    said = await counselor.say("/gio")
    assert len(said) == 1 and "đồng ý" not in said[0].text  # no consent question trailing
    said = await counselor.say("/gio T2 đến T6 8h-11h30")
    assert said[0].text.startswith("Đã lưu giờ làm việc: Thứ 2–Thứ 6 8:00–11:30")


async def test_the_agenda_and_the_attendance_question_read_well_for_the_counselor(chat: Chat) -> None:
    counselor = await booked_tomorrow_at_nine_thirty(chat)
    said = await counselor.say("/lichhen")
    assert "(chờ bạn xác nhận)" in said[0].text
    sender = outbox_sender(chat)
    await sender.drain()
    await counselor.say("1")
    chat.harness.clock.advance(timedelta(days=1, hours=3))  # after the meeting
    await sender.drain()
    after = (await counselor.latest()).text
    assert after.startswith("Buổi hẹn với") and "vào Thứ Ba, 24/11 lúc 09:30" in after and after.count("lúc") == 1


async def test_a_reminder_asked_before_consent_is_set_after_it(chat: Chat) -> None:
    for line in ("/start", "1", "toi la nguoi nha"):
        await chat.say(line)
    await chat.say("chỉ hỏi đáp thôi")  # questions only: nothing kept
    said = await chat.say("nhắc tôi 15h22 mỗi ngày")
    assert "Đồng ý" in " ".join(said[-1].options) or "đồng ý" in said[-1].text.lower()
    said = await chat.say("đồng ý")
    assert any("15:22" in s.text for s in said)
    said = await chat.say("/menu")
    said = await chat.say("nhac lich")
    assert "15:22" in said[0].text


async def test_a_reminder_is_answered_as_the_platform_allows(chat: Chat) -> None:
    await onboard(chat)
    said = await chat.say("nhắc tôi 7h sáng mỗi ngày")
    if chat.name == "zalo":
        assert "trả lời 1 (đã đi) hoặc 2" in said[0].text and "bấm" not in said[0].text.lower()
    else:
        assert 'bấm "Đã đi"' in said[0].text
    bot, clock = chat.harness.bot, chat.harness.clock
    assert bot is not None
    clock.advance(timedelta(hours=23, minutes=1))  # tomorrow 07:01
    await claim_due(bot.store, bot.catalogs, clock.now())
    await outbox_sender(chat).drain()
    said = await chat.say("methadone là gì")  # something else first
    said = await chat.say("chưa")  # then the answer to the reminder
    assert said[0].text.startswith("Cảm ơn bạn đã báo")
    assert not any("Đặt nhắc" in o for s in said for o in s.options)


async def test_the_reminders_menu_shown_again_offers_what_fits_the_reminder_set(chat: Chat) -> None:
    await onboard(chat)
    await chat.say("nhắc tôi 6h30 sáng mỗi ngày")
    await chat.say("/menu")
    said = await chat.say("nhac lich")
    assert "06:30" in said[0].text
    said = await chat.say("methadone là gì")  # a question in the middle of the reminders menu
    options = " ".join(said[-1].options)
    assert "Đặt nhắc hằng ngày" not in options and "Đổi giờ" in options, said[-1].options


async def test_a_first_question_that_needs_a_choice_waits_for_the_end_of_first_contact(chat: Chat) -> None:
    said = await chat.say("cai")  # one word: "did you mean" one of several entries
    lists = [s for s in said if s.options]
    assert len(lists) == 1 and lists[0].options == ["Tiếng Việt", "English"]  # one list: "1" is unambiguous
    await chat.say("1")
    await chat.say("toi la nguoi nha")
    said = await chat.say("dong y")
    texts = [s.text for s in said]
    assert "Về tin nhắn đầu tiên của bạn:" in texts
    assert said[-1].options and "Bạn cần gì?" not in said[-1].text


async def test_the_menu_during_first_contact_keeps_its_question(chat: Chat) -> None:
    await chat.say("/start")
    said = await chat.say("/menu")
    assert said[0].text == "Menu sẽ hiện ngay sau câu hỏi này."
    assert said[-1].options == ["Tiếng Việt", "English"]
    said = await chat.say("1")  # still the language question
    assert said[-1].options[1] == "Tôi là người nhà"


async def test_a_menu_item_chosen_again_is_answered_again(chat: Chat) -> None:
    await onboard(chat)
    first = await chat.say("tim co so")
    again = await chat.say("tim co so")
    assert again and again[-1].options == first[-1].options
    if chat.name == "telegram":
        # Typed, then the same item's button pressed: both answered.
        said = await chat.press("m:sites")
        assert said and said[-1].options == first[-1].options
        said = await chat.press("m:sites")  # a true double tap within seconds: the menu opens again
        assert said and said[-1].options == first[-1].options
