"""Booking counseling: a counselor's hours by conversation, free slots, typed
times, a phone number only for a phone meeting, the counselor's notice with Confirm / Decline, the
person told of each outcome, reminders that a cancellation takes back, and the 50-way race for one
slot: exactly one succeeds, the others are offered other times."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.config import PROJECT_ROOT, ConfigError, load_settings
from bot.i18n import Catalogs
from bot.messages import Incoming
from bot.services.reminder_kinds.appointment import reminders_for
from bot.services.reports import appointments_so_far
from bot.setting_grammars import parse_appointment_reminders as parse_reminder_setting
from bot.store.records import Address, Appointment
from tests.rig import Rig, onboard
from tests.services.test_staff import make_staff

POINT = "hcm-pham-ngu-lao-point"  # a counseling point of the shipped site list


async def counselor_with_hours(rig: Rig) -> None:
    await make_staff(rig, "counselor", "c1", "BOOK2345", POINT)
    texts = await rig.say("/gio T2-T6 8:00-11:30, 13:30-16:30 (30 phút)", "c1")
    assert texts[0] == "Đã lưu giờ làm việc: Thứ 2–Thứ 6 8:00–11:30, 13:30–16:30; mỗi buổi 30 phút."


async def to_time_step(rig: Rig, user: str = "p1", kind: str = "1") -> list[str]:
    await rig.say("/menu", user)
    texts = await rig.say("dat lich tu van", user)
    assert texts[0].startswith("Bạn muốn gặp tư vấn viên ở điểm nào?")
    await rig.say("1", user)  # the point
    await rig.say(kind, user)  # 1 in person, 2 phone
    return await rig.say("5", user)  # topic: something else


async def test_book_confirm_and_the_person_is_told(rig: Rig) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, "p1")
    texts = await to_time_step(rig)
    # Monday 06:00 now: the first free slot is two hours ahead, 08:00.
    assert texts[0].startswith("Chọn một giờ còn trống")
    texts = await rig.say("1", "p1")
    assert "Thứ Hai, 23/11 lúc 08:00" in texts[0] and "Gặp trực tiếp" in texts[0]
    texts = await rig.say("1", "p1")
    assert texts[0].startswith("Đã gửi yêu cầu đặt lịch Thứ Hai, 23/11 lúc 08:00")
    await rig.sender.drain()
    notice = [r for c, r, _ in rig.channel.sent if c == "c1"][-1]
    person_alias = next(p["alias"] for p in (await rig.bot.store.table_rows())["people"]
                        if p["channel_user_id"] == "p1")
    assert notice.text.startswith(f"📅 Lịch hẹn mới: {person_alias}, Thứ Hai, 23/11 lúc 08:00")
    texts = await rig.say(None, "c1", choice=notice.choices[0].key)  # confirm
    assert texts[0].startswith("Đã xác nhận")
    await rig.sender.drain()
    assert rig.texts("p1")[-1] == "✅ Lịch hẹn Thứ Hai, 23/11 lúc 08:00 đã được tư vấn viên xác nhận."
    rows = await rig.bot.store.table_rows()
    assert [r["status"] for r in rows["appointments"]] == ["confirmed"]
    assert [r["what"] for r in rows["audit"]] == ["appointment notice"]


async def test_typed_times_phone_meetings_and_a_decline_with_reason(rig: Rig) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, "p1")
    await to_time_step(rig, kind="2")  # phone
    texts = await rig.say("32/13", "p1")
    assert texts[0].startswith("«32/13» không phải một ngày có thật")
    texts = await rig.say("thứ 7", "p1")  # no hours on Saturday
    assert texts[0] == "Ngày đó không còn giờ trống."
    texts = await rig.say("mai 14h", "p1")
    assert texts[0].startswith("Số điện thoại để tư vấn viên gọi")
    texts = await rig.say("số tôi là abc", "p1")
    assert texts[0].startswith("Mình chưa đọc được số")
    texts = await rig.say("0912 345 678", "p1")
    assert "Thứ Ba, 24/11 lúc 14:00" in texts[0] and "0912 345 678" in texts[0]
    await rig.say("dat lich", "p1")
    await rig.sender.drain()
    notice = [r for c, r, _ in rig.channel.sent if c == "c1"][-1]
    assert "Số gọi: 0912 345 678" in notice.text
    assert [c.label for c in notice.choices] == ["✅ Xác nhận", "Đề nghị giờ khác", "Từ chối"]
    await rig.say(None, "c1", choice=notice.choices[2].key)  # decline
    await rig.say("Hôm đó tôi đi tập huấn", "c1")
    await rig.sender.drain()
    assert "chưa được nhận: Hôm đó tôi đi tập huấn" in rig.texts("p1")[-1]


async def test_a_day_and_time_said_when_asking_to_book_are_taken_at_the_time_step(rig: Rig) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, "p1")
    texts = await rig.say("cho em đặt lịch hẹn tư vấn chiều mai 2h", "p1")
    assert texts[0].startswith("Bạn muốn gặp tư vấn viên ở điểm nào?")
    await rig.say("1", "p1")  # the point
    await rig.say("1", "p1")  # in person
    texts = await rig.say("5", "p1")  # topic: the time said at first is free, so it is taken, not asked
    assert "Thứ Ba, 24/11 lúc 14:00" in texts[0] and "Gặp trực tiếp" in texts[0], texts
    texts = await rig.say("1", "p1")
    assert texts[0].startswith("Đã gửi yêu cầu đặt lịch Thứ Ba, 24/11 lúc 14:00")


async def test_a_talk_with_a_counselor_on_a_day_to_come_is_an_appointment_with_that_day(rig: Rig) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, "p1")
    texts = await rig.say("muốn nói chuyện với tư vấn viên chiều mai 2h được không", "p1")
    assert texts[0].startswith("Bạn muốn gặp tư vấn viên ở điểm nào?"), texts
    await rig.say("1", "p1")  # the point
    await rig.say("1", "p1")  # in person
    texts = await rig.say("5", "p1")  # topic: the day and time said at first are taken
    assert "Thứ Ba, 24/11 lúc 14:00" in texts[0], texts


async def test_reminders_come_before_and_a_cancellation_takes_them_back(rig: Rig) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, "p1")
    await to_time_step(rig)
    await rig.say("25/11 9h", "p1")
    await rig.say("1", "p1")
    keys = sorted(str(r["key"]) for r in await rig.outbox())
    # Booked under three days ahead: two reminders; and the counselor's "did they come?" after it.
    assert keys == ["apt1:after:202611250200", "apt1:new", "apt1:r:eve:202611250200",
                    "apt1:r:morning:202611250200"]
    rig.clock.advance(datetime(2026, 11, 24, 11, 0, tzinfo=UTC) - rig.clock.now())  # 18:00 the day before
    await rig.sender.drain()
    reminder = [r for c, r, _ in rig.channel.sent if c == "p1"][-1]
    assert reminder.text == "📅 Nhắc lịch hẹn của bạn: Thứ Tư, 25/11 lúc 09:00."
    texts = await rig.say("2", "p1")  # I need to change it: the old one is kept until a new one is booked
    assert texts[0] == "Lịch hẹn Thứ Tư, 25/11 lúc 09:00 vẫn được giữ cho đến khi bạn đặt xong giờ mới."
    assert texts[1].startswith("Chọn một giờ còn trống")
    statuses = {str(r["key"]): r["status"] for r in await rig.outbox()}
    assert statuses["apt1:r:morning:202611250200"] == "pending"
    await rig.say("thu 6 10h", "p1")
    texts = await rig.say("co", "p1")
    assert texts[0] == "Đã đổi lịch hẹn Thứ Tư, 25/11 lúc 09:00 sang Thứ Sáu, 27/11 lúc 10:00. " \
        "Tư vấn viên sẽ xác nhận giờ mới; mình sẽ báo bạn."
    statuses = {str(r["key"]): r["status"] for r in await rig.outbox()}
    assert statuses["apt1:r:morning:202611250200"] == "cancelled"
    assert statuses["apt1:after:202611250200"] == "cancelled"
    await rig.sender.drain()
    told = rig.texts("c1")[-2:]
    assert any("đã đổi lịch hẹn Thứ Tư, 25/11 lúc 09:00" in t for t in told)
    assert any(t.startswith("📅 Lịch hẹn mới") and "Thứ Sáu, 27/11 lúc 10:00" in t for t in told)


async def test_a_change_left_half_way_keeps_the_old_appointment(rig: Rig) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, "p1")
    await to_time_step(rig)
    await rig.say("25/11 9h", "p1")
    await rig.say("1", "p1")
    await rig.say("/menu", "p1")
    texts = await rig.say("dat lich tu van", "p1")
    assert texts[0].startswith("Lịch hẹn của bạn:")
    await rig.say("1", "p1")  # change it
    texts = await rig.say("ok", "p1")  # not a time: the same times again, nothing lost
    assert texts[0].startswith("Mình chưa thấy ngày giờ") and len(rig.last_replies[0].choices) > 1
    await rig.say("mai 15h", "p1")
    texts = await rig.say("thoi", "p1")  # not now
    assert texts[0] == "Chưa đổi gì: lịch hẹn cũ vẫn giữ nguyên."
    rows = await rig.bot.store.table_rows()
    assert [r["status"] for r in rows["appointments"]] == ["requested"]


async def test_fifty_simultaneous_requests_for_one_slot_book_it_once(rig: Rig) -> None:
    await counselor_with_hours(rig)
    people = [f"r{n}" for n in range(50)]
    for user in people:
        await onboard(rig, user)
        await to_time_step(rig, user)
        await rig.say("1", user)  # everyone picks the same first slot and sees the summary
    rig.events += 1
    outcomes = await asyncio.gather(*(
        rig.bot.core.handle(Incoming("test", user, user, f"race-{user}", text="1")) for user in people))
    booked = [o for o in outcomes if o.handler == "booking:booked"]
    refused = [o for o in outcomes if o.handler == "booking:slot_taken"]
    assert len(booked) == 1 and len(refused) == 49
    assert all(o.replies[1].choices and o.replies[1].choices[0].key.endswith("202611230130") for o in refused)
    rows = await rig.bot.store.table_rows()
    assert len([r for r in rows["appointments"] if r["status"] == "requested"]) == 1
    # The refused are still in the flow, at the time step: one tap books the next free slot.
    texts = await rig.say("1", people[1] if booked[0] is not outcomes[1] else people[2])
    assert "Thứ Hai, 23/11 lúc 08:30" in texts[0]


async def test_another_time_proposed_and_accepted_then_attendance_and_satisfaction(rig: Rig) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, "p1")
    await to_time_step(rig)
    await rig.say("1", "p1")
    await rig.say("1", "p1")  # booked Monday 08:00
    await rig.sender.drain()
    notice = [r for c, r, _ in rig.channel.sent if c == "c1"][-1]
    texts = await rig.say(None, "c1", choice=notice.choices[1].key)  # propose another time
    assert texts[0] == "Chọn giờ muốn đề nghị:"
    texts = await rig.say("1", "c1")  # the first free time, 08:30 (08:00 is this appointment's own)
    assert texts[0].startswith("Đã đề nghị Thứ Hai, 23/11 lúc 08:30")
    await rig.sender.drain()
    assert rig.texts("p1")[-1].startswith("📅 Tư vấn viên đề nghị đổi lịch hẹn Thứ Hai, 23/11 lúc 08:00 sang")
    texts = await rig.say("dong y", "p1")
    assert texts[0] == "✅ Đã chốt lịch hẹn Thứ Hai, 23/11 lúc 08:30."
    texts = await rig.say("/lichhen", "c1")
    assert "Thứ Hai, 23/11 lúc 08:30" in texts[0] and "đã xác nhận" in texts[0]
    # After the meeting (30 minutes): the counselor marks it, the person is asked one question.
    rig.clock.advance(datetime(2026, 11, 23, 2, 0, tzinfo=UTC) - rig.clock.now())
    await rig.sender.drain()
    after = [r for c, r, _ in rig.channel.sent if c == "c1"][-1]
    assert after.text.startswith("Buổi hẹn với") and "08:30" in after.text
    await rig.say(None, "c1", choice=after.choices[0].key)
    await rig.sender.drain()
    assert rig.texts("p1")[-1].startswith("Buổi tư vấn vừa rồi có giúp ích")
    texts = await rig.say("1", "p1")
    assert texts[0] == "Cảm ơn bạn đã trả lời."
    async with rig.bot.store.reading() as uow:
        counted = await appointments_so_far(uow)
    assert {k: v for k, v in counted[POINT].items() if k in ATTENDED} == {"appointment.attended": 1,
                                                                            "satisfaction.helped": 1}
    # Erasing the person leaves the counts of what happened.
    async with rig.bot.store.unit_of_work() as uow:
        person = await uow.people.get("test", "p1")
        assert person is not None and person.id is not None
        await uow.people.erase(person.id)
        await uow.commit()
    async with rig.bot.store.reading() as uow:
        assert await appointments_so_far(uow) == counted


ATTENDED = {"appointment.attended", "satisfaction.helped", "satisfaction.so_so", "satisfaction.not_helped"}


async def test_a_point_found_by_a_typed_place_including_a_former_name(rig: Rig) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, "p1")
    await rig.say("/menu", "p1")
    await rig.say("dat lich tu van", "p1")
    texts = await rig.say("Hà Nội", "p1")  # no bookable point there
    assert texts[0].startswith("Không thấy điểm nào ở đó")
    texts = await rig.say("Sài Gòn", "p1")  # the former name of the city: its one bookable point
    assert texts == ["Điểm tư vấn bạn chọn: Điểm tư vấn phường Phạm Ngũ Lão.", "Bạn muốn gặp theo cách nào?"]


def test_each_point_can_choose_its_appointment_reminders() -> None:

    chosen = parse_reminder_setting("default=3d,eve,morning; hcm-pham-ngu-lao-point=eve")
    assert chosen == {"default": ("3d", "eve", "morning"), POINT: ("eve",)}
    with pytest.raises(ConfigError, match="APPOINTMENT_REMINDERS"):
        load_settings({"APPOINTMENT_REMINDERS": "default=weekly"}, env_file=None)
    now = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
    appointment = Appointment(1, 2, POINT, now + timedelta(days=5, hours=3), 45, "in_person", "other", "requested",
                              now, id=7)
    person = Address(1, "test", "p1", "vi", "Mây 1")
    catalogs = Catalogs(PROJECT_ROOT / "content" / "locales", ZoneInfo("Asia/Ho_Chi_Minh"))
    every = reminders_for(catalogs, person, appointment, "Asia/Ho_Chi_Minh", now)
    only_eve = reminders_for(catalogs, person, appointment, "Asia/Ho_Chi_Minh", now, chosen[POINT])
    assert [i.key.split(":")[2] for i in every] == ["3d", "eve", "morning"]
    assert [i.key.split(":")[2] for i in only_eve] == ["eve"]
