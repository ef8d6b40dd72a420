"""Talking to a counselor through the bot: relayed both ways, neither sees the other's account, either
can end it; with nobody on duty the person is told honestly and the message waits; chat messages go
after the retention period."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.sites import read_sites
from scheduler.housekeeping import Retention, purge
from tests.core.test_sites import GOOD
from tests.rig import Rig, onboard
from tests.services.test_staff import make_staff

POINT = "hcm-pham-ngu-lao-point"


async def test_relayed_words_cannot_pass_for_the_bot_and_a_long_one_is_split_not_cut(rig: Rig) -> None:
    await make_staff(rig, "counselor", "c1", "FRAM2345", POINT)
    await rig.say("/truc", "c1")
    await onboard(rig, "p1")
    await rig.say("noi chuyen voi tu van vien", "p1")
    await rig.say("1", "p1")
    await rig.sender.drain()
    await rig.say("1", "c1")
    await rig.say("chào\n💬 Sông 5555: tôi là người khác\n🚨 Cảnh báo khẩn cấp", "p1")
    await rig.sender.drain()
    relayed = rig.texts("c1")[-1]
    assert all(line.startswith("┃ ") for line in relayed.splitlines()[1:])  # every line behind the bar
    long = " ".join(f"câu{n}" for n in range(900))  # about 5,800 characters
    await rig.say(long, "c1")
    await rig.sender.drain()
    parts = [t for t in rig.texts("p1") if t.startswith("💬 Tư vấn viên:")]
    assert len(parts) == 4 and all(len(p) <= 2000 for p in parts)
    assert [p.splitlines()[-1] for p in parts] == ["(1/4)", "(2/4)", "(3/4)", "(4/4)"]
    words = [w for p in parts for line in p.splitlines()[1:-1] for w in line.removeprefix("┃ ").split()]
    assert words == long.split()  # nothing cut


async def test_a_chat_relayed_both_ways_and_ended_by_either(rig: Rig) -> None:
    await make_staff(rig, "counselor", "c1", "TALK2345", POINT)
    await rig.say("/truc", "c1")
    await onboard(rig, "p1")
    await rig.say("/menu", "p1")
    texts = await rig.say("noi chuyen voi tu van vien", "p1")
    assert texts[0].startswith("Bạn muốn nói chuyện")
    texts = await rig.say("1", "p1")
    assert texts[0].startswith("Mình đã báo tư vấn viên đang trực")
    await rig.sender.drain()
    offer = [r for c, r, _ in rig.channel.sent if c == "c1"][-1]
    assert offer.text.endswith("muốn nói chuyện với tư vấn viên.")
    texts = await rig.say("1", "c1")  # take it, typed
    assert texts[0].startswith("Bạn đang trò chuyện với")
    await rig.say("dạo này tôi thấy rất mệt mỏi", "p1")
    await rig.say("Mình nghe đây, bạn kể thêm nhé", "c1")
    await rig.sender.drain()
    to_counselor = [t for t in rig.texts("c1") if t.startswith("💬 ")]
    to_person = [t for t in rig.texts("p1") if t.startswith("💬 ")]
    assert to_counselor[-1].endswith(":\n┃ dạo này tôi thấy rất mệt mỏi")
    assert to_person == ["💬 Tư vấn viên:\n┃ Mình nghe đây, bạn kể thêm nhé"]
    assert not any("p1" in t for t in rig.texts("c1")) and not any("c1" in t for t in rig.texts("p1"))
    texts = await rig.say("/ketthuc", "p1")
    assert texts[0].startswith("Đã kết thúc")
    await rig.sender.drain()
    assert rig.texts("c1")[-1] == "Cuộc trò chuyện đã được kết thúc."
    texts = await rig.say("còn ai không", "c1")
    assert texts[0] == "Cuộc trò chuyện đã kết thúc."


async def open_a_taken_chat(rig: Rig) -> None:
    """p1 asks to talk; c1, on duty at the point, takes the chat."""
    await make_staff(rig, "counselor", "c1", "TALK5678", POINT)
    await rig.say("/truc", "c1")
    await onboard(rig, "p1")
    await rig.say("/menu", "p1")
    await rig.say("noi chuyen voi tu van vien", "p1")
    await rig.say("1", "p1")
    await rig.sender.drain()
    await rig.say("1", "c1")  # take it


async def test_a_crisis_in_a_chat_reaches_the_counselor_and_a_counselors_advice_is_relayed(rig: Rig) -> None:
    await open_a_taken_chat(rig)
    texts = await rig.say("bạn tôi vừa chích xong giờ nằm im không thở", "p1")
    assert texts[0].startswith("🚨 Gọi 115") and "tư vấn viên" in texts[1]
    await rig.sender.drain()
    assert any(t.endswith(":\n┃ bạn tôi vừa chích xong giờ nằm im không thở") for t in rig.texts("c1"))
    texts = await rig.say("nếu bạn ấy bất tỉnh thì gọi 115 ngay, đặt nằm nghiêng", "c1")
    assert texts == []  # relayed, not read as the counselor's own crisis
    await rig.sender.drain()
    assert rig.texts("p1")[-1] == "💬 Tư vấn viên:\n┃ nếu bạn ấy bất tỉnh thì gọi 115 ngay, đặt nằm nghiêng"


async def test_words_typed_with_the_input_method_off_reach_the_counselor_readable_and_a_counselors_go_as_typed(
        rig: Rig) -> None:
    await open_a_taken_chat(rig)
    texts = await rig.say("banj tooi vuwaf chichs xong giowf namf im khoong thowr", "p1")
    assert texts[0].startswith("🚨 Gọi 115"), texts
    await rig.sender.drain()
    assert any(t.endswith(":\n┃ ban toi vua chich xong gio nam im khong tho") for t in rig.texts("c1"))
    await rig.say("banj ddeer tooi goij 115 nhes", "c1")
    await rig.sender.drain()
    assert rig.texts("p1")[-1] == "💬 Tư vấn viên:\n┃ banj ddeer tooi goij 115 nhes"


async def test_nobody_on_duty_is_said_plainly_and_the_message_waits(rig: Rig) -> None:
    await make_staff(rig, "counselor", "c1", "TALK3456", POINT)
    await onboard(rig, "p1")
    await rig.say("/menu", "p1")
    await rig.say("noi chuyen voi tu van vien", "p1")
    texts = await rig.say("1", "p1")
    assert texts[0].startswith("Lúc này chưa có tư vấn viên trực") and "115" in texts[1]
    texts = await rig.say("tôi cần người nói chuyện", "p1")
    assert texts[0].startswith("Đã lưu")
    texts = await rig.say("/truc", "c1")
    assert texts[1] == "1 người đang chờ nói chuyện:"
    texts = await rig.say("1", "c1")
    assert texts[0].endswith("Tin đã chờ:\n┃ tôi cần người nói chuyện")


async def test_chat_messages_are_deleted_after_the_retention_period(rig: Rig) -> None:
    await make_staff(rig, "counselor", "c1", "TALK4567", POINT)
    await onboard(rig, "p1")
    await rig.say("/menu", "p1")
    await rig.say("noi chuyen voi tu van vien", "p1")
    await rig.say("1", "p1")
    await rig.say("tin nhắn cũ", "p1")
    rig.clock.advance(timedelta(days=31))
    await purge(rig.bot.store, rig.clock, Retention(60, 7, 365, chat_days=30))
    assert (await rig.bot.store.table_rows())["chat_messages"] == []


def test_the_next_opening_of_a_site_with_hours() -> None:
    site = next(s for s in read_sites(GOOD) if s.hours)  # mon-sat 06:00-10:00; sun 06:00-08:00
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    monday_noon = datetime(2026, 11, 23, 12, 0, tzinfo=tz)
    assert site.open_at(monday_noon) is False
    assert site.next_opening(monday_noon) == datetime(2026, 11, 24, 6, 0, tzinfo=tz)


async def test_erasing_a_person_who_used_everything_leaves_no_row_about_them(rig: Rig) -> None:
    """/xoa after a booking, a chat, a group, a volunteer link and a reminder: no row anywhere still
    holds their id, account or alias (the audit keeps that a view happened, with the id emptied)."""
    from tests.services.test_booking import counselor_with_hours, to_time_step
    from tests.services.test_volunteers import link, make_volunteer

    await counselor_with_hours(rig)
    await rig.say("/truc", "c1")
    await rig.say("/nhom", "c1")
    for line in ("1", "Nhóm sáng", "thứ bảy tuần thứ hai 8h", "Trạm y tế"):
        await rig.say(line, "c1")
    await make_volunteer(rig)
    await onboard(rig, "p1")
    await to_time_step(rig)
    await rig.say("1", "p1")
    await rig.say("1", "p1")  # booked
    await rig.say("/nhom", "p1")
    await rig.say("1", "p1")  # joined the group
    await link(rig)
    await rig.say("nhac toi 7h moi ngay", "p1")
    await rig.say("/menu", "p1")
    await rig.say("noi chuyen voi tu van vien", "p1")
    await rig.say("1", "p1")
    await rig.say("tin nhắn riêng", "p1")
    await rig.sender.drain()
    rows = await rig.bot.store.table_rows()
    person = next(p for p in rows["people"] if p["channel_user_id"] == "p1")
    await rig.say("/xoa", "p1")
    await rig.say("xoa het", "p1")
    rows = await rig.bot.store.table_rows()
    refers = {"person_id", "volunteer_id", "counselor_id", "facilitator_id", "viewer_id", "used_by"}
    for table, table_rows in rows.items():
        for row in table_rows:
            if table == "people":
                assert row["id"] != person["id"]
                continue
            for column, value in row.items():
                assert not (column in refers and value == person["id"]), (table, row)
            assert person["alias"] not in repr(row), (table, row)
            assert "tin nhắn riêng" not in repr(row), (table, row)
    assert [r["person_id"] for r in rows["audit"]] and all(r["person_id"] is None for r in rows["audit"])


async def test_a_chat_continues_after_both_conversation_steps_expired(rig: Rig) -> None:
    await open_a_taken_chat(rig)
    rig.clock.advance(timedelta(hours=3))  # both steps expire (60 minutes)
    await rig.say("bạn còn đó không", "p1")
    await rig.say("Mình vẫn ở đây", "c1")
    await rig.sender.drain()
    assert rig.texts("c1")[-1].endswith(":\n┃ bạn còn đó không")
    assert rig.texts("p1")[-1] == "💬 Tư vấn viên:\n┃ Mình vẫn ở đây"


async def test_a_counselor_of_another_point_cannot_take_the_chat(rig: Rig) -> None:
    await make_staff(rig, "counselor", "c1", "TALK6789", POINT)
    await make_staff(rig, "counselor", "c9", "TALK7890", "another-point")
    await rig.say("/truc", "c1")
    await onboard(rig, "p1")
    await rig.say("/menu", "p1")
    await rig.say("noi chuyen voi tu van vien", "p1")
    await rig.say("1", "p1")
    texts = await rig.say(None, "c9", choice="chat:take:1")
    assert texts[0].startswith("Cuộc trò chuyện này đã có tư vấn viên khác nhận")
    texts = await rig.say(None, "c1", choice="chat:take:1")
    assert texts[0].startswith("Bạn đang trò chuyện với")


async def test_an_ok_after_a_crisis_inside_an_open_chat_reaches_the_counselor(rig: Rig) -> None:
    await make_staff(rig, "counselor", "c1", "OKAY2345", POINT)
    await rig.say("/truc", "c1")
    await onboard(rig, "p1")
    await rig.say("noi chuyen voi tu van vien", "p1")
    await rig.say("1", "p1")
    await rig.sender.drain()
    await rig.say("1", "c1")
    texts = await rig.say("bạn em bất tỉnh rồi, không thở", "p1")
    assert "115" in texts[0]
    texts = await rig.say("ok", "p1")  # in the chat, the counselor reads it: no line from the bot
    assert not any(t.startswith("Mình vẫn ở đây") for t in texts), texts
    await rig.sender.drain()
    assert rig.texts("c1")[-1].endswith(":\n┃ ok")
