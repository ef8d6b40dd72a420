"""Times of day as people type them in Vietnamese or English: "7h", "7h30", "7g30", "7:30", "7 giờ sáng",
"9 rưỡi", "7h tối", "19h", "7pm". Nonsense ("25h", "7:75") is a problem to explain kindly, never a
crash; text with no time in it is None. Dates ("thứ 6", "mai 9h", "25/11 14:00") come with booking
(#4) and will extend this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

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
