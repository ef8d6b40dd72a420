"""Daily dose-visit reminders by conversation: set a time, change it, pause for some days, stop, see it;
and the answers to a reminder ("Đã đi" / "Hôm nay chưa đi được").

One daily reminder per person: it is what the clinic visit needs, and one is easy to manage by typing.
"nhắc tôi 7h sáng mỗi ngày" typed anywhere sets or changes it. Consent comes first (the menu asks).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from typing import ClassVar

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.keys import ChoiceKey
from bot.messages import Reply
from bot.normalize import words
from bot.services.reminder_kinds import dose
from bot.services.reminder_kinds.dose import DoseKey
from bot.store.records import Reminder
from bot.timeparse import TimeProblem, parse_time_of_day
from handlers.menu import main_menu, menu_unless_in_flow
from handlers.privacy import ask_consent_for

FLOW = "remind"
# The longest pause: longer, stopping and setting again later says more plainly what happens.
PAUSE_MAX_DAYS = 60
PAUSE_DAYS = {1: N_("reminders.days_1"), 3: N_("reminders.days_3"), 7: N_("reminders.days_7")}
_ASKS_FOR_REMINDER = ({"nhac"}, {"remind"})
_EVERY_DAY = ({"moi", "ngay"}, {"hang", "ngay"}, {"hangngay"}, {"every", "day"}, {"daily"})


_HAS_REMINDER = "has_reminder"
# A time typed alone at the overview is this short ("9h", "8 giờ tối", "at 7:30 am").
TIME_ALONE_WORDS = 4


async def start(turn: Turn) -> Step:
    """The menu's reminders item (after consent): what is set, and what can be done with it."""
    reminder = await _current(turn)
    turn.open_flow(FLOW, "menu")
    # The prompt shown again after something said in between is synchronous: it offers what the
    # overview offered, by what the overview found.
    turn.session.data[_HAS_REMINDER] = reminder is not None
    return Step([_overview(turn, reminder)], "reminders")


# A typed answer to today's reminder, when its buttons are no longer the last thing on screen: short,
# and about going (folded word sets; every word of one set present).
_WENT = ({"da", "di"}, {"di", "roi"}, {"uong", "roi"}, {"da", "uong"}, {"went"}, {"done"}, {"been"})
_NOT_YET = ({"chua", "di"}, {"chua", "uong"}, {"khong", "di", "duoc"}, {"chua", "den"}, {"not", "yet"},
            {"cant", "go"}, {"didnt", "go"}, {"missed"})


async def on_text(turn: Turn) -> Step | None:
    """"nhắc tôi 7h sáng mỗi ngày": set or change the daily reminder from one message; "đã đi", "hôm nay
    chưa đi được": the answer to today's reminder, typed after something else came in between."""
    said = set(words(turn.text))
    if len(said) <= 7 and turn.person.consented and not any(w <= said for w in _ASKS_FOR_REMINDER):
        went = any(w <= said for w in _WENT) and not any(w <= said for w in _NOT_YET)
        if went or any(w <= said for w in _NOT_YET):
            answered = await _answer_today(turn, went)
            if answered is not None:
                return answered
    if not any(w <= said for w in _ASKS_FOR_REMINDER) or not any(w <= said for w in _EVERY_DAY):
        return None
    parsed = parse_time_of_day(turn.text)
    if parsed is None:
        return None
    if isinstance(parsed, TimeProblem):
        if not turn.person.consented:
            return ask_consent_for(turn, "m:remind")
        return ask_time_again(turn, parsed)
    if not turn.person.consented:
        return ask_consent_for(turn, "m:remind", {"at": f"{parsed.hour:02d}:{parsed.minute:02d}"})
    return await set_time(turn, parsed.hour, parsed.minute)


def ask_time_again(turn: Turn, problem: TimeProblem) -> Step:
    """A time of day that does not exist ("nhắc tôi 25h mỗi ngày", "đổi giờ nhắc sang 25h"): said so, and the time
    asked again, so that the next message ("8h tối") answers it and the request is not dropped."""
    turn.open_flow(FLOW, "time")
    return Step([Reply(turn._(problem.key, typed=problem.typed)), _ask_time(turn)], "reminders:bad_time")


def _overview(turn: Turn, reminder: Reminder | None) -> Reply:
    _ = turn._
    # The wording also governs a self-help group's notices, so it can be chosen without a reminder.
    wording = _("reminders.wording_discreet") if turn.person.discreet else _("reminders.wording_explicit")
    if reminder is None:
        return Reply("\n".join((_("reminders.none_yet"), wording)), (
            turn.choice_of("rem:set", "reminders.set"),
            turn.choice_of("rem:wording", "reminders.toggle_wording"),
            turn.choice_of("m:menu", "menu.back"),
        ))
    at = dose.parse_rule(reminder.rule).at.strftime("%H:%M")
    lines = [_("reminders.daily_at", time=at)]
    if reminder.paused_until is not None and reminder.paused_until > turn.now:
        lines.append(_("reminders.paused_until", date=_.datetime(reminder.paused_until)))
    lines.append(wording)
    return Reply("\n".join(lines), (
        turn.choice_of("rem:set", "reminders.change_time"),
        turn.choice_of("rem:pause", "reminders.pause"),
        turn.choice_of("rem:stop", "reminders.stop"),
        turn.choice_of("rem:wording", "reminders.toggle_wording"),
        turn.choice_of("m:menu", "menu.back"),
    ))


def _ask_time(turn: Turn) -> Reply:
    return Reply(turn._("reminders.ask_time"))


@dataclass(frozen=True)
class PauseKey(ChoiceKey):
    """rem:pause:<days>."""

    prefix: ClassVar[str] = "rem"
    tag: ClassVar[str | None] = "pause"
    days: int


def _ask_pause(turn: Turn) -> Reply:
    return Reply(turn._("reminders.ask_pause"), tuple(
        turn.choice_of(PauseKey(days).pack(), label) for days, label in PAUSE_DAYS.items()
    ))


class RemindersFlow:
    name = FLOW

    async def step(self, turn: Turn) -> Step | None:
        choice = turn.choice or ""
        step = turn.session.step
        if choice == "rem:set":
            turn.goto("time")
            return Step([_ask_time(turn)], "reminders")
        if choice == "rem:pause":
            if await _current(turn) is None:
                return None
            turn.goto("pause")
            return Step([_ask_pause(turn)], "reminders")
        if step == "pause" and turn.incoming.choice is None:
            # A typed number is a number of days, not the number of a choice ("3" is 3 days).
            numbers = [int(w) for w in words(turn.text) if w.isdigit()]
            if len(numbers) == 1 and 1 <= numbers[0] <= PAUSE_MAX_DAYS:
                return await _pause(turn, numbers[0])
        pause = PauseKey.unpack(choice)
        if pause is not None:
            return await _pause(turn, pause.days)
        if choice == "rem:stop":
            return await stop(turn)
        if choice == "rem:wording":
            turn.person.discreet = not turn.person.discreet
            return Step([_overview(turn, await _current(turn))], "reminders")
        if step == "time" and turn.choice is None and turn.text.strip():
            parsed = parse_time_of_day(turn.text)
            if isinstance(parsed, TimeProblem):
                return Step([Reply(turn._(parsed.key, typed=parsed.typed)), _ask_time(turn)], "reminders:bad_time")
            if parsed is None:
                return None
            return await set_time(turn, parsed.hour, parsed.minute)
        if step == "menu" and turn.choice is None and 0 < len(words(turn.text)) <= TIME_ALONE_WORDS:
            # A time typed at the overview ("9h", "8 giờ tối"): the time to be reminded at, set or changed.
            parsed = parse_time_of_day(turn.text)
            if isinstance(parsed, TimeProblem):
                return ask_time_again(turn, parsed)
            if parsed is not None:
                return await set_time(turn, parsed.hour, parsed.minute)
        return None

    def prompt(self, turn: Turn) -> Reply:
        if turn.session.step == "time":
            return _ask_time(turn)
        if turn.session.step == "pause":
            return _ask_pause(turn)
        if turn.session.data.get(_HAS_REMINDER):
            return Reply(turn._("reminders.what_next"), (
                turn.choice_of("rem:set", "reminders.change_time"),
                turn.choice_of("rem:pause", "reminders.pause"),
                turn.choice_of("rem:stop", "reminders.stop"),
                turn.choice_of("m:menu", "menu.back"),
            ))
        return Reply(turn._("reminders.what_next"), (
            turn.choice_of("rem:set", "reminders.set"),
            turn.choice_of("m:menu", "menu.back"),
        ))


async def has_reminder(turn: Turn) -> bool:
    """Whether the person has a daily reminder to stop or pause (none without consent: none is kept)."""
    return turn.person.id is not None and turn.person.consented and await _current(turn) is not None


def none_to_change(turn: Turn) -> Step:
    return Step([Reply(turn._("reminders.none_yet")), *menu_unless_in_flow(turn)], "reminders:none")


async def _current(turn: Turn) -> Reminder | None:
    assert turn.person.id is not None
    return await dose.current(turn.uow, turn.person.id)


async def open_from_menu(turn: Turn, carried: dict[str, str]) -> Step:
    """The menu's reminders item; straight to the time or the pause when the person already said it ("nhắc
    tôi 8h tối mỗi ngày", "tắt nhắc 8 ngày"; carried through the consent question)."""
    at = carried.get("at", "")
    if at[:2].isdigit() and at[3:5].isdigit():
        turn.close_flow()
        return await set_time(turn, int(at[:2]), int(at[3:5]))
    days = carried.get("pause_days", "")
    if days.isdigit() and await _current(turn) is not None:
        if 1 <= int(days) <= PAUSE_MAX_DAYS:
            return await _pause(turn, int(days))
        # Longer than a pause may be ("tạm dừng nhắc 100 ngày"): how many days, asked again; the question says up to
        # how many.
        turn.open_flow(FLOW, "pause")
        return Step([_ask_pause(turn)], "reminders")
    return await start(turn)


async def set_time(turn: Turn, hour: int, minute: int) -> Step:
    assert turn.person.id is not None
    reminder = await dose.set_daily(turn.uow, turn.person.id, time(hour, minute), turn.services.timezone_name,
                                    turn.now)
    turn.close_flow()
    assert reminder.next_at is not None
    said = N_("reminders.set_done") if turn.has_buttons else N_("reminders.set_done_typed")
    at = f"{hour:02d}:{minute:02d}"
    done = turn._(said, time=at, first=turn._.datetime(reminder.next_at))
    return Step([Reply(done), main_menu(turn)], "reminders:set")


async def _pause(turn: Turn, days: int) -> Step:
    assert turn.person.id is not None
    # Paused through the whole of the last day, in the person's own time.
    local_midnight = turn._.local(turn.now).replace(hour=0, minute=0, second=0, microsecond=0)
    reminder = await dose.pause(turn.uow, turn.person.id, local_midnight + timedelta(days=days + 1), turn.now)
    turn.close_flow()
    if reminder is None:
        return Step([_overview(turn, None)], "reminders")
    assert reminder.next_at is not None
    text = turn._("reminders.paused", days=days, first=turn._.datetime(reminder.next_at))
    return Step([Reply(text), main_menu(turn)], "reminders:paused")


async def stop(turn: Turn) -> Step:
    assert turn.person.id is not None
    await dose.stop(turn.uow, turn.person.id)
    turn.close_flow()
    return Step([Reply(turn._("reminders.stopped")), main_menu(turn)], "reminders:stopped")


async def _answer_today(turn: Turn, went: bool) -> Step | None:
    """The typed answer for the day of the last reminder sent, if it is still unanswered."""
    reminder = await _current(turn)
    if reminder is None or reminder.id is None or not reminder.state.get("day") or reminder.state.get("answered"):
        return None
    turn.choice = DoseKey("done" if went else "miss", reminder.id, str(reminder.state["day"])).pack()
    return await on_answer(turn)


async def on_answer(turn: Turn) -> Step:
    """A reminder's buttons, pressed or typed: dose:done|miss:<reminder>:<day>, or dose:note:<reminder>."""
    key = DoseKey.unpack(turn.choice)
    assert turn.person.id is not None
    if key is not None and key.answer == "note" and key.day is None:
        return Step([Reply(turn._("reminders.safety_note"))], "reminders:note")
    if key is None or key.answer not in ("done", "miss") or key.day is None:
        return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")
    went = key.answer == "done"
    answer = await dose.record_answer(turn.uow, key.reminder, turn.person.id, key.day, went, turn.now)
    if answer.outcome == "stale":
        return Step([Reply(turn._("reminders.answer_stale"))], "reminders:stale")
    if went:
        return Step([Reply(turn._("reminders.thanks_went"))], "reminders:went")
    replies = [Reply(turn._("reminders.thanks_not_today"))]
    if answer.missed >= dose.MISSED_FOR_SAFETY_NOTE:
        replies.append(Reply(turn._("reminders.safety_note")))
    return Step(replies, "reminders:missed")
