"""Times of day as people type them in Vietnamese or English: "7h", "7h30", "7g30", "7:30", "7 giờ sáng",
"9 rưỡi", "7h tối", "19h", "7pm". Nonsense ("25h", "7:75") is a problem to explain kindly, never a
crash; text with no time in it is None. Days ("mai", "thứ 6", "25/11") are read by `parse_day`, so
"mai 9h" or "25/11 14:00" is a day and a time of day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.i18n import N_
from bot.normalize import fold


@dataclass(frozen=True)
class TimeProblem:
    """What is wrong with a typed time, as a catalog key and the part that was typed."""

    key: str
    typed: str


_TIME = re.compile(
    r"(?<![0-9])(?P<hour>\d{1,2})\s*(?:(?:gio|h|g|:)\s*(?P<minute>\d{1,2})?|\s*(?P<ampm>am|pm))"
    r"(?:\s*(?P<ruoi>ruoi))?(?![0-9])"
)
_BARE_HALF = re.compile(r"(?<![0-9])(?P<hour>\d{1,2})\s+ruoi(?![a-z])")
# Said right after the time ("7 giờ tối", "7h sáng"), or before it for the unambiguous ones ("chiều 3h").
# "toi" is never read before a time: it is also "tôi" (I), as in "nhắc tôi 7h".
_EVENING_AFTER = ("toi", "chieu", "dem")
_EVENING_BEFORE = ("chieu", "dem")
_MORNING_AFTER = ("sang", "trua")
_MORNING_BEFORE = ("sang",)


def parse_time_of_day(text: str) -> time | TimeProblem | None:
    """The first time of day in the text, a TimeProblem if it is not a real time, None if there is none."""
    folded = fold(text)
    match = _TIME.search(folded) or _BARE_HALF.search(folded)
    if match is None:
        return None
    typed = match.group(0).strip()
    hour = int(match.group("hour"))
    groups = match.groupdict()
    minute_text = groups.get("minute")
    minute = int(minute_text) if minute_text else (30 if groups.get("ruoi") or "ruoi" in typed else 0)
    if minute > 59:
        return TimeProblem(N_("time.bad_minute"), typed)
    if hour > 23:
        return TimeProblem(N_("time.bad_hour"), typed)
    after = folded[match.end():].split()[:1]
    before = folded[:match.start()].split()[-1:]
    evening = groups.get("ampm") == "pm" or bool(set(after) & set(_EVENING_AFTER) or set(before) & set(_EVENING_BEFORE))
    morning = groups.get("ampm") == "am" or bool(set(after) & set(_MORNING_AFTER) or set(before) & set(_MORNING_BEFORE))
    if evening and not morning and 1 <= hour <= 11:
        hour += 12
    if groups.get("ampm") == "am" and hour == 12:
        hour = 0
    if groups.get("ampm") and hour > 12 + 11:
        return TimeProblem(N_("time.bad_hour"), typed)
    return time(hour, minute)


_DATE = re.compile(r"(?<![0-9])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![0-9])")
_WEEKDAY = re.compile(r"\b(?:thu\s+(hai|ba|tu|nam|sau|bay|2|3|4|5|6|7)|(chu nhat|cn))\b")
_WEEKDAY_NUMBER = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4, "6": 4, "bay": 5,
                   "7": 5}


def parse_day(text: str, today: date) -> date | TimeProblem | None:
    """"hôm nay", "mai", "mốt", "thứ 6", "chủ nhật", "25/11", "25/11/2026": the next such day from today
    (a weekday or a date that has passed this year means the next one). "32/13" is a TimeProblem."""
    folded = fold(text)
    found = _DATE.search(folded)
    if found is not None:
        day, month = int(found.group(1)), int(found.group(2))
        year = int(found.group(3)) if found.group(3) else today.year
        try:
            when = date(year, month, day)
        except ValueError:
            return TimeProblem(N_("time.bad_date"), found.group(0))
        if when < today and not found.group(3):
            when = date(year + 1, month, day) if not (month == 2 and day == 29) else when
        return when
    said = f" {folded} "
    if " hom nay " in said or " nay " in said:
        return today
    if " ngay kia " in said or " mot " in said:
        return today + timedelta(days=2)
    if " mai " in said:
        return today + timedelta(days=1)
    weekday = _WEEKDAY.search(folded)
    if weekday is not None:
        target = 6 if weekday.group(2) else _WEEKDAY_NUMBER[weekday.group(1)]
        return today + timedelta(days=(target - today.weekday()) % 7)
    return None
