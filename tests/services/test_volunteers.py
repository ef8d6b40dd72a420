"""Volunteers (seed 001): linked only after the person agrees; weekly check-ins answered in two taps;
"needs support", or no contact twice, reaches the point's counselors; the person may let the volunteer
hear that they may need a call after two missed days, and can end the link."""

from __future__ import annotations

from datetime import timedelta

from tests.rig import Rig, onboard
from tests.services.test_staff import make_counselor, make_staff


async def make_volunteer(rig: Rig, user: str = "v1", code: str = "VOL22222") -> None:
    await make_staff(rig, "volunteer", user, code)


async def link(rig: Rig, share: bool = True) -> None:
    texts = await rig.say("/lienket", "v1")
    code = texts[0].split("Mã kết nối: ")[1].split()[0]
    texts = await rig.say(f"/lienket {code}", "p1")
    assert "chỉ thấy bí danh" in texts[0]
    await rig.say("1", "p1")  # agree
    texts = await rig.say("co, bao giup toi" if share else "khong can", "p1")
    assert texts[0].startswith("Đã kết nối")


async def later(rig: Rig, **delta: float) -> None:
    rig.clock.advance(timedelta(**delta))
    await rig.tick()


async def test_a_link_needs_the_persons_agreement_and_checkins_escalate(rig: Rig) -> None:
    await make_counselor(rig, "c1", "CCC22222")
    await make_volunteer(rig)
    await onboard(rig, "p1")
    await link(rig)
    await rig.sender.drain()
    assert rig.texts("v1")[-1].endswith(".") and "đã đồng ý kết nối" in rig.texts("v1")[-1]
    await later(rig, days=1, hours=4)  # tomorrow's 09:00 check-in
    checkin = [r for c, r, _ in rig.channel.sent if c == "v1"][-1]
    assert checkin.text.startswith("📞 Tuần này bạn đã hỏi thăm")
    assert [c.label for c in checkin.choices] == ["Ổn", "Cần hỗ trợ", "Không liên lạc được"]
    await rig.say("2", "v1")  # needs support, typed
    texts = await rig.say("mất việc, đang rất căng thẳng", "v1")
    assert texts[0].startswith("Đã báo cho 1 tư vấn viên")
    await rig.sender.drain()
    alert = rig.texts("c1")[-1]
    assert "cần hỗ trợ" in alert and "Ghi chú: mất việc" in alert
    # Two weeks without contact in a row: the counselor hears of it on the second.
    await later(rig, days=7)
    texts = await rig.say("3", "v1")
    assert "tuần sau" in texts[0]
    await later(rig, days=7)
    texts = await rig.say("khong lien lac duoc", "v1")
    assert texts[0].startswith("Đã báo cho 1")
    await rig.sender.drain()
    assert "2 tuần liền" in rig.texts("c1")[-1]


async def test_two_missed_days_tell_the_volunteer_only_that_a_call_may_help(rig: Rig) -> None:
    await make_volunteer(rig)
    await onboard(rig, "p1")
    await link(rig, share=True)
    await rig.say("nhac toi 7h moi ngay", "p1")
    await later(rig, hours=1, minutes=5)  # Monday 07:05
    for _day in range(2):  # no answers: Monday and Tuesday missed; the call notice goes on Wednesday
        await later(rig, days=1)
    calls = [t for t in rig.texts("v1") if "có thể cần một cuộc gọi" in t]
    assert len(calls) == 1 and "methadone" not in calls[0] and "lỡ" not in calls[0]


async def test_the_person_can_decline_or_end_it_and_checkins_stop(rig: Rig) -> None:
    await make_volunteer(rig)
    await onboard(rig, "p1")
    texts = await rig.say("/lienket", "v1")
    code = texts[0].split("Mã kết nối: ")[1].split()[0]
    await rig.say(f"/lienket {code}", "p1")
    texts = await rig.say("khong, cam on", "p1")
    assert texts[0].startswith("Không sao")
    assert (await rig.bot.store.table_rows())["reminders"] == []
    await link(rig)
    texts = await rig.say("/lienket", "p1")
    assert "đang kết nối" in texts[0]
    texts = await rig.say("ngung ket noi", "p1")
    assert texts[0].startswith("Đã ngừng")
    await rig.sender.drain()
    before = len(rig.texts("v1"))
    await later(rig, days=7)
    assert len(rig.texts("v1")) == before  # no check-in about someone who ended the link
    reminders = (await rig.bot.store.table_rows())["reminders"]
    assert all(r["next_at"] is None for r in reminders)


async def test_a_person_who_has_not_consented_is_asked_first(rig: Rig) -> None:
    await make_volunteer(rig)
    await onboard(rig, "p1", consent="2")
    texts = await rig.say("/lienket", "v1")
    code = texts[0].split("Mã kết nối: ")[1].split()[0]
    texts = await rig.say(f"/lienket {code}", "p1")
    assert texts[0].startswith("Phần này cần lưu") and "chỉ thấy bí danh" not in texts[0]
    texts = await rig.say("dong y", "p1")
    assert "chỉ thấy bí danh" in texts[-1]
