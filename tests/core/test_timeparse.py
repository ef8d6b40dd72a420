"""Typed times of day: the forms people use, and nonsense that gets a kind correction, never a crash."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.normalize import fold, words
from bot.timeparse import TimeProblem, parse_day, parse_days, parse_time_of_day, parse_when


def test_the_forms_people_type() -> None:
    cases = {
        "7h": time(7), "7h30": time(7, 30), "7g30": time(7, 30), "7:30": time(7, 30), "07:30": time(7, 30),
        "7 giờ sáng": time(7), "6 giờ 15": time(6, 15), "9 rưỡi": time(9, 30), "8 gio ruoi": time(8, 30),
        "7h tối": time(19), "10h toi": time(22), "chiều 3h": time(15), "19h": time(19), "7pm": time(19),
        "7 am": time(7), "12am": time(0), "nhắc tôi 7h sáng mỗi ngày": time(7), "0h": time(0),
        "nhắc tôi 7h mỗi ngày": time(7), "nhac toi 7h moi ngay": time(7), "7 giờ tối": time(19),
    }
    for typed, expected in cases.items():
        assert parse_time_of_day(typed) == expected, typed


def test_a_time_typed_with_a_dot_is_a_time_where_its_minutes_cannot_be_a_month() -> None:
    cases = {"remind me at 7.30 every morning": time(7, 30), "nhắc tôi 8.45 tối": time(20, 45),
             "at 6.15pm": time(18, 15), "9.00": time(9)}
    for typed, expected in cases.items():
        assert parse_time_of_day(typed) == expected, typed
    for typed in ("ngày 7.12", "uống 2.5 viên", "version 2.0"):
        assert parse_time_of_day(typed) is None, typed


def test_nonsense_is_explained_and_text_without_a_time_is_none() -> None:
    assert parse_time_of_day("25h") == TimeProblem("time.bad_hour", "25h")
    assert parse_time_of_day("7:75") == TimeProblem("time.bad_minute", "7:75")
    assert parse_time_of_day("xin chào") is None
    assert parse_time_of_day("") is None


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["{h}h{m:02d}", "{h}:{m:02d}", "{h:02d}:{m:02d}",
                                                                  "{h} giờ {m}", "{h}g{m:02d}"]))
def test_every_real_time_round_trips(hour: int, minute: int, form: str) -> None:
    assert parse_time_of_day(form.format(h=hour, m=minute)) == time(hour, minute)


@given(st.integers(24, 99), st.integers(0, 59))
def test_hours_past_23_are_refused(hour: int, minute: int) -> None:
    result = parse_time_of_day(f"{hour}h{minute:02d}")
    assert isinstance(result, TimeProblem) and result.key == "time.bad_hour"


@given(st.text(max_size=200))
def test_any_text_gives_a_time_a_problem_or_none(text: str) -> None:
    result = parse_time_of_day(text)
    assert result is None or isinstance(result, (time, TimeProblem))


@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)), st.integers(1, 31), st.integers(1, 12))
def test_a_typed_date_is_a_real_future_day_or_a_kind_problem(today: date, day: int, month: int) -> None:
    result = parse_day(f"{day}/{month}", today)
    if isinstance(result, TimeProblem):
        assert result.key == "time.bad_date"
    else:
        assert isinstance(result, date) and (result.day, result.month) == (day, month) and result >= today


@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)), st.sampled_from(
    ["thứ 2", "thu 3", "thứ tư", "thu 5", "thứ 6", "thu 7", "chủ nhật", "cn"]))
def test_a_weekday_is_the_next_such_day(today: date, typed: str) -> None:
    result = parse_day(typed, today)
    assert isinstance(result, date) and 0 <= (result - today).days < 7


def test_days_people_type() -> None:
    today = date(2026, 11, 23)  # a Monday
    assert parse_day("mai 9h", today) == date(2026, 11, 24)
    assert parse_day("mốt", today) == date(2026, 11, 25)
    assert parse_day("hôm nay", today) == today
    assert parse_day("thứ 6", today) == date(2026, 11, 27)
    assert parse_day("1/1", today) == date(2027, 1, 1)  # passed this year: next year
    assert parse_day("32/13", today) == TimeProblem("time.bad_date", "32/13")
    assert parse_day("xin chào", today) is None
    typed = "9g30 sáng thứ bảy"
    assert (parse_day(typed, today), parse_time_of_day(typed)) == (date(2026, 11, 28), time(9, 30))


# --- every way of saying a day and a time ------------------------------------------------------------

TODAY = date(2026, 11, 23)  # a Monday
VI_NUMBER_WORDS = ("hai", "ba", "tư", "năm", "sáu", "bảy")
EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EN_SHORT = ("mon", "tue", "wed", "thurs", "fri", "sat", "sun")  # "thu 2" is Vietnamese: "thứ 2"


# A day as (kind, number, next week): ("today", 0, False), ("weekday", 4, True) for next week's Friday,
# ("date", 40, False) for the date 40 days ahead, written as a date.
Spec = tuple[str, int, bool]


def expected_day(spec: Spec, today: date) -> date:
    """The day a spec means, computed without the parser: a weekday is the next one from today (today
    included), or that weekday of the week after this Monday-to-Sunday week."""
    kind, number, next_week = spec
    if kind == "weekday" and next_week:
        return today - timedelta(days=today.weekday()) + timedelta(days=7 + number)
    if kind == "weekday":
        return today + timedelta(days=(number - today.weekday()) % 7)
    return today + timedelta(days={"today": 0, "tomorrow": 1, "after": 2}.get(kind, number))


DAY_SPECS = st.one_of(
    st.sampled_from([("today", 0, False), ("tomorrow", 0, False), ("after", 0, False)]),
    st.tuples(st.just("weekday"), st.integers(0, 6), st.booleans()),
    st.tuples(st.just("date"), st.integers(0, 300), st.just(False)),
)


def vi_days(spec: Spec, today: date) -> list[str]:
    kind, weekday, next_week = spec
    if kind == "today":
        return ["hôm nay", "nay"]
    if kind == "tomorrow":
        return ["mai", "ngày mai"]
    if kind == "after":
        return ["mốt", "ngày mốt", "ngày kia"]
    if kind == "weekday":
        names = ["chủ nhật", "CN"] if weekday == 6 else [f"thứ {weekday + 2}", f"thứ {VI_NUMBER_WORDS[weekday]}",
                                                          f"T{weekday + 2}"]
        return [f"{n} tuần {w}" for n in names for w in ("sau", "tới")] if next_week else names
    day = expected_day(spec, today)
    return [f"{day.day}/{day.month}", f"{day:%d/%m}", f"{day:%d-%m}", f"{day:%d/%m/%Y}", f"ngày {day:%d/%m}"]


def en_days(spec: Spec, today: date) -> list[str]:
    kind, weekday, next_week = spec
    if kind == "today":
        return ["today"]
    if kind == "tomorrow":
        return ["tomorrow", "Tomorrow"]
    if kind == "after":
        return ["the day after tomorrow", "day after tomorrow"]
    if kind == "weekday":
        name = EN_WEEKDAYS[weekday]
        if next_week:
            return [f"next {name}", f"{name} next week", f"Next {name.capitalize()}", f"next {EN_SHORT[weekday]}"]
        return [name, name.capitalize(), f"on {name}", f"this {name}", f"on {EN_SHORT[weekday]}"]
    day = expected_day(spec, today)
    return [f"{day.day}/{day.month}", f"on {day:%d/%m}", f"{day:%d/%m/%Y}"]


def vi_periods(hour: int) -> list[tuple[str, int]]:
    """The part-of-day words a Vietnamese speaker uses for an hour, with the hour said with each."""
    if hour == 0:
        return [("đêm", 12)]
    if hour <= 4:
        return [("sáng", hour), ("đêm", hour)]
    if hour <= 10:
        return [("sáng", hour)]
    if hour == 11:
        return [("sáng", 11), ("trưa", 11)]
    if hour == 12:
        return [("trưa", 12), ("chiều", 12)]
    if hour <= 14:
        return [("trưa", hour - 12), ("chiều", hour - 12), ("chiều", hour)]
    if hour <= 17:
        return [("chiều", hour - 12), ("chiều", hour)]
    if hour <= 21:
        return [("tối", hour - 12), ("tối", hour)]
    return [("tối", hour - 12), ("đêm", hour - 12), ("tối", hour)]


def vi_clock(hour: int, minute: int) -> list[str]:
    forms = [f"{hour}h{minute:02d}", f"{hour}:{minute:02d}", f"{hour} giờ {minute}", f"{hour}g{minute:02d}"]
    if minute == 0:
        forms += [f"{hour}h", f"{hour} giờ", f"{hour}g"]
    if minute == 30:
        forms += [f"{hour} giờ rưỡi", f"{hour}h rưỡi", f"{hour} rưỡi"]
    return forms


VI_ORDERS_WITH_PERIOD = ("{t} {p} {d}", "{p} {d} {t}", "{d} {t} {p}", "{d} {p} {t}", "{p} {t} {d}", "{p} {d} lúc {t}",
                         "{d} lúc {t} {p}")
VI_ORDERS = ("{t} {d}", "{d} {t}", "{d} lúc {t}", "lúc {t} {d}")


def vi_renderings(spec: Spec, hour: int, minute: int, today: date) -> list[str]:
    found = []
    for day in vi_days(spec, today):
        for order in VI_ORDERS:
            if day == "nay" and order.index("{d}") > order.index("{t}"):
                continue  # "3 giờ nay": "nay" right after "giờ" is "này"
            found += [order.format(t=t, d=day) for t in vi_clock(hour, minute)]
        for period, said in vi_periods(hour):
            for order in VI_ORDERS_WITH_PERIOD:
                if day == "nay" and "{t} {d}" in order:
                    continue
                found += [order.format(t=t, p=period, d=day) for t in vi_clock(said, minute)]
    return found


def en_clock(hour: int, minute: int) -> list[str]:
    twelve, half = hour % 12 or 12, "am" if hour < 12 else "pm"
    forms = [f"{twelve}:{minute:02d} {half}", f"{twelve}:{minute:02d}{half}", f"{twelve}:{minute:02d} {half[0]}.m.",
             f"{hour:02d}:{minute:02d}", f"at {hour}:{minute:02d}", f"at {twelve}:{minute:02d} {half}"]
    part = "morning" if 1 <= hour < 12 else "afternoon" if 12 <= hour < 18 else "evening" if hour >= 18 else None
    if part:
        forms += [f"at {twelve}:{minute:02d} in the {part}", f"in the {part} at {twelve}:{minute:02d}"]
    if minute == 0:
        forms += [f"{twelve}{half}", f"{twelve} {half}", f"at {twelve}{half}"]
        if part:
            forms += [f"at {twelve} in the {part}", f"{twelve} o'clock in the {part}", f"in the {part} at {twelve}"]
        if hour in (0, 12):
            forms.append("midnight" if hour == 0 else "noon")
    return forms


def en_renderings(spec: Spec, hour: int, minute: int, today: date) -> list[str]:
    found = []
    for day in en_days(spec, today):
        for clock in en_clock(hour, minute):
            found += [f"{day} {clock}", f"{clock} {day}"]
            if not clock.startswith(("at ", "in ")):
                found.append(f"{day} at {clock}")
    if spec[0] == "today" and hour >= 18:
        twelve = hour - 12
        found += [f"tonight at {twelve}:{minute:02d}", f"tonight {twelve}:{minute:02d} pm"]
    return found


def without_diacritics(text: str) -> str:
    return fold(text)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)), DAY_SPECS, st.integers(0, 23),
       st.sampled_from([0, 0, 5, 15, 30, 45, 59]), st.data())
def test_every_way_of_saying_a_day_and_time_means_the_same(today: date, spec: Spec, hour: int,
                                                            minute: int, data: st.DataObject) -> None:
    day = expected_day(spec, today)
    canonical = f"{day:%d/%m/%Y} {hour:02d}:{minute:02d}"
    assert parse_when(canonical, today) == (day, time(hour, minute)), canonical
    vi = vi_renderings(spec, hour, minute, today)
    typed = data.draw(st.sampled_from(vi + [without_diacritics(v) for v in vi] + en_renderings(spec, hour, minute,
                                                                                               today)))
    assert parse_when(typed, today) == parse_when(canonical, today), typed


def test_the_renderings_of_one_moment_all_agree() -> None:
    """Every rendering of a few moments at once, so a broken form shows up even when sampling misses it."""
    specs: tuple[Spec, ...] = (("today", 0, False), ("tomorrow", 0, False), ("after", 0, False), ("weekday", 4, True),
                               ("weekday", 6, False), ("date", 40, False))
    for spec in specs:
        for hour, minute in ((0, 0), (9, 30), (12, 0), (13, 15), (15, 0), (19, 45), (23, 0)):
            expected = (expected_day(spec, TODAY), time(hour, minute))
            vi = vi_renderings(spec, hour, minute, TODAY)
            for typed in vi + [without_diacritics(v) for v in vi] + en_renderings(spec, hour, minute, TODAY):
                assert parse_when(typed, TODAY) == expected, typed


AFTERNOON_OR_EVENING = ("chiều", "tối", "chieu", "toi", "afternoon", "evening", "tonight")
MORNING = ("sáng", "sang", "morning")
VI_PLACES = ("{h}h{m:02d} {w}", "{w} {h}h{m:02d}", "{w} mai {h} giờ {m}", "{h} giờ {m} {w} mai", "mai {h}:{m:02d} {w}",
             "{w} thứ 6 lúc {h}:{m:02d}", "{w} nay {h}h{m:02d}", "thứ 6 {w} {h}h{m:02d}")
EN_PLACES = ("at {h}:{m:02d} in the {w}", "in the {w} at {h}:{m:02d}", "tomorrow {w} at {h}:{m:02d}")
TONIGHT_PLACES = ("tonight at {h}:{m:02d}", "{h}:{m:02d} tonight", "tonight {h}h{m:02d}")


def places(word: str) -> tuple[str, ...]:
    return TONIGHT_PLACES if word == "tonight" else EN_PLACES if word.isascii() and len(word) > 5 else VI_PLACES


@given(st.integers(0, 30), st.integers(0, 59), st.sampled_from(AFTERNOON_OR_EVENING + MORNING), st.data())
def test_a_part_of_the_day_never_moves_a_time_into_another(hour: int, minute: int, word: str,
                                                          data: st.DataObject) -> None:
    """An afternoon or evening word never gives a morning time (midnight is where "12 giờ tối" ends),
    a morning word never a time from 13:00, and an hour on the 24-hour clock is never shifted."""
    place = data.draw(st.sampled_from(places(word)))
    result = parse_time_of_day(place.format(h=hour, m=minute, w=word))
    if isinstance(result, TimeProblem) or result is None:
        return
    if word in AFTERNOON_OR_EVENING:
        assert result.hour >= 12 or (result.hour == 0 and hour in (0, 12) and word not in ("chiều", "chieu",
                                                                                           "afternoon"))
    else:
        assert result.hour < 13
    if hour == 0 or 13 <= hour <= 23:
        assert result.hour == hour


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(AFTERNOON_OR_EVENING + MORNING))
def test_a_part_of_the_day_in_another_phrase_reads_only_a_12_hour_time(hour: int, minute: int, word: str) -> None:
    """"sáng nay bận, 15h nhé": the morning is not when the 15:00 is; "chiều mai nhé, tầm 3h" is 15:00."""
    alone = parse_time_of_day(f"{hour}h{minute:02d}")
    result = parse_time_of_day(f"{word} mai nhé, tầm {hour}h{minute:02d}")
    if hour == 0 or hour >= 13 or word in ("toi", "sang"):  # the undiacritized ones only count in the phrase
        assert result == alone
    else:
        assert result == parse_time_of_day(f"{hour}h{minute:02d} {word}")


@given(st.sampled_from(["pm", " pm", "p.m.", "am", " am"]), st.integers(0, 23), st.integers(0, 59))
def test_am_and_pm_are_the_twelve_hour_clock(half: str, hour: int, minute: int) -> None:
    result = parse_time_of_day(f"{hour}:{minute:02d}{half}")
    if "p" in half:
        assert result == (time(hour if hour >= 12 else hour + 12, minute) if hour else
                          TimeProblem("time.period_mismatch", f"{hour}:{minute:02d}{half}"))
    elif hour > 12:
        assert isinstance(result, TimeProblem) and result.key == "time.period_mismatch"
    else:
        assert result == time(hour % 12, minute)


@given(st.text(max_size=200), st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)))
def test_any_text_gives_a_day_a_problem_or_none(text: str, today: date) -> None:
    day = parse_day(text, today)
    assert day is None or isinstance(day, (date, TimeProblem))
    both = parse_when(text, today)
    assert isinstance(both, (tuple, TimeProblem))


# --- examples --------------------------------------------------------------------------------------------


def test_the_part_of_the_day_may_stand_anywhere() -> None:
    tomorrow_three = (date(2026, 11, 24), time(15))
    for typed in ("chiều mai 3 giờ", "3 giờ chiều mai", "15h ngày mai", "mai 15:00", "tomorrow 3pm", "3pm tomorrow",
                  "mai 3 giờ chiều", "chieu mai 3 gio", "3 gio chieu mai", "tomorrow at 3 in the afternoon",
                  "in the afternoon at 3 tomorrow", "Chiều mai lúc 3h nhé", "mai chiều 3h"):
        assert parse_when(typed, TODAY) == tomorrow_three, typed
    assert parse_when("tối nay 7h", TODAY) == (TODAY, time(19))
    assert parse_when("tonight 8pm", TODAY) == (TODAY, time(20))
    assert parse_when("today at 10am", TODAY) == (TODAY, time(10))
    assert parse_when("Tuesday 8:00", TODAY) == (date(2026, 11, 24), time(8))
    assert parse_when("next friday 2:30 pm", TODAY) == (date(2026, 12, 4), time(14, 30))
    assert parse_time_of_day("in the afternoon at 3") == time(15)


def test_noon_night_and_the_english_forms() -> None:
    cases = {
        "12h trưa": time(12), "1h trưa": time(13), "trưa 11h": time(11), "đêm 11h": time(23), "12h đêm": time(0),
        "2 giờ đêm": time(2), "12 giờ tối": time(0), "noon": time(12), "midnight": time(0), "12 noon": time(12),
        "nửa đêm": time(0), "at 3": time(3), "8 o'clock": time(8), "8 o'clock in the evening": time(20),
        "12pm": time(12), "12:30 am": time(0, 30), "3 p.m.": time(15), "at 8 tonight": time(20),
        "8 giờ kém 15": time(7, 45), "8 giờ kém 15 tối": time(19, 45), "lúc 3 chiều": time(15), "7h30p": time(7, 30),
        "6 giờ 5 phút": time(6, 5),
    }
    for typed, expected in cases.items():
        assert parse_time_of_day(typed) == expected, typed


def test_a_24_hour_time_is_never_shifted() -> None:
    assert parse_time_of_day("15h chiều") == time(15)
    assert parse_time_of_day("19:00 tối mai") == time(19)
    assert parse_time_of_day("sáng nay mình bận, 15h nhé") == time(15)  # the morning is another phrase
    assert parse_time_of_day("15h sáng") == TimeProblem("time.period_mismatch", "15h sáng")
    assert parse_time_of_day("sáng mai 15h") == TimeProblem("time.period_mismatch", "sáng mai 15h")
    assert parse_time_of_day("15am") == TimeProblem("time.period_mismatch", "15am")
    assert parse_time_of_day("0h chiều") == TimeProblem("time.period_mismatch", "0h chiều")


def test_toi_without_diacritics_is_the_evening_only_where_a_period_stands() -> None:
    """"toi" is "tối" right after a time, or right before a time or a day word unless a verb before it
    takes it as its object ("nhắc tôi", "cho tôi", "tuần tới"); "tôi" and "tới" typed with diacritics
    never are."""
    cases = {
        "toi nay 7h": time(19), "toi mai 7h": time(19), "7h toi": time(19), "toi 7h": time(19), "10h toi": time(22),
        "buoi toi 7h": time(19), "nhac toi 7h toi": time(19), "toi thu 6 7h": time(19), "tối 7h": time(19),
        "nhac toi 7h": time(7), "nhac toi mai 7h": time(7), "cho toi 7h": time(7), "giup toi dat lich 7h": time(7),
        "hen toi 7h": time(7), "tuan toi thu 6 7h": time(7), "toi muon dat 7h": time(7), "nhắc tôi 7h": time(7),
        "tôi 7h đến": time(7), "7h tới": time(7), "toi muon hen, 7h": time(7),
    }
    for typed, expected in cases.items():
        assert parse_time_of_day(typed) == expected, typed
    assert parse_day("nhac toi mai 7h", TODAY) == date(2026, 11, 24)


def test_words_that_fold_like_day_and_period_words() -> None:
    assert parse_day("chị Mai 9h", TODAY) is None  # a name
    assert parse_day("hẹn cô Mai nhé", TODAY) is None
    assert parse_day("chi mai 9h qua nhe", TODAY) == date(2026, 11, 24)  # "chị, mai 9h qua nhé"
    assert parse_day("Mai 9h được không", TODAY) == date(2026, 11, 24)
    assert parse_day("mãi mới được", TODAY) is None
    assert parse_day("cho mình hỏi cái này", TODAY) is None
    assert parse_day("cai nay 9h", TODAY) is None
    assert parse_day("nay 9h", TODAY) == TODAY
    assert parse_day("nay em ranh", TODAY) == TODAY
    assert parse_day("hien nay", TODAY) is None
    assert parse_day("ba tôi bị ốm", TODAY) is None
    assert parse_day("thứ ba", TODAY) == date(2026, 11, 24)
    assert parse_day("tư vấn methadone", TODAY) is None
    assert parse_day("thứ tư", TODAY) == date(2026, 11, 25)
    assert parse_day("thứ tự ưu tiên", TODAY) is None
    assert parse_day("lần thứ hai", TODAY) is None
    assert parse_day("mot chut thoi", TODAY) is None
    assert parse_day("một lần", TODAY) is None
    assert parse_day("mot 9h", TODAY) == date(2026, 11, 25)
    assert parse_day("ngay mot", TODAY) == date(2026, 11, 25)
    assert parse_time_of_day("doi sang 15h") == time(15)
    assert parse_time_of_day("chuyển sang 3h chiều") == time(15)
    assert parse_time_of_day("dem theo giay to luc 9h") == time(9)
    assert parse_time_of_day("good evening, tomorrow at 3") == time(3)
    assert parse_day("thu tuc the nao", TODAY) is None
    assert parse_day("mon an", TODAY) is None


def test_days_and_weeks() -> None:
    sunday = date(2026, 11, 29)
    assert parse_day("thứ 6 tuần sau", TODAY) == date(2026, 12, 4)
    assert parse_day("thu 6 tuan toi", TODAY) == date(2026, 12, 4)
    assert parse_day("tuần sau thứ 6", TODAY) == date(2026, 12, 4)
    assert parse_day("thứ 6", TODAY) == date(2026, 11, 27)
    assert parse_day("thứ 6 tuần này", TODAY) == date(2026, 11, 27)
    assert parse_day("this friday", TODAY) == date(2026, 11, 27)
    assert parse_day("next friday", TODAY) == date(2026, 12, 4)
    assert parse_day("thứ 6 tuần sau nữa", TODAY) == date(2026, 12, 11)
    assert parse_day("thứ 2 tuần sau", sunday) == date(2026, 11, 30)
    assert parse_day("thứ 2", sunday) == date(2026, 11, 30)
    assert parse_day("chủ nhật tuần sau", sunday) == date(2026, 12, 6)
    assert parse_day("T7", TODAY) == date(2026, 11, 28)
    assert parse_day("CN", TODAY) == sunday
    assert parse_day("ngày kia", TODAY) == date(2026, 11, 25)
    assert parse_day("the day after tomorrow", TODAY) == date(2026, 11, 25)
    assert parse_day("25-11", TODAY) == date(2026, 11, 25)
    assert parse_day("25/11/27", TODAY) == date(2027, 11, 25)
    assert parse_day("32/13", TODAY) == TimeProblem("time.bad_date", "32/13")
    assert parse_day("12-34", TODAY) is None  # dashes: not a date, maybe a number
    assert parse_day("T6 8-11h", TODAY) == date(2026, 11, 27)  # "8-11h" is hours, not 8 November
    assert parse_day("29/2", date(2028, 3, 1)) == date(2032, 2, 29)
    assert parse_day("29/2", date(2027, 6, 1)) == date(2028, 2, 29)  # the next 29 February
    assert parse_day("29/2/2027", TODAY) == TimeProblem("time.bad_date", "29/2/2027")
    assert parse_day("hôm nay bận, mai 9h", TODAY) == date(2026, 11, 24)  # the day that goes with the time


def test_parse_when_reads_both_or_names_the_problem() -> None:
    assert parse_when("xin chào", TODAY) == (None, None)
    assert parse_when("mai", TODAY) == (date(2026, 11, 24), None)
    assert parse_when("9h", TODAY) == (None, time(9))
    assert parse_when("32/13 9h", TODAY) == TimeProblem("time.bad_date", "32/13")
    assert parse_when("mai 25h", TODAY) == TimeProblem("time.bad_hour", "25h")


@pytest.mark.parametrize(("text", "days"), [
    ("tắt nhắc 8 ngày", 8), ("dung nhac 2 tuan", 14), ("mười lăm ngày", 15), ("một tháng", 30),
    ("mute for a week", 7), ("for eleven days", 11), ("tạm dừng vài ngày", None), ("a few days", None),
    ("dừng nhắc sau ngày mai", None), ("em bay ngày mai", None), ("từ hôm qua", None), ("ngày 20", None),
])
def test_a_length_of_time_is_read_in_days(text: str, days: int | None) -> None:
    assert parse_days(" ".join(words(text))) == days


@pytest.mark.parametrize(("text", "problem"), [("thứ 8 lúc 9h", TimeProblem("time.bad_date", "thứ 8")),
                                               ("hôm qua 9h", TimeProblem("time.past_day", "hôm qua")),
                                               ("yesterday at 9", TimeProblem("time.past_day", "yesterday"))])
def test_a_weekday_that_does_not_exist_or_a_day_gone_is_a_problem_not_today(text: str, problem: TimeProblem) -> None:
    assert parse_day(text, TODAY) == problem


@pytest.mark.parametrize("text", ["t8 em về quê", "thu 8 triệu tiền nhà", "hôm qua em bận, mai 9h được không"])
def test_august_in_chat_money_or_a_day_said_beside_the_past_is_no_problem(text: str) -> None:
    assert not isinstance(parse_day(text, TODAY), TimeProblem), text
