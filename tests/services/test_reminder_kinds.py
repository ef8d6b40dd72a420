"""Reminder kinds as a registry: every kind found by itself, its typed rule read back from what is
stored, and the claim naming none of them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

from bot.config import PROJECT_ROOT
from bot.services import deadlines, groups, volunteers
from bot.services.reminder_kinds import kinds, rule_of
from bot.services.reminder_kinds.appointment import BeforeAppointment
from bot.services.reminder_kinds.dose import DailyAt
from bot.services.reminders import next_occurrence
from bot.setting_grammars import DEFAULT_REPORT_DEADLINES, parse_report_deadlines

ZONE = "Asia/Ho_Chi_Minh"
NOW = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)  # 06:00 on Monday 23/11 in Hà Nội


def test_every_kind_with_a_stored_rule_is_found() -> None:
    assert sorted(kinds()) == ["checkin", "dose", "group", "report"]


def test_each_stored_rule_comes_back_typed_and_fires_after_now() -> None:
    meeting = groups.parse_schedule("thứ Bảy tuần thứ hai, 8:00")
    assert isinstance(meeting, dict)
    stored = [DailyAt(time(7, 0)).to_json(), volunteers.weekly_rule(2), groups.notices_rule(meeting),
              deadlines.rule_for(parse_report_deadlines(DEFAULT_REPORT_DEADLINES))]
    for data in stored:
        rule = rule_of(data)
        assert rule.to_json() == data
        first = next_occurrence(data, ZONE, NOW)
        assert first > NOW and rule.next_after(ZONE, first) > first
    assert next_occurrence(stored[0], ZONE, NOW) == datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


def test_appointment_reminders_come_before_the_appointment() -> None:
    starts = NOW + timedelta(days=5, hours=3)  # Saturday 09:00
    rule = BeforeAppointment(starts)
    assert [label for label, _at in rule.times(ZONE, NOW)] == ["3d", "eve", "morning"]
    assert rule.next_after(ZONE, NOW) == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # 09:00 three days before
    assert [label for label, _at in BeforeAppointment(starts, ("eve",)).times(ZONE, NOW)] == ["eve"]


def test_the_claim_and_the_scheduler_name_no_kind() -> None:
    names = re.compile(r"\b(dose|group|checkin|report|appointment)s?\b", re.IGNORECASE)
    for path in (PROJECT_ROOT / "bot" / "services" / "reminders.py", PROJECT_ROOT / "scheduler" / "reminders.py"):
        code = [line for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith(("#", '"""')) and '"""' not in line]
        assert [line for line in code if names.search(line)] == [], path
