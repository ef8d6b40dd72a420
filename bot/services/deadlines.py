"""Report deadlines for the counseling point's staff (seed 001): each quarter before the 15th of its
last month, the half-year report before 20/5, the yearly one before 15/11; configurable with
REPORT_DEADLINES. Staff are reminded a week and a day before each, at 08:00 in the bot's time zone.

The rule is kept with the reminder (`{"type": "yearly", ...}`), so a later change of the setting
applies to reminders turned on after it, and a staff member's reminders never move under them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from bot.i18n import N_
from bot.keys import ChoiceKey
from bot.setting_grammars import Deadline

REPORT = "report"  # the reminder kind


@dataclass(frozen=True)
class RemindKey(ChoiceKey):
    """rep:remind, turning the deadline reminders on or off."""

    prefix: ClassVar[str] = "rep"
    tag: ClassVar[str | None] = "remind"


@dataclass(frozen=True)
class DraftKey(ChoiceKey):
    """rep:draft:<period>, the draft report a deadline notice offers (a period code such as 2026-Q3)."""

    prefix: ClassVar[str] = "rep"
    tag: ClassVar[str | None] = "draft"
    period: str

NOTICE_DAYS = (7, 1)
NOTICE_AT = time(8, 0)
KINDS = {"quarterly": N_("deadlines.quarterly"), "half-year": N_("deadlines.half_year"), "year": N_("deadlines.year")}


def rule_for(deadlines: tuple[Deadline, ...]) -> dict[str, Any]:
    return {"type": "yearly", "at": NOTICE_AT.strftime("%H:%M"), "before": list(NOTICE_DAYS),
            "dates": [[d.kind, f"{d.month:02d}-{d.day:02d}"] for d in deadlines]}


def notices(rule: dict[str, Any], zone: str, year: int) -> list[tuple[datetime, str, date]]:
    """Every notice of the rule in a year: (when, deadline kind, deadline date), in order."""
    tz = ZoneInfo(zone)
    at = time.fromisoformat(rule["at"])
    hours, minutes = at.hour, at.minute
    found = []
    for kind, day_text in rule["dates"]:
        month, day = (int(x) for x in day_text.split("-"))
        try:
            deadline = date(year, month, day)
        except ValueError:  # 29/02 in a common year: the day before
            deadline = date(year, month, day - 1)
        for before in rule["before"]:
            when = datetime.combine(deadline - timedelta(days=int(before)), time(hours, minutes), tzinfo=tz)
            found.append((when, str(kind), deadline))
    return sorted(found)


def next_notice(rule: dict[str, Any], zone: str, after: datetime) -> datetime:
    year = after.astimezone(ZoneInfo(zone)).year
    for candidate_year in (year, year + 1):
        for when, _kind, _deadline in notices(rule, zone, candidate_year):
            if when > after:
                return when.astimezone(after.tzinfo)
    raise ValueError("a yearly rule with no dates")


def deadline_of(rule: dict[str, Any], zone: str, occurrence: datetime) -> tuple[str, date] | None:
    """Which deadline a notice at `occurrence` is for."""
    local_year = occurrence.astimezone(ZoneInfo(zone)).year
    for year in (local_year, local_year + 1):
        for when, kind, deadline in notices(rule, zone, year):
            if when == occurrence:
                return kind, deadline
    return None
