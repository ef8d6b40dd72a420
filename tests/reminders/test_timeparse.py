"""Typed times of day: the forms people use, and nonsense that gets a kind correction, never a crash."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from bot.timeparse import TimeProblem, parse_day, parse_time_of_day


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
