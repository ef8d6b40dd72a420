"""Self-help groups (seed 004): a schedule typed as people say it, members who opt in, reminders the
day before (with an RSVP) and two hours before, attendance by the facilitator, and a change or a
cancellation that reaches every member."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.services.groups import meeting_on, parse_schedule
from tests.rig import Rig, onboard
from tests.services.test_staff import make_counselor


def test_schedules_as_people_type_them() -> None:
    second_saturday = {"type": "monthly", "weekday": 5, "nth": 2, "at": "08:00"}
    for typed in ("thứ Bảy tuần thứ hai, 8:00", "thu 7 tuan 2 luc 8h", "second saturday 8am",
                  "tuần thứ hai thứ bảy 8 giờ sáng"):
        assert parse_schedule(typed) == second_saturday, typed
    assert parse_schedule("chủ nhật tuần cuối 9h sáng") == {"type": "monthly", "weekday": 6, "nth": -1, "at": "09:00"}
    assert parse_schedule("tuần đầu tiên thứ hai 19h")["weekday"] == 0  # type: ignore[index]
    assert parse_schedule("thứ bảy 8h") == "groups.schedule_no_week"
    assert parse_schedule("tuần thứ hai 8h") == "groups.schedule_no_weekday"
    assert parse_schedule("thứ bảy tuần thứ hai") == "groups.schedule_no_time"
    assert parse_schedule("thứ bảy tuần thứ hai 25h") == "groups.schedule_no_time"
    assert meeting_on(second_saturday, 2026, 12) == date(2026, 12, 12)
    assert meeting_on({"weekday": 6, "nth": -1}, 2026, 11) == date(2026, 11, 29)


async def until(rig: Rig, moment: datetime) -> None:
    rig.clock.advance(moment - rig.clock.now())
    await rig.tick()


async def test_a_group_from_creation_to_attendance(rig: Rig) -> None:
    await make_counselor(rig, "c1", "GRP22222")
    await rig.say("/nhom", "c1")
    await rig.say("1", "c1")  # create
    await rig.say("Nhóm sáng thứ Bảy", "c1")
    texts = await rig.say("thứ bảy 8h", "c1")
    assert "tuần" in texts[0]
    await rig.say("thứ Bảy tuần thứ hai, 8:00", "c1")
    texts = await rig.say("Phòng họp trạm y tế phường", "c1")
    assert "Thứ Bảy, 12/12 lúc 08:00" in texts[0]
    for person in ("p1", "p2"):
        await onboard(rig, person)
        texts = await rig.say("/nhom", person)
        assert "Nhóm sáng thứ Bảy: Thứ Bảy, tuần thứ hai mỗi tháng, 08:00" in texts[0]
        texts = await rig.say("1", person)  # join
        assert texts[0].startswith("Bạn đã tham gia")
    # p2 chose plain wording for what a lock screen may show; p1 kept the default, discreet.
    await rig.say("/menu", "p2")
    await rig.say("nhac lich", "p2")  # no reminder of their own: the wording is still theirs to choose
    texts = await rig.say(None, "p2", choice="rem:wording")
    assert "Cách viết: rõ ràng" in texts[0]
    # The day before: every member, with an RSVP; the group's name and place only for p2.
    await until(rig, datetime(2026, 12, 11, 1, 0, tzinfo=UTC))
    assert rig.texts("p1")[-1] == ("📅 Nhắc lịch: buổi gặp mặt Thứ Bảy, 12/12 lúc 08:00. Bạn có đến không? "
                                   "Gõ /nhom để xem nơi gặp.")
    assert rig.texts("p2")[-1].startswith("📅 Nhắc lịch: nhóm «Nhóm sáng thứ Bảy» gặp mặt Thứ Bảy, 12/12 lúc 08:00, "
                                          "tại Phòng họp trạm y tế phường")
    texts = await rig.say("2", "p2")  # can't come, typed
    assert texts[0].startswith("Cảm ơn bạn đã báo")
    # Two hours before: only those who did not say no.
    await until(rig, datetime(2026, 12, 11, 23, 0, tzinfo=UTC))  # 06:00 in Hà Nội
    assert rig.texts("p1")[-1] == "📅 Còn khoảng 2 giờ: buổi gặp mặt Thứ Bảy, 12/12 lúc 08:00."
    assert not rig.texts("p2")[-1].startswith("📅 Còn khoảng 2 giờ")
    # After: the facilitator marks who came.
    await until(rig, datetime(2026, 12, 12, 3, 0, tzinfo=UTC))
    attendance = [r for c, r, _ in rig.channel.sent if c == "c1"][-1]
    assert attendance.text.startswith("Điểm danh") and len(attendance.choices) == 2
    texts = await rig.say(None, "c1", choice=attendance.choices[0].key)
    assert texts[0] == "Đã ghi. Có mặt: 1 người."
    rows = await rig.bot.store.table_rows()
    assert sorted((str(r["rsvp"]), r["attended"]) for r in rows["group_attendance"]) == [("None", 1), ("no", 0)]


async def test_a_cancellation_and_a_new_schedule_reach_every_member(rig: Rig) -> None:
    await make_counselor(rig, "c1", "GRP33333")
    await rig.say("/nhom", "c1")
    await rig.say("1", "c1")
    await rig.say("Nhóm chiều", "c1")
    await rig.say("chủ nhật tuần cuối 15h", "c1")
    await rig.say("Trạm y tế", "c1")
    await onboard(rig, "p1")
    await rig.say("/nhom", "p1")
    await rig.say("1", "p1")
    texts = await rig.say("/nhom", "c1")
    cancel = next(c for c in (await _choices(rig, "c1")) if c.startswith("grp:cancel:"))
    texts = await rig.say(None, "c1", choice=cancel)
    assert texts[0].startswith("Đã hủy buổi Chủ Nhật, 29/11 lúc 15:00 và báo cho 1")
    await rig.sender.drain()
    assert rig.texts("p1")[-1] == ("📅 Buổi gặp mặt Chủ Nhật, 29/11 lúc 15:00 đã bị hủy. "
                                   "Buổi sau: Chủ Nhật, 27/12 lúc 15:00.")
    await until(rig, datetime(2026, 11, 28, 8, 0, tzinfo=UTC))  # the day before the cancelled meeting
    assert not any("Nhắc lịch" in t for t in rig.texts("p1"))
    await rig.say("/nhom", "c1")
    resched = next(c for c in (await _choices(rig, "c1")) if c.startswith("grp:resched:"))
    await rig.say(None, "c1", choice=resched)
    texts = await rig.say("thứ bảy tuần đầu 9h", "c1")
    assert texts[0].startswith("Đã đổi lịch và báo cho 1")
    await rig.sender.drain()
    assert rig.texts("p1")[-1].startswith("📅 Lịch gặp mặt của bạn đã đổi. Buổi tới: Thứ Bảy,")
    assert "Nhóm chiều" not in rig.texts("p1")[-1] and "Trạm y tế" not in rig.texts("p1")[-1]


async def _choices(rig: Rig, user: str) -> list[str]:
    async with rig.bot.store.unit_of_work() as uow:
        person = await uow.people.get("test", user)
        assert person is not None and person.id is not None
        session = await uow.sessions.get(person.id)
    return [c.key for c in session.offered] if session else []
