"""The grammars of settings that are more than a word: report deadlines and which appointment reminders
each point sends. The settings are checked when read (bot/config.py) and used by the services; both
read them here, so settings never depend on the services.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

DEFAULT_REPORT_DEADLINES = "quarterly:03-15,06-15,09-15,12-15;half-year:05-20;year:11-15"
_DEADLINE_PART = re.compile(r"^(quarterly|half-year|year):(\d\d-\d\d(?:,\d\d-\d\d)*)$")
APPOINTMENT_REMINDER_LABELS = ("3d", "eve", "morning")


@dataclass(frozen=True)
class Deadline:
    kind: str
    month: int
    day: int


def parse_report_deadlines(setting: str) -> tuple[Deadline, ...]:
    """"quarterly:03-15,06-15;year:11-15" → deadlines; ValueError naming the bad part."""
    deadlines: list[Deadline] = []
    for part in filter(None, (p.strip() for p in setting.split(";"))):
        match = _DEADLINE_PART.match(part)
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


def parse_appointment_reminders(setting: str) -> dict[str, tuple[str, ...]]:
    """"default=3d,eve,morning; hcm-point-1=eve,morning" → which reminders each point sends; ValueError
    naming a bad part. A point not listed uses "default"."""
    chosen: dict[str, tuple[str, ...]] = {"default": APPOINTMENT_REMINDER_LABELS}
    for part in filter(None, (p.strip() for p in setting.split(";"))):
        point, _, labels = part.partition("=")
        names = tuple(filter(None, (x.strip() for x in labels.split(","))))
        unknown = [n for n in names if n not in APPOINTMENT_REMINDER_LABELS]
        if not point.strip() or unknown:
            raise ValueError(f"{part!r}: write like 'default=3d,eve,morning; POINT_ID=eve,morning'")
        chosen[point.strip()] = names
    return chosen
