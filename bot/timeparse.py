"""Days and times of day as people type them, in Vietnamese (with or without diacritics) or English.

Times: "7h", "7h30", "7g30", "7:30", "7 giờ 15", "9 rưỡi", "8 giờ kém 15", "19h", "7pm", "2:30 p.m.",
"8 o'clock", "at 3", "lúc 3", "noon", "midnight", "nửa đêm". Days: "hôm nay", "mai", "mốt", "ngày kia",
"thứ 6", "thứ sáu", "T6", "CN", "chủ nhật", "thứ 6 tuần sau", "25/11", "25-11", "25/11/2026", "today",
"tonight", "tomorrow", "the day after tomorrow", "friday", "fri", "next friday", "this friday".
Nonsense ("25h", "7:75", "32/13") is a TimeProblem to explain kindly, never a crash; text with neither
is None. `parse_when` reads both at once.

The part of the day. A period word (sáng, trưa, chiều, tối, đêm, khuya, morning, afternoon, evening,
night, tonight) may stand anywhere in the message, before or after the time, with the day between:
"chiều mai 3 giờ", "3 giờ chiều mai", "mai 3 giờ chiều" and "tomorrow 3pm" are all 15:00. Of several,
the one nearest the time wins, one in the time's phrase before one in another (",", ";", ".", "!" and
"?" end a phrase; at equal distance the word after the time, as in "3 giờ chiều"). How each reads a
typed hour is `_READINGS`: sáng keeps 0–12; trưa keeps 10–12 and makes 1–3 into 13–15; chiều makes
1–11 into 13–23; tối does too, and reads 12 as 00:00; đêm keeps 1–5, makes 6–11 into 18–23 and reads
12 as 00:00; am and pm are the 12-hour clock. So no afternoon or evening word ever gives a morning hour
(apart from the midnight that ends the evening), and no morning word an hour from 13:00. An hour
already on the 24-hour clock (0, 13–23) is never shifted: a period word that contradicts it is ignored
when it is further away ("sáng nay bận, 15h nhé" is 15:00), and makes a TimeProblem
("time.period_mismatch") when it is paired with it, with nothing but day words between ("15h sáng",
"sáng mai 15h"), since one of the two is a slip and a guess would book the wrong hour.

Words that fold like a period word. Without diacritics "toi" is also "tôi" (I) and "tới" (next, to),
"sang" is also "sang" (over to: "đổi sang 3h") and "dem" is also "đem" (bring). With diacritics only
"tối", "sáng" and "đêm" are periods. Typed without, they are periods only within the time's phrase and
only in a period's place: right after a time ("7h toi") or after "buổi", "ban", "nửa" ("buoi toi");
or right before a time or a day word ("toi 7h", "toi nay", "toi mai", "sang thu 6") unless the word
before takes them as its object ("nhac toi 7h", "cho toi", "giup toi", "tuan toi", "doi sang 3h"; the
list is `_TAKES_AS_OBJECT`). So "nhac toi 7h" is 07:00, "nhac toi 7h toi" and "toi nay 7h" are 19:00.

Words that fold like a day word. "nay" is today only without the grave accent of "này" (this), and
only after "hôm", "bữa" or a period word, next to a time, or first in its phrase ("cái nay" is not
today; "giờ này", "tuần này" neither). "mai" is a name after a title when written with a capital
("chị Mai"); "chị mai 9h qua" is tomorrow. "mot" without diacritics is "mốt" only after "ngày" or a
period word, before a period word, next to a time (or "lúc" and a time), or at the end of its phrase
("mot chut" is "một chút"). "ba", "tư", "năm", "sáu", "bảy" are weekdays only after "thứ", and "thứ
hai" after "tuần" or "lần" is "the second". English short names ("fri") count after "on", "this" or
"next", or right before a time; "thu" before a number is the Vietnamese "thứ".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TypeVar

from bot.i18n import N_
from bot.normalize import fold

_T = TypeVar("_T")


@dataclass(frozen=True)
class TimeProblem:
    """What is wrong with a typed time, as a catalog key and the part that was typed."""

    key: str
    typed: str


@dataclass(frozen=True)
class _Token:
    """One word or punctuation mark: as typed, case-folded with its diacritics, and folded without them;
    `start` and `end` place the folded form in the folded line the patterns run on."""

    typed: str
    raw: str
    word: str
    start: int
    end: int
    stop: bool

    @property
    def bare(self) -> bool:
        """Typed without diacritics, so it may be any word that folds the same."""
        return self.raw.isascii()

    def means(self, word: str, *accented: str) -> bool:
        """It is `word`, typed without diacritics or with exactly those of one of `accented`."""
        return self.word == word and (self.bare or self.raw in accented)


_PIECE = re.compile(r"[^\s,;!?()]+|[,;!?]")
_DOTTED_AMPM = re.compile(r"[ap]\.m\.$")
_EDGE = re.compile(r"^\W+|\W+$")
_STOPS = frozenset(",;!?.")


def _tokens(text: str) -> tuple[list[_Token], str]:
    """The words of the text and the folded line they make, joined by single spaces."""
    tokens: list[_Token] = []
    offset = 0
    parts: list[str] = []
    for piece in _PIECE.findall(text):
        pieces = [piece]
        if len(piece) > 1 and piece.endswith(".") and not _DOTTED_AMPM.search(piece.lower()):
            pieces = [piece.rstrip("."), "."]
        for part in pieces:
            folded = fold(part)
            if not folded:
                continue
            raw = _EDGE.sub("", unicodedata.normalize("NFC", part.casefold()))
            tokens.append(_Token(_EDGE.sub("", part) or part, raw, _EDGE.sub("", folded), offset,
                                 offset + len(folded), part in _STOPS))
            parts.append(folded)
            offset += len(folded) + 1
    return tokens, " ".join(parts)


def _covering(tokens: list[_Token], start: int, end: int) -> tuple[int, int]:
    """The first and last token under a span of the folded line."""
    inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    return inside[0], inside[-1]


def _phrase(tokens: list[_Token], index: int) -> int:
    """Which phrase of the message a token is in (punctuation ends a phrase)."""
    return sum(1 for t in tokens[:index] if t.stop)


# --- times of day -------------------------------------------------------------------------------------

# "7:30", "7h30", "7g30", "7 giờ 30", "7 rưỡi", "7pm"; and "7.30", "8.45 tối" where the minutes cannot be a month
# ("ngày 7.12" is a date).
_CLOCK = re.compile(
    r"(?<![\d.:/])(?P<hour>\d{1,2})(?:"
    r"(?:\s*(?::|h|g)(?:(?P<minute>\d{1,2})|\s+(?P<spaced>\d{2}(?![\d/:.-])|\d(?=\s*phut)))?"
    r"|\s*gio(?:\s*(?P<said>\d{1,2})(?![\d/:.-]))?)"
    r"(?:\s*(?:phut|p)(?![a-z.]))?"
    r"(?:\s*(?P<half>ruoi)|\s*kem\s*(?P<less>\d{1,2})(?:\s*phut)?)?"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?)?"
    r"(?:\s*o'?clock)?"
    r"|\.(?P<dotted>00|1[3-9]|[2-5]\d)(?![\d/:.-])(?:\s*(?P<dotted_ampm>[ap])\.?m\.?)?"
    r"|\s+(?P<bare_half>ruoi)"
    r"|\s*(?P<bare_ampm>[ap])\.?m\.?"
    r"|\s*o'?clock"
    r")(?![a-z0-9/:])"
)
# A bare number is an hour after "at" or "lúc" when what follows is nothing, a day or a period, and
# before "in the morning/afternoon/evening" or "at night".
_AT_HOUR = re.compile(r"(?<![\w])(?:at|luc)\s+(?P<hour>\d{1,2})(?![\d:/.hg-]|\s*gio)")
_HOUR_THEN_PERIOD = re.compile(
    r"(?<![\w.:/])(?P<hour>\d{1,2})(?=\s+(?:in the (?:morning|afternoon|evening)|at night)\b)")
_AT_FOLLOWERS = frozenset({"", "in", "on", "this", "next", "nhe", "nha", "duoc", "dc", "ok", "please", "nay", "mai",
                           "thu", "chu", "cn", "ngay", "hom", "sang", "trua", "chieu", "toi", "dem", "khuya",
                           "morning", "afternoon", "evening", "night", "tonight", "today", "tomorrow", "the", "day",
                           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_FIXED = {"noon": 12, "midday": 12, "midnight": 0}

# How a period reads a typed hour; an hour a period has no reading for contradicts it.
_READINGS: dict[str, dict[int, int]] = {
    "am": {0: 0, 12: 0} | {h: h for h in range(1, 12)},
    "pm": {12: 12} | {h: h + 12 for h in range(1, 12)} | {h: h for h in range(13, 24)},
    "morning": {h: h for h in range(13)},
    "noon": {10: 10, 11: 11, 12: 12, 13: 13, 14: 14, 15: 15, 1: 13, 2: 14, 3: 15},
    "afternoon": {12: 12} | {h: h + 12 for h in range(1, 12)} | {h: h for h in range(13, 24)},
    "evening": {0: 0, 12: 0} | {h: h + 12 for h in range(1, 12)} | {h: h for h in range(13, 24)},
    "night": {0: 0, 12: 0} | {h: h for h in range(1, 6)} | {h: h + 12 for h in range(6, 12)}
    | {h: h for h in range(18, 24)},
}
# Folded period word: its period, its spelling with diacritics, and whether it is a period anywhere
# when typed without them (False: only in a period's place, see the module docstring).
PERIOD_WORDS: dict[str, tuple[str, str, bool]] = {
    "sang": ("morning", "sáng", False), "trua": ("noon", "trưa", True), "chieu": ("afternoon", "chiều", True),
    "toi": ("evening", "tối", False), "dem": ("night", "đêm", False), "khuya": ("night", "khuya", True),
    "morning": ("morning", "morning", True), "afternoon": ("afternoon", "afternoon", True),
    "evening": ("evening", "evening", True), "tonight": ("evening", "tonight", True),
    "night": ("night", "night", True),
}
# Words after which an undiacritized "toi", "sang", "dem" is an object, not a part of the day.
_TAKES_AS_OBJECT = {
    "toi": frozenset({"nhac", "cho", "giup", "gium", "dum", "ho", "voi", "cua", "goi", "bao", "nhan", "hen",
                      "gap", "don", "tuan", "lan", "sap", "thang", "nam", "ke", "day", "bat", "de", "thay"}),
    "sang": frozenset({"doi", "chuyen", "qua", "lui", "hoan", "day", "dich", "nhay", "bay", "ghe", "di"}),
    "dem": frozenset({"nho", "phai", "can", "de"}),
}
_PERIOD_LEADS = frozenset({"buoi", "ban", "nua"})
# Words that may stand between a time and its paired period word ("sáng thứ 6 tuần sau lúc 9h").
_LINKS = frozenset({"nay", "mai", "mot", "hom", "ngay", "kia", "thu", "tuan", "sau", "toi", "nua", "hai", "ba",
                    "tu", "nam", "bay", "chu", "nhat", "cn", "luc", "vao", "khoang", "tam", "at", "in", "the",
                    "on", "this", "next", "week", "today", "tomorrow", "tonight", "o"})


@dataclass(frozen=True)
class _Clock:
    """A time found in the text, before any period word is applied."""

    first: int
    last: int
    hour: int
    minute: int
    less: int
    typed: str
    ampm: str | None
    fixed: bool


def hour_in_period(hour: int, period: str) -> int | None:
    """A typed hour read in a period ("morning", "noon", "afternoon", "evening", "night", "am", "pm"):
    3 in the afternoon is 15; None when the hour contradicts the period (15 in the morning)."""
    return _READINGS[period].get(hour)


def _clocks(tokens: list[_Token], line: str) -> list[_Clock]:
    """Every time in the text, first first."""
    found: list[_Clock] = []
    starts: set[int] = set()
    for match in _CLOCK.finditer(line):
        first, last = _covering(tokens, match.start(), match.end())
        minute_text = match.group("minute") or match.group("spaced") or match.group("said") or match.group("dotted")
        half = match.group("half") or match.group("bare_half")
        minute = int(minute_text) if minute_text else (30 if half else 0)
        ampm = match.group("ampm") or match.group("bare_ampm") or match.group("dotted_ampm")
        found.append(_Clock(first, last, int(match.group("hour")), minute, int(match.group("less") or 0),
                            match.group(0).strip(), ampm and ampm + "m", False))
        starts.add(match.start("hour"))
    for pattern in (_AT_HOUR, _HOUR_THEN_PERIOD):
        for match in pattern.finditer(line):
            if match.start("hour") in starts:
                continue
            first, last = _covering(tokens, match.start("hour"), match.end("hour"))
            following = _neighbour(tokens, last + 1)
            if pattern is _AT_HOUR and following is not None and following.word not in _AT_FOLLOWERS and not (
                    _is_day_word(following)):
                continue
            found.append(_Clock(first, last, int(match.group("hour")), 0, 0, match.group("hour"), None, False))
            starts.add(match.start("hour"))
    for index, token in enumerate(tokens):
        if token.word in _FIXED:
            found.append(_Clock(index, index, _FIXED[token.word], 0, 0, token.typed, None, True))
        elif token.word == "dem" and index and tokens[index - 1].means("nua", "nửa") and token.means("dem", "đêm"):
            found.append(_Clock(index - 1, index, 0, 0, 0, f"{tokens[index - 1].typed} {token.typed}", None, True))
    return sorted(found, key=lambda c: (c.first, c.fixed))


def _in_period_place(tokens: list[_Token], index: int, clock_tokens: set[int]) -> bool:
    """An undiacritized "toi", "sang", "dem" stands where a part of the day stands."""
    word = tokens[index].word
    before = _neighbour(tokens, index - 1)
    after = _neighbour(tokens, index + 1)
    if before is not None and (index - 1 in clock_tokens or before.word in _PERIOD_LEADS):
        return True
    weekday_number = index >= 2 and tokens[index - 2].word == "thu"  # "thứ năm tối", not "năm tới"
    if before is not None and before.word in _TAKES_AS_OBJECT[word] and not weekday_number:
        return False
    return after is not None and (index + 1 in clock_tokens or _is_day_word(after))


def _periods(tokens: list[_Token], clock_tokens: set[int]) -> list[tuple[int, str, bool]]:
    """Each period word: where it is, its period, and whether it counts outside the time's phrase."""
    found = []
    for index, token in enumerate(tokens):
        entry = PERIOD_WORDS.get(token.word)
        if entry is None:
            continue
        period, accented, clear = entry
        if token.word in ("morning", "afternoon", "evening", "night") and index and tokens[index - 1].word == "good":
            continue
        if token.raw == accented or (token.bare and clear):
            found.append((index, period, True))
        elif token.bare and _in_period_place(tokens, index, clock_tokens):
            found.append((index, period, False))
    return found


def _is_link(token: _Token) -> bool:
    return token.word in _LINKS or token.word.isdigit() or _is_day_word(token)


def _pick_period(tokens: list[_Token], clock: _Clock, clock_tokens: set[int]) -> tuple[str, bool, int] | None:
    """The period word that goes with the time: its period, whether it is paired with it, and where it is."""
    phrase = _phrase(tokens, clock.first)
    best: tuple[tuple[int, int, int], str, bool, int] | None = None
    for index, period, clear in _periods(tokens, clock_tokens):
        if clock.first <= index <= clock.last:
            continue
        same = _phrase(tokens, index) == phrase
        if not same and not clear:
            continue
        between = range(clock.last + 1, index) if index > clock.last else range(index + 1, clock.first)
        key = (0 if same else 1, len(between), 0 if index > clock.last else 1)
        paired = same and all(_is_link(tokens[i]) for i in between)
        if best is None or key < best[0]:
            best = (key, period, paired, index)
    return None if best is None else (best[1], best[2], best[3])


def _typed_between(tokens: list[_Token], first: int, last: int) -> str:
    return " ".join(t.typed for t in tokens[first:last + 1])


def _time_in(tokens: list[_Token], line: str) -> time | TimeProblem | None:
    clocks = _clocks(tokens, line)
    if not clocks:
        return None
    clock = clocks[0]
    if clock.minute > 59 or clock.less > 59:
        return TimeProblem(N_("time.bad_minute"), clock.typed)
    if clock.hour > 23:
        return TimeProblem(N_("time.bad_hour"), clock.typed)
    hour: int | None = clock.hour
    if clock.ampm is not None:
        hour = hour_in_period(clock.hour, clock.ampm)
        if hour is None:
            return TimeProblem(N_("time.period_mismatch"), clock.typed)
    elif not clock.fixed:
        clock_tokens = {i for c in clocks for i in range(c.first, c.last + 1)}
        picked = _pick_period(tokens, clock, clock_tokens)
        if picked is not None:
            period, paired, where = picked
            reading = hour_in_period(clock.hour, period)
            if reading is None and paired:
                span = _typed_between(tokens, min(where, clock.first), max(where, clock.last))
                return TimeProblem(N_("time.period_mismatch"), span)
            hour = clock.hour if reading is None else reading
    assert hour is not None
    minutes = (hour * 60 + clock.minute - clock.less) % (24 * 60)
    return time(minutes // 60, minutes % 60)


def parse_time_of_day(text: str) -> time | TimeProblem | None:
    """The first time of day in the text, read in the part of the day the message names; a TimeProblem
    when it is not a real time or contradicts its period, None when there is no time."""
    tokens, line = _tokens(text)
    return _time_in(tokens, line)


# --- days ---------------------------------------------------------------------------------------------

_DATE = re.compile(r"(?<![\d.:/-])(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/:-])")
_AFTER_A_DATE_IS_A_TIME = re.compile(r"\s*(?:h|g|gio)(?![a-z])|\s*[ap]\.?m\b")
_VI_WEEKDAYS = {"2": 0, "hai": 0, "3": 1, "ba": 1, "4": 2, "tu": 2, "5": 3, "nam": 3, "6": 4, "sau": 4, "7": 5,
                "bay": 5}
_VI_WEEKDAY_SPELLING = {"hai": ("hai",), "ba": ("ba",), "tu": ("tư",), "nam": ("năm",), "sau": ("sáu",),
                        "bay": ("bảy", "bẩy")}
_NOT_A_WEEKDAY_AFTER = frozenset({"tuan", "lan", "nguoi", "hang", "buoi", "con", "ky", "dot"})
_EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
                "sunday": 6}
_EN_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
             "sun": 6}
_GLUED = re.compile(r"(?:thu|t)([2-7])")
# Verbs done over and over before "mãi", and what follows it ("hỏi mãi không hiểu", "chờ mãi chưa thấy"): typed
# without marks, "mai" there is "mãi", not tomorrow.
_DONE_AGAIN = frozenset("hoi goi cho tim noi nhan bam thu dan khuyen".split())
_NOT_YET = frozenset("khong ko k chang cha chua van cung ma".split())
# ... or with whom it is done between ("hỏi bot mãi ko hiểu"); not "đổi qua mai" (a day it is moved to).
_DONE_TO = frozenset("bot ban em no ho anh chi ad may".split())
_TITLES = frozenset({"chi", "co", "em", "anh", "ban", "ba", "ong", "be", "bac", "di", "thay", "me", "con", "chau",
                     "cau", "mo", "thim", "o", "ms", "mrs", "miss", "mr"})
_NAY_AFTER = frozenset({"hom", "bua", "sang", "trua", "chieu", "toi", "dem", "khuya"})
# Words after which "nay" is "này" (this): "cái này", "tuần này", "lúc này".
_NAY_IS_THIS_AFTER = frozenset({"cai", "tuan", "thang", "nam", "luc", "gio", "dip", "lan", "ben", "chuyen", "viec",
                                "dieu", "van", "nguoi", "dot", "ky", "buoi", "so", "cho", "kieu", "loai", "thuoc",
                                "con", "chi", "anh", "em", "ban", "ong", "ba", "co", "chu", "bac", "may", "hoi"})
_MOT_AFTER = frozenset({"ngay", "sang", "trua", "chieu", "toi", "dem"})
_MOT_BEFORE = frozenset({"nhe", "nha", "duoc", "dc", "di", "ok", "thi", "sang", "trua", "chieu", "toi", "dem"})
_DAY_WORDS = frozenset({"nay", "mai", "mot", "hom", "ngay", "kia", "thu", "tuan", "cn", "chu", "chua", "hnay",
                        "today", "tomorrow", "tonight", "tmr", "tmrw", "next", "this"}) | set(_EN_WEEKDAYS)


def _is_day_word(token: _Token) -> bool:
    return token.word in _DAY_WORDS or bool(_GLUED.fullmatch(token.word) or _DATE.fullmatch(token.word))


def _neighbour(tokens: list[_Token], index: int) -> _Token | None:
    """The token at `index` when it is a word of the same phrase."""
    if 0 <= index < len(tokens) and not tokens[index].stop:
        return tokens[index]
    return None


def _date_in(line: str, today: date) -> date | TimeProblem | None:
    """The first written date: "25/11" is the next 25 November ("29/2" the next 29 February),
    "25/11/2026" that one. A slash date that does not exist is a TimeProblem; with dashes it is read as
    something else ("12-34")."""
    for found in _DATE.finditer(line):
        if _AFTER_A_DATE_IS_A_TIME.match(line, found.end()):
            continue
        day, month = int(found.group(1)), int(found.group(3))
        year_text = found.group(4)
        year = (int(year_text) + (2000 if len(year_text) == 2 else 0)) if year_text else today.year
        when = _next_year_with(month, day, year - 1)
        if when is not None and when.year != year and year_text:
            when = None
        if when is None:
            if found.group(2) == "-":
                continue
            return TimeProblem(N_("time.bad_date"), found.group(0))
        if when < today and not year_text:
            return _next_year_with(month, day, when.year) or when
        return when
    return None


def _next_year_with(month: int, day: int, after: int) -> date | None:
    """The date in the first year after `after` that has it (29 February waits for a leap year)."""
    for year in range(after + 1, after + 9):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def _weekdays(tokens: list[_Token], clock_tokens: set[int]) -> list[tuple[int, tuple[int, bool]]]:
    """Each weekday named: where, which (0 = Monday), and whether "next" stands right before it."""
    found = []
    for index, token in enumerate(tokens):
        before = _neighbour(tokens, index - 1)
        after = _neighbour(tokens, index + 1)
        weekday: int | None = None
        if token.means("thu", "thứ") and after is not None and after.word in _VI_WEEKDAYS and (
                after.bare or after.raw in _VI_WEEKDAY_SPELLING.get(after.word, (after.word,))):
            if before is None or before.word not in _NOT_A_WEEKDAY_AFTER:
                weekday = _VI_WEEKDAYS[after.word]
        elif (glued := _GLUED.fullmatch(token.word)) and (token.bare or token.raw.startswith("thứ")):
            weekday = int(glued.group(1)) - 2
        elif token.word == "cn" or ((token.means("chu", "chủ") or token.means("chua", "chúa")) and (
                after is not None and after.means("nhat", "nhật"))):
            weekday = 6
        elif token.word in _EN_WEEKDAYS:
            weekday = _EN_WEEKDAYS[token.word]
        elif token.word in _EN_SHORT and token.bare and (
                (before is not None and before.word in ("on", "this", "next")) or index + 1 in clock_tokens):
            weekday = _EN_SHORT[token.word]
        if weekday is not None:
            found.append((index, (weekday, before is not None and before.word == "next")))
    return found


def _weeks_ahead(tokens: list[_Token]) -> int:
    """1 for "tuần sau", "tuần tới", "next week"; 2 for "tuần sau nữa"; 0 when the week is not said."""
    for index, token in enumerate(tokens):
        after = _neighbour(tokens, index + 1)
        if after is None:
            continue
        if token.means("tuan", "tuần") and (after.means("sau", "sau") or after.means("toi", "tới")):
            further = _neighbour(tokens, index + 2)
            return 2 if further is not None and further.means("nua", "nữa") else 1
        if token.word == "next" and after.word == "week":
            return 1
    return 0


_SAID_DAYS = {"today": 0, "tonight": 0, "hnay": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1}


def _days_ahead(tokens: list[_Token], index: int, clock_tokens: set[int]) -> int | None:
    """How many days from today the word at `index` means, if it names a day by its distance."""
    token = tokens[index]
    before = _neighbour(tokens, index - 1)
    after = _neighbour(tokens, index + 1)
    next_to_time = index - 1 in clock_tokens or index + 1 in clock_tokens
    if token.word in _SAID_DAYS:
        after_day = index >= 2 and tokens[index - 1].word == "after" and tokens[index - 2].word == "day"
        return 2 if after_day else _SAID_DAYS[token.word]
    if token.word == "nay" and token.raw == "nay":
        said = before is None or before.word in _NAY_AFTER or (next_to_time and before.word not in _NAY_IS_THIS_AFTER)
        return 0 if said else None
    if token.word == "mai" and token.raw == "mai":
        named = token.typed[:1].isupper() and before is not None and before.word in _TITLES
        # "hỏi mãi không hiểu", "hỏi bot mãi ko hiểu", "gọi mãi vẫn không dậy" typed without marks: "again and
        # again", no day.
        done_again = before is not None and (before.word in _DONE_AGAIN or (
            before.word in _DONE_TO and index >= 2 and tokens[index - 2].word in _DONE_AGAIN))
        again_and_again = done_again and after is not None and after.word in _NOT_YET
        return None if named or again_and_again else 1
    if token.means("mot", "mốt"):
        said = not token.bare or after is None or next_to_time or (before is not None and before.word in _MOT_AFTER) \
            or after.word in _MOT_BEFORE or (after.word == "luc" and index + 2 in clock_tokens)
        return 2 if said else None
    if token.means("kia", "kia") and before is not None and before.means("ngay", "ngày"):
        return 2
    return None


def _relative_days(tokens: list[_Token], clock_tokens: set[int]) -> list[tuple[int, int]]:
    """Each "today", "tomorrow", "the day after" said: where, and how many days from today."""
    found = []
    for index in range(len(tokens)):
        ahead = _days_ahead(tokens, index, clock_tokens)
        if ahead is not None:
            found.append((index, ahead))
    return found


def _nearest(candidates: list[tuple[int, _T]], anchor: int | None) -> _T:
    """The value of the candidate nearest the time, or of the first one when there is no time."""
    if anchor is None:
        return candidates[0][1]
    return min(candidates, key=lambda c: (abs(c[0] - anchor), c[0]))[1]


def parse_day(text: str, today: date) -> date | TimeProblem | None:
    """The day the text names, counted from `today`. A date wins over a weekday, a weekday over
    "hôm nay"/"mai"/"mốt"; of several of a kind, the one nearest the time, or the first. A weekday is
    the next such day from today (today included); with "tuần sau", "tuần tới", "next week" or "next
    friday" it is that weekday of the week after this Monday-to-Sunday week. A date that has passed this
    year is next year's. "32/13" is a TimeProblem; text naming no day is None."""
    tokens, line = _tokens(text)
    written = _date_in(line, today)
    if written is not None:
        return written
    clocks = _clocks(tokens, line)
    anchor = clocks[0].first if clocks else None
    clock_tokens = {i for c in clocks for i in range(c.first, c.last + 1)}
    weekdays = _weekdays(tokens, clock_tokens)
    if weekdays:
        weekday, after_next = _nearest(weekdays, anchor)
        weeks = max(_weeks_ahead(tokens), 1 if after_next else 0)
        if weeks:
            monday = today - timedelta(days=today.weekday())
            return monday + timedelta(days=7 * weeks + weekday)
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    relative = _relative_days(tokens, clock_tokens)
    if relative:
        return today + timedelta(days=_nearest(relative, anchor))
    # A weekday that does not exist ("thứ 8") or a day gone ("hôm qua 9h"), with no other day said: a problem to say,
    # not today.
    wrong = _NO_SUCH_WEEKDAY.search(line) or _DAY_GONE.search(line)
    if wrong is not None:
        key = N_("time.bad_date") if wrong.re is _NO_SUCH_WEEKDAY else N_("time.past_day")
        typed = " ".join(t.typed for t in tokens if t.start >= wrong.start() and t.end <= wrong.end())
        return TimeProblem(key, typed or wrong.group(0))
    return None


# "thứ 8", "thu 9": no such weekday (Monday is "thứ 2", Saturday "thứ 7", Sunday "chủ nhật"). Not "t8", which is
# August in chat, nor "thu 8 triệu" (to collect eight million).
_NO_SUCH_WEEKDAY = re.compile(r"(?<![a-z0-9])thu ?(?:8|9)(?![a-z0-9:h])(?! (?:trieu|nghin|ngan|tr|k|cu)(?![a-z]))")
# A day already gone: "hôm qua", "hôm kia", "yesterday", "tuần trước", "last week".
_DAY_GONE = re.compile(r"(?<![a-z0-9])(?:hom qua|hom kia|bua qua|yesterday|tuan truoc|last week)(?![a-z0-9])")


def parse_when(text: str, today: date) -> tuple[date | None, time | None] | TimeProblem:
    """The day and the time of day the text names, each None when not said; the first problem found
    (the day's, then the time's) when either is nonsense."""
    day = parse_day(text, today)
    if isinstance(day, TimeProblem):
        return day
    at = parse_time_of_day(text)
    if isinstance(at, TimeProblem):
        return at
    return day, at


# --- lengths of time ------------------------------------------------------------------------------------

# "8 ngày", "hai tuần", "1 tháng", "a week", "10 days", "a few days": how long, on folded words. Folded,
# "sáu" (six) is "sau" (after: "sau ngày mai") and "tư" (four) is "từ" (since: "từ hôm qua"), so those two
# count only inside a larger number ("mười sáu"); a unit followed by a day ("bay ngày mai", "flying
# tomorrow") or a date ("ngày 20") is a day, not a length.
_ONES = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "bay": 7, "tam": 8, "chin": 9}
_COUNTS = {**_ONES, "muoi": 10, **{f"muoi {w}": 10 + n for w, n in (*_ONES.items(), ("sau", 6), ("tu", 4)) if n > 1},
           "muoi lam": 15, "muoi mot": 11, "hai muoi": 20, "ba muoi": 30,
           **dict(zip(("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "eleven", "twelve", "thirteen", "fourteen", "fifteen"), (1, 1, *range(1, 16)), strict=True)),
           "twenty": 20, "thirty": 30}
_VAGUE = r"vai|may|mot vai|it|few|a few|several|a couple of|couple of|a couple"
_UNITS = {"ngay": 1, "hom": 1, "bua": 1, "tuan": 7, "thang": 30, "day": 1, "days": 1, "week": 7, "weeks": 7,
          "month": 30, "months": 30}
DURATION = re.compile(
    r"(?<![a-z0-9])(?P<count>\d{1,3}|" + "|".join(sorted(_COUNTS, key=len, reverse=True)) + "|" + _VAGUE
    + r") (?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")(?![a-z0-9])(?! (?:\d|mai|kia|qua|do|truoc|hom|sau)(?![a-z0-9]))")


def parse_days(folded: str) -> int | None:
    """The first length of time in folded words, in days ("tắt nhắc 2 tuần" is 14); None when none is
    said or it is vague ("vài ngày", "a few days"): the person is asked how long."""
    for found in DURATION.finditer(folded):
        count = found["count"]
        number = int(count) if count.isdigit() else _COUNTS.get(count)
        if number is not None and number > 0:
            return number * _UNITS[found["unit"]]
        return None
    return None
