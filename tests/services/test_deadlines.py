"""Report deadlines for staff (seed 001): quarterly before the 15th of the quarter's last month,
half-year before 20/5, yearly before 15/11; a week and a day before each, by /baocao."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.config import ConfigError, load_settings
from bot.services import deadlines
from bot.services.reminders import claim_due
from bot.setting_grammars import DEFAULT_REPORT_DEADLINES, parse_report_deadlines
from tests.rig import Rig, onboard


def test_the_default_follows_seed_001_and_a_bad_setting_is_named() -> None:
    parsed = parse_report_deadlines(DEFAULT_REPORT_DEADLINES)
    assert {(d.kind, d.month, d.day) for d in parsed} == {
        ("quarterly", 3, 15), ("quarterly", 6, 15), ("quarterly", 9, 15), ("quarterly", 12, 15),
        ("half-year", 5, 20), ("year", 11, 15)}
    with pytest.raises(ConfigError, match="REPORT_DEADLINES"):
        load_settings({"REPORT_DEADLINES": "quarterly:13-45"}, env_file=None)
    with pytest.raises(ValueError):
        parse_report_deadlines("monthly:01-01")


def test_notices_come_a_week_and_a_day_before_each_deadline_at_eight() -> None:
    rule = deadlines.rule_for(parse_report_deadlines(DEFAULT_REPORT_DEADLINES))
    after = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 09:00 in Hà Nội, after the yearly deadline's notices
    first = deadlines.next_notice(rule, "Asia/Ho_Chi_Minh", after)
    assert first == datetime(2026, 12, 8, 1, 0, tzinfo=UTC)  # 08/12 08:00 local: 7 days before 15/12
    second = deadlines.next_notice(rule, "Asia/Ho_Chi_Minh", first)
    assert second == datetime(2026, 12, 14, 1, 0, tzinfo=UTC)
    third = deadlines.next_notice(rule, "Asia/Ho_Chi_Minh", second)
    assert third.date() == date(2027, 3, 8)  # into the next year
    assert deadlines.deadline_of(rule, "Asia/Ho_Chi_Minh", first) == ("quarterly", date(2026, 12, 15))


async def test_staff_turn_them_on_and_get_the_notice_others_are_refused(rig: Rig) -> None:
    await onboard(rig, user="p1")
    texts = await rig.say("/baocao", "p1")
    assert texts[0].startswith("Lệnh này dành cho cán bộ")
    async with rig.bot.store.unit_of_work() as uow:
        await uow.invites.add("TVV2026", "counselor", "point-1", rig.clock.now(), rig.clock.now() + timedelta(days=7))
        await uow.commit()
    await rig.say("/start TVV2026", "c1")
    await rig.say("1", "c1")  # Vietnamese
    texts = await rig.say("/baocao", "c1")  # the report (none here: point-1 is no point of the list), and
    assert texts[-1] == "«point-1» không phải là một điểm tư vấn trong danh sách địa điểm."
    texts = await rig.say(None, "c1", choice="rep:remind")  # the choice that turns the reminders on
    assert "báo cáo quý 15/03" in texts[0] and "Thứ Ba, 08/12 lúc 08:00" in texts[0]
    rig.clock.advance(datetime(2026, 12, 8, 1, 0, tzinfo=UTC) - rig.clock.now())
    await claim_due(rig.bot.store, rig.bot.catalogs, rig.clock.now())
    await rig.sender.drain()
    assert rig.texts("c1") == ["📋 Hạn nộp báo cáo quý: trước ngày 15/12/2026 (còn 7 ngày)."]
    notice = [reply for chat, reply, _ in rig.channel.sent if chat == "c1"][-1]
    assert [c.key for c in notice.choices] == ["rep:draft:2026-Q4"]  # a week before: the draft on offer
    texts = await rig.say(None, "c1", choice="rep:remind")
    assert texts[0].startswith("Đã tắt")
