"""A counselor's week as typed with /gio, in the many ways people write it, and as it is shown back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.booking import describe_hours, weekly_hours
from bot.sites import parse_hours

CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
VI_NUMBER_WORDS = ("hai", "ba", "tư", "năm", "sáu", "bảy")
EN_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def test_the_forms_counselors_type() -> None:
    cases = {
        "T2-T6 8:00-11:30, 13:30-16:30; T7 8:00-11:00": "mon-fri 08:00-11:30; mon-fri 13:30-16:30; sat 08:00-11:00",
        "T2 đến T6 8h-11h30": "mon-fri 08:00-11:30",
        "thứ 2 - thứ 6 8:00-11:30": "mon-fri 08:00-11:30",
        "thứ hai đến thứ sáu 8h-11h30 và 13h30-16h30": "mon-fri 08:00-11:30; mon-fri 13:30-16:30",
        "Thứ Hai – Thứ Sáu 8h–11h30": "mon-fri 08:00-11:30",
        "thu hai den thu sau 8h-11h30": "mon-fri 08:00-11:30",
        "t2->t6 8g-11g": "mon-fri 08:00-11:00",
        "Mon-Fri 8-11:30": "mon-fri 08:00-11:30",
        "Monday to Friday 8am-11:30am, 1-5pm": "mon-fri 08:00-11:30; mon-fri 13:00-17:00",
        "CN 8h-10h": "sun 08:00-10:00",
        "chủ nhật 8h-10h": "sun 08:00-10:00",
        "T7 sáng 8h-11h": "sat 08:00-11:00",
        "T7 chiều 1h-4h30": "sat 13:00-16:30",
        "T7 sáng 8h-11h chiều 1h-4h": "sat 08:00-11:00; sat 13:00-16:00",
        "T2-T6 8h-11h sáng, 1h30-4h30 chiều": "mon-fri 08:00-11:00; mon-fri 13:30-16:30",
        "T2-T6 10h-2h chiều": "mon-fri 10:00-14:00",
        "T2-T6: từ 8h đến 11h30": "mon-fri 08:00-11:30",
        "T2, T4 8h-11h": "mon 08:00-11:00; wed 08:00-11:00",
        "T2–T6 8h-11h\nT7 8h-10h": "mon-fri 08:00-11:00; sat 08:00-10:00",
        "T2-T6 8h-11h T7 8h-10h": "mon-fri 08:00-11:00; sat 08:00-10:00",
        "hằng ngày 7h-9h": "mon-sun 07:00-09:00",
        "thứ 7 - chủ nhật 8 giờ - 10 giờ 30": "sat-sun 08:00-10:30",
        "thứ 2-6 8h-11h": "mon-fri 08:00-11:00",
        "T2-6 8h-11h": "mon-fri 08:00-11:00",
        "Thu 14:00-16:00": "thu 14:00-16:00",
        "Thu 2:00-4:00 pm": "thu 14:00-16:00",
    }
    for typed, canonical in cases.items():
        assert weekly_hours(typed) == canonical, typed
        parse_hours(canonical)


@pytest.mark.parametrize(("typed", "named"), [
    ("T8 8h-11h", "'T8 8h-11h'"),
    ("T2-T6", "'T2-T6': days without hours"),
    ("T2-T6 8h-11h; 13h-16h", "'13h-16h'"),
    ("Thứ Hai đến Thứ Sáu 8h-11h, lung tung", "'lung tung'"),
    ("T2-T6 11h-8h", "the range runs backwards"),
    ("T2-T6 8h-25h", "not a time of day"),
    ("T2-T6 15h-17h sáng", "does not fit the part of the day"),
    ("xin chào", "'xin chào'"),
    ("", "no hours"),
])
def test_what_cannot_be_read_is_named(typed: str, named: str) -> None:
    with pytest.raises(ValueError, match=named.replace("(", r"\(")):
        weekly_hours(typed)


def test_hours_are_shown_in_the_persons_language() -> None:
    canonical = "mon-fri 08:00-11:30; mon-fri 13:30-16:30; sat 08:00-11:00"
    assert describe_hours(canonical, "vi") == "Thứ 2–Thứ 6 8:00–11:30, 13:30–16:30; Thứ 7 8:00–11:00"
    assert describe_hours(canonical, "en") == "Mon–Fri 8:00–11:30, 13:30–16:30; Sat 8:00–11:00"
    assert describe_hours("sun 07:00-09:00", "vi") == "Chủ nhật 7:00–9:00"
    assert describe_hours("mon 08:00-11:00; wed 08:00-11:00; mon 13:00-16:00", "vi") == (
        "Thứ 2 8:00–11:00, 13:00–16:00; Thứ 4 8:00–11:00")
    assert describe_hours("sat 08:00-11:00", "fr") == "Thứ 7 8:00–11:00"
    with pytest.raises(ValueError):
        describe_hours("sometimes", "vi")


# --- every way of writing a week -------------------------------------------------------------------------


# Day groups: first and last weekday (0 = Monday) and the spans (opening hour, minute, closing hour, minute).
Week = list[tuple[int, int, list[tuple[int, int, int, int]]]]


@st.composite
def weeks(draw: st.DrawFn) -> Week:
    """Day groups (first and last weekday) each with spans (opens, closes) that run forward."""
    groups = draw(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)).map(lambda d: (min(d), max(d))),
                           min_size=1, max_size=3, unique=True))
    week = []
    for first, last in groups:
        spans = []
        for _ in range(draw(st.integers(1, 3))):
            opens = (draw(st.integers(0, 22)), draw(st.sampled_from([0, 5, 15, 30, 45])))
            closes = (draw(st.integers(opens[0] + 1, 23)), draw(st.sampled_from([0, 15, 30, 59])))
            spans.append((*opens, *closes))
        week.append((first, last, spans))
    return week


def canonical_of(week: Week) -> str:
    parts = []
    for first, last, spans in week:
        days = CODES[first] if first == last else f"{CODES[first]}-{CODES[last]}"
        parts += [f"{days} {h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}" for h1, m1, h2, m2 in spans]
    return "; ".join(parts)


def day_name(day: int, english: bool, data: st.DataObject) -> str:
    draw = data.draw
    if english:
        name = EN_NAMES[day]
        short = "Thurs" if day == 3 else name[:3].capitalize()  # "Thu 2" would be "thứ 2", Monday
        return draw(st.sampled_from([name, name.capitalize(), short]))
    if day == 6:
        return draw(st.sampled_from(["CN", "chủ nhật", "Chủ nhật", "chu nhat"]))
    return draw(st.sampled_from([f"T{day + 2}", f"t{day + 2}", f"thứ {day + 2}", f"Thứ {day + 2}",
                                 f"thứ {VI_NUMBER_WORDS[day]}", f"thu {day + 2}"]))


def clock(hour: int, minute: int, data: st.DataObject) -> str:
    draw = data.draw
    if minute == 0:
        return draw(st.sampled_from([f"{hour}", f"{hour}h", f"{hour}g", f"{hour}:00", f"{hour:02d}:00",
                                     f"{hour} giờ"]))
    return draw(st.sampled_from([f"{hour}:{minute:02d}", f"{hour}h{minute:02d}", f"{hour}g{minute:02d}",
                                 f"{hour:02d}:{minute:02d}", f"{hour} giờ {minute}"]))


def span_text(span: tuple[int, int, int, int], english: bool, data: st.DataObject) -> str:
    draw = data.draw
    h1, m1, h2, m2 = span
    joiner = draw(st.sampled_from(["-", " - ", "–", " to "] if english else ["-", " - ", "–", " đến ", " tới "]))
    if h1 >= 12 and h2 >= 13 and draw(st.booleans()):  # the afternoon, on the 12-hour clock
        start, end = clock(h1 - 12 or 12, m1, data), clock(h2 - 12, m2, data)
        if english:
            return f"{start}{joiner}{end}pm"
        return f"{start}{joiner}{end} chiều"  # before the span, "chiều" would read the spans after it too
    return f"{clock(h1, m1, data)}{joiner}{clock(h2, m2, data)}"


@settings(max_examples=300)
@given(weeks(), st.booleans(), st.data())
def test_every_way_of_writing_a_week_gives_the_same_hours(week: Week, english: bool, data: st.DataObject) -> None:
    draw = data.draw
    groups = []
    for first, last, spans in week:
        days = day_name(first, english, data)
        if last != first:
            joiner = draw(st.sampled_from(["-", " - ", "–", "->", " to "] if english else
                                          ["-", " - ", "–", "->", " đến ", " tới ", " den "]))
            days += joiner + day_name(last, english, data)
        between = draw(st.sampled_from([", ", " and "] if english else [", ", " và ", " va "]))
        groups.append(f"{days}{draw(st.sampled_from([' ', ': ']))}"
                      + between.join(span_text(s, english, data) for s in spans))
    typed = "".join(g + draw(st.sampled_from(["; ", "\n", " ", ";"])) for g in groups[:-1]) + groups[-1]
    assert weekly_hours(typed) == canonical_of(week), typed


@given(weeks(), st.sampled_from(["vi", "en"]))
def test_the_hours_shown_can_be_typed_back(week: Week, lang: str) -> None:
    canonical = canonical_of(week)
    assert weekly_hours(describe_hours(canonical, lang)) == canonical
