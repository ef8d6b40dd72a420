"""Report deadlines for the counseling point's staff (seed 001): each quarter before the 15th of its
last month, the half-year report before 20/5, the yearly one before 15/11; configurable with
REPORT_DEADLINES. Staff are reminded a week and a day before each, at 08:00 in the bot's time zone.

The rule is kept with the reminder (`{"type": "yearly", ...}`), so a later change of the setting
applies to reminders turned on after it, and a staff member's reminders never move under them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import N_

REPORT = "report"  # the reminder kind

DEFAULT = "quarterly:03-15,06-15,09-15,12-15;half-year:05-20;year:11-15"
NOTICE_DAYS = (7, 1)
NOTICE_AT = time(8, 0)
KINDS = {"quarterly": N_("deadlines.quarterly"), "half-year": N_("deadlines.half_year"), "year": N_("deadlines.year")}
_PART = re.compile(r"^(quarterly|half-year|year):(\d\d-\d\d(?:,\d\d-\d\d)*)$")


@dataclass(frozen=True)
class Deadline:
    kind: str
    month: int
    day: int


def parse(setting: str) -> tuple[Deadline, ...]:
    """"quarterly:03-15,06-15;year:11-15" → deadlines; ValueError naming the bad part."""
    deadlines: list[Deadline] = []
    for part in filter(None, (p.strip() for p in setting.split(";"))):
        match = _PART.match(part)
        if not match:
            raise ValueError(f"{part!r}: write like 'quarterly:03-15,06-15;half-year:05-20;year:11-15'")
        for day_text in match.group(2).split(","):
            month, day = (int(x) for x in day_text.split("-"))
            try:
                date(2024, month, day)  # a leap year: 02-29 is a real date
            except ValueError:
                raise ValueError(f"{day_text!r} is not a day of the year") from None
            deadlines.append(Deadline(match.group(1), month, day))
    if not deadlines:
        raise ValueError("no deadline given")
    return tuple(deadlines)


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
