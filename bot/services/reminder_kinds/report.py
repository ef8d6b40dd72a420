"""Report-deadline reminders for staff: a notice a week and a day before each deadline of
REPORT_DEADLINES, at 08:00, routine priority, 24-hour grace (bot/services/deadlines.py reads the
setting and counts the days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.messages import Choice, Reply
from bot.priorities import Priority
from bot.reports import DEADLINE_PERIODS, Period
from bot.services import deadlines
from bot.services.deadlines import DraftKey
from bot.services.reminder_kinds.base import Claim, Occurred, occurrence_key
from bot.store.records import OutboxItem

REPORT_GRACE = timedelta(hours=24)


@dataclass(frozen=True)
class YearlyNotices:
    """The deadlines of a year, each noticed some days before, kept as they were when turned on."""

    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return self.data

    def next_after(self, zone: str, after: datetime) -> datetime:
        return deadlines.next_notice(self.data, zone, after)


class ReportKind:
    name = deadlines.REPORT
    rule_type = "yearly"

    def rule(self, data: dict[str, Any]) -> YearlyNotices:
        return YearlyNotices(data)

    async def occur(self, claim: Claim) -> Occurred:
        reminder = claim.due.reminder
        assert reminder.id is not None
        which = deadlines.deadline_of(reminder.rule, reminder.timezone, claim.occurrence)
        if not claim.may_send or which is None:
            return Occurred()
        kind, deadline = which
        _ = claim.words.translator(claim.due.locale)
        days = (deadline - claim.occurrence.astimezone(ZoneInfo(reminder.timezone)).date()).days
        text = _("deadlines.notice", report=_(deadlines.KINDS[kind]), date=deadline.strftime("%d/%m/%Y"), days=days)
        # The first notice (a week before) offers the draft: the report of the period so far, made when asked.
        period = Period.containing(DEADLINE_PERIODS[kind], deadline)
        draft = ((Choice(DraftKey(period.code).pack(), _("report.draft")),)
                 if days == max(reminder.rule["before"]) else ())
        return Occurred([OutboxItem(key=occurrence_key(reminder.id, claim.occurrence), person_id=reminder.person_id,
                                    channel=claim.due.channel, chat_id=claim.due.chat_id, priority=Priority.ROUTINE,
                                    reply=Reply(text, draft), due_at=claim.occurrence,
                                    expires_at=claim.occurrence + REPORT_GRACE)])


KIND = ReportKind()
